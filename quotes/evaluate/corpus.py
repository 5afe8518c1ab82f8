"""Read and write the German Wikinews quotation corpus format.

The corpus (Petersen-Frey & Biemann, LREC-COLING 2024) keeps one JSON object per article:
``documentName``, ``originalText``, ``tokens`` (``id``, ``charBegin``, ``charEnd``,
``text``) and ``annotations``. Each annotation has a ``type``, a ``medium``, ``isNested`` /
``hasNested`` and five parts (``quote``, ``speaker``, ``cue``, ``frame``, ``addressee``),
each ``{"spans": [{"begin", "end", "charBegin", "charEnd"}], "text", "tokenIds"}``.

System output for the corpus's public scorer (``eval/eval.py`` in the corpus's repository) is
one JSON object per line, ``{"documentName", "annotations": [...]}``, with the parts given by
``tokenIds``. :func:`attributions_to_annotations` turns our :class:`quotes.Attribution` records
into that form; :func:`write_predictions` writes it so the public scorer reads it unchanged:

* every part is present as an object with a ``tokenIds`` list (possibly empty), never ``null``;
* ``medium`` is never ``null`` (unknown is ``"none"``): a null medium crashes the scorer;
* a quote never has an empty ``tokenIds`` list (the scorer divides by the quote's token count),
  so a quote whose characters fall between tokens is snapped to the nearest token.

The extra keys we write (``spans``, ``text``, ``isNested``, ``hasNested``, ``confidence``,
``speakerName``, ``via``) are ignored by the scorer; ``spans`` keeps our character offsets,
for the exact-span measures.

The corpus is licensed CC BY-NC-SA 4.0: it is never shipped or copied into the repository;
these readers take it from wherever it lies (the benchmarks find it in ``../shared``).
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final

from quotes.records import Attribution, Span

__all__ = [
    "CORPUS_TYPES",
    "KIND_TO_TYPE",
    "MEDIA",
    "PART_NAMES",
    "ROLE_NAMES",
    "Annotation",
    "CorpusDocument",
    "Part",
    "Token",
    "TokenIndex",
    "annotation_to_json",
    "attributions_to_annotations",
    "mark_nesting",
    "read_corpus",
    "read_document",
    "read_predictions",
    "write_predictions",
]

#: The roles besides the quote itself, as the corpus names them.
ROLE_NAMES: Final = ("speaker", "cue", "frame", "addressee")
#: All annotated parts of a quotation: the quote (the "message") and its roles.
PART_NAMES: Final = ("quote", *ROLE_NAMES)
#: The corpus's quotation types, in the order the tables print them.
CORPUS_TYPES: Final = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
#: The corpus's media (S = speech, W = writing, T = thought); "none" where unknown.
MEDIA: Final = ("Speech", "Writing", "Thought", "SW", "ST", "TW", "none")
#: Our :attr:`quotes.Attribution.kind` to the corpus's ``type``.
KIND_TO_TYPE: Final[Mapping[str, str]] = {
    "direct": "Direct",
    "indirect": "Indirect",
    "free_indirect": "FreeIndirect",
    "indirect_free_indirect": "IndirectFreeIndirect",
    "reported": "Reported",
}

CharSpan = tuple[int, int]


# -- records -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Token:
    """One corpus token: its id and character offsets into ``originalText``."""

    id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Part:
    """One part of an annotation (quote, speaker, cue, frame or addressee).

    ``token_ids`` are sorted and unique (the scorer's view); ``char_spans`` are the character
    spans, possibly several for a discontinuous part, empty where unknown.
    """

    token_ids: tuple[int, ...] = ()
    char_spans: tuple[CharSpan, ...] = ()
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.token_ids)


EMPTY_PART: Final = Part()

# Kinds whose cue the corpus does not annotate: reported speech's quote is the whole
# sentence, its verb inside it (a cue on 6 of the 297 Reported quotations of the train
# split, 1 of 91 on dev), so the record's cue ("forderte") is left out of the annotation.
_NO_CUE_KINDS: Final = frozenset({"reported"})


@dataclass(frozen=True)
class Annotation:
    """One quotation as the corpus annotates it (gold) or as a system predicts it.

    ``is_nested`` is the gold flag for gold annotations; for system annotations it is what
    :func:`mark_nesting` computed (``None`` where nobody said).
    """

    type: str
    medium: str
    parts: Mapping[str, Part]
    is_nested: bool | None = None
    has_nested: bool | None = None
    confidence: float | None = None
    #: The resolved speaker name and the names of the outlets that carried the words (hop
    #: order), where known: our records and the JSON Lines gold have them, the corpus not.
    speaker_name: str | None = None
    via: tuple[str, ...] | None = None

    def part(self, name: str) -> Part:
        return self.parts.get(name, EMPTY_PART)

    @property
    def quote(self) -> Part:
        return self.part("quote")

    def tokens(self, name: str) -> tuple[int, ...]:
        return self.part(name).token_ids


class TokenIndex:
    """Maps character spans to the ids of the tokens they touch.

    A token belongs to a span if the two share at least one character. A span that touches
    no token (it lies in the whitespace between tokens, or has no length at a token
    boundary) is snapped to the nearest token, the following one on a tie, so that no quote
    is ever written without tokens.
    """

    def __init__(self, tokens: Sequence[Token]) -> None:
        ordered = sorted(tokens, key=lambda t: (t.start, t.end))
        self._ids = [t.id for t in ordered]
        self._starts = [t.start for t in ordered]
        self._ends = [t.end for t in ordered]
        # Token ends are non-decreasing when tokens do not overlap (always so in the corpus);
        # keep a running maximum so bisection stays correct even if they did.
        running = 0
        self._max_ends = []
        for end in self._ends:
            running = max(running, end)
            self._max_ends.append(running)

    def __len__(self) -> int:
        return len(self._ids)

    def token_ids(self, start: int, end: int, *, snap: bool = True) -> tuple[int, ...]:
        """Ids of the tokens that overlap ``start:end``, sorted."""
        if not self._ids:
            return ()
        first = bisect.bisect_right(self._max_ends, start)  # first token ending after start
        last = bisect.bisect_left(self._starts, end)  # tokens before this one start before end
        ids = [
            self._ids[i]
            for i in range(first, last)
            if self._starts[i] < end and start < self._ends[i]
        ]
        if ids or not snap:
            return tuple(sorted(set(ids)))
        return (self._nearest(start, end),)

    def _nearest(self, start: int, end: int) -> int:
        after = bisect.bisect_left(self._starts, end)
        candidates: list[tuple[int, int, int]] = []  # (distance, prefer-following, index)
        if after < len(self._ids):
            candidates.append((self._starts[after] - end, 0, after))
        if after > 0:
            before = after - 1
            candidates.append((max(0, start - self._ends[before]), 1, before))
        return self._ids[min(candidates)[2]]

    def char_spans(self, token_ids: Iterable[int]) -> tuple[CharSpan, ...]:
        """The character spans of runs of consecutive tokens (for output without offsets)."""
        position = {token_id: i for i, token_id in enumerate(self._ids)}
        indices = sorted(position[t] for t in set(token_ids) if t in position)
        spans: list[CharSpan] = []
        run_start = previous = None
        for index in indices:
            if previous is None or index != previous + 1:
                if run_start is not None and previous is not None:
                    spans.append((self._starts[run_start], self._ends[previous]))
                run_start = index
            previous = index
        if run_start is not None and previous is not None:
            spans.append((self._starts[run_start], self._ends[previous]))
        return tuple(spans)


@dataclass
class CorpusDocument:
    """One article of the corpus: its text, tokens and gold annotations."""

    name: str
    text: str
    tokens: tuple[Token, ...]
    annotations: tuple[Annotation, ...]
    path: Path | None = None
    _index: TokenIndex | None = field(default=None, repr=False, compare=False)

    @property
    def token_index(self) -> TokenIndex:
        if self._index is None:
            self._index = TokenIndex(self.tokens)
        return self._index

    @property
    def word_count(self) -> int:
        return len(self.text.split())


# -- reading -----------------------------------------------------------------------------
def _part_from_json(value: Any) -> Part:
    if not isinstance(value, Mapping):
        return EMPTY_PART
    token_ids = tuple(sorted({int(t) for t in value.get("tokenIds") or ()}))
    spans = tuple(
        (int(s["charBegin"]), int(s["charEnd"]))
        for s in value.get("spans") or ()
        if "charBegin" in s and "charEnd" in s
    )
    return Part(token_ids, spans, str(value.get("text") or ""))


def annotation_from_json(value: Mapping[str, Any], *, gold: bool) -> Annotation:
    """Parse one annotation; ``gold`` keeps the file's ``isNested`` flags as they are."""
    parts = {name: _part_from_json(value.get(name)) for name in PART_NAMES}
    is_nested = value.get("isNested")
    has_nested = value.get("hasNested")
    confidence = value.get("confidence")
    return Annotation(
        type=str(value.get("type") or "Unknown"),
        medium=str(value.get("medium") or "none"),
        parts=parts,
        is_nested=bool(is_nested) if is_nested is not None else (False if gold else None),
        has_nested=bool(has_nested) if has_nested is not None else None,
        confidence=float(confidence) if confidence is not None else None,
        speaker_name=str(value["speakerName"]) if value.get("speakerName") is not None else None,
        via=tuple(str(v) for v in value["via"]) if isinstance(value.get("via"), list) else None,
    )


def document_from_json(value: Mapping[str, Any], path: Path | None = None) -> CorpusDocument:
    tokens = tuple(
        Token(int(t["id"]), int(t["charBegin"]), int(t["charEnd"]), str(t.get("text", "")))
        for t in value.get("tokens", ())
    )
    annotations = tuple(annotation_from_json(a, gold=True) for a in value.get("annotations", ()))
    return CorpusDocument(
        name=str(value["documentName"]),
        text=str(value.get("originalText", "")),
        tokens=tokens,
        annotations=annotations,
        path=path,
    )


def read_document(path: str | Path) -> CorpusDocument:
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        return document_from_json(json.load(handle), path)


def corpus_files(folder: str | Path) -> list[Path]:
    """The article files of a corpus folder, sorted by name (``*.json``)."""
    return sorted(Path(folder).glob("*.json"))


def read_corpus(folder: str | Path, limit: int | None = None) -> list[CorpusDocument]:
    """The articles in ``folder`` (sorted by file name), at most ``limit`` of them."""
    files = corpus_files(folder)
    if limit is not None:
        files = files[: max(0, limit)]
    return [read_document(path) for path in files]


def read_predictions(source: str | Path | IO[str]) -> dict[str, list[Annotation]]:
    """System output as JSON lines, ``{documentName: [Annotation, ...]}``.

    A document listed twice keeps its last line, as in the public scorer. ``isNested`` in the
    file is ignored: the metric decides nesting among system quotes itself.
    """
    predictions: dict[str, list[Annotation]] = {}

    def parse(lines: Iterable[str]) -> None:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"line {number}: not JSON ({error})") from error
            annotations = [
                annotation_from_json(a, gold=False) for a in record.get("annotations") or ()
            ]
            predictions[str(record["documentName"])] = annotations

    if isinstance(source, str | Path):
        with Path(source).open(encoding="utf-8") as handle:
            parse(handle)
    else:
        parse(source)
    return predictions


