"""quotes.evaluate: the JSON Lines gold format, its converters, predictions files, the measures
per kind and the ``quotes evaluate`` command.

Hand-made documents only; the tests that read the Wikinews corpus skip where it is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes.evaluate.corpus import read_corpus
from quotes.evaluate.gold import (
    GoldError,
    corpus_to_gold,
    gold_schema,
    gold_to_corpus,
    gold_to_corpus_json,
    parse_gold,
    read_gold,
    write_gold,
)
from quotes.evaluate.metric import EvaluationError, evaluate, hungarian
from quotes.evaluate.predictions import (
    extract_predictions,
    match_predictions,
    read_predictions_file,
)
from quotes.evaluate.scoring import evaluate_all, exact_measures
from quotes.records import KINDS, MEDIA, SOURCE_TYPES, SPEAKER_TYPES

REPO = Path(__file__).resolve().parents[1]
SEEDS_GOLD = REPO / "seeds" / "gold.jsonl"
CORPUS = Path("/work/shared/corpora/wikinews-quotes-2024")
for _candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
    if (_candidate / "corpora" / "wikinews-quotes-2024").is_dir():
        CORPUS = _candidate / "corpora" / "wikinews-quotes-2024"
needs_corpus = pytest.mark.skipif(not (CORPUS / "dev").is_dir(), reason="corpus not in ../shared")

TEXT = "„Wir sind bereit“, sagte Anna Brandt laut Tass. Sie betonte, man plane weiter."


def span(text: str, piece: str) -> dict[str, Any]:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece}


def gold_line(**overrides: Any) -> dict[str, Any]:
    """One gold document about TEXT: a direct and an indirect quotation."""
    direct = {
        "kind": "direct",
        **span(TEXT, "„Wir sind bereit“"),
        "speaker": {"mention": span(TEXT, "Anna Brandt"), "name": "Anna Brandt", "type": "person"},
        "cue": {"text": "sagte", "parts": [span(TEXT, "sagte")]},
        "via": [{"name": "Tass", "type": "agency", "relation": "laut", "hop": 1}],
        "nested_in": None,
    }
    indirect = {
        "kind": "indirect",
        **span(TEXT, "man plane weiter"),
        "speaker": {"mention": span(TEXT, "Sie"), "name": "Anna Brandt", "type": "person"},
        "cue": {"text": "betonte", "parts": [span(TEXT, "betonte")]},
        "via": [],
        "nested_in": None,
    }
    line = {"document": "a.txt", "text": TEXT, "quotations": [direct, indirect]}
    line.update(overrides)
    return line


def write_lines(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "".join(
            (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines
        ),
        encoding="utf-8",
    )
    return path


# -- the format --------------------------------------------------------------------------
def test_the_seeds_gold_is_valid_and_read_with_its_texts() -> None:
    documents = read_gold(SEEDS_GOLD)
    assert len(documents) == 5
    assert sum(len(d.quotations) for d in documents) == 97
    for document in documents:
        assert document.text == (SEEDS_GOLD.parent / document.name).read_text(encoding="utf-8")


def test_the_schema_names_the_records_vocabularies() -> None:
    definitions = gold_schema()["$defs"]
    assert definitions["quotation"]["properties"]["kind"]["enum"] == list(KINDS)
    assert definitions["speaker"]["properties"]["type"]["enum"] == list(SPEAKER_TYPES)
    assert definitions["source"]["properties"]["type"]["enum"] == list(SOURCE_TYPES)
    medium = definitions["quotation"]["properties"]["medium"]["oneOf"][0]["enum"]
    assert medium == list(MEDIA)


def test_the_schema_ships_in_the_package() -> None:
    schema_file = Path(quotes.__file__).parent / "evaluate" / "gold.schema.json"
    assert json.loads(schema_file.read_text(encoding="utf-8"))["title"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: d["quotations"][1].update(kind="hearsay"), "$.quotations[1].kind", "hearsay"),
        (lambda d: d["quotations"][0].pop("start"), "$.quotations[0]", "'start'"),
        (
            lambda d: d["quotations"][0]["speaker"].update(type="alien"),
            "$.quotations[0].speaker.type",
            "alien",
        ),
        (
            lambda d: d["quotations"][0]["speaker"]["mention"].update(start=1),
            "$.quotations[0].speaker.mention.text",
            "not the text at 1:",
        ),
        (lambda d: d["quotations"][1].update(end=10_000), "$.quotations[1]", "outside the text"),
        (lambda d: d["quotations"][1].update(nested_in=1), "$.quotations[1].nested_in", "no other"),
        (lambda d: d.update(colour="blue"), "$", "colour"),
        (lambda d: d.update(path="a.txt"), "$", "inline (text) or as a file (path), not both"),
    ],
)
def test_an_error_names_the_line_and_the_field(
    tmp_path: Path, change: Any, field: str, words: str
) -> None:
    broken = gold_line(document="b.txt")
    change(broken)
    path = write_lines(tmp_path / "gold.jsonl", [gold_line(), "", broken])
    with pytest.raises(GoldError) as caught:
        read_gold(path)
    assert caught.value.line == 3
    assert caught.value.field == field
    assert words in caught.value.message
    assert f"{path}, line 3, {field}: " in str(caught.value)


def test_unreadable_lines_and_texts_are_reported(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", ["{not json"])
    with pytest.raises(GoldError, match=r"line 1, \$: not JSON"):
        read_gold(path)
    path = write_lines(tmp_path / "gold.jsonl", [{"document": "missing.txt", "quotations": []}])
    with pytest.raises(GoldError, match=r"line 1, \$\.document: cannot read the text"):
        read_gold(path)
    path = write_lines(tmp_path / "gold.jsonl", [gold_line(), gold_line()])
    with pytest.raises(GoldError, match=r"line 2, \$\.document: 'a.txt' is already on line 1"):
        read_gold(path)


def test_texts_come_inline_from_a_path_or_from_the_document_name(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    inline = gold_line()
    by_path = {**gold_line(document="doc-1"), "path": "texts/a.txt"}
    del by_path["text"]
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    by_name = gold_line(document="a.txt")
    del by_name["text"]
    for line in (inline, by_path, by_name):
        path = write_lines(tmp_path / "gold.jsonl", [line])
        assert read_gold(path)[0].text == TEXT


# -- converters --------------------------------------------------------------------------
def test_gold_becomes_corpus_annotations_with_names_and_chains() -> None:
    corpus = gold_to_corpus(parse_gold(gold_line()))
    direct, indirect = corpus.annotations
    assert (direct.type, indirect.type) == ("Direct", "Indirect")
    assert direct.speaker_name == "Anna Brandt" and direct.via == ("Tass",)
    assert indirect.via == () and direct.medium is None  # medium not annotated
    words = [corpus.text[t.start : t.end] for t in corpus.tokens]
    assert [words[i] for i in direct.tokens("speaker")] == ["Anna", "Brandt"]
    assert [words[i] for i in direct.quote.token_ids] == ["„", "Wir", "sind", "bereit", "“"]


def test_a_discontinuous_quotation_keeps_its_pieces() -> None:
    text = "„Wir kommen“, sagte sie, „und bleiben.“"
    first, second = span(text, "„Wir kommen“"), span(text, "„und bleiben.“")
    quotation = {
        "kind": "direct",
        "start": first["start"],
        "end": second["end"],
        "text": text[first["start"] : second["end"]],
        "parts": [first, second],
        "speaker": None,
        "cue": None,
    }
    corpus = gold_to_corpus(parse_gold({"document": "d", "text": text, "quotations": [quotation]}))
    spans = corpus.annotations[0].quote.char_spans
    assert spans == ((first["start"], first["end"]), (second["start"], second["end"]))
    back = corpus_to_gold(corpus)
    assert back["quotations"][0]["parts"] == [first, second]


def test_wikinews_round_trip_keeps_every_token_of_every_part() -> None:
    gold = parse_gold(gold_line())
    as_corpus = gold_to_corpus(gold)
    from quotes.evaluate.corpus import document_from_json

    again = document_from_json(gold_to_corpus_json(gold))
    assert [a.parts for a in again.annotations] == [a.parts for a in as_corpus.annotations]
    line = corpus_to_gold(again)
    assert line["quotations"][0]["speaker"]["name"] is None  # the corpus resolves no names
    assert "via" not in line["quotations"][0]  # nor chains: not annotated, not "none"
    reread = gold_to_corpus(parse_gold(line))
    for first, second in zip(reread.annotations, as_corpus.annotations, strict=True):
        assert first.parts == second.parts and first.type == second.type


@needs_corpus
def test_the_converted_corpus_scores_exactly_like_the_corpus(tmp_path: Path) -> None:
    documents = read_corpus(CORPUS / "dev", limit=25)
    path = write_gold(tmp_path / "dev.jsonl", (corpus_to_gold(d) for d in documents))
    converted = [gold_to_corpus(d) for d in read_gold(path)]
    extractor = quotes.Extractor("rules")
    predictions = extract_predictions(extractor, documents)
    original = evaluate(documents, predictions)
    again = evaluate(converted, extract_predictions(extractor, converted))
    assert again.all == original.all and again.top_level == original.top_level
    assert again.direct_exact == original.direct_exact
    assert again.confusion == original.confusion


# -- measures ----------------------------------------------------------------------------
def test_exact_spans_speakers_and_chains_per_kind() -> None:
    gold = gold_to_corpus(parse_gold(gold_line()))
    system_line = gold_line()
    system_line["quotations"][0]["via"] = []  # chain wrong
    system_line["quotations"][1]["speaker"]["name"] = "Sie"  # speaker wrong
    duplicate = json.loads(json.dumps(system_line["quotations"][0]))
    system_line["quotations"].append(duplicate)  # the same span twice counts once
    system = gold_to_corpus(parse_gold(system_line))
    scores = exact_measures([gold], {"a.txt": list(system.annotations)})
    assert (scores["Direct"].exact.tp, scores["Direct"].exact.fp, scores["Direct"].exact.fn) == (
        1,
        1,
        0,
    )
    assert (scores["Indirect"].exact.tp, scores["Indirect"].exact.fn) == (1, 0)
    assert (scores["Direct"].speaker.correct, scores["Direct"].speaker.total) == (1, 1)
    assert (scores["Indirect"].speaker.correct, scores["Indirect"].speaker.total) == (0, 1)
    assert (scores["Direct"].chain.correct, scores["Direct"].chain.total) == (0, 1)
    assert (scores["all"].chain.correct, scores["all"].chain.total) == (1, 2)
    assert scores["Indirect"].speaker.mismatches[0]["system"] == "Sie"


def test_a_missing_scipy_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy.optimize", None)
    with pytest.raises(EvaluationError, match="pip install 'scipy"):
        hungarian()


# -- predictions files -------------------------------------------------------------------
def _seeds_evaluation(predictions_path: Path | None = None) -> Any:
    gold = read_gold(SEEDS_GOLD)
    documents = [gold_to_corpus(d) for d in gold]
    if predictions_path is None:
        predictions = extract_predictions(quotes.Extractor("rules"), documents)
    else:
        lines = read_predictions_file(predictions_path)
        predictions, unmatched = match_predictions(lines, documents, str(predictions_path))
        assert unmatched == []
    return evaluate_all(
        documents, predictions, non_quotations={d.name: d.non_quotations for d in gold}
    )


def test_the_three_predictions_shapes_score_alike(tmp_path: Path) -> None:
    """`quotes extract` output, the gold format and the Wikinews format give the same scores."""
    from quotes.evaluate.corpus import annotation_to_json

    extractor = quotes.Extractor("rules")
    gold = read_gold(SEEDS_GOLD)
    extract_lines, corpus_lines = [], []
    for document in gold:
        attributions = extractor.extract(document.text)
        extract_lines.append(
            {
                "document": f"seeds/{document.name}",
                "attributions": [a.to_dict() for a in attributions],
            }
        )
        corpus = gold_to_corpus(document)
        annotations = extract_predictions(extractor, [corpus])[corpus.name]
        corpus_lines.append(
            {
                "documentName": document.name,
                "annotations": [annotation_to_json(a, corpus.token_index) for a in annotations],
            }
        )
    reference = _seeds_evaluation().to_dict()
    for name, lines in (("extract", extract_lines), ("corpus", corpus_lines)):
        result = _seeds_evaluation(write_lines(tmp_path / f"{name}.jsonl", lines)).to_dict()
        assert result["corpus_metric"] == reference["corpus_metric"], name
        assert result["exact_spans"] == reference["exact_spans"], name
    # The gold itself as predictions: perfect everywhere.
    perfect = _seeds_evaluation(SEEDS_GOLD).to_dict()
    assert perfect["corpus_metric"]["all"]["joint"]["f1"] == 1.0
    assert perfect["exact_spans"]["all"]["f1"] == 1.0
    assert perfect["speaker_accuracy"]["all"]["accuracy"] == 1.0
    assert perfect["chain_accuracy"]["all"]["accuracy"] == 1.0


def test_predictions_on_another_text_are_refused_with_line_and_field(tmp_path: Path) -> None:
    gold = [gold_to_corpus(parse_gold(gold_line()))]
    other = quotes.Extractor("rules").extract("„Nein“, sagte Merz.")
    path = write_lines(
        tmp_path / "p.jsonl", [{"document": "a.txt", "attributions": [a.to_dict() for a in other]}]
    )
    with pytest.raises(GoldError, match=r"line 1, \$\.attributions\[0\]\.quote: .*another text"):
        match_predictions(read_predictions_file(path), gold, str(path))
    path = write_lines(tmp_path / "p.jsonl", [{"something": []}])
    with pytest.raises(GoldError, match="expected 'attributions'"):
        read_predictions_file(path)


def test_the_seeds_scores_are_the_seeds_tests_scores() -> None:
    """The direct row reproduces tests/seeds_scoring.py's measures on the rules backend."""
    sys.path.insert(0, str(REPO / "tests"))
    import seeds_scoring

    seeds = seeds_scoring.load_gold()
    predicted = seeds_scoring.extract_all(quotes.Extractor("rules"), seeds)
    direct = seeds_scoring.score_direct(seeds, predicted)
    speakers, via = seeds_scoring.score_speakers(direct), seeds_scoring.score_via(direct)
    report = _seeds_evaluation().to_dict()
    row = report["exact_spans"]["Direct"]
    assert (row["tp"], row["fp"], row["fn"]) == (direct.tp, direct.fp, direct.fn)
    speaker = report["speaker_accuracy"]["Direct"]
    assert (speaker["correct"], speaker["total"]) == (speakers.correct, speakers.total)
    chain = report["chain_accuracy"]["Direct"]
    assert (chain["correct"], chain["total"]) == (via.correct, via.total)


