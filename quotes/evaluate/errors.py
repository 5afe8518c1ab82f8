"""Error listing: the quotes one side has and the other lacks, and pairs that disagree.

Uses the pairing of the stricter measures (:func:`quotes.evaluate.metric.assign_pairs` with
``require_overlap=True``): a gold quote no system quote overlaps is a miss (FN), a system
quote that overlaps no gold quote a false alarm (FP).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quotes.evaluate.corpus import Annotation, CorpusDocument
from quotes.evaluate.metric import assign_pairs, quote_char_spans, token_f1

__all__ = ["ErrorRecord", "error_to_dict", "find_errors"]


@dataclass(frozen=True)
class ErrorRecord:
    """A quote one side has and the other lacks, or a pair that disagrees.

    ``kind`` is ``"FN"`` (gold quote no system quote overlaps), ``"FP"`` (system quote that
    overlaps no gold quote), ``"type"`` (overlapping pair of different types) or
    ``"boundary"`` (overlapping pair whose quote tokens differ).
    """

    kind: str
    document: str
    type: str
    start: int
    end: int
    quote: str
    context: str
    other_type: str | None = None
    cue: str = ""
    speaker: str = ""
    overlap: float = 0.0


def _context(text: str, start: int, end: int, width: int) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    quote = text[start:end]
    if len(quote) > 4 * width:
        quote = quote[: 2 * width] + " … " + quote[-2 * width :]
    snippet = f"{before}⟦{quote}⟧{after}"
    return " ".join(snippet.split())


def _extent(annotation: Annotation, document: CorpusDocument) -> tuple[int, int]:
    spans = quote_char_spans(annotation, document)
    if not spans:
        return 0, 0
    return min(s for s, _ in spans), max(e for _, e in spans)


def _part_text(annotation: Annotation, name: str, document: CorpusDocument) -> str:
    part = annotation.part(name)
    if part.text:
        return part.text
    spans = part.char_spans or document.token_index.char_spans(part.token_ids)
    return " … ".join(document.text[s:e] for s, e in spans)


def _record(
    kind: str,
    annotation: Annotation,
    document: CorpusDocument,
    width: int,
    other: Annotation | None = None,
    overlap: float = 0.0,
) -> ErrorRecord:
    start, end = _extent(annotation, document)
    return ErrorRecord(
        kind=kind,
        document=document.name,
        type=annotation.type,
        start=start,
        end=end,
        quote=document.text[start:end],
        context=_context(document.text, start, end, width),
        other_type=other.type if other is not None else None,
        cue=_part_text(annotation, "cue", document),
        speaker=_part_text(annotation, "speaker", document),
        overlap=overlap,
    )


def find_errors(
    documents: Sequence[CorpusDocument],
    predictions: Mapping[str, Sequence[Annotation]],
    *,
    context: int = 60,
) -> list[ErrorRecord]:
    """False negatives, false positives, type and boundary errors, in document order."""
    records: list[ErrorRecord] = []
    for document in sorted(documents, key=lambda d: d.name):
        gold = list(document.annotations)
        system = list(predictions.get(document.name, ()))
        pairs = assign_pairs(system, gold, require_overlap=True)
        paired_system = {s for s, _ in pairs}
        paired_gold = {g for _, g in pairs}
        for g, annotation in enumerate(gold):
            if g not in paired_gold:
                records.append(_record("FN", annotation, document, context))
        for s, annotation in enumerate(system):
            if s not in paired_system:
                records.append(_record("FP", annotation, document, context))
        for s, g in pairs:
            overlap = token_f1(gold[g].quote.token_ids, system[s].quote.token_ids)
            if gold[g].type != system[s].type:
                records.append(_record("type", gold[g], document, context, system[s], overlap))
            if set(gold[g].quote.token_ids) != set(system[s].quote.token_ids):
                records.append(_record("boundary", gold[g], document, context, system[s], overlap))
    return records


def error_to_dict(record: ErrorRecord) -> dict[str, object]:
    """The record as JSON-ready data (for the machine-readable report)."""
    return {
        "error": record.kind,
        "document": record.document,
        "type": record.type,
        "other_type": record.other_type,
        "start": record.start,
        "end": record.end,
        "quote": record.quote,
        "context": record.context,
        "speaker": record.speaker,
        "cue": record.cue,
        "overlap": round(record.overlap, 4),
    }
