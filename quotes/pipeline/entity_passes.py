"""The entity scan's whole-text passes, each a cheap search for where a full pattern can
match, then the full pattern only there: given names that may start a full name,
organisations whose last word is a class noun, words of a named list, organisations with a
complement ("Bundesamt für Migration"). Each gives exactly the matches of its full pattern
(``tests/pipeline/test_scan_prefilters.py`` checks them on every corpus text)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import regex

from quotes.mirrored import Mirrored, in_bmp
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.outlets.regexes import build_trie, trie_regex

__all__ = [
    "CAPITALISED_WORDS",
    "COMPLEMENT",
    "anchored_matches",
    "class_matches",
    "complements",
    "given_name_candidates",
    "name_after_role",
    "name_candidates",
    "opener_matches",
]

# A word that begins with a letter and has a next word: where a full name can start.
_CAPITALISED_BEFORE_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]*(?=\s+\S)")
# A capitalised word of letters and hyphens before a space (not after a letter or hyphen:
# the look-behind after the capital, so the scan can skip to capitals), and what a class
# noun is made of.
_CAPITALISED_RUN = Mirrored(r"\p{Lu}(?<![\p{L}-]\p{Lu})[\p{L}-]*+(?=\s)")
_WORD_CHARS = regex.compile(r"[\p{L}-]+", regex.V1)

COMPLEMENT = regex.compile(
    r"(?<![\p{L}-])(?P<head>\p{Lu}[\p{L}-]+)\s+(?P<link>für|zur|zum)\s+"
    r"(?:(?:die|den|das|der)\s+)?(?:\p{Ll}+e[nmrs]?\s+|\p{Lu}\p{Ll}+(?:isch|lich|ig)e[nmrs]?\s+)?"
    r"\p{Lu}[\p{L}-]+"
    r"(?:\s+und\s+(?:\p{Ll}+e[nmrs]?\s+)?\p{Lu}[\p{L}-]+){0,2}",
    regex.V1,
)
# The linking words of COMPLEMENT, and the head word with the spaces before one (read
# backwards from the linking word: the whole word, as COMPLEMENT's look-behind demands).
_COMPLEMENT_LINK = re.compile(r"für|zur|zum")
_HEAD_BEFORE_LINK = regex.compile(r"(?r)(?<![\p{L}-])\p{Lu}[\p{L}-]+\s+", regex.V1)


# Three or more capitalised words on one line, where a role noun and a name may stand
# ("Der Lette Kristaps Porzingis").
# (The look-behind after the first capital, as in _CAPITALISED_RUN. The words and spaces
# are possessive: a word given back would end before a letter, which neither a space nor
# the end can follow, so they match as greedy ones would, without trying that.)
CAPITALISED_WORDS = Mirrored(
    r"\p{Lu}(?<![\p{L}'’-]\p{Lu})[\p{L}'’-]*+(?:[ \t]++\p{Lu}[\p{L}'’-]*+){2,}(?![\p{L}'’-])"
)


def name_after_role(
    words: list[tuple[int, int, str]], i: int, lex: Lexicon
) -> list[tuple[int, int, str]]:
    """The parts of a full name that no given name opens, after the role noun
    ``words[i]`` of a run of capitalised words: two or three, else none. The first part is
    a word no dictionary knows (no given name, role, organisation or common noun); a later
    one is no dictionary word itself ("Freeland" only ends like "Land"; "Versagen" is a
    word), no role and no organisation's name."""
    first = words[i + 1][2]
    if (
        lex.role_gender(words[i][2], "") is None
        or first in lex.given_names
        or first in lex.not_speakers
        or lex.role_of(first)
        or lex.is_organization_word(first)
        or lex.is_common_word(first)
    ):
        return []
    parts = [words[i + 1]]
    for part in words[i + 2 : i + 4]:
        word = part[2]
        if (
            word.lower() in lex.noun_genders
            or word.lower() in lex.verb_forms
            or word in lex.not_speakers
            or lex.role_of(word)
            or word in lex.organization_names
            or word in lex.organization_aliases
        ):
            break
        parts.append(part)
    return parts if len(parts) >= 2 else []


