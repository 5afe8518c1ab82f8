"""Stage 6: outlet mentions, their links, chains (via), publisher headers and lookups.

The sentences here are written for these tests; the seed articles in seeds/ are read as
they are.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from timing import growth

from quotes.document import Document, SentenceSplitter
from quotes.errors import RulesError
from quotes.pipeline.outlets import OutletFinder, OutletMention, gazetteer
from quotes.records import Chain, Source, Span, Speaker
from quotes.rules import RuleData, load_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# -- fixtures and helpers -------------------------------------------------------------------
@pytest.fixture(scope="module")
def rules() -> RuleData:
    return load_rules()


@pytest.fixture(scope="module")
def finder(rules: RuleData) -> OutletFinder:
    return OutletFinder.from_rules(rules)


@pytest.fixture(scope="module")
def build(rules: RuleData) -> Callable[[str], Document]:
    doc_rules = rules["document"]
    splitter = SentenceSplitter(
        doc_rules.get("abbreviations", ()), doc_rules.get("no_split_after_ordinal", ())
    )
    return lambda text: Document.build(text, splitter)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def at(text: str, needle: str, after: str = "") -> Span:
    """The span of ``needle`` in ``text`` (the first one after ``after``, if given)."""
    start = text.index(needle, text.index(after) if after else 0)
    return Span.of(text, start, start + len(needle))


def region(text: str, first: str, last: str) -> tuple[int, int]:
    """From the start of ``first`` to the end of ``last`` (searched after ``first``)."""
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def summary(mentions: tuple[OutletMention, ...]) -> list[tuple[str, str, str, str]]:
    return [(m.span.text, m.name, m.type, m.relation) for m in mentions]


def chain(
    finder: OutletFinder,
    doc: Document,
    first: str,
    last: str,
    speaker: Span | None = None,
) -> tuple[Source, ...]:
    start, end = region(doc.text, first, last)
    return finder.via(doc, finder.find(doc), start, end, speaker)


def hops(via: tuple[Source, ...]) -> list[tuple[str, str, str, int]]:
    return [(s.name, s.type, s.relation, s.hop) for s in via]


def check_offsets(text: str, mentions: tuple[OutletMention, ...]) -> None:
    for mention in mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text
        if mention.link is not None:
            assert text[mention.link.start : mention.link.end] == mention.link.text


# -- the seed articles ---------------------------------------------------------------------
def test_seed_000_mentions(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = seed("000")
    mentions = finder.find(build(text))
    check_offsets(text, mentions)
    assert summary(mentions) == [
        ("Berliner Zeitung", "Berliner Zeitung", "outlet", "schreibt"),
        ("Epoch Times", "Epoch Times", "outlet", "laut"),
        ("X", "X", "platform", "auf"),
        ("Epoch Times", "Epoch Times", "outlet", "laut"),
        ("Tass", "Tass", "agency", "laut"),
    ]
    tass = mentions[-1]
    assert tass.span == at(text, "Tass", "Weltarchitektur")
    assert tass.link == at(text, "laut", "Weltarchitektur")


def test_seed_000_putin_via_tass(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = seed("000")
    doc = build(text)
    speaker = at(text, "er", "Weltarchitektur“, sagte ")
    via = chain(finder, doc, "„Es besteht", "„Tass“.", speaker)
    assert via == (Source("Tass", "agency", "laut", at(text, "Tass", "Weltarchitektur"), hop=1),)
    assert str(Chain(Speaker(speaker, "Wladimir Putin", "person"), via)) == (
        "Wladimir Putin via Tass"
    )


def test_seed_000_sacharowa_via_epoch_times(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = seed("000")
    doc = build(text)
    speaker = at(text, "Maria Sacharowa")
    via = chain(finder, doc, "Die Sprecherin des russischen", "und so weiter.“", speaker)
    assert hops(via) == [("Epoch Times", "outlet", "laut", 1)]
    assert via[0].mention == at(text, "Epoch Times")


def test_seed_000_trump_via_epoch_times(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = seed("000")
    doc = build(text)
    speaker = at(text, "Trump", "ausgelöst hat“, sagte ")
    via = chain(finder, doc, "Trump schloss zudem", "der amerikanischen „Epoch Times“", speaker)
    assert hops(via) == [("Epoch Times", "outlet", "laut", 1)]
    assert via[0].mention == at(text, "Epoch Times", "sagte Trump laut")


def test_seed_000_costa_on_x(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = seed("000")
    doc = build(text)
    speaker = at(text, "Costa", "Auf X schrieb ")
    via = chain(finder, doc, "Der Präsident des Europäischen Rates", "zu unterstützen.“", speaker)
    assert hops(via) == [("X", "platform", "auf", 1)]
    assert via[0].mention == at(text, "X", "Auf ")


def test_seed_001_the_agency_is_the_speaker(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = seed("001")
    doc = build(text)
    (tass,) = finder.find(doc)
    assert (tass.span.text, tass.name, tass.relation, tass.link and tass.link.text) == (
        "Tass",
        "Tass",
        "berichtet",
        "berichtete",
    )
    first, last = "Die russische Nachrichtenagentur Tass", "Vertretungen lag."
    speaker = at(text, "Die russische Nachrichtenagentur Tass")
    assert chain(finder, doc, first, last, speaker) == ()
    assert chain(finder, doc, first, last, at(text, "Tass")) == ()
    # Without a speaker (the speaker stage found none), the agency carried the words.
    assert hops(chain(finder, doc, first, last)) == [("Tass", "agency", "berichtet", 1)]


def test_seed_002_tass_in_capitals(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = seed("002")
    doc = build(text)
    assert summary(finder.find(doc)) == [("TASS", "Tass", "agency", "berichtet")]
    speaker = at(text, "die russische Nachrichtenagentur TASS")
    via = chain(finder, doc, "Obwohl die Teilnehmer", "„Vertreter des Außenministeriums“", speaker)
    assert via == ()


def test_seed_003_publisher_header(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = seed("003")
    publisher = finder.publisher(build(text))
    assert publisher == Source("RENEWZ", "publisher", "publisher", at(text, "RENEWZ.de"))


def test_seed_003_branching_citation(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = seed("003")
    doc = build(text)
    mentions = finder.find(doc)
    check_offsets(text, mentions)
    linked = [m for m in mentions if m.relation != "mention"]
    assert summary(tuple(linked)) == [
        ("RENEWZ", "RENEWZ", "outlet", "laut"),
        ("CNN", "CNN", "broadcaster", "unter Berufung auf"),
        ("US-Außenministeriums", "US-Außenministerium", "organization", "unter Berufung auf"),
    ]
    renewz, cnn, ministry = linked
    assert cnn.group == ministry.group != renewz.group
    assert cnn.link == ministry.link == at(text, "unter Berufung auf")

    via = chain(finder, doc, "Laut RENEWZ", "diskutiert.")
    assert hops(via) == [
        ("CNN", "broadcaster", "unter Berufung auf", 1),
        ("US-Außenministerium", "organization", "unter Berufung auf", 1),
        ("RENEWZ", "outlet", "laut", 2),
    ]
    assert str(Chain(None, via)) == "? via CNN & US-Außenministerium via RENEWZ"


def test_seed_003_speaker_in_a_branch(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    # If the speaker stage takes CNN for the speaker, the other branch stands beside it.
    text = seed("003")
    doc = build(text)
    cnn = at(text, "CNN")
    via = chain(finder, doc, "Laut RENEWZ", "diskutiert.", cnn)
    assert hops(via) == [
        ("US-Außenministerium", "organization", "unter Berufung auf", 0),
        ("RENEWZ", "outlet", "laut", 1),
    ]
    assert str(Chain(Speaker(cnn, "CNN", "outlet"), via)) == "CNN & US-Außenministerium via RENEWZ"


def test_seed_004_domains(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = seed("004")
    doc = build(text)
    mentions = finder.find(doc)
    assert summary(mentions) == [
        ("suedkurier.de", "Südkurier", "outlet", "berichtet"),
        ("n-tv.de", "n-tv", "broadcaster", "domain"),
        ("sueddeutsche.de", "Süddeutsche Zeitung", "outlet", "domain"),
    ]
    assert mentions[0].link == at(text, "berichtet", "suedkurier.de")
    assert mentions[1].link is None


def test_seed_004_trailing_domain_names_its_sentence(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = seed("004")
    doc = build(text)
    speaker = at(text, "Rubio", "In der Regel beschreibt ")
    via = chain(finder, doc, "In der Regel beschreibt", "erreichen könne", speaker)
    assert via == (Source("n-tv", "broadcaster", "domain", at(text, "n-tv.de"), hop=1),)
    # The sentence before it names no source.
    assert chain(finder, doc, "Rubio stellte klar", "abgeben kann.") == ()


def test_seed_004_link_after_the_quote(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    # The region ends with the reported clause; "wie … berichtet" follows in its sentence.
    text = seed("004")
    doc = build(text)
    via = chain(finder, doc, "Dieses Gespräch", "Kommunikationskanal zu schaffen")
    assert hops(via) == [("Südkurier", "outlet", "berichtet", 1)]


# -- link patterns --------------------------------------------------------------------------
LINKS = [
    # (text, outlet as written, canonical name, type, relation, linking words)
    (
        "„Ja“, sagte er laut der russischen Nachrichtenagentur „Tass“.",
        "Tass",
        "Tass",
        "agency",
        "laut",
        "laut",
    ),
    (
        "Wie die „Berliner Zeitung“ schreibt, soll es ein Folgetreffen geben.",
        "Berliner Zeitung",
        "Berliner Zeitung",
        "outlet",
        "schreibt",
        "schreibt",
    ),
    (
        "„Wir sind bereit“, sagte Scholz der Deutschen Presse-Agentur.",
        "Deutschen Presse-Agentur",
        "Deutsche Presse-Agentur",
        "agency",
        "gegenüber",
        "sagte",
    ),
    (
        "Das sagte die Ministerin im Interview mit dem Deutschlandfunk.",
        "Deutschlandfunk",
        "Deutschlandfunk",
        "broadcaster",
        "interview",
        "im Interview mit",
    ),
    (
        "Nach Angaben der Nachrichtenagentur AFP wurden drei Menschen verletzt.",
        "AFP",
        "AFP",
        "agency",
        "nach Angaben",
        "Nach Angaben",
    ),
    (
        "Das bestätigte ein Sprecher gegenüber der NZZ.",
        "NZZ",
        "Neue Zürcher Zeitung",
        "outlet",
        "gegenüber",
        "gegenüber",
    ),
    (
        "Dem Sender al-Dschasira zufolge wird das Schiff umgeleitet.",
        "al-Dschasira",
        "Al Jazeera",
        "broadcaster",
        "zufolge",
        "zufolge",
    ),
    (
        "Wie die Nachrichtenagentur ANSA gestern berichtete, wurde er verhaftet.",
        "ANSA",
        "ANSA",
        "agency",
        "berichtet",
        "berichtete",
    ),
    (
        "Er wird von der Nachrichtenagentur Reuters mit den Worten zitiert, es gehe voran.",
        "Reuters",
        "Reuters",
        "agency",
        "zitiert",
        "zitiert",
    ),
    (
        "Dem Deutschlandfunk sagte die Ministerin, sie bleibe.",
        "Deutschlandfunk",
        "Deutschlandfunk",
        "broadcaster",
        "gegenüber",
        "sagte",
    ),
    (
        "„Das ist falsch“, schrieb der Präsident auf Truth Social.",
        "Truth Social",
        "Truth Social",
        "platform",
        "auf",
        "auf",
    ),
    (
        "In einem Beitrag auf X schrieb der Minister, er sei zufrieden.",
        "X",
        "X",
        "platform",
        "auf",
        "In einem Beitrag auf",
    ),
    (
        "Einem Bericht des Spiegels zufolge soll das Gesetz kommen.",
        "Spiegels",
        "Spiegel",
        "outlet",
        "zufolge",
        "zufolge",
    ),
    (
        "Laut einem dpa-Bericht ist die Lage ruhig.",
        "dpa",
        "Deutsche Presse-Agentur",
        "agency",
        "laut",
        "Laut",
    ),
    (
        "Die Ministerin war zuletzt im ZDF-Interview zu Gast.",
        "ZDF",
        "ZDF",
        "broadcaster",
        "interview",
        "Interview",
    ),
    (
        "Die Ministerin sagte am Abend im ZDF, sie bleibe.",
        "ZDF",
        "ZDF",
        "broadcaster",
        "interview",
        "sagte",
    ),
    (
        "Er betonte laut der US-amerikanischen Ausgabe der „Epoch Times“, es sei ernst.",
        "Epoch Times",
        "Epoch Times",
        "outlet",
        "laut",
        "laut",
    ),
    (
        "Das erklärte er in einem Interview mit der Süddeutschen Zeitung.",
        "Süddeutschen Zeitung",
        "Süddeutsche Zeitung",
        "outlet",
        "interview",
        "in einem Interview mit",
    ),
    (
        "Laut bergblick.de ist der Pass gesperrt.",
        "bergblick.de",
        "bergblick",
        "outlet",
        "laut",
        "Laut",
    ),
    (
        "Wie suedkurier.de berichtet, wurde telefoniert.",
        "suedkurier.de",
        "Südkurier",
        "outlet",
        "berichtet",
        "berichtet",
    ),
    (
        "Berichten der Tageszeitung „Bergblick“ zufolge ist der Pass gesperrt.",
        "Bergblick",
        "Bergblick",
        "outlet",
        "zufolge",
        "zufolge",
    ),
    (
        "Die Nachrichtenagentur Wolkenpost meldete am Morgen Schnee.",
        "Wolkenpost",
        "Wolkenpost",
        "agency",
        "meldet",
        "meldete",
    ),
    (
        "Er sagte dem Radiosender Talwelle, der Pass sei gesperrt.",
        "Talwelle",
        "Talwelle",
        "broadcaster",
        "gegenüber",
        "sagte",
    ),
    (
        "Laut der Zeitung Die Welt ist der Pass gesperrt.",
        "Die Welt",
        "Welt",
        "outlet",
        "laut",
        "Laut",
    ),
    (
        "Wie die Zeit berichtet, ist der Pass gesperrt.",
        "Zeit",
        "Zeit",
        "outlet",
        "berichtet",
        "berichtet",
    ),
    (
        "„Der Pass ist gesperrt“, so die „Tagesschau“.",
        "Tagesschau",
        "Tagesschau",
        "broadcaster",
        "laut",
        "so",
    ),
    (
        "„Wir waren besser“, sagte die Trainerin nach dem Spiel zur Sportschau.",
        "Sportschau",
        "Sportschau",
        "broadcaster",
        "gegenüber",
        "sagte",
    ),
    (
        "Eine Leserin schrieb im Nachrichtenmagazin DER SPIEGEL, das sei falsch.",
        "DER SPIEGEL",
        "Spiegel",
        "outlet",
        "beitrag",
        "schrieb",
    ),
    (
        "Dagegen sprach die Agentur Kyodo von drei Toten.",
        "Kyodo",
        "Kyodo",
        "agency",
        "berichtet",
        "sprach",
    ),
    (
        "Berichtete die russische Nachrichtenagentur TASS am Abend.",
        "TASS",
        "Tass",
        "agency",
        "berichtet",
        "Berichtete",
    ),
]


@pytest.mark.parametrize(("text", "written", "name", "kind", "relation", "link"), LINKS)
def test_link_patterns(
    finder: OutletFinder,
    build: Callable[[str], Document],
    text: str,
    written: str,
    name: str,
    kind: str,
    relation: str,
    link: str,
) -> None:
    mentions = finder.find(build(text))
    check_offsets(text, mentions)
    assert len(mentions) == 1, summary(mentions)
    (mention,) = mentions
    assert (mention.span, mention.name, mention.type, mention.relation) == (
        at(text, written),
        name,
        kind,
        relation,
    )
    assert mention.link is not None and mention.link.text == link


def test_coordinated_outlets_share_a_group(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "Tass, RIA Nowosti und Interfax berichteten übereinstimmend von Explosionen."
    mentions = finder.find(build(text))
    assert [(m.name, m.relation) for m in mentions] == [
        ("Tass", "berichtet"),
        ("RIA Nowosti", "berichtet"),
        ("Interfax", "berichtet"),
    ]
    assert len({m.group for m in mentions}) == 1
    slashed = finder.find(build("Laut dpa/AFP gab es Tote."))
    assert [(m.name, m.relation, m.group) for m in slashed] == [
        ("Deutsche Presse-Agentur", "laut", slashed[0].group),
        ("AFP", "laut", slashed[0].group),
    ]


def test_a_comma_alone_does_not_coordinate(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    mentions = finder.find(build("Er sagte der dpa, CNN habe gelogen."))
    assert [(m.name, m.relation) for m in mentions] == [
        ("Deutsche Presse-Agentur", "gegenüber"),
        ("CNN", "mention"),
    ]
    assert mentions[0].group != mentions[1].group


def test_cited_organisation(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = "Das berichtet CNN unter Berufung auf das Pentagon."
    mentions = finder.find(build(text))
    assert summary(mentions) == [
        ("CNN", "CNN", "broadcaster", "berichtet"),
        ("Pentagon", "Pentagon", "organization", "unter Berufung auf"),
    ]
    via = finder.via(build(text), mentions, 0, len(text))
    assert hops(via) == [
        ("Pentagon", "organization", "unter Berufung auf", 1),
        ("CNN", "broadcaster", "berichtet", 2),
    ]


def test_organisations_need_an_outlet(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    # Organisations are looked for only near outlets: alone they never enter a chain.
    text = "Die Polizei berichtet unter Berufung auf das Innenministerium von zwei Toten."
    doc = build(text)
    assert finder.find(doc) == ()
    text = "Laut Tass ist es kalt. Die Polizei berichtet unter Berufung auf das Innenministerium."
    doc = build(text)
    mentions = finder.find(doc)
    assert summary(mentions) == [
        ("Tass", "Tass", "agency", "laut"),
        ("Innenministerium", "Innenministerium", "organization", "unter Berufung auf"),
    ]
    start = text.index("Die Polizei")
    assert finder.via(doc, mentions, start, len(text)) == ()


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Berlin (dpa) - Die Regierung senkt die Steuern.", "dateline"),
        ("Die Regierung senkt die Steuern (dpa).", "quelle"),
        ("Die Regierung senkt die Steuern (Quelle: dpa).", "quelle"),
        ("Die Regierung senkt die Steuern, so steht es bei dpa.de.", "domain"),
    ],
)
def test_sources_by_position(
    finder: OutletFinder, build: Callable[[str], Document], text: str, relation: str
) -> None:
    (mention,) = finder.find(build(text))
    assert mention.name == "Deutsche Presse-Agentur"
    assert mention.relation == relation


# -- what is not an outlet, or not linked --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Der Vertrag gilt auf Zeit.",
        "Die Welt ist groß, und die Zeit drängt.",
        "Er malt ein Bild der Lage.",
        "Er trägt Verantwortung gegenüber der Welt.",
        "Zur gleichen Zeit berichtete die Polizei von Unruhen.",
        "Die X-Achse zeigt die Zeit.",
        "Am Freitag sagte er der Presse, alles sei gut.",
        "Das sagte er vor dem Standard-Modell.",
        "Er sah den „Herrn der Ringe“ im Kino.",
        "Laut Polizei gab es keine Verletzten.",
        "Nach der Enzyklika „Deus caritas est“ meldete der Vatikan Zustimmung.",
        "Nach der Enzyklika meldete der Radiosender Zustimmung.",
        "Er sagte der Zeitung Montag früh, alles sei gut.",
        "Die New Yorker Polizei ermittelt seit Montag.",
        "Er sagte zum Abschluss, alles sei gut.",
    ],
)
def test_ordinary_words_are_no_outlets(
    finder: OutletFinder, build: Callable[[str], Document], text: str
) -> None:
    assert finder.find(build(text)) == ()


def test_a_genitive_is_no_interview(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    mentions = finder.find(build("Ein Sprecher der dpa sagte, alles sei gut."))
    assert summary(mentions) == [("dpa", "Deutsche Presse-Agentur", "agency", "mention")]
    mentions = finder.find(build("Das sagte ein Sprecher der dpa."))
    assert summary(mentions) == [("dpa", "Deutsche Presse-Agentur", "agency", "mention")]


def test_plain_mentions_never_enter_a_chain(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "CNN-Moderator Jake Tapper sagte: „Das war ein langer Tag.“"
    doc = build(text)
    mentions = finder.find(doc)
    assert [(m.name, m.relation) for m in mentions] == [("CNN", "mention")]
    assert finder.via(doc, mentions, 0, len(text), at(text, "Jake Tapper")) == ()


# -- chains ---------------------------------------------------------------------------------------
def test_citation_comes_before_the_citing_outlet(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "„Ja.“, sagte Putin laut Tass unter Berufung auf Interfax."
    doc = build(text)
    via = finder.via(doc, finder.find(doc), 0, len(text), at(text, "Putin"))
    assert hops(via) == [
        ("Interfax", "agency", "unter Berufung auf", 1),
        ("Tass", "agency", "laut", 2),
    ]


def test_nearest_to_the_speaker_first(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "Wie die Zeit schreibt, sagte Putin laut Tass: „Ja.“"
    doc = build(text)
    via = finder.via(doc, finder.find(doc), 0, len(text), at(text, "Putin"))
    assert hops(via) == [("Tass", "agency", "laut", 1), ("Zeit", "outlet", "schreibt", 2)]


def test_the_interviewer_comes_first(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "„Ja“, sagte Merz der dpa, wie die Zeit berichtet."
    doc = build(text)
    via = finder.via(doc, finder.find(doc), 0, len(text), at(text, "Merz"))
    assert hops(via) == [
        ("Deutsche Presse-Agentur", "agency", "gegenüber", 1),
        ("Zeit", "outlet", "berichtet", 2),
    ]


def test_coordinated_sources_share_a_hop(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "Laut Tass und RIA Nowosti sagte Putin: „Ja.“"
    doc = build(text)
    via = finder.via(doc, finder.find(doc), 0, len(text), at(text, "Putin"))
    assert hops(via) == [("Tass", "agency", "laut", 1), ("RIA Nowosti", "agency", "laut", 1)]
    assert (
        str(Chain(Speaker(None, "Wladimir Putin"), via)) == "Wladimir Putin via Tass & RIA Nowosti"
    )


def test_dateline_is_outermost(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = "Berlin (dpa) - Die Lage ist ernst.\n„Ja“, sagte Merz laut CNN."
    doc = build(text)
    start = text.index("„Ja“")
    via = finder.via(doc, finder.find(doc), start, len(text), at(text, "Merz"))
    assert hops(via) == [
        ("CNN", "broadcaster", "laut", 1),
        ("Deutsche Presse-Agentur", "agency", "dateline", 2),
    ]


def test_a_source_named_twice_counts_once(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "„Ja“, sagte er laut Tass, wie Tass berichtet."
    doc = build(text)
    via = finder.via(doc, finder.find(doc), 0, len(text), at(text, "er"))
    assert hops(via) == [("Tass", "agency", "laut", 1)]


def test_only_the_region_counts(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    text = "Laut CNN ist es kalt. „Ja“, sagte Merz. Der Himmel ist blau, meldet die Zeit."
    doc = build(text)
    mentions = finder.find(doc)
    start, end = region(text, "„Ja“", "Merz.")
    assert finder.via(doc, mentions, start, end, at(text, "Merz")) == ()
    assert hops(finder.via(doc, mentions, 0, len("Laut CNN ist es kalt."))) == [
        ("CNN", "broadcaster", "laut", 1)
    ]


def test_direct_links_after_the_region_do_not_count(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    # "sagte Y der dpa" belongs to Y's quotation, not to the one before it.
    text = "„A“, sagte X, und „B“, sagte Y der dpa."
    doc = build(text)
    start, end = region(text, "„A“", "sagte X")
    assert finder.via(doc, finder.find(doc), start, end, at(text, "X")) == ()


def test_via_takes_unsorted_mentions(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "„Ja.“, sagte Putin laut Tass unter Berufung auf Interfax."
    doc = build(text)
    mentions = finder.find(doc)
    reversed_list = list(reversed(mentions))
    assert finder.via(doc, reversed_list, 0, len(text)) == finder.via(doc, mentions, 0, len(text))
    assert finder.via(doc, (), 0, len(text)) == ()
    assert finder.via(doc, mentions, 10, 5) == ()


# -- publisher and lookup ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "written"),
    [
        ("RENEWZ.de\nFinde, was zählt.\nDie USA und Russland verhandeln.", "RENEWZ", "RENEWZ.de"),
        ("www.spiegel.de\nDie USA und Russland verhandeln.", "Spiegel", "spiegel.de"),
        ("\n  SPIEGEL ONLINE \nDie USA und Russland verhandeln.", "Spiegel", "SPIEGEL ONLINE"),
        ("https://www.tagesschau.de/ausland/a-100.html\nText.", "Tagesschau", "tagesschau.de"),
        ("Tagesspiegel\nText.", "Tagesspiegel", "Tagesspiegel"),
    ],
)
def test_publisher_header(
    finder: OutletFinder, build: Callable[[str], Document], text: str, name: str, written: str
) -> None:
    assert finder.publisher(build(text)) == Source(
        name, "publisher", "publisher", at(text, written)
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Europa\n\nPutin und Trump: Gespräche in Istanbul.",
        " date 2025-02 Am Donnerstag trafen sich Diplomaten.",
        "Telegram\nDer Messenger wächst.",
        "https://x.com/someone/status/1\nEin Beitrag.",
        "Die Welt\nwird wärmer.",
        "Laut CNN ist es kalt.",
        "Die Tagesschau berichtet heute über das Wetter in Istanbul und Ankara.",
    ],
)
def test_no_publisher_header(
    finder: OutletFinder, build: Callable[[str], Document], text: str
) -> None:
    assert finder.publisher(build(text)) is None


def test_the_publisher_is_found_in_the_text(
    finder: OutletFinder, build: Callable[[str], Document]
) -> None:
    text = "RENEWZ.de\nLaut RENEWZ ist es kalt."
    mentions = finder.find(build(text))
    assert [(m.span.text, m.name, m.relation) for m in mentions] == [
        ("RENEWZ.de", "RENEWZ", "mention"),
        ("RENEWZ", "RENEWZ", "laut"),
    ]
    # A publisher named by the caller is found as well.
    given = Document.build("Laut Bergpost ist es kalt.", SentenceSplitter(()), "Bergpost")
    assert [(m.name, m.relation) for m in finder.find(given)] == [("Bergpost", "laut")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dpa", ("Deutsche Presse-Agentur", "agency")),
        ("DPA", ("Deutsche Presse-Agentur", "agency")),
        ("Deutsche Presse-Agentur", ("Deutsche Presse-Agentur", "agency")),
        ("TASS", ("Tass", "agency")),
        ("„Tass“", ("Tass", "agency")),
        ("Itar-Tass", ("Tass", "agency")),
        ("The Epoch Times", ("Epoch Times", "outlet")),
        ("die Welt", ("Welt", "outlet")),
        ("Süddeutschen Zeitung", ("Süddeutsche Zeitung", "outlet")),
        ("SZ", ("Süddeutsche Zeitung", "outlet")),
        ("n-tv.de", ("n-tv", "broadcaster")),
        ("ntv", ("n-tv", "broadcaster")),
        ("sueddeutsche.de", ("Süddeutsche Zeitung", "outlet")),
        ("SUEDKURIER.DE", ("Südkurier", "outlet")),
        ("https://www.n-tv.de/politik/a.html", ("n-tv", "broadcaster")),
        ("edition.cnn.com", ("CNN", "broadcaster")),
        ("bbc.co.uk", ("BBC", "broadcaster")),
        ("RENEWZ.de", ("RENEWZ", "outlet")),
        ("Twitter", ("X", "platform")),
        ("x.com", ("X", "platform")),
        ("Freitag", ("Freitag", "outlet")),
        ("Berliner Zeitung", ("Berliner Zeitung", "outlet")),
        ("Tagesschau", ("Tagesschau", "broadcaster")),
        ("Truth Social", ("Truth Social", "platform")),
    ],
)
def test_lookup(finder: OutletFinder, text: str, expected: tuple[str, str]) -> None:
    assert finder.lookup(text) == expected


def test_lookup_without_ambiguous_aliases(finder: OutletFinder) -> None:
    for word in ("Welt", "die Welt", "Presse", "X", "Freitag", "Standard"):
        assert finder.lookup(word, ambiguous=False) is None, word
        assert finder.lookup(word) is not None, word
    assert finder.lookup("WELT", ambiguous=False) == ("Welt", "outlet")
    assert finder.lookup("Tass", ambiguous=False) == ("Tass", "agency")
    assert finder.lookup("n-tv.de", ambiguous=False) == ("n-tv", "broadcaster")


@pytest.mark.parametrize("text", ["", "   ", "Putin", "US-Außenministerium", "x" * 500, "\ud800"])
def test_lookup_unknown(finder: OutletFinder, text: str) -> None:
    assert finder.lookup(text) is None


# -- user rules -----------------------------------------------------------------------------------
def test_users_add_outlets_and_patterns(tmp_path: Path, build: Callable[[str], Document]) -> None:
    (tmp_path / "outlets.toml").write_text(
        """
