"""The records of the quotation stage: a quoted span, and the piece it is built from.

A text can be nothing but quotations ("„Titel“, „Titel“, …", a JSON line): a
:class:`Quoted` object per quote, with its two spans, their strings and two marks, costs
about 700 bytes, some 90 bytes per character of such a text. So the stage keeps its output
as plain records only while it is short (:data:`COMPACT_AT` quotes); a longer output is a
:class:`QuotedSpans`, which stores offsets and small codes in arrays (about 40 bytes per
quote) and makes each :class:`Quoted` when it is read. Both are sequences of equal records;
:func:`top_level` and :func:`recategorized` work on either.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Literal, get_args, overload

import attrs

from quotes.pipeline.marks import Mark
from quotes.records import Span

__all__ = [
    "CATEGORIES",
    "COMPACT_AT",
    "Category",
    "Piece",
    "PieceStore",
    "Quoted",
    "QuotedBuilder",
    "QuotedSpans",
    "recategorized",
    "top_level",
]

Category = Literal["speech", "title", "term"]
#: The categories, in the order of their codes.
CATEGORIES: tuple[Category, ...] = get_args(Category)
_CATEGORY_CODE = {category: code for code, category in enumerate(CATEGORIES)}
#: Outputs of more quotes than this are kept compactly (:class:`QuotedSpans`).
COMPACT_AT = 512


@attrs.frozen
class Quoted:
    """A stretch of text between paired quotation marks.

    ``quote`` includes the marks (or starts at the paragraph where an opener was lost);
    ``content`` excludes them. ``parent`` is the index of the enclosing Quoted in the
    stage's output tuple (None at top level) and ``depth`` its nesting level.
    ``category`` is this stage's classification from lexical evidence: "title" (names of
    papers, films, operations: feeds outlet recognition), "term" (scare quotes and
    terms: sogenannte „…“), otherwise "speech". ``flags`` records repairs:
    "lost_opener", "unclosed", "multi_paragraph"; and "marked_term" for a term with
    marked evidence (a gloss, brackets of its own), which stays a term whatever cue
    stands near it. ``family`` is the mark family of the
    pair ("low9" for „…“; the closer's family where the opener was lost).
    """

    quote: Span
    content: Span
    open_mark: Mark | None
    close_mark: Mark | None
    depth: int = 0
    parent: int | None = None
    category: Category = "speech"
    flags: frozenset[str] = frozenset()
    family: str = ""


@attrs.define
class Piece:
    """A quoted stretch before it becomes a Quoted record."""

    start: int
    end: int
    content_start: int
    content_end: int
    open_mark: Mark | None
    close_mark: Mark | None
    flags: frozenset[str]
    family: str
    # Where the paragraph of the opening starts: the classifier reads no further back.
    paragraph_start: int


_MarkKind = tuple[str, str, str, bool]  # char, role, family, weak


class _Codes:
    """Small integer codes for the few distinct values of a field (mark kinds, flags,
    families) of one document."""

    def __init__(self) -> None:
        self.codes: dict[object, int] = {}
        self.values: list[object] = []

    def code(self, value: object) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


def _offsets_type(length: int) -> str:
    # Four bytes per offset where the text allows it.
    return "i" if length < 2**31 - 1 else "q"


def _mark(offset: int, code: int, kinds: Sequence[object]) -> Mark | None:
    if offset < 0:
        return None
    char, role, family, weak = kinds[code]  # type: ignore[misc]
    return Mark(offset, char, role, family, weak)


class _Columns:
    """The columns that pieces and quoted spans share, one row per stretch, in arrays:
    the four offsets (start, end, content start, content end), each mark as an offset
    (-1 for none) and a code of its kind, and codes of the flags and the family. The one
    compact storage of :class:`PieceStore` and :class:`QuotedSpans`."""

    __slots__ = (
        "bounds",
        "close",
        "close_kind",
        "families",
        "family_codes",
        "flag_codes",
        "flags",
        "kinds",
        "open",
        "open_kind",
    )

    def __init__(self, length: int) -> None:
        typecode = _offsets_type(length)
        self.bounds = array(typecode)
        self.open = array(typecode)
        self.close = array(typecode)
        self.open_kind = array("H")
        self.close_kind = array("H")
        self.flag_codes = array("H")
        self.family_codes = array("H")
        self.kinds = _Codes()
        self.flags = _Codes()
        self.families = _Codes()

    def add(
        self,
        bounds: tuple[int, int, int, int],
        open_mark: Mark | None,
        close_mark: Mark | None,
        flags: frozenset[str],
        family: str,
    ) -> None:
        self.bounds.extend(bounds)
        self._add_mark(open_mark, self.open, self.open_kind)
        self._add_mark(close_mark, self.close, self.close_kind)
        self.flag_codes.append(self.flags.code(flags))
        self.family_codes.append(self.families.code(family))

    def _add_mark(self, mark: Mark | None, offsets: array[int], codes: array[int]) -> None:
        if mark is None:
            offsets.append(-1)
            codes.append(0)
        else:
            offsets.append(mark.offset)
            codes.append(self.kinds.code((mark.char, mark.role, mark.family, mark.weak)))

    def bounds_of(self, index: int) -> tuple[int, int, int, int]:
        """``(start, end, content_start, content_end)`` of row ``index``."""
        at = 4 * index
        bounds = self.bounds
        return bounds[at], bounds[at + 1], bounds[at + 2], bounds[at + 3]

    def open_mark(self, index: int) -> Mark | None:
        return _mark(self.open[index], self.open_kind[index], self.kinds.values)

    def close_mark(self, index: int) -> Mark | None:
        return _mark(self.close[index], self.close_kind[index], self.kinds.values)

    def flags_of(self, index: int) -> frozenset[str]:
        return self.flags.values[self.flag_codes[index]]  # type: ignore[return-value]

    def family_of(self, index: int) -> str:
        return self.families.values[self.family_codes[index]]  # type: ignore[return-value]


class PieceStore:
    """The pieces of one document, in the order they were found, stored compactly; a
    :class:`Piece` is made when one is read (:meth:`piece`)."""

    __slots__ = ("_paragraphs", "_rows")

    def __init__(self, length: int) -> None:
        self._rows = _Columns(length)
        self._paragraphs = array(_offsets_type(length))

    def __len__(self) -> int:
        return len(self._paragraphs)

    def add(
        self,
        start: int,
        end: int,
        content_start: int,
        content_end: int,
        open_mark: Mark | None,
        close_mark: Mark | None,
        flags: frozenset[str],
        family: str,
        paragraph_start: int,
    ) -> None:
        self._rows.add(
            (start, end, content_start, content_end), open_mark, close_mark, flags, family
        )
        self._paragraphs.append(paragraph_start)

    def bounds(self, index: int) -> tuple[int, int, int, int]:
        """``(start, end, content_start, content_end)`` of piece ``index``."""
        return self._rows.bounds_of(index)

    def piece(self, index: int) -> Piece:
        rows = self._rows
        start, end, content_start, content_end = rows.bounds_of(index)
        return Piece(
            start,
            end,
            content_start,
            content_end,
            rows.open_mark(index),
            rows.close_mark(index),
            rows.flags_of(index),
            rows.family_of(index),
            self._paragraphs[index],
        )

    def text_order(self, length: int) -> Sequence[int]:
        """The indices of the pieces in text order, outer before inner (by start, end
        descending, content start, content end descending; ties in the order found)."""
        base = length + 1
        bounds_of = self._rows.bounds_of

        def key(index: int) -> int:
            start, end, content_start, content_end = bounds_of(index)
            return ((start * base + length - end) * base + content_start) * base + (
                length - content_end
            )

        previous = -1
        for index in range(len(self)):
            current = key(index)
            if current < previous:
                return sorted(range(len(self)), key=key)  # stable: ties keep their order
            previous = current
        return range(len(self))


class QuotedSpans(Sequence[Quoted]):
    """The quoted spans of one long output, stored compactly (see the module's doc).

    Indexing, iteration, slicing (a tuple) and equality behave as for a tuple of equal
    :class:`Quoted` records; each record is made when it is read, so two reads of one
    index give equal records, not the same object.
    """

    __slots__ = ("_categories", "_depths", "_parents", "_rows", "_text")

    _text: str
    _rows: _Columns
    _depths: array[int]
    _parents: array[int]
    _categories: bytes | bytearray

    def __len__(self) -> int:
        return len(self._parents)

    @overload
    def __getitem__(self, index: int) -> Quoted: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Quoted, ...]: ...
    def __getitem__(self, index: int | slice) -> Quoted | tuple[Quoted, ...]:
        if isinstance(index, slice):
            return tuple(self._make(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("QuotedSpans index out of range")
        return self._make(index)

    def __iter__(self) -> Iterator[Quoted]:
        for index in range(len(self)):
            yield self._make(index)

    def _make(self, index: int) -> Quoted:
        text = self._text
        rows = self._rows
        start, end, content_start, content_end = rows.bounds_of(index)
        parent = self._parents[index]
        return Quoted(
            quote=Span._slice(text, start, end),
            content=Span._slice(text, content_start, content_end),
            open_mark=rows.open_mark(index),
            close_mark=rows.close_mark(index),
            depth=self._depths[index],
            parent=None if parent < 0 else parent,
            category=CATEGORIES[self._categories[index]],
            flags=rows.flags_of(index),
            family=rows.family_of(index),
        )

    def category(self, index: int) -> Category:
        """The category of quote ``index``, without making the record."""
        return CATEGORIES[self._categories[index]]

    def is_top_level(self, index: int) -> bool:
        return self._parents[index] < 0

    def with_categories(self, categories: bytes | bytearray) -> QuotedSpans:
        """The same spans with the category codes ``categories`` (one per quote)."""
        if len(categories) != len(self):
            raise ValueError("one category per quoted span")
        copy = object.__new__(QuotedSpans)
        for name in QuotedSpans.__slots__:
            object.__setattr__(copy, name, getattr(self, name))
        copy._categories = bytes(categories)
        return copy

    def __eq__(self, other: object) -> bool:
        if isinstance(other, QuotedSpans | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"QuotedSpans({len(self)} quoted spans)"


class QuotedBuilder:
    """Collects the output of the stage: a tuple of :class:`Quoted` while it is short, a
    :class:`QuotedSpans` once it holds more than :data:`COMPACT_AT` quotes. Every record
    added must have its spans' texts taken from ``text``."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._records: list[Quoted] | None = []
        self._store: QuotedSpans | None = None
        self._categories = bytearray()

    def add(self, quoted: Quoted) -> None:
        records = self._records
        if records is not None:
            records.append(quoted)
            if len(records) <= COMPACT_AT:
                return
            self._records = None
            self._store = self._empty_store()
            for record in records:
                self._add_compact(record)
            return
        self._add_compact(quoted)

    def _empty_store(self) -> QuotedSpans:
        store = object.__new__(QuotedSpans)
        store._text = self._text
        store._rows = _Columns(len(self._text))
        store._depths = array("i")
        store._parents = array(_offsets_type(len(self._text)))
        return store

    def _add_compact(self, quoted: Quoted) -> None:
        store = self._store
        assert store is not None
        quote, content = quoted.quote, quoted.content
        store._rows.add(
            (quote.start, quote.end, content.start, content.end),
            quoted.open_mark,
            quoted.close_mark,
            quoted.flags,
            quoted.family,
        )
        store._depths.append(quoted.depth)
        store._parents.append(-1 if quoted.parent is None else quoted.parent)
        self._categories.append(_CATEGORY_CODE[quoted.category])

    def build(self) -> tuple[Quoted, ...] | QuotedSpans:
        if self._records is not None:
            return tuple(self._records)
        store = self._store
        assert store is not None
        store._categories = bytes(self._categories)
        return store


def top_level(quoted: Sequence[Quoted]) -> list[int] | array[int]:
    """The indices of the quotes that no other quote encloses, in order."""
    if isinstance(quoted, QuotedSpans):
        out = array("q")
        for index in range(len(quoted)):
            if quoted.is_top_level(index):
                out.append(index)
        return out
    return [i for i, q in enumerate(quoted) if q.parent is None]


def recategorized(
    quoted: Sequence[Quoted], changes: bytes | bytearray
) -> tuple[Quoted, ...] | QuotedSpans:
    """``quoted`` with new categories: ``changes[i]`` is 0 to keep quote ``i``'s, else one
    more than the code (:data:`CATEGORIES`) of its new category."""
    if len(changes) != len(quoted):
        raise ValueError("one change per quoted span")
    if isinstance(quoted, QuotedSpans):
        codes = bytearray(quoted._categories)
        for index, change in enumerate(changes):
            if change:
                codes[index] = change - 1
        return quoted.with_categories(codes)
    return tuple(
        attrs.evolve(q, category=CATEGORIES[change - 1]) if change else q
        for q, change in zip(quoted, changes, strict=True)
    )
