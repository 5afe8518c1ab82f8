"""Build ``seeds/gold.jsonl``, the hand-made gold set for the five seed articles.

Every span is located by searching for its exact text (inside a unique context string, or
by occurrence index), never by hand-counted offsets, and every span is checked against the
article's text before the file is written. The annotation conventions are in
``seeds/README.md``. The annotations are the annotator's reading of each article; nothing
here runs the ``quotes`` extractor.

Run from anywhere: ``python seeds/make_gold.py`` (``--check`` compares with the file on disk
instead of writing it).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parent
GOLD = SEEDS / "gold.jsonl"

KINDS = ("direct", "indirect", "free_indirect", "indirect_free_indirect", "reported")
SPEAKER_TYPES = ("person", "organization", "outlet", "group", "unknown")
SOURCE_TYPES = ("outlet", "agency", "broadcaster", "platform", "publisher", "organization")
NON_QUOTATION_CLASSES = ("title", "term")


# -- locating spans ---------------------------------------------------------------------
@dataclass(frozen=True)
class Loc:
    """Where a span lies, by its text.

    ``needle`` is searched inside the single occurrence of ``ctx`` (which must be unique in
    the article, and hold ``needle`` once), or, without ``ctx``, as the ``occ``-th
    occurrence in the article (``occ=None``: the needle must be unique). With ``until``
    the span runs from the needle's start to the end of the first ``until`` after it.
    """

    needle: str
    ctx: str | None = None
    occ: int | None = None
    until: str | None = None


def _all(haystack: str, needle: str) -> list[int]:
    out, i = [], haystack.find(needle)
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def _whole(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] does not cut a word at either end."""
    left_ok = start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())
    right_ok = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return left_ok and right_ok


def locate(text: str, loc: Loc) -> tuple[int, int]:
    """The offsets of ``loc`` in ``text``; needles match whole words only."""
    n = len(loc.needle)
    if loc.ctx is not None:
        bases = _all(text, loc.ctx)
        assert len(bases) == 1, f"context {loc.ctx!r} occurs {len(bases)} times"
        inner = [bases[0] + i for i in _all(loc.ctx, loc.needle)]
        inner = [i for i in inner if _whole(text, i, i + n)]
        assert len(inner) == 1, f"{loc.needle!r} occurs {len(inner)} times in {loc.ctx!r}"
        start = inner[0]
    else:
        hits = [i for i in _all(text, loc.needle) if _whole(text, i, i + n)]
        if loc.occ is None:
            assert len(hits) == 1, f"{loc.needle!r} occurs {len(hits)} times; give occ or ctx"
            start = hits[0]
        else:
            assert len(hits) > loc.occ, f"{loc.needle!r} has no occurrence {loc.occ}"
            start = hits[loc.occ]
    end = start + n
    if loc.until is not None:
        stop = text.find(loc.until, start)
        assert stop >= 0, f"{loc.until!r} not found after {loc.needle!r}"
        end = stop + len(loc.until)
    assert _whole(text, start, end), f"{text[start:end]!r} cuts a word"
    return start, end


def L(needle: str, ctx: str | None = None, occ: int | None = None, until: str | None = None) -> Loc:
    return Loc(needle, ctx, occ, until)


# -- annotation specs -------------------------------------------------------------------
@dataclass(frozen=True)
class Spk:
    mention: Loc | None
    name: str
    type: str


@dataclass(frozen=True)
class Via:
    name: str
    type: str
    relation: str
    hop: int


@dataclass(frozen=True)
class Q:
    kind: str
    quote: Loc
    speaker: Spk | None
    cue: tuple[Loc, ...] = ()
    via: tuple[Via, ...] = ()
    key: str | None = None
    parent: str | None = None
    note: str | None = None
    lost_mark: bool = False


def inside(parent: Q, quote: Loc, kind: str = "direct", **changes: Any) -> Q:
    """A quotation nested in ``parent``, sharing its speaker, cue and via by default."""
    assert parent.key is not None, "give the parent a key"
    return replace(
        parent,
        kind=kind,
        quote=quote,
        key=None,
        parent=parent.key,
        note=None,
        lost_mark=False,
        **changes,
    )


@dataclass(frozen=True)
class NonQ:
    loc: Loc
    cls: str


@dataclass
class Doc:
    name: str
    quotations: list[Q]
    non_quotations: list[NonQ] = field(default_factory=list)
    publisher: Via | None = None


# -- shared entities --------------------------------------------------------------------
PUTIN = "Wladimir Putin"
TRUMP = "Donald Trump"
RUBIO = "Marco Rubio"
SACHAROWA = "Maria Sacharowa"
EPOCH = Via("Epoch Times", "outlet", "laut", 1)
TASS_VIA = Via("Tass", "agency", "laut", 1)
NTV = Via("n-tv", "broadcaster", "domain", 1)
SZ = Via("Süddeutsche Zeitung", "outlet", "domain", 1)
RENEWZ = Via("RENEWZ", "publisher", "publisher", 1)


def person(mention: Loc | None, name: str) -> Spk:
    return Spk(mention, name, "person")


