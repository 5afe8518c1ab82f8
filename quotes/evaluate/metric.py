"""The Wikinews corpus's own metric, reimplemented, plus stricter measures.

**The corpus metric** (as the public scorer ``eval/eval.py`` of the corpus's repository defines
it; this is our own code, written from its definitions):

1. In each document, system and gold quotes are paired by the Hungarian assignment
   (:func:`scipy.optimize.linear_sum_assignment`, maximising; see :func:`hungarian`) on the
   token-overlap F1 of their quote tokens, plus 0.01 for the same type and 0.001 for the same
   medium where the quotes overlap at all (tie-breakers). As in the scorer, the assignment
   pairs ``min(#system, #gold)`` quotes even where a pair does not overlap
   (see :data:`SCORER_PAIRS_WITHOUT_OVERLAP`).
2. Every pair, every unpaired system quote (against an empty gold quote) and every unpaired
   gold quote (against an empty system quote) is one *group*. In a group, each part (quote,
   speaker, cue, frame, addressee) counts tokens: true positives in both, false positives in
   the system only, false negatives in the gold only. The group's precision for a part is
   ``tp / (tp + fp)``, undefined where the system has no tokens for it; recall likewise.
3. **Messages** P (R) is the mean of the groups' quote precisions (recalls) where defined;
   **Roles** the mean over all defined (group, role) precisions (recalls) of speaker, cue,
   frame and addressee; **Joint** the same over all five parts. F1 is the harmonic mean of the
   averaged P and R. So unpaired system quotes lower precision, unpaired gold quotes recall.
4. **Type** and **Medium** count over groups: a true positive where system and gold agree, else
   a false positive for the system's value and a false negative for the gold's (an unpaired
   quote has only one side). P = tp / (tp + fp), R = tp / (tp + fn), micro-averaged.

Quirks handled: a null ``medium`` is read as ``"none"`` (it crashes the scorer); every
division that could be by zero (no system role tokens at all, no quotes at all, a quote
without tokens) yields 0.0 instead of an exception.

**Top-level quotes only**: gold quotes with ``isNested`` false; system quotes not nested in
another system quote (by token extent; see :func:`system_nesting`). The public scorer has this
switch built in but always evaluates all quotes.

**Stricter measures** (ours, not the corpus's):

* exact character-span P/R/F1 for Direct quotes (system Direct vs gold Direct; spans compared
  after trimming whitespace at either end; output without character offsets is compared by
  the extent of its tokens);
* speaker accuracy for gold Direct quotes whose speaker is annotated: the mean token F1 and
  the share of exact token matches of the speaker of the paired system quote (0 when the quote
  was missed), also given over the detected quotes only;
* detection, per-type P/R/F1, type and medium accuracy and a type confusion table. These use
  only pairs that share at least one quote token (:func:`assign_pairs` with
  ``require_overlap=True``): a pair without overlap is a miss and a false alarm, not a pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np

from quotes.errors import QuotesError
from quotes.evaluate.corpus import (
    CORPUS_TYPES,
    PART_NAMES,
    ROLE_NAMES,
    Annotation,
    CorpusDocument,
    mark_nesting,
)

__all__ = [
    "MISSED",
    "SCORER_PAIRS_WITHOUT_OVERLAP",
    "SPURIOUS",
    "Counts",
    "EvaluationError",
    "Group",
    "Report",
    "Score",
    "ScorerScores",
    "SpeakerScores",
    "assign_pairs",
    "evaluate",
    "evaluate_document",
    "hungarian",
    "scorer_scores",
    "system_nesting",
    "token_f1",
]

#: The public scorer pairs quotes the Hungarian assignment puts together even where they
#: share no token. We do the same for the corpus metric, to report the same numbers.
SCORER_PAIRS_WITHOUT_OVERLAP: Final = True
#: Bonus added to a pair's overlap for the same type / the same medium (only if overlapping).
TYPE_BONUS: Final = 0.01
MEDIUM_BONUS: Final = 0.001
#: Confusion-table labels for a gold quote no system quote overlaps, and the converse.
MISSED: Final = "(missed)"
SPURIOUS: Final = "(spurious)"


class EvaluationError(QuotesError):
    """Evaluation cannot run: a dependency is missing, or gold or predictions are unusable."""


# -- small arithmetic --------------------------------------------------------------------
def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _harmonic(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def token_f1(gold: Iterable[int], system: Iterable[int]) -> float:
    """F1 of two token-id sets; 0.0 where either is empty (never divides by zero)."""
    gold_set, system_set = set(gold), set(system)
    both = len(gold_set & system_set)
    if not both:
        return 0.0
    return 2 * both / (len(gold_set) + len(system_set))


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _harmonic(self.precision, self.recall)

    def score(self) -> Score:
        return Score(self.precision, self.recall, self.f1, self)


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 (fractions in [0, 1]), with the counts behind them if any."""

    precision: float
    recall: float
    f1: float
    counts: Counts | None = None

    @classmethod
    def of(cls, precision: float, recall: float) -> Score:
        return cls(precision, recall, _harmonic(precision, recall))


