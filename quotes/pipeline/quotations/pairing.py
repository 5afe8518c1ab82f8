"""Pairing quotation marks into quoted spans, and the stage's entry point
:func:`find_quotations` (see :mod:`quotes.pipeline.quotations` for the repairs)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from quotes.document import Document
from quotes.pipeline.marks import Mark, MarkInventory, Marks, mark_inventory
from quotes.pipeline.quotations.classifier import quoted_classifier
from quotes.pipeline.quotations.records import PieceStore, Quoted, QuotedBuilder
from quotes.records import Span
from quotes.rules import RuleData

__all__ = ["find_quotations"]

# Content without a letter or digit ("", „ “, "…") is no quotation. Possessive, so the
# test costs one pass over the content.
_EMPTY_CONTENT = regex.compile(r"[^\p{L}\p{N}]*+", regex.V1)


def find_quotations(doc: Document, marks: Sequence[Mark], rules: RuleData) -> Sequence[Quoted]:
    """The quoted spans of ``doc``, in text order (an enclosing quote before its parts): a
    tuple, or for a long output a :class:`~quotes.pipeline.quotations.records.QuotedSpans`
    of equal records."""
    inventory = mark_inventory(rules)
    classifier = quoted_classifier(rules)
    store = _Pairing(doc, inventory).run(_in_text_order(marks, len(doc.text)))
    text = doc.text
    # Text order, outer before inner; then one stack pass assigns parents. The output is
    # kept compactly when it is long (records.QuotedBuilder): a text can be all quotes.
    out = QuotedBuilder(text)
    count = 0
    open_ends: list[tuple[int, int]] = []  # (index, quote end) of the enclosing quotes
    last: tuple[int, int] | None = None
    # The last quote seen at each depth, for lists: die Gemälde „Madonna“ und „Der Schrei“.
    previous_at_depth: dict[int, Quoted] = {}
    for position in store.text_order(len(text)):
        start, end, content_start, content_end = store.bounds(position)
        if (start, end) == last:
            continue  # the same stretch found twice (cannot happen by construction)
        while open_ends and open_ends[-1][1] <= start:
            open_ends.pop()
        if open_ends and open_ends[-1][1] < end:
            continue  # would cross its enclosing quote (cannot happen by construction)
        piece = store.piece(position)
        parent = open_ends[-1][0] if open_ends else None
        depth = len(open_ends)
        category = classifier.classify(doc, piece)
        sibling = previous_at_depth.get(depth)
        if category == "speech" and sibling is not None and sibling.category != "speech":
            category = classifier.coordinated_category(text, sibling, piece)
        flags = piece.flags
        if category == "term" and classifier.marked_term(doc, piece):
            flags = flags | _MARKED_TERM
        quoted = Quoted(
            quote=Span._slice(text, start, end),
            content=Span._slice(text, content_start, content_end),
            open_mark=piece.open_mark,
            close_mark=piece.close_mark,
            depth=depth,
            parent=parent,
            category=category,
            flags=flags,
            family=piece.family,
        )
        out.add(quoted)
        previous_at_depth[depth] = quoted
        open_ends.append((count, end))
        count += 1
        last = (start, end)
    return out.build()


def _bound_readers(
    marks: Sequence[Mark],
) -> tuple[Callable[[int], int], Callable[[int], int]]:
    """The offset and the end of the mark at an index: read without making a Mark where
    the marks are stored compactly (:class:`~quotes.pipeline.marks.Marks`)."""
    if isinstance(marks, Marks):
        return marks.offset_at, marks.end_at
    return (lambda i: marks[i].offset), (lambda i: marks[i].end)


def _in_text_order(marks: Sequence[Mark], length: int) -> Sequence[Mark]:
    # Marks from find_marks are ordered and within the text; anything else (a caller's own
    # marks) is sorted and clipped rather than trusted.
    ordered = True
    previous_end = 0
    offset_at, end_at = _bound_readers(marks)
    for index in range(len(marks)):
        offset, end = offset_at(index), end_at(index)
        if offset < previous_end or end > length or offset < 0:
            ordered = False
            break
        previous_end = end
    if ordered:
        return marks  # not copied: find_marks keeps them compact (marks.Marks)
    kept: list[Mark] = []
    previous_end = 0
    for mark in sorted(marks, key=lambda m: (m.offset, m.end)):
        if mark.offset >= previous_end and mark.offset >= 0 and mark.end <= length:
            kept.append(mark)
            previous_end = mark.end
    return kept


@attrs.define
class _Open:
    """An opener on the stack."""

    mark: Mark
    paragraph_start: int
    paragraph_content_end: int
    multi_paragraph: bool = False


_NO_FLAGS: frozenset[str] = frozenset()
_MULTI_PARAGRAPH = frozenset({"multi_paragraph"})
# A term with marked evidence (QuotedClassifier.marked_term): no cue makes it speech.
_MARKED_TERM = frozenset({"marked_term"})


class _Pairing:
    """One left-to-right pass over the marks of a document, paragraph by paragraph."""

    def __init__(self, doc: Document, inventory: MarkInventory) -> None:
        self.doc = doc
        self.text = doc.text
        self.inventory = inventory
        self.pieces = PieceStore(len(self.text))
        self.last_start = 0  # where the last quotation closed began, empty ones included

    def run(self, marks: Sequence[Mark]) -> PieceStore:
        text = self.text
        paragraphs = _paragraph_bounds(self.doc)
        next_mark = 0
        carried: _Open | None = None  # a quote that goes on in the next paragraph
        dangling: _Open | None = None  # an opener left open at the end of the last paragraph
        dangling_for = 0  # paragraphs the dangling opener has stayed open past its own
        previous_ends_with_colon = False
        offset_at, end_at = _bound_readers(marks)
        for index, (paragraph_start, paragraph_end) in enumerate(paragraphs):
            # Marks outside every paragraph (impossible for a Document.build document)
            # belong to no quotation.
            while next_mark < len(marks) and offset_at(next_mark) < paragraph_start:
                next_mark += 1
            first = next_mark
            while next_mark < len(marks) and end_at(next_mark) <= paragraph_end:
                next_mark += 1
            content_start, content_end = _strip(text, paragraph_start, paragraph_end)
            skip_first = carried is not None
            stack: list[_Open] = [carried] if carried is not None else []
            carried = None
            paragraph_marks = marks[first:next_mark]
            lost_opener_done = False
            # Whether a quotation opened in an earlier paragraph closed in this one: then
            # the paragraph's start lies inside it, and no lost opener may start there.
            closed_from_before = False
            for position, mark in enumerate(paragraph_marks):
                if skip_first and position == 0:
                    continue  # the repeated opener of a continued quotation
                if self._close(stack, mark):
                    closed_from_before |= self.last_start < paragraph_start
                    continue
                if (
                    mark.role == "either"
                    and not stack
                    and dangling is not None
                    and self.inventory.pairs_with(dangling.mark.char, mark.char)
                ):
                    # A mark that could open or close, with nothing open in this paragraph:
                    # it closes the quotation left open before („p1 ¶ p2 … “).
                    self._emit(dangling, mark, flags=_MULTI_PARAGRAPH)
                    dangling = None
                    closed_from_before = True
                    continue
                if mark.role != "close" and not mark.weak:
                    if len(stack) < self.inventory.max_depth:
                        stack.append(_Open(mark, paragraph_start, content_end))
                    continue
                # A closer that matches nothing open in this paragraph.
                if lost_opener_done or stack or mark.weak:
                    continue
                lost_opener_done = True  # only the first stray closer may be repaired
                if dangling is not None and self.inventory.pairs_with(
                    dangling.mark.char, mark.char
                ):
                    self._emit(dangling, mark, flags=_MULTI_PARAGRAPH)
                    dangling = None
                    continue
                if mark.char in self.inventory.lost_opener_closers:
                    previous_mark_end = (
                        paragraph_marks[position - 1].end if position else paragraph_start
                    )
                    self._lost_opener(
                        mark,
                        paragraph_start,
                        content_start,
                        previous_mark_end,
                        previous_ends_with_colon and not closed_from_before,
                    )
            if dangling is not None:
                # A quotation left open survives paragraphs without any marks ("[…]",
                # an enumeration) for a while; a paragraph with marks that did not close
                # it ends it.
                dangling_for += 1
                if paragraph_marks or dangling_for > self.inventory.dangling_paragraphs:
                    self._unclosed(dangling, multi_paragraph=dangling.multi_paragraph)
                    dangling = None
            if stack:
                carried, dangling = self._end_paragraph(
                    stack, paragraphs, index, marks, next_mark, content_end
                )
                dangling_for = 0
            previous_ends_with_colon = content_end > content_start and text[content_end - 1] == ":"
        if dangling is not None:
            self._unclosed(dangling, multi_paragraph=dangling.multi_paragraph)
        return self.pieces

    def _close(self, stack: list[_Open], mark: Mark) -> bool:
        """Close the nearest opener ``mark`` pairs with; openers above it are dropped."""
        if not stack or mark.role == "open":
            return False
        pairs = self.inventory.pairs
        closer = mark.char
        if pairs.get((stack[-1].mark.char, closer)) is not None:
            self._emit(stack.pop(), mark, _NO_FLAGS)  # the common case: the top pairs
            return True
        limit = 1 if mark.weak else self.inventory.search_depth
        for position in range(len(stack) - 2, max(len(stack) - limit, 0) - 1, -1):
            if pairs.get((stack[position].mark.char, closer)) is not None:
                # Openers above it were never closed inside this quotation: they were
                # apostrophes or typos more often than real quotes, so they are dropped.
                opener = stack[position]
                del stack[position:]
                self._emit(opener, mark, _NO_FLAGS)
                return True
        return False

    def _end_paragraph(
        self,
        stack: list[_Open],
        paragraphs: list[tuple[int, int]],
        index: int,
        marks: Sequence[Mark],
        next_mark: int,
        content_end: int,
    ) -> tuple[_Open | None, _Open | None]:
        """Settle the openers still open at a paragraph's end: (carried, dangling)."""
        outermost = stack[0]
        for inner in stack[1:]:
            self._unclosed(inner, multi_paragraph=False)
        if index + 1 < len(paragraphs) and next_mark < len(marks):
            first_char, _ = _strip(self.text, *paragraphs[index + 1])
            repeated = marks[next_mark]
            if (
                repeated.offset == first_char
                and repeated.char == outermost.mark.char
                and repeated.role != "close"
            ):
                outermost.multi_paragraph = True
                return outermost, None
        if outermost.mark.char not in self.inventory.unclosed_openers:
            return None, None
        # Left open: the next paragraph may still close it (a continuation without a
        # repeated opener); otherwise it quotes the rest of its last paragraph.
        outermost.paragraph_content_end = content_end
        return None, outermost

    def _emit(self, opener: _Open, closer: Mark, flags: frozenset[str]) -> None:
        family = self.inventory.pairs.get((opener.mark.char, closer.char), opener.mark.family)
        if opener.multi_paragraph:
            flags = _MULTI_PARAGRAPH
        self._add(
            opener.mark.offset,
            closer.end,
            opener.mark.end,
            closer.offset,
            opener.mark,
            closer,
            flags,
            family,
            opener.paragraph_start,
        )

    def _unclosed(self, opener: _Open, multi_paragraph: bool) -> None:
        if opener.mark.char not in self.inventory.unclosed_openers:
            return
        end = opener.paragraph_content_end
        content_start, content_end = _strip(self.text, opener.mark.end, end)
        if content_end <= content_start:
            return  # an opener at the very end of its paragraph quotes nothing
        flags = {"unclosed", "multi_paragraph"} if multi_paragraph else {"unclosed"}
        self._add(
            opener.mark.offset,
            content_end,
            opener.mark.end,
            content_end,
            opener.mark,
            None,
            frozenset(flags),
            opener.mark.family,
            opener.paragraph_start,
        )

    def _lost_opener(
        self,
        closer: Mark,
        paragraph_start: int,
        content_start: int,
        previous_mark_end: int,
        previous_ends_with_colon: bool,
    ) -> None:
        text = self.text
        if previous_ends_with_colon:
            start = content_start
        else:
            # "Trump stellte klar: Wir haben keine Sanktionen aufgehoben.“" — the clause
            # after the last colon, if nothing else was quoted between it and the closer.
            colon = text.rfind(":", max(previous_mark_end, paragraph_start), closer.offset)
            if colon < 0 or colon + 1 >= closer.offset or not text[colon + 1].isspace():
                return
            start, _ = _strip(text, colon + 1, closer.offset)
            if start >= closer.offset or not (text[start].isupper() or text[start].isdigit()):
                return
        if start >= closer.offset:
            return
        self._add(
            start,
            closer.end,
            start,
            closer.offset,
            None,
            closer,
            frozenset({"lost_opener"}),
            self.inventory.closer_family.get(closer.char, closer.family),
            paragraph_start,
        )

    def _add(
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
        self.last_start = start
        if _EMPTY_CONTENT.fullmatch(self.text, content_start, max(content_start, content_end)):
            return  # "" or „ “: marks with nothing between them quote nothing
        self.pieces.add(
            start,
            end,
            content_start,
            max(content_start, content_end),
            open_mark,
            close_mark,
            flags,
            family,
            paragraph_start,
        )


def _paragraph_bounds(doc: Document) -> list[tuple[int, int]]:
    """The paragraphs as (start, end), in order, within the text. A Document.build
    document has them so already; a hand-made one is clipped rather than trusted."""
    length = len(doc.text)
    bounds: list[tuple[int, int]] = []
    previous_end = 0
    for paragraph_start, paragraph_end in doc.paragraph_bounds():
        start, end = max(paragraph_start, previous_end), min(paragraph_end, length)
        if start < end:
            bounds.append((start, end))
            previous_end = end
    return bounds


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