# -- 000: Istanbul talks, Sacharowa, Costa, Trump, Putin, sanctions ----------------------
def doc_000() -> Doc:
    riad = Q(
        "indirect",
        L("Gespräche über „Fragen", until="betreffen, aufzunehmen"),
        Spk(
            L("US-Außenminister Marco Rubio und sein russischer Amtskollege Sergej Lawrow"),
            "Marco Rubio und Sergej Lawrow",
            "group",
        ),
        cue=(L("geeinigt", ctx="Lawrow bei einem Treffen in Riad darauf geeinigt"),),
        key="riad",
        note="agreement with an infinitive content clause, as the corpus marks 'wurde "
        "beschlossen, …'; the quoted fragment is the agreed wording",
    )
    both_sides = Spk(
        L("Beide Seiten", ctx="Beide Seiten hatten sich weiter"),
        "Marco Rubio und Sergej Lawrow",
        "group",
    )
    sacharowa = person(
        L("Die Sprecherin des russischen Außenministeriums, Maria Sacharowa"), SACHAROWA
    )
    trump_pk = person(L("Trump", ctx="Pressekonferenz betonte Trump, dass"), TRUMP)
    putin_fsb = person(L("der russische Präsident Putin"), PUTIN)
    adv = Q(
        "indirect",
        L("dass die Verhandlungen zur Beendigung", until="fortgeschritten“ seien"),
        trump_pk,
        cue=(L("betonte", ctx="Pressekonferenz betonte Trump"),),
        key="adv",
    )
    hoffnungen = Q(
        "free_indirect",
        L("Sie „wecken gewisse Hoffnungen“."),
        putin_fsb,
        key="hoffnungen",
        note="Putin's words without a frame and without Konjunktiv; Sie = the Annäherungen",
    )
    laut_ihm = Q(
        "indirect",
        L("bewege sich die aktuelle US-Regierung", until="beigetragen hätten"),
        person(L("ihm", ctx="Laut ihm bewege"), PUTIN),
        cue=(L("Laut", ctx="Laut ihm bewege"),),
        key="laut_ihm",
    )
    white_house = Spk(
        L("einer Mitteilung des Weißen Hauses vom Donnerstag"), "Weißes Haus", "organization"
    )
    return Doc(
        "000_19f5017aad30e00d.txt",
        [
            Q(
                "indirect",
                L("soll vereinbart worden sein, ein Folgetreffen abzuhalten"),
                Spk(L("die „Berliner Zeitung“"), "Berliner Zeitung", "outlet"),
                cue=(L("schreibt", ctx="„Berliner Zeitung“ schreibt"),),
                note="the outlet is the speaker: nobody else is named (via stays empty)",
            ),
            riad,
            inside(riad, L("„Fragen, die die Arbeit“")),
            Q(
                "indirect",
                L(
                    "auf ein Ende des Krieges in der Ukraine hinzuarbeiten und die diplomatischen "
                    "Beziehungen zu verbessern"
                ),
                both_sides,
                cue=(L("geeinigt", ctx="weiter darauf geeinigt"),),
            ),
            Q(
                "indirect_free_indirect",
                L(
                    "Ein zentraler Bestandteil dieser Verhandlungen sei die Wiederherstellung der "
                    "diplomatischen Vertretungen."
                ),
                both_sides,
            ),
            Q(
                "indirect",
                L(
                    "ein Auftakt zu weiteren Gesprächen",
                    ctx="Laut Russland ein Auftakt zu weiteren Gesprächen",
                ),
                Spk(L("Russland", ctx="Laut Russland ein"), "Russland", "organization"),
                cue=(L("Laut", ctx="Laut Russland"),),
                note="subheading; 'laut X' + elliptical content",
            ),
            Q(
                "indirect",
                L(
                    "dass die Gespräche in Istanbul lediglich den Auftakt für weitergehende "
                    "diplomatische Bemühungen darstellten"
                ),
                sacharowa,
                cue=(L("betonte", ctx="Maria Sacharowa, betonte"),),
                via=(EPOCH,),
            ),
            Q(
                "direct",
                L("„Wir erwarten, dass das heutige Treffen", until="und so weiter.“"),
                sacharowa,
                cue=(L("betonte", ctx="Maria Sacharowa, betonte"),),
                via=(EPOCH,),
                note="introduced by the colon frame of the previous paragraph",
            ),
            Q(
                "indirect",
                L("wurde die US-Delegation von Sonata Coulter", until="Darchijew, geleitet"),
                Spk(
                    L(
                        "einer am Donnerstag auf der Website des US-Außenministeriums "
                        "veröffentlichten Mitteilung"
                    ),
                    "US-Außenministerium",
                    "organization",
                ),
                cue=(L("hervorgeht"),),
            ),
            Q(
                "reported",
                L(
                    "Der Präsident des Europäischen Rates, António Costa, lobte",
                    until="das Engagement der Türkei.",
                ),
                person(L("Der Präsident des Europäischen Rates, António Costa"), "António Costa"),
                cue=(L("lobte", ctx="António Costa, lobte"),),
            ),
            Q(
                "direct",
                L("In diesen schwierigen Zeiten", until="in Syrien zu unterstützen.“"),
                person(L("Costa", ctx="schrieb Costa:"), "António Costa"),
                cue=(L("schrieb", ctx="schrieb Costa:"),),
                via=(Via("X", "platform", "schreibt", 1),),
                lost_mark=True,
                note="opening mark lost in scraping: the span starts at the paragraph",
            ),
            Q(
                "reported",
                L("Trump hält NATO-Beitritt der Ukraine für ausgeschlossen"),
                person(L("Trump", ctx="Trump hält NATO"), TRUMP),
                cue=(L("hält", ctx="Trump hält NATO"), L("für", ctx="für ausgeschlossen")),
                note="subheading summarising Trump's statement",
            ),
            adv,
            inside(adv, L("„sehr weit fortgeschritten“")),
            Q(
                "indirect",
                L("dass Putin seine Zusagen einhalten werde"),
                trump_pk,
                cue=(L("zeigte sich zuversichtlich"),),
            ),
            Q(
                "reported",
                L(
                    "Trump schloss zudem jegliche Spekulationen",
                    until="NATO-Beitritt der Ukraine aus",
                ),
                person(L("Trump", ctx="Trump schloss zudem"), TRUMP),
                cue=(L("schloss", ctx="Trump schloss"), L("aus", ctx="der Ukraine aus:")),
            ),
            Q(
                "direct",
                L("„Das wird einfach nicht passieren.", until="erst ausgelöst hat“"),
                person(L("Trump", ctx="sagte Trump laut"), TRUMP),
                cue=(L("sagte", ctx="sagte Trump laut"),),
                via=(EPOCH,),
            ),
            Q(
                "indirect",
                L("dass er darauf drängen werde, dass Russland", until="zurückgeben solle"),
                person(L("Er", ctx="Er betonte jedoch"), TRUMP),
                cue=(L("betonte", ctx="Er betonte jedoch"),),
                note="the 'laut … Epoch Times' of the previous sentence is not repeated",
            ),
            Q(
                "reported",
                L("Putin sieht Hoffnung auf bessere Beziehungen"),
                person(L("Putin", ctx="Putin sieht Hoffnung"), PUTIN),
                cue=(L("sieht", ctx="Putin sieht Hoffnung"),),
                note="subheading",
            ),
            Q(
                "reported",
                L(
                    "Auch der russische Präsident Putin äußerte sich",
                    until="mit der neuen US-Regierung.",
                ),
                putin_fsb,
                cue=(L("äußerte sich", ctx="Putin äußerte sich am Donnerstag"),),
            ),
            hoffnungen,
            inside(hoffnungen, L("„wecken gewisse Hoffnungen“")),
            Q(
                "direct",
                L("„Es besteht die gegenseitige Entschlossenheit", until="in der Weltarchitektur“"),
                person(L("er", ctx="sagte er laut der russischen"), PUTIN),
                cue=(L("sagte", ctx="sagte er laut der russischen"),),
                via=(TASS_VIA,),
                note="the design card's example: Wladimir Putin via Tass",
            ),
            Q(
                "reported",
                L(
                    "Zudem lobte Putin die diplomatische Herangehensweise",
                    until="mit früheren US-Administration.",
                ),
                person(L("Putin", ctx="Zudem lobte Putin"), PUTIN),
                cue=(L("lobte", ctx="Zudem lobte Putin"),),
            ),
            laut_ihm,
            inside(laut_ihm, L("„messianischen ideologischen Klischees ihrer Vorgänger“")),
            Q(
                "direct",
                L("Die in diesen Executive Orders", until="der Vereinigten Staaten dar.“"),
                white_house,
                cue=(L("heißt es"),),
                lost_mark=True,
                note="opening mark lost in scraping: the span starts at the paragraph",
            ),
            Q(
                "direct",
                L("Wir haben keine Sanktionen aufgehoben.", until="Nicht jetzt, nein.“"),
                person(L("Trump", ctx="stellte Trump klar:"), TRUMP),
                cue=(L("stellte", ctx="stellte Trump klar:"), L("klar", ctx="stellte Trump klar:")),
                lost_mark=True,
                note="opening mark lost in scraping: the span starts at the paragraph; the "
                "Pressemitteilung is the medium, not an outlet",
            ),
            Q(
                "reported",
                L("Zwar hofft Trump auf eine Beilegung des Konflikts in der Ukraine"),
                person(L("Trump", ctx="hofft Trump auf"), TRUMP),
                cue=(L("hofft", ctx="Zwar hofft Trump"),),
            ),
            Q(
                "reported",
                L("jedoch lehnt er eine sofortige Lockerung der Sanktionen gegen Moskau ab."),
                person(L("er", ctx="jedoch lehnt er eine"), TRUMP),
                cue=(L("lehnt", ctx="jedoch lehnt er"), L("ab", ctx="gegen Moskau ab.")),
            ),
            Q(
                "indirect",
                L("dass in Zukunft eine Normalisierung der Beziehungen möglich sei"),
                person(L("Trump", ctx="Trump betonte allerdings"), TRUMP),
                cue=(L("betonte", ctx="Trump betonte allerdings"),),
            ),
        ],
        [
            NonQ(L("„Berliner Zeitung“"), "title"),
            NonQ(L("„Epoch Times“", occ=0), "title"),
            NonQ(L("„Epoch Times“", occ=1), "title"),
            NonQ(L("„Tass“"), "title"),
        ],
    )


