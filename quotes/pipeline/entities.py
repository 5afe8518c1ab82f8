"""Stage 5: resolve speaker mentions to entities within one document.

A document introduces people with their full names ("US-Außenminister Marco Rubio",
"Maria Sacharowa, die Sprecherin des russischen Außenministeriums") and then refers back
to them by surname ("Rubio"), by role ("der Präsident") or by pronoun ("er", "ihm").
The resolver reads the whole text once for full names (one regex pass built from the
given-name list), and then resolves each speaker mention against what came before it:

* a mention that contains a known full name or surname → that person;
* a role noun with a definite article ("der Präsident", "die Sprecherin", "der Beamte")
  → the most recent entity introduced with that role;
* a pronoun → the most recent person of matching gender (from the given-name list, a
  feminine role noun ending in -in, or an earlier resolution);
* organisations and outlets → their canonical names;
* anything else (anonymous speakers: "ein Ministeriumssprecher") → the mention's head
  description, which later definite mentions ("der Beamte") resolve to.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping

import attrs
import regex

from quotes.document import Document
from quotes.pipeline.outlets import OutletFinder
from quotes.records import SpeakerType
from quotes.rules import RuleData

__all__ = ["Entity", "EntityResolver", "Lexicon", "Mention"]

Gender = str  # "m", "f", "n", "pl" or "" when unknown

# How many earlier mentions a pronoun or role noun may reach back to.
_LOOK_BACK = 64


@attrs.frozen
class Entity:
    """A person, organisation, outlet or group that a document talks about."""

    name: str
    type: SpeakerType
    gender: Gender = ""
    roles: frozenset[str] = frozenset()


@attrs.frozen
class Mention:
    """A speaker mention as the speakers stage found it, split into its parts.

    ``words`` are the mention's tokens; ``head`` the capitalised core (role nouns and
    names, "US-Außenminister Marco Rubio"); ``apposition`` a name or role phrase in
    commas ("…, Maria Sacharowa,"); ``genitive`` the words of a genitive attribute
    ("des russischen Außenministeriums").
    """

    start: int
    end: int
    text: str
    head: tuple[str, ...] = ()
    determiner: str = ""
    pronoun: str = ""
    apposition: tuple[str, ...] = ()
    genitive: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    plural: bool = False


@attrs.frozen
class Lexicon:
    """The compiled closed-class and noun lists the speaker and entity stages share."""

    given_names: Mapping[str, Gender]
    pronouns: Mapping[str, Gender]
    determiners_nominative: frozenset[str]
    determiners_oblique: frozenset[str]
    skip_after_verb: frozenset[str]
    prepositions: frozenset[str]
    particles: frozenset[str]
    not_speakers: frozenset[str]
    role_suffixes: Mapping[str, tuple[str, Gender]]  # suffix → (canonical role, gender)
    role_suffix_lengths: tuple[int, ...]  # distinct suffix lengths, longest first
    organization_names: frozenset[str]
    organization_aliases: Mapping[str, str]
    group_words: frozenset[str]
    full_name_pattern: regex.Pattern[str]
    known_persons: Mapping[str, tuple[str, Gender]]  # alias or name → (full name, gender)
    known_person_pattern: regex.Pattern[str]
    organization_suffix_set: frozenset[str]
    organization_suffix_lengths: tuple[int, ...]
    finite_verbs: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: RuleData) -> Lexicon:
        names = rules.get("names", {})
        data = rules.get("speakers", {})
        given: dict[str, Gender] = {}
        for gender, key in (("m", "male"), ("f", "female")):
            for name in names.get(key, []):
                given[name] = "" if given.get(name, gender) != gender else gender
        roles: list[tuple[str, str, Gender]] = []
        irregular = {
            k.lower(): v.lower() for k, v in data.get("role_feminine_irregular", {}).items()
        }
        for masc in data.get("role_suffixes_masculine", []):
            masc = masc.lower()
            fem = irregular.get(masc, masc + "in")
            role = masc
            roles.append((fem, role, "f"))
            roles.append((masc, role, "m"))
            if masc.endswith("er") and masc in irregular:  # "Beamter" → "Beamte", "Beamten"
                roles.append((masc[:-1], role, "m"))
                roles.append((masc[:-1] + "n", role, "m"))
        pattern = _full_name_regex(given)
        org_suffixes = [x.lower() for x in data.get("organization_suffixes", [])]
        known: dict[str, tuple[str, Gender]] = {}
        for person in rules.get("persons", {}).get("person", []):
            entry = (str(person["name"]), str(person.get("gender", "")))
            known[entry[0]] = entry
            for alias in person.get("aliases", []):
                known[str(alias)] = entry
        return cls(
            given_names=given,
            pronouns={k: v for k, v in data.get("pronouns", {}).items()},
            determiners_nominative=frozenset(data.get("determiners_nominative", [])),
            determiners_oblique=frozenset(data.get("determiners_oblique", [])),
            skip_after_verb=frozenset(data.get("skip_after_verb", [])),
            prepositions=frozenset(data.get("prepositions", [])),
            particles=frozenset(data.get("particles", [])),
            not_speakers=frozenset(data.get("not_speakers", [])),
            role_suffixes={suffix: (role, gender) for suffix, role, gender in roles},
            role_suffix_lengths=tuple(sorted({len(r[0]) for r in roles}, reverse=True)),
            organization_names=frozenset(data.get("organization_names", [])),
            organization_aliases=dict(data.get("organization_aliases", {})),
            group_words=frozenset(data.get("group_words", [])),
            full_name_pattern=pattern,
            known_persons=known,
            known_person_pattern=_names_regex(
                a for a in known if " " not in a or a.startswith("von ")
            ),
            organization_suffix_set=frozenset(org_suffixes),
            organization_suffix_lengths=tuple(sorted({len(x) for x in org_suffixes}, reverse=True)),
            finite_verbs=frozenset(data.get("finite_verbs", [])),
            subordinators=frozenset(data.get("subordinators", [])),
            relative_pronouns=frozenset(data.get("relative_pronouns", [])),
            source_nouns=frozenset(data.get("source_nouns", [])),
            back_references=frozenset(data.get("back_references", [])),
        )

    def role_of(self, word: str) -> tuple[str, Gender] | None:
        """The canonical role and gender of a role noun ("Außenministerin" → minister, f)."""
        low = word.lower()
        for size in self.role_suffix_lengths:  # longest first
            found = self.role_suffixes.get(low[-size:])
            if found is not None:
                return found
        return None

    def is_organization_word(self, word: str) -> bool:
        if word in self.organization_names or word in self.organization_aliases:
            return True
        low = word.lower()
        # Genitive forms too: "Außenministeriums", "Hauses".
        stems = (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "")
        suffixes = self.organization_suffix_set
        return any(
            stem[-size:] in suffixes
            for stem in stems
            if stem
            for size in self.organization_suffix_lengths
        )


def _full_name_regex(given: Mapping[str, Gender]) -> regex.Pattern[str]:
    # A given name followed by one to three capitalised name parts (or particles such as
    # "von", "de", "al-"): "Recep Tayyip Erdoğan", "Ursula von der Leyen". The names are a
    # named list (\L<given>), which the regex module matches as a set lookup.
    part = r"(?:\p{Lu}[\p{L}\p{M}'’-]*\p{L}|\p{Lu}\.)"
    particle = r"(?:von der|von|van der|van|de|da|di|del|al-|bin|ibn|le|la)"
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}-])\L<given>(?:\s+(?:{particle}\s+)?{part}){{1,3}}+"
        rf"(?![\p{{L}}\p{{M}}])",
        regex.V1,
        given=sorted(given),
    )


def _names_regex(names: Iterable[str]) -> regex.Pattern[str]:
    """Whole-word occurrences of any of ``names`` (not inside "Trump-Regierung")."""
    return regex.compile(
        r"(?<![\p{L}\p{M}-])\L<names>(?![\p{L}\p{M}-])", regex.V1, names=sorted(names)
    )


class EntityResolver:
    """Resolves mentions within one document. Built fresh for each document."""

    def __init__(self, doc: Document, lexicon: Lexicon, outlets: OutletFinder) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.outlets = outlets
        self._by_name: dict[str, Entity] = {}
        self._surnames: dict[str, list[str]] = {}
        # Salience: (offset, entity name) in text order, for pronouns and role nouns.
        self._offsets: list[int] = []
        self._names_at: list[str] = []
        # Mentions in an oblique slot ("mit US-Präsident Donald Trump") are less likely
        # antecedents of a following "er" than subjects.
        self._oblique: list[bool] = []
        self._full_name_spans: list[tuple[int, int]] = []  # in text order
        # The document is read for names on the first resolution, not before: most
        # documents of an archive quote nobody, and reading them for names would cost a
        # good share of the rules path.
        self._scanned = False
        self._pending: list[tuple[int, str, bool]] | None = None

    def _scan(self) -> None:
        # The scans note mentions out of text order; they are sorted once afterwards.
        self._scanned = True
        self._pending = []
        self._scan_full_names()
        self._scan_surnames()
        self._scan_indefinite_roles()
        for offset, name, oblique in sorted(self._pending, key=lambda p: p[0]):
            if self._offsets and self._offsets[-1] == offset:
                self._names_at[-1], self._oblique[-1] = name, oblique
                continue
            self._offsets.append(offset)
            self._names_at.append(name)
            self._oblique.append(oblique)
        self._pending = None

    # -- the document's people --------------------------------------------------------
    def _scan_full_names(self) -> None:
        text = self.doc.text
        known = self.lexicon.known_persons
        given = self.lexicon.given_names
        pattern = self.lexicon.full_name_pattern
        last_end = 0
        # A cheap pass finds capitalised words followed by another word; the full pattern
        # runs only where the first word is a given name.
        for candidate in _CAPITALISED_BEFORE_WORD.finditer(text):
            if candidate.start() < last_end or candidate.group() not in given:
                continue
            m = pattern.match(text, candidate.start())
            if m is None:
                continue
            last_end = m.end()
            words = m.group().split()
            words = _trim_trailing_nonname(words, self.lexicon)
            if len(words) < 2:
                continue
            name = " ".join(words)
            # "Putin" known as "Wladimir Putin": keep the canonical spelling.
            if name in known:
                name = known[name][0]
            gender = self.lexicon.given_names.get(words[0], "")
            role, role_gender = _role_before(text, m.start(), self.lexicon)
            self._full_name_spans.append((m.start(), m.end()))
            self._register(
                name,
                "person",
                gender or role_gender,
                role,
                m.start(),
                _oblique(text, m.start(), self.lexicon),
            )

    def _scan_surnames(self) -> None:
        """Surname-only mentions of the document's people and of well-known people."""
        text = self.doc.text
        known = self.lexicon.known_persons
        hits: list[tuple[int, str, str]] = []  # (offset, as written, full name)
        for m in self.lexicon.known_person_pattern.finditer(text):
            hits.append((m.start(), m.group(), known[m.group()][0]))
        for surname, names in self._surnames.items():
            if surname in known:
                continue
            for offset in _word_offsets(text, surname):
                hits.append((offset, surname, names[-1]))
        for offset, written, name in sorted(hits):
            if self._inside_full_name(offset):
                continue
            role, role_gender = _role_before(text, offset, self.lexicon)
            oblique = _oblique(text, offset, self.lexicon)
            if name not in self._by_name:
                gender = known.get(written, ("", ""))[1]
                self._register(name, "person", gender or role_gender, role, offset, oblique)
                continue
            entity = self._by_name[name]
            if role and role not in entity.roles:
                entity = attrs.evolve(entity, roles=entity.roles | {role})
            if role_gender and not entity.gender:
                entity = attrs.evolve(entity, gender=role_gender)
            self._by_name[name] = entity
            self._note(offset, name, oblique)

    def _scan_indefinite_roles(self) -> None:
        """Anonymous people introduced with an indefinite article: "Ein Beamter des …"."""
        text = self.doc.text
        for m in _INDEFINITE_ROLE.finditer(text):
            noun = m.group("noun")
            found = self.lexicon.role_of(noun)
            if found is None or (noun in self.lexicon.group_words and not noun.endswith("r")):
                continue
            role, gender = found
            genitive = m.group("genitive") or ""
            description = " ".join([noun, *genitive.split()]) if genitive else noun
            if description not in self._by_name:
                self._register(description, "person", gender, role, m.start("noun"))

    def _inside_full_name(self, offset: int) -> bool:
        index = bisect_right(self._full_name_spans, (offset, len(self.doc.text))) - 1
        return index >= 0 and self._full_name_spans[index][1] > offset

    def _register(
        self,
        name: str,
        type_: SpeakerType,
        gender: Gender,
        role: str | None,
        offset: int,
        oblique: bool = False,
    ) -> Entity:
        old = self._by_name.get(name)
        roles = (old.roles if old else frozenset()) | ({role} if role else set())
        entity = Entity(name, type_, gender or (old.gender if old else ""), frozenset(roles))
        self._by_name[name] = entity
        if type_ == "person" and " " in name:
            surname = name.split()[-1]
            bucket = self._surnames.setdefault(surname, [])
            if name not in bucket:
                bucket.append(name)
        self._note(offset, name, oblique)
        return entity

    def _note(self, offset: int, name: str, oblique: bool = False) -> None:
        if self._pending is not None:
            self._pending.append((offset, name, oblique))
            return
        # After the scans, mentions arrive almost always in text order (quotes are
        # resolved in order), so appending is the common case.
        if not self._offsets or offset > self._offsets[-1]:
            self._offsets.append(offset)
            self._names_at.append(name)
            self._oblique.append(oblique)
            return
        index = bisect_left(self._offsets, offset)
        if index < len(self._offsets) and self._offsets[index] == offset:
            self._names_at[index] = name
            self._oblique[index] = oblique
            return
        self._offsets.insert(index, offset)
        self._names_at.insert(index, name)
        self._oblique.insert(index, oblique)

    def _before(self, offset: int, *, subjects_first: bool = False) -> Iterable[Entity]:
        """Entities mentioned shortly before ``offset``, most recent first.

        Only the last ``_LOOK_BACK`` mentions count: an antecedent further away is no
        antecedent, and the bound keeps resolution linear in the document's length.
        With ``subjects_first``, mentions in oblique slots come after all others.
        """
        index = bisect_left(self._offsets, offset)
        order = list(range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1))
        if subjects_first:
            order = [i for i in order if not self._oblique[i]] + [
                i for i in order if self._oblique[i]
            ]
        seen: set[str] = set()
        for i in order:
            name = self._names_at[i]
            if name not in seen:
                seen.add(name)
                yield self._by_name[name]

    # -- resolution -------------------------------------------------------------------
    def resolve(self, mention: Mention) -> Entity:
        """The entity a speaker mention refers to; remembered for later mentions."""
        if not self._scanned:
            self._scan()
        entity = self._resolve(mention)
        if entity.name:
            if entity.name not in self._by_name or entity.type != "person":
                self._by_name.setdefault(entity.name, entity)
            self._note(mention.start, entity.name)
        return entity

    def _resolve(self, mention: Mention) -> Entity:
        lex = self.lexicon
        if mention.pronoun:
            return self._resolve_pronoun(mention)
        words = (*mention.head, *mention.apposition)
        # A full name in the mention or its apposition.
        joined = " ".join(words)
        for name in sorted(self._by_name, key=len, reverse=True):
            if " " in name and name in joined and self._by_name[name].type == "person":
                return self._with_role(self._by_name[name], mention)
        # A surname of a known person, the most recent one first.
        for word in reversed(words):
            candidates = self._surnames.get(word.rstrip("s")) or self._surnames.get(word)
            if candidates:
                best = self._most_recent(candidates, mention.start)
                return self._with_role(self._by_name[best], mention)
        for word in reversed(words):
            if word in self.lexicon.known_persons:
                name, gender = self.lexicon.known_persons[word]
                return self._register(name, "person", gender, None, mention.start)
        outlet = self._outlet(mention)
        if outlet is not None:
            return outlet
        role_word = next((w for w in reversed(mention.head) if lex.role_of(w)), None)
        names = [w for w in mention.head if not lex.role_of(w) and w[:1].isupper()]
        if role_word is not None and not names:
            role, gender = lex.role_of(role_word) or ("", "")
            named = self._name_right_before(mention.start)
            if named is not None:
                # "Maria Sacharowa, die Sprecherin …": the role phrase is an apposition.
                return self._with_role(named, mention)
            if mention.determiner in {"der", "die", "dem", "den", "des"} and not mention.plural:
                for entity in self._before(mention.start):
                    if role in entity.roles and (not entity.gender or entity.gender == gender):
                        return entity
            description = _description(mention)
            if mention.plural:
                return Entity(description, "group", "pl", frozenset({role}))
            return self._register(description, "person", gender, role, mention.start)
        if self._is_organization(mention):
            return Entity(self._organization_name(mention), "organization", "n")
        if mention.plural or (mention.head and mention.head[-1] in lex.group_words):
            return Entity(_description(mention), "group", "pl")
        if names:
            name = " ".join(names)
            gender = lex.given_names.get(names[0], "") if len(names) > 1 else ""
            role = next((lex.role_of(w)[0] for w in mention.head if lex.role_of(w)), None)
            return self._register(name, "person", gender, role, mention.start)
        return Entity(_description(mention) or mention.text, "unknown")

    def _name_right_before(self, offset: int) -> Entity | None:
        """The person whose full name ends just before ``offset``, followed by a comma."""
        index = bisect_right(self._full_name_spans, (offset, offset)) - 1
        if index < 0:
            return None
        start, end = self._full_name_spans[index]
        if self.doc.text[end:offset].strip() != ",":
            return None
        name = " ".join(self.doc.text[start:end].split())
        name = self.lexicon.known_persons.get(name, (name, ""))[0]
        return self._by_name.get(name)

    def _with_role(self, entity: Entity, mention: Mention) -> Entity:
        role = next(
            (r[0] for w in (*mention.head, *mention.apposition) if (r := self.lexicon.role_of(w))),
            None,
        )
        if role and role not in entity.roles:
            entity = attrs.evolve(entity, roles=entity.roles | {role})
            self._by_name[entity.name] = entity
        return entity

    def _most_recent(self, names: list[str], offset: int) -> str:
        for entity in self._before(offset):
            if entity.name in names:
                return entity.name
        return names[0]

    def _resolve_pronoun(self, mention: Mention) -> Entity:
        gender = self.lexicon.pronouns.get(mention.pronoun.lower(), "")
        for entity in self._before(mention.start, subjects_first=True):
            if gender == "pl":
                if entity.type in ("group", "organization"):
                    return entity
                continue
            if entity.type != "person":
                continue
            if not entity.gender or not gender or entity.gender == gender:
                return entity
        return Entity(mention.text, "unknown", gender)

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

    def _is_organization(self, mention: Mention) -> bool:
        return bool(mention.head) and self.lexicon.is_organization_word(mention.head[-1])

    def _organization_name(self, mention: Mention) -> str:
        aliases = self.lexicon.organization_aliases
        words = [*mention.adjectives, *mention.head]
        joined = " ".join(words)
        for alias, canonical in aliases.items():
            if joined.endswith(alias):
                return canonical
        head = mention.head[-1]
        if mention.determiner in {"des", "eines"} and head.endswith("s") and len(head) > 4:
            head = head[:-2] if head.endswith("es") and not head.endswith("ses") else head[:-1]
        return " ".join([*mention.head[:-1], head])