# -- converting our records --------------------------------------------------------------
def _char_part(spans: Sequence[Span], text: str, index: TokenIndex) -> Part:
    if not spans:
        return EMPTY_PART
    token_ids: set[int] = set()
    for span in spans:
        token_ids.update(index.token_ids(span.start, span.end))
    joined = " … ".join(text[s.start : s.end] for s in spans)
    return Part(tuple(sorted(token_ids)), tuple((s.start, s.end) for s in spans), joined)


def mark_nesting(spans: Sequence[Sequence[CharSpan]]) -> list[tuple[bool, bool]]:
    """``(is_nested, has_nested)`` for each quote given by its character spans.

    A quote is nested when another quote's extent contains its extent; of two quotes with
    the same extent, the later one counts as nested in the earlier.
    """
    extents = [(min(s for s, _ in q), max(e for _, e in q)) if q else None for q in spans]
    flags = [[False, False] for _ in spans]
    for inner, inner_extent in enumerate(extents):
        if inner_extent is None:
            continue
        for outer, outer_extent in enumerate(extents):
            if outer == inner or outer_extent is None:
                continue
            contains = outer_extent[0] <= inner_extent[0] and inner_extent[1] <= outer_extent[1]
            if contains and (outer_extent != inner_extent or outer < inner):
                flags[inner][0] = True
                flags[outer][1] = True
    return [(a, b) for a, b in flags]


