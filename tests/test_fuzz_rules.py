"""Fuzzing the rules loader (issue 9 §9): malformed user rules files.

Every malformed file is a :class:`quotes.RulesError` that names the file and the key,
never another exception: the shipped rules with one part of one file mutated (a value of
another type, a key deleted, an unknown key, deep nesting, a value wrapped in a list),
files in other encodings or cut anywhere, unknown file names, and user regular
expressions that backtrack catastrophically. A file the loader accepts gives an
Extractor that runs on the seed articles. Budgets: ``tests/fuzz_helpers.py``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from fuzz_helpers import (
    CATASTROPHIC_SHAPES,
    ENCODINGS,
    RulesMutation,
    fuzz,
    mutated_rules,
    seed_texts,
    shipped_rules,
    to_toml,
)
from hypothesis import given
from hypothesis import strategies as st

from quotes import Extractor, PatternTimeoutError, RulesError
from quotes.rules import load_rules
from quotes.testing import check_invariants


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _load(folder: Path) -> RulesError | None:
    """The RulesError of loading ``folder`` (None if it loads); any other exception fails."""
    try:
        load_rules("de", [folder])
    except RulesError as error:
        return error
    return None


def test_the_toml_writer_round_trips_every_shipped_file() -> None:
    import tomllib

    for stem, data in shipped_rules().items():
        assert tomllib.loads(to_toml(data)) == data, stem


@fuzz(50)
@given(mutated_rules())
def test_mutated_rules_are_a_rules_error_naming_file_and_key(mutation: RulesMutation) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), f"{mutation.stem}.toml", mutation.toml)
        error = _load(Path(folder))
        if error is None:
            return  # the mutation happened to be valid (another string where one is wanted)
        message = str(error)
        assert str(path) in message, message
        assert mutation.key in message, (mutation.key, message)


@fuzz(5)
@given(mutated_rules())
def test_accepted_rules_give_an_extractor_that_runs(mutation: RulesMutation) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), f"{mutation.stem}.toml", mutation.toml)
        if _load(Path(folder)) is not None:
            return
        try:
            extractor = Extractor("rules", rules=[folder])
        except RulesError as error:  # a check that needs the compiled rules (patterns)
            assert str(path) in str(error)
            return
        text = seed_texts()[0]
        check_invariants(text, extractor.extract(text))


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("stem", ["document", "cues", "names", "outlets"])
def test_rules_in_other_encodings(tmp_path: Path, stem: str, encoding: str) -> None:
    data = {key: shipped_rules()[stem][key] for key in sorted(shipped_rules()[stem])[:1]}
    text = to_toml(data)
    if not any(ord(c) > 127 for c in text):
        text = "# Prüfung\n" + text  # something the encoding spells differently from UTF-8
    path = _write(tmp_path, f"{stem}.toml", text.encode(encoding))
    error = _load(tmp_path)
    if encoding == "utf-8-sig" and error is None:
        return  # a byte-order mark may be accepted
    assert error is not None and str(path) in str(error)


@fuzz(25)
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace")))
def test_random_bytes_as_a_rules_file(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "cues.toml", content)
        error = _load(Path(folder))
        assert error is None or str(path) in str(error)


@fuzz(20)
@given(st.sampled_from(sorted(shipped_rules())), st.integers(0, 10**6), st.data())
def test_a_rules_file_cut_anywhere(stem: str, at: int, data: st.DataObject) -> None:
    text = (Path(__file__).resolve().parent.parent / "rules" / "de" / f"{stem}.toml").read_bytes()
    cut = text[: at % (len(text) + 1)]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), f"{stem}.toml", cut)
        error = _load(Path(folder))
        assert error is None or str(path) in str(error)


@fuzz(10)
@given(st.from_regex(r"[a-zA-Z0-9_äß.-]{1,12}", fullmatch=True))
def test_unknown_file_names(name: str) -> None:
    stems = set(shipped_rules())
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), f"{name}.toml", "x = 1\n")
        error = _load(Path(folder))
        if name in stems:
            assert error is not None and "'x'" in str(error)  # known file, unknown key
        else:
            assert error is not None and f"{name}.toml" in str(error)


# -- user regular expressions --------------------------------------------------------------
@fuzz(6)
@given(
    st.sampled_from(CATASTROPHIC_SHAPES),
    st.sampled_from(("a", "x", r"\w", r"\s", "e", "[ab]")),
    st.sampled_from(("b", "!", "$", ":", r"\d")),
    st.sampled_from(("before", "after")),
)
def test_catastrophic_user_patterns_are_caught_or_bounded(
    shape: object, unit: str, end: str, position: str
) -> None:
    pattern = shape(unit, end)  # type: ignore[operator]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(
            Path(folder),
            "outlets.toml",
            f'[[link]]\nrelation = "x"\nposition = "{position}"\npattern = \'{pattern}\'\n',
        )
        try:
            extractor = Extractor("rules", rules=[folder])
        except RulesError as error:  # caught at load time, by the probes
            assert f"{path}: [[link]] #1, key 'pattern'" in str(error), str(error)
            return
        # It slipped past the probes: each match is bounded, the document stops with a
        # clear error or ends, and the Extractor goes on with the next one.
        letters = "a" if unit.startswith("\\") or unit.startswith("[") else unit
        hostile = "„Wir sind bereit“, sagte Scholz. Die dpa " + letters * 40 + " ?"
        began = time.process_time()
        try:
            check_invariants(hostile, extractor.extract(hostile))
        except PatternTimeoutError as error:
            assert "stopped" in str(error)
        # A hang guard only (MATCH_TIMEOUT bounds each match; the module may overrun it).
        assert time.process_time() - began < 30
        text = "„Wir sind bereit“, sagte Scholz der dpa."
        assert [a.speaker.name for a in extractor.extract(text) if a.speaker] == ["Olaf Scholz"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("abbreviations = " + "[" * 3000 + "]" * 3000 + "\n", "line 1, key 'abbreviations'"),
        (
            '# a [comment\nno_split_after_ordinal = ["[x"]\nabbreviations = '
            + "[" * 3000
            + "]" * 3000
            + "\n",
            "line 3, key 'abbreviations'",
        ),
    ],
)
def test_nesting_too_deep_names_the_line_and_key(tmp_path: Path, text: str, where: str) -> None:
    path = _write(tmp_path, "document.toml", text)
    error = _load(tmp_path)
    assert error is not None and f"{path}: {where}: " in str(error), str(error)
