"""Schema of ``document.toml``: sentence splitting."""

from __future__ import annotations

import attrs

from quotes.schema._base import Words


@attrs.frozen
class DocumentRules:
    """``document.toml``: words after which a full stop does not end a sentence."""

    abbreviations: Words = ()
    no_split_after_ordinal: Words = ()