def attribution_to_annotation(
    attribution: Attribution,
    text: str,
    index: TokenIndex,
    *,
    outlet: Span | None = None,
    medium: str | None = None,
) -> Annotation:
    """One :class:`quotes.Attribution` in corpus terms (nesting is set by the caller).

    With ``outlet`` (a relaying outlet's phrase, :func:`quotes.evaluate.layers.relay_layers`)
    it is that outlet's layer: the same words, cue and frame with the outlet as speaker, no
    addressee, in ``medium`` where given.
    """
    if outlet is not None:
        layer = attribution_to_annotation(attribution, text, index)
        return dataclasses.replace(
            layer,
            parts={
                "quote": layer.quote,
                "speaker": _char_part([outlet], text, index),
                "cue": layer.part("cue"),
                "frame": layer.part("frame"),
                "addressee": EMPTY_PART,
            },
            medium=medium or layer.medium,
            speaker_name=None,
            via=(),
        )
    speaker_spans = (
        [attribution.speaker.mention]
        if attribution.speaker is not None and attribution.speaker.mention is not None
        else []
    )
    parts = {
        "quote": _char_part(list(attribution.parts), text, index),
        "speaker": _char_part(speaker_spans, text, index),
        "cue": _char_part(
            list(attribution.cue.parts)
            if attribution.cue and attribution.kind not in _NO_CUE_KINDS
            else [],
            text,
            index,
        ),
        "frame": _char_part([attribution.frame] if attribution.frame else [], text, index),
        "addressee": _char_part(
            [attribution.addressee] if attribution.addressee else [], text, index
        ),
    }
    return Annotation(
        type=KIND_TO_TYPE[attribution.kind],
        medium=attribution.medium or "none",
        parts=parts,
        confidence=attribution.confidence,
        speaker_name=attribution.speaker.name if attribution.speaker is not None else None,
        via=tuple(source.name for source in attribution.via),
    )


