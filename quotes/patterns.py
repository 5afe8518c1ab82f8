"""Regular expressions from the rules files: checked when loaded, bounded when run.

Rules files may hold regular expressions (``[[link]] pattern`` and ``[macros]`` in
``outlets.toml``), and a rules file may come from anyone. A pattern such as
``\\s+(?:(?:a|aa)+)+b`` backtracks exponentially: on a 60-character text it takes longer
than any archive can wait. Patterns keep the full syntax of the ``regex`` module (a safe
subset would forbid what the shipped patterns need: lookbehind, reverse matching, lazy and
possessive quantifiers); instead, two guards:

1. **At load time** every pattern is run with a short time limit against probe texts built
   from its own characters (long runs of one character, after and before a separator,
   with no way to finish the match). Exponential backtracking shows on such probes within
   a few dozen characters, so the classic catastrophic forms (nested quantifiers over
   overlapping alternatives, ``(a|aa)+``, ``(\\w+\\s?)+$``) are a :class:`RulesError` that
   names the file, the entry and the key before any text is read.
2. **At match time** every match of a rules pattern runs under the ``regex`` module's
   ``timeout=`` (:data:`MATCH_TIMEOUT` seconds per call). A pattern that passed the probes
   but blows up on some text stops there with a :class:`PatternTimeoutError` for that
   document only; the Extractor stays usable and other documents are processed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import regex

from quotes.errors import PatternTimeoutError, RulesError

__all__ = ["MATCH_TIMEOUT", "SafePattern", "check_backtracking", "compile_pattern"]

#: Seconds one match call of a rules pattern may run (the ``regex`` module checks its
#: clock now and then, so a call may overrun this by a small factor).
MATCH_TIMEOUT: float = 0.25
#: Seconds one load-time probe may run before the pattern counts as catastrophic; a probe
#: that overruns is retried with :data:`_PROBE_RETRY` to tell a busy machine from a
#: pattern that backtracks.
PROBE_TIMEOUT: float = 0.05
_PROBE_RETRY: float = 0.15
_PROBE_LENGTH = 40
_SEPARATORS = ("", " ", "-", ",", "\n")
_REPRESENTATIVES = " aA0-.,"
_MAX_ALPHABET = 16
_SYNTAX = set("()[]{}|*+?^$.\\")


class SafePattern:
    """A compiled rules pattern whose every match is bounded by :data:`MATCH_TIMEOUT`.

    It offers the methods the stages use (``match``, ``fullmatch``, ``search``,
    ``finditer``) with the ``regex`` signatures; other attributes (``groupindex``,
    ``pattern``, ``groups``) are the compiled pattern's.
    """

    __slots__ = ("_compiled", "what")

    def __init__(self, compiled: Any, what: str) -> None:
        self._compiled = compiled
        self.what = what

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"SafePattern({self.what!r})"

    def match(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        try:
            return self._compiled.match(string, pos, endpos, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise self._timed_out() from None

    def fullmatch(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        try:
            return self._compiled.fullmatch(string, pos, endpos, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise self._timed_out() from None

    def search(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        try:
            return self._compiled.search(string, pos, endpos, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise self._timed_out() from None

    def finditer(
        self, string: str, pos: int | None = None, endpos: int | None = None
    ) -> Iterator[Any]:
        # The regex module's timeout covers the whole iteration; a window of text at a time
        # is what the stages pass here.
        matches = self._compiled.finditer(string, pos, endpos, timeout=MATCH_TIMEOUT)
        try:
            yield from matches
        except TimeoutError:
            raise self._timed_out() from None

    def _timed_out(self) -> PatternTimeoutError:
        return PatternTimeoutError(
            f"{self.what}: the rules pattern ran longer than {MATCH_TIMEOUT} s on this "
            "text and was stopped (catastrophic backtracking); this document was not "
            "processed. Simplify the pattern (no nested quantifiers over overlapping "
            "alternatives) or remove it."
        )


def compile_pattern(source: str, what: str, flags: int = regex.V1) -> SafePattern:
    """``source`` compiled as a bounded rules pattern; a syntax error is a RulesError."""
    try:
        return SafePattern(regex.compile(source, flags), what)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError) as error:
        raise RulesError(f"{what}: bad pattern: {error}") from None


def check_backtracking(pattern: SafePattern | Any, what: str) -> None:
    """Raise a RulesError when ``pattern`` backtracks catastrophically on a probe text.

    The probes are runs of each character the pattern names (and a few representatives:
    space, letters, a digit, punctuation), alone or after and before a separator, each
    ended by a character nothing matches, so that a pattern that can split the run in
    exponentially many ways tries them all.
    """
    compiled = pattern._compiled if isinstance(pattern, SafePattern) else pattern
    if not nested_repeat(compiled.pattern):
        return  # without a repeated group that can match in several ways, no blow-up
    probe = _slow_probe(compiled.pattern, compiled.flags)
    if probe is not None:
        raise RulesError(
            f"{what}: the pattern backtracks catastrophically (it ran out of time on the "
            f"{len(probe)}-character text {probe[:24]!r}…); rules patterns must not nest "
            "quantifiers over overlapping alternatives such as (a|aa)+ or (\\s|\\s\\s)+"
        )


@functools.lru_cache(maxsize=1024)
def _slow_probe(source: str, flags: int) -> str | None:
    """The first probe text on which ``source`` times out twice, or None."""
    compiled = regex.compile(source, flags)
    for text in _probes(source, bool(compiled.flags & regex.REVERSE)):
        try:
            compiled.search(text, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            try:  # once more with more time: a busy machine is not a slow pattern
                compiled.search(text, timeout=_PROBE_RETRY)
            except TimeoutError:
                return text
    return None


_QUANTIFIER = regex.compile(r"(?:[*+?]|\{(\d*)(,?)(\d*)\})[?+]?")
#: A repeat bounded by at most this many rounds is not probed (its cost is polynomial).
_SMALL_REPEAT = 6


def nested_repeat(source: str) -> bool:
    """Whether ``source`` repeats a group (``+``, ``*``, ``{n,}``, ``{m,n}`` with n over
    :data:`_SMALL_REPEAT`) that itself holds a quantifier or alternatives: the shape of
    every pattern that backtracks exponentially. Patterns without one are not probed."""
    stack: list[bool] = [False]  # per open group: does it hold a quantifier or a |
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            if source[index - 1 : index] in ("p", "P", "N") and source[index : index + 1] == "{":
                index = source.find("}", index) + 1 or len(source)
            continue
        if char == "[":
            index = _class_end(source, index)
            continue
        if char == "(":
            stack.append(False)
        elif char == "|":
            stack[-1] = True
        elif char == ")" and len(stack) > 1:
            inner = stack.pop()
            quantifier = _QUANTIFIER.match(source, index + 1)
            if quantifier is not None:
                if inner and _unbounded(quantifier):
                    return True
                stack[-1] = True
                index = quantifier.end()
                continue
            stack[-1] = stack[-1] or inner
        elif _QUANTIFIER.match(source, index) and source[index : index + 2] != "(?":
            stack[-1] = True
        index += 1
    return False


def _unbounded(quantifier: Any) -> bool:
    text = quantifier.group()
    if text[0] in "*+":
        return True
    if text[0] == "?":
        return False
    low, comma, high = quantifier.groups()
    if not comma:
        return int(low or 0) > _SMALL_REPEAT
    return not high or int(high) > _SMALL_REPEAT


def _class_end(source: str, start: int) -> int:
    index = start + 1
    if source[index : index + 1] == "^":
        index += 1
    if source[index : index + 1] == "]":
        index += 1
    while index < len(source):
        if source[index] == "\\":
            index += 2
            continue
        if source[index] == "]":
            return index + 1
        index += 1
    return len(source)


def _probes(source: str, reverse: bool) -> Iterator[str]:
    alphabet = _alphabet(source)
    words = _literal_words(source)[:8]
    units = [*alphabet, *words, " a", "a "]
    # What the probe starts with (ends with, for a pattern matched in reverse): enough to
    # get past a literal opening such as "laut" or ":" before the repeated part.
    affixes = [*_SEPARATORS, *words, *(w + " " for w in words), *alphabet]
    for unit in units:
        run = unit * (_PROBE_LENGTH // len(unit))
        for affix in affixes:
            yield "\x00" + run + affix[::-1] if reverse else affix + run + "\x00"


def _literal_words(source: str) -> list[str]:
    """Words the pattern spells out, a character class read as its first character:
    ``\\b[Ll]aut\\s`` gives ``Laut``; probes start with them to get past a literal opening."""
    words: list[str] = []
    word = ""
    index = 0
    while index < len(source):
        char = source[index]
        if char == "[":
            end = _class_end(source, index)
            first = source[index + 1 : index + 2]
            word, index = (word + first, end) if first.isalpha() else ("", end)
            if not first.isalpha():
                continue
            continue
        if char.isalpha() and source[index - 1 : index] != "\\":
            word += char
        else:
            if len(word) >= 2:
                words.append(word)
            word = ""
        index += 1
    if len(word) >= 2:
        words.append(word)
    return list(dict.fromkeys(words))


def _alphabet(source: str) -> list[str]:
    """The characters ``source`` names literally, most frequent first, and a few others."""
    counts: dict[str, int] = {}
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            following = source[index + 1]
            if following in "pPN" and source[index + 2 : index + 3] == "{":
                end = source.find("}", index)
                index = end + 1 if end > 0 else len(source)
                continue
            if not following.isalnum():  # an escaped literal: \. \- \(
                counts[following] = counts.get(following, 0) + 1
            index += 2
            continue
        if char == "(" and source[index + 1 : index + 2] == "?":
            end = index + 2
            if source[end : end + 1] in ("P", "<") and source[end + 1 : end + 2] not in "=!":
                close = source.find(">", end)
                index = close + 1 if close > 0 else end
                continue
            index = end + 1
            continue
        if char not in _SYNTAX and not char.isspace():
            counts[char] = counts.get(char, 0) + 1
        index += 1
    named = sorted(counts, key=lambda c: (-counts[c], c))[:_MAX_ALPHABET]
    return named + [c for c in _REPRESENTATIVES if c not in named]
