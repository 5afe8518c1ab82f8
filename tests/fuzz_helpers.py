"""Helpers of the fuzz suite (``tests/test_fuzz*.py``, issue 9 §9).

* Profiles: ``QUOTES_FUZZ=ci`` (the default) runs a bounded number of examples with a fixed
  seed, so CI is reproducible and adds well under a minute; ``QUOTES_FUZZ=long`` runs many
  times more (100, or ``QUOTES_FUZZ_FACTOR``), randomly seeded (hypothesis's database keeps
  what it finds), for a fuzzing session of an hour or more. :func:`fuzz` gives a test its
  settings in either profile.
* Mutations of real articles: the five articles of ``seeds/`` (part of the repository; the
  Wikinews corpus is never read here) with marks deleted, duplicated or swapped for other
  kinds, control and zero-width characters, CRLF / CR line ends, very long lines, and cut
  at any point (:func:`mutated_articles`).
* Adversarial pieces: runs of marks, many quotations in one sentence, dateline lines, verbs
  of saying in one clause, repeated to any length (:func:`adversarial_pieces`).
* Long documents: made-up news, mutated articles and adversarial pieces joined into one
  text of tens of thousands of characters or more (:func:`long_documents`), for the long
  document paths of the parse backend (windows, chunks, batches).
* Malformed rules files: the shipped rules, one part of one file mutated (wrong types,
  missing and unknown keys, deep nesting) and written back as TOML or in a wrong encoding
  (:func:`mutated_rules`, :func:`to_toml`).

The marks and odd characters are those of :mod:`quotes.strategies` (one list of each).
"""

from __future__ import annotations

import functools
import json
import math
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from quotes.rules import rules_dir
from quotes.strategies import MARKS, ODD_CHARACTERS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# -- profiles -------------------------------------------------------------------------------
#: ``QUOTES_FUZZ``: ``ci`` (default) or ``long``.
PROFILE = os.environ.get("QUOTES_FUZZ", "ci").strip().lower() or "ci"
if PROFILE not in ("ci", "long"):
    raise RuntimeError(f"QUOTES_FUZZ must be 'ci' or 'long', not {PROFILE!r}")
#: How many times the long profile multiplies each test's CI budget (``QUOTES_FUZZ_FACTOR``
#: sets another: the whole long profile at 100 is several CPU hours, about 115 CPU s of
#: fuzzing in the CI profile plus the long documents at the shipped sizes).
LONG_FACTOR = int(os.environ.get("QUOTES_FUZZ_FACTOR", "100"))
if LONG_FACTOR < 1:
    raise RuntimeError(f"QUOTES_FUZZ_FACTOR must be a positive integer, not {LONG_FACTOR}")
_QUIET = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
]


def fuzz(examples: int) -> settings:
    """Settings for a fuzz test that runs ``examples`` examples in the CI profile.

    CI: a fixed seed (``derandomize``), no example database, no deadline (the machine is
    shared), no shrinking, so every run draws the same examples in bounded time. Long:
    ``LONG_FACTOR`` times as many, random, shrunk, with the database, so a failure found
    once is replayed first next time.
    """
    if PROFILE == "long":
        return settings(
            max_examples=examples * LONG_FACTOR,
            deadline=None,
            suppress_health_check=_QUIET,
            print_blob=True,
        )
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        # No shrinking: a failure prints its example at once (rerun it with QUOTES_FUZZ=long,
        # or the printed blob, for a small one) instead of minutes of shrinking in CI.
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=_QUIET,
        print_blob=True,
    )


# -- real articles, mutated -----------------------------------------------------------------
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
CONTROL = (*(chr(c) for c in range(0x20) if chr(c) not in "\n\t"), "\x7f", "\x85")
INSERTED = tuple(dict.fromkeys((*ODD_CHARACTERS, *ZERO_WIDTH, *CONTROL, "\u2028", "\u2029")))


@functools.cache
def seed_texts() -> tuple[str, ...]:
    """The articles in ``seeds/`` (sorted by file name), as their files hold them."""
    texts = tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    assert texts, f"no articles in {SEEDS}"
    return texts


def _mark_positions(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if char in MARKS]


