"""quotes.strategies and quotes.testing: the strategies users build property tests on, used
here on the library itself.

``test_planted_direct_quotations_are_found_with_their_speaker`` is the self-check of issue 10:
at least 95 % of the planted direct quotations must come back with exactly their span and
their planted speaker. It prints the rates of every pattern (speaker, cue, chain, indirect
speech too), so a regression shows where it is.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import quotes
from quotes.evaluate.gold import gold_to_corpus, parse_gold
from quotes.evaluate.predictions import extract_predictions
from quotes.evaluate.scoring import evaluate_all
from quotes.strategies import (
    PATTERNS,
    PlantedDocument,
    attributions,
    quoted_documents,
    texts,
)
from quotes.testing import check_invariants

DIRECT_SPEAKER_RATE = 0.95
#: Planted documents the self-check draws (fixed seed: the same documents every run).
SELF_CHECK_EXAMPLES = 150

QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor(quotes.default_backend())


# -- the strategies' own promises --------------------------------------------------------
@QUICK
@given(quoted_documents())
def test_planted_offsets_are_exact(document: PlantedDocument) -> None:
    text = document.text
    assert document.quotations
    for q in document.quotations:
        assert text[q.start : q.end] == q.text
        assert q.speaker in text[q.mention[0] : q.mention[1]]
        assert q.kind in quotes.KINDS and q.pattern in PATTERNS
        cue_words = [text[s:e] for s, e in q.cue_parts]
        assert " … ".join(cue_words) == q.cue or " ".join(cue_words) == q.cue
        if q.kind == "direct":
            assert q.text[0] in '„»«"' and q.text[-1] in '“«»"'


@QUICK
@given(quoted_documents())
def test_planted_documents_are_valid_gold(document: PlantedDocument) -> None:
    gold = parse_gold(json.loads(json.dumps(document.to_gold())))
    corpus = gold_to_corpus(gold)
    perfect = {corpus.name: list(corpus.annotations)}
    report = evaluate_all([corpus], perfect).to_dict()
    assert report["exact_spans"]["all"]["f1"] == 1.0


@QUICK
@given(texts())
def test_texts_are_strings_with_the_promised_variety(text: str) -> None:
    assert isinstance(text, str)


def test_texts_cover_every_mark_style_and_long_lines() -> None:
    seen: collections.Counter[str] = collections.Counter()

    @settings(max_examples=300, deadline=None, derandomize=True, phases=[Phase.generate])
    @given(texts())
    def collect(text: str) -> None:
        for mark in '„“»«"‚‘':
            seen[mark] += mark in text
        seen["paragraph"] += "\n\n" in text
        seen["colon"] += ":" in text
        seen["control"] += any(c in text for c in "\x00\x07\x1b\x0b\x0c")
        seen["long line"] += max((len(line) for line in text.split("\n")), default=0) > 5_000

    collect()
    missing = [key for key in [*'„“»«"‚‘', "paragraph", "colon", "control", "long line"]]
    assert [key for key in missing if not seen[key]] == []


# -- the library's invariants on generated input -----------------------------------------
@QUICK
@given(texts())
def test_invariants_hold_on_generated_text(text: str) -> None:
    check_invariants(text, quotes.Extractor("rules").extract(text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quoted_documents())
def test_invariants_hold_on_planted_documents(document: PlantedDocument) -> None:
    check_invariants(document.text, quotes.extract(document.text, publisher="Kieler Nachrichten"))


def test_check_invariants_explains_what_is_broken() -> None:
    text = "„Ja“, sagte sie."
    good = quotes.Extractor("rules").extract(text)
    check_invariants(text, good)
    with pytest.raises(AssertionError) as caught:
        check_invariants("„Nein“, sagte er.", good)
    message = str(caught.value)
    assert "attribution 0 (direct 0:4 '„Ja“')" in message
    assert "quote 0:4 says '„Ja“' but the text there is '„Nei'" in message
    twice = f"{text} {text}"
    both = quotes.Extractor("rules").extract(twice)
    assert len(both) == 2
    check_invariants(twice, both)
    with pytest.raises(AssertionError, match="not in text order"):
        check_invariants(twice, both[::-1])
    with pytest.raises(TypeError):
        check_invariants(b"bytes", [])  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_records_round_trip_through_json(data: st.DataObject) -> None:
    record = data.draw(attributions())
    assert quotes.from_dict(json.loads(quotes.to_json(record))) == record


# -- the self-check ----------------------------------------------------------------------
def test_planted_direct_quotations_are_found_with_their_speaker(
    extractor: quotes.Extractor,
) -> None:
    """>= 95 % of planted direct quotations: exact span and the planted speaker name."""
    tally: collections.Counter[tuple[str, str]] = collections.Counter()
    misses: dict[str, list[str]] = collections.defaultdict(list)

    @settings(
        max_examples=SELF_CHECK_EXAMPLES,
        deadline=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(quoted_documents())
    def collect(document: PlantedDocument) -> None:
        found = extractor.extract(document.text)
        for q in document.quotations:
            tally[q.pattern, "planted"] += 1
            same = [
                a for a in found if (a.quote.start, a.quote.end, a.kind) == (q.start, q.end, q.kind)
            ]
            if not same:
                misses[q.pattern].append(f"not found: {q.text!r} in {document.text!r}")
                continue
            a = same[0]
            tally[q.pattern, "span"] += 1
            name = a.speaker.name if a.speaker is not None else None
            if name == q.speaker:
                tally[q.pattern, "speaker"] += 1
            else:
                misses[q.pattern].append(f"speaker {name!r} for {q.speaker!r}: {document.text!r}")
            tally[q.pattern, "cue"] += a.cue is not None and a.cue.text == q.cue
            tally[q.pattern, "chain"] += tuple(s.name for s in a.via) == q.via

    collect()
    lines = []
    for pattern in PATTERNS:
        planted = tally[pattern, "planted"]
        if planted:
            rates = ", ".join(
                f"{what} {tally[pattern, what] / planted:.3f}"
                for what in ("span", "speaker", "cue", "chain")
            )
            lines.append(f"{pattern}: {planted} planted; {rates}")
    print("\n".join(lines))
    direct = [p for p in PATTERNS if p.startswith("direct")]
    planted = sum(tally[p, "planted"] for p in direct)
    right = sum(tally[p, "speaker"] for p in direct)
    assert planted >= 150
    examples = "\n".join(m for p in direct for m in misses[p][:3])
    assert right / planted >= DIRECT_SPEAKER_RATE, (
        f"{right}/{planted} = {right / planted:.3f} planted direct quotations found with their "
        f"speaker (need {DIRECT_SPEAKER_RATE})\n" + "\n".join(lines) + "\n" + examples
    )


def test_the_library_scores_on_planted_gold_like_on_any_gold(extractor: quotes.Extractor) -> None:
    """Planted documents feed quotes.evaluate unchanged (the same numbers as the self-check
    sees, through the gold format)."""
    documents: list[PlantedDocument] = []

    @settings(max_examples=20, deadline=None, derandomize=True, phases=[Phase.generate])
    @given(quoted_documents())
    def collect(document: PlantedDocument) -> None:
        documents.append(document)

    collect()
    corpus = [
        gold_to_corpus(parse_gold(d.to_gold(f"planted-{i}"))) for i, d in enumerate(documents)
    ]
    report = evaluate_all(corpus, extract_predictions(extractor, corpus)).to_dict()
    assert report["documents"] == len(documents)
    assert report["exact_spans"]["Direct"]["recall"] > 0.5


def test_the_readme_example_test_file_runs(tmp_path: Path) -> None:
    """The example test file in README.md ("Property tests with hypothesis") passes as is."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Property tests with hypothesis") :]
    block = section[section.index("```python\n") + len("```python\n") :]
    code = block[: block.index("```")]
    assert "def test_" in code
    (tmp_path / "test_my_quotes.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_my_quotes.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