# -- 001: Istanbul talks, Tass, Ministeriumssprecher, Matwijenko, Putin, Sacharowa -------
def doc_001() -> Doc:
    ministry = Spk(L("Das US-Außenministerium"), "US-Außenministerium", "organization")
    matwijenko = Q(
        "indirect_free_indirect",
        L("Sie sei überzeugt, dass Vereinbarungen", until="die zuvor unterbrochen wurde."),
        person(L("Sie", ctx="Sie sei überzeugt"), "Valentina Matwijenko"),
        key="matwijenko",
        note="Konjunktiv I sentence without its own frame; the dass-clause under 'sei "
        "überzeugt' is not annotated separately",
    )
    putin_er = person(L("er", ctx="erklärte er, dass"), PUTIN)
    sacharowa = person(
        L("Maria Sacharowa, die Sprecherin des russischen Außenministeriums"), SACHAROWA
    )
    return Doc(
        "001_9a6ab0ca428523dd.txt",
        [
            Q(
                "indirect",
                L("dass das Hauptaugenmerk auf der Wiederherstellung", until="Vertretungen lag"),
                Spk(L("Die russische Nachrichtenagentur Tass"), "Tass", "outlet"),
                cue=(L("berichtete", ctx="Tass berichtete"),),
            ),
            Q(
                "reported",
                L("Diese Information wurde auch von der US-Botschaft in Ankara bestätigt."),
                Spk(L("der US-Botschaft in Ankara"), "US-Botschaft in Ankara", "organization"),
                cue=(L("bestätigt", ctx="Ankara bestätigt"),),
            ),
            Q(
                "indirect",
                L(
                    "dass die Gespräche nicht politische oder sicherheitsrelevante Themen umfassen "
                    "würden"
                ),
                ministry,
                cue=(L("klargestellt"),),
            ),
            Q(
                "free_indirect",
                L("Stattdessen standen organisatorische Fragen", until="im Vordergrund."),
                ministry,
                note="continues the ministry's statement ('Stattdessen' answers its 'nicht "
                "politische … Themen'); indicative, no frame",
            ),
            Q(
                "direct",
                L("„Die Ukraine steht nicht auf der Tagesordnung“"),
                person(L("ein Ministeriumssprecher"), "Ministeriumssprecher"),
                cue=(L("betonte", ctx="betonte ein Ministeriumssprecher"),),
            ),
            Q(
                "indirect",
                L(
                    "dass die USA und Russland ein Abkommen zur Beendigung des Krieges aushandeln "
                    "könnten"
                ),
                Spk(
                    L("die Ukraine und europäische Länder"),
                    "Ukraine und europäische Länder",
                    "group",
                ),
                cue=(L("äußerten"), L("ihre Besorgnis")),
            ),
            Q(
                "reported",
                L("Ein solcher „Diktatfrieden“ wird sowohl", until="Verbündeten abgelehnt."),
                Spk(
                    L("der ukrainischen Regierung als auch von europäischen Verbündeten"),
                    "ukrainische Regierung und europäische Verbündete",
                    "group",
                ),
                cue=(L("abgelehnt"),),
                note="„Diktatfrieden“ inside it is a term, not a quotation",
            ),
            Q(
                "reported",
                L(
                    "Valentina Matwijenko, die Präsidentin des russischen Oberhauses, äußerte sich "
                    "optimistisch über die Gespräche."
                ),
                person(
                    L("Valentina Matwijenko, die Präsidentin des russischen Oberhauses"),
                    "Valentina Matwijenko",
                ),
                cue=(L("äußerte sich", ctx="Oberhauses, äußerte sich"),),
            ),
            matwijenko,
            inside(matwijenko, L("„zivilisierten Kommunikation“")),
            Q(
                "reported",
                L("Der russische Präsident Wladimir Putin zeigte sich ebenfalls hoffnungsvoll."),
                person(L("Der russische Präsident Wladimir Putin"), PUTIN),
                cue=(L("zeigte sich", ctx="Putin zeigte sich"),),
            ),
            Q(
                "indirect",
                L("dass die ersten Kontakte mit der neuen US-Regierung", until="gesendet hätten"),
                putin_er,
                cue=(L("erklärte", ctx="erklärte er, dass"),),
            ),
            Q(
                "indirect_free_indirect",
                L(
                    "Beide Seiten seien bereit, die bilateralen Beziehungen",
                    until="Sicherheitsarchitektur anzugehen.",
                ),
                putin_er,
            ),
            Q(
                "indirect",
                L("dass das Treffen in Istanbul der Auftakt", until="Kontakten sein solle"),
                sacharowa,
                cue=(L("unterstrich"),),
            ),
            Q(
                "indirect_free_indirect",
                L("Ziel sei es, Vertrauen zu schaffen", until="Beziehungen abzubauen."),
                sacharowa,
            ),
        ],
        [NonQ(L("„Diktatfrieden“"), "term")],
    )