# -- the command -------------------------------------------------------------------------
def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotes", "evaluate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_command_prints_the_table_and_writes_the_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = run_cli("--gold", str(SEEDS_GOLD), "--backend", "rules", "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "Exact spans by kind" in done.stdout
    assert "Messages (quote tokens)" in done.stdout
    assert "Type confusion" in done.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents"] == 5 and data["gold_quotations"] == 97
    assert data["system"] == "quotes (rules backend)"
    assert data["corpus_metric"]["all"]["medium"] is None  # the seeds annotate no medium


def test_the_command_scores_a_predictions_file_and_lists_errors(tmp_path: Path) -> None:
    extract = subprocess.run(
        [sys.executable, "-m", "quotes", "extract", "--backend", "rules", "seeds/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert extract.returncode == 0, extract.stderr
    predictions = tmp_path / "mine.jsonl"
    predictions.write_text(extract.stdout, encoding="utf-8")
    done = run_cli("--gold", "seeds/gold.jsonl", "--predictions", str(predictions), "--errors")
    assert done.returncode == 0, done.stderr
    assert "predictions mine.jsonl" in done.stdout
    assert "Error analysis" in done.stdout
    assert "25/25/26" in done.stdout  # the direct row, as from the library itself


def test_the_command_reports_bad_gold_in_one_line(tmp_path: Path) -> None:
    broken = gold_line()
    broken["quotations"][0]["kind"] = "hearsay"
    path = write_lines(tmp_path / "gold.jsonl", [broken])
    done = run_cli("--gold", str(path))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"quotes: {path}, line 1, $.quotations[0].kind: 'hearsay' is not one of "
        "['direct', 'indirect', 'free_indirect', 'indirect_free_indirect', 'reported']"
    ]
    assert run_cli("--gold", str(tmp_path / "nowhere.jsonl")).returncode == 2
    assert run_cli().returncode == 2


def test_the_command_converts_between_the_formats(tmp_path: Path) -> None:
    folder = tmp_path / "wikinews"
    assert run_cli("--gold", str(SEEDS_GOLD), "--convert", str(folder)).returncode == 0
    assert len(list(folder.glob("*.json"))) == 5
    back = tmp_path / "back.jsonl"
    assert run_cli("--gold", str(folder), "--convert", str(back)).returncode == 0
    documents = read_gold(back)
    assert sum(len(d.quotations) for d in documents) == 97


def test_quotes_help_lists_evaluate() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quotes", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and "evaluate" in done.stdout
    done = run_cli("--help")
    assert done.returncode == 0 and "--gold-format" in done.stdout
