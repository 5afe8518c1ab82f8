"""Outlet chains that put the real source first (issue 7 §4), one test per pattern.

Two levels: :meth:`OutletFinder.chains` on hand-built frames (what the attribution stage
hands over), and the whole extractor on hand-written German sentences.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from timing import growth

import quotes
from quotes.document import Document, SentenceSplitter
from quotes.pipeline.outlets import Chained, OutletFinder
from quotes.records import Source, Span, Speaker
from quotes.rules import RuleData, load_rules


@pytest.fixture(scope="module")
def rules() -> RuleData:
    return load_rules()


@pytest.fixture(scope="module")
def finder(rules: RuleData) -> OutletFinder:
    return OutletFinder.from_rules(rules)


@pytest.fixture(scope="module")
def build(rules: RuleData) -> Callable[..., Document]:
    doc_rules = rules["document"]
    splitter = SentenceSplitter(
        doc_rules.get("abbreviations", ()), doc_rules.get("no_split_after_ordinal", ())
    )
    return lambda text, publisher=None: Document.build(text, splitter, publisher)


@pytest.fixture(scope="module")
def rules_extractor() -> quotes.Extractor:
    return quotes.Extractor("rules")


@pytest.fixture(scope="module")
def parse_extractor() -> quotes.Extractor:
    return quotes.Extractor("parse")


@attrs.frozen
class Frame:
    """The part of an attribution frame the outlet stage reads."""

    region_start: int
    region_end: int
    quote: Span
    speaker: Speaker | None
    addressee: Span | None = None


def at(text: str, needle: str, after: str = "") -> Span:
    start = text.index(needle, text.index(after) if after else 0)
    return Span.of(text, start, start + len(needle))


def frame(
    text: str,
    quote: str,
    speaker: str | None,
    name: str | None = None,
    kind: str = "person",
    *,
    sentence: str | None = None,
    addressee: str | None = None,
) -> Frame:
    """A frame over the sentence that holds ``quote`` (or over ``sentence``)."""
    q = at(text, quote)
    region = at(text, sentence) if sentence else q
    who = None
    if speaker is not None:
        who = Speaker(at(text, speaker), name or speaker, kind)  # type: ignore[arg-type]
    to = at(text, addressee) if addressee else None
    return Frame(region.start, region.end, q, who, to)


def chain(c: Chained) -> str:
    return str(quotes.records.Chain(c.speaker, c.via))


def run(
    finder: OutletFinder,
    build: Callable[..., Document],
    text: str,
    frames: list[Frame],
    publisher: str | None = None,
) -> list[Chained]:
    doc = build(text, publisher)
    source = Source(publisher, "publisher", "publisher") if publisher else None
    return list(finder.chains(doc, finder.find(doc), frames, source))


def texts(extractor: quotes.Extractor, text: str, publisher: str | None = None) -> list[str]:
    return [str(a.chain) for a in extractor.extract(text, publisher)]


# -- cited source: the outlet's source is the speaker -----------------------------------------
def test_cited_person_becomes_the_speaker(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = "Wie die „New York Times“ unter Berufung auf Diplomaten berichtet, sei ein Abkommen nah."
    f = frame(
        text,
        "sei ein Abkommen nah",
        "die „New York Times“",
        "New York Times",
        "outlet",
        sentence=text,
    )
    (c,) = run(finder, build, text, [f])
    assert c.speaker is not None
    assert c.speaker.name == "Diplomaten"
    assert c.speaker.type == "group"
    assert c.speaker.mention == at(text, "Diplomaten")
    assert chain(c) == "Diplomaten via New York Times"
    assert c.via[0].mention == at(text, "New York Times")


@pytest.mark.parametrize(
    ("text", "who", "kind"),
    [
        (
            "„Das Abkommen steht“, berichtet die „New York Times“ unter Berufung auf Diplomaten.",
            "Diplomaten",
            "group",
        ),
        (
            "„Das Abkommen steht“, meldete der „Guardian“ unter Berufung auf einen Diplomaten.",
            "Diplomaten",
            "person",
        ),
        (
            "„Das Abkommen steht“, schreibt die „Times“ unter Berufung auf Informationen aus "
            "Regierungskreisen.",
            "Regierungskreisen",
            "group",
        ),
        (
            "„Das Abkommen steht“, berichtet die „Times“ unter Berufung auf Diplomaten und "
            "Militärs.",
            "Diplomaten und Militärs",
            "group",
        ),
    ],
)
def test_cited_source_in_the_whole_pipeline(
    rules_extractor: quotes.Extractor, text: str, who: str, kind: str
) -> None:
    (a,) = rules_extractor.extract(text)
    assert a.speaker is not None
    assert a.speaker.name == who
    assert a.speaker.type == kind
    assert a.speaker.mention is not None and a.speaker.mention.text.endswith(who)
    assert len(a.via) == 1 and a.via[0].hop == 1 and a.via[0].type == "outlet"


def test_a_cited_thing_is_no_speaker(rules_extractor: quotes.Extractor) -> None:
    text = "„Das Abkommen steht“, berichtet die „New York Times“ unter Berufung auf einen Bericht."
    (a,) = rules_extractor.extract(text)
    assert a.speaker is not None and a.speaker.name == "New York Times"
    assert a.via == ()


def test_cited_outlets_stand_before_the_citing_outlet(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    # The seeds bug: "RENEWZ via CNN & US-Außenministerium via RENEWZ".
    text = (
        "Laut RENEWZ unter Berufung auf CNN und offizielle Berichte des US-Außenministeriums "
        "wurde die Lage der Botschaft diskutiert."
    )
    f = frame(
        text, "wurde die Lage der Botschaft diskutiert", "RENEWZ", "RENEWZ", "outlet", sentence=text
    )
    (c,) = run(finder, build, text, [f], publisher="RENEWZ")
    assert c.speaker is None
    assert chain(c) == "? via CNN & US-Außenministerium via RENEWZ"
    assert [s.hop for s in c.via] == [1, 1, 2]
    assert c.via[-1].type == "publisher" and c.via[-1].relation == "laut"


def test_seeds_renewz_chain(parse_extractor: quotes.Extractor) -> None:
    from pathlib import Path

    (path,) = (Path(__file__).resolve().parent.parent / "seeds").glob("003_*.txt")
    text = path.read_text(encoding="utf-8")
    (a,) = [x for x in parse_extractor.extract(text) if "prekäre Lage" in x.quote.text]
    assert str(a.chain) == "? via CNN & US-Außenministerium via RENEWZ"


# -- reporting outlet ----------------------------------------------------------------------
def test_reporting_outlet_is_the_first_hop(parse_extractor: quotes.Extractor) -> None:
    text = "Wie der „Guardian“ berichtet, sagte ein Minister, die Regierung werde nicht nachgeben."
    assert texts(parse_extractor, text) == ["Minister via Guardian"]
    assert texts(parse_extractor, text, "Kieler Nachrichten") == [
        "Minister via Guardian via Kieler Nachrichten"
    ]


def test_cited_source_with_the_parse_backend(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Wie die „New York Times“ unter Berufung auf Diplomaten berichtet, sei ein Abkommen "
        "in Reichweite."
    )
    assert texts(parse_extractor, text) == ["Diplomaten via New York Times"]


# -- each source once, never the speaker --------------------------------------------------------
def test_the_speaker_is_never_in_its_own_chain(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = "„Wir bleiben dabei“, sagte ein Sprecher laut Tass, wie Tass meldete."
    f = frame(text, "„Wir bleiben dabei“", "Tass", "Tass", "outlet", sentence=text)
    (c,) = run(finder, build, text, [f], publisher="Tass")
    assert c.speaker is not None and c.speaker.name == "Tass"
    assert c.via == ()


def test_no_source_twice_and_the_publisher_once(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = "„Wir sind bereit“, sagte Merz laut dpa, wie die dpa meldete."
    f = frame(text, "„Wir sind bereit“", "Merz", sentence=text)
    (c,) = run(finder, build, text, [f], publisher="Deutsche Presse-Agentur")
    assert chain(c) == "Merz via Deutsche Presse-Agentur"
    assert c.via[0].type == "publisher"


def test_hops_stay_without_gaps(finder: OutletFinder, build: Callable[..., Document]) -> None:
    text = "„Es ist kalt“, sagte Putin laut Tass unter Berufung auf RIA Nowosti."
    f = frame(text, "„Es ist kalt“", "Putin", sentence=text)
    (c,) = run(finder, build, text, [f], publisher="Epoch Times")
    assert chain(c) == "Putin via RIA Nowosti via Tass via Epoch Times"
    assert [s.hop for s in c.via] == [1, 2, 3]


# -- addressees that are outlets -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Wir verhandeln nicht“, sagte Merz der Nachrichtenagentur Reuters.", "Reuters"),
        ("„Das ist falsch“, sagte Merz der „Rheinischen Post“.", "Rheinische Post"),
        ("„Wir brauchen Geld“, sagte Söder im Gespräch mit dem Bayerischen Rundfunk.", "BR"),
        ("„Das war ein Fehler“, sagte Lindner in der ARD-Sendung „Maischberger“.", "ARD"),
        ("„Das war ein Fehler“, sagte Lindner dem Sender Phoenix.", "Phoenix"),
    ],
)
def test_addressee_outlets_are_the_first_hop(
    rules_extractor: quotes.Extractor, text: str, expected: str
) -> None:
    (a,) = rules_extractor.extract(text, "Kieler Nachrichten")
    assert [s.name for s in a.via] == [expected, "Kieler Nachrichten"]
    assert a.via[0].hop == 1 and a.via[0].relation in ("gegenüber", "interview")


def test_an_addressee_outlet_without_link_words_is_the_first_hop(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    # The attribution stage found the addressee; no link pattern ties "Phoenix" here.
    text = "„Das war ein Fehler“, antwortete Lindner dem Sender Phoenix."
    f = frame(text, "„Das war ein Fehler“", "Lindner", sentence=text, addressee="Phoenix")
    (c,) = run(finder, build, text, [f], publisher="Kieler Nachrichten")
    assert chain(c) == "Lindner via Phoenix via Kieler Nachrichten"
    assert c.via[0].relation == "gegenüber"


# -- interviews carry through ---------------------------------------------------------------
INTERVIEW = (
    "In einem Interview mit dem ZDF sagte Hendrik Wüst, die Union sei bereit. "
    "„Wir stehen zusammen“, sagte er.\n"
    "„Es gibt keinen Streit“, sagte Wüst weiter.\n"
)


def _interview_frames(text: str) -> list[Frame]:
    first = "In einem Interview mit dem ZDF sagte Hendrik Wüst, die Union sei bereit."
    return [
        frame(text, "die Union sei bereit", "Hendrik Wüst", sentence=first),
        frame(
            text,
            "„Wir stehen zusammen“",
            "er",
            "Hendrik Wüst",
            sentence="„Wir stehen zusammen“, sagte er.",
        ),
        frame(
            text,
            "„Es gibt keinen Streit“",
            "Wüst",
            "Hendrik Wüst",
            sentence="„Es gibt keinen Streit“, sagte Wüst weiter.",
        ),
    ]


def test_interview_carries_through_the_passage(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    chained = run(finder, build, INTERVIEW, _interview_frames(INTERVIEW), "Kieler Nachrichten")
    assert [chain(c) for c in chained] == ["Hendrik Wüst via ZDF via Kieler Nachrichten"] * 3
    assert {c.via[0].mention for c in chained} == {at(INTERVIEW, "ZDF")}


def test_interview_ends_where_another_source_is_named(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = INTERVIEW + "Laut dpa sagte Wüst: „Wir regieren gut.“\n„Das bleibt so“, sagte Wüst.\n"
    frames = [
        *_interview_frames(text),
        frame(
            text,
            "„Wir regieren gut.“",
            "Wüst",
            "Hendrik Wüst",
            sentence="Laut dpa sagte Wüst: „Wir regieren gut.“",
        ),
        frame(
            text, "„Das bleibt so“", "Wüst", "Hendrik Wüst", sentence="„Das bleibt so“, sagte Wüst."
        ),
    ]
    chained = run(finder, build, text, frames)
    assert [chain(c) for c in chained] == [
        *["Hendrik Wüst via ZDF"] * 3,
        "Hendrik Wüst via Deutsche Presse-Agentur",
        "Hendrik Wüst",
    ]


def test_interview_ends_with_another_speaker_or_a_heading(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = INTERVIEW + "„Nein“, sagte Merz.\n„Doch“, sagte Wüst.\n"
    frames = [
        *_interview_frames(text),
        frame(text, "„Nein“", "Merz", sentence="„Nein“, sagte Merz."),
        frame(text, "„Doch“", "Wüst", "Hendrik Wüst", sentence="„Doch“, sagte Wüst."),
    ]
    assert [chain(c) for c in run(finder, build, text, frames)][3:] == ["Merz", "Hendrik Wüst"]

    text = INTERVIEW + "Streit um den Haushalt\n„Doch“, sagte Wüst.\n"
    frames = [
        *_interview_frames(text),
        frame(text, "„Doch“", "Wüst", "Hendrik Wüst", sentence="„Doch“, sagte Wüst."),
    ]
    assert chain(run(finder, build, text, frames)[3]) == "Hendrik Wüst"


def test_interview_carries_in_the_whole_pipeline(parse_extractor: quotes.Extractor) -> None:
    assert texts(parse_extractor, INTERVIEW) == ["Hendrik Wüst via ZDF"] * 3


def test_frames_out_of_order_keep_their_order(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    frames = _interview_frames(INTERVIEW)
    chained = run(finder, build, INTERVIEW, frames[::-1])
    assert [chain(c) for c in chained] == ["Hendrik Wüst via ZDF"] * 3


# -- dateline agencies -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("Hamburg (dpa) - ", "Deutsche Presse-Agentur"),
        ("(AFP) – ", "AFP"),
        ("(epd) ", "epd"),
        ("Frankfurt am Main (Reuters). ", "Reuters"),
    ],
)
def test_dateline_agency_is_the_hop_before_the_publisher(
    rules_extractor: quotes.Extractor, dateline: str, agency: str
) -> None:
    text = dateline + "„Der Hafen bleibt offen“, sagte Bürgermeister Peter Tschentscher."
    (a,) = rules_extractor.extract(text, "Kieler Nachrichten")
    assert [(s.name, s.hop) for s in a.via] == [(agency, 1), ("Kieler Nachrichten", 2)]
    assert a.via[0].relation == "dateline"


def test_dateline_comes_after_the_outlets_of_the_sentence(
    rules_extractor: quotes.Extractor,
) -> None:
    text = "Berlin (dpa) - „Wir sind bereit“, sagte Merz der „Rheinischen Post“."
    assert texts(rules_extractor, text, "Kieler Nachrichten") == [
        "Friedrich Merz via Rheinische Post via Deutsche Presse-Agentur via Kieler Nachrichten"
    ]


def test_a_sentence_ending_in_parentheses_is_no_dateline(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    (mention,) = finder.find(build("Die Regierung senkt die Steuern (dpa). Mehr folgt."))
    assert mention.relation == "quelle"


def test_chains_without_mentions_or_frames(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    doc = build("„Ja“, sagte sie.")
    f = frame(doc.text, "„Ja“", "sie")
    assert finder.chains(doc, (), []) == ()
    (c,) = finder.chains(doc, (), [f], Source("Zeit", "publisher", "publisher"))
    assert chain(c) == "sie via Zeit"


def test_spoke_to_an_outlet_carries_only_to_the_end_of_the_paragraph(
    rules_extractor: quotes.Extractor,
) -> None:
    text = (
        "„Es gibt keinen Plan B“, sagte Christian Lindner der „Bild am Sonntag“. "
        "„Wir sparen“, sagte Lindner.\n\n"
        "Am Abend sagte Lindner im Bundestag: „Wir bleiben dabei.“\n"
    )
    chains = {a.quote.text: str(a.chain) for a in rules_extractor.extract(text)}
    assert chains["„Es gibt keinen Plan B“"] == "Christian Lindner via Bild am Sonntag"
    assert chains["„Wir sparen“"] == "Christian Lindner via Bild am Sonntag"
    assert chains["„Wir bleiben dabei.“"] == "Christian Lindner"


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        "Im Interview mit dem ZDF sagte Wüst: „Ja.“ „Nein“, sagte Wüst.\n",
        "Berlin (dpa) - „Ja“, sagte die „Times“ unter Berufung auf Diplomaten.\n",
        "„Ja“, sagte Merz der dpa. „Nein“, sagte er.\nÜberschrift\n",
    ],
)
def test_chains_cost_linear_time(
    finder: OutletFinder, build: Callable[..., Document], unit: str
) -> None:
    def work(copies: int) -> Callable[[], object]:
        text = unit * copies
        doc = build(text)
        mentions = finder.find(doc)
        frames = []
        for paragraph in doc.paragraphs:
            line = text[paragraph.start : paragraph.end]
            at = line.find("„")
            if at < 0:
                continue
            quote = Span.of(text, paragraph.start + at, paragraph.start + at + 4)
            word = line.split()[-1].strip(".")
            start = paragraph.start + line.rfind(word)
            speaker = Speaker(Span.of(text, start, start + len(word)), word, "person")
            frames.append(Frame(paragraph.start, paragraph.end, quote, speaker))
        return lambda: finder.chains(doc, mentions, frames)

    ratio = growth(work(1_000), work(4_000))
    assert ratio < 10, f"4× the quotations took {ratio:.1f}× the CPU time"


# -- fresh-text errors (issue 7 §4): interview outlets, "den Zeitungen der …", parallel sources --
@pytest.mark.parametrize(
    ("text", "quote", "speaker", "outlet"),
    [
        (
            "In einem Interview mit dem Sender France 2 sagte Macron, Europa müsse mehr tun.",
            "Europa müsse mehr tun",
            "Macron",
            "France 2",
        ),
        (
            "Im Interview mit France 2 sagte Macron am Abend, die Lage sei ernst.",
            "die Lage sei ernst",
            "Macron",
            "France 2",
        ),
        (
            "„Das ist ein schwarzer Tag“, sagte er den Zeitungen der Funke-Mediengruppe.",
            "„Das ist ein schwarzer Tag“",
            "er",
            "Funke Mediengruppe",
        ),
        (
            "Die Grünen-Chefin sagte den Funke-Zeitungen, die Koalition habe keine Mehrheit.",
            "die Koalition habe keine Mehrheit",
            "Die Grünen-Chefin",
            "Funke Mediengruppe",
        ),
    ],
)
def test_interview_and_addressee_outlets_of_fresh_sentences(
    finder: OutletFinder,
    build: Callable[..., Document],
    text: str,
    quote: str,
    speaker: str,
    outlet: str,
) -> None:
    f = frame(text, quote, speaker, sentence=text)
    (c,) = run(finder, build, text, [f], publisher="Kieler Nachrichten")
    assert chain(c) == f"{speaker} via {outlet} via Kieler Nachrichten"
    assert c.via[0].relation in ("interview", "gegenüber")


def test_an_addressee_outlet_ends_the_interview_passage(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = (
        "In einem Interview mit dem Sender France 2 sagte Macron, Europa müsse mehr tun. "
        "„Wir haben keine Zeit“, sagte er den Zeitungen der Funke-Mediengruppe."
    )
    frames = [
        frame(
            text,
            "Europa müsse mehr tun",
            "Macron",
            "Emmanuel Macron",
            sentence=text[: text.index(" „")],
        ),
        frame(
            text,
            "„Wir haben keine Zeit“",
            "er",
            "Emmanuel Macron",
            sentence="„Wir haben keine Zeit“, sagte er den Zeitungen der Funke-Mediengruppe.",
        ),
    ]
    assert [chain(c) for c in run(finder, build, text, frames)] == [
        "Emmanuel Macron via France 2",
        "Emmanuel Macron via Funke Mediengruppe",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Den Angaben von Reuters und AFP zufolge wurden zwölf Menschen verletzt.", "AFP"),
        (
            "Nach Angaben von Reuters und AFP wurden zwölf Menschen verletzt.",
            "Angaben von Reuters und AFP",
        ),
        ("Laut Reuters und AFP wurden zwölf Menschen verletzt.", "Reuters und AFP"),
        (
            "Bei dem Angriff wurden zwölf Menschen verletzt, berichteten Reuters und AFP.",
            "Reuters und AFP",
        ),
    ],
)
def test_coordinated_outlets_are_parallel_sources(
    finder: OutletFinder, build: Callable[..., Document], text: str, speaker: str
) -> None:
    # The attribution stage hands over one outlet or the whole phrase; either way the two
    # agencies are the source together, in the order of the text, and not a chain.
    kind = "outlet" if speaker == "AFP" else "group"
    f = frame(text, "zwölf Menschen", speaker, speaker, kind, sentence=text)
    (c,) = run(finder, build, text, [f], publisher="Kieler Nachrichten")
    assert chain(c) == "Reuters & AFP via Kieler Nachrichten"
    assert c.speaker is not None and c.speaker.type == "outlet"
    assert c.speaker.mention is not None and c.speaker.mention.text.endswith("Reuters und AFP")
    assert [(s.name, s.hop) for s in c.via] == [("AFP", 0), ("Kieler Nachrichten", 1)]


def test_a_person_of_coordinated_outlets_stays_the_speaker(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = "„Wir senden weiter“, sagte ein Sprecher von ARD und ZDF."
    f = frame(
        text, "„Wir senden weiter“", "ein Sprecher von ARD und ZDF", "Sprecher", sentence=text
    )
    (c,) = run(finder, build, text, [f])
    assert c.speaker is not None and c.speaker.name == "Sprecher"


def test_an_outlet_citing_an_agency_before_its_verb_stays_in_the_chain(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = (
        "Wie die Epoch Times unter Berufung auf die Nachrichtenagentur Tass berichtete, "
        "sagte Putin, der Westen wolle Russland schwächen."
    )
    f = frame(text, "der Westen wolle Russland schwächen", "Putin", "Wladimir Putin", sentence=text)
    (c,) = run(finder, build, text, [f])
    assert chain(c) == "Wladimir Putin via Tass via Epoch Times"
    assert [s.relation for s in c.via] == ["unter Berufung auf", "berichtet"]


def test_a_fronted_outlet_citing_a_source_before_the_verb(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = (
        "Laut einem Bericht des „Spiegel“ unter Berufung auf Sicherheitskreise plant die "
        "Regierung ein neues Gesetz."
    )
    f = frame(
        text,
        "plant die Regierung ein neues Gesetz",
        "einem Bericht des „Spiegel“",
        "Spiegel",
        "outlet",
        sentence=text,
    )
    (c,) = run(finder, build, text, [f])
    assert chain(c) == "Sicherheitskreise via Spiegel"
    # A place after the cited noun belongs to its phrase ("Kreise in Washington").
    text = "Laut „Spiegel“ unter Berufung auf Kreise in Washington plant die Regierung ein Gesetz."
    f = frame(
        text, "plant die Regierung ein Gesetz", "„Spiegel“", "Spiegel", "outlet", sentence=text
    )
    (c,) = run(finder, build, text, [f])
    assert chain(c) == "Kreise in Washington via Spiegel"
    assert c.speaker is not None and c.speaker.type == "group"
    # Another preposition ends no phrase: the cited words go on, and nothing is cut.
    text = "Laut „Spiegel“ unter Berufung auf Kreise nahe der Regierung plant diese ein Gesetz."
    f = frame(text, "plant diese ein Gesetz", "„Spiegel“", "Spiegel", "outlet", sentence=text)
    (c,) = run(finder, build, text, [f])
    assert c.speaker is not None and c.speaker.name == "Spiegel"


def test_fresh_chains_in_the_whole_pipeline(parse_extractor: quotes.Extractor) -> None:
    text = (
        "Paris. In einem Interview mit dem Sender France 2 sagte Macron, Europa müsse mehr "
        "für seine Verteidigung tun. „Wir haben keine Zeit zu verlieren“, fügte er hinzu.\n\n"
        "Nach Angaben von Reuters und AFP wurden bei dem Angriff zwölf Menschen verletzt.\n"
    )
    assert texts(parse_extractor, text) == [
        "Emmanuel Macron via France 2",
        "Emmanuel Macron via France 2",
        "Reuters & AFP",
    ]


# -- "zitierte ihn die Staatsagentur Tass": the quoting outlet carries the words -------------
TASS = (
    "Kremlsprecher Dmitri Peskow sagte der Agentur Interfax, Moskau sei bereit. "
    "Die Angaben aus Kiew seien Propaganda, zitierte ihn die Staatsagentur Tass."
)


def test_the_quoting_outlet_is_the_first_hop(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    second = "Die Angaben aus Kiew seien Propaganda, zitierte ihn die Staatsagentur Tass."
    frames = [
        frame(TASS, "Moskau sei bereit", "Kremlsprecher Dmitri Peskow", "Dmitri Peskow"),
        frame(
            TASS, "Die Angaben aus Kiew seien Propaganda", "ihn", "Dmitri Peskow", sentence=second
        ),
    ]
    frames[0] = attrs.evolve(frames[0], region_start=0, region_end=TASS.index(" Die Angaben"))
    assert [chain(c) for c in run(finder, build, TASS, frames)] == [
        "Dmitri Peskow via Interfax",
        "Dmitri Peskow via Tass",
    ]


def test_a_speaker_mention_cut_before_the_outlets_name_is_the_outlet(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    second = "Die Angaben aus Kiew seien Propaganda, zitierte ihn die Staatsagentur Tass."
    f = frame(
        TASS,
        "Die Angaben aus Kiew seien Propaganda",
        "die Staatsagentur",
        "Staatsagentur",
        "organization",
        sentence=second,
    )
    (c,) = run(finder, build, TASS, [f])
    assert c.speaker is not None and (c.speaker.name, c.speaker.type) == ("Tass", "outlet")
    assert c.speaker.mention == at(TASS, "die Staatsagentur Tass")
    assert c.via == ()


def test_an_outlet_inside_a_persons_mention_stays_in_the_chain(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    # The mention runs on into the outlet ("Peskow von der Agentur Interfax"); the outlet
    # that quoted him is still the first hop.
    text = "„Wir sind bereit“, wird Peskow von der Agentur Interfax zitiert."
    f = frame(
        text, "„Wir sind bereit“", "Peskow von der Agentur Interfax", "Dmitri Peskow", sentence=text
    )
    (c,) = run(finder, build, text, [f])
    assert chain(c) == "Dmitri Peskow via Interfax"
    assert c.via[0].relation == "zitiert"


def test_a_cited_source_keeps_the_outlets_canonical_name(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = "„Das ist falsch“, sagte die Zeitung „Bild“ unter Berufung auf Diplomaten."
    f = frame(
        text, "„Das ist falsch“", "die Zeitung „Bild“", "Zeitung Bild", "outlet", sentence=text
    )
    (c,) = run(finder, build, text, [f])
    assert chain(c) == "Diplomaten via Bild"


@pytest.mark.parametrize(
    ("text", "mention", "outlet"),
    [
        (
            "Der Fernsehsender „Silverbird“ berichtete, es gebe 56 Tote.",
            "Der Fernsehsender „Silverbird“",
            "Silverbird",
        ),
        (
            "Der israelische Fernsehsender „Channel 10“ berichtete, das Kabinett habe zugestimmt.",
            "Der israelische Fernsehsender „Channel 10“",
            "Channel 10",
        ),
    ],
)
def test_a_speaker_named_by_type_noun_and_name_is_the_outlet_not_its_own_hop(
    finder: OutletFinder, build: Callable[..., Document], text: str, mention: str, outlet: str
) -> None:
    # The resolution stage may name it "Fernsehsender Silverbird" (a person); the outlet
    # stage knows the outlet, which then is not a hop of its own chain.
    name = " ".join(w.strip("„“") for w in mention.split()[-2:])
    f = frame(text, text[text.index(", ") + 2 : -1], mention, name, sentence=text)
    (c,) = run(finder, build, text, [f])
    assert c.speaker is not None and (c.speaker.name, c.speaker.type) == (outlet, "outlet")
    assert c.via == ()


def test_a_reporter_of_an_outlet_reports_through_it(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = "Ein Reporter des Fernsehsenders n-tv berichtete, dass das eine Art Sport sei."
    f = frame(
        text,
        "dass das eine Art Sport sei",
        "Ein Reporter des Fernsehsenders n-tv",
        "Reporter des Fernsehsenders n-tv",
        sentence=text,
    )
    (c,) = run(finder, build, text, [f])
    assert chain(c) == "Reporter des Fernsehsenders n-tv via n-tv"


def test_an_unknown_outlet_takes_the_type_of_its_type_noun(
    finder: OutletFinder, build: Callable[..., Document]
) -> None:
    text = "Der Fernsehsender „Silverbird“ berichtete, laut der Zeitung „Yemen Observer“ nicht."
    assert [(m.name, m.type) for m in finder.find(build(text))] == [
        ("Silverbird", "broadcaster"),
        ("Yemen Observer", "outlet"),
    ]
