"""Schema of ``genders.toml``: the grammatical gender of common nouns."""

from __future__ import annotations

import attrs


@attrs.frozen
class GendersRules:
    """``genders.toml``: nouns by gender, each a string of words separated by whitespace
    (generated, see the file's header)."""

    m: str = ""
    f: str = ""
    n: str = ""