def attributions_to_annotations(
    attributions: Sequence[Attribution],
    text: str,
    index: TokenIndex,
    *,
    relay_layers: bool = False,
) -> list[Annotation]:
    """Our records for one document in corpus terms, with nesting among them marked.

    ``relay_layers`` follows the Wikinews corpus's convention for relayed quotations: one
    more annotation per outlet that a relaying word links in the quotation's sentence, with
    the outlet as speaker ("Laut BBC News sagte der Minister, dass …": the Minister's and
    BBC News's; :mod:`quotes.evaluate.layers`). Off, every record is one annotation.
    """
    if relay_layers:
        from quotes.evaluate.layers import layered

        annotations = [
            attribution_to_annotation(a, text, index, outlet=outlet, medium=medium)
            for a, outlet, medium in layered(attributions, text)
        ]
    else:
        annotations = [attribution_to_annotation(a, text, index) for a in attributions]
    annotations = [a for a in annotations if a.quote]  # only possible for a document w/o tokens
    nesting = mark_nesting([a.quote.char_spans for a in annotations])
    return [
        dataclasses.replace(a, is_nested=nested, has_nested=has)
        for a, (nested, has) in zip(annotations, nesting, strict=True)
    ]


# -- writing -----------------------------------------------------------------------------
def _part_to_json(part: Part, index: TokenIndex | None) -> dict[str, Any]:
    spans = []
    for start, end in part.char_spans:
        ids = index.token_ids(start, end) if index is not None else ()
        span: dict[str, Any] = {"charBegin": start, "charEnd": end}
        if ids:
            span = {"begin": ids[0], "end": ids[-1] + 1, **span}
        spans.append(span)
    return {"spans": spans, "text": part.text, "tokenIds": list(part.token_ids)}


def annotation_to_json(annotation: Annotation, index: TokenIndex | None = None) -> dict[str, Any]:
    """The annotation as the corpus (and its public scorer) writes it."""
    record: dict[str, Any] = {
        "type": annotation.type,
        "medium": annotation.medium or "none",
    }
    for name in PART_NAMES:
        record[name] = _part_to_json(annotation.part(name), index)
    record["isNested"] = bool(annotation.is_nested)
    record["hasNested"] = bool(annotation.has_nested)
    if annotation.confidence is not None:
        record["confidence"] = round(annotation.confidence, 4)
    if annotation.speaker_name is not None:
        record["speakerName"] = annotation.speaker_name
    if annotation.via is not None:
        record["via"] = list(annotation.via)
    return record


def prediction_line(
    document_name: str, annotations: Sequence[Annotation], index: TokenIndex | None = None
) -> str:
    record = {
        "documentName": document_name,
        "annotations": [annotation_to_json(a, index) for a in annotations],
    }
    return json.dumps(record, ensure_ascii=False)


def write_predictions(
    path: str | Path,
    predictions: Iterable[tuple[str, Sequence[Annotation]]]
    | Iterable[tuple[str, Sequence[Annotation], TokenIndex]],
) -> Path:
    """Write ``(documentName, annotations[, token index])`` items as JSON lines."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for item in predictions:
            name, annotations = item[0], item[1]
            index = item[2] if len(item) > 2 else None  # type: ignore[misc]
            handle.write(prediction_line(name, annotations, index) + "\n")
    return path


def iter_texts(documents: Iterable[CorpusDocument]) -> Iterator[str]:
    for document in documents:
        yield document.text
