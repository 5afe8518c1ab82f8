"""The ``quotes`` command line, in process (``main([...])``) and as the console script."""

from __future__ import annotations

import ast
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


def fake_extract(
    self: Extractor, text: str, publisher: str | None = None, *, parsed: Any = None
) -> list[Attribution]:
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


# -- issue 9 §5: paths that are not regular files ----------------------------------------------
def _script(*argv: str | Path) -> list[str]:
    return [sys.executable, "-m", "quotes", *(str(a) for a in argv)]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_non_regular_files_in_a_directory_are_reported(
    capsys: pytest.CaptureFixture[str], tree: Path, fake: None
) -> None:
    os.mkfifo(tree / "a" / "fifo.txt")
    (tree / "a" / "broken.txt").symlink_to(tree / "nowhere.txt")
    (tree / "b" / "loop.txt").symlink_to(tree / "b" / "loop.txt")
    (tree / "b" / "fifo.md").symlink_to(tree / "a" / "fifo.txt")  # not *.txt: not looked at
    code, out, err = run(capsys, "extract", tree)
    assert code == 1
    assert err.splitlines() == [
        f"quotes: cannot read {tree / 'a' / 'broken.txt'}: broken symbolic link "
        f"(to {tree / 'nowhere.txt'})",
        f"quotes: cannot read {tree / 'a' / 'fifo.txt'}: not a regular file (FIFO)",
        f"quotes: cannot read {tree / 'b' / 'loop.txt'}: symbolic link loop",
    ]
    assert [r["document"] for r in jsonl(out)] == expected_order(tree)