# -- pairing -----------------------------------------------------------------------------
def hungarian() -> Callable[..., tuple[Any, Any]]:
    """:func:`scipy.optimize.linear_sum_assignment`, or an :class:`EvaluationError` saying
    how to install scipy (a dependency of ``quotes``; missing only after ``--no-deps``)."""
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError as error:
        raise EvaluationError(
            "the corpus metric pairs quotations with scipy's Hungarian assignment, and scipy "
            f"cannot be imported ({error}); install it with: pip install 'scipy>=1.10'"
        ) from error
    return linear_sum_assignment


def assign_pairs(
    system: Sequence[Annotation],
    gold: Sequence[Annotation],
    *,
    require_overlap: bool = False,
) -> list[tuple[int, int]]:
    """Pairs ``(system index, gold index)`` from the Hungarian assignment on quote overlap.

    The score of a pair is the token F1 of the two quotes, plus :data:`TYPE_BONUS` for the same
    type and :data:`MEDIUM_BONUS` for the same medium where the F1 is positive. The matrix is
    built gold by system, as the public scorer builds it, so that ties resolve the same way.
    ``require_overlap`` drops pairs that share no quote token.
    """
    if not system or not gold:
        return []
    scores = np.zeros((len(gold), len(system)))
    overlaps = np.zeros((len(gold), len(system)))
    for g, gold_annotation in enumerate(gold):
        gold_tokens = set(gold_annotation.quote.token_ids)
        for s, system_annotation in enumerate(system):
            overlap = token_f1(gold_tokens, system_annotation.quote.token_ids)
            overlaps[g, s] = overlap
            if overlap > 0.0:
                if gold_annotation.type == system_annotation.type:
                    overlap += TYPE_BONUS
                if gold_annotation.medium == system_annotation.medium:
                    overlap += MEDIUM_BONUS
            scores[g, s] = overlap
    gold_indices, system_indices = hungarian()(scores, maximize=True)
    pairs = [(int(s), int(g)) for g, s in zip(gold_indices, system_indices, strict=True)]
    if require_overlap:
        pairs = [(s, g) for s, g in pairs if overlaps[g, s] > 0.0]
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


@dataclass
class Group:
    """One scored unit: a pair, an unpaired system quote or an unpaired gold quote."""

    document: str
    system_index: int | None
    gold_index: int | None
    parts: dict[str, Counts]
    system_type: str | None
    gold_type: str | None
    system_medium: str | None
    gold_medium: str | None
    overlap: float

    def precision(self, part: str) -> float | None:
        counts = self.parts[part]
        return counts.tp / (counts.tp + counts.fp) if counts.tp + counts.fp else None

    def recall(self, part: str) -> float | None:
        counts = self.parts[part]
        return counts.tp / (counts.tp + counts.fn) if counts.tp + counts.fn else None


def _count_tokens(gold: Iterable[int], system: Iterable[int]) -> Counts:
    gold_set, system_set = set(gold), set(system)
    both = len(gold_set & system_set)
    return Counts(both, len(system_set) - both, len(gold_set) - both)


def _group(
    document: str,
    system_index: int | None,
    gold_index: int | None,
    system: Annotation | None,
    gold: Annotation | None,
) -> Group:
    parts = {
        name: _count_tokens(
            gold.tokens(name) if gold is not None else (),
            system.tokens(name) if system is not None else (),
        )
        for name in PART_NAMES
    }
    overlap = (
        token_f1(gold.quote.token_ids, system.quote.token_ids)
        if gold is not None and system is not None
        else 0.0
    )
    return Group(
        document,
        system_index,
        gold_index,
        parts,
        system.type if system is not None else None,
        gold.type if gold is not None else None,
        (system.medium or "none") if system is not None else None,
        (gold.medium or "none") if gold is not None else None,
        overlap,
    )


