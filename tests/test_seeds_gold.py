"""The library against the hand-made gold set of the five seed articles (seeds/gold.jsonl).

``test_gold_offsets`` and ``test_gold_is_generated`` check the gold file itself; the other
tests score ``Extractor().extract(text)`` (no publisher given) against it and print what
went wrong, document by document, when a threshold is not met.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from seeds_scoring import (
    GOLD_PATH,
    SEEDS_DIR,
    GoldDoc,
    extract_all,
    find_attribution,
    load_gold,
    non_quotation_hits,
    score_direct,
    score_speakers,
    score_via,
)

from quotes import Attribution, Extractor
from quotes.records import KINDS, SOURCE_TYPES, SPEAKER_TYPES

DIRECT_PRECISION = 0.95
DIRECT_RECALL = 0.95
SPEAKER_ACCURACY = 0.90
VIA_ACCURACY = 0.85

CARD_DOCUMENT = "000_19f5017aad30e00d.txt"
CARD_QUOTE = "„Es besteht die gegenseitige Entschlossenheit"


@pytest.fixture(scope="module")
def gold() -> list[GoldDoc]:
    return load_gold()


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def predictions(gold: list[GoldDoc], extractor: Extractor) -> dict[str, list[Attribution]]:
    return extract_all(extractor, gold)


# -- the gold file ----------------------------------------------------------------------
def _check_span(text: str, span: Any, where: str, problems: list[str]) -> None:
    if not isinstance(span, dict) or not {"start", "end", "text"} <= span.keys():
        problems.append(f"{where}: not a span: {span!r}")
        return
    start, end = span["start"], span["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        problems.append(f"{where}: bad offsets {start}:{end}")
    elif text[start:end] != span["text"]:
        problems.append(
            f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {span['text']!r}"
        )


def _check_quotation(doc: GoldDoc, i: int, q: dict[str, Any], problems: list[str]) -> None:
    where = f"{doc.document} quotation {i}"
    text = doc.text
    if q["kind"] not in KINDS:
        problems.append(f"{where}: kind {q['kind']!r} not in {KINDS}")
    _check_span(text, q, where, problems)
    if q["kind"] == "direct" and not q["text"].endswith("“"):
        problems.append(f"{where}: a direct quotation ends with its closing mark")
    speaker = q["speaker"]
    if speaker is not None:
        if speaker["type"] not in SPEAKER_TYPES:
            problems.append(f"{where}: speaker type {speaker['type']!r} not in {SPEAKER_TYPES}")
        if speaker["mention"] is not None:
            _check_span(text, speaker["mention"], f"{where} speaker mention", problems)
        if not speaker["name"] or speaker["name"] != " ".join(speaker["name"].split()):
            problems.append(f"{where}: speaker name {speaker['name']!r} is empty or unnormalised")
    cue = q["cue"]
    if cue is not None:
        parts = cue["parts"]
        if not parts:
            problems.append(f"{where}: a cue has at least one part")
        for j, part in enumerate(parts):
            _check_span(text, part, f"{where} cue part {j}", problems)
        for left, right in itertools.pairwise(parts):
            if left["end"] > right["start"]:
                problems.append(f"{where}: cue parts out of order or overlapping: {cue['text']!r}")
        if (
            parts
            and cue["text"].replace(" … ", " ").split()
            != " ".join(p["text"] for p in parts).split()
        ):
            problems.append(f"{where}: cue text {cue['text']!r} does not join its parts")
    hops = []
    for source in q["via"]:
        if source["type"] not in SOURCE_TYPES:
            problems.append(f"{where}: source type {source['type']!r} not in {SOURCE_TYPES}")
        if not source["name"] or not source["relation"]:
            problems.append(f"{where}: source without name or relation: {source!r}")
        hops.append(source["hop"])
    if any(h < 0 for h in hops) or hops != sorted(hops):
        problems.append(f"{where}: via hops must be >= 0 and never decrease: {hops}")
    parent = q["nested_in"]
    if parent is not None:
        if not (isinstance(parent, int) and 0 <= parent < len(doc.quotations) and parent != i):
            problems.append(f"{where}: nested_in {parent!r} is not another quotation's index")
        else:
            outer = doc.quotations[parent]
            if not (outer["start"] <= q["start"] and q["end"] <= outer["end"]):
                problems.append(f"{where}: lies outside quotation {parent} it is nested in")


def test_gold_offsets(gold: list[GoldDoc]) -> None:
    """Every gold span is the seed's text at its offsets; vocabularies and order hold."""
    seeds = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    assert [d.document for d in gold] == seeds, "one gold line per seed file, in file-name order"
    problems: list[str] = []
    for doc in gold:
        starts = [(q["start"], -q["end"]) for q in doc.quotations]
        if starts != sorted(starts):
            problems.append(f"{doc.document}: quotations are not in text order")
        for i, q in enumerate(doc.quotations):
            _check_quotation(doc, i, q, problems)
        for j, nq in enumerate(doc.non_quotations):
            where = f"{doc.document} non_quotation {j}"
            _check_span(doc.text, nq, where, problems)
            if nq["class"] not in ("title", "term"):
                problems.append(f"{where}: class {nq['class']!r} is not title or term")
            if not (nq["text"].startswith("„") and nq["text"].endswith("“")):
                problems.append(f"{where}: a non-quotation is a span in quotation marks")
        direct = {(q["start"], q["end"]) for q in doc.direct}
        for nq in doc.non_quotations:
            if (nq["start"], nq["end"]) in direct:
                problems.append(f"{doc.document}: {nq['text']!r} is both quotation and not")
    assert not problems, "gold.jsonl problems:\n" + "\n".join(problems)