# -- 002: Putin's hope, State Department official, TASS, Trump ---------------------------
def doc_002() -> Doc:
    putin_praesident = person(L("Präsident Wladimir Putin"), PUTIN)
    pragmatismus = Q(
        "reported",
        L("Putin, der sich während einer Sitzung", until="realistische Sichtweise“."),
        person(L("Putin", ctx="Putin, der sich während"), PUTIN),
        cue=(L("lobte", ctx="äußerte, lobte"),),
        key="pragmatismus",
    )
    stimmung = Q(
        "reported",
        L("Er sprach von einer „gegenseitigen Stimmung“", until="Sicherheitsarchitektur zu lösen."),
        person(L("Er", ctx="Er sprach von einer"), PUTIN),
        cue=(L("sprach von", ctx="Er sprach von einer"),),
        key="stimmung",
    )
    beamter = person(L("Ein Beamter des US-Außenministeriums"), "Beamter des US-Außenministeriums")
    tass = Q(
        "indirect",
        L("dass die Delegation des Kremls", until="Außenministeriums“ umfasste"),
        Spk(L("die russische Nachrichtenagentur TASS"), "Tass", "outlet"),
        cue=(L("berichtete", ctx="berichtete die russische Nachrichtenagentur TASS"),),
        key="tass",
    )
    beziehung = Q(
        "reported",
        L(
            "In einem kürzlichen Gespräch mit dem britischen Premierminister",
            until="Wolodymyr Selenskyj.",
        ),
        person(L("Trump", ctx="betonte Trump seine"), TRUMP),
        cue=(L("betonte", ctx="betonte Trump seine"),),
        key="beziehung",
    )
    return Doc(
        "002_d6f5599850a0c901.txt",
        [
            Q(
                "indirect",
                L("dass die beiden Länder ihre diplomatischen Differenzen überwinden können"),
                putin_praesident,
                cue=(L("geäußert", ctx="„Hoffnung“ geäußert"),),
            ),
            Q(
                "direct",
                L("„Hoffnung“"),
                putin_praesident,
                cue=(L("geäußert", ctx="„Hoffnung“ geäußert"),),
                note="one-word partial quote in the frame of the indirect quotation (Putin's "
                "word), not nested in its content",
            ),
            pragmatismus,
            inside(pragmatismus, L("„Pragmatismus und realistische Sichtweise“")),
            stimmung,
            inside(stimmung, L("„gegenseitigen Stimmung“")),
            inside(stimmung, L("„systemischen und strategischen Probleme“")),
            Q(
                "indirect",
                L("dass die Ukraine nicht auf der Agenda stand"),
                beamter,
                cue=(L("stellte klar", ctx="stellte klar, dass die Ukraine"),),
            ),
            Q(
                "free_indirect",
                L(
                    "stattdessen lag der Fokus auf Personalfragen, Visa und diplomatischen "
                    "Bankgeschäften."
                ),
                beamter,
                note="main clause after the semicolon, still the official's statement",
            ),
            Q(
                "direct",
                L("„Wir werden bald wissen", until="in gutem Glauben zu verhandeln“"),
                person(L("der Beamte"), "Beamter des US-Außenministeriums"),
                cue=(L("so", ctx="“, so der Beamte"),),
            ),
            tass,
            inside(tass, L("„Vertreter des Außenministeriums“")),
            Q(
                "reported",
                L(
                    "Die Wende in den Beziehungen wird von Trump als Teil seiner Strategie gesehen",
                    until="in der Ukraine zu positionieren.",
                ),
                person(L("Trump", ctx="von Trump als Teil"), TRUMP),
                cue=(L("gesehen", ctx="Strategie gesehen"),),
                note="read literally: Trump's own view (thought) of the turn",
            ),
            beziehung,
            inside(beziehung, L("„sehr gute Beziehung“")),
            Q(
                "reported",
                L(
                    "Er sprach auch über einen möglichen Deal",
                    until="in der Ukraine gewähren könnte",
                ),
                person(L("Er", ctx="Er sprach auch über"), TRUMP),
                cue=(L("sprach", ctx="Er sprach auch"), L("über", ctx="auch über einen")),
            ),
            Q(
                "reported",
                L("ein Schritt, den Trump als Möglichkeit bezeichnete", until="zurückzugewinnen."),
                person(L("Trump", ctx="den Trump als"), TRUMP),
                cue=(L("bezeichnete"),),
            ),
            Q(
                "indirect",
                L(
                    "dass Russland und die USA möglicherweise einen Waffenstillstand",
                    until="Sicherheitsinteressen ignoriert",
                ),
                None,
                cue=(L("Ängste"),),
                note="'Es gibt Ängste, dass …': content without a named holder",
            ),
            Q(
                "indirect",
                L(
                    "dass er keine Sicherheitsgarantien für Kiew",
                    until="Sicherheitsgarantie ansieht",
                ),
                person(L("Trump", ctx="Trump hat klargemacht"), TRUMP),
                cue=(L("klargemacht"),),
            ),
            Q(
                "direct",
                L("„Ich glaube nicht, dass irgendjemand", until="für unser Land brauchen“"),
                person(L("Trump", ctx="sagte Trump. Er"), TRUMP),
                cue=(L("sagte", ctx="sagte Trump. Er"),),
            ),
            Q(
                "indirect",
                L("dass Russland nicht von einem möglichen Friedensabkommen zurückweichen würde"),
                person(L("Er", ctx="Er äußerte auch"), TRUMP),
                cue=(
                    L("äußerte", ctx="Er äußerte auch"),
                    L("Vertrauen", ctx="auch Vertrauen, dass"),
                ),
            ),
            Q(
                "direct",
                L("„Im Moment haben wir keinen Deal.", until="sehr gut verhalten“"),
                person(L("er", ctx="fügte er hinzu"), TRUMP),
                cue=(L("fügte", ctx="fügte er hinzu"), L("hinzu", ctx="fügte er hinzu")),
            ),
        ],
    )