def test_non_regular_files_named_never_block(tmp_path: Path, tree: Path) -> None:
    fifo = tmp_path / "named.fifo"
    os.mkfifo(fifo)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    broken = tmp_path / "broken"
    broken.symlink_to(tmp_path / "gone")
    good = tree / "a" / "10.txt"
    done = subprocess.run(
        _script("extract", "--backend", "rules", fifo, "/dev/null", loop, broken, good),
        capture_output=True,
        env=_env(),
        timeout=120,  # before: blocked forever on the FIFO
    )
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"quotes: cannot read {fifo}: not a regular file (FIFO)",
        "quotes: cannot read /dev/null: not a regular file (character device)",
        f"quotes: cannot read {loop}: symbolic link loop",
        f"quotes: cannot read {broken}: broken symbolic link (to {tmp_path / 'gone'})",
    ]
    assert [r["document"] for r in jsonl(done.stdout.decode())] == [str(good)]


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "bz2"])
def test_encoding_accepts_text_encodings_only(
    capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["extract", "--encoding", codec, "-"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"{codec!r} is not a text encoding" in err and "Traceback" not in err


# -- issue 9 §5: broken stdout, closed stderr ----------------------------------------------------
def test_full_disk_is_one_line_and_exit_1(tree: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            _script("extract", "--backend", "rules", tree),
            stdout=full,
            stderr=subprocess.PIPE,
            env=_env(),
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr.decode() == "quotes: cannot write output: No space left on device\n"


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text", "csv"])
def test_closed_pipe_stops_quietly(tree: Path, fmt: str) -> None:
    process = subprocess.Popen(
        _script("extract", "--backend", "rules", "--format", fmt, tree),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    err = process.stderr.read()
    assert process.wait(timeout=120) == 141
    assert err == b""


def test_closed_stdout_is_one_line_and_exit_1(tree: Path) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec >&-; exec "$0" "$@"', *_script("extract", "--backend", "rules", tree)],
        stderr=subprocess.PIPE,
        env=_env(),
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.decode() == "quotes: cannot write output: standard output is closed\n"


def test_closed_stderr_never_reaches_stdout(tree: Path) -> None:
    (tree / "a" / "3.txt").write_bytes(b"\xff")
    os.mkfifo(tree / "a" / "4.txt")
    done = subprocess.run(
        ["sh", "-c", 'exec 2>&-; exec "$0" "$@"', *_script("extract", "--backend", "rules", tree)],
        stdout=subprocess.PIPE,
        env=_env(),
        timeout=120,
    )
    assert done.returncode == 1
    assert [r["document"] for r in jsonl(done.stdout.decode())] == expected_order(tree)


# -- issue 9 §5: rules errors come first ---------------------------------------------------------
def test_rules_error_before_any_input_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotes.cli.extract

    def no_reading(*_args: Any) -> None:
        raise AssertionError("an input was read")

    monkeypatch.setattr(quotes.cli.extract, "read_item", no_reading)
    monkeypatch.setattr(quotes.cli.extract, "iter_items", no_reading)
    bad = tmp_path / "cues.toml"
    bad.write_text("[[[", encoding="utf-8")
    for jobs in ("1", "2"):
        code, out, err = run(capsys, "extract", "--jobs", jobs, "--rules", bad, SEEDS)
        assert (code, out) == (2, "")
        assert err.startswith("quotes: cannot read rules file") and err.count("\n") == 1


# -- issue 10 §5: csv, empty input, --jobs on little input -----------------------------------
def test_csv_format(capsys: pytest.CaptureFixture[str], tree: Path, fake: None) -> None:
    import csv

    code, out, err = run(capsys, "extract", "--format", "csv", "--publisher", "Epoch Times", tree)
    assert (code, err) == (0, "")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["document", "kind", "start", "end", "quote", "speaker", "cue", "chain"]
    body = rows[1:]
    assert len(body) == 2 + 1 + 2  # one row per quotation; 2.txt has none
    first = body[0]
    assert first[0] == str(tree / "0.txt") and first[1] == "direct"
    start, end = int(first[2]), int(first[3])
    assert ARTICLE[start:end] == first[4] == f"„{LONG}“"
    assert first[5:] == ["Wladimir Putin", "sagte", "Wladimir Putin via Tass via Epoch Times"]
    crlf = [row for row in body if row[0] == str(tree / "b" / "sub" / "1.txt")]
    assert [row[4] for row in crlf] == ["„Zwei“", "„Drei“"]


def test_csv_quotes_fields_with_commas_quotes_and_newlines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake: None
) -> None:
    import csv

    text = '„Eins, zwei\n"drei"“, sagte er.'
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "-f", "csv", tmp_path)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[1][4] == '„Eins, zwei\n"drei"“'


def test_an_empty_directory_among_others_is_a_warning(
    capsys: pytest.CaptureFixture[str], tree: Path, tmp_path: Path, fake: None
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "extract", empty, tree)
    assert code == 0
    assert err == f"quotes: no files matching '*.txt' in {empty}\n"
    assert len(jsonl(out)) == 4
    code, out, err = run(capsys, "extract", "-f", "csv", empty)
    assert code == 1 and err == f"quotes: no files matching '*.txt' in {empty}\n"


def test_jobs_on_little_input_says_so_and_runs_one_process(
    capsys: pytest.CaptureFixture[str], tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotes.cli.extract

    monkeypatch.setattr(quotes.cli.extract, "_cpus", lambda: 8)

    pipe = Extractor.pipe

    def no_pool(self: Extractor, texts: Any, **settings: Any) -> Any:
        assert settings["n_process"] == 1, "worker processes were started"
        return pipe(self, texts, **settings)

    monkeypatch.setattr(Extractor, "pipe", no_pool)
    serial = run(capsys, "extract", "--backend", "rules", tree)
    code, out, err = run(capsys, "extract", "--backend", "rules", "--jobs", "3", tree)
    assert (code, out) == (0, serial[1])
    assert err.startswith("quotes: --jobs 3: only 4 document(s), ") and err.count("\n") == 1
    assert "one process" in err


def test_jobs_above_the_cpus_are_capped(
    capsys: pytest.CaptureFixture[str], tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotes.cli.extract

    monkeypatch.setattr(quotes.cli.extract, "_cpus", lambda: 1)
    code, _, err = run(capsys, "extract", "--backend", "rules", "--jobs", "4", tree)
    assert code == 0
    assert err == "quotes: --jobs 4: this machine has 1 CPU(s); using 1\n"


# -- issue 11 §5: --resume ---------------------------------------------------------------------
def test_resume_continues_a_killed_run(
    capsys: pytest.CaptureFixture[str], tree: Path, tmp_path: Path, fake: None
) -> None:
    full = run(capsys, "extract", tree)[1]
    lines = full.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    # Killed while writing the third document: two whole lines and half of the third.
    out.write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2], encoding="utf-8")
    code, stdout, err = run(capsys, "extract", "--resume", out, tree)
    assert (code, stdout) == (0, "")
    assert out.read_text(encoding="utf-8") == full
    assert "dropped a cut-off last line" in err.splitlines()[0]
    assert err.splitlines()[-1] == f"quotes: 2 of 4 document(s) already in {out}, skipped"
    # Resuming a finished run adds nothing.
    code, _, err = run(capsys, "extract", "--resume", out, tree)
    assert code == 0 and out.read_text(encoding="utf-8") == full
    assert err == f"quotes: 4 of 4 document(s) already in {out}, skipped\n"


def test_resume_skips_documents_without_reading_them(
    capsys: pytest.CaptureFixture[str], tree: Path, tmp_path: Path, fake: None
) -> None:
    out = tmp_path / "out.jsonl"
    assert run(capsys, "extract", "--resume", out, tree / "0.txt")[0] == 0  # creates out
    (tree / "0.txt").write_bytes(b"\xff")  # would now fail to decode
    code, _, err = run(capsys, "extract", "--resume", out, tree)
    assert code == 0, err
    assert [r["document"] for r in jsonl(out.read_text(encoding="utf-8"))] == expected_order(tree)


def test_resume_needs_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["extract", "--resume", str(tmp_path / "o.jsonl"), "-f", "csv", "-"])
    assert exited.value.code == 2


# -- issue 9 §5: Ctrl-C ----------------------------------------------------------------------------
def test_the_console_script_imports_nothing_heavy_before_main() -> None:
    # Until main() runs, a Ctrl-C would be a traceback: that window must be short.
    code = "import sys, quotes.cli; print(sorted(m for m in sys.modules if m.startswith('q')))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=_env(), timeout=60, check=True
    )
    loaded = ast.literal_eval(done.stdout.decode())
    assert "quotes.extractor" not in loaded and "quotes.cli.extract" not in loaded
    assert "spacy" not in done.stdout.decode()


