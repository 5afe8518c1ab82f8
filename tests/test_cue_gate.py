"""The indirect detectors' cue search skips the tokens no branch of it can take (two set
lookups and the tags, :attr:`~quotes.detectors.lexicon.DetectorRules.cue_words`): it finds
what the search over every token finds."""

from __future__ import annotations

import quotes
from quotes.detectors.indirect import detector
from quotes.detectors.indirect.scan import DocumentScan, is_verb
from quotes.detectors.indirect.source_cues import (
    adverb_candidates,
    nach_candidates,
    noun_candidates,
    so_candidates,
    source_candidates,
)
from quotes.detectors.indirect.verb_cues import verb_candidates
from quotes.document import Document

_TEXT = (
    "Laut Polizei sei der Mann geflohen. Nach Angaben der Behörde habe er nichts gesagt. "
    "Die Ministerin erklärte am Montag, das Gesetz komme, so die Sprecherin. Demnach gebe "
    "es keine Einigung. Der Bericht zufolge fehlen Mittel. Er kündigte an, er werde "
    "zurücktreten. Die Mitteilung der Stadt war kurz. Sie teilte mit, alles sei gut."
)


def _reference(scan: DocumentScan, s: object) -> list[object]:
    """The search over every token, as it was."""
    found = []
    for i in range(s.first, s.end):  # type: ignore[attr-defined]
        if scan.in_direct[i]:
            continue
        token = scan.parsed[i]
        low = token.text.lower()
        rules = scan.rules
        if low in rules.source_prepositions or low in rules.source_postpositions:
            found.extend(source_candidates(scan, s, i))  # type: ignore[arg-type]
        elif low == "nach":
            found.extend(nach_candidates(scan, s, i))  # type: ignore[arg-type]
        elif low == "so" and i > s.first and scan.parsed[i - 1].text == ",":  # type: ignore[attr-defined]
            found.extend(so_candidates(scan, s, i))  # type: ignore[arg-type]
        elif low in rules.source_adverbs or low in rules.source_adverbs_konjunktiv:
            found.extend(adverb_candidates(scan, s, i))  # type: ignore[arg-type]
        elif token.text in rules.reporting_nouns:
            found.extend(noun_candidates(scan, s, i))  # type: ignore[arg-type]
        elif (
            is_verb(token)
            or token.tag.startswith("V")
            or token.text in rules.cue_forms
            or token.text in rules.irregular
        ):
            found.extend(verb_candidates(scan, s, i))  # type: ignore[arg-type]
    return detector.choose(scan, s, found)  # type: ignore[arg-type]


def test_cue_search_finds_what_the_search_over_every_token_finds(
    parse_extractor: quotes.Extractor,
) -> None:
    assert parse_extractor._parser is not None
    doc = Document.build(_TEXT, parse_extractor._splitter)
    parsed = parse_extractor._parser.parse(_TEXT)
    rules = parse_extractor._indirect.rules
    lexicon = parse_extractor._mentions.lexicon
    scan = DocumentScan(rules, parsed, doc, [], lexicon)
    total = 0
    for s in scan.sentences:
        got = detector._cue_candidates(scan, s)
        assert got == _reference(scan, s)
        total += len(got)
    assert total >= 4
    lower, written = rules.cue_words
    assert {"laut", "demnach"} <= lower  # "nach" and "so" the branches name themselves
    assert "zufolge" in lower or "zufolge" in rules.source_postpositions
    assert "Mitteilung" in written or "Mitteilung" not in rules.reporting_nouns
