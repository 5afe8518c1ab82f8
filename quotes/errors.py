"""The library's own exceptions.

Wrong argument types raise the built-in ``TypeError``; everything the library itself
cannot do raises a subclass of :class:`QuotesError`.
"""

from __future__ import annotations


class QuotesError(Exception):
    """Base class of every error raised by the quotes library itself."""


class RulesError(QuotesError):
    """A rules file is missing, unreadable or malformed."""


class PatternTimeoutError(QuotesError):
    """A rules pattern ran out of time on one document (see :mod:`quotes.patterns`)."""


class BackendError(QuotesError):
    """A parse backend is unavailable or was given something it cannot use."""


def check_text(text: object, *, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise a helpful ``TypeError`` otherwise."""
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            f"{name} must be str, not {type(text).__name__}; decode it first, "
            f"e.g. {name}.decode('utf-8')"
        )
    raise TypeError(f"{name} must be str, not {type(text).__name__}")