# Says "r" on a pipe from inside main() (its first call), then runs on.
_READY_THEN_MAIN = (
    "import os, sys, quotes.cli as cli; build = cli.build_parser; "
    "cli.build_parser = lambda: (os.write(int(sys.argv[1]), b'r'), build())[1]; "
    "sys.exit(cli.main(sys.argv[2:]))"
)


def _interrupt(argv: list[str], delay: float) -> tuple[int, bytes, bytes]:
    """Run ``quotes ARGV``, press Ctrl-C ``delay`` seconds after main() starts."""
    import signal
    import time

    read_end, write_end = os.pipe()
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", _READY_THEN_MAIN, str(write_end), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(),
            pass_fds=(write_end,),
            start_new_session=True,  # a group of its own, as a terminal's job
        )
        os.close(write_end)
        assert os.read(read_end, 1) == b"r"
    finally:
        os.close(read_end)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole group, workers too
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


@pytest.mark.parametrize(
    ("delay", "fmt", "jobs"),
    [
        (0.0, "jsonl", "1"),
        (0.3, "json", "1"),
        (1.0, "jsonl", "1"),
        (2.5, "json", "1"),
        (4.0, "jsonl", "1"),
        (1.0, "jsonl", "2"),
        (4.0, "jsonl", "2"),
        (8.0, "json", "2"),
    ],
)
def test_ctrl_c_leaves_whole_records_only(
    tmp_path: Path, delay: float, fmt: str, jobs: str
) -> None:
    for copy in range(40):
        for path in SEEDS.glob("*.txt"):
            shutil.copy(path, tmp_path / f"{copy:02}-{path.name}")
    # The default backend loads its model first: early delays fall into that start-up.
    argv = ["extract", "--format", fmt, "--jobs", jobs, str(tmp_path)]
    code, out, err = _interrupt(argv, delay)
    assert b"Traceback" not in err, err.decode()
    if code == 0:  # finished before the signal came
        assert b"interrupted" not in err
    else:
        assert code == 130
        assert err.decode().splitlines()[-1] == "quotes: interrupted"
        assert all(line.startswith("quotes: ") for line in err.decode().splitlines())
    text = out.decode("utf-8")
    records = jsonl(text) if fmt == "jsonl" else json.loads(text or "[]")
    assert all(set(r) == {"document", "attributions"} for r in records)


