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


def _add_mark(mark: Mark | None, offsets: array[int], codes: array[int], kinds: _Codes) -> None:
    """Store an optional mark as an offset (-1 for none) and a kind code."""
    if mark is None:
        offsets.append(-1)
        codes.append(0)
    else:
        offsets.append(mark.offset)
        codes.append(kinds.code((mark.char, mark.role, mark.family, mark.weak)))


def _mark(offset: int, code: int, kinds: Sequence[object]) -> Mark | None:
    if offset < 0:
        return None
    char, role, family, weak = kinds[code]  # type: ignore[misc]
    return Mark(offset, char, role, family, weak)


class PieceStore:
    """The pieces of one document, in the order they were found, stored compactly; a
    :class:`Piece` is made when one is read (:meth:`piece`)."""

    __slots__ = (
        "_bounds",
        "_close",
        "_close_kind",
        "_families",
        "_family_codes",
        "_flag_codes",
        "_flags",
        "_kinds",
        "_open",
        "_open_kind",
        "_paragraphs",
    )

    def __init__(self, length: int) -> None:
        typecode = _offsets_type(length)
        self._bounds = array(typecode)  # start, end, content_start, content_end
        self._paragraphs = array(typecode)
        self._kinds = _Codes()
        self._open = array(typecode)
        self._close = array(typecode)
        self._open_kind = array("H")
        self._close_kind = array("H")
        self._flags = _Codes()
        self._families = _Codes()
        self._flag_codes = array("H")
        self._family_codes = array("H")

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
        self._bounds.extend((start, end, content_start, content_end))
        _add_mark(open_mark, self._open, self._open_kind, self._kinds)
        _add_mark(close_mark, self._close, self._close_kind, self._kinds)
        self._flag_codes.append(self._flags.code(flags))
        self._family_codes.append(self._families.code(family))
        self._paragraphs.append(paragraph_start)

    def bounds(self, index: int) -> tuple[int, int, int, int]:
        """``(start, end, content_start, content_end)`` of piece ``index``."""
        at = 4 * index
        bounds = self._bounds
        return bounds[at], bounds[at + 1], bounds[at + 2], bounds[at + 3]

    def piece(self, index: int) -> Piece:
        start, end, content_start, content_end = self.bounds(index)
        kinds = self._kinds.values
        return Piece(
            start,
            end,
            content_start,
            content_end,
            _mark(self._open[index], self._open_kind[index], kinds),
            _mark(self._close[index], self._close_kind[index], kinds),
            self._flags.values[self._flag_codes[index]],  # type: ignore[arg-type]
            self._families.values[self._family_codes[index]],  # type: ignore[arg-type]
            self._paragraphs[index],
        )

    def text_order(self, length: int) -> Sequence[int]:
        """The indices of the pieces in text order, outer before inner (by start, end
        descending, content start, content end descending; ties in the order found)."""
        base = length + 1

        def key(index: int) -> int:
            start, end, content_start, content_end = self.bounds(index)
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

    __slots__ = (
        "_bounds",
        "_categories",
        "_close",
        "_close_kind",
        "_depths",
        "_families",
        "_family_codes",
        "_flag_codes",
        "_flags",
        "_kinds",
        "_open",
        "_open_kind",
        "_parents",
        "_text",
    )

    _text: str
    _bounds: array[int]
    _open: array[int]
    _open_kind: array[int]
    _close: array[int]
    _close_kind: array[int]
    _depths: array[int]
    _parents: array[int]
    _categories: bytes | bytearray
    _flag_codes: array[int]
    _family_codes: array[int]
    _kinds: tuple[object, ...]
    _flags: tuple[object, ...]
    _families: tuple[object, ...]

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
        at = 4 * index
        bounds = self._bounds
        start, end = bounds[at], bounds[at + 1]
        content_start, content_end = bounds[at + 2], bounds[at + 3]
        parent = self._parents[index]
        return Quoted(
            quote=Span._slice(text, start, end),
            content=Span._slice(text, content_start, content_end),
            open_mark=_mark(self._open[index], self._open_kind[index], self._kinds),
            close_mark=_mark(self._close[index], self._close_kind[index], self._kinds),
            depth=self._depths[index],
            parent=None if parent < 0 else parent,
            category=CATEGORIES[self._categories[index]],
            flags=self._flags[self._flag_codes[index]],  # type: ignore[arg-type]
            family=self._families[self._family_codes[index]],  # type: ignore[arg-type]
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
        self._kinds = _Codes()
        self._flags = _Codes()
        self._families = _Codes()
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
        typecode = _offsets_type(len(self._text))
        store._text = self._text
        store._bounds = array(typecode)
        store._open = array(typecode)
        store._open_kind = array("H")
        store._close = array(typecode)
        store._close_kind = array("H")
        store._depths = array("i")
        store._parents = array(typecode)
        store._flag_codes = array("H")
        store._family_codes = array("H")
        return store

    def _add_compact(self, quoted: Quoted) -> None:
        store = self._store
        assert store is not None
        quote, content = quoted.quote, quoted.content
        store._bounds.extend((quote.start, quote.end, content.start, content.end))
        _add_mark(quoted.open_mark, store._open, store._open_kind, self._kinds)
        _add_mark(quoted.close_mark, store._close, store._close_kind, self._kinds)
        store._depths.append(quoted.depth)
        store._parents.append(-1 if quoted.parent is None else quoted.parent)
        self._categories.append(_CATEGORY_CODE[quoted.category])
        store._flag_codes.append(self._flags.code(quoted.flags))
        store._family_codes.append(self._families.code(quoted.family))

    def build(self) -> tuple[Quoted, ...] | QuotedSpans:
        if self._records is not None:
            return tuple(self._records)
        store = self._store
        assert store is not None
        store._categories = bytes(self._categories)
        store._kinds = tuple(self._kinds.values)
        store._flags = tuple(self._flags.values)
        store._families = tuple(self._families.values)
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
