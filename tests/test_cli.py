"""The ``quotes`` command line, in process (``main([...])``) and as the console script."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes import Attribution, Cue, Extractor, Source, Span, Speaker, from_dict
from quotes.cli import main, shorten
from quotes.errors import check_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

LONG = (
    "Es besteht keine Gefahr für die Botschaften, und wir sind bereit, über alle Fragen zu "
    "sprechen, die die Arbeit der diplomatischen Vertretungen betreffen"
)
ARTICLE = f"„{LONG}“, sagte er.\n\nLaut Tass sagte Wladimir Putin: „Wir sind bereit.“\n"


def fake_extract(self: Extractor, text: str, publisher: str | None = None) -> list[Attribution]:
    """A stand-in pipeline with a predictable result: every „…“ is Putin via Tass."""
    text = check_text(text)
    if "BOOM" in text:
        raise RuntimeError("stage exploded")
    out = []
    for match in re.finditer(r"„([^“]*)“", text):
        via = [Source("Tass", "agency", "laut", None, 1)]
        if publisher:
            via.append(Source(publisher, "publisher", "publisher", None, 2))
        cue_at = text.find("sagte er", match.end())
        cue = mention = None
        if cue_at >= 0:
            cue = Cue([Span.of(text, cue_at, cue_at + 5)])
            mention = Span.of(text, cue_at + 6, cue_at + 8)
        out.append(
            Attribution(
                kind="direct",
                quote=Span.of(text, match.start(), match.end()),
                content=Span.of(text, match.start(1), match.end(1)),
                speaker=Speaker(mention, "Wladimir Putin", "person"),
                cue=cue,
                via=via,
            )
        )
    return out


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Extractor, "extract", fake_extract)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of articles: nested, with names that sort differently as numbers."""
    root = tmp_path / "articles"
    (root / "a").mkdir(parents=True)
    (root / "b" / "sub").mkdir(parents=True)
    (root / "0.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "a" / "10.txt").write_text("„Eins“, sagte er.", encoding="utf-8")
    (root / "a" / "2.txt").write_text("Nichts zitiert.", encoding="utf-8")
    (root / "b" / "sub" / "1.txt").write_text("„Zwei“\r\n\r\n„Drei“", encoding="utf-8")
    (root / "b" / "notes.md").write_text("„Nicht gelesen“", encoding="utf-8")
    return root


def expected_order(root: Path) -> list[str]:
    return [str(root / p) for p in ("0.txt", "a/10.txt", "a/2.txt", "b/sub/1.txt")]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def jsonl(out: str) -> list[dict[str, Any]]:
    assert out.endswith("\n") or out == ""
    return [json.loads(line) for line in out.splitlines()]


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# -- formats ----------------------------------------------------------------------------
def test_directory_as_jsonl(capsys: pytest.CaptureFixture[str], tree: Path, fake: None) -> None:
    code, out, err = run(capsys, "extract", tree)
    assert (code, err) == (0, "")
    records = jsonl(out)
    assert [r["document"] for r in records] == expected_order(tree)
    assert all(set(r) == {"document", "attributions"} for r in records)
    by_name = {r["document"]: r["attributions"] for r in records}
    first = by_name[str(tree / "0.txt")]
    assert [a["chain"] for a in first] == ["Wladimir Putin via Tass", "Wladimir Putin via Tass"]
    assert first[0]["content"]["text"] == LONG
    assert [from_dict(a) for a in first] == fake_extract(Extractor(), ARTICLE)
    assert by_name[str(tree / "a" / "2.txt")] == []


def test_offsets_index_the_file_unchanged(
    capsys: pytest.CaptureFixture[str], tree: Path, fake: None
) -> None:
    path = tree / "b" / "sub" / "1.txt"
    code, out, _ = run(capsys, "extract", path)
    assert code == 0
    [record] = jsonl(out)
    text = path.read_bytes().decode("utf-8")  # CRLF kept: no newline translation
    assert [a["quote"]["text"] for a in record["attributions"]] == ["„Zwei“", "„Drei“"]
    for attribution in record["attributions"]:
        quote = attribution["quote"]
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert record["attributions"][1]["quote"]["start"] == text.index("„Drei“")


def test_json_format(capsys: pytest.CaptureFixture[str], tree: Path, fake: None) -> None:
    code, out, err = run(capsys, "extract", "--format", "json", tree)
    assert (code, err) == (0, "")
    records = json.loads(out)
    assert isinstance(records, list)
    assert [r["document"] for r in records] == expected_order(tree)
    assert records == jsonl(run(capsys, "extract", tree)[1])  # the same objects as JSONL


def test_json_format_without_documents(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "extract", "--format", "json", tmp_path)
    assert code == 1 and json.loads(out) == []  # an empty input set is an error
    assert err == f"quotes: no files matching '*.txt' in {tmp_path}\n"


def test_text_format(capsys: pytest.CaptureFixture[str], tree: Path, fake: None) -> None:
    code, out, err = run(capsys, "extract", "-f", "text", tree / "0.txt", tree / "a" / "2.txt")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"== {tree / '0.txt'} (2 quotations)"
    first = lines[1]
    assert first.startswith("  Wladimir Putin via Tass — „Es besteht keine Gefahr")
    assert first.endswith(" …“ (sagte er)")
    assert len(first) < 160  # long quotations are cut to stay readable
    assert lines[2] == "  Wladimir Putin via Tass — „Wir sind bereit.“"
    assert lines[3] == f"== {tree / 'a' / '2.txt'} (0 quotations)"
    assert len(lines) == 4


def test_shorten() -> None:
    assert shorten("„kurz“") == "„kurz“"
    assert shorten("a\r\n\tb\x00  c") == "a b c"
    cut = shorten("„" + "wort " * 50 + "ende“", width=40)
    assert len(cut) <= 40 and cut.startswith("„wort") and cut.endswith(" …“")
    assert shorten("x" * 50, width=10) == "xxxxxxxx …"


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, "„Wir sind bereit“, sagte Olaf Scholz.\r\n".encode())
    code, out, err = run(capsys, "extract", "-")
    assert (code, err) == (0, "")
    [record] = jsonl(out)
    assert record["document"] == "-"
    text = "„Wir sind bereit“, sagte Olaf Scholz.\r\n"
    assert [from_dict(a) for a in record["attributions"]] == quotes.extract(text)