# -- 003: RENEWZ (publisher in the header), CNN, Rubio -----------------------------------
def doc_003() -> Doc:
    return Doc(
        "003_4c275558c9ac8936.txt",
        [
            Q(
                "indirect",
                L("wurde insbesondere die prekäre Lage der US-Botschaft in Moskau diskutiert"),
                None,
                cue=(L("Laut", ctx="Laut RENEWZ"),),
                via=(
                    Via("CNN", "broadcaster", "unter Berufung auf", 1),
                    Via("US-Außenministerium", "organization", "unter Berufung auf", 1),
                    Via("RENEWZ", "publisher", "laut", 2),
                ),
                note="speaker unnamed; 'Laut RENEWZ' names the publisher itself, which is "
                "listed once (relation laut) rather than again as header publisher",
            ),
            Q(
                "reported",
                L("Washington fordert besseren Zugang", until="in der diplomatischen Vertretung."),
                Spk(L("Washington", ctx="Washington fordert"), "US-Regierung", "organization"),
                cue=(L("fordert", ctx="Washington fordert"),),
            ),
            Q(
                "indirect",
                L(
                    "leitete die stellvertretende US-Außenministerin Sonata Coulter",
                    until="die russische Seite vertrat",
                ),
                Spk(L("offiziellen Quellen"), "offizielle Quellen", "unknown"),
                cue=(L("Laut", ctx="Laut offiziellen Quellen"),),
            ),
            Q(
                "reported",
                L("US-Vertreter äußerten Bedenken", until="Botschaftspersonals in Moskau."),
                Spk(L("US-Vertreter", ctx="US-Vertreter äußerten"), "US-Vertreter", "group"),
                cue=(L("äußerten", ctx="US-Vertreter äußerten"),),
            ),
            Q(
                "indirect",
                L("ist der Betrieb der Botschaft stark beeinträchtigt"),
                person(
                    L("US-Außenminister Marco Rubio", ctx="Laut US-Außenminister Marco Rubio"),
                    RUBIO,
                ),
                cue=(L("Laut", ctx="Laut US-Außenminister Marco Rubio"),),
            ),
            Q(
                "direct",
                L(
                    "„Unsere Botschaft in Moskau kann kaum operieren.",
                    until="muss dringend gelöst werden“",
                ),
                person(L("Rubio", ctx="erklärte Rubio"), RUBIO),
                cue=(L("erklärte", ctx="erklärte Rubio"),),
            ),
            Q(
                "reported",
                L(
                    "Washington betrachtet dies als Risiko",
                    until="US-amerikanischer Staatsbürger in Russland.",
                ),
                Spk(L("Washington", ctx="Washington betrachtet"), "US-Regierung", "organization"),
                cue=(L("betrachtet", ctx="Washington betrachtet"),),
            ),
            Q(
                "indirect",
                L("bald ein weiteres Treffen zu diesen Fragen abzuhalten"),
                Spk(L("Die Delegationsleiter"), "Delegationsleiter", "group"),
                cue=(L("einigten sich"),),
            ),
            Q(
                "indirect",
                L(
                    "dass die Gespräche in Istanbul über sechs Stunden dauerten",
                    until="ohne offizielle Pressekommentare endeten",
                ),
                Spk(L("Russische Staatsmedien"), "russische Staatsmedien", "outlet"),
                cue=(L("berichteten"),),
            ),
            Q(
                "indirect",
                L(
                    "wurde während der Gespräche in Saudi-Arabien die mögliche Bereitschaft",
                    until="zur Beendigung des Konflikts thematisiert",
                ),
                person(L("US-Außenminister Rubio", ctx="Laut US-Außenminister Rubio wurde"), RUBIO),
                cue=(L("Laut", ctx="Laut US-Außenminister Rubio wurde"),),
            ),
            Q(
                "reported",
                L(
                    "Der ukrainische Präsident Wolodymyr Selenskyj äußerte sich kritisch",
                    until="zu Beginn der Invasion.",
                ),
                person(L("Der ukrainische Präsident Wolodymyr Selenskyj"), "Wolodymyr Selenskyj"),
                cue=(L("äußerte sich", ctx="Selenskyj äußerte sich"),),
            ),
            Q(
                "direct",
                L("„Habe Ich Das Wirklich Gesagt?“"),
                person(L("Trump", ctx="Trump Weicht Aus"), TRUMP),
                cue=(L("Weicht Aus"),),
                note="quote in the headline of a linked article ('Lesen Sie auch'); the marks "
                "enclose Trump's words, not the title",
            ),
        ],
        publisher=RENEWZ,
    )


