"""The indirect-speech detectors skip the sentences parse on demand left unparsed (speed),
without changing what they find: the cue search and the Konjunktiv test of such a sentence
are skipped, hearsay after speech is still read off its words."""

from __future__ import annotations

import quotes
from quotes.detectors.indirect.scan import is_unparsed
from quotes.detectors.syntax import SentenceView
from quotes.document import Document
from quotes.parse.assembly import filler

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


def test_a_sentence_view_cuts_its_clauses_on_first_use() -> None:
    """Parse on demand's filler sentences are mostly never read for clauses: a view cuts
    them when first asked, the same clauses as cut at once."""
    from quotes.detectors.syntax import _clauses

    text = "Er sagte, das sei (so weit, so gut) richtig, und ging; dann kam sie."
    parsed = filler(text, 0, len(text))
    view = SentenceView(parsed, 0, len(parsed), 0, 0)
    assert "clauses" not in vars(view)
    expected = _clauses(parsed, 0, len(parsed))
    assert len(expected) > 2
    assert view.clauses == expected
    assert [view.clause_of(c.first) for c in expected] == list(expected)
    assert list(view.clauses_after(expected[0].first)) == list(expected[1:])


_HEARSAY = (
    "Der Mann soll geholfen haben. Die Stellen sollen im Herbst wegfallen. Er sagte, sie "
    "solle kommen. Sie soll ihn gepackt, ihm in die Augen geschaut und ihn geschlagen "
    "haben. Das Bad bleibt geschlossen. Solltest du kommen, ruf an."
)


def _is_reportive_reference(scan: object, s: SentenceView, *, perfect: bool = True) -> bool:
    """is_reportive as it was, reading every main clause."""
    from quotes.detectors.indirect.clauses import is_main
    from quotes.detectors.indirect.scan import capped

    parsed, rules, clauses = scan.parsed, scan.rules, s.clauses  # type: ignore[attr-defined]
    for index, clause in enumerate(clauses):
        if not is_main(scan, clause):  # type: ignore[arg-type]
            continue
        end = capped(clause)
        words = [parsed[j].text.lower() for j in range(clause.first, end)]
        if not any(w in rules.reportive_modals for w in words):
            continue
        tails = [words[-3:]]
        for later in clauses[index + 1 :]:
            if not is_main(scan, later):  # type: ignore[arg-type]
                break
            last = capped(later)
            tails.append([parsed[j].text.lower() for j in range(max(later.first, last - 3), last)])
        if not perfect or any(w in rules.perfect_auxiliaries for tail in tails for w in tail):
            return not any(scan.in_direct[j] for j in range(clause.first, end))  # type: ignore[attr-defined]
    return False


def test_hearsay_is_read_as_before(parse_extractor: quotes.Extractor) -> None:
    """is_reportive looks for "sollen" in the whole sentence before it reads its clauses."""
    from quotes.detectors.indirect.continuation import is_reportive
    from quotes.detectors.indirect.scan import DocumentScan

    assert parse_extractor._parser is not None
    doc = Document.build(_HEARSAY, parse_extractor._splitter)
    scan = DocumentScan(
        parse_extractor._indirect.rules,
        parse_extractor._parser.parse(_HEARSAY),
        doc,
        [],
        parse_extractor._mentions.lexicon,
    )
    answers = []
    for s in scan.sentences:
        for perfect in (True, False):
            answer = is_reportive(scan, s, perfect=perfect)
            assert answer == _is_reportive_reference(scan, s, perfect=perfect), s
            answers.append(answer)
    assert any(answers) and not all(answers)