def evaluate_document(
    document: str,
    system: Sequence[Annotation],
    gold: Sequence[Annotation],
    *,
    require_overlap: bool = not SCORER_PAIRS_WITHOUT_OVERLAP,
) -> list[Group]:
    """The groups of one document: pairs first, then unpaired system, then unpaired gold."""
    pairs = assign_pairs(system, gold, require_overlap=require_overlap)
    groups = [_group(document, s, g, system[s], gold[g]) for s, g in pairs]
    paired_system = {s for s, _ in pairs}
    paired_gold = {g for _, g in pairs}
    groups += [
        _group(document, s, None, annotation, None)
        for s, annotation in enumerate(system)
        if s not in paired_system
    ]
    groups += [
        _group(document, None, g, None, annotation)
        for g, annotation in enumerate(gold)
        if g not in paired_gold
    ]
    return groups


# -- the corpus metric -------------------------------------------------------------------
@dataclass(frozen=True)
class ScorerScores:
    """The public scorer's five results."""

    messages: Score
    roles: Score
    joint: Score
    type: Score
    medium: Score
    groups: int


def _macro(groups: Sequence[Group], parts: Sequence[str]) -> Score:
    precisions = [p for g in groups for part in parts if (p := g.precision(part)) is not None]
    recalls = [r for g in groups for part in parts if (r := g.recall(part)) is not None]
    return Score.of(_ratio(sum(precisions), len(precisions)), _ratio(sum(recalls), len(recalls)))


def _label_counts(pairs: Iterable[tuple[str | None, str | None]]) -> Counts:
    counts = Counts()
    for system_label, gold_label in pairs:
        if system_label is not None and system_label == gold_label:
            counts.tp += 1
            continue
        if system_label is not None:
            counts.fp += 1
        if gold_label is not None:
            counts.fn += 1
    return counts


def scorer_scores(groups: Sequence[Group]) -> ScorerScores:
    """Messages, Roles, Joint (macro over groups), Type and Medium (micro) of some groups."""
    return ScorerScores(
        messages=_macro(groups, ("quote",)),
        roles=_macro(groups, ROLE_NAMES),
        joint=_macro(groups, PART_NAMES),
        type=_label_counts((g.system_type, g.gold_type) for g in groups).score(),
        medium=_label_counts((g.system_medium, g.gold_medium) for g in groups).score(),
        groups=len(groups),
    )


# -- nesting -----------------------------------------------------------------------------
def system_nesting(annotations: Sequence[Annotation]) -> list[bool]:
    """Whether each system quote is nested in another one, by the extent of its tokens.

    A quote is nested when another quote's token extent (first to last token) contains its
    own; of two quotes with the same extent the later one is nested.
    """
    extents = [
        [(min(a.quote.token_ids), max(a.quote.token_ids) + 1)] if a.quote.token_ids else []
        for a in annotations
    ]
    return [nested for nested, _ in mark_nesting(extents)]


def top_level(annotations: Sequence[Annotation], *, gold: bool) -> list[Annotation]:
    """The quotes not nested in another: gold by its flag, system by :func:`system_nesting`."""
    if gold:
        return [a for a in annotations if not a.is_nested]
    nested = system_nesting(annotations)
    return [a for a, is_nested in zip(annotations, nested, strict=True) if not is_nested]


# -- stricter measures -------------------------------------------------------------------
def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quote_char_spans(
    annotation: Annotation, document: CorpusDocument
) -> tuple[tuple[int, int], ...]:
    """The quote's character spans, trimmed; from its tokens where it has no offsets."""
    spans = annotation.quote.char_spans or document.token_index.char_spans(
        annotation.quote.token_ids
    )
    return tuple(_trimmed(document.text, start, end) for start, end in spans)


@dataclass
class SpeakerScores:
    """Speaker of gold Direct quotes whose speaker is annotated."""

    quotes: int = 0
    detected: int = 0
    token_f1_sum: float = 0.0
    exact: int = 0

    @property
    def token_f1(self) -> float:
        """Mean speaker token F1 over all such gold quotes (0 for a missed quote)."""
        return _ratio(self.token_f1_sum, self.quotes)

    @property
    def exact_accuracy(self) -> float:
        return _ratio(self.exact, self.quotes)

    @property
    def token_f1_detected(self) -> float:
        """Mean speaker token F1 over the gold quotes a system quote overlaps."""
        return _ratio(self.token_f1_sum, self.detected)

    @property
    def exact_accuracy_detected(self) -> float:
        return _ratio(self.exact, self.detected)


