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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, pairwise, repeat, starmap
from typing import TYPE_CHECKING, Any

import attrs
import regex

from quotes.errors import RulesError
from quotes.memo import BoundedMemo
from quotes.parse.conversion import gc_paused
from quotes.parse.model import (
    EMPTY_MORPH,
    Entity,
    Layers,
    Multiword,
    ParsedDoc,
    ParsedToken,
    Sentence,
    checked_by_construction,
)

if TYPE_CHECKING:
    from quotes.detectors.lexicon import DetectorRules
    from quotes.document import Document

__all__ = ["GROUPS", "ParseTriggers", "assemble", "filler", "runs", "windows"]

_WORD = regex.compile(r"\w+(?:[-'’.&]\w+)*+", regex.V1)
_FILLER_TOKEN = regex.compile(r"\w+(?:[-'’.&]\w+)*+|[^\w\s]", regex.V1)
_new_tuple = tuple.__new__  # ParsedToken rows without a Python call each

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

_CACHE_LIMIT = 20_000
#: The groups whose words fire only with the context their detector needs (``with_context``).
CONTEXT_GROUPS = ("cue_verbs", "sources", "nach_nouns", "reporting_nouns", "reportive")
#: Stands for "the sentence holds a clause mark" among a sentence's words (never a word).
CLAUSE = "\x00clause"
#: One reading of a cue-verb form: the particle it needs ("" = none) and the words one of
#: which must stand in the sentence too (empty = none), as lower-case words.
Reading = tuple[str, frozenset[str]]