# -- 004: Rubio–Lawrow call, suedkurier.de, n-tv.de, sueddeutsche.de ---------------------
def doc_004() -> Doc:
    rubio = person(L("Rubio", ctx="beschreibt Rubio die"), RUBIO)
    kompliziert = Q(
        "reported",
        L("In der Regel beschreibt Rubio die Situation als „kompliziert“"),
        rubio,
        cue=(L("beschreibt", ctx="beschreibt Rubio"), L("als", ctx="Situation als „kompliziert")),
        via=(NTV,),
        key="kompliziert",
    )
    grund = Q(
        "indirect",
        L("dass jede Friedensregelung die „Grundursachen“ des Krieges beseitigen müsse"),
        Spk(L("russische Führer"), "russische Führer", "group"),
        cue=(L("betonen", ctx="Führer betonen"),),
        key="grund",
    )
    produktiv = Q(
        "indirect",
        L("dass die Gespräche „lang und sehr produktiv“ waren", until="im Krieg zu beenden"),
        person(L("Trump", ctx="Trump hatte betont"), TRUMP),
        cue=(L("betont", ctx="hatte betont, dass"),),
        via=(SZ,),
        key="produktiv",
        note="two coordinated dass-clauses under one cue form one quotation; the trailing "
        "'sueddeutsche.de' cites the whole paragraph",
    )
    return Doc(
        "004_c78cc3934c44e69b.txt",
        [
            Q(
                "indirect",
                L(
                    "Dieses Gespräch, das auf Initiative Washingtons stattfand",
                    until="angestaute Probleme abzubauen",
                ),
                Spk(L("suedkurier.de"), "Südkurier", "outlet"),
                cue=(L("berichtet", ctx="suedkurier.de berichtet"),),
                note="the outlet is the speaker (wie suedkurier.de berichtet)",
            ),
            Q(
                "reported",
                L(
                    "Hierbei wurde auch die Vorbereitung eines geplanten russisch-amerikanischen "
                    "Gipfels erwähnt."
                ),
                None,
                cue=(L("erwähnt"),),
                note="agentless passive; the participants of the call are implied",
            ),
            Q(
                "reported",
                L("Während Rubio bestimmte Themen", until="bilaterale Handelsbeziehungen ansprach"),
                person(L("Rubio", ctx="Während Rubio"), RUBIO),
                cue=(L("ansprach"),),
            ),
            Q(
                "indirect",
                L("dass er keine zeitliche Prognose für das Ende des Ukraine-Kriegs abgeben kann"),
                person(L("Rubio", ctx="Rubio stellte klar"), RUBIO),
                cue=(L("stellte", ctx="Rubio stellte klar"), L("klar", ctx="Rubio stellte klar")),
                via=(NTV,),
                note="the trailing 'n-tv.de' cites the whole paragraph",
            ),
            kompliziert,
            inside(kompliziert, L("„kompliziert“")),
            Q(
                "indirect",
                L("dass keine Seite ihre maximalen Ziele erreichen könne"),
                rubio,
                cue=(L("betont", ctx="und betont die Notwendigkeit"),),
                via=(NTV,),
            ),
            grund,
            inside(grund, L("„Grundursachen“")),
            Q(
                "reported",
                L(
                    "Wladimir Putin betrachtet die NATO-Erweiterung",
                    until="des ukrainischen Militärs",
                ),
                person(L("Wladimir Putin", ctx="Wladimir Putin betrachtet"), PUTIN),
                cue=(L("betrachtet", ctx="Putin betrachtet"), L("fordert", ctx="und fordert die")),
            ),
            Q(
                "reported",
                L("Forderungen, die Kiew ablehnt."),
                Spk(L("Kiew", ctx="die Kiew ablehnt"), "ukrainische Regierung", "organization"),
                cue=(L("ablehnt"),),
            ),
            Q(
                "reported",
                L(
                    "Zurückblickend auf die bisherige Entwicklung",
                    until="zur Beendigung des Ukraine-Kriegs an.",
                ),
                Spk(
                    L("Trump und Putin", ctx="kündigten Trump und Putin"),
                    "Donald Trump und Wladimir Putin",
                    "group",
                ),
                cue=(L("kündigten"), L("an", ctx="Ukraine-Kriegs an.")),
                via=(SZ,),
            ),
            produktiv,
            inside(produktiv, L("„lang und sehr produktiv“")),
            Q(
                "indirect",
                L(
                    "dass das Schicksal der Ukraine möglicherweise",
                    until="zwischen Trump und Putin entschieden werden könnte",
                ),
                Spk(
                    L("Kiew", ctx="in Kiew große Bedenken"), "ukrainische Regierung", "organization"
                ),
                cue=(L("Bedenken", ctx="große Bedenken, dass"),),
                via=(SZ,),
                note="'gibt es in Kiew große Bedenken': Kiew as holder of the concern",
            ),
            Q(
                "reported",
                L("Derweil wird auch die US-Außenpolitik", until="kritisch betrachtet."),
                Spk(L("verschiedenen Seiten"), "verschiedene Seiten", "unknown"),
                cue=(L("betrachtet", ctx="kritisch betrachtet"),),
            ),
            Q(
                "reported",
                L("Während Trump eine Schnelligkeit in den Verhandlungen signalisiert"),
                person(L("Trump", ctx="Während Trump eine"), TRUMP),
                cue=(L("signalisiert"),),
            ),
        ],
    )


