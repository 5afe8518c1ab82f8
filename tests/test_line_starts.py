"""A line break starts a sentence for the parser too, as in the document model.

The parser alone may join a headline to the paragraph after it, and the headline's
quotation then took that paragraph's subject and verb as its speaker and cue.
"""

from __future__ import annotations

import quotes

HEADLINE = (
    "Selenskyj: „Wir werden nicht aufgeben“\n\n"
    "Kiew – Der ukrainische Präsident Wolodymyr Selenskyj hat den Westen zu weiteren "
    "Waffenlieferungen aufgerufen. „Jeder Tag zählt“, sagte er am Abend."
)


def test_a_headline_quotation_keeps_its_own_speaker(parse_extractor: quotes.Extractor) -> None:
    first = parse_extractor.extract(HEADLINE)[0]
    assert first.content.text == "Wir werden nicht aufgeben"
    assert first.speaker is not None
    assert (first.speaker.mention.start, first.speaker.mention.text) == (0, "Selenskyj")
    assert first.speaker.name == "Wolodymyr Selenskyj"
    assert first.cue is None


def test_no_parsed_sentence_runs_over_a_line_break() -> None:
    from quotes.backends import SpacyBackend

    backend = SpacyBackend()
    texts = [
        HEADLINE,
        "Berlin (dpa) – Der Minister sprach\nvon einem Erfolg. Die Opposition widersprach.",
        "Ohne Zeilenumbruch sagte sie, es sei gut.",
    ]
    for text, parsed in zip(texts, backend.parse_texts(texts), strict=True):
        assert [t.text for t in parsed] and all(text[t.start : t.end] == t.text for t in parsed)
        for k in range(len(parsed.sentences)):
            assert "\n" not in parsed.sentence_span(k).text.strip(), text
