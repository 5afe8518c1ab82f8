"""User regular expressions in the rules: checked at load, bounded at match (issue 9 §4)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import quotes
from quotes import Extractor, PatternTimeoutError, RulesError
from quotes.patterns import check_backtracking, compile_pattern, nested_repeat
from quotes.rules import load_rules

# The reproducer of issue 9: 10 s of extract() on a 60-character text, tripling every two
# characters.
CATASTROPHIC = r"\s+(?:(?:a|aa)+)+b"
# Exponential as well, but spelled with escapes (x, y) so that the load-time probes, which
# are built from the characters a pattern names, do not see it: only the match-time bound
# stops it.
HIDDEN = r"\s(?:(?:\x78\x79|\x78\x79\x78\x79)+)+!"
HIDDEN_TEXT = "„Wir sind bereit“, sagte Scholz. Die dpa " + "xy" * 40 + "?"


def link_rules(folder: Path, pattern: str, position: str = "before") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "outlets.toml"
    path.write_text(
        f'[[link]]\nrelation = "x"\nposition = "{position}"\npattern = \'{pattern}\'\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("position", ["before", "after"])
def test_catastrophic_link_pattern_is_a_rules_error_at_load(tmp_path: Path, position: str) -> None:
    path = link_rules(tmp_path / position, CATASTROPHIC, position)
    started = time.monotonic()
    with pytest.raises(RulesError, match="backtracks catastrophically") as caught:
        Extractor(rules=[path.parent])
    assert time.monotonic() - started < 30
    assert f"{path}: [[link]] #1, key 'pattern'" in str(caught.value)


def test_catastrophic_macro_is_a_rules_error_at_load(tmp_path: Path) -> None:
    (tmp_path / "outlets.toml").write_text("[macros]\nadj = '(?:(?:e|ee)+)+n'\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"\[macros\], key 'adj': the pattern backtracks"):
        Extractor(rules=[tmp_path])


def test_bad_pattern_syntax_is_a_rules_error(tmp_path: Path) -> None:
    link_rules(tmp_path, "(unclosed")
    with pytest.raises(RulesError, match="bad pattern"):
        Extractor(rules=[tmp_path])


@pytest.mark.parametrize(
    "pattern",
    [
        CATASTROPHIC,
        r"\b(?:[Ll]aut(?:\s|\s\s)+)+:",  # a literal opening before the repeated part
        r"[Ll]aut(?:\s*(?:\w|\w\w))*:",
        r"(?r)\b(?:[Ll]aut(?:\s|\s\s)+)+:",  # matched in reverse
        r"(?:(?:xy|xyxy)+)+!",  # a repeated unit of two characters
        r"(?:(?:a|aa){1,30}){1,30}b",  # large bounded repeats
    ],
)
def test_probes_catch_catastrophic_shapes(pattern: str) -> None:
    with pytest.raises(RulesError, match="backtracks catastrophically"):
        check_backtracking(compile_pattern(pattern, "test"), "test")


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\s+\w+)+x",
        r"(?:[Ll]aut|[Gg]emäß)+\s",
        r"(?:\w+,\s*)+und",
        r"\b(?P<link>sagte)(?:\s+[^\s,.;:!?]+){0,6}?\s+(?:zur|zum)",
    ],
)
def test_probes_accept_patterns_that_do_not_blow_up(pattern: str) -> None:
    check_backtracking(compile_pattern(pattern, "test"), "test")


def test_only_repeated_groups_with_choices_are_probed() -> None:
    assert nested_repeat(r"(?:a|aa)+")
    assert nested_repeat(r"(?:\s+\w+)*")
    assert not nested_repeat(r"(?:\s+\w+){0,3}")  # a small bounded repeat
    assert not nested_repeat(r"[(a|b)+]+")  # a character class, not a group
    assert not nested_repeat(r"\(a|b\)+")  # escaped parentheses
    assert not nested_repeat(r"\b[Gg]egenüber")


def test_shipped_patterns_pass_the_load_time_check() -> None:
    Extractor()  # raises RulesError on any shipped pattern that fails the probes
    rules = load_rules("de")
    assert rules["outlets"]["link"] and rules["outlets"]["macros"]


def test_hidden_catastrophic_pattern_stops_at_match_time_for_that_document(
    tmp_path: Path,
) -> None:
    link_rules(tmp_path, HIDDEN, "after")
    extractor = Extractor(rules=[tmp_path])  # the probes do not see it
    started = time.monotonic()
    with pytest.raises(PatternTimeoutError, match="stopped") as caught:
        extractor.extract(HIDDEN_TEXT)
    assert time.monotonic() - started < 15  # unbounded, this takes longer than a lifetime
    assert isinstance(caught.value, quotes.QuotesError)
    # The same extractor goes on with the next document.
    [found] = extractor.extract("„Wir sind bereit“, sagte Scholz der dpa.")
    assert found.speaker is not None and found.speaker.name == "Olaf Scholz"


def test_timeout_does_not_hit_long_ordinary_text() -> None:
    sentence = "„Wir sind bereit“, sagte Scholz der dpa. Laut Reuters und AFP kam er spät. "
    found = Extractor().extract(sentence * 2000)  # 150,000 characters
    assert len(found) == 2000


def test_cli_goes_on_after_a_document_that_times_out(tmp_path: Path) -> None:
    rules = link_rules(tmp_path / "rules", HIDDEN, "after").parent
    (tmp_path / "a.txt").write_text(HIDDEN_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("„Wir sind bereit“, sagte Scholz.", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    inputs = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    done = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "--rules", str(rules), *inputs],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 1
    assert "Olaf Scholz" in done.stdout and "b.txt" in done.stdout
    [line] = [x for x in done.stderr.splitlines() if "a.txt" in x]
    assert "PatternTimeoutError" in line and "stopped" in line
