"""The resolution of one document's speaker mentions, rule by rule (the rules are listed
in :mod:`quotes.pipeline.entities`): the working state that
:class:`~quotes.pipeline.entities.MentionResolver` hands from one
:class:`~quotes.pipeline.resolution.Resolution` to the next. The person, pronoun and group
rules are here; what the run remembers of the document (antecedents, salience) is
:mod:`quotes.pipeline.resolution_memory`, the organisation and outlet rules
:mod:`quotes.pipeline.resolution_organizations`, the statement-noun rules ("Angaben der
Polizei") :mod:`quotes.pipeline.resolution_statements`, the role-noun rules ("der
Präsident", "der 34-Jährige") :mod:`quotes.pipeline.resolution_roles`, the reshaping of a
mention (a trailing adverbial, a conjunct, a description's name)
:mod:`quotes.pipeline.resolution_mentions`."""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Callable
from itertools import pairwise

import attrs

from quotes.document import Document
from quotes.pipeline.antecedents import subject_before
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.entity_scan import (
    OBLIQUE,
    SUBJECT,
    Entity,
    group_name,
    scan,
    unquoted,
)
from quotes.pipeline.mention import Mention
from quotes.pipeline.outlets import OutletFinder
from quotes.pipeline.resolution_memory import Memory
from quotes.pipeline.resolution_mentions import (
    bracketed,
    description_name,
    name_word,
    part_of,
    without_adverbials,
)
from quotes.pipeline.resolution_organizations import Organizations
from quotes.pipeline.resolution_roles import Roles
from quotes.pipeline.resolution_statements import Statements, word_offset

__all__ = ["ResolutionRun"]


# How many sentences back a definite class noun ("der Verband", "der Verein") may refer to
# the one organisation mentioned there, named without that class noun.
_CLASS_SENTENCES = 2


def _weakly(method: Callable[[Mention], Entity]) -> Callable[[Mention], Entity]:
    """``method`` called through a weak reference to its object."""
    ref = weakref.WeakMethod(method)

    def call(mention: Mention) -> Entity:
        bound = ref()
        if bound is None:
            raise ReferenceError("the resolution run is gone")
        return bound(mention)

    return call