def name_candidates(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """The matches of ``_CAPITALISED_BEFORE_WORD.finditer(text)`` whose first letter starts
    a given name (the others cannot start a full name), found by a cheaper pattern."""
    if lex.given_name_initials is None:
        yield from _CAPITALISED_BEFORE_WORD.finditer(text)
        return
    for m in lex.given_name_initials.finditer(text):
        start = m.start()
        if start and text[start - 1] in "'’":
            # Inside a word ("l’Anna"): a candidate only where the word's own match starts.
            run = start - 1
            while run and (text[run - 1].isalnum() or text[run - 1] in "_'’-"):
                run -= 1
            first = _CAPITALISED_BEFORE_WORD.search(text, run)
            if first is None or first.start() != start:
                continue
        yield m


def given_name_candidates(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """The matches of :func:`name_candidates` whose first part (up to a hyphen) is a given
    name, in text order: in a text without apostrophes, tried only where a given name
    starts that a hyphen or the end of the word follows (one pass of a character trie of
    the names), since there each candidate is the initials pattern's match at its start."""
    given = lex.given_names
    starts = _given_name_starts(lex)
    if starts is None or lex.given_name_initials is None or "'" in text or "’" in text:
        for candidate in name_candidates(text, lex):
            if candidate.group().split("-")[0] in given:
                yield candidate
        return
    initials = lex.given_name_initials
    found = starts.search(text)
    while found is not None:
        at = found.start()
        m = initials.match(text, at)
        if m is not None and m.group().split("-")[0] in given:
            yield m
        found = starts.search(text, at + 1)


#: The pattern of :func:`_given_name_starts` per given-name table (by identity).
_GIVEN_STARTS: dict[int, tuple[object, re.Pattern[str] | None]] = {}


def _given_name_starts(lex: Lexicon) -> re.Pattern[str] | None:
    """A given name followed by a hyphen or by no word character or apostrophe (None
    without given names free of hyphens), built once per given-name table."""
    given = lex.given_names
    entry = _GIVEN_STARTS.get(id(given))
    if entry is None or entry[0] is not given:
        names = [name for name in given if name and "-" not in name]
        pattern = (
            re.compile("(?:" + trie_regex(build_trie(names)) + r")(?=[^\w'’]|\Z)")
            if names
            else None
        )
        if len(_GIVEN_STARTS) >= 16:
            _GIVEN_STARTS.clear()
        entry = _GIVEN_STARTS[id(given)] = (given, pattern)
    return entry[1]  # type: ignore[return-value]


def class_matches(text: str, lex: Lexicon, bmp: bool | None = None) -> Iterator[regex.Match[str]]:
    """``lex.organization_class_pattern.finditer(text)``, tried only at the capitalised
    words that end in a class noun (the pattern's class is a whole word ending in one).
    ``bmp``: whether ``text`` is all BMP (:func:`quotes.mirrored.in_bmp`; found out here
    when not given)."""
    pattern = lex.organization_class_pattern
    assert pattern is not None
    classes = _folded_classes(tuple(lex.organization_classes))
    if classes is None:
        yield from pattern.finditer(text)
        return
    ends_in_class = _class_word_memo(classes)
    # The distinct capitalised words first (one pass in C), then the places of those that
    # end in a class: a Python step per distinct word, not per capitalised word of the
    # text, and none at all for the many texts that name no class.
    runs = _CAPITALISED_RUN.on(in_bmp(text) if bmp is None else bmp)
    class_words = []
    for written in set(runs.findall(text)):
        found = ends_in_class.get(written)
        if found is None:
            if len(ends_in_class) >= _CLASS_MEMO_SIZE:  # bounded, whatever the input
                ends_in_class.clear()
            found = ends_in_class[written] = written.casefold().endswith(classes)
        if found:
            class_words.append(written)
    if not class_words:
        return
    last_end = 0
    for start in sorted(at for word in class_words for at in _run_offsets(runs, text, word)):
        if start < last_end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            last_end = m.end()


def _run_offsets(runs: Any, text: str, written: str) -> Iterator[int]:
    """Where ``runs.finditer(text)`` (``_CAPITALISED_RUN`` for ``text``) matches
    ``written``: each place the word stands at that is such a run, the whole run (not a
    part of a longer word)."""
    at = text.find(written)
    while at >= 0:
        run = runs.match(text, at)
        if run is not None and run.end() == at + len(written):
            yield at
        at = text.find(written, at + 1)


def anchored_matches(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern of :func:`entity_lexicon._names_regex`
    (look-arounds around one named list of words): tried only where one of the words
    starts, found by a stdlib character trie of them (the ``regex`` engine tries the list at
    every position, at about three times the cost). Any other pattern runs as it is."""
    prefilter = _list_prefilter(pattern)
    if prefilter is None:
        yield from pattern.finditer(text)
        return
    last_end = 0
    found = prefilter.search(text)
    while found is not None:
        at = found.start()
        if at >= last_end:
            m = pattern.match(text, at)
            if m is not None:
                yield m
                last_end = m.end()
        found = prefilter.search(text, at + 1)


def opener_matches(text: str, lex: Lexicon) -> Iterator[regex.Match[str]]:
    """``lex.organization_opener_pattern.finditer(text)``: none, without a scan, in a text
    where no opener of its list stands (most texts), since each match holds one
    (:func:`entity_lexicon._opener_regex`: ``\\L<openers>``, not optional)."""
    pattern = lex.organization_opener_pattern
    assert pattern is not None
    openers = getattr(pattern, "named_lists", {}).get("openers")
    if openers and not any(opener in text for opener in openers):
        return
    yield from pattern.finditer(text)


@functools.lru_cache(maxsize=16)
def _list_prefilter(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    """Where a word of the pattern's one named list starts (see :func:`anchored_matches`);
    None for a pattern with no such list, or an empty word in it."""
    lists = getattr(pattern, "named_lists", None)
    if not lists or len(lists) != 1:
        return None
    (words,) = lists.values()
    if not words or not all(isinstance(w, str) and w for w in words):
        return None
    # A character trie: only where a word starts counts, and that is the same for any
    # alternation of the words; the trie tries one branch a character, not every word.
    return re.compile(trie_regex(build_trie(words)))


def complements(text: str) -> Iterator[regex.Match[str]]:
    """``COMPLEMENT.finditer(text)``, tried only at the capitalised word before each
    linking word: a match starts at the whole word (letters and hyphens) that ends right
    before the spaces before its linking word, so no other position can start one."""
    last_end = 0
    for link in _COMPLEMENT_LINK.finditer(text):
        head = _HEAD_BEFORE_LINK.match(text, 0, link.start())
        if head is None or head.start() < last_end:
            continue
        m = COMPLEMENT.match(text, head.start())
        if m is not None:
            yield m
            last_end = m.end()


#: How many words :func:`class_matches` keeps its answer for, per class-noun list.
_CLASS_MEMO_SIZE = 8_192


@functools.lru_cache(maxsize=16)
def _class_word_memo(classes: tuple[str, ...]) -> dict[str, bool]:
    """Whether a word ends in one of ``classes`` (folded), per word: a memo, one per list
    (the words of news text repeat; a casefold and a test against every class each)."""
    return {}


@functools.lru_cache(maxsize=16)
def _folded_classes(classes: tuple[str, ...]) -> tuple[str, ...] | None:
    """The class nouns case-folded, once per lexicon (not per document); None unless each
    is a whole word of letters and hyphens (see :func:`class_matches`)."""
    folded = tuple(c.casefold() for c in classes)
    return folded if all(_WORD_CHARS.fullmatch(c) for c in folded) else None
