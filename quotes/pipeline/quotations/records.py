"""The records of the quotation stage: a quoted span, and the piece it is built from."""

from __future__ import annotations

from typing import Literal

import attrs

from quotes.pipeline.marks import Mark
from quotes.records import Span

__all__ = ["Category", "Piece", "Quoted"]

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