def test_stdin_with_encoding(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fake: None
) -> None:
    set_stdin(monkeypatch, "„Grüße“, sagte er.".encode("cp1252"))
    code, out, _ = run(capsys, "extract", "--encoding", "cp1252", "-")
    assert code == 0
    assert jsonl(out)[0]["attributions"][0]["content"]["text"] == "Grüße"


def test_undecodable_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, b"\xff\xfe\xfa")
    code, out, err = run(capsys, "extract", "-")
    assert (code, out) == (1, "")
    assert err.startswith("quotes: cannot read -: ") and err.count("\n") == 1


# -- errors -----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_bad_inputs_are_reported_and_skipped(
    capsys: pytest.CaptureFixture[str], tree: Path, fmt: str, fake: None
) -> None:
    bad = tree / "a" / "3.txt"
    bad.write_bytes(b"\xc3\x28 \xff kaputt")
    missing = tree / "missing.txt"
    code, out, err = run(capsys, "extract", "--format", fmt, missing, tree)
    assert code == 1
    assert err.splitlines() == [
        f"quotes: cannot read {missing}: No such file or directory",
        f"quotes: cannot read {bad}: not valid utf-8 (invalid continuation byte at byte 0)",
    ]
    assert "Traceback" not in err
    if fmt == "jsonl":
        assert [r["document"] for r in jsonl(out)] == expected_order(tree)
    elif fmt == "json":
        assert [r["document"] for r in json.loads(out)] == expected_order(tree)
    else:
        assert [line for line in out.splitlines() if line.startswith("==")] == [
            f"== {name} ({n} quotation{'' if n == 1 else 's'})"
            for name, n in zip(expected_order(tree), [2, 1, 0, 2], strict=True)
        ]


def test_encoding_option_reads_other_encodings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("„Grüße“, sagte er.".encode("cp1252"))
    assert run(capsys, "extract", path)[0] == 1
    code, out, err = run(capsys, "extract", "--encoding", "cp1252", path)
    assert (code, err) == (0, "")
    assert jsonl(out)[0]["attributions"][0]["quote"]["text"] == "„Grüße“"