@attrs.frozen
class ParseTriggers:
    """The compiled trigger set: decides per sentence whether it is parsed.

    A word fires in its group, except where ``parse.toml`` says otherwise: the words of
    ``not_words`` never fire; those of the groups in ``lower_case`` fire only when written
    in lower case (a capitalised "Frage" or "Ende" mid-sentence is a noun, not the
    Konjunktiv of a verb) or as a sentence's first word. The groups in ``with_context``
    fire only with the words their detector cannot do without in the same sentence:

    * ``cue_verbs``: a separable verb's particle ("gab … bekannt", "geht … aus") and one of
      the words the verb ``needs`` (cues.toml: "sprach von", "zeigt, dass"; or "so" of
      "…, so zeigen Studien, …"); a verb that takes only content clauses ("sagen",
      "glauben") needs one of ``clause_marks`` (a comma, a colon, a quotation mark);
    * ``sources``: the adverbs that point back to a source only before a Konjunktiv
      ("Danach sei …"; indirect.toml ``adverbs_konjunktiv``) need a Konjunktiv form of the
      ``konjunktiv`` group;
    * ``nach_nouns``: "nach" ("nach Angaben", "seiner Meinung nach");
    * ``reporting_nouns``: a comma right after the noun ("die Forderung, …");
    * ``reportive``: a perfect auxiliary ("soll geholfen haben").
    """

    words: Mapping[str, tuple[str, ...]]  # lower-case word → the groups that hold it
    marks: frozenset[str]
    groups: frozenset[str]
    nach_suffixes: tuple[str, ...]
    verb_guess: Callable[[str], list[str]] | None
    before: int
    after: int
    lower_case: frozenset[str] = frozenset()
    with_context: frozenset[str] = frozenset()
    not_words: frozenset[str] = frozenset()
    #: Cue-verb form → its readings (from cues.toml forms and [irregular]).
    readings: Mapping[str, tuple[Reading, ...]] = attrs.field(factory=dict)
    #: Base verb → readings of the separable cue verbs made from it ("geben" → bekanntgeben).
    separable: Mapping[str, tuple[Reading, ...]] = attrs.field(factory=dict)
    verb_bases: Callable[[str], list[str]] | None = None
    #: Cue verb → the words one of which it needs (cues.toml ``needs``; only verbs with some).
    needs: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: Characters that show a clause a verb of saying can introduce ("sagte, …", "sagte: …").
    clause_marks: frozenset[str] = frozenset()
    nach: frozenset[str] = frozenset()
    konjunktiv_adverbs: frozenset[str] = frozenset()
    perfect: frozenset[str] = frozenset()
    _verb_cache: BoundedMemo[str, tuple[Reading, ...]] = attrs.field(
        factory=lambda: BoundedMemo(_CACHE_LIMIT), eq=False, repr=False
    )
    # What a word decides without its sentence (see _plan), as a sentence's first word and
    # as a later one.
    _first_plans: BoundedMemo[str, str | tuple[str, ...]] = attrs.field(
        factory=lambda: BoundedMemo(_CACHE_LIMIT), eq=False, repr=False
    )
    _later_plans: BoundedMemo[str, str | tuple[str, ...]] = attrs.field(
        factory=lambda: BoundedMemo(_CACHE_LIMIT), eq=False, repr=False
    )

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any], detector: DetectorRules) -> ParseTriggers:
        table = rules.get("parse", {})
        triggers = table.get("triggers", {})
        context = table.get("context", {})
        where = "parse.toml"
        groups = triggers.get("groups", ["cue_verbs", "sources", "nach_nouns", "konjunktiv"])
        for key, value, allowed in (
            ("groups", groups, GROUPS),
            ("lower_case", triggers.get("lower_case", []), GROUPS),
            ("with_context", triggers.get("with_context", []), CONTEXT_GROUPS),
        ):
            if not isinstance(value, list) or any(g not in allowed for g in value):
                raise RulesError(
                    f"{where}: [triggers] {key} must be a list of {', '.join(allowed)}; "
                    f"got {value!r}"
                )
        for key in ("before", "after"):
            value = context.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 5:
                raise RulesError(f"{where}: [context] {key} must be a whole number 0 to 5")
        extra = triggers.get("words", [])
        marks = triggers.get("marks", [])
        not_words = triggers.get("not_words", [])
        clause_marks = triggers.get("clause_marks", [])
        for key, value in (
            ("words", extra),
            ("marks", marks),
            ("not_words", not_words),
            ("clause_marks", clause_marks),
        ):
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise RulesError(f"{where}: [triggers] {key} must be a list of strings")
        enabled = frozenset(groups)
        words: dict[str, list[str]] = {}

        def add(group: str, items: Iterable[str]) -> None:
            if group in enabled:
                for item in items:
                    held = words.setdefault(str(item).lower(), [])
                    if group not in held:
                        held.append(group)

        k = detector.konjunktiv
        add("konjunktiv", k.unambiguous | k.third_singular | k.second)
        add("konjunktiv", k.lexicon.forms("konjunktiv1", "konjunktiv2"))
        add("sources", detector.source_prepositions | detector.source_postpositions)
        add("sources", detector.source_adverbs | detector.source_adverbs_konjunktiv)
        # "dem zufolge": the opener's last word marks it ("dem" alone is everywhere).
        add("sources", (opener.split()[-1] for opener in detector.relative_openers))
        add("nach_nouns", detector.nach_nouns)
        add("reporting_nouns", detector.reporting_nouns)
        add("reportive", detector.reportive_modals)
        readings: dict[str, tuple[Reading, ...]] = {}
        separable: dict[str, tuple[Reading, ...]] = {}
        if "cue_verbs" in enabled:
            separable = _separable(detector, bool(clause_marks))
            for form, pairs in detector.cue_forms.items():
                found = [
                    (particle, _needs(detector, lemma, bool(clause_marks)))
                    for lemma, particle in pairs
                ]
                # Also the separable verbs of its base ("legte": darlegen and festlegen).
                for base in detector.lemma_bases(form):
                    found.extend(separable.get(base, ()))
                readings[form.lower()] = tuple(dict.fromkeys(found))
            for form, base in detector.irregular.items():
                found = list(readings.get(form.lower(), ()))
                if base in detector.verbs:
                    found.append(("", _needs(detector, base, bool(clause_marks))))
                found.extend(separable.get(base, ()))
                if found:
                    readings[form.lower()] = tuple(dict.fromkeys(found))
            add("cue_verbs", readings)
        add("words", extra)
        return cls(
            words={word: tuple(held) for word, held in words.items()},
            marks=frozenset(marks) if "marks" in enabled else frozenset(),
            groups=enabled,
            nach_suffixes=detector.nach_suffixes if "nach_nouns" in enabled else (),
            verb_guess=detector.lemma_guesses if "cue_verbs" in enabled else None,
            before=context.get("before", 0),
            after=context.get("after", 0),
            lower_case=frozenset(triggers.get("lower_case", [])),
            with_context=frozenset(triggers.get("with_context", [])),
            not_words=frozenset(w.lower() for w in not_words),
            readings=readings,
            separable=separable,
            verb_bases=detector.lemma_bases,
            needs={
                lemma: _needs(detector, lemma, bool(clause_marks))
                for lemma in detector.verbs
                if _needs(detector, lemma, bool(clause_marks))
            },
            clause_marks=frozenset(clause_marks),
            nach=frozenset({"nach"}),
            konjunktiv_adverbs=frozenset(w.lower() for w in detector.source_adverbs_konjunktiv),
            perfect=frozenset(w.lower() for w in detector.perfect_auxiliaries),
        )

    # -- one sentence ----------------------------------------------------------------------
    def fired(self, text: str) -> set[str]:
        """The groups that fire on ``text`` (for the trigger benchmark; slower)."""
        found = {"marks"} if any(m in text for m in self.marks) else set()
        return found | {group for _match, group in self._firing(text)}

    def firing_words(self, text: str) -> list[tuple[str, str]]:
        """The words of ``text`` that fire, each with its group (for the benchmark)."""
        return [(match.group(), group) for match, group in self._firing(text)]

    def is_candidate(self, text: str) -> bool:
        if self.marks and any(m in text for m in self.marks):
            return True
        for _fires in self._firing(text):
            return True
        return False

    def _firing(self, text: str) -> Iterator[tuple[regex.Match[str], str]]:
        """Each word of ``text`` that fires, with its group, in text order."""
        present: set[str] | None = None
        plans = self._first_plans
        for match in _WORD.finditer(text):
            word = match.group()
            plan = plans.get(word)
            if plan is None:
                plan = plans.keep(word, self._plan(word, plans is self._later_plans))
            plans = self._later_plans
            if plan.__class__ is str:
                if plan:
                    yield match, plan
                continue
            for group in plan:
                if group in self.with_context:
                    if present is None:
                        present = {w.lower() for w in _WORD.findall(text)}
                        if any(mark in text for mark in self.clause_marks):
                            present.add(CLAUSE)
                    if not self._in_context(group, word.lower(), text, match.end(), present):
                        continue
                yield match, group
                break

    def _plan(self, word: str, later: bool) -> str | tuple[str, ...]:
        """What ``word`` (not the sentence's first when ``later``) fires without looking at
        its sentence: a group (``""`` for none), or the groups to try in order, those that
        need the sentence among them (an empty tuple: the word fires nothing)."""
        low = word.lower()
        if low in self.not_words:
            return ()
        capital = later and word[:1].isupper()
        groups = self.words.get(low)
        if groups is None:
            group = self._unlisted(low, capital)
            if group != "cue_verbs" or "cue_verbs" not in self.with_context:
                return group
            groups = ("cue_verbs",)
        tried: list[str] = []
        for group in groups:
            if capital and group in self.lower_case:
                continue
            tried.append(group)
            if group not in self.with_context:
                break  # fires: the groups after it are never tried
        return tuple(tried)

    def _unlisted(self, low: str, capital: bool) -> str:
        """The group of a word not in ``words``: the ending rule, nach suffixes, a guessed
        form of a cue verb."""
        if "konjunktiv_ending" in self.groups and (
            len(low) > 3 and low.endswith("e") and not low.endswith("te")
        ):
            return "konjunktiv_ending"
        if self.nach_suffixes and low.endswith(self.nach_suffixes):
            return "nach_nouns"
        guess = self.verb_guess is not None and not (capital and "cue_verbs" in self.lower_case)
        return "cue_verbs" if guess and self._verb_readings(low) else ""

    def _in_context(self, group: str, low: str, text: str, end: int, present: set[str]) -> bool:
        if group == "cue_verbs":
            return any(
                (not particle or particle in present)
                and (not needs or not needs.isdisjoint(present))
                for particle, needs in self._verb_readings(low)
            )
        if group == "sources":
            return low not in self.konjunktiv_adverbs or self._has_konjunktiv(text)
        if group == "nach_nouns":
            return not self.nach.isdisjoint(present)
        if group == "reporting_nouns":
            return text[end : end + 1] == ","
        return not self.perfect.isdisjoint(present)  # reportive

    def _has_konjunktiv(self, text: str) -> bool:
        """Whether a word of ``text`` fires in the ``konjunktiv`` group."""
        upper_ok = "konjunktiv" not in self.lower_case
        return any(
            "konjunktiv" in self.words.get(word.lower(), ())
            and word.lower() not in self.not_words
            and (n == 0 or upper_ok or not word[:1].isupper())
            for n, word in enumerate(_WORD.findall(text))
        )

    def _verb_readings(self, low: str) -> tuple[Reading, ...]:
        """The cue-verb readings of a lower-case word: listed forms, irregular forms, and
        guessed ones (regular endings, a particle in front; a base of a separable verb)."""
        listed = self.readings.get(low)
        if listed is not None:
            return listed
        known = self._verb_cache.get(low)
        if known is None:
            found: list[Reading] = []
            if self.verb_guess is not None:
                found.extend(
                    ("", self.needs.get(lemma, frozenset())) for lemma in self.verb_guess(low)
                )
            if self.verb_bases is not None and "cue_verbs" in self.with_context:
                for base in self.verb_bases(low):
                    found.extend(self.separable.get(base, ()))
            known = self._verb_cache.keep(low, tuple(dict.fromkeys(found)))
        return known

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


