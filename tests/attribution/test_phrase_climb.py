"""The speaker phrase's climb through a run of names ends at a sentence root.

A root token is its own head in `ParsedDoc`; the climb from a split-off name up to the
root of its run of names once followed that self-loop forever (a hang found on a 1 MB
generated document). Built by hand, so no model is needed.
"""

from __future__ import annotations

import multiprocessing

from quotes.attribution.phrases import speaker_phrase
from quotes.parse.model import ParsedDoc


def _phrase() -> tuple[int, int] | None:
    # "Ministerin Berger Anna Lang": 0 is the phrase head; 1 hangs on 3, the sentence
    # root, which is a name and its own head.
    text = "Ministerin Berger Anna Lang"
    words = text.split()
    starts = [text.index(w) for w in words]
    parsed = ParsedDoc.from_columns(
        text,
        starts=starts,
        ends=[s + len(w) for s, w in zip(starts, words, strict=True)],
        upos=["NOUN", "PROPN", "PROPN", "PROPN"],
        heads=[3, 3, 3, 3],
        deps=["nsubj", "flat", "flat", "ROOT"],
    )
    return speaker_phrase(parsed, 0, 0, 4, frozenset(), lambda i: False)


def _run(send: multiprocessing.connection.Connection) -> None:
    send.send(_phrase())


def test_the_climb_stops_at_a_root_that_is_its_own_head() -> None:
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("spawn").Process(target=_run, args=(send,), daemon=True)
    child.start()
    try:
        assert receive.poll(60), "speaker_phrase did not return within 60 s (a loop)"
        phrase = receive.recv()
    finally:
        child.kill()
        child.join()
    assert phrase is None or 0 <= phrase[0] <= phrase[1] <= 4
