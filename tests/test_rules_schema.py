"""Rules files are validated at load time against quotes.schema (issue 9 §3)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import pytest

from quotes import Extractor, RulesError, schema
from quotes.rules import Rules, load_rules, rules_dir

SHIPPED = sorted((rules_dir() / "de").glob("*.toml"))


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_error(folder: Path) -> str:
    with pytest.raises(RulesError) as caught:
        load_rules("de", [folder])
    return str(caught.value)


# -- the shipped rules -------------------------------------------------------------------


def test_every_shipped_file_has_a_schema_and_validates() -> None:
    assert {p.stem for p in SHIPPED} == set(schema.FILES)
    for path in SHIPPED:
        with path.open("rb") as handle:
            schema.structure(path.stem, tomllib.load(handle))  # raises on any fault
    rules = load_rules("de")
    assert isinstance(rules, Rules) and set(rules) == set(schema.FILES)


def test_plain_view_is_the_files_data_without_defaults() -> None:
    rules = load_rules("de")
    with (rules_dir() / "de" / "document.toml").open("rb") as handle:
        assert rules["document"] == tomllib.load(handle)
    cues = rules.typed("cues")
    assert cues.verb[0].lemma == rules["cues"]["verb"][0]["lemma"]
    assert cues.phrase[0].kind == "phrase"  # a default: typed has it, the plain view omits it


def test_rules_round_trip_through_data_and_pickle() -> None:
    rules = load_rules("de")
    again = Rules.from_data(rules.to_data())
    assert dict(again) == dict(rules)
    assert {s: again.typed(s) for s in again} == {s: rules.typed(s) for s in rules}
    assert dict(pickle.loads(pickle.dumps(rules))) == dict(rules)


def test_compiled_forms_are_built_once_per_rule_set() -> None:
    rules = load_rules("de")
    calls = []

    def build(r: Rules) -> object:
        calls.append(r)
        return object()

    assert rules.compiled(build) is rules.compiled(build)
    assert len(calls) == 1

    def outer(r: Rules) -> object:  # a build that needs another compiled form
        return (r.compiled(build), object())

    assert rules.compiled(outer)[0] is rules.compiled(build)


# -- the reproducers of issue 9 ----------------------------------------------------------


def test_abbreviations_as_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, "document.toml", "abbreviations = 5\n")
    message = load_error(tmp_path)
    assert str(path) in message and "key 'abbreviations'" in message
    assert "expected a list of strings, got a number (5)" in message


def test_abbreviations_as_a_string_is_not_a_list_of_characters(tmp_path: Path) -> None:
    write(tmp_path, "document.toml", 'abbreviations = "Dr."\n')
    assert "key 'abbreviations': expected a list of strings, got a string" in load_error(tmp_path)


def test_stem_as_a_number(tmp_path: Path) -> None:
    write(tmp_path, "cues.toml", '[[verb]]\nlemma = "a"\n\n[[verb]]\nlemma = "b"\nstem = 5\n')
    assert "cues.toml: [[verb]] #2, key 'stem': expected a string" in load_error(tmp_path)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[[verb]]\nstem = "sag"\n', "[[verb]] #1, key 'lemma': missing"),
        ('[[phrase]]\nrole = "after"\n', "[[phrase]] #1, key 'words': missing"),
    ],
)
def test_entry_without_its_key(tmp_path: Path, text: str, where: str) -> None:
    write(tmp_path, "cues.toml", text)
    assert where in load_error(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "names.toml", 'male = ["J\xfcrgen"]\n'.encode("latin-1"))
    message = load_error(tmp_path)
    assert str(path) in message and "not UTF-8" in message


@pytest.mark.parametrize("depth", [50, 5000])
def test_deeply_nested_arrays(tmp_path: Path, depth: int) -> None:
    write(tmp_path, "document.toml", "abbreviations = " + "[" * depth + "]" * depth + "\n")
    assert "document.toml" in load_error(tmp_path)


@pytest.mark.parametrize("value", ['"x"', "inf", "nan", "6.0", "true", "0", "-3", "[6]"])
def test_max_depth_is_checked_at_load_not_at_extract(tmp_path: Path, value: str) -> None:
    write(tmp_path, "quotations.toml", f"max_depth = {value}\n")
    assert "quotations.toml: key 'max_depth'" in load_error(tmp_path)
    with pytest.raises(RulesError):
        Extractor(rules=[tmp_path])


@pytest.mark.parametrize("as_file", [False, True])
def test_unknown_file_name(tmp_path: Path, as_file: bool) -> None:
    path = write(tmp_path, "foo.toml", "x = 1\n")
    with pytest.raises(RulesError, match=r"unknown rules file 'foo\.toml'"):
        load_rules("de", [path if as_file else tmp_path])


def test_unknown_key_in_an_entry(tmp_path: Path) -> None:
    write(tmp_path, "outlets.toml", '[[outlet]]\nname = "Blatt"\ntype = "outlet"\nalias = ["B"]\n')
    assert "[[outlet]] #1, key 'alias': unknown key" in load_error(tmp_path)


def test_unknown_top_level_key(tmp_path: Path) -> None:
    write(tmp_path, "speakers.toml", 'pronoun = {er = "m"}\n')
    assert "speakers.toml: key 'pronoun': unknown key" in load_error(tmp_path)


def test_wrong_value_in_a_nested_table(tmp_path: Path) -> None:
    write(tmp_path, "cues.toml", "[irregular]\nschlug = 5\n")
    message = load_error(tmp_path)
    assert "[irregular], key 'schlug': expected a string" in message


def test_values_outside_their_choices(tmp_path: Path) -> None:
    write(tmp_path, "cues.toml", '[[phrase]]\nwords = "so"\nrole = "sideways"\n')
    assert "[[phrase]] #1, key 'role': 'sideways' is not one of" in load_error(tmp_path)


def test_saved_rule_data_is_validated_too() -> None:
    data = load_rules("de").to_data()
    data["cues"]["verb"][2]["stem"] = 5
    with pytest.raises(RulesError, match=r"rule set 'cues'.*\[\[verb\]\] #3, key 'stem'"):
        Extractor.from_rule_data(data)
    with pytest.raises(RulesError, match=r"unknown rules file 'bogus\.toml'"):
        Extractor.from_rule_data({"bogus": {}})


def test_cli_reports_a_rules_error_in_one_line_before_reading_input(tmp_path: Path) -> None:
    write(tmp_path, "cues.toml", "[[verb]]\nlemma = 5\n")
    fifo = tmp_path / "input.fifo"
    os.mkfifo(fifo)  # reading it would block: the run must stop before any input is read
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "--rules", str(tmp_path), str(fifo)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "cues.toml: [[verb]] #1, key 'lemma': expected a string" in done.stderr


# -- every key, every wrong type ---------------------------------------------------------

_SAMPLES: dict[str, Any] = {
    "string": "x",
    "number": 5,
    "float": 1.5,
    "boolean": True,
    "strings": ["x"],
    "numbers": [1],
    "table": {"x": 1},
    "string table": {"x": "y"},
    "tables": [{"x": 1}],
}


def _fits(value: Any, kind: Any) -> bool:
    """The reference answer: is ``value`` (as TOML gives it) of type ``kind``?"""
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, k) for k in get_args(kind) if k is not type(None))
    if kind in (str, int, bool, float):
        return type(value) is kind
    if origin is tuple:
        args = get_args(kind)
        if not isinstance(value, list):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_fits(v, args[0]) for v in value)
        return len(value) == len(args) and all(map(_fits, value, args))
    if origin is dict:
        return isinstance(value, dict) and all(_fits(v, get_args(kind)[1]) for v in value.values())
    if attrs.has(kind):
        return isinstance(value, dict) and not value  # only an empty table fits every class
    raise AssertionError(f"no reference check for {kind}")


def _minimal(cls: type) -> dict[str, Any]:
    """A valid instance's data: the required keys only."""
    hints = typing.get_type_hints(cls)
    out: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.default is attrs.NOTHING:
            kind = hints[field.name]
            if field.name == "type":
                out[field.name] = "outlet"
            else:
                assert kind is str, (cls, field.name)
                out[field.name] = "x"
    return out


