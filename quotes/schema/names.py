"""Schema of ``names.toml``: given names, for the gender of a person."""

from __future__ import annotations

import attrs

from quotes.schema._base import Words


@attrs.frozen
class NamesRules:
    """``names.toml``: given names by gender."""

    particles: Words = ()  # inside surnames: "von der", "al-"
    male: Words = ()
    female: Words = ()