DOCS = (doc_000, doc_001, doc_002, doc_003, doc_004)


# -- building and checking --------------------------------------------------------------
def _span(text: str, loc: Loc) -> dict[str, Any]:
    start, end = locate(text, loc)
    return {"start": start, "end": end, "text": text[start:end]}


def _cue(text: str, parts: tuple[Loc, ...]) -> dict[str, Any] | None:
    if not parts:
        return None
    spans = [_span(text, p) for p in parts]
    for left, right in itertools.pairwise(spans):
        assert left["end"] <= right["start"], f"cue parts out of order: {left} {right}"
    words = [spans[0]["text"]]
    for left, right in itertools.pairwise(spans):
        words.append(" " if left["end"] == right["start"] else " … ")
        words.append(right["text"])
    return {"text": "".join(words).replace("  ", " "), "parts": spans}


def _via(via: tuple[Via, ...], publisher: Via | None) -> list[dict[str, Any]]:
    out = [{"name": v.name, "type": v.type, "relation": v.relation, "hop": v.hop} for v in via]
    if publisher is not None and not any(v.name == publisher.name for v in via):
        hop = max((v.hop for v in via), default=0) + 1
        out.append(
            {
                "name": publisher.name,
                "type": publisher.type,
                "relation": publisher.relation,
                "hop": hop,
            }
        )
    return out