def _make_gold_module() -> ModuleType:
    path = Path(SEEDS_DIR) / "make_gold.py"
    spec = importlib.util.spec_from_file_location("seeds_make_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_gold_is_generated() -> None:
    """gold.jsonl is exactly what seeds/make_gold.py builds (edit the script, not the file)."""
    make_gold = _make_gold_module()
    expected = make_gold.dumps(make_gold.build())
    assert GOLD_PATH.read_text(encoding="utf-8") == expected, (
        "seeds/gold.jsonl is out of date: run python seeds/make_gold.py"
    )


# -- the library against the gold -------------------------------------------------------
def test_direct_quotations_precision_recall(
    gold: list[GoldDoc], predictions: dict[str, list[Attribution]]
) -> None:
    score = score_direct(gold, predictions)
    print(score.report())
    ok = score.precision >= DIRECT_PRECISION and score.recall >= DIRECT_RECALL
    assert ok, f"need P >= {DIRECT_PRECISION} and R >= {DIRECT_RECALL}\n{score.report()}"


def test_direct_quotation_speakers(
    gold: list[GoldDoc], predictions: dict[str, list[Attribution]]
) -> None:
    direct = score_direct(gold, predictions)
    score = score_speakers(direct)
    print(score.report())
    assert score.accuracy >= SPEAKER_ACCURACY, (
        f"need speaker accuracy >= {SPEAKER_ACCURACY} on matched direct quotations "
        f"({direct.summary()})\n{score.report()}"
    )


def test_direct_quotation_via_chains(
    gold: list[GoldDoc], predictions: dict[str, list[Attribution]]
) -> None:
    direct = score_direct(gold, predictions)
    score = score_via(direct)
    print(score.report())
    assert score.accuracy >= VIA_ACCURACY, (
        f"need via accuracy >= {VIA_ACCURACY} on matched direct quotations "
        f"({direct.summary()})\n{score.report()}"
    )


def _card_quote(gold: list[GoldDoc]) -> tuple[GoldDoc, dict[str, Any]]:
    doc = next(d for d in gold if d.document == CARD_DOCUMENT)
    quote = next(q for q in doc.direct if q["text"].startswith(CARD_QUOTE))
    return doc, quote


def _describe(attributions: list[Attribution], quote: dict[str, Any]) -> str:
    near = [
        f"  {a.kind} [{a.quote.start}:{a.quote.end}] {a.quote.text[:60]!r} -> {a.chain}"
        for a in attributions
        if a.quote.start < quote["end"] and quote["start"] < a.quote.end
    ]
    head = f"gold [{quote['start']}:{quote['end']}] {quote['text'][:60]!r}"
    return head + ("\noverlapping predictions:\n" + "\n".join(near) if near else "\nno overlap")


def test_design_card_example(
    gold: list[GoldDoc], predictions: dict[str, list[Attribution]], extractor: Extractor
) -> None:
    """„Es besteht die gegenseitige Entschlossenheit …“, sagte er laut … „Tass“."""
    doc, quote = _card_quote(gold)
    found = find_attribution(predictions[doc.document], quote["start"], quote["end"], "direct")
    assert found is not None, _describe(predictions[doc.document], quote)
    assert found.speaker is not None and found.speaker.name == "Wladimir Putin", str(found.chain)
    assert [s.name for s in found.via] == ["Tass"], str(found.chain)

    published = extractor.extract(doc.text, publisher="Epoch Times")
    found = find_attribution(published, quote["start"], quote["end"], "direct")
    assert found is not None, _describe(published, quote)
    assert [s.name for s in found.via] == ["Tass", "Epoch Times"], str(found.chain)
    assert str(found.chain) == "Wladimir Putin via Tass via Epoch Times"


def test_non_quotations_not_attributed(
    gold: list[GoldDoc], predictions: dict[str, list[Attribution]]
) -> None:
    """Quoted titles („Tass“) and terms („Diktatfrieden“) are nobody's words."""
    hits = non_quotation_hits(gold, predictions)
    assert not hits, "titles/terms returned as quotations:\n" + "\n".join(
        h.describe() for h in hits
    )