# -- issue 10 §5: help and README ---------------------------------------------------------------
def test_help_says_what_the_default_backend_is(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["extract", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = " ".join(capsys.readouterr().out.split())
        assert "Runs offline, on rules" not in out
        assert "default backend" in out and "parse" in out
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert f"in this installation: {quotes.default_backend()}." in out


def test_readme_table_lists_every_option() -> None:
    from quotes.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    table = [line for line in section.splitlines() if line.startswith("| `")]
    documented = {option for line in table for option in re.findall(r"--[a-z-]+", line)}
    extract = build_parser()._subparsers._group_actions[0].choices["extract"]  # type: ignore[union-attr]
    options = {
        option
        for action in extract._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }
    assert options - documented == set()
    assert options
    from quotes.cli.output import FORMATS

    formats = re.search(r"--format ([a-z\\|]+)", "\n".join(table))
    assert formats is not None
    assert formats.group(1).split("\\|") == list(FORMATS)


def test_readme_quickstart_keeps_pip_quiet() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S)
    assert block is not None
    install = block.group(1).strip().splitlines()[0]
    assert re.search(r"pip install (\S+ )*-q\b", install), install


def test_readme_rules_example_adds_an_outlet_that_is_not_shipped(tmp_path: Path) -> None:
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Extending the rules", 1)[1].split("\n## ", 1)[0]
    toml = re.search(r"```toml\n(# my_rules/de/outlets.toml[^\n]*\n)(.*?)```", section, re.S)
    assert toml is not None
    [outlet] = tomllib.loads(toml.group(2))["outlet"]
    shipped = (ROOT / "rules" / "de" / "outlets.toml").read_text(encoding="utf-8")
    assert outlet["name"] not in shipped
    assert all(alias not in shipped for alias in outlet["aliases"])
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "outlets.toml").write_text(toml.group(2), encoding="utf-8")
    python = re.search(r"```python\n(extractor = quotes.Extractor.*?)```", section, re.S)
    assert python is not None
    lines = python.group(1).strip().splitlines()
    text = ast.literal_eval(lines[1].split(" = ", 1)[1])
    expected = ast.literal_eval(lines[2].split("# ", 1)[1])
    with_rules = Extractor("parse", rules=[tmp_path])
    assert [str(a.chain) for a in with_rules.extract(text)] == expected
    assert [str(a.chain) for a in Extractor("parse").extract(text)] != expected  # shows something


