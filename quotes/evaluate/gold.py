"""The JSON Lines gold format: reading, validating, and converting to and from the corpus format.

One document per line (the full description is in README.md, "Gold format"; the JSON Schema
ships beside this module as ``gold.schema.json``)::

    {"document": "a.txt", "text": "…" | "path": "a.txt",
     "quotations": [{"kind", "start", "end", "text", "parts"?, "speaker", "cue", "via",
                     "medium"?, "frame"?, "addressee"?, "nested_in"?, "is_nested"?, "note"?}],
     "non_quotations": [{"start", "end", "text", "class": "title" | "term"}],
     "tokens"?: [[start, end], ...]}

The text is given inline (``text``), as a file relative to the gold file (``path``), or, when
neither is given, the ``document`` name is that file. Offsets are Python string indices into
the text; every span's ``text`` must equal ``text[start:end]``. Readers validate each line
against the schema and then the offsets, and raise :class:`GoldError` naming the file, the
line and the field (a JSON path such as ``$.quotations[3].speaker.mention.text``).

Absent keys mean "not annotated" where that matters for scoring: a quotation without ``via``
is left out of chain accuracy, a speaker whose ``name`` is null out of speaker accuracy, and a
gold set whose quotations have no ``medium`` shows no Medium score.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import regex

from quotes.evaluate.corpus import (
    KIND_TO_TYPE,
    PART_NAMES,
    Annotation,
    CorpusDocument,
    Part,
    Token,
    TokenIndex,
    annotation_to_json,
    mark_nesting,
)
from quotes.evaluate.metric import EvaluationError

__all__ = [
    "SCHEMA_PATH",
    "TYPE_TO_KIND",
    "GoldDocument",
    "GoldError",
    "corpus_to_gold",
    "gold_schema",
    "gold_to_corpus",
    "gold_to_corpus_json",
    "parse_gold",
    "read_gold",
    "tokenize",
    "write_gold",
]

#: The JSON Schema of one line of a gold file (shipped in the package).
SCHEMA_PATH: Final = Path(__file__).with_name("gold.schema.json")
#: The corpus's ``type`` to our ``kind``.
TYPE_TO_KIND: Final[Mapping[str, str]] = {value: key for key, value in KIND_TO_TYPE.items()}
#: Tokens for the corpus metric where a gold document brings none: words, single other marks.
TOKEN_PATTERN: Final = regex.compile(r"\w+|[^\w\s]")


class GoldError(EvaluationError):
    """A gold (or predictions) file that cannot be read: names the file, line and field."""

    def __init__(self, source: str, line: int | None, field: str, message: str) -> None:
        self.source, self.line, self.field, self.message = source, line, field, message
        where = source if line is None else f"{source}, line {line}"
        super().__init__(f"{where}, {field}: {message}")


@dataclass(frozen=True)
class GoldDocument:
    """One line of a gold file: the text and its annotations, as in the file (dicts)."""

    name: str
    text: str
    quotations: tuple[dict[str, Any], ...]
    non_quotations: tuple[dict[str, Any], ...] = ()
    tokens: tuple[tuple[int, int], ...] | None = None
    line: int | None = None


# -- validation --------------------------------------------------------------------------
@functools.cache
def gold_schema() -> dict[str, Any]:
    """The JSON Schema of one gold line (``gold.schema.json``)."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


@functools.cache
def _validator() -> Any:
    try:
        import jsonschema
    except ImportError as error:  # a dependency; missing only after `pip install --no-deps`
        raise EvaluationError(
            f"reading a gold file validates it with jsonschema, which cannot be imported "
            f"({error}); install it with: pip install 'jsonschema>=4.18'"
        ) from error
    return jsonschema.Draft202012Validator(gold_schema())


