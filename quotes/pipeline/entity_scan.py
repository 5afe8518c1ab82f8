"""The people and organisations a document introduces, read once before resolution.

:func:`scan` reads the whole text for

* full names (a given name from ``names.toml`` and one to three name parts, particles from
  ``names.toml`` included: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg"), with the
  role noun before them ("US-Außenminister Marco Rubio") or around them in an apposition
  ("Der Vorsitzende der Ministerpräsidentenkonferenz, Boris Rhein (CDU)", "Maria
  Sacharowa, die Sprecherin …") and the party or organisation in brackets or in a
  compound role ("(CSU)", "SPD-Politikerin");
* full names after a role noun that no given name of ``names.toml`` opens
  ("Finanzministerin Chrystia Freeland", "Der Lette Kristaps Porzingis");
* surname-only mentions of those people and of the well-known people in ``persons.toml``;
* anonymous people introduced with an indefinite article ("Ein Sprecher der
  Bundesnetzagentur");
* organisations with their complements ("Bundesamt für Migration und Flüchtlinge (BAMF)").

Each mention becomes a :class:`Note` with its salience (subject of its sentence, plain, or
in an oblique slot), which pronouns and role nouns resolve against. The result is an
immutable :class:`Roster`; nothing about the document is kept anywhere else.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Final

import attrs
import regex

from quotes.document import Document
from quotes.pipeline.entity_lexicon import Gender, Lexicon
from quotes.pipeline.entity_passes import (
    CAPITALISED_WORDS,
    anchored_matches,
    class_matches,
    complements,
    given_name_candidates,
    name_after_role,
    opener_matches,
)
from quotes.records import SpeakerType

__all__ = ["OBLIQUE", "PLAIN", "SUBJECT", "Entity", "Note", "Roster", "scan", "unquoted"]

# Salience of a mention: the subject of its sentence (or a speaker) is the likeliest
# antecedent of a following pronoun, a name in a prepositional or dative phrase the least.
SUBJECT, PLAIN, OBLIQUE = 2, 1, 0


@attrs.frozen
class Entity:
    """A person, organisation, outlet or group that a document talks about.

    ``roles`` are canonical role nouns ("präsident", "kanzler"); ``affiliations`` the
    parties or organisations named with the person ("CSU").
    """

    name: str
    type: SpeakerType
    gender: Gender = ""
    roles: frozenset[str] = frozenset()
    affiliations: frozenset[str] = frozenset()


@attrs.frozen
class Note:
    """One mention of an entity at ``offset``, with its salience."""

    offset: int
    name: str
    salience: int = PLAIN


@attrs.frozen
class Roster:
    """What :func:`scan` found: entities by name, surname index, notes in text order."""

    entities: Mapping[str, Entity]
    surnames: Mapping[str, tuple[str, ...]]
    notes: tuple[Note, ...]
    full_names: tuple[tuple[int, int, str], ...]  # (start, end, canonical name), text order
    organizations: Mapping[str, tuple[tuple[int, str], ...]]  # head → (offset, full name)
    organization_spans: tuple[tuple[int, str], ...] = ()  # (offset, full name), text order
    classed: tuple[tuple[int, str, str], ...] = ()  # (offset, class noun lower, name)


def scan(doc: Document, lexicon: Lexicon) -> Roster:
    """Read ``doc`` once for the people and organisations it introduces."""
    builder = _Builder(doc, lexicon)
    builder.full_names()
    builder.role_names()
    builder.surname_mentions()
    builder.indefinite_roles()
    builder.organizations_with_complements()
    builder.organizations_by_class()
    builder.organizations_by_opener()
    builder.definite_groups()
    return builder.roster()


def normal_affiliation(word: str) -> str:
    """ "Grünen" and "Grüne", "Linken" and "Linke" compare equal."""
    word = word.strip("()[],.;:")
    return word[:-1] if word.endswith("n") and len(word) > 4 and not word.isupper() else word


class _Builder:
    def __init__(self, doc: Document, lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon
        self.entities: dict[str, Entity] = {}
        self.surnames: dict[str, list[str]] = {}
        self.notes: list[Note] = []
        self.spans: list[tuple[int, int, str]] = []
        self.organizations: dict[str, list[tuple[int, str]]] = {}
        self.classed: list[tuple[int, str, str]] = []

    def roster(self) -> Roster:
        notes: dict[int, Note] = {}
        for note in self.notes:  # a later note at the same offset wins
            notes[note.offset] = note
        return Roster(
            entities=dict(self.entities),
            surnames={k: tuple(v) for k, v in self.surnames.items()},
            notes=tuple(notes[k] for k in sorted(notes)),
            full_names=tuple(sorted(self.spans)),
            organizations={k: tuple(v) for k, v in self.organizations.items()},
            organization_spans=tuple(sorted({e for v in self.organizations.values() for e in v})),
            classed=tuple(sorted(self.classed)),
        )

    def register(
        self,
        name: str,
        type_: SpeakerType,
        gender: Gender,
        roles: Iterable[str],
        offset: int,
        salience: int,
        affiliations: Iterable[str] = (),
    ) -> None:
        old = self.entities.get(name)
        self.entities[name] = Entity(
            name,
            type_,
            gender or (old.gender if old else ""),
            (old.roles if old else frozenset()) | frozenset(roles),
            (old.affiliations if old else frozenset()) | frozenset(affiliations),
        )
        if type_ == "person" and " " in name:
            bucket = self.surnames.setdefault(name.split()[-1], [])
            if name not in bucket:
                bucket.append(name)
        self.notes.append(Note(offset, name, salience))

    # -- people ---------------------------------------------------------------------------
    def full_names(self) -> None:
        text, lex = self.text, self.lex
        known, given = lex.known_persons, lex.given_names
        last_end = 0
        # A cheap pass finds words followed by another word; the full pattern runs only
        # where the first word is a given name.
        for candidate in given_name_candidates(text, lex):
            first = candidate.group().split("-")[0]
            if candidate.start() < last_end or first not in given:
                continue
            m = lex.full_name_pattern.match(text, candidate.start())
            if m is None:
                continue
            words = _trim_trailing_nonname(m.group().split(), lex)
            if len(words) < 2:
                continue
            last_end = m.end()
            end = m.start() + len(" ".join(words)) if " ".join(words) in m.group() else m.end()
            name = " ".join(words)
            name = known[name][0] if name in known else name  # "Vladimir Putin" → canonical
            gender = given.get(words[0], "") or given.get(words[0].split("-")[0], "")
            roles, role_gender, parties = self.roles_around(m.start(), end)
            self.spans.append((m.start(), end, name))
            self.register(
                name,
                "person",
                gender or role_gender or (known[name][1] if name in known else ""),
                roles,
                m.start(),
                self.salience(m.start()),
                parties | lex.known_parties.get(name, frozenset()),
            )

    def role_names(self) -> None:
        """Full names that no given name of ``names.toml`` opens, after a role noun:
        "Finanzministerin Chrystia Freeland", "Der Lette Kristaps Porzingis". The first
        part is a word no dictionary knows (no role, organisation or common noun); a later
        part is no word of the dictionaries itself ("Freeland" only ends like "Land";
        "Versagen" is a word)."""
        covered = _Covered(self.spans)
        for run in CAPITALISED_WORDS.on(self.doc.in_bmp).finditer(self.text):
            words = [(w.start(), w.end(), w.group()) for w in _RUN_WORD.finditer(run.group())]
            i = 0
            while i + 2 < len(words):
                parts = name_after_role(words, i, self.lex)
                if not parts or covered.contains(run.start() + parts[0][0]):
                    i += 1
                    continue
                start, end = run.start() + parts[0][0], run.start() + parts[-1][1]
                name = " ".join(w for _s, _e, w in parts)
                name = self.lex.known_persons.get(name, (name, ""))[0]
                roles, role_gender, parties = self.roles_around(start, end)
                self.spans.append((start, end, name))
                salience = self.salience(start)
                self.register(name, "person", role_gender, roles, start, salience, parties)
                i += 1 + len(parts)

    def surname_mentions(self) -> None:
        """Surname-only mentions of the document's people and of well-known people."""
        text, known = self.text, self.lex.known_persons
        hits: list[tuple[int, str, str]] = []  # (offset, as written, full name)
        for m in anchored_matches(self.lex.known_person_pattern, text):
            hits.append((m.start(), m.group(), known[m.group()][0]))
        for surname, names in list(self.surnames.items()):
            if surname in known:
                continue
            for offset in _word_offsets(text, surname):
                hits.append((offset, surname, names[-1]))
        covered = _Covered(self.spans)
        for offset, written, name in sorted(hits):
            if covered.contains(offset):
                continue
            roles, role_gender, parties = self.roles_around(offset, offset + len(written))
            gender = known.get(written, ("", ""))[1] or role_gender
            parties |= self.lex.known_parties.get(name, frozenset())
            self.register(name, "person", gender, roles, offset, self.salience(offset), parties)

    def indefinite_roles(self) -> None:
        """Anonymous people introduced with an indefinite article: "Ein Beamter des …"."""
        for m in _INDEFINITE_ROLE.finditer(self.text):
            noun = m.group("noun")
            found = self.lex.role_of(noun)
            if found is None or (noun in self.lex.group_words and not noun.endswith("r")):
                continue
            role, gender = found
            genitive = m.group("genitive") or ""
            description = " ".join([noun, *genitive.split()]) if genitive else noun
            if description not in self.entities:
                start = m.start("noun")
                self.register(description, "person", gender, {role}, start, self.salience(start))

    def roles_around(self, start: int, end: int) -> tuple[set[str], Gender, set[str]]:
        """Roles, gender and parties written around a name at ``start:end``."""
        text, lex = self.text, self.lex
        roles: set[str] = set()
        gender: Gender = ""
        parties: set[str] = set()
        head = text[max(0, start - 60) : start].rstrip()
        for tail in lex.role_tails:
            if head.endswith(tail) and not head[-len(tail) - 1 : -len(tail)].isalnum():
                head = head[: -len(tail)]  # "Die Kanzlerin a. D. | Angela Merkel"
                break
        before = head.split()
        if before:
            word = before[-1].strip(",;:()„“")
            found = lex.role_gender(word, before[-2] if len(before) > 1 else "")
            if found is not None:
                roles.add(found[0])
                gender = found[1]
                if "-" in word:  # "CSU-Chef Markus Söder", "SPD-Politikerin X"
                    parties.add(normal_affiliation(word.rsplit("-", 1)[0]))
        m = _ROLE_THEN_COMMA.search(text, max(0, start - 120), start)
        if m is not None and m.end() == start:  # "Der Vorsitzende der …, Boris Rhein"
            found = lex.role_of(m.group("role"))
            if found is not None:
                roles.add(found[0])
                gender = gender or found[1]
                if m.group("of") in lex.organization_names:
                    # "Der Fraktionschef der FDP, Hans-Ulrich Rülke": his party.
                    parties.add(normal_affiliation(m.group("of")))
        after = _APPOSITION_ROLE.match(text, end)
        if after is not None:  # "Maria Sacharowa, die Sprecherin …", "Boris Rhein (CDU)"
            party = after.group("party")
            if party and (party in lex.organization_names or party.isupper()):
                parties.add(normal_affiliation(party))
            if after.group("role") and (found := lex.role_of(after.group("role"))):
                roles.add(found[0])
                gender = gender or found[1]
        return roles, gender, parties

    def salience(self, offset: int) -> int:
        """Subject (the first field of its sentence, or right after its finite verb),
        oblique (after a preposition or a dative/genitive article), or plain."""
        lex = self.lex
        window = self.text[max(0, offset - 80) : offset]
        words = window.split()[-4:]
        for word in reversed(words):
            low = word.lower()
            if low in lex.prepositions or low in lex.oblique_case_articles:
                return OBLIQUE
            if word[:1].isupper() and lex.role_of(word.strip(",")):
                continue
            if low in lex.determiners_nominative or (
                word.islower() and low.endswith(lex.adjective_endings)
            ):
                continue
            break
        sentence = self.doc.sentence_at(offset)
        start = sentence.start if sentence is not None else 0
        # The last word before the mention that is no modifier or role noun: none, and the
        # mention opens its sentence; a finite verb, and it stands right after that verb.
        # Read from the mention backwards (the words before the last such word do not
        # matter, and a sentence can be long).
        for word in _words_back(self.text, start, offset):
            if not _modifier_or_role(word, lex):
                if word in lex.finite_verbs or _PAST_TENSE.fullmatch(word):
                    return SUBJECT  # "Am Montag sagte Putin", "Dann erklärte der Minister X"
                return PLAIN
        return SUBJECT

    # -- organisations ----------------------------------------------------------------------
    def organizations_with_complements(self) -> None:
        """ "Bundesamt für Migration und Flüchtlinge": the head's complement is part of the
        name; an acronym in brackets after it ("(BAMF)") names it too."""
        text, lex = self.text, self.lex
        if not lex.organization_complements:
            return
        for m in complements(text):
            if m.group("link") not in lex.organization_complements:
                continue
            head = m.group("head")
            if not lex.is_organization_word(head) or lex.role_of(head):
                continue
            article = text[max(0, m.start() - 8) : m.start()].split()[-1:]
            nominative = _nominative(head, article[0].lower() if article else "", lex)
            name = " ".join([nominative, *text[m.end("head") : m.end()].split()])
            self.organizations.setdefault(nominative, []).append((m.start(), name))
            gender = lex.noun_gender(nominative)
            self.register(name, "organization", gender, (), m.start(), self.salience(m.start()))
            acronym = _ACRONYM_AFTER.match(text, m.end())
            if acronym is not None:
                self.organizations.setdefault(acronym.group(1), []).append((m.start(), name))

    def organizations_by_class(self) -> None:
        """ "Die Gewerkschaft GEW", "der Autokonzern Volkswagen": the name after a class
        noun, which later "die Gewerkschaft", "der Konzern" refer back to."""
        lex = self.lex
        if lex.organization_class_pattern is None:
            return
        for m in class_matches(self.text, lex, self.doc.in_bmp):
            words: list[str] = []
            for word in m.group("name").split():
                if (
                    word in lex.not_speakers
                    or lex.role_of(word)
                    or word.lower() in lex.definite_articles
                ):
                    break
                words.append(word)
            if not words or (lex.is_organization_word(words[-1]) and not words[-1].isupper()):
                continue
            name = " ".join(words).rstrip(".")
            cls = m.group("cls")
            start = m.start("name")
            self.classed.append((start, cls.lower(), name))
            gender = lex.noun_gender(cls)
            self.register(name, "organization", gender, (), start, self.salience(m.start()))

    def organizations_by_opener(self) -> None:
        """ "Der FC Bayern": a club named with its opener, which a later "der Verein"
        refers to; a second word that is a common noun or a role is no part of it."""
        lex = self.lex
        if lex.organization_opener_pattern is None:
            return
        for m in opener_matches(self.text, lex):
            rest = m.group("rest").split()
            if lex.is_common_word(rest[0]) or lex.role_of(rest[0]):
                continue
            words = m.group("name").split()
            if len(rest) == 2 and (lex.is_common_word(rest[1]) or lex.role_of(rest[1])):
                words = words[:-1]
            name = " ".join(words)
            start = m.start("name")
            self.register(name, "organization", "m", (), start, self.salience(start))

    def definite_groups(self) -> None:
        """ "Die Demonstranten zogen …": a group that a later "sie" (plural) refers to."""
        lex = self.lex
        for m in _DEFINITE_GROUP.finditer(self.text):
            noun = m.group("noun")
            if noun not in lex.group_words or lex.is_organization_word(noun):
                continue
            adjectives = tuple(m.group("adjectives").split())
            name = group_name(adjectives, (noun,))
            self.register(name, "group", "pl", (), m.start(), self.salience(m.start()))


