"""Stage 1: find quotation marks and say which way each one can face.

STUB: the interface is fixed; the implementation is being written.
"""

from __future__ import annotations

from typing import Literal

import attrs

from quotes.document import Document
from quotes.rules import RuleData

Role = Literal["open", "close", "either"]


@attrs.frozen
class Mark:
    """One quotation mark character at ``offset`` in the document text.

    ``family`` names the set of marks it pairs with ("low9" for „…“, "guillemet" for
    »…« and «…», "single_guillemet", "low9_single", "curly", "curly_single", "straight",
    "straight_single"); ``role`` is what its context allows.
    """

    offset: int
    char: str
    role: Role
    family: str


def find_marks(doc: Document, rules: RuleData) -> tuple[Mark, ...]:
    return ()
