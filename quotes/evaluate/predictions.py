"""Predictions to score: the library's own output, or a file from any system.

A predictions file is JSON Lines, one document per line, in any of three shapes (told apart by
their keys, line by line):

* ``{"document", "attributions": [...]}``: what ``quotes extract`` writes (the public JSON
  shape of :class:`quotes.Attribution`);
* ``{"document", "quotations": [...]}``: the gold format itself (see :mod:`quotes.evaluate.gold`),
  so that a second annotator's file can be compared with the first;
* ``{"documentName", "annotations": [...]}``: the Wikinews corpus's prediction format (what the
  corpus's public scorer reads, and ``python -m benchmarks.wikinews --predictions`` writes).

Lines are matched to gold documents by name: exactly, else by file name (``seeds/a.txt`` is
``a.txt``) where that is unique. Offsets are checked against the gold text, so predictions made
on a different text fail with the line and field instead of scoring nonsense.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from quotes.evaluate.corpus import (
    Annotation,
    CorpusDocument,
    annotation_from_json,
    attributions_to_annotations,
)
from quotes.evaluate.gold import GoldError, gold_to_corpus, parse_gold
from quotes.records import Attribution

__all__ = ["PredictionLine", "extract_predictions", "match_predictions", "read_predictions_file"]


@dataclass(frozen=True)
class PredictionLine:
    """One line of a predictions file, not yet tied to a gold document."""

    name: str
    shape: str  # "attributions", "quotations" or "annotations"
    data: Mapping[str, Any]
    line: int


def read_predictions_file(path: str | Path) -> list[PredictionLine]:
    """The lines of a predictions file (a document listed twice keeps its last line)."""
    path = Path(path)
    source = str(path)
    try:
        raw_lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as problem:
        raise GoldError(source, None, "$", f"cannot read the predictions: {problem}") from None
    lines: dict[str, PredictionLine] = {}
    for number, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as problem:
            raise GoldError(source, number, "$", f"not JSON ({problem})") from None
        if not isinstance(data, dict):
            raise GoldError(source, number, "$", "not a JSON object")
        for shape, name_key in (
            ("attributions", "document"),
            ("quotations", "document"),
            ("annotations", "documentName"),
        ):
            if shape in data:
                if not isinstance(data.get(name_key), str):
                    raise GoldError(source, number, f"$.{name_key}", "missing document name")
                if not isinstance(data[shape], list):
                    raise GoldError(source, number, f"$.{shape}", "not a list")
                lines[data[name_key]] = PredictionLine(data[name_key], shape, data, number)
                break
        else:
            raise GoldError(
                source,
                number,
                "$",
                "expected 'attributions' (quotes extract), 'quotations' (gold format) or "
                "'annotations' (Wikinews format)",
            )
    return list(lines.values())


def _check_span(text: str, span: Any, source: str, line: int, where: str) -> None:
    if span is None:
        return
    start, end, value = span.start, span.end, span.text
    if end > len(text) or text[start:end] != value:
        raise GoldError(
            source,
            line,
            where,
            f"{value!r} is not the gold text at {start}:{end} (predictions made on another text?)",
        )


def _attributions(line: PredictionLine, document: CorpusDocument, source: str) -> list[Attribution]:
    from quotes.serialize import from_dict

    records = []
    for i, data in enumerate(line.data["attributions"]):
        where = f"$.attributions[{i}]"
        try:
            attribution = from_dict(data)
        except Exception as problem:  # cattrs and the records' validators raise several kinds
            message = " ".join(str(problem).split())[:300]
            raise GoldError(source, line.line, where, f"not an attribution: {message}") from None
        _check_span(document.text, attribution.quote, source, line.line, f"{where}.quote")
        speaker = attribution.speaker
        if speaker is not None:
            _check_span(document.text, speaker.mention, source, line.line, f"{where}.speaker")
        records.append(attribution)
    return records


def _annotations(
    line: PredictionLine, document: CorpusDocument, source: str, relay_layers: bool
) -> list[Annotation]:
    if line.shape == "attributions":
        attributions = _attributions(line, document, source)
        return attributions_to_annotations(
            attributions, document.text, document.token_index, relay_layers=relay_layers
        )
    if line.shape == "quotations":
        data = {**line.data, "document": document.name, "text": document.text}
        data.pop("path", None)
        if "tokens" not in data:
            data["tokens"] = [[t.start, t.end] for t in sorted(document.tokens, key=lambda t: t.id)]
        system = gold_to_corpus(parse_gold(data, source=source, line=line.line))
        # The gold format says nesting; the metric decides it for system quotes itself.
        return list(system.annotations)
    annotations = []
    for i, value in enumerate(line.data["annotations"]):
        if not isinstance(value, dict):
            raise GoldError(source, line.line, f"$.annotations[{i}]", "not a JSON object")
        annotations.append(annotation_from_json(value, gold=False))
    return annotations


def match_predictions(
    lines: Sequence[PredictionLine],
    documents: Sequence[CorpusDocument],
    source: str,
    *,
    relay_layers: bool = False,
) -> tuple[dict[str, list[Annotation]], list[str]]:
    """Predictions by gold document name, and the names of lines that match no document.

    ``relay_layers``: records (``quotes extract`` lines) are exported in the Wikinews
    corpus's convention, once per relaying link (:mod:`quotes.evaluate.layers`).
    """
    by_name = {d.name: d for d in documents}
    by_file: dict[str, list[CorpusDocument]] = {}
    for document in documents:
        by_file.setdefault(PurePosixPath(document.name).name, []).append(document)
    predictions: dict[str, list[Annotation]] = {}
    unmatched: list[str] = []
    for line in lines:
        document = by_name.get(line.name)
        if document is None:
            candidates = by_file.get(PurePosixPath(line.name.replace("\\", "/")).name, [])
            document = candidates[0] if len(candidates) == 1 else None
        if document is None:
            unmatched.append(line.name)
            continue
        predictions[document.name] = _annotations(line, document, source, relay_layers)
    return predictions, unmatched


def extract_predictions(
    extractor: Any,
    documents: Sequence[CorpusDocument],
    publisher: str | None = None,
    *,
    relay_layers: bool = False,
) -> dict[str, list[Annotation]]:
    """The library's own predictions: ``extractor.extract`` on every gold text.

    ``relay_layers`` as in :func:`match_predictions`.
    """
    return {
        d.name: attributions_to_annotations(
            extractor.extract(d.text, publisher=publisher),
            d.text,
            d.token_index,
            relay_layers=relay_layers,
        )
        for d in documents
    }