def _schema_error(data: Any, source: str, line: int | None) -> GoldError | None:
    import jsonschema

    errors = list(_validator().iter_errors(data))
    if not errors:
        return None
    best = jsonschema.exceptions.best_match(errors)
    message = best.message
    if best.validator == "not" and best.json_path == "$":
        message = "give the text inline (text) or as a file (path), not both"
    elif len(instance := repr(best.instance)) > 60:
        message = message.replace(instance, "the value")
    if len(message) > 300:
        message = message[:300] + " …"
    return GoldError(source, line, best.json_path, message)


def _spans_of(value: Mapping[str, Any], where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    yield where, value
    for i, part in enumerate(value.get("parts") or ()):
        yield f"{where}.parts[{i}]", part


def _all_spans(data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for i, quotation in enumerate(data["quotations"]):
        where = f"$.quotations[{i}]"
        yield from _spans_of(quotation, where)
        speaker = quotation.get("speaker")
        if speaker and speaker.get("mention"):
            yield from _spans_of(speaker["mention"], f"{where}.speaker.mention")
        cue = quotation.get("cue")
        for j, part in enumerate(cue["parts"] if cue else ()):
            yield f"{where}.cue.parts[{j}]", part
        for j, source in enumerate(quotation.get("via") or ()):
            if source.get("mention"):
                yield from _spans_of(source["mention"], f"{where}.via[{j}].mention")
        for name in ("frame", "addressee"):
            if quotation.get(name):
                yield from _spans_of(quotation[name], f"{where}.{name}")
    for i, span in enumerate(data.get("non_quotations") or ()):
        yield f"$.non_quotations[{i}]", span


def _check_offsets(data: Mapping[str, Any], text: str, source: str, line: int | None) -> None:
    for where, span in _all_spans(data):
        start, end = span["start"], span["end"]
        if not start <= end <= len(text):
            raise GoldError(
                source, line, where, f"offsets {start}:{end} outside the text (length {len(text)})"
            )
        if text[start:end] != span["text"]:
            raise GoldError(
                source,
                line,
                f"{where}.text",
                f"{span['text']!r} is not the text at {start}:{end}, {text[start:end]!r}",
            )
    quotations = data["quotations"]
    for i, quotation in enumerate(quotations):
        container = quotation.get("nested_in")
        if container is not None and not (0 <= container < len(quotations) and container != i):
            raise GoldError(
                source, line, f"$.quotations[{i}].nested_in", f"no other quotation {container}"
            )
    previous = 0
    for i, (start, end) in enumerate(data.get("tokens") or ()):
        if not previous <= start < end <= len(text):
            raise GoldError(
                source, line, f"$.tokens[{i}]", f"token {start}:{end} out of order or outside"
            )
        previous = end


def parse_gold(
    data: Any, *, base: Path | None = None, source: str = "<gold>", line: int | None = None
) -> GoldDocument:
    """One gold document from its parsed JSON; ``base`` is the folder paths are relative to."""
    error = _schema_error(data, source, line)
    if error is not None:
        raise error
    if "text" in data:
        text = data["text"]
    else:
        field = "$.path" if "path" in data else "$.document"
        relative = data.get("path", data["document"])
        file = (base or Path.cwd()) / relative
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as problem:
            raise GoldError(
                source, line, field, f"cannot read the text {file}: {problem}"
            ) from None
    _check_offsets(data, text, source, line)
    tokens = data.get("tokens")
    return GoldDocument(
        name=data["document"],
        text=text,
        quotations=tuple(data["quotations"]),
        non_quotations=tuple(data.get("non_quotations") or ()),
        tokens=tuple((int(s), int(e)) for s, e in tokens) if tokens is not None else None,
        line=line,
    )


def read_gold(path: str | Path, *, limit: int | None = None) -> list[GoldDocument]:
    """The documents of a JSON Lines gold file, validated; at most ``limit`` of them."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as problem:
        raise GoldError(str(path), None, "$", f"cannot read the gold file: {problem}") from None
    documents: list[GoldDocument] = []
    names: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        if limit is not None and len(documents) >= limit:
            break
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as problem:
            raise GoldError(str(path), number, "$", f"not JSON ({problem})") from None
        document = parse_gold(data, base=path.parent, source=str(path), line=number)
        if document.name in names:
            raise GoldError(
                str(path),
                number,
                "$.document",
                f"{document.name!r} is already on line {names[document.name]}",
            )
        names[document.name] = number
        documents.append(document)
    return documents


# -- to the corpus's terms ---------------------------------------------------------------
def tokenize(text: str) -> tuple[Token, ...]:
    """Words and single other characters, numbered from 0 (for gold without ``tokens``)."""
    return tuple(
        Token(i, m.start(), m.end(), m.group()) for i, m in enumerate(TOKEN_PATTERN.finditer(text))
    )


def _segments(span: Mapping[str, Any] | None) -> list[tuple[int, int]]:
    if not span:
        return []
    parts = span.get("parts")
    return [(p["start"], p["end"]) for p in parts] if parts else [(span["start"], span["end"])]


def _part(segments: Sequence[tuple[int, int]], text: str, index: TokenIndex) -> Part:
    if not segments:
        return Part()
    ids: set[int] = set()
    for start, end in segments:
        ids.update(index.token_ids(start, end))
    joined = " … ".join(text[s:e] for s, e in segments)
    return Part(tuple(sorted(ids)), tuple(segments), joined)


def _nesting(quotations: Sequence[Mapping[str, Any]]) -> list[tuple[bool, bool]]:
    if any("nested_in" in q for q in quotations):
        containers = {q.get("nested_in") for q in quotations} - {None}
        flags = [
            (q.get("nested_in") is not None, i in containers) for i, q in enumerate(quotations)
        ]
    else:
        flags = mark_nesting([_segments(q) for q in quotations])
    return [
        (bool(q.get("is_nested", nested)), has_nested)
        for q, (nested, has_nested) in zip(quotations, flags, strict=True)
    ]


def gold_to_corpus(document: GoldDocument) -> CorpusDocument:
    """The document in the corpus's terms, for the metric (tokens: its own, or words)."""
    text = document.text
    if document.tokens is not None:
        tokens = tuple(Token(i, s, e, text[s:e]) for i, (s, e) in enumerate(document.tokens))
    else:
        tokens = tokenize(text)
    index = TokenIndex(tokens)
    annotations = []
    nesting = _nesting(document.quotations)
    for quotation, (nested, has_nested) in zip(document.quotations, nesting, strict=True):
        speaker = quotation.get("speaker")
        cue = quotation.get("cue")
        segments = {
            "quote": _segments(quotation),
            "speaker": _segments(speaker.get("mention") if speaker else None),
            "cue": [(p["start"], p["end"]) for p in cue["parts"]] if cue else [],
            "frame": _segments(quotation.get("frame")),
            "addressee": _segments(quotation.get("addressee")),
        }
        via = quotation.get("via")
        annotations.append(
            Annotation(
                type=KIND_TO_TYPE[quotation["kind"]],
                medium=quotation.get("medium"),  # type: ignore[arg-type]  # None: not annotated
                parts={name: _part(segments[name], text, index) for name in PART_NAMES},
                is_nested=nested,
                has_nested=has_nested,
                speaker_name=speaker.get("name") if speaker else None,
                via=tuple(source["name"] for source in via) if via is not None else None,
            )
        )
    return CorpusDocument(document.name, text, tokens, tuple(annotations))


def gold_to_corpus_json(document: GoldDocument) -> dict[str, Any]:
    """The document in the Wikinews corpus's own layout (``*.json`` of a corpus folder)."""
    corpus = gold_to_corpus(document)
    return {
        "documentName": corpus.name,
        "originalText": corpus.text,
        "tokens": [
            {"id": t.id, "charBegin": t.start, "charEnd": t.end, "text": t.text}
            for t in corpus.tokens
        ],
        "annotations": [
            annotation_to_json(
                a if a.medium is not None else dataclasses.replace(a, medium="none"),
                corpus.token_index,
            )
            for a in corpus.annotations
        ],
    }


# -- from the corpus's terms -------------------------------------------------------------
def _span_json(text: str, segments: Sequence[tuple[int, int]]) -> dict[str, Any] | None:
    if not segments:
        return None
    segments = sorted(segments)
    start, end = segments[0][0], max(e for _, e in segments)
    span: dict[str, Any] = {"start": start, "end": end, "text": text[start:end]}
    if len(segments) > 1:
        span["parts"] = [{"start": s, "end": e, "text": text[s:e]} for s, e in segments]
    return span


def _corpus_segments(part: Part, document: CorpusDocument) -> list[tuple[int, int]]:
    return list(part.char_spans or document.token_index.char_spans(part.token_ids))


def _container(extents: Sequence[tuple[int, int] | None], inner: int) -> int | None:
    """The smallest other quotation whose extent holds quotation ``inner`` (earlier on a tie)."""
    target = extents[inner]
    if target is None:
        return None
    best: int | None = None
    for outer, extent in enumerate(extents):
        if outer == inner or extent is None:
            continue
        if (
            extent[0] <= target[0]
            and target[1] <= extent[1]
            and (extent != target or outer < inner)
        ):
            size = extent[1] - extent[0]
            if best is None or size < extents[best][1] - extents[best][0]:  # type: ignore[index]
                best = outer
    return best


def corpus_to_gold(document: CorpusDocument, *, keep_tokens: bool = True) -> dict[str, Any]:
    """A corpus document as one gold line (a dict; :func:`write_gold` writes it).

    The corpus annotates no resolved names and no outlet chains: the speaker's ``name`` is
    null and ``via`` is left out (not annotated). ``keep_tokens`` keeps the corpus's tokens, so
    that the corpus metric on the converted file gives the corpus's own numbers.
    """
    text = document.text
    quotations: list[dict[str, Any]] = []
    extents = []
    for annotation in document.annotations:
        segments = _corpus_segments(annotation.quote, document)
        extents.append((segments[0][0], max(e for _, e in segments)) if segments else None)
    for i, annotation in enumerate(document.annotations):
        quote = _span_json(text, _corpus_segments(annotation.quote, document))
        if quote is None:
            continue  # a quote without tokens or offsets cannot be placed
        if annotation.type not in TYPE_TO_KIND:
            raise EvaluationError(f"{document.name}: unknown quotation type {annotation.type!r}")
        mention = _span_json(text, _corpus_segments(annotation.part("speaker"), document))
        cue_segments = sorted(_corpus_segments(annotation.part("cue"), document))
        quotation: dict[str, Any] = {"kind": TYPE_TO_KIND[annotation.type], **quote}
        quotation["speaker"] = (
            {"mention": mention, "name": None, "type": "unknown"} if mention else None
        )
        quotation["cue"] = (
            {
                "text": " … ".join(text[s:e] for s, e in cue_segments),
                "parts": [{"start": s, "end": e, "text": text[s:e]} for s, e in cue_segments],
            }
            if cue_segments
            else None
        )
        quotation["medium"] = annotation.medium or "none"
        quotation["frame"] = _span_json(text, _corpus_segments(annotation.part("frame"), document))
        quotation["addressee"] = _span_json(
            text, _corpus_segments(annotation.part("addressee"), document)
        )
        quotation["nested_in"] = _container(extents, i) if annotation.is_nested else None
        if bool(annotation.is_nested) != (quotation["nested_in"] is not None):
            quotation["is_nested"] = bool(annotation.is_nested)
        quotations.append(quotation)
    line: dict[str, Any] = {"document": document.name, "text": text, "quotations": quotations}
    if keep_tokens:
        line["tokens"] = [[t.start, t.end] for t in sorted(document.tokens, key=lambda t: t.id)]
    return line


def write_gold(path: str | Path, lines: Iterable[Mapping[str, Any]]) -> Path:
    """Write gold lines (dicts, e.g. from :func:`corpus_to_gold`) as JSON Lines."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path
