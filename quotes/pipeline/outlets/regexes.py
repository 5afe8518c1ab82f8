"""The regex builders of :mod:`quotes.pipeline.outlets.compiled`: a character trie of
the gazetteer's aliases (each text position costs O(alias length)), the weak adjective
form of a multi-word name ("der Süddeutschen Zeitung"), the organisation-name pattern,
and the ``[macros]`` of ``outlets.toml``, expanded and checked for catastrophic
backtracking. Every rules pattern compiles through :func:`regex`, bounded in time
(:mod:`quotes.patterns`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import regex

from quotes.errors import RulesError
from quotes.patterns import check_backtracking, compile_pattern

__all__ = [
    "alternation",
    "build_trie",
    "check_macros",
    "expander",
    "first_character_trie",
    "gazetteer_pattern",
    "inflected",
    "macro_table",
    "org_name_pattern",
    "rules_regex",
    "trie_regex",
]

_MACRO = re.compile(r"\{([a-z_]+)\}")


def inflected(alias: str) -> list[str]:
    """The alias and, for multi-word names, its weak adjective form.

    German declines the adjectives in a name ("die Süddeutsche Zeitung", "der
    Süddeutschen Zeitung"); every capitalised non-final word of four or more letters that
    ends in -e gets an -n. Forms that never occur cost nothing.
    """
    words = alias.split(" ")
    if len(words) < 2:
        return [alias]
    declined = [
        word + "n"
        if index < len(words) - 1 and len(word) >= 4 and word[0].isupper() and word.endswith("e")
        else word
        for index, word in enumerate(words)
    ]
    other = " ".join(declined)
    return [alias] if other == alias else [alias, other]


def gazetteer_pattern(aliases: Mapping[str, Any]) -> re.Pattern[str] | None:
    """One regex for all aliases: a character trie, so each position costs O(alias length)."""
    if not aliases:
        return None
    body = trie_regex(build_trie(aliases))
    # Not inside a word or after a hyphen; a hyphen may follow ("dpa-Meldung").
    return re.compile(r"(?<![\w-])(?:" + body + r")(?!\w)")


def first_character_trie(words: Iterable[str], not_after: str) -> str:
    """``(?<!not_after)(?:trie of words)``, with the look-behind moved behind each first
    character: a pattern that starts with its first characters lets the stdlib engine scan
    for them instead of trying the look-behind at every position of the text (3x faster on
    news text); it matches the same."""
    trie = build_trie(words)
    if "" in trie:  # the empty word: no first character to scan for
        return rf"(?<!{not_after})(?:{trie_regex(trie)})"
    alternatives = [
        re.escape(first) + rf"(?<!{not_after}{re.escape(first)})" + trie_regex(trie[first])
        for first in sorted(trie)
    ]
    return "(?:" + "|".join(alternatives) + ")"


def build_trie(words: Iterable[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def trie_regex(node: Mapping[str, Any]) -> str:
    # Iterative on purpose: an alias of a few hundred characters must not hit the recursion
    # limit. Children are rendered after their own children, bottom-up: a node's children
    # leave their patterns on ``done`` in key order, and the node takes them off.
    done: list[str] = []
    stack: list[tuple[Mapping[str, Any], bool]] = [(node, False)]
    while stack:
        current, ready = stack.pop()
        keys = sorted(k for k in current if k)
        if not ready:
            stack.append((current, True))
            # Pushed last key first, so the first key is rendered (and lands on ``done``)
            # first.
            stack.extend((current[k], False) for k in reversed(keys))
            continue
        children = done[len(done) - len(keys) :] if keys else []
        del done[len(done) - len(keys) :]
        alternatives = [re.escape(k) + child for k, child in zip(keys, children, strict=True)]
        if not alternatives:
            done.append("")
            continue
        singles = [a for a in alternatives if len(a) == 1 or (len(a) == 2 and a[0] == "\\")]
        multi = [a for a in alternatives if a not in singles]
        parts = multi + (
            [f"[{''.join(singles)}]" if len(singles) > 1 else singles[0]] if singles else []
        )
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if "" in current:
            body = f"(?:{body})?"
        done.append(body)
    return done[0]


def org_name_pattern(heads: Sequence[str], names: Mapping[str, str]) -> str:
    known = alternation(names)
    parts = []
    if known:
        parts.append(rf"(?:{known})(?![\w-])")
    if heads:
        lower = "|".join(regex.escape(h) for h in heads)
        upper = "|".join(regex.escape(h[:1].upper() + h[1:]) for h in heads)
        parts.append(
            rf"(?:[\p{{Lu}}\d][\p{{L}}\d]*-)*(?:\p{{Lu}}\p{{Ll}}*?(?:{lower})|(?:{upper}))"
            r"(?:es|s)?(?![\w-])"
        )
    return "|".join(parts) or "(?!)"


def macro_table(data: Mapping[str, Any]) -> dict[str, str]:
    table = data.get("macros", {})
    if not isinstance(table, Mapping):
        raise RulesError("outlets.toml: [macros] must be a table of patterns")
    out: dict[str, str] = {}
    for name, value in table.items():
        if not isinstance(value, str):
            raise RulesError(f"outlets.toml: macro {name!r} must be a string")
        out[str(name)] = value
    for required in ("det", "adj", "carrier"):
        out.setdefault(required, "(?!)")
    out.setdefault("report_gap", r"(?:\s+[^\s,.;:!?]+){0,4}?")
    return out


def expander(macros: Mapping[str, str]) -> Any:
    def expand(pattern: str, what: str, depth: int = 0) -> str:
        if depth > 8:
            raise RulesError(f"outlets.toml: macros nest too deeply in {what}")

        def replace(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in macros:
                raise RulesError(f"outlets.toml: unknown macro {{{name}}} in {what}")
            return "(?:" + expand(macros[name], what, depth + 1) + ")"

        return _MACRO.sub(replace, pattern)

    return expand


def rules_regex(source: str, what: str) -> Any:
    # Every match of a rules pattern is bounded in time (quotes.patterns).
    return compile_pattern(source, f"outlets.toml: {what}")


def check_macros(table: Mapping[str, str], expand: Any) -> None:
    """Each macro on its own must not backtrack catastrophically (they are user patterns)."""
    for name, value in table.items():
        try:
            compiled = regex.compile(expand(value, f"macro {name!r}"), regex.V1)
        except (regex.error, ValueError, TypeError, OverflowError):
            continue  # a fragment that only compiles in place; checked in its patterns
        check_backtracking(compiled, f"outlets.toml: [macros], key {name!r}")


def alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
