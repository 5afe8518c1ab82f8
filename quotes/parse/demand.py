"""Parse on demand: which sentences of a text the parse backend needs to parse.

Most sentences of a news text hold no speech: no verb of saying, no Konjunktiv, no "laut",
"zufolge" or "nach Angaben". The detectors of indirect and reported speech only react to
such words, so only the sentences that hold one (the *candidates*), with the neighbours
given in ``rules/<lang>/parse.toml``, go to the parser. The other sentences get *filler*
tokens: the rules tokenizer's tokens, every one its own root, with no tags, lemma or
morphology, so the detectors see them as what they are: sentences without speech.

The trigger words are data, never Python lists: the detectors' own lexicons
(``indirect.toml``, ``cues.toml``, read through :class:`~quotes.detectors.lexicon.DetectorRules`)
and the extra words and marks of ``parse.toml``. ``benchmarks/parse_triggers.py`` counts,
on a corpus split, how many gold quotations each trigger group catches.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import regex

from quotes.errors import RulesError
from quotes.parse.model import ParsedDoc

if TYPE_CHECKING:
    from quotes.detectors.lexicon import DetectorRules
    from quotes.document import Document

__all__ = ["GROUPS", "ParseTriggers", "assemble", "filler", "runs", "windows"]

_WORD = regex.compile(r"\w+(?:[-'’.&]\w+)*+", regex.V1)
_FILLER_TOKEN = regex.compile(r"\w+(?:[-'’.&]\w+)*+|[^\w\s]", regex.V1)

#: The trigger groups ``parse.toml`` may switch on, with what each one holds.
GROUPS: Mapping[str, str] = {
    "cue_verbs": "forms of the verbs in cues.toml [[verb]] (regular endings "
    "stripped, cues.toml [irregular] forms)",
    "sources": 'indirect.toml [sources]: "laut", "gemäß", "zufolge", "demnach", "danach"',
    "nach_nouns": 'indirect.toml [sources] nach_nouns and nach_suffixes ("nach Angaben")',
    "reporting_nouns": 'indirect.toml [nouns]: "Forderung", "Vorwurf", "wonach"',
    "konjunktiv": 'indirect.toml [konjunktiv] word lists ("sei", "habe", "wäre") and the '
    "Konjunktiv I/II forms of moods.toml",
    "konjunktiv_ending": "any word in -e, not -te, of four letters or more (the ending rule)",
    "reportive": 'indirect.toml [free_indirect] reportive_modals ("soll")',
    "words": "parse.toml [triggers] words",
    "marks": "parse.toml [triggers] marks (quotation marks)",
}

_CACHE_LIMIT = 200_000


@attrs.frozen
class ParseTriggers:
    """The compiled trigger set: decides per sentence whether it is parsed."""

    words: Mapping[str, str]  # lower-case word → the group that holds it
    marks: frozenset[str]
    groups: frozenset[str]
    nach_suffixes: tuple[str, ...]
    verb_guess: Callable[[str], list[str]] | None
    before: int
    after: int
    _verb_cache: dict[str, bool] = attrs.field(factory=dict, eq=False, repr=False)

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any], detector: DetectorRules) -> ParseTriggers:
        table = rules.get("parse", {})
        triggers = table.get("triggers", {})
        context = table.get("context", {})
        where = "parse.toml"
        groups = triggers.get("groups", ["cue_verbs", "sources", "nach_nouns", "konjunktiv"])
        if not isinstance(groups, list) or any(g not in GROUPS for g in groups):
            raise RulesError(
                f"{where}: [triggers] groups must be a list of {', '.join(GROUPS)}; got {groups!r}"
            )
        for key in ("before", "after"):
            value = context.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 5:
                raise RulesError(f"{where}: [context] {key} must be a whole number 0 to 5")
        enabled = frozenset(groups)
        words: dict[str, str] = {}

        def add(group: str, items: Iterable[str]) -> None:
            if group in enabled:
                for item in items:
                    words.setdefault(str(item).lower(), group)

        k = detector.konjunktiv
        add("konjunktiv", k.unambiguous | k.third_singular | k.second)
        add("konjunktiv", k.lexicon.forms("konjunktiv1", "konjunktiv2"))
        add("sources", detector.source_prepositions | detector.source_postpositions)
        add("sources", detector.source_adverbs | detector.source_adverbs_konjunktiv)
        add("sources", (w for opener in detector.relative_openers for w in opener.split()))
        add("nach_nouns", detector.nach_nouns)
        add("reporting_nouns", detector.reporting_nouns)
        add("reportive", detector.reportive_modals)
        add("cue_verbs", detector.cue_forms)
        add("cue_verbs", detector.irregular)
        extra = triggers.get("words", [])
        marks = triggers.get("marks", [])
        for key, value in (("words", extra), ("marks", marks)):
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise RulesError(f"{where}: [triggers] {key} must be a list of strings")
        add("words", extra)
        return cls(
            words=words,
            marks=frozenset(marks) if "marks" in enabled else frozenset(),
            groups=enabled,
            nach_suffixes=detector.nach_suffixes if "nach_nouns" in enabled else (),
            verb_guess=detector.lemma_guesses if "cue_verbs" in enabled else None,
            before=context.get("before", 0),
            after=context.get("after", 0),
        )

    # -- one sentence ----------------------------------------------------------------------
    def fired(self, text: str) -> set[str]:
        """The groups that fire on ``text`` (for the trigger benchmark; slower)."""
        found = {"marks"} if any(m in text for m in self.marks) else set()
        for word in _WORD.findall(text.lower()):
            group = self._group(word)
            if group:
                found.add(group)
        return found

    def is_candidate(self, text: str) -> bool:
        if self.marks and any(m in text for m in self.marks):
            return True
        return any(self._group(word) for word in _WORD.findall(text.lower()))

    def _group(self, word: str) -> str:
        group = self.words.get(word)
        if group is not None:
            return group
        if "konjunktiv_ending" in self.groups and (
            len(word) > 3 and word.endswith("e") and not word.endswith("te")
        ):
            return "konjunktiv_ending"
        if self.nach_suffixes and word.endswith(self.nach_suffixes):
            return "nach_nouns"
        if self.verb_guess is not None:
            known = self._verb_cache.get(word)
            if known is None:
                if len(self._verb_cache) > _CACHE_LIMIT:
                    self._verb_cache.clear()
                known = bool(self.verb_guess(word))
                self._verb_cache[word] = known
            if known:
                return "cue_verbs"
        return ""

    # -- a document ------------------------------------------------------------------------
    def candidates(self, doc: Document) -> list[bool]:
        """For each sentence of ``doc``: whether it is parsed (a candidate or its context)."""
        sentences = doc.sentences
        hit = [self.is_candidate(s.text) for s in sentences]
        if not (self.before or self.after):
            return hit
        out = list(hit)
        for i, is_hit in enumerate(hit):
            if is_hit:
                for j in range(max(0, i - self.before), min(len(hit), i + self.after + 1)):
                    out[j] = True
        return out


def windows(doc: Document, size: int) -> list[tuple[int, int]]:
    """Sentence ranges ``(first, end)`` of about ``size`` characters each, in order.

    Long texts are analysed one window at a time so that only one window's parse is held
    at once; a window ends at a sentence end (a sentence longer than ``size`` is a window
    of its own). A text of at most ``size`` characters is one window.
    """
    sentences = doc.sentences
    if len(doc.text) <= size or not sentences:
        return [(0, len(sentences))]
    out: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(sentences)):
        if sentences[i].end - sentences[first].start > size:
            out.append((first, i))
            first = i
    out.append((first, len(sentences)))
    return out


def runs(
    doc: Document, parse: Sequence[bool], first: int = 0, end: int | None = None
) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The character range of sentences ``first:end`` and the ranges of its runs of
    consecutive sentences to parse (``parse`` is indexed by sentence).

    The window starts at 0 when it holds the first sentence and ends at the end of the text
    when it holds the last, so a document whose every sentence is parsed is parsed as one
    piece, exactly as without parse on demand.
    """
    sentences = doc.sentences
    n = len(sentences) if end is None else end
    lo = 0 if first == 0 else sentences[first].start
    hi = len(doc.text) if n >= len(sentences) else sentences[n - 1].end
    out: list[tuple[int, int]] = []
    i = first
    while i < n:
        if not parse[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and parse[j + 1]:
            j += 1
        out.append(
            (lo if i == first else sentences[i].start, hi if j == n - 1 else sentences[j].end)
        )
        i = j + 1
    return (lo, hi), out


def assemble(
    doc: Document,
    window: tuple[int, int],
    ranges: Sequence[tuple[int, int]],
    parses: Sequence[ParsedDoc],
) -> ParsedDoc:
    """One parse of ``doc.text``: ``parses`` of the ``ranges`` (parsed pieces), filler for
    the rest of ``window``, nothing outside it. Offsets are exact: each piece's offsets are
    moved by its start."""
    from quotes.backends import join_parses

    text = doc.text
    lo, hi = window
    if len(ranges) == 1 and ranges[0] == (0, len(text)):
        return parses[0]
    starts = [s.start for s in doc.sentences]
    pieces: list[tuple[int, ParsedDoc]] = []
    at = lo
    for (start, end), parsed in zip(ranges, parses, strict=True):
        if start > at:
            pieces.append((at, filler(text, at, start, starts)))
        pieces.append((start, parsed))
        at = end
    if hi > at:
        pieces.append((at, filler(text, at, hi, starts)))
    return join_parses(text, pieces)


def filler(text: str, start: int, end: int, sentence_starts: Sequence[int] = ()) -> ParsedDoc:
    """Unparsed tokens for ``text[start:end]`` with offsets relative to ``start``: every token
    its own root, no tags, lemmas, morphology or entities; a sentence starts at each of
    ``sentence_starts`` (absolute character offsets).

    Its ``has_*`` flags are True so that joining it to real parses keeps theirs: filler
    stands for sentences whose layers were skipped on purpose, as ones without speech.
    """
    piece = text[start:end]
    matches = list(_FILLER_TOKEN.finditer(piece))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    firsts = []
    k = 0
    inside = sentence_starts[
        bisect_left(sentence_starts, start) : bisect_left(sentence_starts, end)
    ]
    for boundary in inside:
        while k < len(starts) and starts[k] + start < boundary:
            k += 1
        if 0 < k < len(starts):
            firsts.append(k)
    return ParsedDoc.from_columns(
        piece,
        starts=starts,
        ends=ends,
        upos=["X"] * len(starts),
        sentence_starts=[0, *firsts],
        has_parse=True,
        has_tags=True,
        has_morph=True,
        has_lemmas=True,
        has_entities=True,
    )
