"""Stage 2: pair quotation marks into quoted spans and classify each span.

STUB: the interface is fixed; the implementation is being written.
"""

from __future__ import annotations

from typing import Literal

import attrs

from quotes.document import Document
from quotes.pipeline.marks import Mark
from quotes.records import Span
from quotes.rules import RuleData

Category = Literal["speech", "title", "term"]


@attrs.frozen
class Quoted:
    """A stretch of text between paired quotation marks.

    ``quote`` includes the marks (or starts at the paragraph where an opener was lost);
    ``content`` excludes them. ``parent`` is the index of the enclosing Quoted in the
    stage's output tuple (None at top level) and ``depth`` its nesting level.
    ``category`` is this stage's classification from lexical evidence: "title" (names of
    papers, films, operations: feeds outlet recognition), "term" (scare quotes and
    terms: sogenannte „…“), otherwise "speech". ``flags`` records repairs:
    "lost_opener", "unclosed", "multi_paragraph".
    """

    quote: Span
    content: Span
    open_mark: Mark | None
    close_mark: Mark | None
    depth: int = 0
    parent: int | None = None
    category: Category = "speech"
    flags: frozenset[str] = frozenset()


def find_quotations(doc: Document, marks: tuple[Mark, ...], rules: RuleData) -> tuple[Quoted, ...]:
    return ()
