"""The state the stages hand on while they resolve one document's speaker mentions.

The direct speakers are resolved first, then the indirect ones, which may refer back to
them ("er" in indirect speech after a direct quotation of Merz). Each stage is given the
:class:`Resolution` so far, passes it to
:meth:`~quotes.pipeline.entities.MentionResolver.extend` with its own mentions, and hands the
resolution that returns to the next stage: the state passes between stages explicitly,
and no stage changes an object another one holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quotes.document import Document

if TYPE_CHECKING:
    from quotes.pipeline.entities import Mention

__all__ = ["Resolution"]


@attrs.define
class _Transient:
    """The working state behind the latest resolution of a chain, and whose it is."""

    state: object | None
    owner: object | None
    count: int


@attrs.frozen(eq=False)
class Resolution:
    """What the resolution of one document has settled: the mentions resolved so far, in
    the order they were resolved.

    A value: extending it never changes it. The resolver's working state (names read from
    the document, mentions noted for later pronouns) is handed from each resolution to the
    one that extends it, so a chain of stages costs what resolving its mentions costs;
    extending an older resolution again makes the resolver replay its mentions (same
    entities, more work).
    """

    doc: Document
    #: How many mentions have been resolved.
    count: int
    previous: Resolution | None = attrs.field(repr=False)
    added: tuple[Mention, ...] = attrs.field(repr=False)
    _transient: _Transient = attrs.field(repr=False, alias="transient")

    @classmethod
    def start(cls, doc: Document) -> Resolution:
        """Nothing resolved yet."""
        if not isinstance(doc, Document):
            raise TypeError(f"doc must be a Document, not {type(doc).__name__}")
        return cls(doc, 0, None, (), _Transient(None, None, 0))

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """The mentions resolved so far, in order."""
        chunks: list[tuple[Mention, ...]] = []
        node: Resolution | None = self
        while node is not None:
            chunks.append(node.added)
            node = node.previous
        return tuple(m for chunk in reversed(chunks) for m in chunk)

    def take_state(self, owner: object) -> object | None:
        """The working state ``owner`` left with this resolution, handed over once; None
        when there is none (nothing resolved yet, another resolver, or already extended)."""
        transient = self._transient
        if transient.owner is not owner or transient.count != self.count:
            return None
        state, transient.state, transient.owner = transient.state, None, None
        return state

    def extended(self, mentions: tuple[Mention, ...], state: object, owner: object) -> Resolution:
        """This resolution with ``mentions`` resolved after it; ``state`` is ``owner``'s
        working state with them."""
        count = self.count + len(mentions)
        return Resolution(self.doc, count, self, mentions, _Transient(state, owner, count))
