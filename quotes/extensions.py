"""The spaCy extension attributes that quotes sets, all declared in this one module.

* ``doc._.quotes``: ``tuple[Attribution, ...]``, every quotation found, in text order, with
  character offsets into ``doc.text``;
* ``doc._.quote_speakers``: ``tuple[str, ...]``, the distinct speaker names, in the order of
  their first quotation;
* ``span._.attribution``: ``Attribution | None``, the quotation whose characters the span
  covers (each span in ``doc.spans["quotes"]`` has one).

The ``quotes`` pipeline component calls :func:`set_extensions` when it is created. Code that
reads saved Docs (``DocBin``, ``Doc.from_bytes``) without creating the component calls it
itself. Registering is idempotent: calling it again, or re-importing this module, is fine;
an attribute of the same name registered by other code raises a ``ValueError`` instead of
being silently replaced.

The records are stored in ``doc.user_data`` in their public JSON form (see
:mod:`quotes.serialize`), so a Doc carrying quotations still serialises with
``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=2)``, which pack
``user_data`` with msgpack and would fail on the record objects themselves. The records are
rebuilt once per Doc, on first access, and kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span

from quotes.records import Attribution
from quotes.serialize import attribution_to_dict, from_dict

__all__ = ["get_quotes", "set_extensions", "set_quotes"]

# Our own key in doc.user_data, apart from spaCy's ("._.", name, start, end) keys, so no
# extension attribute can ever read or overwrite it.
_STORE_KEY = ("quotes", "attributions")


class _StoredQuotes(list):  # type: ignore[type-arg]
    """The records' JSON dicts (what msgpack writes) carrying the records themselves.

    msgpack packs this as a plain list and drops ``records``; after a Doc is read back the
    stored value is a tuple of dicts, and :func:`get_quotes` rebuilds the records once.
    """

    __slots__ = ("records",)

    def __init__(self, records: tuple[Attribution, ...]) -> None:
        super().__init__(attribution_to_dict(record) for record in records)
        self.records = records


def get_quotes(doc: Doc) -> tuple[Attribution, ...]:
    """The getter of ``doc._.quotes``."""
    stored = doc.user_data.get(_STORE_KEY)
    if stored is None:
        return ()
    if not isinstance(stored, _StoredQuotes):
        stored = _StoredQuotes(tuple(from_dict(_as_dict(item)) for item in stored))
        doc.user_data[_STORE_KEY] = stored
    return stored.records


def set_quotes(doc: Doc, records: Iterable[Attribution]) -> None:
    """The setter of ``doc._.quotes``: checks that each record's quote lies in ``doc.text``."""
    records = tuple(records)
    for record in records:
        if not isinstance(record, Attribution):
            raise TypeError(f"doc._.quotes holds Attribution records, not {type(record).__name__}")
        quote = record.quote
        if doc.text[quote.start : quote.end] != quote.text:
            raise ValueError(
                f"the quote at {quote.start}:{quote.end} ({quote.text!r}) is not in this Doc's "
                "text; records must come from this Doc's text (character offsets into doc.text)"
            )
    doc.user_data[_STORE_KEY] = _StoredQuotes(records)


def _get_quote_speakers(doc: Doc) -> tuple[str, ...]:
    names = (record.speaker.name for record in get_quotes(doc) if record.speaker is not None)
    return tuple(dict.fromkeys(names))


def _get_attribution(span: Span) -> Attribution | None:
    doc = span.doc
    for record in get_quotes(doc):
        if span.label_ and span.label_ != record.kind:
            continue
        # The component makes each span with alignment_mode="expand"; compare the same way.
        covered = doc.char_span(record.quote.start, record.quote.end, alignment_mode="expand")
        if covered is not None and (covered.start, covered.end) == (span.start, span.end):
            return record
    return None


def _as_dict(item: Any) -> dict[str, Any]:
    # Doc.from_bytes reads msgpack maps back as dicts, with use_list=False: fine for cattrs.
    if not isinstance(item, dict):
        raise ValueError(f"doc.user_data[{_STORE_KEY!r}] is corrupt: found {type(item).__name__}")
    return item


_DOC_EXTENSIONS: dict[str, dict[str, Callable[..., Any]]] = {
    "quotes": {"getter": get_quotes, "setter": set_quotes},
    "quote_speakers": {"getter": _get_quote_speakers},
}
_SPAN_EXTENSIONS: dict[str, dict[str, Callable[..., Any]]] = {
    "attribution": {"getter": _get_attribution},
}


def set_extensions() -> None:
    """Register ``doc._.quotes``, ``doc._.quote_speakers`` and ``span._.attribution``."""
    for name, spec in _DOC_EXTENSIONS.items():
        _register(Doc, name, spec)
    for name, spec in _SPAN_EXTENSIONS.items():
        _register(Span, name, spec)


def _register(
    owner: type[Doc] | type[Span], name: str, spec: dict[str, Callable[..., Any]]
) -> None:
    if owner.has_extension(name):
        _default, _method, getter, _setter = owner.get_extension(name)
        if not _is_ours(getter, spec["getter"]):
            raise ValueError(
                f"{owner.__name__}._.{name} is already registered by other code, and quotes "
                f"needs that name; remove it first with "
                f"{owner.__name__}.remove_extension({name!r})"
            )
    # force=True: after a module reload the functions are new objects; register those.
    owner.set_extension(name, force=True, **spec)


def _is_ours(found: Callable[..., Any] | None, wanted: Callable[..., Any]) -> bool:
    # Compare by name, not identity, so that a reloaded copy of this module counts as ours.
    return (
        found is not None
        and getattr(found, "__module__", None) == wanted.__module__
        and getattr(found, "__qualname__", None) == wanted.__qualname__
    )
