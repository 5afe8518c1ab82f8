"""The resolution of one document's speaker mentions, rule by rule (the rules are listed
in :mod:`quotes.pipeline.entities`): the working state that
:class:`~quotes.pipeline.entities.MentionResolver` hands from one
:class:`~quotes.pipeline.resolution.Resolution` to the next."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from itertools import pairwise

import attrs

from quotes.document import Document
from quotes.pipeline.entity_lexicon import Gender, Lexicon
from quotes.pipeline.entity_scan import (
    OBLIQUE,
    PLAIN,
    SUBJECT,
    Entity,
    Roster,
    group_name,
    normal_affiliation,
    organization_name_with,
    scan,
)
from quotes.pipeline.mention import Mention
from quotes.pipeline.outlets import OutletFinder

__all__ = ["ResolutionRun"]

# How many earlier mentions a pronoun or role noun may reach back to.
_LOOK_BACK = 64
# How many sentences back a subject is preferred over a nearer plain mention.
_SUBJECT_SENTENCES = 2


class ResolutionRun:
    """The state of one resolution call: the roster and the mentions resolved so far."""

    def __init__(self, doc: Document, lexicon: Lexicon, outlets: OutletFinder) -> None:
        self.doc = doc
        self.lex = lexicon
        self.outlets = outlets
        # The document is read for names on the first resolution, not before: most
        # documents of an archive quote nobody.
        self._roster: Roster | None = None

    def _start(self) -> Roster:
        roster = scan(self.doc, self.lex)
        self._roster = roster
        self._by_name = dict(roster.entities)
        self._surnames = {k: list(v) for k, v in roster.surnames.items()}
        self._offsets = [n.offset for n in roster.notes]
        self._names_at = [n.name for n in roster.notes]
        self._salience = [n.salience for n in roster.notes]
        return roster

    def resolve(self, mention: Mention) -> Entity:
        """The entity a speaker mention refers to; remembered for later mentions."""
        if self._roster is None:
            self._start()
        entity = self._resolve(mention)
        if entity.name:
            if entity.name not in self._by_name or entity.type != "person":
                self._by_name.setdefault(entity.name, entity)
            self._note(mention.start, entity.name, SUBJECT if mention.subject else OBLIQUE)
        return entity

    # -- salience ---------------------------------------------------------------------
    def _note(self, offset: int, name: str, salience: int) -> None:
        index = bisect_left(self._offsets, offset)
        if index < len(self._offsets) and self._offsets[index] == offset:
            self._names_at[index] = name
            self._salience[index] = max(salience, self._salience[index])
            return
        self._offsets.insert(index, offset)
        self._names_at.insert(index, name)
        self._salience.insert(index, salience)

    def _before(self, offset: int, *, by_salience: bool = False) -> Iterable[Entity]:
        """Entities mentioned shortly before ``offset``, most recent first.

        Only the last ``_LOOK_BACK`` mentions count: an antecedent further away is no
        antecedent, and the bound keeps resolution linear in the document's length. With
        ``by_salience``, subjects of the last sentences come first, oblique mentions last.
        """
        index = bisect_left(self._offsets, offset)
        order = list(range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1))
        if by_salience:
            here = self.doc.sentence_index(offset)
            near = [
                i
                for i in order
                if self._salience[i] == SUBJECT
                and here - self.doc.sentence_index(self._offsets[i]) <= _SUBJECT_SENTENCES
            ]
            plain = [i for i in order if self._salience[i] >= PLAIN and i not in near]
            order = near + plain + [i for i in order if self._salience[i] == OBLIQUE]
        seen: set[str] = set()
        for i in order:
            name = self._names_at[i]
            if name not in seen:
                seen.add(name)
                yield self._by_name[name]

    # -- resolution -------------------------------------------------------------------
    def _resolve(self, mention: Mention) -> Entity:
        lex = self.lex
        if mention.pronoun:
            return self._resolve_pronoun(mention)
        mention = self._without_adverbials(mention)
        named = self._names_inside(mention)
        if named is not None:
            return named
        author = self._author_of_statement(mention)
        if author is not None:
            return author
        both = self._coordinated(mention)
        if both is not None:
            return both
        words = (*mention.head, *mention.apposition)
        joined = " ".join(words)
        for name in sorted(self._by_name, key=len, reverse=True):
            if " " in name and name in joined and self._by_name[name].type == "person":
                return self._with_role(self._by_name[name], mention)
        # A surname of a known person, the most recent one first; "Merkels Sprecher" is
        # not Merkel.
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            genitive = word.endswith("s") and k + 1 < len(mention.head)
            candidates = (None if genitive else self._surnames.get(word)) or (
                self._surnames.get(word[:-1]) if word.endswith("s") and not genitive else None
            )
            before = words[k - 1] if k > 0 else ""
            if candidates and before[:1].isupper() and not self._describes(before):
                # "Miriam Müller" is not "Thomas Müller": a first name must agree.
                candidates = [c for c in candidates if before in c.split()[:-1]]
            if candidates:
                best = self._most_recent(candidates, mention.start)
                return self._with_role(self._by_name[best], mention)
        for word in reversed(words):
            if word in lex.known_persons:
                name, gender = lex.known_persons[word]
                return self._register(name, gender, set(), mention.start)
        outlet = self._outlet(mention)
        if outlet is not None:
            return outlet
        if not mention.determiner and mention.head and len(mention.head) == 1:
            government = lex.capital_governments.get(mention.head[0])
            if government is not None and mention.text.strip() == mention.head[0]:
                return Entity(government, "organization", "f")  # "Washington fordert …"
        organization = self._organization_inside(mention)
        if organization is not None:
            return organization
        classed = self._organization_class_name(mention)
        if classed is not None:
            return classed
        if (
            mention.determiner in self.lex.definite_articles
            and len(mention.head) == 1
            and self.lex.is_organization_class(mention.head[0])
            and not self.lex.role_of(mention.head[0])
        ):
            earlier = self._classed_before(mention)
            if earlier is not None:
                return earlier
        role_word = next((w for w in reversed(mention.head) if lex.role_of(w)), None)
        names = [w for w in mention.head if not lex.role_of(w) and w[:1].isupper()]
        if role_word is not None and not names:
            return self._resolve_role(mention, role_word)
        if self._is_organization(mention):
            return self._organization(mention)
        if mention.plural or (mention.head and mention.head[-1] in lex.group_words):
            if mention.determiner == "beide" or mention.text.split()[0].lower() == "beide":
                pair = self._last_pair(mention.start)  # "Beide Seiten" after "X und Y"
                if pair is not None:
                    return pair
            adjectives, head = self._split_initial_adjective(mention)
            return Entity(group_name(adjectives, head, mention.genitive), "group", "pl")
        if (
            len(names) == 1
            and mention.determiner in lex.determiners_nominative | lex.determiners_oblique
            and not mention.apposition
            and names[0] not in lex.given_names
            and lex.noun_gender(names[0])
        ):
            # "die Ausstellung erinnere …": a common noun with its article names no
            # person (and takes no pronoun that follows).
            return Entity(_description(mention), "unknown", lex.noun_gender(names[0]))
        if names:
            name = " ".join(names)
            gender = lex.given_names.get(names[0], "") if len(names) > 1 else ""
            roles = {found[0] for w in mention.head if (found := lex.role_of(w))}
            return self._register(name, gender, roles, mention.start)
        return Entity(_description(mention) or mention.text, "unknown")

    def _author_of_statement(self, mention: Mention) -> Entity | None:
        """The author a statement noun names in its genitive or "von" phrase: "Angaben der
        Polizei" → Polizei, "einem Bericht des „Spiegel“" → Spiegel, "Informationen von
        Reuters und AFP" → both. Only a named author counts (an outlet, an organisation, a
        person the document named, a group of names); "Angaben eines Sprechers" keeps its
        description."""
        lex = self.lex
        if not mention.genitive or not mention.head:
            return None
        if mention.head[-1] not in lex.statement_nouns or any(lex.role_of(w) for w in mention.head):
            return None
        first = mention.genitive[0]
        at = _word_offset(mention.text, first, mention.text.find(mention.head[-1]))
        if at < 0:
            return None
        rest = mention.genitive[1:] if first.lower() in lex.genitive_links else mention.genitive
        determiner = rest[0].lower() if rest and rest[0].lower() in lex.genitive_links else ""
        words = rest[1:] if determiner else rest
        head = tuple(w for w in words if w[:1].isupper() or w.strip('„“”"»«')[:1].isupper())
        if not head:
            return None
        author = attrs.evolve(
            mention,
            start=mention.start + at,
            text=mention.text[at:],
            head=head,
            determiner=first.lower() if first.lower() in lex.genitive_links else "",
            genitive=(),
            apposition=(),
            adjectives=(),
        )
        entity = self._resolve(author)
        if entity.type in ("outlet", "organization"):
            return entity
        if entity.type == "group" and " und " in entity.name:
            return entity
        if entity.type == "person" and entity.name in self._by_name and " " in entity.name:
            return entity
        return None

    def _coordinated(self, mention: Mention) -> Entity | None:
        """Two noun phrases joined by "und" or "sowie" ("der Kanzler und der
        Finanzminister", "die Ukraine und europäische Länder"): the group of both, each
        resolved on its own. Not a name with a complement ("Bundesamt für Migration und
        Flüchtlinge") and not where either part resolves to nothing."""
        lex = self.lex
        words = mention.text.split()
        joints = [k for k, w in enumerate(words) if w in lex.group_joints]
        if len(joints) != 1 or not 0 < joints[0] < len(words) - 1:
            return None
        k = joints[0]
        left, right = words[:k], words[k + 1 :]
        if any(w.lower() in lex.prepositions or not w.strip(",()") for w in left):
            return None
        if any(not w[:1].isalnum() and w[:1] not in "„»" for w in (*left, *right)):
            return None
        at = _word_offset(mention.text, words[k], len(" ".join(left)))
        if at < 0:
            return None
        names: list[str] = []
        for start, end in ((0, at), (at + len(words[k]), len(mention.text))):
            part = mention.text[start:end]
            lead = len(part) - len(part.lstrip())
            part = part.strip()
            if not part:
                return None
            entity = self._resolve(self._part_of(mention, mention.start + start + lead, part))
            if not entity.name or entity.type == "unknown":
                return None
            names.append(entity.name)
        if names[0] == names[1]:
            return None
        return Entity(" und ".join(names), "group", "pl")

    def _part_of(self, mention: Mention, start: int, text: str) -> Mention:
        """A mention of one conjunct, split into determiner, adjectives and head."""
        lex = self.lex
        words = text.split()
        determiner = ""
        if words and words[0].lower() in lex.determiners_nominative | lex.determiners_oblique:
            determiner = words[0].lower()
            words = words[1:]
        adjectives = tuple(w for w in words if w[:1].islower())
        head = tuple(w for w in words if not w[:1].islower())
        return Mention(
            start,
            start + len(text),
            text,
            head=head,
            determiner=determiner,
            adjectives=adjectives,
            plural=bool(adjectives) and not determiner,
            subject=mention.subject,
        )

    def _without_adverbials(self, mention: Mention) -> Mention:
        """The mention's parts without a trailing adverbial that a chunker took in ("der
        CSU-Chef am Rande einer Sitzung", "eine Sprecherin am Sonntag"): they stop at the
        first preposition that cannot belong to a name ("für", "von" can) and leave out
        weekdays and other words of ``not_speakers``."""
        lex = self.lex
        words = mention.text.split()
        cut = next(
            (
                k
                for k, word in enumerate(words[1:], 1)
                if word.lower() in lex.prepositions and word.lower() not in lex.name_links
            ),
            len(words),
        )
        if cut == len(words) and not any(w in lex.not_speakers for w in mention.head):
            return mention
        kept = set(words[:cut])
        head = tuple(w for w in mention.head if w in kept and w not in lex.not_speakers)
        genitive: list[str] = []
        for word in mention.genitive:
            if word not in kept:
                break
            genitive.append(word)
        if not head:
            return mention
        return attrs.evolve(mention, head=head, genitive=tuple(genitive))

    def _names_inside(self, mention: Mention) -> Entity | None:
        """The person (or persons, joined by "und") whose full names the document wrote
        inside the mention (starting in it), in its head or in an apposition; not in a
        genitive or "von" attribute ("die Sprecherin von Angela Merkel" is not Merkel)."""
        assert self._roster is not None
        spans = self._roster.full_names
        index = bisect_left(spans, (mention.start, -1, ""))
        text = self.doc.text
        found: list[tuple[int, int, str]] = []
        while index < len(spans) and spans[index][0] < mention.end:
            start, end, name = spans[index]
            index += 1
            # A name may run past a mention cut short ("Gewerkschaftschef Holger" of
            # "… Holger Zimmermann"): it is still the name the mention starts.
            lead = text[mention.start : start]
            tail = lead.rsplit(",", 1)[-1].rsplit("(", 1)[-1].split()
            between = text[found[-1][1] : start].split() if found else []
            if between and between[0] in {"und", "sowie"}:
                found.append((start, end, name))
                continue
            if any(
                w in self.lex.attribute_links and not (k == 0 and w in self.lex.role_articles)
                for k, w in enumerate(tail)
            ):
                continue
            found.append((start, end, name))
        if not found:
            return None
        if len(found) > 1 and all(
            text[a[1] : b[0]].split() and text[a[1] : b[0]].split()[0] in {"und", "sowie"}
            for a, b in pairwise(found)
        ):
            names = [f[2] for f in found]
            return Entity(" und ".join(names), "group", "pl")
        entity = self._by_name.get(found[0][2])
        if entity is None:
            return None
        party = _bracketed(text[found[0][1] : mention.end])
        if party and party in self.lex.organization_names | {party.upper()}:
            entity = attrs.evolve(entity, affiliations=entity.affiliations | {party})
            self._by_name[entity.name] = entity
        return self._with_role(entity, mention)

    def _resolve_role(self, mention: Mention, role_word: str) -> Entity:
        lex = self.lex
        role, gender = lex.role_of(role_word) or ("", "")
        named = self._name_right_before(mention.start)
        if named is not None:
            # "Maria Sacharowa, die Sprecherin …": the role phrase is an apposition.
            return self._with_role(named, mention)
        party = (
            normal_affiliation(role_word.rsplit("-", 1)[0])
            if "-" in role_word and role_word.rsplit("-", 1)[1][:1].isupper()
            else ""
        )
        if mention.determiner in self.lex.role_articles and not mention.plural:
            for entity in self._before(mention.start):
                if entity.type != "person" or (entity.gender and entity.gender != gender):
                    continue
                if party:
                    if party in {normal_affiliation(a) for a in entity.affiliations} and (
                        role in lex.affiliation_roles or lex.roles_compatible(role, entity.roles)
                    ):
                        return entity
                    continue
                if lex.roles_compatible(role, entity.roles):
                    return entity
            only = self._only_person_before(mention.start)
            if only is not None and (not only.gender or only.gender == gender) and not party:
                # "Karl-Theodor zu Guttenberg … Der frühere Verteidigungsminister …": with
                # one person named so far, a definite role noun refers to that person.
                return self._with_role(only, mention)
        description = _description(mention)
        if mention.plural:
            return Entity(description, "group", "pl", frozenset({role}))
        return self._register(description, gender, {role}, mention.start)

    def _resolve_pronoun(self, mention: Mention) -> Entity:
        if mention.antecedent is not None:
            entity = self._resolve(mention.antecedent)
            if entity.name and entity.type != "unknown":
                return entity
        low = mention.pronoun.lower()
        gender = self.lex.pronouns.get(low, "")
        if mention.plural or (low == "sie" and self._plural_verb_near(mention)):
            gender = "pl"
        for entity in self._before(mention.start, by_salience=True):
            if gender == "pl":
                if entity.type == "group" or (entity.type == "organization" and not entity.gender):
                    return entity
                continue
            if entity.type == "person":
                if not entity.gender or not gender or gender == "any" or entity.gender == gender:
                    return entity
            elif entity.type == "organization" and entity.gender and entity.gender == gender:
                return entity
        return Entity(mention.text, "unknown", gender)

    def _split_initial_adjective(self, mention: Mention) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """ "Russische Staatsmedien" at a sentence start: the capital is the sentence's, the
        word an adjective (inflected, and not a noun of ``genders.toml``)."""
        head = mention.head
        sentence = self.doc.sentence_at(mention.start)
        if (
            len(head) > 1
            and sentence is not None
            and sentence.start == mention.start
            and "-" not in head[0]
            and head[0].endswith(("e", "en"))
            and head[0].lower() not in self.lex.noun_genders
        ):
            return (*mention.adjectives, head[0]), head[1:]
        return mention.adjectives, head

    def _describes(self, word: str) -> bool:
        """A role or organisation word before a surname ("Landrätin Müller"), not a name."""
        return bool(self.lex.role_of(word) or self.lex.is_organization_word(word))

    def _only_person_before(self, offset: int) -> Entity | None:
        """The one person the document has named before ``offset`` by name (full name
        or surname), if exactly one; anonymous descriptions do not count."""
        index = bisect_left(self._offsets, offset)
        person: Entity | None = None
        for i in range(index):
            entity = self._by_name[self._names_at[i]]
            if entity.type != "person":
                continue
            if " " not in entity.name or entity.name[:1].islower():
                return None  # an anonymous description ("Sprecher der …") or unclear
            if person is not None and person.name != entity.name:
                return None
            person = entity
        return person

    def _plural_verb_near(self, mention: Mention) -> bool:
        """ "sie sagten", "erklärten sie", "sie seien": the verb next to "sie" is plural."""
        text = self.doc.text
        before = text[max(0, mention.start - 30) : mention.start].split()[-1:]
        after = text[mention.end : mention.end + 30].split()[:1]
        for word in (*before, *after):
            word = word.strip(",.;:!?")
            if (
                word.islower()
                and len(word) > 3
                and word.endswith("en")
                and word not in self.lex.prepositions
                and word not in self.lex.skip_after_verb
                and word not in self.lex.determiners_oblique
                and word not in self.lex.determiners_nominative
            ):
                return True
        return False

    # -- helpers ----------------------------------------------------------------------
    def _register(self, name: str, gender: Gender, roles: set[str], offset: int) -> Entity:
        old = self._by_name.get(name)
        entity = Entity(
            name,
            "person",
            gender or (old.gender if old else ""),
            (old.roles if old else frozenset()) | frozenset(roles),
            (old.affiliations if old else frozenset())
            | self.lex.known_parties.get(name, frozenset()),
        )
        self._by_name[name] = entity
        if " " in name:
            bucket = self._surnames.setdefault(name.split()[-1], [])
            if name not in bucket:
                bucket.append(name)
        return entity

    def _name_right_before(self, offset: int) -> Entity | None:
        """The person whose full name ends just before ``offset``, followed by a comma."""
        assert self._roster is not None
        spans = self._roster.full_names
        index = bisect_right(spans, (offset, offset, "")) - 1
        while index >= 0 and spans[index][1] > offset:
            index -= 1
        if index < 0:
            return None
        _, end, name = spans[index]
        if self.doc.text[end:offset].strip() != ",":
            return None
        return self._by_name.get(name)

    def _with_role(self, entity: Entity, mention: Mention) -> Entity:
        roles = {
            found[0] for w in (*mention.head, *mention.apposition) if (found := self.lex.role_of(w))
        }
        if roles - entity.roles:
            entity = attrs.evolve(entity, roles=entity.roles | roles)
            self._by_name[entity.name] = entity
        return entity

    def _most_recent(self, names: list[str], offset: int) -> str:
        for entity in self._before(offset):
            if entity.name in names:
                return entity.name
        return names[0]

    def _outlet(self, mention: Mention) -> Entity | None:
        # The mention as written, without article and marks: die „Berliner Zeitung“.
        bare = " ".join(
            w.strip('„“”"»«') for w in mention.text.split() if w.lower() != mention.determiner
        ).strip()
        found = self.outlets.lookup(bare, ambiguous=False) if bare else None
        if found is not None:
            return Entity(found[0], "outlet", "n")
        for size in range(len(mention.head), 0, -1):
            for i in range(len(mention.head) - size + 1):
                found = self.outlets.lookup(" ".join(mention.head[i : i + size]), ambiguous=False)
                if found is not None:
                    return Entity(found[0], "outlet", "n")
        return None

    def _organization_class_name(self, mention: Mention) -> Entity | None:
        """ "die Gewerkschaft GEW" → GEW: a class noun, then the organisation's name."""
        head = mention.head
        for i, word in enumerate(head[:-1]):
            if not self.lex.is_organization_class(word):
                continue
            rest = head[i + 1 :]
            if any(self.lex.role_of(w) or w in self.lex.not_speakers for w in rest):
                return None
            if self.lex.is_organization_word(rest[-1]) and not (
                rest[-1] in self.lex.organization_names or rest[-1].isupper()
            ):
                return None  # "die Partei Bundesregierung"? not a name after a class noun
            name = " ".join(rest)
            return Entity(name, "organization", self.lex.noun_gender(word))
        return None

    def _organization_inside(self, mention: Mention) -> Entity | None:
        """An organisation the document named with its complement where the mention
        starts: "das Bundesamt für Migration und Flüchtlinge", however it was chunked."""
        assert self._roster is not None
        text = self.doc.text
        spans = self._roster.organization_spans
        index = bisect_left(spans, (mention.start, ""))
        determiners = self.lex.determiners_nominative | self.lex.determiners_oblique
        while index < len(spans) and spans[index][0] < mention.end:
            offset, full = spans[index]
            index += 1
            lead = text[mention.start : offset].split()
            if not lead or (len(lead) == 1 and lead[0].lower() in determiners):
                return Entity(full, "organization", self.lex.noun_gender(full.split()[0]))
        return None

    def _is_organization(self, mention: Mention) -> bool:
        return bool(mention.head) and self.lex.is_organization_word(mention.head[-1])

    def _organization(self, mention: Mention) -> Entity:
        """An organisation with its complement, as written in the mention or right after
        it ("das Bundesamt für Migration und Flüchtlinge"), or as the document named it
        before ("das Bundesamt" after "Bundesamt für Migration …")."""
        assert self._roster is not None
        name = self._organization_name(mention)
        head = name.split()[-1] if name else ""
        gender = self.lex.noun_gender(head) if head else ""
        definite = mention.determiner in self.lex.definite_articles
        for offset, full in reversed(self._roster.organizations.get(head, ())):
            inside = mention.start <= offset < mention.end
            earlier = offset < mention.start and len(name.split()) == 1
            if inside or (earlier and definite):
                return Entity(full, "organization", gender)
        if definite and len(mention.head) == 1 and name == head:
            earlier_one = self._classed_before(mention) or self._organization_ending_in(
                head, mention.start
            )
            if earlier_one is not None:
                return earlier_one
            name = organization_name_with(
                mention.adjectives, head, gender, self.lex.adjective_endings_longest_first
            )
        return Entity(name, "organization", gender)

    def _classed_before(self, mention: Mention) -> Entity | None:
        """ "die Gewerkschaft" after "Die Gewerkschaft GEW", "der Konzern" after "Der
        Autokonzern Volkswagen": the organisation last named with that class noun."""
        assert self._roster is not None
        noun = mention.head[-1].lower()
        for offset, cls, name in reversed(self._roster.classed):
            if offset < mention.start and cls.endswith(noun):
                return self._by_name.get(name) or Entity(name, "organization")
        return None

    def _organization_ending_in(self, head: str, offset: int) -> Entity | None:
        """ "das Ministerium" after "das polnische Innenministerium"."""
        low = head.lower()
        for entity in self._before(offset):
            if entity.type == "organization" and entity.name != head:
                last = entity.name.split()[-1].lower()
                if last.endswith(low) and " für " not in entity.name:
                    return entity
        return None

    def _last_pair(self, offset: int) -> Entity | None:
        """ "Beide Seiten" after "X und Y": the pair last named as a group, else the two
        persons of the last sentences when they name exactly two."""
        for entity in self._before(offset):
            if entity.type == "group" and " und " in entity.name:
                return entity
        here = self.doc.sentence_index(offset)
        index = bisect_left(self._offsets, offset)
        persons: list[str] = []
        for i in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            if here - self.doc.sentence_index(self._offsets[i]) > _PAIR_SENTENCES:
                break
            name = self._names_at[i]
            entity = self._by_name[name]
            if entity.type == "person" and " " in name and name not in persons:
                persons.append(name)
        if len(persons) != 2:
            return None
        return Entity(" und ".join(reversed(persons)), "group", "pl")

    def _organization_name(self, mention: Mention) -> str:
        aliases = self.lex.organization_aliases
        words = [*mention.adjectives, *mention.head]
        joined = " ".join(words)
        for alias, canonical in aliases.items():
            if joined.endswith(alias):
                return canonical
        head = mention.head[-1]
        if mention.determiner in {"des", "eines"} and head.endswith("s") and len(head) > 4:
            head = head[:-2] if head.endswith("es") and not head.endswith("ses") else head[:-1]
        # Capitalised adjectives after an article are part of the name ("das Statistische
        # Bundesamt"); lower-case ones are not ("das zuständige Bundesamt").
        named = [w for w in mention.adjectives if w[:1].isupper()] if mention.determiner else []
        before = [*named, *mention.head[:-1]]
        ending = {"m": "er", "f": "e", "n": "es"}.get(self.lex.noun_gender(head))
        if mention.determiner and ending is not None:
            # "des Statistischen Bundesamts" → "Statistisches Bundesamt": a capitalised
            # adjective of the name takes the nominative ending of its noun.
            before = [_strong(w, ending, self.lex.noun_genders) for w in before]
        return " ".join([*before, head])


def _strong(word: str, ending: str, nouns: Mapping[str, str]) -> str:
    """A capitalised adjective of a name in the form without article ("Statistischen",
    "Statistische" → "Statistisches"); other words as they are."""
    if word.lower() in nouns or len(word) <= 6:
        return word
    if word.endswith("en"):
        return word[:-2] + ending
    if word.endswith("e"):
        return word[:-1] + ending
    return word


def _word_offset(text: str, word: str, after: int) -> int:
    """Where ``word`` first stands as a word of ``text`` after offset ``after``."""
    at = max(after, 0)
    while (at := text.find(word, at)) >= 0:
        before_ok = at == 0 or not text[at - 1].isalnum()
        end = at + len(word)
        if before_ok and (end == len(text) or not text[end].isalnum()):
            return at
        at += 1
    return -1


def _bracketed(text: str) -> str:
    start, end = text.find("("), text.find(")")
    return text[start + 1 : end].strip() if 0 <= start < end else ""


def _description(mention: Mention) -> str:
    """An anonymous speaker's name: its head with its genitive ("Beamter des Ministeriums").

    Adjectives stay with plural groups ("russische Führer"), where they say who.
    """
    head = list(mention.head)
    if head and mention.determiner == "der" and head[-1].endswith("te"):
        head[-1] = head[-1] + "r"  # "der Beamte" → "Beamter", the form without article
    if mention.plural or (head and head[-1] in _GROUP_HEADS):
        return group_name(mention.adjectives, head, mention.genitive)
    return " ".join([*head, *mention.genitive])


# How many sentences back "Beide Seiten" looks for the two persons it means.
_PAIR_SENTENCES = 2
# Heads that name a group even in the singular-looking form.
_GROUP_HEADS = frozenset({"Quellen", "Kreise", "Staatsmedien", "Medien"})