def group_name(adjectives: Iterable[str], head: Iterable[str], genitive: Iterable[str] = ()) -> str:
    """A group's name in the nominative without article: "die russischen Staatsmedien" →
    "russische Staatsmedien", "laut offiziellen Quellen" → "offizielle Quellen"."""
    words = []
    for adjective in adjectives:
        if "-" not in adjective and adjective[:1].isupper():
            adjective = adjective[:1].lower() + adjective[1:]  # sentence-initial capital
        if adjective.endswith("en") and len(adjective) > 4:
            adjective = adjective[:-1]
        words.append(adjective)
    return joined([*words, *head, *genitive])


_OPENING: Final = frozenset('„»"‚›')
_CLOSING: Final = frozenset('“”«"‘‹')


def joined(words: Iterable[str]) -> str:
    """Words with spaces between them, none inside quotation marks: "der „Flensburger
    Rundschau“", not "der „ Flensburger Rundschau “"."""
    out = ""
    opened = False
    for word in words:
        closing = word in _CLOSING and (opened or word not in _OPENING)
        if out and not closing and not (opened and out[-1] in _OPENING):
            out += " "
        if closing:
            opened = False
        elif word in _OPENING:
            opened = True
        out += word
    return out


def unquoted(name: str) -> str:
    """A name without the quotation marks it was written with: "„Bild“-Reporterin" →
    "Bild-Reporterin", "Sprecher der „Zeit“" → "Sprecher der Zeit" (apostrophes stay:
    "O’Brien")."""
    if not any(c in _OPENING or c in _CLOSING for c in name):
        return name
    return " ".join("".join(c for c in name if c not in _OPENING and c not in _CLOSING).split())


