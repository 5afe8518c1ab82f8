"""JSON form of the records, through a cattrs converter.

The JSON shape is part of the public API:

* every span is ``{"start", "end", "text"}``;
* ``speaker`` is ``{"name", "type", "mention"}``;
* ``cue`` is ``{"text", "parts"}``;
* ``via`` is a list of ``{"name", "type", "relation", "mention", "hop"}``;
* ``quote_parts`` is a list of spans (empty unless a frame interrupts the quote);
* plus ``chain`` (text), ``kind``, ``confidence``, ``medium``, ``frame`` and ``addressee``.

``from_dict`` reads the same shape back, so JSONL written by the CLI round-trips.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import cattrs

from quotes.records import Attribution, Cue, Span

__all__ = ["attribution_to_dict", "converter", "from_dict", "to_json"]

converter = cattrs.Converter(forbid_extra_keys=False)


def _unstructure_cue(cue: Cue) -> dict[str, Any]:
    return {"text": cue.text, "parts": [converter.unstructure(part) for part in cue.parts]}


def _structure_cue(data: dict[str, Any], _type: type) -> Cue:
    return Cue(tuple(converter.structure(part, Span) for part in data["parts"]))


def _unstructure_span(span: Span) -> dict[str, Any]:
    # A Span stores start and text only (quotes.records.Span); its JSON keeps all three.
    return {"start": span.start, "end": span.end, "text": span.text}


def _structure_span(data: dict[str, Any], _type: type) -> Span:
    # As cattrs reports a record it structures itself: the problem inside a
    # ClassValidationError naming the class.
    structure = converter.structure
    try:
        return Span(
            structure(data["start"], int), structure(data["end"], int), structure(data["text"], str)
        )
    except Exception as problem:
        raise cattrs.ClassValidationError("While structuring Span", [problem], Span) from None


converter.register_unstructure_hook(Span, _unstructure_span)
converter.register_structure_hook(Span, _structure_span)
converter.register_unstructure_hook(Cue, _unstructure_cue)
converter.register_structure_hook(Cue, _structure_cue)

_FIELD_ORDER = (
    "kind",
    "quote",
    "content",
    "quote_parts",
    "speaker",
    "cue",
    "via",
    "chain",
    "frame",
    "addressee",
    "confidence",
    "medium",
)


def attribution_to_dict(attribution: Attribution) -> dict[str, Any]:
    """The public JSON-ready dict for one attribution."""
    data = converter.unstructure(attribution)
    data["chain"] = str(attribution.chain)
    return {key: data[key] for key in _FIELD_ORDER}


def from_dict(data: dict[str, Any]) -> Attribution:
    """Rebuild an :class:`Attribution` from :func:`attribution_to_dict` output."""
    fields = {key: value for key, value in data.items() if key != "chain"}
    return converter.structure(fields, Attribution)


def to_json(attributions: Attribution | Iterable[Attribution], *, indent: int | None = None) -> str:
    """Serialise one attribution or a list of them to a JSON string (UTF-8, unescaped)."""
    if isinstance(attributions, Attribution):
        payload: Any = attribution_to_dict(attributions)
    else:
        payload = [attribution_to_dict(item) for item in attributions]
    return json.dumps(payload, ensure_ascii=False, indent=indent)
