"""Reading and writing the Wikinews corpus format, the command, and the generated texts.

The documents here are made up; tests that read the real corpus skip where ``../shared`` is
absent.
"""

from __future__ import annotations

import io
import json
import signal
from pathlib import Path
from typing import Any

import pytest
import regex

from benchmarks.corpus import (
    PART_NAMES,
    Annotation,
    CorpusDocument,
    Part,
    Token,
    TokenIndex,
    annotation_to_json,
    attributions_to_annotations,
    default_gold_dir,
    mark_nesting,
    read_corpus,
    read_document,
    read_predictions,
    resolve_gold_dir,
    write_predictions,
)
from quotes.records import Attribution, Cue, Span, Speaker

pytest.importorskip("scipy")

TEXT = "„Wir sind bereit“, sagte Anna Brandt vor Journalisten.  Sie sagte, man plane weiter."


def tokens_of(text: str) -> tuple[Token, ...]:
    return tuple(
        Token(i, m.start(), m.end(), m.group())
        for i, m in enumerate(regex.finditer(r"\w+|[^\w\s]", text))
    )


def span(text: str, piece: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return Span.of(text, start, start + len(piece))


def corpus_json(name: str, text: str, annotations: list[dict[str, Any]]) -> dict[str, Any]:
    """A document in the corpus's own layout."""
    tokens = tokens_of(text)
    return {
        "documentName": name,
        "originalText": text,
        "sentences": [],
        "tokens": [
            {"id": t.id, "charBegin": t.start, "charEnd": t.end, "text": t.text} for t in tokens
        ],
        "annotations": annotations,
    }


def gold_part(text: str, piece: str | None) -> dict[str, Any]:
    if piece is None:
        return {"spans": [], "text": "", "tokenIds": []}
    start = text.index(piece)
    end = start + len(piece)
    index = TokenIndex(tokens_of(text))
    token_ids = list(index.token_ids(start, end))
    return {
        "spans": [
            {"begin": token_ids[0], "end": token_ids[-1] + 1, "charBegin": start, "charEnd": end}
        ],
        "text": piece,
        "tokenIds": token_ids,
    }


def gold_annotation(
    text: str,
    type_: str,
    quote: str,
    speaker: str | None,
    cue: str | None,
    medium: str | None = "Speech",
    nested: bool = False,
) -> dict[str, Any]:
    return {
        "type": type_,
        "medium": medium,
        "isNested": nested,
        "hasNested": False,
        "quote": gold_part(text, quote),
        "speaker": gold_part(text, speaker),
        "cue": gold_part(text, cue),
        "frame": gold_part(text, None),
        "addressee": gold_part(text, None),
    }


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "dev"
    folder.mkdir()
    first = corpus_json(
        "b - zweites",
        TEXT,
        [
            gold_annotation(TEXT, "Direct", "„Wir sind bereit“", "Anna Brandt", "sagte"),
            gold_annotation(TEXT, "Indirect", "man plane weiter", "Sie", "sagte", medium=None),
        ],
    )
    second_text = 'Der Film "Kleine Welt" lief gestern. »Gut«, meinte er.'
    second = corpus_json(
        "a - erstes",
        second_text,
        [gold_annotation(second_text, "Direct", "»Gut«", "er", "meinte", medium="Speech")],
    )
    (folder / "b.pretty.json").write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    (folder / "a.pretty.json").write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    (folder / "notes.txt").write_text("not a document", encoding="utf-8")
    return folder


# -- token index -------------------------------------------------------------------------
def test_token_index_takes_every_token_a_span_overlaps() -> None:
    index = TokenIndex(tokens_of(TEXT))
    quote = span(TEXT, "„Wir sind bereit“")
    assert index.token_ids(quote.start, quote.end) == (0, 1, 2, 3, 4)
    # A span that cuts into words still takes the words it touches: "ir sind b" -> 1, 2, 3
    cut = span(TEXT, "ir sind b")
    assert index.token_ids(cut.start, cut.end) == (1, 2, 3)


def test_token_index_snaps_spans_between_tokens_to_the_nearest() -> None:
    index = TokenIndex(tokens_of(TEXT))
    # The first of the two spaces after "Journalisten." touches no token: "." ends right
    # before it (distance 0), "Sie" starts one character after it (distance 1) -> "."
    gap = TEXT.index(".  Sie") + 1
    period = next(t.id for t in tokens_of(TEXT) if t.start == gap - 1)
    assert index.token_ids(gap, gap + 1) == (period,)
    assert index.token_ids(gap, gap + 1, snap=False) == ()
    # The single space between "Wir" (1) and "sind" (2) is as near to both: the following wins
    space = TEXT.index("Wir") + 3
    assert index.token_ids(space, space + 1) == (2,)
    # A zero-length span at the end of "Wir" is nearest to "Wir" itself
    assert index.token_ids(space, space) == (1,)
    assert TokenIndex([]).token_ids(0, 5) == ()


def test_token_index_char_spans_follow_runs_of_tokens() -> None:
    index = TokenIndex(tokens_of(TEXT))
    assert index.char_spans([0, 1, 2, 3, 4]) == ((0, len("„Wir sind bereit“")),)
    sagte = span(TEXT, "sagte")
    assert index.char_spans([1, 6]) == ((1, 4), (sagte.start, sagte.end))
    assert index.char_spans([]) == ()


# -- converting attributions -------------------------------------------------------------
def attribution(kind: str = "direct", **changes: Any) -> Attribution:
    quote = span(TEXT, "„Wir sind bereit“")
    values: dict[str, Any] = {
        "kind": kind,
        "quote": quote,
        "content": Span.of(TEXT, quote.start + 1, quote.end - 1),
        "speaker": Speaker(span(TEXT, "Anna Brandt"), "Anna Brandt", "person"),
        "cue": Cue((span(TEXT, "sagte"),)),
        "frame": span(TEXT, "sagte Anna Brandt"),
        "addressee": span(TEXT, "Journalisten"),
    }
    values.update(changes)
    return Attribution(**values)


def test_attributions_become_corpus_annotations() -> None:
    index = TokenIndex(tokens_of(TEXT))
    (annotation,) = attributions_to_annotations([attribution()], TEXT, index)
    assert annotation.type == "Direct"
    assert annotation.medium == "none"  # unknown medium is written as "none", never null
    assert annotation.tokens("quote") == (0, 1, 2, 3, 4)
    assert annotation.tokens("speaker") == (7, 8)
    assert annotation.tokens("cue") == (6,)
    assert annotation.tokens("frame") == (6, 7, 8)
    assert annotation.tokens("addressee") == (10,)
    assert annotation.quote.char_spans == ((0, 17),)


@pytest.mark.parametrize(
    ("kind", "corpus_type"),
    [
        ("direct", "Direct"),
        ("indirect", "Indirect"),
        ("free_indirect", "FreeIndirect"),
        ("indirect_free_indirect", "IndirectFreeIndirect"),
        ("reported", "Reported"),
    ],
)
def test_kinds_map_to_corpus_types(kind: str, corpus_type: str) -> None:
    index = TokenIndex(tokens_of(TEXT))
    (annotation,) = attributions_to_annotations([attribution(kind, medium="SW")], TEXT, index)
    assert (annotation.type, annotation.medium) == (corpus_type, "SW")


def test_discontinuous_cue_and_missing_roles() -> None:
    text = "Sie kündigte an, man plane weiter."
    index = TokenIndex(tokens_of(text))
    quote = span(text, "man plane weiter")
    record = Attribution(
        kind="indirect",
        quote=quote,
        content=quote,
        speaker=Speaker(None, "Anna Brandt"),  # implied speaker: no mention, no tokens
        cue=Cue((span(text, "kündigte"), span(text, "an"))),
    )
    (annotation,) = attributions_to_annotations([record], text, index)
    assert annotation.tokens("cue") == (1, 2)
    assert annotation.part("cue").char_spans == ((4, 12), (13, 15))
    assert annotation.tokens("speaker") == ()
    assert annotation.tokens("frame") == annotation.tokens("addressee") == ()


def test_nesting_is_marked_among_a_documents_quotes() -> None:
    text = "Er sagte, man habe „genug“ gehört. Dann ging er."
    index = TokenIndex(tokens_of(text))
    outer = span(text, "man habe „genug“ gehört")
    inner = span(text, "„genug“")
    records = [
        Attribution(kind="indirect", quote=outer, content=outer),
        Attribution(
            kind="direct", quote=inner, content=Span.of(text, inner.start + 1, inner.end - 1)
        ),
    ]
    first, second = attributions_to_annotations(records, text, index)
    assert (first.is_nested, first.has_nested) == (False, True)
    assert (second.is_nested, second.has_nested) == (True, False)
    assert mark_nesting([[(0, 5)], [(0, 5)], []]) == [(False, True), (True, False), (False, False)]


# -- writing and reading -----------------------------------------------------------------
def test_written_predictions_are_what_the_public_scorer_reads(tmp_path: Path) -> None:
    index = TokenIndex(tokens_of(TEXT))
    annotations = attributions_to_annotations(
        [
            attribution(),
            attribution("indirect", speaker=None, cue=None, frame=None, addressee=None),
        ],
        TEXT,
        index,
    )
    path = write_predictions(
        tmp_path / "out" / "p.jsonl", [("doc one", annotations, index), ("doc two", [])]
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["documentName"] == "doc one"
    for annotation in record["annotations"]:
        # The scorer reads type, medium and each part's tokenIds; none may be null, and a
        # quote without tokens would make it divide by zero.
        assert annotation["type"] in {"Direct", "Indirect"}
        assert isinstance(annotation["medium"], str)
        for name in PART_NAMES:
            assert isinstance(annotation[name]["tokenIds"], list)
        assert annotation["quote"]["tokenIds"]
    direct = record["annotations"][0]
    assert direct["quote"]["spans"] == [{"begin": 0, "end": 5, "charBegin": 0, "charEnd": 17}]
    assert direct["quote"]["text"] == "„Wir sind bereit“"
    assert json.loads(lines[1]) == {"documentName": "doc two", "annotations": []}

    read_back = read_predictions(path)
    assert [a.tokens("speaker") for a in read_back["doc one"]] == [(7, 8), ()]
    assert read_back["doc one"][0].quote.char_spans == ((0, 17),)
    assert read_back["doc two"] == []


def test_reading_predictions_tolerates_nulls_and_missing_parts() -> None:
    line = json.dumps(
        {
            "documentName": "d",
            "annotations": [
                {
                    "type": "Direct",
                    "medium": None,
                    "quote": {"tokenIds": [3, 1, 1, 2]},
                    "speaker": None,
                }
            ],
        }
    )
    (annotation,) = read_predictions(io.StringIO(line + "\n\n"))["d"]
    assert annotation.medium == "none"
    assert annotation.tokens("quote") == (1, 2, 3)  # sorted, duplicates removed
    assert annotation.tokens("speaker") == annotation.tokens("cue") == ()
    assert annotation.is_nested is None
    with pytest.raises(ValueError, match="line 1"):
        read_predictions(io.StringIO("{not json\n"))


def test_annotation_to_json_without_an_index_keeps_offsets() -> None:
    annotation = Annotation("Reported", "", {"quote": Part((4, 5), ((10, 20),), "x")})
    record = annotation_to_json(annotation)
    assert record["medium"] == "none"
    assert record["quote"] == {
        "spans": [{"charBegin": 10, "charEnd": 20}],
        "text": "x",
        "tokenIds": [4, 5],
    }
    assert record["speaker"] == {"spans": [], "text": "", "tokenIds": []}


def test_reading_a_corpus_folder(corpus_dir: Path) -> None:
    documents = read_corpus(corpus_dir)
    assert [d.name for d in documents] == ["a - erstes", "b - zweites"]  # sorted by file name
    assert len(read_corpus(corpus_dir, limit=1)) == 1
    second = documents[1]
    assert isinstance(second, CorpusDocument)
    assert second.text == TEXT
    direct, indirect = second.annotations
    assert direct.type == "Direct" and direct.tokens("quote") == (0, 1, 2, 3, 4)
    assert direct.quote.char_spans == ((0, 17),)
    assert direct.is_nested is False
    assert indirect.medium == "none"  # null in the file
    assert read_document(corpus_dir / "a.pretty.json").name == "a - erstes"


def test_resolving_the_gold_folder(corpus_dir: Path) -> None:
    assert resolve_gold_dir(corpus_dir) == corpus_dir.resolve()
    with pytest.raises(FileNotFoundError):
        resolve_gold_dir(corpus_dir / "nowhere")


def test_the_corpus_can_be_pointed_to_by_environment(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTES_WIKINEWS_DIR", str(corpus_dir.parent))
    assert default_gold_dir("dev") == corpus_dir.resolve()


# -- the command -------------------------------------------------------------------------
def test_regex_baseline_finds_marked_quotes() -> None:
    from benchmarks.wikinews import RegexBaseline

    text = 'Sie sagte: „Ja.“ Er: »Nein«. Der Film "Kleine Welt". Ein „offenes Zeichen.'
    found = RegexBaseline().extract(text)
    assert [a.quote.text for a in found] == ["„Ja.“", "»Nein«", '"Kleine Welt"']
    assert [a.content.text for a in found] == ["Ja.", "Nein", "Kleine Welt"]
    assert {a.kind for a in found} == {"direct"} and all(a.speaker is None for a in found)


def test_the_command_end_to_end_on_a_small_folder(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks.wikinews import main

    out = tmp_path / "regex.jsonl"
    assert (
        main(
            [
                "--gold",
                str(corpus_dir),
                "--baseline",
                "regex",
                "--predictions",
                str(out),
                "--errors",
                "--quiet",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "Messages" in printed and "Direct exact span" in printed and "Error analysis" in printed
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    # The baseline finds „Wir sind bereit“ and »Gut« (gold, exact) and "Kleine Welt" (not).
    # Direct exact span: tp 2, system 3, gold 2 -> the row reads 2/3/2
    assert "2/3/2" in printed
    # Scoring the written file again gives the same table.
    assert main(["--gold", str(corpus_dir), "--score", str(out), "--markdown", "--quiet"]) == 0
    again = capsys.readouterr().out
    assert "| Messages (quote tokens) |" in again and "2/3/2" in again


def test_the_command_runs_the_extractor(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks.wikinews import main

    out = tmp_path / "rules.jsonl"
    assert (
        main(["--gold", str(corpus_dir), "--predictions", str(out), "--quiet", "--limit", "1"]) == 0
    )
    assert "quotes (rules backend)" in capsys.readouterr().out
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


# -- generated texts for the speed benchmark ---------------------------------------------
def test_generated_documents_have_the_size_asked_for_and_quotes() -> None:
    from benchmarks.speed import generate_document

    text = generate_document(10_000, seed=3)
    size = len(text.encode("utf-8"))
    assert 10_000 <= size < 11_000
    assert "„" in text and "“" in text and "\n\n" in text
    assert generate_document(10_000, seed=3) == text  # deterministic


def test_pathological_documents() -> None:
    from benchmarks.speed import PATHOLOGICAL_CASES, generate_pathological

    for case in PATHOLOGICAL_CASES:
        text = generate_pathological(case, 20_000)
        assert 19_000 <= len(text.encode("utf-8")) < 40_000, case
    assert "\n" not in generate_pathological("one giant paragraph", 20_000)
    assert "“" not in generate_pathological("unmatched opening marks", 20_000)


def test_linearity_and_time_limit() -> None:
    from benchmarks.speed import MB, CaseTimeout, Timing, linearity, time_limit

    timings = [
        Timing("1 MB", MB, 0, 1.0, 0, 0.0, nominal=MB),
        Timing("10 MB", 10 * MB, 0, 12.0, 0, 0.0, nominal=10 * MB),
    ]
    # time per MB: 12/10 = 1.2 at 10 MB, 1.0 at 1 MB -> 1.2
    result = linearity(timings)
    assert result is not None and result[1] == pytest.approx(1.2)
    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers on this platform")
    with pytest.raises(CaseTimeout), time_limit(0.05):
        while True:
            pass


# -- the real corpus, where present ------------------------------------------------------
needs_corpus = pytest.mark.skipif(default_gold_dir() is None, reason="corpus not in ../shared")


@needs_corpus
def test_corpus_tokens_index_the_original_text() -> None:
    gold_dir = default_gold_dir()
    assert gold_dir is not None
    for document in read_corpus(gold_dir, limit=5):
        for token in document.tokens:
            assert document.text[token.start : token.end] == token.text
        for annotation in document.annotations:
            assert annotation.quote.token_ids
            assert annotation.medium  # never null after reading


@needs_corpus
def test_gold_scores_one_against_itself() -> None:
    from benchmarks.metric import evaluate

    gold_dir = default_gold_dir()
    assert gold_dir is not None
    documents = read_corpus(gold_dir, limit=8)
    report = evaluate(documents, {d.name: list(d.annotations) for d in documents})
    assert report.all is not None
    assert report.all.messages.f1 == 1.0
    assert report.all.type.f1 == 1.0
    assert report.direct_exact.f1 == 1.0 or report.direct_exact.tp + report.direct_exact.fn == 0