def organization_name_with(
    adjectives: Iterable[str], head: str, gender: Gender, lex: Lexicon
) -> str:
    """An organisation with its adjectives in the nominative without article: "der
    ukrainischen Regierung" → "ukrainische Regierung", "des polnischen Innenministeriums"
    → "polnisches Innenministerium"; without a known gender the adjectives are left out.
    One of ``lex``'s adjective endings is stripped (the longest that fits), its strong
    ending for ``gender`` added."""
    ending = lex.strong_adjective_endings.get(gender)
    words = []
    for adjective in adjectives:
        if ending is None or not adjective.islower() or not adjective.isalpha():
            return head
        stem = adjective
        for suffix in lex.adjective_endings_longest_first:
            if stem.endswith(suffix) and len(stem) > len(suffix) + 2:
                stem = stem[: -len(suffix)]
                break
        words.append(stem + ending)
    return " ".join([*words, head])


def _nominative(head: str, article: str, lex: Lexicon) -> str:
    """ "des Bundesamtes" → "Bundesamt"."""
    if article in lex.genitive_articles and head.endswith("s") and len(head) > 4:
        stem = head[:-2] if head.endswith("es") and not head.endswith("ses") else head[:-1]
        if lex.is_organization_word(stem):
            return stem
    return head


def _words_back(text: str, start: int, end: int) -> Iterator[str]:
    """The words (``str.split``) of ``text[start:end]``, last first, read in windows that
    grow from ``end`` backwards: splitting the whole stretch for each name in a long
    sentence made one sentence of many names quadratic (issue 9 §1, found by fuzzing)."""
    done = end  # the words from here to ``end`` have been given
    reach = 128
    while done > start:
        lo = max(start, done - reach)
        reach *= 4
        if lo > start and not text[lo - 1].isspace():
            # The window cuts a word: it starts after that word (the next window reads it).
            space = _SPACE.search(text, lo, done)
            if space is None:
                continue
            lo = space.start()
        yield from reversed(text[lo:done].split())
        done = lo