# -- issue 9 §5: one failing document never stops the others ------------------------------------
_SITECUSTOMIZE = """
import quotes.cli.extract
import quotes.extractor

_extract = quotes.extractor.Extractor.extract


def extract(self, text, publisher=None, *, parsed=None):
    if "BOOM" in text:
        raise RuntimeError("stage exploded")
    return _extract(self, text, publisher, parsed=parsed)


quotes.extractor.Extractor.extract = extract
quotes.cli.extract.MIN_CHARS_PER_WORKER = {}  # workers however little the input
quotes.cli.extract._cpus = lambda: 8
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_document_never_stops_the_others(tree: Path, tmp_path: Path, jobs: str) -> None:
    # The failure is planted in every process of the run, the workers' too.
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    for name in ("a/11.txt", "b/0.txt"):
        (tree / name).write_text("„BOOM“, sagte er.", encoding="utf-8")
    env = {**_env(), "PYTHONPATH": f"{hooks}{os.pathsep}{ROOT}"}
    done = subprocess.run(
        _script("extract", "--backend", "rules", "--jobs", jobs, tree),
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"quotes: internal error on {tree / name}: RuntimeError: stage exploded"
        for name in ("a/11.txt", "b/0.txt")
    ]
    records = jsonl(done.stdout.decode())
    assert [r["document"] for r in records] == expected_order(tree)
    rules = Extractor("rules")
    for record in records:
        text = Path(record["document"]).read_bytes().decode("utf-8")
        assert [from_dict(a) for a in record["attributions"]] == rules.extract(text)


def test_every_subcommand_is_registered_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    from quotes.cli import SUBCOMMANDS, build_parser

    action = build_parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    commands = list(action.choices)
    assert len(commands) == len(SUBCOMMANDS) and commands[0] == "extract"
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(name in listed for name in commands)
    for name in commands:
        with pytest.raises(SystemExit) as exited:
            main([name, "--help"])
        assert exited.value.code == 0
        assert capsys.readouterr().out.startswith(f"usage: quotes {name}")


def test_help_and_the_rules_backend_do_not_import_spacy() -> None:
    # spaCy imports thinc, which imports torch where it is installed (the stanza extra):
    # seconds of start-up for every `quotes --help` and every rules-only run.
    script = (
        "import sys\n"
        "from quotes.cli import build_parser\n"
        "from quotes.extractor import Extractor, default_backend\n"
        "build_parser()\n"
        "default_backend()\n"
        "Extractor('rules').extract('„Ja“, sagte er.')\n"
        "print(sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_ctrl_c_that_python_swallows_still_stops_the_run(
    capsys: pytest.CaptureFixture[str], tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    class Trap:
        def __del__(self) -> None:
            # A Ctrl-C arriving while a destructor runs: Python cannot raise it from here.
            signal.raise_signal(signal.SIGINT)
            for _ in range(100):
                pass

    def extract(self: Extractor, text: str, publisher: Any = None, *, parsed: Any = None) -> Any:
        if "Eins" in text:
            Trap()  # dropped at once
        return fake_extract(self, text, publisher)

    monkeypatch.setattr(Extractor, "extract", extract)
    code, out, err = run(capsys, "extract", "--backend", "rules", tree)
    assert (code, err) == (130, "quotes: interrupted\n")  # no "Exception ignored …"
    # The document in work is finished and written whole; the run stops before the next.
    assert [r["document"] for r in jsonl(out)] == expected_order(tree)[:2]


# -- issue 11 §5: with --jobs N the workers load the model, the parent does not ------------
def test_jobs_parent_does_not_load_the_model(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tree: Path,
    workers: None,
) -> None:
    import quotes.models

    serial = run(capsys, "extract", "--backend", "parse", tree)
    loads: list[str] = []

    def no_load(*args: Any, **kwargs: Any) -> Any:
        loads.append("parent")
        raise AssertionError("the parent process loaded the model")

    # Only this process is patched: the spawned workers import quotes afresh and load it.
    monkeypatch.setattr(quotes.models, "load", no_load)
    parallel = run(capsys, "extract", "--backend", "parse", "--jobs", "2", tree)
    assert loads == []
    assert parallel == serial
    assert serial[0] == 0 and len(jsonl(serial[1])) == 4
    # One process: the model is loaded here (so the patch is hit), as before.
    with pytest.raises(AssertionError, match="parent process loaded"):
        run(capsys, "extract", "--backend", "parse", "--jobs", "1", tree)