def _needs(detector: DetectorRules, lemma: str, clause: bool = False) -> frozenset[str]:
    """The words one of which a cue verb needs in its sentence (none: empty). "so" counts
    too: "…, so zeigen Studien, …" needs no "dass" (the detectors' exception). With
    ``clause``, a verb that takes only content clauses (no object of reported speech, no
    zu-infinitive: "sagen", "glauben") needs a clause mark (:data:`CLAUSE`)."""
    entry = detector.verbs.get(lemma)
    if entry is None:
        return frozenset()
    if entry.needs:
        return frozenset({*(w.lower() for w in entry.needs), "so"})
    if clause and not (entry.reported or entry.infinitive):
        return frozenset({CLAUSE})
    return frozenset()


def _separable(detector: DetectorRules, clause: bool) -> dict[str, tuple[Reading, ...]]:
    """Base verb → readings of the separable cue verbs made from it: "geben" →
    ("bekannt", …), ("zu", …); the particle must stand in the sentence."""
    out: dict[str, list[Reading]] = {}
    for lemma in detector.verbs:
        for particle in detector.particles:
            if lemma.startswith(particle) and len(lemma) > len(particle) + 2:
                reading = (particle, _needs(detector, lemma, clause))
                out.setdefault(lemma[len(particle) :], []).append(reading)
    return {base: tuple(dict.fromkeys(found)) for base, found in out.items()}


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
    moved by its start.

    The same document as :func:`~quotes.backends.join_parses` of the pieces and their
    :func:`filler`, built in one pass: the tokens made column by column in C (a piece's
    columns moved by its offsets, filler's constant), with the collector paused (as
    :func:`~quotes.parse.from_spacy` does), and checked once."""
    text = doc.text
    lo, hi = window
    if len(ranges) == 1 and ranges[0] == (0, len(text)):
        return parses[0]
    # The starts of the window's sentences only: a long text has many windows.
    sentence_starts = [
        s.start for s in doc.sentences[doc.sentence_index(lo) : doc.sentence_index(hi) + 1]
    ]
    tokens: list[ParsedToken] = []
    firsts: list[int] = []  # the token index where each sentence starts
    entities: list[Entity] = []
    multiwords: list[Multiword] = []

    def gap(start: int, end: int) -> None:
        spans = [m.span() for m in _FILLER_TOKEN.finditer(text, start, end)]
        if not spans:
            return
        base, n = len(tokens), len(spans)
        starts, ends = zip(*spans, strict=True)
        forms = list(map(text.__getitem__, map(slice, starts, ends)))
        cuts = [0]  # where the gap's sentences start, in its tokens
        k = 0
        inside = sentence_starts[
            bisect_left(sentence_starts, start) : bisect_left(sentence_starts, end)
        ]
        for boundary in inside:
            while k < n and starts[k] < boundary:
                k += 1
            if 0 < k < n and k != cuts[-1]:
                cuts.append(k)
        sentence = len(firsts)
        firsts.extend(base + k for k in cuts)
        sents = chain.from_iterable(
            repeat(sentence + j, b - a) for j, (a, b) in enumerate(pairwise([*cuts, n]))
        )
        rows = zip(
            range(base, base + n), forms, starts, ends, forms, repeat(""), repeat("X"),
            repeat(""), repeat(EMPTY_MORPH), range(base, base + n), repeat(""), repeat(""),
            sents, repeat(False),
        )  # fmt: skip
        tokens.extend(map(_new_tuple, repeat(ParsedToken), rows))

    def parsed_piece(offset: int, parsed: ParsedDoc) -> None:
        if not parsed.tokens:
            return
        base, sentence = len(tokens), len(firsts)
        _i, te, st, en, fo, le, up, ta, mo, he, de, dr, se, mw = zip(*parsed.tokens, strict=True)
        rows = zip(
            range(base, base + len(te)), te, map(offset.__add__, st), map(offset.__add__, en),
            fo, le, up, ta, mo, map(base.__add__, he), de, dr, map(sentence.__add__, se), mw,
            strict=True,
        )  # fmt: skip
        tokens.extend(map(_new_tuple, repeat(ParsedToken), rows))
        firsts.extend(s.start + base for s in parsed.sentences)
        entities.extend(e._replace(start=e.start + base, end=e.end + base) for e in parsed.entities)
        multiwords.extend(
            m._replace(start=m.start + base, end=m.end + base) for m in parsed.multiwords
        )

    with gc_paused():  # tuples only, no cycles
        at = lo
        for (start, end), parsed in zip(ranges, parses, strict=True):
            if parsed.text != text[start:end]:
                # What the check below would have found in the joined tokens.
                raise ValueError(f"the parse of {start}:{end} is of another text")
            if start > at:
                gap(at, start)
            parsed_piece(start, parsed)
            at = end
        if hi > at:
            gap(at, hi)
        # Filler names no scheme or source: take the first real parse's.
        first = next((p for p in parses if p.source), None)
        if first is None and parses and ranges[0][0] <= lo:
            first = parses[0]
        layers = Layers.common(parses)
        # Not checked again: every piece was when it was built (its tokens in order, heads
        # inside its sentences, no cycles), and moving all of a piece's offsets by its start
        # and its indices by its first token keeps that; filler tokens are their own roots;
        # pieces and gaps follow each other in text order, and each sentence starts where
        # a piece's or a gap's does (tests/test_assemble.py checks the result). The check
        # was about a third of assemble's time, a document of every token of the window.
        with checked_by_construction():
            return ParsedDoc(
                text,
                tuple(tokens),
                tuple(starmap(Sentence, pairwise([*firsts, len(tokens)]))),
                tuple(entities),
                tuple(multiwords),
                scheme=first.scheme if first else None,
                source=first.source if first else "",
                has_parse=layers.parse,
                has_tags=layers.tags,
                has_morph=layers.morph,
                has_lemmas=layers.lemmas,
                has_entities=layers.entities,
            )


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