def _modifier_or_role(word: str, lex: Lexicon) -> bool:
    low = word.lower().strip(",")
    return (
        low in lex.determiners_nominative
        or (word.islower() and low.endswith(lex.adjective_endings))
        or (word[:1].isupper() and lex.role_of(word.strip(",")) is not None)
        or ("-" in word and word.rsplit("-", 1)[1][:1].islower())
    )


class _Covered:
    """Whether an offset lies inside any of some spans, in O(log n) per question.

    Spans sorted by start, with the running maximum of their ends: an offset is covered
    exactly when the farthest-reaching span starting at or before it reaches past it.
    (A scan of every span per surname hit made long documents quadratic.)
    """

    def __init__(self, spans: Iterable[tuple[int, int, str]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _end, _ in ordered]
        self.reach = list(itertools.accumulate((end for _s, end, _ in ordered), max))

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


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


def _names_organization(word: str, lexicon: Lexicon) -> bool:
    """An organisation's name or alias itself, not a word that only ends like one."""
    return word in lexicon.organization_names or word in lexicon.organization_aliases


def _trim_trailing_nonname(words: list[str], lexicon: Lexicon) -> list[str]:
    # A following noun can be swallowed ("Angela Merkel zu Besuch", headlines): stop at role
    # nouns, organisation words, known non-names and common nouns after a particle.
    out = [words[0]]
    for word in words[1:]:
        # Right after a lone given name a capitalised word is the surname, even where it is
        # also a role noun: "Martin Bauer", "Anna Richter", "Peter König" (German puts the
        # role before the name: "Verbandschef Martin Bauer").
        after_given_name = len(out) == 1 and out[0] in lexicon.given_names
        if (
            word in lexicon.not_speakers
            or (lexicon.role_of(word) and not (after_given_name and word[:1].isupper()))
            # An organisation's ending makes no surname right after a given name an
            # organisation ("Katharina Fegebank"); its name does ("Siemens").
            or (
                lexicon.is_organization_word(word)
                and (
                    len(out) > 1
                    or out[-1] not in lexicon.given_names
                    or _names_organization(word, lexicon)
                )
            )
            or (out[-1].islower() and word.lower() in lexicon.noun_genders)
            or (
                # After given name and surname a capitalised common noun is the sentence's
                # ("warf … Reiner Haseloff Versagen vor"), unless a second given name
                # precedes it ("Anna Maria Fischer") or the whole is a known person's name;
                # a word no dictionary knows is a second surname ("Rolf Habben Jansen").
                # A particle there opens an affiliation ("Patrick Kamanda von der …").
                sum(w[:1].isupper() for w in out) >= 2
                and out[-1][:1].isupper()
                and out[-1] not in lexicon.given_names
                and (lexicon.is_common_word(word) or not word[:1].isupper())
                and " ".join([*out, word]) not in lexicon.known_persons
            )
        ):
            break
        out.append(word)
    while out and out[-1][:1].islower():  # a particle left dangling: "Merkel zu"
        out.pop()
    return out


_RUN_WORD = re.compile(r"\S+")
_DEFINITE_GROUP = regex.compile(
    r"(?<![\p{L}])(?:[Dd]ie)\s+(?P<adjectives>(?:\p{Ll}[\p{L}-]*e[n]?\s+){0,2})(?P<noun>\p{Lu}\p{L}+)",
    regex.V1,
)
_PAST_TENSE = re.compile(r"[a-zäöüß]{3,}(?:te|ten)")
# Where str.split() splits (re's \s is the whitespace of str.isspace()).
_SPACE = re.compile(r"\s")
_INDEFINITE_ROLE = regex.compile(
    r"(?<![\p{L}])(?:[Ee]in|[Ee]ine)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?"
    r"(?P<noun>(?:\p{N}+-)?\p{Lu}[\p{L}-]+)"  # "Ein 34-Jähriger"
    r"(?P<genitive>\s+(?:des|der)\s+(?:\p{Ll}\p{L}+\s+)?\p{Lu}[\p{L}-]+)?",
    regex.V1,
)
# "Der Vorsitzende der Ministerpräsidentenkonferenz, " right before a name.
_ROLE_THEN_COMMA = regex.compile(
    r"(?<![\p{L}])(?:[Dd]er|[Dd]ie|[Dd]es)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?P<role>\p{Lu}[\p{L}-]+)"
    r"(?:\s+(?:des|der)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?P<of>\p{Lu}[\p{L}-]+)(?:\s+\p{Lu}[\p{L}-]+)?)?"
    r",\s+",
    regex.V1,
)
# After a name: " (CDU)", ", die Sprecherin", " (CDU), der Vorsitzende".
_APPOSITION_ROLE = regex.compile(
    r"(?:\s*\((?P<party>[\p{Lu}][\p{L}/ -]{0,20})\))?"
    r"(?:,\s+(?:der|die)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?P<role>\p{Lu}[\p{L}-]+))?",
    regex.V1,
)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÄÖÜ][A-ZÄÖÜa-z]{1,9})\)")
