"""extract() keeps no more than it returns (issue 9 §2: a text of many short quotations,
the dateline lines, is mostly its frames and then mostly its attributions).

``extract()`` gives what ``analyze().attributions`` gives, but lets each stage's results
go as soon as no later stage reads them: a frame goes once its attribution is made, and
nothing of the pipeline is left for the cyclic collector.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes import Extractor
from quotes.pipeline.outlets.base import Candidate
from quotes.pipeline.outlets.gazetteer import _claim
from quotes.pipeline.outlets.passages import _text_order
from quotes.pipeline.speakers import Frame
from quotes.records import Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TEXTS = [
    "Berlin (dpa) – „Ja“, sagte er.\n" * 30,
    "Wie die „Bild“ unter Berufung auf die dpa berichtet, sagte er: „Nein.“\n"
    "Kanzler Olaf Scholz sagte: „Nein.“ Nach Angaben der Polizei sagte er: „Gut.“\n"
    "In einem Interview mit dem ZDF sagte Wüst, „wir schaffen das“. „Es geht“, fügte er hinzu.",
    # Two frames of the same quotation offsets: their order is the frames' order.
    "„Ja“, „Ja“ und „Nein“, sagten sie. Laut Reuters sagte Peskow: „Das ist falsch.“",
    "",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor("rules")


@pytest.mark.parametrize("text", TEXTS + [p.read_text() for p in sorted(SEEDS.glob("*.txt"))])
def test_extract_gives_what_analyze_gives(extractor: Extractor, text: str) -> None:
    found = extractor.extract(text, "tagesschau.de")
    analysis = extractor.analyze(text, "tagesschau.de")
    assert found == list(analysis.attributions)
    assert [repr(a) for a in found] == [repr(a) for a in analysis.attributions]
    assert len(analysis.frames) == len(found)


def test_extract_lets_each_frame_go_once_its_attribution_is_made(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cyclic collector off, the frames whose attributions are made are gone
    while the later ones are being made: only the frame at hand is alive, and it holds no
    Mention (the speaker resolution, its only reader, is done and gone)."""
    seen: list[weakref.ref[Frame]] = []
    alive: list[int] = []
    mentions: list[bool] = []
    to_attribution = Frame.to_attribution

    def recording(self: Frame, *args: object) -> object:
        alive.append(sum(ref() is not None for ref in seen))
        seen.append(weakref.ref(self))
        mentions.append(self.mention is not None)
        return to_attribution(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Frame, "to_attribution", recording)
    text = "Berlin (dpa) – „Ja“, sagte er.\n" * 40
    gc.collect()
    gc.disable()
    try:
        found = extractor.extract(text)
    finally:
        gc.enable()
    assert len(found) == 40
    assert alive == [0] * 40
    # The speakers are resolved: the frames' Mentions went with the resolution.
    assert mentions == [False] * 40
    # analyze() keeps its frames, for inspection, with their Mentions.
    seen.clear()
    alive.clear()
    mentions.clear()
    analysis = extractor.analyze(text)
    assert alive == list(range(40))
    assert mentions == [True] * 40
    assert len(analysis.frames) == 40
    assert all(f.mention is not None for f in analysis.frames)


# -- the orderings that skip their sort keys give what the sorts gave ------------------------
_offsets = st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(st.lists(_offsets, max_size=8), max_size=4))
def test_claim_merges_as_a_stable_sort_of_both_runs(passes: list[list[tuple[int, int]]]) -> None:
    def made() -> list[list[Candidate]]:
        return [
            [Candidate(s, e, f"{k}.{i}", "outlet") for i, (s, e) in enumerate(found)]
            for k, found in enumerate(passes)
        ]

    def claim_by_sorting(runs: list[list[Candidate]]) -> list[Candidate]:
        claimed: list[Candidate] = []
        for candidates in runs:
            candidates.sort(key=lambda c: (c.start, -c.end))
            accepted: list[Candidate] = []
            i = 0
            for candidate in candidates:
                if candidate.end <= candidate.start:
                    continue
                while i < len(claimed) and claimed[i].end <= candidate.start:
                    i += 1
                if i < len(claimed) and claimed[i].start < candidate.end:
                    continue
                if accepted and accepted[-1].end > candidate.start:
                    continue
                accepted.append(candidate)
            claimed = sorted(claimed + accepted, key=lambda c: c.start)
        return claimed

    assert _claim(made()) == claim_by_sorting(made())


@given(st.lists(_offsets, max_size=10))
def test_chains_come_in_the_order_the_sort_gave(quotes: list[tuple[int, int]]) -> None:
    frames = [SimpleNamespace(quote=Span(s, e, "x" * (e - s))) for s, e in quotes]
    expected = sorted(range(len(frames)), key=lambda i: (quotes[i][0], -quotes[i][1]))
    assert list(_text_order(frames)) == expected  # type: ignore[arg-type]