def test_internal_error_is_one_line_and_the_rest_goes_on(
    capsys: pytest.CaptureFixture[str], tree: Path, fake: None
) -> None:
    (tree / "a" / "11.txt").write_text("BOOM", encoding="utf-8")
    code, out, err = run(capsys, "extract", tree)
    assert code == 1
    boom = tree / "a" / "11.txt"
    assert err == f"quotes: internal error on {boom}: RuntimeError: stage exploded\n"
    assert [r["document"] for r in jsonl(out)] == expected_order(tree)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["extract"],
        ["frobnicate", "x"],
        ["extract", "--jobs", "0", "-"],
        ["extract", "--jobs", "many", "-"],
        ["extract", "--encoding", "no-such-codec", "-"],
        ["extract", "--format", "xml", "-"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: quotes") and "Traceback" not in err


def test_bad_rules_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "cues.toml"
    bad.write_text("[[[", encoding="utf-8")
    code, out, err = run(capsys, "extract", "--rules", bad, SEEDS)
    assert (code, out) == (2, "")
    assert err.startswith(f"quotes: cannot read rules file {bad}") and err.count("\n") == 1
    code, _, err = run(capsys, "extract", "--rules", tmp_path / "nowhere", SEEDS)
    assert code == 2 and err.count("\n") == 1 and "nowhere" in err


def test_user_rules_and_publisher(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Path, fake: None
) -> None:
    extra = tmp_path / "document.toml"
    extra.write_text('abbreviations = ["Bsp."]\n', encoding="utf-8")
    code, out, err = run(
        capsys, "extract", "--rules", extra, "--rules", extra, "--publisher", "Epoch Times", tree
    )
    assert (code, err) == (0, "")
    chains = {a["chain"] for r in jsonl(out) for a in r["attributions"]}
    assert chains == {"Wladimir Putin via Tass via Epoch Times"}


# -- options ----------------------------------------------------------------------------
def test_glob(capsys: pytest.CaptureFixture[str], tree: Path, fake: None) -> None:
    code, out, _ = run(capsys, "extract", "--glob", "*.md", tree)
    assert code == 0
    assert [r["document"] for r in jsonl(out)] == [str(tree / "b" / "notes.md")]
    # A file named on the command line is read whatever its name.
    code, out, _ = run(capsys, "extract", tree / "b" / "notes.md")
    assert code == 0 and len(jsonl(out)) == 1


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs N starts its N workers however little input there is."""
    import quotes.cli.extract

    monkeypatch.setattr(quotes.cli.extract, "MIN_CHARS_PER_WORKER", {})
    monkeypatch.setattr(quotes.cli.extract, "_cpus", lambda: 8)


def test_jobs_give_the_same_output(
    capsys: pytest.CaptureFixture[str], tree: Path, workers: None
) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tree / path.name)
    serial = run(capsys, "extract", tree)
    parallel = run(capsys, "extract", "--jobs", "2", tree)
    assert serial[0] == parallel[0] == 0
    assert serial[1] == parallel[1]
    assert len(jsonl(serial[1])) == 4 + len(list(SEEDS.glob("*.txt")))


def test_jobs_report_bad_files_in_order(
    capsys: pytest.CaptureFixture[str], tree: Path, workers: None
) -> None:
    (tree / "a" / "3.txt").write_bytes(b"\xff")
    code, out, err = run(capsys, "extract", "-j", "2", tree, tree / "gone.txt")
    assert code == 1
    assert [line.split(":")[1].strip() for line in err.splitlines()] == [
        f"cannot read {tree / 'a' / '3.txt'}",
        f"cannot read {tree / 'gone.txt'}",
    ]
    assert [r["document"] for r in jsonl(out)] == expected_order(tree)


def test_progress_goes_to_stderr(capsys: pytest.CaptureFixture[str], tree: Path) -> None:
    code, out, err = run(capsys, "extract", "--progress", tree)
    assert code == 0
    assert len(jsonl(out)) == 4  # stdout holds nothing but the records
    assert "4" in err and "docs" in err
    assert run(capsys, "extract", "--no-progress", tree)[2] == ""


def test_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", SEEDS)
    assert (code, err) == (0, "")
    records = jsonl(out)
    names = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert [r["document"] for r in records] == names
    for record in records:
        text = Path(record["document"]).read_text(encoding="utf-8")
        assert [from_dict(a) for a in record["attributions"]] == quotes.extract(text)


# -- help, version, the console script ------------------------------------------------------
@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["extract", "--help"]])
def test_help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: quotes")
    if "extract" in argv:
        assert "examples:" in out and "--format" in out and "exit status" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"quotes {quotes.__version__}\n"


def _console_script() -> str:
    beside = Path(sys.executable).with_name("quotes")
    found = str(beside) if beside.exists() else shutil.which("quotes")
    if found is None:
        pytest.fail("the quotes console script is not installed (pip install -e .)")
    return found


def test_console_script(tree: Path) -> None:
    (tree / "a" / "3.txt").write_bytes(b"\xff\xfe")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # output is UTF-8 whatever the locale
    done = subprocess.run(
        [_console_script(), "extract", "--format", "json", tree],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    bad = tree / "a" / "3.txt"
    assert done.stderr.decode().splitlines() == [
        f"quotes: cannot read {bad}: not valid utf-8 (invalid start byte at byte 0)"
    ]
    records = json.loads(done.stdout.decode("utf-8"))
    assert [r["document"] for r in records] == expected_order(tree)


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "-"],
        input="„Wir sind bereit“, sagte Olaf Scholz.".encode(),
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    [record] = jsonl(done.stdout.decode("utf-8"))
    assert record["document"] == "-"


# -- the README and CI agree ----------------------------------------------------------------
def test_readme_quickstart_matches_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S)
    assert block is not None
    lines = block.group(1).strip().splitlines()
    assert len(lines) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install, test = lines
    assert install.split(" && ")[0] in ci
    assert test in ci.splitlines() or any(line.strip().startswith(test) for line in ci.splitlines())