[[outlet]]
name = "Kieler Woche Kurier"
type = "outlet"
aliases = ["KWK", "Kieler Woche Kurier"]
domains = ["kwk.example.org"]

[names]
broadcaster = ["Radio Förde"]

[[link]]
relation = "zu lesen"
position = "before"
pattern = '\\b[Ww]ie\\s+(?:bei|in)'

[relations]
direct = ["zu lesen"]
""",
        encoding="utf-8",
    )
    finder = OutletFinder.from_rules(load_rules("de", [tmp_path]))
    text = "Wie bei KWK zu lesen ist, sagte Radio Förde laut Tass nichts."
    mentions = finder.find(build(text))
    assert [(m.name, m.type, m.relation) for m in mentions] == [
        ("Kieler Woche Kurier", "outlet", "zu lesen"),
        ("Radio Förde", "broadcaster", "mention"),
        ("Tass", "agency", "laut"),
    ]
    assert finder.lookup("kwk.example.org") == ("Kieler Woche Kurier", "outlet")
    via = finder.via(build(text), mentions, 0, len(text))
    assert [(s.name, s.hop) for s in via] == [("Kieler Woche Kurier", 1), ("Tass", 2)]


def test_users_can_make_an_alias_ambiguous(
    tmp_path: Path, build: Callable[[str], Document]
) -> None:
    (tmp_path / "outlets.toml").write_text(
        '[[outlet]]\nname = "Focus"\ntype = "outlet"\nambiguous = ["Focus"]\n', encoding="utf-8"
    )
    finder = OutletFinder.from_rules(load_rules("de", [tmp_path]))
    assert finder.find(build("Das rückt in den Focus.")) == ()
    assert [m.relation for m in finder.find(build("Das sagte er laut Focus."))] == ["laut"]


@pytest.mark.parametrize(
    "extension",
    [
        '[[link]]\nrelation = "x"\nposition = "before"\npattern = "(unclosed"\n',
        '[[link]]\nrelation = "x"\nposition = "before"\npattern = "{no_such_macro}"\n',
        '[[link]]\nrelation = "x"\nposition = "sideways"\npattern = "x"\n',
        '[[outlet]]\nname = "Blatt"\ntype = "newspaper"\n',
        '[[outlet]]\ntype = "outlet"\n',
        '[[outlet]]\nname = "Blatt"\ntype = "outlet"\naliases = "Blatt"\n',
    ],
)
def test_bad_rules_raise_rules_error(tmp_path: Path, extension: str) -> None:
    (tmp_path / "outlets.toml").write_text(extension, encoding="utf-8")
    with pytest.raises(RulesError):
        OutletFinder.from_rules(load_rules("de", [tmp_path]))


def test_no_outlet_rules_at_all(build: Callable[[str], Document]) -> None:
    finder = OutletFinder.from_rules({})
    doc = build("Laut Tass sagte er, es stehe auf spiegel.de.")
    # Still found: domains, and a bare domain ending a sentence names its source.
    assert [(m.name, m.relation) for m in finder.find(doc)] == [("spiegel", "domain")]
    assert finder.lookup("Tass") is None


# -- robustness and speed ------------------------------------------------------------------------
NASTY = [
    "",
    "\n\n\n",
    "„“»«‚‘›‹\"'”’" * 50,
    "laut laut laut „„„ Tass “““",
    "dpa/dpa/dpa/" * 20,
    "a." * 200,
    "(dpa) - (dpa) - (dpa)",
    "Zeitung " * 30 + "X",
    "\ud800 laut \udfff Tass \x00 n-tv.de \u2028 CNN",
    "unter Berufung auf und und und, sowie oder / & CNN",
    "x" * 1000 + ".de",
    "RENEWZ.de",
    "Laut „" + "W" * 100,
    "''Le Monde'' und ''",
    "sagte " * 50 + "der dpa",
]


@pytest.mark.parametrize("text", NASTY)
def test_never_raises_on_odd_text(
    finder: OutletFinder, build: Callable[[str], Document], text: str
) -> None:
    doc = build(text)
    mentions = finder.find(doc, (Span.of(text, 0, min(3, len(text))),))
    check_offsets(text, mentions)
    for start in range(0, len(text) + 1, max(1, len(text) // 7)):
        via = finder.via(doc, mentions, start, min(len(text), start + 40), None)
        assert all(a.hop <= b.hop for a, b in itertools.pairwise(via))
    finder.publisher(doc)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "laut ",
                    "der ",
                    "„",
                    "“",
                    "Tass",
                    "dpa",
                    "CNN",
                    " und ",
                    ", ",
                    "n-tv.de",
                    "unter Berufung auf ",
                    "sagte ",
                    "Zeitung ",
                    "berichtet",
                    ".",
                    "\n",
                    "X",
                    "Welt",
                    "(",
                    ")",
                    " - ",
                    "des US-Außenministeriums",
                    "zufolge",
                    "auf ",
                ]
            ),
            st.text(max_size=5),
        ),
        max_size=40,
    ).map("".join)
)
def test_any_text(finder: OutletFinder, build: Callable[[str], Document], text: str) -> None:
    doc = build(text)
    mentions = finder.find(doc)
    check_offsets(text, mentions)
    assert list(mentions) == sorted(mentions, key=lambda m: (m.span.start, m.span.end))
    via = finder.via(doc, mentions, 0, len(text), None)
    assert all(a.hop <= b.hop for a, b in itertools.pairwise(via))
    assert len({s.name for s in via}) == len(via)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("unit", "size"),
    [
        ("a.", 60_000),
        ("„“»«", 60_000),
        (".-", 60_000),
        ("sagte der ", 60_000),
        ("x" * 60 + ".de ", 20_000),
        # Every few characters an outlet: each costs a few link-pattern matches.
        ("dpa ", 5_000),
        ("laut der „Tass“ ", 5_000),
        ("Zeitung X ", 5_000),
        ("Welt Zeit Bild ", 5_000),
        ("spiegel.de ", 5_000),
        ("CNN und ", 5_000),
    ],
)
def test_time_grows_linearly(
    finder: OutletFinder, build: Callable[[str], Document], unit: str, size: int
) -> None:
    small = unit * (size // len(unit))
    large = small * 4
    # Linear is 4×; a busy machine adds noise, most on tiny timings (hence the floor);
    # n log n would be about 4.5×, quadratic 16×.
    small_doc, large_doc = build(small), build(large)
    ratio = growth(lambda: finder.find(small_doc), lambda: finder.find(large_doc))
    assert ratio < 10, f"4× the text took {ratio:.1f}× the time"


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["dpa ", "laut der „Tass“ "])
def test_via_does_not_grow_with_the_document(
    finder: OutletFinder, build: Callable[[str], Document], unit: str
) -> None:
    # via() runs once per quotation: with the document's mentions indexed once, each call
    # costs what the region holds, not what the document holds.
    def per_call(copies: int) -> float:
        doc = build(unit * copies)
        mentions = finder.find(doc)
        finder.via(doc, mentions, 0, 1)  # the index is built once per mentions tuple
        times = []
        for _ in range(3):
            began = time.process_time()
            for mention in mentions[:200]:
                finder.via(doc, mentions, max(0, mention.span.start - 100), mention.span.end + 20)
            times.append(time.process_time() - began)
        return min(times)

    per_call(300)  # warm up
    assert per_call(8_000) < 4 * max(per_call(800), 1e-3)


@pytest.mark.slow
def test_a_megabyte_of_news_is_fast(finder: OutletFinder, build: Callable[[str], Document]) -> None:
    articles = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = articles * (1_000_000 // len(articles))
    doc = build(text)
    began = time.process_time()
    finder.find(doc)
    assert time.process_time() - began < 5


@pytest.mark.slow
@pytest.mark.parametrize(
    "line", ["Berlin (dpa) – „Wir sind bereit“, sagte Merz.\n", "(AFP/dpa) -\n"]
)
def test_many_dateline_lines_cost_linear_time(
    finder: OutletFinder, build: Callable[[str], Document], line: str
) -> None:
    # Every line a dateline, every line a quotation: each quotation reads its own dateline's
    # group, not every dateline in the document (issue 9: 57 s for 1.6 M characters).
    def chains(copies: int) -> Callable[[], object]:
        doc = build(line * copies)
        starts = [paragraph.start for paragraph in doc.paragraphs]
        mentions = finder.find(doc)

        def work() -> object:
            return [finder.via(doc, mentions, s + 5, s + len(line) - 1) for s in starts]

        return work

    ratio = growth(chains(2_000), chains(8_000))
    assert ratio < 10, f"4× the datelines took {ratio:.1f}× the CPU time"


def test_no_name_without_a_dot_is_a_domain() -> None:
    """Gazetteer.lookup answers None for a name without a dot before trying _HEADER_URL:
    neither the name nor its lower-case form can match it (a domain's dot comes before
    its top-level domain)."""
    rnd = random.Random(7)
    alphabet = "abcdeDEİIıKK\u212a-/:_ 0áß\u0307ẞ" + "".join(chr(c) for c in range(0x2E0, 0x2F0))
    names = ["de", "com", "n-tv", "https://www", "wwwde", "RENEWZde", "SUEDKURIER DE"]
    names += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    for name in names:
        assert "." not in name.lower()
        assert gazetteer._HEADER_URL.fullmatch(name) is None, name
        assert gazetteer._HEADER_URL.fullmatch(name.lower()) is None, name