def _cases() -> list[tuple[str, list[Any], dict[str, Any], str]]:
    """(stem, path to the key, whole file data, sample name) for every wrong value."""
    cases = []

    def walk(stem: str, cls: type, path: list[Any], wrap: Any) -> None:
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            kind = hints[field.name]
            entry = get_args(kind)[0] if get_origin(kind) is tuple else None
            if entry is not None and attrs.has(entry):  # an array of tables: go inside
                walk(
                    stem, entry, [*path, field.name, 0], lambda d, n=field.name, w=wrap: w({n: [d]})
                )
            elif attrs.has(kind):  # a table: go inside
                walk(stem, kind, [*path, field.name], lambda d, n=field.name, w=wrap: w({n: d}))
            for sample, value in _SAMPLES.items():
                if _fits(value, kind):
                    continue
                data = {**_minimal(cls), field.name: value}
                cases.append((stem, [*path, field.name], wrap(data), sample))

    for stem, cls in schema.FILES.items():
        walk(stem, cls, [], lambda d: d)
    return cases


def test_every_key_rejects_every_wrong_type() -> None:
    cases = _cases()
    assert len(cases) > 500  # every key of every file, about seven wrong values each
    accepted = []
    for stem, path, data, sample in cases:
        try:
            Rules.from_data({stem: data}, origin="generated")
        except RulesError as error:
            key = path[-1]
            named = (f"key {key!r}", f"[[{key}]] #", f"[{key}]", f".{key}]")
            assert any(n in str(error) for n in named), (path, sample, str(error))
        else:
            accepted.append((stem, path, sample))
    assert accepted == []


def test_wrong_types_in_user_files_name_the_file(tmp_path: Path) -> None:
    # The same check through real files, one wrong value per rules file.
    seen = set()
    for stem, path, data, _sample in _cases():
        if stem in seen:
            continue
        seen.add(stem)
        folder = tmp_path / stem
        folder.mkdir()
        write(folder, f"{stem}.toml", _toml(data))
        message = load_error(folder)
        assert str(folder / f"{stem}.toml") in message and f"key {path[-1]!r}" in message
    assert seen == set(schema.FILES)


def _toml(data: dict[str, Any]) -> str:
    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(v, int | float):
            return repr(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "{" + ", ".join(f'"{k}" = {value(x)}' for k, x in v.items()) + "}"

    return "".join(f'"{k}" = {value(v)}\n' for k, v in data.items())


def test_parse_trigger_groups_match_the_stage() -> None:
    from quotes.parse.demand import GROUPS
    from quotes.schema.parse import GROUPS as SCHEMA_GROUPS

    assert set(SCHEMA_GROUPS) == set(GROUPS)
