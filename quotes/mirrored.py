"""Whole-text scans written for the ``regex`` module, run by the stdlib engine where that
gives the same matches.

The ``regex`` engine tries a pattern that opens with a Unicode property (``\\p{Lu}``) at
every position of a text, at some 280 instructions a character; the stdlib engine skips
to the characters of a leading character class in a tight loop. The stdlib engine has no
Unicode properties, and its ``\\s``, ``\\d`` and ``\\w`` are not those of ``regex``. So a
hot scan is written once, in ``regex`` syntax, and :class:`Mirrored` compiles it twice:
as written, and for the stdlib engine with each property (``\\p{L}``, ``\\p{Lu}``, ``\\s``,
``\\w`` …) spelled out as the characters of the Basic Multilingual Plane that the ``regex``
module itself puts in it (read off the module once per process). Both engines then agree
on every character of the plane: on a text without characters beyond U+FFFF
(:func:`in_bmp`) the two patterns find the same matches. Other texts are scanned by the
``regex`` pattern (a character class beyond the plane is a list of ranges to the stdlib
engine, tried one by one).

Only the syntax both engines read alike is translated: literals, character classes
without set operations, groups, look-arounds of fixed width, greedy, lazy and possessive
quantifiers. Anything else (``\\b``, named lists, reverse matching, fuzzy matching, …) is
a ValueError when the mirror is first built.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import regex

__all__ = ["Mirrored", "in_bmp"]

# A character beyond the Basic Multilingual Plane.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# The items translated: a Unicode property and the class shorthands.
_PROPERTY = re.compile(r"\\(?:p\{\w+\}|[sdw])")
# What the stdlib engine reads otherwise than ``regex`` (V1) does, or not at all.
_UNSUPPORTED_ESCAPES = frozenset("bBpPSDWLNXGmMKQE")
_SET_OPERATORS = ("--", "&&", "||", "~~")


def in_bmp(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether every character of ``text[start:end]`` is in the Basic Multilingual Plane."""
    return _ASTRAL.search(text, start, len(text) if end is None else end) is None


class Mirrored:
    """A ``regex`` pattern (``source`` with ``flags``) and its stdlib mirror.

    :meth:`on` gives the one to run on a text: the mirror where :func:`in_bmp` holds of
    it (the caller says so: a Document knows it of its text), the ``regex`` pattern
    otherwise. The mirror is built when first asked for.
    """

    __slots__ = ("_mirror", "flags", "pattern", "source")

    def __init__(self, source: str, flags: int = regex.V1) -> None:
        self.source = source
        self.flags = flags
        self.pattern: Any = regex.compile(source, flags)
        self._mirror: re.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"Mirrored({self.source!r})"

    @property
    def mirror(self) -> re.Pattern[str]:
        """The stdlib pattern that matches as :attr:`pattern` does on BMP texts."""
        if self._mirror is None:
            self._mirror = re.compile(translate(self.source, self.flags))
        return self._mirror

    def on(self, bmp: bool, pos: int = 0, endpos: int = 0) -> Any:
        """The pattern to run on a text of which ``bmp`` tells whether it is all BMP,
        with the ``pos`` and ``endpos`` to be passed: a negative one counts from the end
        of the text in ``regex`` and is 0 to the stdlib engine, so it goes to the
        ``regex`` pattern."""
        if bmp and pos >= 0 and endpos >= 0:
            return self.mirror
        return self.pattern


def translate(source: str, flags: int = regex.V1) -> str:
    """``source`` (``regex`` syntax) for the stdlib engine, exact on BMP texts."""
    if flags & ~(regex.V1 | regex.V0):
        raise ValueError("only patterns without flags are mirrored")
    out: list[str] = []
    index = 0
    in_class = False
    while index < len(source):
        char = source[index]
        if char == "\\":
            item = _PROPERTY.match(source, index)
            if item is not None:
                members = _members(item.group(), flags)
                out.append(members if in_class else f"[{members}]")
                index = item.end()
                continue
            escaped = source[index + 1 : index + 2]
            if escaped in _UNSUPPORTED_ESCAPES or escaped.isdigit() or not escaped:
                raise ValueError(f"cannot mirror \\{escaped} in {source!r}")
            out.append(source[index : index + 2])
            index += 2
            continue
        if in_class:
            if char == "[" or source[index : index + 2] in _SET_OPERATORS:
                raise ValueError(f"cannot mirror a set operation in {source!r}")
            in_class = char != "]"
            out.append(char)
            index += 1
            continue
        if char == "[":
            in_class = True
            opening = "[^" if source[index + 1 : index + 2] == "^" else "["
            index += len(opening)
            if source[index : index + 1] == "]":  # a literal "]" first in the class
                opening += "\\]"
                index += 1
            out.append(opening)
            continue
        if char == "(" and source[index + 1 : index + 2] == "?":
            kind = source[index + 2 : index + 3]
            if kind not in (":", "=", "!", "<", "P", ">"):
                raise ValueError(f"cannot mirror the group (?{kind} in {source!r}")
            if kind == "<" and source[index + 3 : index + 4] not in ("=", "!"):
                raise ValueError(f"cannot mirror a named group (?<…> in {source!r}")
        out.append(char)
        index += 1
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _members(item: str, flags: int) -> str:
    """The BMP characters that ``regex`` matches with ``item``, as the ranges of a
    stdlib character class."""
    ranges = []
    for run in regex.finditer(f"[{item}]+", _plane(), flags):
        first, last = run.group()[0], run.group()[-1]
        ranges.append(_escaped(first) if first == last else f"{_escaped(first)}-{_escaped(last)}")
    return "".join(ranges)


@functools.lru_cache(maxsize=1)
def _plane() -> str:
    """Every character of the Basic Multilingual Plane, in order (surrogates included:
    a Python string may hold one)."""
    return "".join(map(chr, range(0x10000)))


def _escaped(char: str) -> str:
    return f"\\u{ord(char):04x}"