@st.composite
def _mutation(draw: st.DrawFn, text: str) -> tuple[str, str]:
    """One mutation of ``text``: (its name, the new text)."""
    kind = draw(
        st.sampled_from(
            (
                "delete_mark",
                "duplicate_mark",
                "swap_mark",
                "insert_odd",
                "crlf",
                "cr",
                "some_crlf",
                "long_line",
                "glue",
                "truncate",
                "cut_front",
                "run_of_marks",
            )
        )
    )
    marks = _mark_positions(text)
    if kind in ("delete_mark", "duplicate_mark", "swap_mark") and not marks:
        kind = "insert_odd"
    if kind == "delete_mark":
        at = draw(st.sampled_from(marks))
        return kind, text[:at] + text[at + 1 :]
    if kind == "duplicate_mark":
        at = draw(st.sampled_from(marks))
        return kind, text[: at + 1] + text[at:]
    if kind == "swap_mark":
        at = draw(st.sampled_from(marks))
        other = draw(st.sampled_from(MARKS))
        return kind, text[:at] + other + text[at + 1 :]
    if kind == "insert_odd":
        at = draw(st.integers(0, len(text)))
        return kind, text[:at] + draw(st.sampled_from(INSERTED)) + text[at:]
    if kind == "crlf":
        return kind, text.replace("\r\n", "\n").replace("\n", "\r\n")
    if kind == "cr":
        return kind, text.replace("\r\n", "\n").replace("\n", "\r")
    if kind == "some_crlf":
        lines = text.split("\n")
        n = len(lines) - 1
        ends = draw(st.lists(st.sampled_from(("\n", "\r\n", "\r", "\n\r")), min_size=n, max_size=n))
        return kind, "".join(line + end for line, end in zip(lines, ends, strict=False)) + lines[-1]
    if kind == "long_line":
        # A line of tens of thousands of characters: the article's own words, no breaks.
        # At most ~60k characters however often it is drawn (spaCy refuses over 1M).
        copies = min(draw(st.integers(2, 6)), max(1, 60_000 // max(len(text), 1)))
        return kind, " ".join([text.replace("\r", " ").replace("\n", " ")] * copies)
    if kind == "glue":
        # A mark glued to the word before or after it: the space next to it deleted.
        if not marks:
            return kind, text
        at = draw(st.sampled_from(marks))
        if at + 1 < len(text) and text[at + 1] == " " and draw(st.booleans()):
            return kind, text[: at + 1] + text[at + 2 :]
        if at > 0 and text[at - 1] == " ":
            return kind, text[: at - 1] + text[at:]
        return kind, text
    if kind == "truncate":
        return kind, text[: draw(st.integers(0, len(text)))]
    if kind == "cut_front":
        return kind, text[draw(st.integers(0, len(text))) :]
    # run_of_marks
    at = draw(st.integers(0, len(text)))
    run = draw(st.sampled_from(MARKS)) * draw(st.integers(2, 400))
    return kind, text[:at] + run + text[at:]


@dataclass(frozen=True)
class Mutated:
    """A seed article after some mutations (``steps`` names them, in order)."""

    seed: int
    steps: tuple[str, ...]
    text: str

    def __repr__(self) -> str:  # hypothesis prints this for a failing example
        return f"Mutated(seed={self.seed}, steps={self.steps}, text={self.text!r})"


@st.composite
def mutated_articles(draw: st.DrawFn, max_chars: int | None = None) -> Mutated:
    """A seed article (or, with ``max_chars``, a stretch of one) mutated 1 to 4 times."""
    seed = draw(st.integers(0, len(seed_texts()) - 1))
    text = seed_texts()[seed]
    if max_chars is not None and len(text) > max_chars:
        start = draw(st.integers(0, len(text) - max_chars))
        text = text[start : start + max_chars]
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        name, text = draw(_mutation(text))
        steps.append(name)
    if max_chars is not None:
        text = text[: 4 * max_chars]  # a long line stays long, but bounded for the parser
    return Mutated(seed, tuple(steps), text)


# -- adversarial scale ----------------------------------------------------------------------
#: Pieces that, repeated, made some stage super-linear once (issue 9) or might.
PIECES = (
    "„Titel“, ",
    '"key": "value", ',
    "“",
    '"',
    "'",
    "„",
    "»",
    "‚",
    "„Es sagte er, ",
    "Berlin (dpa) – „Ja“, sagte er.\n",
    "Hamburg (AFP) -\n",
    "Er sagte, er sei bereit und ",
    "laut Tass laut Reuters ",
    "sagte sie der „Zeit“ ",
    "Merz: „",
    "„A“ „B“ ",
    "sagte Kremlsprecher Dmitri Peskow, ",
)


@st.composite
def adversarial_pieces(draw: st.DrawFn) -> str:
    """A short piece of text, made of 1 to 3 of :data:`PIECES`, marks and odd characters,
    meant to be repeated thousands of times with no sentence end between the copies."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(PIECES),
                st.sampled_from(MARKS).map(lambda mark: mark * 3),
                st.sampled_from(("\r\n", "\n", " ", ": ", ", ", "\u200b")),
            ),
            min_size=1,
            max_size=3,
        )
    )
    piece = "".join(parts)
    return piece if piece.strip() else piece + "„"


# -- long documents ------------------------------------------------------------------------
#: How a long document's parts are joined: paragraphs, lines, or one run-on paragraph.
_JOINS = ("\n\n", "\n", " ", "\r\n\r\n")


@dataclass(frozen=True)
class LongDocument:
    """A long document made of parts (``recipe`` names them, in order)."""

    recipe: tuple[str, ...]
    text: str

    def __repr__(self) -> str:  # the text itself is too long to print usefully
        head = self.text[:200]
        return f"LongDocument(recipe={self.recipe}, chars={len(self.text):,}, head={head!r})"


@st.composite
def long_documents(draw: st.DrawFn, chars: int) -> LongDocument:
    """A document of about ``chars`` characters (at least): made-up news paragraphs
    (``benchmarks.speed.SentenceMaker``, seeded from the draw), seed articles mutated, and
    adversarial pieces repeated tens to hundreds of times, joined by paragraph or line
    breaks or by nothing but a space (one paragraph over many parse windows)."""
    from benchmarks.speed import SentenceMaker

    maker = SentenceMaker(draw(st.integers(0, 2**32 - 1)))
    join = draw(st.sampled_from(_JOINS))
    count = draw(st.integers(2, 8))
    share = max(chars // count, 1)  # a few parts of a share each: few draws, any length

    def news(at_least: int) -> str:
        paragraphs = [maker.paragraph()]
        size = len(paragraphs[0])
        while size < at_least:
            paragraphs.append(maker.paragraph())
            size += len(paragraphs[-1]) + 2
        return "\n\n".join(paragraphs)

    parts: list[str] = []
    recipe: list[str] = [f"join={join!r}"]
    for _ in range(count):
        kind = draw(st.sampled_from(("news", "news", "article", "piece")))
        if kind == "news":
            part = news(share)
        elif kind == "article":
            article = draw(mutated_articles())
            part = article.text
            kind = f"article {article.seed} {'+'.join(article.steps)}"
        else:
            piece = draw(adversarial_pieces())
            copies = max(1, min(share, 20_000) // len(piece))
            part = piece * copies
            kind = f"piece {piece!r} x{copies}"
        parts.append(part)
        recipe.append(kind)
    size = sum(map(len, parts)) + len(join) * (len(parts) - 1)
    if size < chars:
        parts.append(news(chars - size))
        recipe.append("news")
    return LongDocument(tuple(recipe), join.join(parts))


# -- rules files ----------------------------------------------------------------------------
@functools.cache
def shipped_rules() -> dict[str, dict[str, Any]]:
    """The shipped rules files' data, by file stem."""
    data = {}
    for path in sorted((rules_dir() / "de").glob("*.toml")):
        with path.open("rb") as handle:
            data[path.stem] = tomllib.load(handle)
    return data


#: Values of every TOML type, to put where another type is wanted.
WRONG_VALUES: tuple[Any, ...] = (
    5,
    -1,
    0,
    2**70,
    1.5,
    math.inf,
    math.nan,
    True,
    "",
    "x",
    "Dr.",
    [],
    [1, 2],
    ["a", 5],
    [[]],
    {},
    {"x": 1},
    [{"x": 1}],
)


@dataclass(frozen=True)
class RulesMutation:
    """A user rules file: ``stem``.toml holding ``data``, whose key ``key`` was mutated.

    ``key`` is the innermost key (of a table or an entry) on the mutated path: a
    :class:`quotes.RulesError` about this file must name it.
    """

    stem: str
    toml: str
    how: str
    key: str
    path: tuple[str | int, ...]

    def __repr__(self) -> str:  # short: the value may be nested thousands deep
        shown = self.toml
        shown = shown if len(shown) < 300 else shown[:300] + f"… ({len(shown)} characters)"
        return f"RulesMutation({self.stem}.toml, {self.how} at {self.path}: {shown!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis's printer
        printer.text(repr(self))


@dataclass(frozen=True)
class _Nested:
    """An empty array nested ``depth`` deep (written as brackets: no recursion)."""

    depth: int


def _pick(draw: st.DrawFn, value: Any, path: list[str | int]) -> list[str | int]:
    """A random path from ``value`` down (possibly empty: the value itself)."""
    while draw(st.booleans()):
        if isinstance(value, dict) and value:
            key = draw(st.sampled_from(sorted(value)))
        elif isinstance(value, list) and value:
            key = draw(st.integers(0, len(value) - 1))
        else:
            break
        path.append(key)
        value = value[key]
    return path


def _get(data: Any, path: list[str | int]) -> Any:
    for key in path:
        data = data[key]
    return data


@st.composite
def mutated_rules(draw: st.DrawFn) -> RulesMutation:
    """One top-level key of one shipped rules file (for lists of entries: one entry, for
    long lists a few items), with one value changed, a key deleted or an unknown key
    added, somewhere inside it."""
    stem = draw(st.sampled_from(sorted(shipped_rules())))
    top = draw(st.sampled_from(sorted(shipped_rules()[stem])))
    value = json.loads(json.dumps(shipped_rules()[stem][top]))  # a deep copy
    if isinstance(value, list) and value:
        start = draw(st.integers(0, len(value) - 1))
        value = value[start : start + draw(st.integers(1, 3))]
    data = {top: value}
    path = _pick(draw, value, [top])
    how = draw(st.sampled_from(("wrong_value", "delete_key", "unknown_key", "nest", "wrap")))
    target = _get(data, path)
    parent = _get(data, path[:-1])
    if how == "delete_key":
        if isinstance(target, dict) and target:
            removed = draw(st.sampled_from(sorted(target)))
            del target[removed]
            path = [*path, removed]
        else:
            how = "wrong_value"
    if how == "unknown_key":
        if isinstance(target, dict):
            name = draw(st.sampled_from(("foo", "Stem", "lemma ", "x-y", "ä")))
            if name in target:
                name += "_unknown"
            target[name] = draw(st.sampled_from(WRONG_VALUES))
            path = [*path, name]
        else:
            how = "wrong_value"
    if how in ("wrong_value", "nest", "wrap"):
        if how == "nest":
            depth = draw(st.integers(2, 3000))
            new: Any = _Nested(depth)
        elif how == "wrap":
            new = [target]
        else:
            new = draw(st.sampled_from(WRONG_VALUES))
        if len(path) == 1:
            data[top] = new
        else:
            parent[path[-1]] = new
    keys = [k for k in path if isinstance(k, str)]
    return RulesMutation(stem, to_toml(data), how, keys[-1], tuple(path))


def _toml_key(key: str) -> str:
    return (
        key
        if key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
        else (_toml_value(key))
    )


def _toml_value(value: Any) -> str:
    if isinstance(value, _Nested):
        return "[" * value.depth + "]" * value.depth
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # TOML basic strings escape alike
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(f"no TOML for {type(value).__name__}")


def to_toml(data: dict[str, Any]) -> str:
    """``data`` as TOML, every value inline (TOML 1.0; ``tomllib`` reads it back)."""
    return "".join(f"{_toml_key(k)} = {_toml_value(v)}\n" for k, v in data.items())


#: Encodings a careless user might save a rules file in (UTF-8 with a BOM is fine for some
#: readers, so either outcome is allowed for it; the others are not UTF-8).
ENCODINGS = ("utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig")

#: Shapes of user regular expressions that backtrack catastrophically.
CATASTROPHIC_SHAPES: tuple[Callable[[str, str], str], ...] = (
    lambda a, b: rf"\s+(?:(?:{a}|{a}{a})+)+{b}",
    lambda a, b: rf"(?:{a}+)+{b}",
    lambda a, b: rf"(?:{a}|{a}?)+{b}",
    lambda a, b: rf"(?:{a}*{a}*)+{b}",
    lambda a, b: rf"\b(?:\w+\s?)+{b}",
    lambda a, b: rf"(?:(?:{a}{a}|{a})*)*{b}",
    lambda a, b: rf"(?:[{a}x]+)*{b}",
)