def _role_before(text: str, offset: int, lexicon: Lexicon) -> tuple[str | None, Gender]:
    """The role noun right before a name: "US-Außenminister Marco Rubio" → minister, m."""
    window = text[max(0, offset - 60) : offset].split()
    if not window:
        return None, ""
    found = lexicon.role_of(window[-1].strip(",;:()"))
    return (found[0], found[1]) if found else (None, "")


def _word_offsets(text: str, word: str) -> Iterable[int]:
    """Offsets of ``word`` as a whole word in ``text``."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalpha() or before == "-") and not (after.isalpha() or after == "-"):
            yield start
        start = text.find(word, end)


def _oblique(text: str, offset: int, lexicon: Lexicon) -> bool:
    """Whether a name stands in a prepositional or dative/genitive phrase."""
    for word in reversed(text[max(0, offset - 80) : offset].split()[-4:]):
        low = word.lower()
        if low in lexicon.prepositions or low in {"dem", "den", "des", "einem", "einen", "eines"}:
            return True
        if word[:1].isupper() and lexicon.role_of(word):
            continue
        if low in lexicon.determiners_nominative or (word.islower() and word.endswith(("e", "en"))):
            continue
        return False
    return False


_CAPITALISED_BEFORE_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]*(?=\s+\S)")
_INDEFINITE_ROLE = regex.compile(
    r"(?<![\p{L}])(?:[Ee]in|[Ee]ine)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?"
    r"(?P<noun>\p{Lu}[\p{L}-]+)"
    r"(?P<genitive>\s+(?:des|der)\s+(?:\p{Ll}\p{L}+\s+)?\p{Lu}[\p{L}-]+)?",
    regex.V1,
)


def _trim_trailing_nonname(words: list[str], lexicon: Lexicon) -> list[str]:
    # "Donald Trump Zugang" cannot happen across a verb, but a following noun can be
    # swallowed in headlines; stop at role nouns and known non-names.
    out = [words[0]]
    for word in words[1:]:
        if (
            word in lexicon.not_speakers
            or lexicon.role_of(word)
            or lexicon.is_organization_word(word)
        ):
            break
        out.append(word)
    return out


def _description(mention: Mention) -> str:
    """An anonymous speaker's name: its head with its genitive ("Beamter des Ministeriums").

    Adjectives stay with plural groups ("russische Führer"), where they say who.
    """
    head = list(mention.head)
    if head and mention.determiner == "der" and head[-1].endswith("te"):
        head[-1] = head[-1] + "r"  # "der Beamte" → "Beamter", the form without article
    adjectives = list(mention.adjectives) if mention.plural else []
    return " ".join([*adjectives, *head, *mention.genitive])