@dataclass
class Report:
    """Everything :func:`evaluate` measures for one system on a set of documents."""

    documents: int = 0
    gold_quotes: int = 0
    system_quotes: int = 0
    gold_top_level: int = 0
    system_top_level: int = 0
    all: ScorerScores | None = None
    top_level: ScorerScores | None = None
    detection: Counts = field(default_factory=Counts)
    direct_exact: Counts = field(default_factory=Counts)
    direct_speaker: SpeakerScores = field(default_factory=SpeakerScores)
    per_type: dict[str, Counts] = field(
        default_factory=lambda: {name: Counts() for name in CORPUS_TYPES}
    )
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    type_agreement: Counts = field(default_factory=Counts)  # tp = same type, fp = differ
    medium_agreement: Counts = field(default_factory=Counts)
    missing_documents: int = 0  # gold documents the predictions do not mention

    @property
    def type_accuracy(self) -> float:
        """Share of overlapping pairs whose types agree."""
        return _ratio(self.type_agreement.tp, self.type_agreement.tp + self.type_agreement.fp)

    @property
    def medium_accuracy(self) -> float:
        return _ratio(self.medium_agreement.tp, self.medium_agreement.tp + self.medium_agreement.fp)


def _strict_measures(
    report: Report,
    document: CorpusDocument,
    system: Sequence[Annotation],
    gold: Sequence[Annotation],
) -> None:
    pairs = assign_pairs(system, gold, require_overlap=True)
    system_of_gold = {g: s for s, g in pairs}
    paired_system = {s for s, _ in pairs}

    report.detection.add(Counts(len(pairs), len(system) - len(pairs), len(gold) - len(pairs)))

    for s, g in pairs:
        system_type, gold_type = system[s].type, gold[g].type
        report.confusion[gold_type, system_type] += 1
        agreement = report.type_agreement
        if system_type == gold_type:
            report.per_type.setdefault(gold_type, Counts()).tp += 1
            agreement.tp += 1
        else:
            report.per_type.setdefault(system_type, Counts()).fp += 1
            report.per_type.setdefault(gold_type, Counts()).fn += 1
            agreement.fp += 1
        if (system[s].medium or "none") == (gold[g].medium or "none"):
            report.medium_agreement.tp += 1
        else:
            report.medium_agreement.fp += 1
    for s, annotation in enumerate(system):
        if s not in paired_system:
            report.per_type.setdefault(annotation.type, Counts()).fp += 1
            report.confusion[SPURIOUS, annotation.type] += 1
    for g, annotation in enumerate(gold):
        if g not in system_of_gold:
            report.per_type.setdefault(annotation.type, Counts()).fn += 1
            report.confusion[annotation.type, MISSED] += 1

    # Exact spans of Direct quotes: a multiset intersection within the document.
    gold_spans = Counter(quote_char_spans(a, document) for a in gold if a.type == "Direct")
    system_spans = Counter(quote_char_spans(a, document) for a in system if a.type == "Direct")
    exact = sum((gold_spans & system_spans).values())
    report.direct_exact.add(
        Counts(exact, sum(system_spans.values()) - exact, sum(gold_spans.values()) - exact)
    )

    # Speakers of gold Direct quotes that have one.
    speakers = report.direct_speaker
    for g, annotation in enumerate(gold):
        if annotation.type != "Direct" or not annotation.tokens("speaker"):
            continue
        speakers.quotes += 1
        if g not in system_of_gold:
            continue
        speakers.detected += 1
        gold_speaker = set(annotation.tokens("speaker"))
        system_speaker = set(system[system_of_gold[g]].tokens("speaker"))
        speakers.token_f1_sum += token_f1(gold_speaker, system_speaker)
        speakers.exact += gold_speaker == system_speaker


def evaluate(
    documents: Sequence[CorpusDocument],
    predictions: Mapping[str, Sequence[Annotation]],
) -> Report:
    """Score ``predictions`` (``{documentName: annotations}``) against the gold documents.

    Documents are the gold ones; predictions for other document names are ignored, and a gold
    document without predictions counts as one with no system quotes (as in the scorer).
    """
    report = Report()
    all_groups: list[Group] = []
    top_groups: list[Group] = []
    for document in sorted(documents, key=lambda d: d.name):
        gold = list(document.annotations)
        if document.name not in predictions:
            report.missing_documents += 1
        system = list(predictions.get(document.name, ()))
        report.documents += 1
        report.gold_quotes += len(gold)
        report.system_quotes += len(system)
        all_groups += evaluate_document(document.name, system, gold)
        gold_top = top_level(gold, gold=True)
        system_top = top_level(system, gold=False)
        report.gold_top_level += len(gold_top)
        report.system_top_level += len(system_top)
        top_groups += evaluate_document(document.name, system_top, gold_top)
        _strict_measures(report, document, system, gold)
    report.all = scorer_scores(all_groups)
    report.top_level = scorer_scores(top_groups)
    return report
