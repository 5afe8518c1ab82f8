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

import pytest

from quotes import Extractor
from quotes.pipeline.speakers import Frame

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
