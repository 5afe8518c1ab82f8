"""Reading clauses and noun phrases off a :class:`~quotes.parse.ParsedDoc`.

The compact parser gets clause attachment wrong often (ccomp F 60, parataxis F 16 on GSD),
while its tags, lemmas and local relations (det, case, nsubj next to the verb) are fairly
good. So clause extents here come from German punctuation and clause-opening words, and
the tree is used where it is local: a verb's subject, objects and particle, a noun's
determiner, adjectives, genitive and apposition. Where the tree has no subject, a surface
scan of the clause stands in.

Indices are token indices into the ParsedDoc; ranges are ``(first, end)`` with ``end``
exclusive.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from quotes.parse import ParsedDoc, ParsedToken
from quotes.pipeline.entities import Mention
from quotes.pipeline.entity_lexicon import adjective_endings
from quotes.pipeline.mention_parts import PartWords, mention_parts

__all__ = [
    "BOUNDARIES",
    "Clause",
    "NounPhraseWords",
    "SentenceView",
    "is_capitalised_noun",
    "is_opening_mark",
    "is_particle_name",
    "mention_of",
    "noun_phrase_after",
    "noun_phrase_before",
    "phrase_range",
    "trim",
]

#: Punctuation that ends a clause segment.
BOUNDARIES: Final = frozenset({",", ";", ":", "–", "—", "-"})
_FINAL: Final = frozenset({".", "!", "?", ";", ":", "…"})
_OPENING_MARKS: Final = frozenset("„»«‚›‹“\"'")
_CLOSING_MARKS: Final = frozenset("“”«»‘’›‹\"'")
# Dependents that start a clause of their own: never part of a speaker's noun phrase.
_CLAUSAL: Final = frozenset(
    {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "dislocated"}
)
_NOMINAL_UPOS: Final = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# Dependents that belong to a noun phrase (a wrongly attached object or clause does not).
_NOMINAL_DEPENDENTS: Final = frozenset(
    {"det", "det:poss", "amod", "nmod", "nmod:poss", "appos", "flat", "flat:name", "compound",
     "nummod", "conj", "cc", "case", "punct", "fixed", "clf", "goeswith"}
)  # fmt: skip
# Words that open a phrase without belonging to it: "So erklärte X", "nur die Gefängnisse".
_LEADING_NON_PHRASE: Final = frozenset({"ADV", "PART", "SCONJ", "CCONJ", "VERB", "AUX", "ADP"})


@attrs.frozen
class NounPhraseWords:
    """The words the surface noun-phrase reading needs (``indirect.toml``
    ``[noun_phrases]``; the determiners, the genitive articles, the singular determiners
    and the adjective endings are ``speakers.toml``'s, one list each for both readings),
    compiled once per rule set."""

    #: Lower-case words that may stand inside a name ("von", "bin", "de").
    name_particles: frozenset[str] = frozenset()
    #: Articles that open a genitive attribute ("des Amtes"): ``speakers.toml``
    #: ``genitive_articles`` and ``role_genitive_articles``.
    genitive_articles: frozenset[str] = frozenset()
    #: Prepositions that open a genitive-like attribute of a mention ("Sprecher von X").
    genitive_prepositions: frozenset[str] = frozenset()
    #: Determiners that open a noun phrase ("der", "mehrere"): ``speakers.toml``
    #: ``determiners_nominative`` and ``determiners_oblique``.
    determiners: frozenset[str] = frozenset()
    #: Determiners that mark the singular ("der Sprecher" is no plural): ``speakers.toml``
    #: ``[surface]`` ``singular_determiners``.
    singular_determiners: frozenset[str] = frozenset()
    #: Endings of adjectives written with a capital after a hyphen ("US-amerikanischen"):
    #: the adjective endings of ``speakers.toml`` ``[surface]``.
    adjective_endings: tuple[str, ...] = ()

    #: The words :func:`mention_of` splits a phrase with (made from the ones above).
    parts: PartWords = attrs.field(
        init=False, eq=False, default=attrs.Factory(lambda self: self._parts(), takes_self=True)
    )

    def _parts(self) -> PartWords:
        return PartWords(
            determiners=self.determiners,
            genitive_openers=self.genitive_articles | self.genitive_prepositions,
            name_particles=self.name_particles,
            singular_determiners=self.singular_determiners,
        )

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> NounPhraseWords:
        table = rules.get("indirect", {}).get("noun_phrases", {})
        speakers = rules.get("speakers", {})

        def words(key: str, table: Mapping[str, Any] = table) -> frozenset[str]:
            return frozenset(str(w) for w in table.get(key, ()))

        return cls(
            name_particles=words("name_particles"),
            genitive_articles=words("genitive_articles", speakers)
            | words("role_genitive_articles", speakers),
            genitive_prepositions=words("genitive_prepositions"),
            determiners=words("determiners_nominative", speakers)
            | words("determiners_oblique", speakers),
            singular_determiners=words("singular_determiners", speakers.get("surface", {})),
            adjective_endings=adjective_endings(rules),
        )


@attrs.frozen
class Clause:
    """A comma-delimited stretch of a sentence: tokens ``first:end``.

    ``first`` is the first token after the boundary, ``end`` the boundary itself (or the
    sentence's end); ``boundary_before`` the index of the boundary before (or None).
    """

    first: int
    end: int
    boundary_before: int | None


class SentenceView:
    """One sentence of the Document with its parsed tokens and comma segments."""

    def __init__(self, parsed: ParsedDoc, first: int, end: int, index: int, paragraph: int):
        self.parsed = parsed
        self.first = first
        self.end = end
        self.index = index
        self.paragraph = paragraph
        # The last token that is not final punctuation or a closing bracket after it.
        last = end - 1
        while last > first and parsed[last].text in _FINAL:
            last -= 1
        self.content_end = last + 1

    # Cut on first use: the detectors read the clauses of the sentences they look into,
    # and parse on demand leaves about half of them unparsed filler, never looked into.
    @functools.cached_property
    def clauses(self) -> tuple[Clause, ...]:
        return _clauses(self.parsed, self.first, self.end)

    @functools.cached_property
    def _firsts(self) -> list[int]:
        return [c.first for c in self.clauses]

    def __repr__(self) -> str:
        return f"SentenceView({self.first}:{self.end} {self.text()[:40]!r})"

    @property
    def start_char(self) -> int:
        return self.parsed[self.first].start

    @property
    def end_char(self) -> int:
        return self.parsed[self.end - 1].end

    def text(self) -> str:
        return self.parsed.text[self.start_char : self.end_char]

    def clause_of(self, i: int) -> Clause:
        """The clause that token ``i`` is in; a boundary token belongs to the clause it
        closes."""
        k = bisect.bisect_right(self._firsts, i) - 1
        return self.clauses[max(k, 0)]

    def clauses_after(self, i: int) -> Iterator[Clause]:
        """The clauses that start after token ``i``, in order (lazily: callers stop early)."""
        k = bisect.bisect_right(self._firsts, i)
        return (self.clauses[j] for j in range(k, len(self.clauses)))


def _clauses(parsed: ParsedDoc, first: int, end: int) -> tuple[Clause, ...]:
    clauses: list[Clause] = []
    start = first
    before: int | None = None
    depth = 0  # inside brackets, commas do not split
    for i in range(first, end):
        text = parsed[i].text
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        elif text in BOUNDARIES and depth == 0 and not _is_hyphen_inside(parsed, i):
            if i > start:
                clauses.append(Clause(start, i, before))
            before = i
            start = i + 1
    if start < end:
        clauses.append(Clause(start, end, before))
    if not clauses:
        clauses.append(Clause(first, end, None))
    return tuple(clauses)


def _is_hyphen_inside(parsed: ParsedDoc, i: int) -> bool:
    """A "-" that joins words ("Nord- und Süd-") rather than a dash between clauses."""
    token = parsed[i]
    if token.text not in ("-",):
        return False
    before = parsed[i - 1] if i > 0 else None
    return before is not None and before.end == token.start


# -- noun phrases -------------------------------------------------------------------------
def is_capitalised_noun(token: ParsedToken) -> bool:
    return token.text[:1].isupper() and token.upos in ("NOUN", "PROPN", "X", "")


def is_particle_name(token: ParsedToken, words: NounPhraseWords) -> bool:
    """A surname written together with its lower-case particle ("al-Dschaber",
    "el-Sisi"): a name, though it starts with a small letter."""
    particle, dash, rest = token.text.partition("-")
    return bool(dash) and particle in words.name_particles and rest[:1].isupper()


def phrase_range(
    parsed: ParsedDoc, head: int, lo: int, hi: int, *, keep_case: bool = False
) -> tuple[int, int]:
    """The noun phrase headed by ``head`` inside ``lo:hi``: its subtree without clauses.

    Relative clauses and other clausal dependents are cut off ("Putin, der sich … äußerte"
    → "Putin"), so are a leading preposition (unless ``keep_case``) and punctuation at the
    edges. The range is contiguous around the head: a non-projective stray is left out.
    """
    keep: set[int] = set()
    stack = [head]
    while stack:
        i = stack.pop()
        keep.add(i)
        for child in parsed.children(i):
            if child.dep not in _NOMINAL_DEPENDENTS and child.dep_base not in _NOMINAL_DEPENDENTS:
                continue
            if child.upos in ("VERB", "AUX") and (child.dep != "amod" or child.morph.mood):
                continue  # a clause, or a finite verb the parser made an attribute
            if child.dep == "compound:prt":
                continue  # a verb's particle the parser hung on a noun ("kündigte … an")
            if child.dep == "case" and i == head:
                continue  # the phrase's own preposition ("laut", "von") stays outside
            if (
                child.dep_base == "nmod"
                and not parsed.children(child.i, "case")
                and parsed.children(child.i, "det")
                and second_genitive(parsed, i, child.i)
            ):
                continue  # "laut einer Pressemitteilung des BMI | der Verbesserung"
            if child.i != i and lo <= child.i < hi:
                stack.append(child.i)
    first = head
    while first - 1 >= lo and (first - 1) in keep:
        first -= 1
    # A determiner or attributive adjective right before the phrase is part of it, however
    # the parser attached it ("Der" as "dep" at the start of a sentence).
    while first - 1 >= lo and (
        parsed[first - 1].tag in ("ART", "PPOSAT", "PDAT", "PIAT", "ADJA")
        or parsed[first - 1].upos == "DET"
    ):
        first -= 1
    last = head
    while last + 1 < hi and (last + 1) in keep:
        last += 1
    last = _hung_name(parsed, head, last, hi, keep)
    # Punctuation inside the range is fine (", Maria Sacharowa,"), but not at its edges.
    first, end = trim(parsed, first, last + 1)
    while first < head and (
        parsed[first].upos in _LEADING_NON_PHRASE
        and not (keep_case and parsed[first].dep == "case")
    ):
        first += 1
    first, end = trim(parsed, first, end)
    return first, end


def second_genitive(parsed: ParsedDoc, i: int, j: int) -> bool:
    """Whether ``j`` follows another bare genitive attribute of ``i`` or a name: a noun
    takes one genitive, a name none ("des BMI der Verbesserung"; "hat Kanzler Olaf Scholz
    | der Zeitung gesagt", "Merz | der „Welt am Sonntag“": the dative addressee)."""
    if parsed[i].upos == "PROPN":
        return True
    if i < j and _is_person_name(parsed, _phrase_start(parsed, j) - 1):
        return True
    return any(
        i < c.i < j and not parsed.children(c.i, "case") and parsed.children(c.i, "det")
        for c in parsed.children(i, "nmod")
    )


def _phrase_start(parsed: ParsedDoc, j: int) -> int:
    """The first word of the noun phrase headed by ``j`` (its article, adjectives, marks)."""
    start = j
    while start - 1 >= 0 and parsed[start - 1].head == j and parsed[start - 1].dep != "case":
        start -= 1
    return start


def _is_person_name(parsed: ParsedDoc, k: int) -> bool:
    """Whether word ``k`` ends a person's name: a proper noun, a word the tagger marks as a
    person, or a capitalised word right after a proper noun ("Nancy | Faeser")."""
    if k < 0 or not parsed[k].text[:1].isupper():
        return False
    token = parsed[k]
    if token.upos == "PROPN":
        return True
    entity = parsed.entity_at(k)
    if entity is not None and entity.label == "PER":
        return True
    return token.upos == "NOUN" and k > 0 and parsed[k - 1].upos == "PROPN"


def _hung_name(parsed: ParsedDoc, head: int, last: int, hi: int, keep: set[int]) -> int:
    """The last word of a name of two or more words right after the noun ``head`` that the
    parser hung elsewhere ("hat Außenministerin | Annalena Baerbock weitere Hilfen
    zugesagt", "Annalena" a possessor of "Hilfen"); else ``last``. One proper noun alone
    may be another phrase ("warf die Regierung Russland … vor")."""
    k = last + 1
    if last != head or parsed[head].upos != "NOUN" or k >= hi or k in keep:
        return last
    name = parsed[k]
    parts = [c.i for c in parsed.children(k, "flat", "flat:name")]
    if (
        name.upos != "PROPN"
        or not parts
        or parsed.children(k, "case")
        or parsed.children(k, "det")
        or max(parts) >= hi
    ):
        return last
    end = max(parts)
    if not all(parsed[j].upos == "PROPN" for j in range(k, end + 1)):
        return last
    return end


def is_opening_mark(text: str) -> bool:
    """Whether ``text`` is a quotation mark that can open a quotation („ » “ …)."""
    return text in _OPENING_MARKS


def trim(parsed: ParsedDoc, first: int, end: int) -> tuple[int, int]:
    """``first:end`` without punctuation at either edge (quotation marks kept if paired)."""
    while first < end and _is_edge_punct(parsed, first, first, end):
        first += 1
    while end > first and _is_edge_punct(parsed, end - 1, first, end):
        end -= 1
    return first, end


def _is_edge_punct(parsed: ParsedDoc, i: int, first: int, end: int) -> bool:
    text = parsed[i].text
    if text in _OPENING_MARKS or text in _CLOSING_MARKS:
        # Keep a quotation mark whose partner is inside the range: „Berliner Zeitung“. A
        # mark that can open and close ("“") closes at the end and opens at the start.
        if i == end - 1 and text in _CLOSING_MARKS:
            return not any(parsed[j].text in _OPENING_MARKS for j in range(first, i))
        if i == first and text in _OPENING_MARKS:
            return not any(parsed[j].text in _CLOSING_MARKS for j in range(i + 1, end))
        return True
    if text == ")":
        return not any(parsed[j].text == "(" for j in range(first, i))
    if text == "(":
        return not any(parsed[j].text == ")" for j in range(i + 1, end))
    return parsed[i].is_punct or text in BOUNDARIES


def noun_phrase_after(
    parsed: ParsedDoc, i: int, hi: int, words: NounPhraseWords
) -> tuple[int, int] | None:
    """A noun phrase starting at ``i`` by the surface: determiner, adjectives, nouns,
    names, a quoted name, a genitive and a bracketed abbreviation ("der Sprecher des
    Amtes (BKA)", "die Zeitung „The Guardian“")."""
    j = i
    if j < hi and parsed[j].text.lower() in words.determiners:
        j += 1
    while j < hi and _is_modifier(parsed[j], words):
        j += 1
    nouns = 0
    while j < hi:
        if is_capitalised_noun(parsed[j]) or is_particle_name(parsed[j], words):
            j += 1
            nouns += 1
        elif (
            nouns
            and parsed[j].text in words.name_particles
            and j + 1 < hi
            and parsed[j + 1].text[:1].isupper()
        ):
            j += 1
        else:
            quoted = _quoted_name(parsed, j, hi)
            if quoted is None:
                break
            j = quoted
            nouns += 1
    if not nouns:
        if j == i + 1 and parsed[i].upos == "PRON":
            return i, i + 1
        return None
    # Genitive: "des Bundeskriminalamtes", "der Vereinten Nationen", "der „Zeit“".
    for _ in range(3):
        j = _bracket(parsed, j, hi)
        if j < hi and parsed[j].text in words.genitive_articles:
            k = j + 1
            while k < hi and _is_modifier(parsed[k], words):
                k += 1
            start_nouns = k
            while k < hi:
                if is_capitalised_noun(parsed[k]):
                    k += 1
                    continue
                quoted = _quoted_name(parsed, k, hi)
                if quoted is None:
                    break
                k = quoted
            if k > start_nouns and not _tree_second_genitive(parsed, k - 1):
                j = k
                continue
        break
    return i, _bracket(parsed, j, hi)


def _tree_second_genitive(parsed: ParsedDoc, noun: int) -> bool:
    """Whether the parse makes the genitive noun at ``noun`` a second bare genitive of its
    head, or one of a name (:func:`second_genitive`)."""
    token = parsed[noun]
    if token.dep_base != "nmod" or token.head == noun or parsed.children(noun, "case"):
        return False
    return second_genitive(parsed, token.head, noun)


def _bracket(parsed: ParsedDoc, j: int, hi: int) -> int:
    """Past a short bracket after a name: "(BKA)", "(SPD)"."""
    if j < hi and parsed[j].text == "(":
        for k in range(j + 1, min(hi, j + 6)):
            if parsed[k].text == ")":
                return k + 1
    return j


def _quoted_name(parsed: ParsedDoc, j: int, hi: int) -> int | None:
    """The end of a quoted name starting at ``j`` („Der Spiegel“, „Ärzte ohne Grenzen“)."""
    if j >= hi or parsed[j].text not in _OPENING_MARKS:
        return None
    for k in range(j + 1, min(hi, j + 8)):
        if parsed[k].text in _CLOSING_MARKS:
            return k + 1 if k > j + 1 and parsed[j + 1].text[:1].isupper() else None
    return None


def noun_phrase_before(
    parsed: ParsedDoc, end: int, lo: int, words: NounPhraseWords
) -> tuple[int, int] | None:
    """A noun phrase ending right before ``end`` ("Dem Bericht | zufolge")."""
    j = end
    if j - 1 >= lo and parsed[j - 1].text == ")":
        k = j - 1
        while k > lo and parsed[k].text != "(":
            k -= 1
        if parsed[k].text == "(":
            j = k
    nouns = 0
    while j - 1 >= lo:
        quoted = _quoted_name_start(parsed, j, lo)
        if quoted is not None:  # a name in marks: des „Spiegel“ | zufolge
            j = quoted
            nouns += 1
            continue
        if not (
            is_capitalised_noun(parsed[j - 1]) or parsed[j - 1].text in words.genitive_articles
        ):
            break
        if parsed[j - 1].text in words.genitive_articles and not nouns:
            break
        j -= 1
        nouns += 1
    if not nouns:
        if end - 1 >= lo and parsed[end - 1].upos == "PRON":
            return end - 1, end
        return None
    while j - 1 >= lo and _is_modifier(parsed[j - 1], words):
        j -= 1
    if j - 1 >= lo and parsed[j - 1].text.lower() in words.determiners:
        j -= 1
    return j, end


def _quoted_name_start(parsed: ParsedDoc, end: int, lo: int) -> int | None:
    """The opening mark of a short capitalised quote ending right before ``end`` („Spiegel“),
    or None."""
    if end - 1 < lo or parsed[end - 1].text not in _CLOSING_MARKS:
        return None
    for k in range(end - 2, max(lo, end - 8) - 1, -1):
        if parsed[k].text in _OPENING_MARKS:
            inside = range(k + 1, end - 1)
            if inside and parsed[k + 1].text[:1].isupper():
                return k
            return None
    return None


def _is_modifier(token: ParsedToken, words: NounPhraseWords) -> bool:
    if token.upos in ("ADJ", "NUM") or token.tag in ("ADJA", "CARD"):
        return True
    # "US-amerikanischen": capitalised, but an adjective.
    text = token.text
    return (
        "-" in text
        and text.rsplit("-", 1)[1][:1].islower()
        and text.endswith(words.adjective_endings)
    )


# -- mentions for the resolver -------------------------------------------------------------
def mention_of(
    parsed: ParsedDoc, first: int, end: int, pronouns: Sequence[str], lexicon: NounPhraseWords
) -> Mention:
    """The :class:`Mention` of the tokens ``first:end``, split into its parts by
    :func:`~quotes.pipeline.mention_parts.mention_parts` with the words of
    ``indirect.toml`` ``[noun_phrases]``: a modifier is what the tagger calls an
    adjective or number, the head's number is its morphology.

    ``head`` holds the capitalised words before any genitive or apposition ("US-Außenminister
    Marco Rubio"), ``genitive`` the words of a genitive attribute, ``apposition`` the
    capitalised words after a comma or inside brackets.
    """
    start_char, end_char = parsed[first].start, parsed[end - 1].end
    tokens = parsed[first:end]
    return mention_parts(
        [t.text for t in tokens],
        start_char,
        end_char,
        parsed.text[start_char:end_char],
        lexicon.parts,
        pronouns=pronouns,
        is_modifier=lambda k: _is_modifier(tokens[k], lexicon),
        is_plural=lambda k, _head: tokens[k].morph.number == "Plur",
    )


def nominal_head(parsed: ParsedDoc, token: ParsedToken) -> bool:
    return token.upos in _NOMINAL_UPOS or token.text[:1].isupper()