class ResolutionRun:
    """The state of one resolution call: the roster and the mentions resolved so far."""

    def __init__(self, doc: Document, lexicon: Lexicon, outlets: OutletFinder) -> None:
        self.doc = doc
        self.lex = lexicon
        self.outlets = outlets
        # The document is read for names on the first resolution, not before: most
        # documents of an archive quote nobody.
        self._memory: Memory | None = None
        self._orgs: Organizations | None = None
        self._statements: Statements | None = None
        self._roles: Roles | None = None
        # The names the document writes after a place preposition (read when first asked).
        self._places: frozenset[str] | None = None

    @property
    def memory(self) -> Memory:
        """What the run remembers of the document (read on the first resolution)."""
        assert self._memory is not None
        return self._memory

    @property
    def orgs(self) -> Organizations:
        """The organisation and outlet rules over :attr:`memory`."""
        assert self._orgs is not None
        return self._orgs

    @property
    def roles(self) -> Roles:
        """The role-noun rules over :attr:`memory`."""
        assert self._roles is not None
        return self._roles

    @property
    def statements(self) -> Statements:
        """The statement-noun rules over :attr:`memory`."""
        assert self._statements is not None
        return self._statements

    def resolve(self, mention: Mention) -> Entity:
        """The entity a speaker mention refers to; remembered for later mentions."""
        if self._memory is None:
            self._memory = Memory(self.doc, self.lex, scan(self.doc, self.lex))
            self._orgs = Organizations(self.doc, self.lex, self.outlets, self._memory)
            self._roles = Roles(self.doc, self.lex, self._memory)
            # Weak references to the run's own steps: bound methods would make a cycle
            # (run → statements → method → run) that kept the document, its tokens and
            # every mention alive until the cyclic collector ran (issue 9 §2).
            self._statements = Statements(
                self.lex, self._memory, _weakly(self._resolve), _weakly(self._resolve_pronoun)
            )
        entity = self._resolve(mention)
        statement = next(
            (w for w in mention.head if w in self.lex.statement_nouns and not mention.pronoun),
            "",
        )
        if (
            statement
            and entity.name.split()[-1:] == [statement]
            and (entity.type in ("group", "unknown") or entity.name == statement)
        ):
            # A statement without a named author is no group: it keeps the words that say
            # whose it is ("Angaben aus Fraktionskreisen", "Ansicht von Beobachtern").
            entity = self.statements.description(mention, statement) or entity
        if not entity.name and not mention.pronoun and mention.text.strip():
            # A phrase no rule could name ("Einer von ihnen"): its own words, never "".
            entity = Entity(" ".join(mention.text.split()), "unknown")
        if unquoted(entity.name) != entity.name:
            # The mention keeps the marks as written; the name is the entity's, without
            # them ("die „Bild“-Reporterin" → Bild-Reporterin).
            entity = attrs.evolve(entity, name=unquoted(entity.name))
        if entity.name:
            if entity.name not in self.memory.by_name or entity.type != "person":
                self.memory.by_name.setdefault(entity.name, entity)
            abbreviation = mention.apposition[0] if len(mention.apposition) == 1 else ""
            if (
                entity.type == "organization"
                and abbreviation.isupper()
                and abbreviation.isalpha()
                and abbreviation[:1] == entity.name[:1]
                and abbreviation != entity.name
            ):
                # "Das Institut der deutschen Wirtschaft (IW)": a later "das IW" is it.
                self.memory.by_name.setdefault(abbreviation, entity)
            self.memory.note(mention.start, entity.name, SUBJECT if mention.subject else OBLIQUE)
        return entity

    # -- resolution -------------------------------------------------------------------
    def _resolve(self, mention: Mention) -> Entity:
        lex = self.lex
        if mention.pronoun:
            return self._resolve_pronoun(mention)
        if mention.antecedent is not None:
            # "nach eigenen Angaben": the clause's subject is the author.
            entity = self._resolve(mention.antecedent)
            if entity.name and (entity.type != "unknown" or not mention.antecedent.pronoun):
                return entity
        mention = without_adverbials(mention, self.lex)
        owned = self._owned_role(mention)
        if owned is not None:
            return owned
        named = self._names_inside(mention)
        if named is not None:
            return named
        author = self.statements.author(mention)
        if author is not None:
            return author
        both = self._coordinated(mention)
        if both is not None:
            return both
        words = (*mention.head, *mention.apposition)
        joined = " ".join(words)
        for name in sorted(self.memory.by_name, key=len, reverse=True):
            if " " in name and name in joined and self.memory.by_name[name].type == "person":
                return self.memory.with_role(self.memory.by_name[name], mention)
        # A surname of a known person, the most recent one first; "Merkels Sprecher" is
        # not Merkel.
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            genitive = word.endswith("s") and k + 1 < len(mention.head)
            candidates = (None if genitive else self.memory.surnames(word)) or (
                self.memory.surnames(word[:-1]) if word.endswith("s") and not genitive else None
            )
            # "Prof. Vogt", "Frau Dr. Müller": the word before the title says who.
            b = k - 1
            while b > 0 and words[b] in lex.titles:
                b -= 1
            before = words[b] if b >= 0 and words[b] not in lex.titles else ""
            honorific = lex.honorifics.get(before)
            if candidates and honorific is not None:
                # "Frau Müller" after "Anna Müller": the person, if of that gender.
                candidates = [
                    c for c in candidates if self.memory.by_name[c].gender in ("", honorific[1])
                ]
            elif candidates and before[:1].isupper() and not self._describes(before):
                # "Miriam Müller" is not "Thomas Müller": a first name must agree.
                candidates = [c for c in candidates if before in c.split()[:-1]]
            if candidates:
                best = self.memory.most_recent(candidates, mention.start)
                return self.memory.with_role(self.memory.by_name[best], mention)
        for word in reversed(words):
            if word in lex.known_persons:
                name, gender = lex.known_persons[word]
                return self.memory.register(name, gender, set(), mention.start)
        outlet = self.orgs.outlet(mention) or self.orgs.aliased(mention)
        if outlet is not None:
            return outlet
        if not mention.determiner and mention.head and len(mention.head) == 1:
            government = lex.capital_governments.get(mention.head[0])
            if government is not None and mention.text.strip() == mention.head[0]:
                return Entity(government, "organization", "f")  # "Washington fordert …"
            if mention.text.strip() == mention.head[0] and self._is_place(mention.head[0]):
                # "China erklärte", "Mombasa zufolge": the place's authorities speak.
                return Entity(mention.head[0], "organization")
        organization = self.orgs.inside(mention)
        if organization is not None:
            return organization
        classed = self.orgs.class_name(mention)
        if classed is not None:
            return classed
        if (
            mention.determiner in self.lex.definite_articles
            and len(mention.head) == 1
            and not mention.genitive  # "der Zentralverband der …" names its organisation
            and self.lex.is_organization_class(mention.head[0])
            and not self.lex.role_of(mention.head[0])
        ):
            earlier = self.orgs.classed_before(mention) or self._one_organization_before(mention)
            if earlier is not None:
                # "Die Diakonie … Der Verband teilte mit": the one organisation just named.
                return earlier
            if not mention.plural:
                # "Der Autobauer erklärte": a class noun names an organisation, named or not.
                return self.orgs.organization(mention)
        named_organization = self.orgs.named(mention)
        if named_organization is not None:
            return named_organization
        role_word = next((w for w in reversed(mention.head) if lex.role_of(w)), None)
        names = [w for w in mention.head if not lex.role_of(w) and name_word(w, lex)]
        if role_word is not None and not names:
            appositive = [w for w in mention.apposition if name_word(w, lex)]
            if len(appositive) >= 2 and len(appositive) == len(mention.apposition):
                # "Der Sprecher der Luftwaffe, Jurij Ihnat, sagte": the name in commas is
                # the role's holder (a first name and a surname at least).
                role, gender = lex.role_gender(role_word, mention.determiner) or ("", "")
                gender = lex.given_names.get(appositive[0], "") or gender
                return self.memory.register(" ".join(appositive), gender, {role}, mention.start)
            return self.roles.resolve(mention, role_word)
        if self.orgs.is_organization(mention) and not self._person_by_role(
            mention, role_word, names
        ):
            # "Der Deutsche Gewerkschaftsbund": a subject's article gives the gender no
            # dictionary knows ("Bund" has two), and its adjective the strong ending.
            gender = lex.article_genders.get(mention.determiner, "") if mention.subject else ""
            return self.orgs.organization(mention, gender)
        indefinite = (
            mention.determiner in lex.article_genders
            and mention.determiner not in lex.definite_articles
        )
        if (
            indefinite
            and not mention.plural
            and mention.head[-1:]
            and mention.head[-1] in lex.group_words
        ):
            # "ein Anwohner", "ein Teilnehmer": one of the group's people, no group.
            return Entity(
                description_name(mention, lex.group_heads, lex.noun_genders),
                "person",
                lex.article_genders[mention.determiner],
            )
        if mention.plural or (mention.head and mention.head[-1] in lex.group_words):
            if mention.determiner == "beide" or mention.text.split()[0].lower() == "beide":
                pair = self.memory.last_pair(mention.start)  # "Beide Seiten" after "X und Y"
                if pair is not None:
                    return pair
            adjectives, head = self._split_initial_adjective(mention)
            return Entity(group_name(adjectives, head, mention.genitive), "group", "pl")
        if (
            len(names) == 1
            and mention.determiner in lex.definite_articles
            and mention.adjectives
            and all(lex.is_name_adjective(w) for w in mention.adjectives)
            and not mention.apposition
            and lex.noun_gender(names[0])
        ):
            # "die Deutsche Bahn", "die Europäische Zentralbank": after an article only a
            # name writes its adjective with a capital, so the common noun is an
            # organisation's name ("Die Regierung Guatemalas" has a noun first, no adjective).
            return self.orgs.organization(mention)
        if (
            len(names) == 1
            and (
                mention.determiner in lex.determiners_nominative | lex.determiners_oblique
                # "laut vorläufigem Ergebnis": an adjective before it makes it common too.
                or any(w[:1].islower() for w in mention.adjectives)
            )
            and not mention.apposition
            and names[0] not in lex.given_names
            and lex.noun_gender(names[0])
        ):
            # "die Ausstellung erinnere …": a common noun with its article names no
            # person (and takes no pronoun that follows).
            return Entity(
                description_name(mention, lex.group_heads, lex.noun_genders),
                "unknown",
                lex.noun_gender(names[0]),
            )
        if (
            len(names) == 1
            and len(mention.head) == 1
            and mention.determiner in lex.definite_articles
            and not mention.apposition
            and names[0] not in lex.given_names
            and not lex.is_common_word(names[0])
            and not names[0].lower().endswith(lex.common_noun_endings)
            # "des Angestellten", "der Verletzte": an adjective made a noun, a person.
            and (names[0].isupper() or not names[0].endswith(lex.adjective_endings))
        ):
            # "Der Nabu", "der ADAC", "Der Deutsche Städtetag": German writes a person's
            # name without an article; a name with one is an organisation's.
            gender = lex.article_genders.get(mention.determiner, "") if mention.subject else ""
            return self.orgs.organization(mention, gender)
        if names:
            # "Dr. Vogt", "Frau Prof. Berger": an academic title is no part of the name.
            names = [w for w in names if w not in lex.titles] or names
            name = " ".join(names)
            gender = lex.given_names.get(names[0], "") if len(names) > 1 else ""
            honorific = lex.honorifics.get(names[0]) if len(names) > 1 else None
            if honorific is not None:
                # "Herrn Müller" is "Herr Müller", a man.
                name = " ".join((honorific[0], *names[1:]))
                gender = honorific[1]
            # "Frau Müller, eine Rentnerin aus Offenbach": a role in the apposition is hers
            # ("die Rentnerin" later refers to her).
            roles = {
                found[0]
                for w in (*mention.head, *mention.apposition)
                if (found := lex.role_of(w))
            }
            return self.memory.register(name, gender, roles, mention.start)
        return Entity(
            description_name(mention, lex.group_heads, lex.noun_genders) or mention.text, "unknown"
        )

    def _owned_role(self, mention: Mention) -> Entity | None:
        """ "Merkels Sprecher", "Herrn Schneiders Anwalt": a role after a name in the
        genitive is the owner's, the speaker that role's holder, not the owner. Not after a
        given name ("Klaus Richter" is a name, "Richter" a surname there)."""
        head, lex = mention.head, self.lex
        if mention.determiner or len(head) < 2 or mention.apposition:
            return None
        role = lex.role_gender(head[-1], "")
        owner = head[-2]
        if (
            role is None
            or not owner.endswith("s")
            or not owner[:1].isupper()
            or owner in lex.given_names
            or lex.role_of(owner)
            or lex.is_organization_word(owner)
        ):
            return None
        return Entity(" ".join(head), "person", role[1])

    def _person_by_role(self, mention: Mention, role_word: str | None, names: list[str]) -> bool:
        """Whether a person's role noun stands before the names of the mention's head:
        "Finanzministerin Chrystia Freeland" is a person though "Freeland" ends like an
        organisation ("-land"); a listed organisation name stays one."""
        if role_word is None or not names or names[-1] == role_word:
            return False
        head = mention.head
        if head.index(role_word) > head.index(names[0]):
            return False
        lex = self.lex
        return not any(w in lex.organization_names or w in lex.organization_aliases for w in names)

    def _one_organization_before(self, mention: Mention) -> Entity | None:
        """The one organisation of the last sentences a definite class noun can refer
        to: one whose name says no other kind ("Die Diakonie … Der Verband", "Der FC
        Bayern … der Verein"); "das Innenministerium" is no "Verband"."""
        earlier = self.memory.only_organization_before(mention.start, _CLASS_SENTENCES)
        if earlier is None or not earlier.name:
            return None
        kind = self.lex.organization_kind(self.orgs.head_word(earlier.name))
        if kind and not mention.head[-1].lower().endswith(kind):
            return None
        return earlier

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
        truncated = left[-1].endswith("-")
        if any(w.lower() in lex.prepositions or not w.strip(",()") for w in left):
            return None
        if any(not w[:1].isalnum() and w[:1] not in "„»" for w in (*left, *right)):
            return None
        at = word_offset(mention.text, words[k], len(" ".join(left)))
        if at < 0:
            return None
        names: list[str] = []
        for start, end in ((0, at), (at + len(words[k]), len(mention.text))):
            part = mention.text[start:end]
            lead = len(part) - len(part.lstrip())
            part = part.strip()
            if not part:
                return None
            entity = self._resolve(part_of(mention, mention.start + start + lead, part, self.lex))
            if not entity.name or entity.type == "unknown":
                return None
            if truncated and entity.type == "organization":
                return None  # "die Industrie- und Handelskammer Kassel": one name
            names.append(entity.name)
        if names[0] == names[1]:
            return None
        return Entity(" und ".join(names), "group", "pl")

    def _names_inside(self, mention: Mention) -> Entity | None:
        """The person (or persons, joined by "und") whose full names the document wrote
        inside the mention (starting in it), in its head or in an apposition; not in a
        genitive or "von" attribute ("die Sprecherin von Angela Merkel" is not Merkel)."""
        spans = self.memory.roster.full_names
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
            if between and between[0] in self.lex.group_joints:
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
            text[a[1] : b[0]].split() and text[a[1] : b[0]].split()[0] in self.lex.group_joints
            for a, b in pairwise(found)
        ):
            names = [f[2] for f in found]
            return Entity(" und ".join(names), "group", "pl")
        entity = self.memory.by_name.get(found[0][2])
        if entity is None:
            return None
        party = bracketed(text[found[0][1] : mention.end])
        if party and party in self.lex.organization_names | {party.upper()}:
            entity = attrs.evolve(entity, affiliations=entity.affiliations | {party})
            self.memory.by_name[entity.name] = entity
        return self.memory.with_role(entity, mention)

    def _is_place(self, word: str) -> bool:
        """A country of ``place_names``, or a name the document writes after a place
        preposition ("in Mombasa", "aus Mombasa"); not a given name."""
        if word in self.lex.place_names:
            return True
        pattern = self.lex.place_pattern
        if word in self.lex.given_names or pattern is None:
            return False
        if self._places is None:
            self._places = frozenset(m.group("name") for m in pattern.finditer(self.doc.text))
        return word in self._places

    def _resolve_pronoun(self, mention: Mention) -> Entity:
        if mention.antecedent is not None:
            entity = self._resolve(mention.antecedent)
            if entity.name and entity.type != "unknown":
                return entity
        low = mention.pronoun.lower()
        gender = self.lex.pronouns.get(low, "")
        if mention.plural or (low == "sie" and self._plural_verb_near(mention)):
            gender = "pl"
        subject = subject_before(self.doc, self.lex, mention.start, gender)
        if subject is not None and not self.memory.noted_between(subject.start, mention.start):
            entity = self._resolve(subject)
            if entity.name and entity.gender in ("", gender):
                self.memory.note(subject.start, entity.name, SUBJECT)
                return entity
        for entity in self.memory.before(mention.start, by_salience=True):
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
            and head[0].endswith(self.lex.initial_adjective_endings)
            and head[0].lower() not in self.lex.noun_genders
        ):
            return (*mention.adjectives, head[0]), head[1:]
        return mention.adjectives, head

    def _describes(self, word: str) -> bool:
        """A role or organisation word before a surname ("Landrätin Müller"), not a name."""
        return bool(self.lex.role_of(word) or self.lex.is_organization_word(word))

    def _plural_verb_near(self, mention: Mention) -> bool:
        """ "sie sagten", "erklärten sie", "sie seien": the verb next to "sie" is plural."""
        text = self.doc.text
        before = text[max(0, mention.start - 30) : mention.start].split()[-1:]
        if before and before[0][-1:] in _SENTENCE_CLOSERS:
            before = []  # the last verb of the sentence before ("… fortsetzen. Sie warnte")
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


_SENTENCE_CLOSERS = frozenset(".!?:;")
