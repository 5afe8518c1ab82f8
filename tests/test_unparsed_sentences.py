"""The indirect-speech detectors skip the sentences parse on demand left unparsed (speed),
without changing what they find: the cue search and the Konjunktiv test of such a sentence
are skipped, hearsay after speech is still read off its words."""

from __future__ import annotations

import quotes
from quotes.detectors.indirect.scan import is_unparsed
from quotes.detectors.syntax import SentenceView
from quotes.document import Document
from quotes.parse.demand import filler

_TEXT = (
    "Der Bürgermeister von Lindenau sagte am Dienstag, die Sanierung des Hallenbads werde "
    "mindestens vier Millionen Euro kosten. Die Einsparungen sollen vor allem die Verwaltung "
    "treffen. Im Sommer bleibt das Bad geschlossen."
)


def _views(parsed: quotes.parse.ParsedDoc) -> list[SentenceView]:
    return [SentenceView(parsed, s.start, s.end, k, 0) for k, s in enumerate(parsed.sentences)]


def test_filler_is_unparsed_and_a_parse_is_not(parse_extractor: quotes.Extractor) -> None:
    unparsed = filler(_TEXT, 0, len(_TEXT))
    assert all(is_unparsed(unparsed, view) for view in _views(unparsed))
    assert parse_extractor._parser is not None
    parsed = parse_extractor._parser.parse(_TEXT)
    assert not any(is_unparsed(parsed, view) for view in _views(parsed))


def test_on_demand_finds_what_the_full_parse_finds_around_unparsed_sentences(
    parse_extractor: quotes.Extractor,
) -> None:
    doc = Document.build(_TEXT, parse_extractor._splitter)
    # Only the sentence with "sagte" is parsed: "sollen" without a perfect infinitive and
    # the last sentence hold no trigger word.
    assert parse_extractor._triggers.candidates(doc) == [True, False, False]
    found = [
        (a.kind, a.speaker.name if a.speaker else None, a.quote.text)
        for a in parse_extractor.extract(_TEXT)
    ]
    assert found == [
        (
            "indirect",
            "Bürgermeister von Lindenau",
            "die Sanierung des Hallenbads werde mindestens vier Millionen Euro kosten",
        ),
        # Hearsay right after speech, in an unparsed sentence: still free indirect speech.
        (
            "free_indirect",
            "Bürgermeister von Lindenau",
            "Die Einsparungen sollen vor allem die Verwaltung treffen.",
        ),
    ]
