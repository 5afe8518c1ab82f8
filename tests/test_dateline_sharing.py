"""What the rules path shares or lets go early on a text of many short quotations (issue 9
§2, the dateline lines), and that the results are the same as before: equal entities are
one object, an index of nothing but datelines is one tuple, the quoted titles are merged
as they come, and the records are equal and round-trip as ever."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes import Extractor
from quotes.document import Document
from quotes.pipeline.mention import Mention
from quotes.pipeline.outlets.base import Candidate
from quotes.pipeline.outlets.chains import index_mentions
from quotes.pipeline.outlets.gazetteer import _TITLE, _claim
from quotes.records import Span
from quotes.serialize import from_dict

DATELINES = "Berlin (dpa) – „Ja“, sagte er.\n" * 12


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor("rules")


def test_dateline_records_are_equal_and_round_trip(extractor: Extractor) -> None:
    found = extractor.extract(DATELINES)
    assert found == list(extractor.analyze(DATELINES).attributions)
    assert len(found) == 12
    for a in found:
        assert a.speaker is not None and a.speaker.name == "er"
        assert [s.name for s in a.via] == ["Deutsche Presse-Agentur"]
        assert from_dict(json.loads(json.dumps(a.to_dict()))) == a
        assert a.quote is a.quote and DATELINES[a.quote.start : a.quote.end] == a.quote.text
    assert len({a.quote.start for a in found}) == 12


def test_equal_entities_of_one_extend_are_one_object(extractor: Extractor) -> None:
    doc = Document.build(DATELINES, extractor._splitter)
    resolver = extractor._mentions
    mentions = [
        Mention(a.speaker.mention.start, a.speaker.mention.end, "er", pronoun="er")
        for a in extractor.extract(DATELINES)
        if a.speaker is not None and a.speaker.mention is not None
    ]
    entities, _ = resolver.extend(resolver.start(doc), mentions)
    one_by_one = []
    resolution = resolver.start(doc)
    for mention in mentions:
        entity, resolution = resolver.extend(resolution, [mention])
        one_by_one.extend(entity)
    assert list(entities) == one_by_one
    assert len({id(e) for e in entities}) == len(set(entities))


def test_an_index_of_datelines_only_shares_its_tuples(extractor: Extractor) -> None:
    doc = Document.build(DATELINES, extractor._splitter)
    mentions = extractor._outlets.find(doc)
    assert mentions and all(m.relation == "dateline" for m in mentions)
    index = index_mentions(mentions)
    assert index.datelines is index.every and index.dateline_starts is index.every_starts
    assert index.datelines == tuple(mentions)
    assert index.dateline_starts == tuple(m.span.start for m in mentions)
    # Each line its own group, named apart.
    assert len({m.group for m in mentions}) == len(mentions)


def test_a_mixed_index_keeps_datelines_apart(extractor: Extractor) -> None:
    text = "Berlin (dpa) – „Ja“, sagte er.\nLaut Reuters sagte sie: „Nein.“"
    index = index_mentions(extractor._outlets.find(Document.build(text, extractor._splitter)))
    assert [m.name for m in index.datelines] == ["Deutsche Presse-Agentur"]
    assert [m.name for m in index.every] == ["Deutsche Presse-Agentur", "Reuters"]
    assert index.dateline_starts == (8,)


_TITLE_TEXTS = st.lists(
    st.sampled_from(
        [
            "„Ja“",
            "„20 Minuten“",
            "»Bild«",
            "„nein“",
            " und ",
            "„Spiegel",
            "“, ",
            "der Sender „Arte“",
            "die Zeitung „Lokal Kurier“",
            "der Sender Kanal Neun",
            " laut Reuters ",
            "„Die Zeit“ berichtet",
            "Berlin (dpa) – ",
            "\n",
        ]
    ),
    max_size=12,
).map("".join)
_GIVEN = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=4)


def _given_titles(text: str, given: list[tuple[int, int]]) -> list[Span]:
    return [Span(s, s + n, text[s : s + n]) for s, n in given if s + n <= len(text)]


@given(_TITLE_TEXTS, _GIVEN)
def test_titles_come_as_the_sorted_set_of_both(text: str, given: list[tuple[int, int]]) -> None:
    gazetteer = Extractor("rules")._outlets._gazetteer
    titles = _given_titles(text, given)
    expected = {(t.start, t.end) for t in titles}
    expected.update(
        m.span("title")
        for m in _TITLE.finditer(text)
        if m.group("title")[0].isupper() or m.group("title")[0].isdigit()
    )
    assert list(gazetteer._titles(text, titles)) == sorted(expected, key=lambda p: (p[0], -p[1]))


@given(_TITLE_TEXTS, _GIVEN, st.integers(0, 3))
def test_dropped_titles_still_claim_their_place(
    text: str, given: list[tuple[int, int]], parity: int
) -> None:
    """candidates() with ``dropped`` is the one claim of all five passes, less the
    unknown titles ``dropped`` tells of."""
    extractor = Extractor("rules")
    gazetteer = extractor._outlets._gazetteer
    doc = Document.build(text, extractor._splitter)
    titles = _given_titles(text, given)

    def dropped(candidate: Candidate) -> bool:
        return parity == 3 or candidate.start % 3 == parity

    every = _claim(
        [
            gazetteer._domain_candidates(text),
            gazetteer._gazetteer_candidates(text),
            gazetteer._publisher_candidates(doc),
            list(gazetteer._title_candidates(text, titles)),
            gazetteer._type_noun_candidates(text),
        ]
    )
    assert gazetteer.candidates(doc, titles) == every
    assert gazetteer.candidates(doc, titles, dropped) == [
        c for c in every if not (c.unknown and dropped(c))
    ]