_PAIRED = re.compile(r"„[^„“]*“")


def build_doc(doc: Doc) -> dict[str, Any]:
    text = (SEEDS / doc.name).read_text(encoding="utf-8")
    rows: list[tuple[Q, dict[str, Any]]] = []
    for q in doc.quotations:
        assert q.kind in KINDS, q
        quote = _span(text, q.quote)
        speaker = None
        if q.speaker is not None:
            assert q.speaker.type in SPEAKER_TYPES, q.speaker
            mention = _span(text, q.speaker.mention) if q.speaker.mention else None
            speaker = {"mention": mention, "name": q.speaker.name, "type": q.speaker.type}
        for v in q.via:
            assert v.type in SOURCE_TYPES, v
        row: dict[str, Any] = {
            "kind": q.kind,
            "start": quote["start"],
            "end": quote["end"],
            "text": quote["text"],
            "speaker": speaker,
            "cue": _cue(text, q.cue),
            "via": _via(q.via, doc.publisher),
            "nested_in": None,
        }
        if q.note:
            row["note"] = q.note
        if q.kind == "direct":
            assert row["text"].endswith("“"), row["text"]
            if q.lost_mark:
                para_start = text.rfind("\n", 0, row["start"]) + 1
                assert para_start == row["start"], "a lost-mark quote starts its paragraph"
                assert "„" not in row["text"], row["text"]
            else:
                assert row["text"].startswith("„"), row["text"]
        rows.append((q, row))
    rows.sort(key=lambda qr: (qr[1]["start"], -qr[1]["end"], qr[1]["kind"]))
    index = {q.key: i for i, (q, _) in enumerate(rows) if q.key is not None}
    assert len(index) == sum(1 for q, _ in rows if q.key is not None), "duplicate keys"
    for q, row in rows:
        if q.parent is not None:
            parent = rows[index[q.parent]][1]
            assert parent["start"] <= row["start"] and row["end"] <= parent["end"], q
            row["nested_in"] = index[q.parent]
    seen = {(r["kind"], r["start"], r["end"]) for _, r in rows}
    assert len(seen) == len(rows), "duplicate quotations"
    non_quotations = []
    for nq in doc.non_quotations:
        assert nq.cls in NON_QUOTATION_CLASSES, nq
        span = _span(text, nq.loc)
        assert span["text"].startswith("„") and span["text"].endswith("“"), span
        non_quotations.append({**span, "class": nq.cls})
    non_quotations.sort(key=lambda s: s["start"])
    # Completeness: every pair of quotation marks is a direct quotation or a non-quotation.
    direct = {(r["start"], r["end"]) for _, r in rows if r["kind"] == "direct"}
    other = {(s["start"], s["end"]) for s in non_quotations}
    for m in _PAIRED.finditer(text):
        span = (m.start(), m.end())
        assert span in direct or span in other, f"{doc.name}: unannotated {m.group()!r}"
    assert not direct & other, "a span is both a quotation and a non-quotation"
    # Every closing mark without an opening one in its paragraph ends a lost-mark quote.
    for m in re.finditer("“", text):
        para_start = text.rfind("\n", 0, m.start()) + 1
        if "„" not in text[para_start : m.start()]:
            assert (para_start, m.end()) in direct, f"{doc.name}: stray closing mark"
    return {
        "document": doc.name,
        "quotations": [r for _, r in rows],
        "non_quotations": non_quotations,
    }


def build() -> list[dict[str, Any]]:
    docs = [build_doc(make()) for make in DOCS]
    names = [d["document"] for d in docs]
    assert names == sorted(p.name for p in SEEDS.glob("*.txt")), names
    return docs


def dumps(docs: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with gold.jsonl")
    args = parser.parse_args(argv)
    out = dumps(build())
    if args.check:
        same = GOLD.exists() and GOLD.read_text(encoding="utf-8") == out
        print("gold.jsonl is up to date" if same else "gold.jsonl differs: regenerate it")
        return 0 if same else 1
    GOLD.write_text(out, encoding="utf-8")
    print(f"wrote {GOLD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
