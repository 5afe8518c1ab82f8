"""The parse-based detectors (indirect, reported, free indirect speech) on hand-made parses.

The parses are written by hand (UD labels, STTS tags, UD features) so the tests need no
trained model; one test at the end runs the shipped model and is skipped where it cannot
be loaded.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotes.detectors import IndirectDetector, KonjunktivRules, detect
from quotes.document import Document, SentenceSplitter
from quotes.parse import ParsedDoc, from_spacy
from quotes.pipeline.cues import CueLexicon
from quotes.pipeline.entities import Lexicon, MentionResolver
from quotes.pipeline.outlets import OutletFinder
from quotes.pipeline.speakers import Frame
from quotes.records import Span
from quotes.rules import load_rules

RULES = load_rules("de")
CUES = CueLexicon.from_rules(RULES)
DETECTOR = IndirectDetector.from_rules(RULES, CUES)
LEXICON = Lexicon.from_rules(RULES)
OUTLETS = OutletFinder.from_rules(RULES)
MENTIONS = MentionResolver(LEXICON, OUTLETS)
SPLITTER = SentenceSplitter(
    RULES["document"].get("abbreviations", ()), RULES["document"].get("no_split_after_ordinal", ())
)
VOCAB = Vocab()

FIN_PAST = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"
FIN_PAST_PL = "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin"
FIN_PRES_PL = "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"
FIN_PRES = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
SUB = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
SUB_PL = "Mood=Sub|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"


def parse(text: str, rows: Sequence[str]) -> ParsedDoc:
    """A ParsedDoc from rows "word lemma UPOS TAG head dep [morph]" (heads: sentence-
    independent token indices; a root points to itself)."""
    words, lemmas, pos, tags, heads, deps, morphs, spaces = [], [], [], [], [], [], [], []
    offset = 0
    for row in rows:
        word, lemma, upos, tag, head, dep, *morph = row.split()
        start = text.index(word, offset)
        assert text[offset:start].strip() == "", f"{word!r} does not follow {text[:offset]!r}"
        offset = start + len(word)
        words.append(word)
        lemmas.append(lemma)
        pos.append(upos)
        tags.append(tag)
        heads.append(int(head))
        deps.append("ROOT" if int(head) == len(words) - 1 else dep)
        morphs.append(morph[0] if morph else "")
        spaces.append(offset < len(text) and text[offset] == " ")
    assert text[offset:].strip() == ""
    doc = Doc(
        VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads,
        deps=deps, morphs=morphs,
    )  # fmt: skip
    return from_spacy(doc, text)


def run(
    text: str,
    rows: Sequence[str],
    direct: Sequence[Frame] = (),
    detector: IndirectDetector = DETECTOR,
) -> tuple[Frame, ...]:
    parsed = parse(text, rows)
    document = Document.build(text, SPLITTER)
    frames, _ = detector.detect(parsed, document, direct, MENTIONS, MENTIONS.start(document))
    for frame in frames:
        for span in (frame.quote, frame.content, frame.frame, frame.addressee):
            assert span is None or text[span.start : span.end] == span.text
        if frame.speaker is not None and frame.speaker.mention is not None:
            mention = frame.speaker.mention
            assert text[mention.start : mention.end] == mention.text
        # The content is the quote, but for a back reference ("… . Das bestätigte X"):
        # the corpus's quote ends with "Das", the content is the sentence before alone.
        assert frame.content == frame.quote or (
            frame.quote.start == frame.content.start
            and frame.quote.text[len(frame.content.text) :].split()
            == [frame.quote.text.split()[-1]]
        )
    return frames


def cue_parts(frame: Frame) -> list[str]:
    assert frame.cue is not None
    return [part.text for part in frame.cue.parts]


def speaker_text(frame: Frame) -> str | None:
    if frame.speaker is None or frame.speaker.mention is None:
        return None
    return frame.speaker.mention.text


# -- indirect speech -----------------------------------------------------------------------
MINISTER = "Der Minister sagte, er sei überzeugt, dass die Gespräche scheitern."
MINISTER_ROWS = [
    "Der der DET ART 1 det Case=Nom|Gender=Masc|Number=Sing",
    "Minister Minister NOUN NN 2 nsubj Case=Nom|Gender=Masc|Number=Sing",
    f"sagte sagen VERB VVFIN 2 root {FIN_PAST}",
    ", , PUNCT $, 6 punct",
    "er er PRON PPER 6 nsubj Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs",
    f"sei sein AUX VAFIN 6 cop {SUB}",
    "überzeugt überzeugt ADJ ADJD 2 ccomp Degree=Pos",
    ", , PUNCT $, 11 punct",
    "dass dass SCONJ KOUS 11 mark",
    "die der DET ART 10 det Case=Nom|Number=Plur",
    "Gespräche Gespräch NOUN NN 11 nsubj Case=Nom|Number=Plur",
    "scheitern scheitern VERB VVFIN 6 ccomp Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin",
    ". . PUNCT $. 2 punct",
]


def test_verb_of_saying_with_a_konjunktiv_clause() -> None:
    (frame,) = run(MINISTER, MINISTER_ROWS)
    assert frame.kind == "indirect"
    assert frame.quote.text == "er sei überzeugt, dass die Gespräche scheitern"
    assert speaker_text(frame) == "Der Minister"
    assert cue_parts(frame) == ["sagte"]
    assert frame.frame is not None and frame.frame.text == "Der Minister sagte,"
    assert frame.medium == "Speech"
    assert frame.region_start == 0 and frame.region_end == len(MINISTER)
    assert 0.0 < frame.confidence <= 1.0


def test_the_one_call_interface() -> None:
    parsed = parse(MINISTER, MINISTER_ROWS)
    document = Document.build(MINISTER, SPLITTER)
    frames, _ = detect(parsed, document, (), CUES, MENTIONS, MENTIONS.start(document), RULES)
    assert [f.quote.text for f in frames] == ["er sei überzeugt, dass die Gespräche scheitern"]


def test_a_parse_of_another_text_is_refused() -> None:
    parsed = parse(MINISTER, MINISTER_ROWS)
    document = Document.build(MINISTER.replace("Minister", "Ministra"), SPLITTER)
    with pytest.raises(ValueError, match="another text"):
        DETECTOR.detect(parsed, document, (), MENTIONS, MENTIONS.start(document))


POLICE = "Laut Polizei wurde niemand verletzt."
POLICE_ROWS = [
    "Laut laut ADP APPR 1 case",
    "Polizei Polizei NOUN NN 4 obl Case=Dat|Gender=Fem|Number=Sing",
    f"wurde werden AUX VAFIN 4 aux:pass {FIN_PAST}",
    "niemand niemand PRON PIS 4 nsubj:pass Case=Nom|PronType=Neg",
    "verletzt verletzen VERB VVPP 4 root VerbForm=Part",
    ". . PUNCT $. 4 punct",
]


def test_laut_names_the_source() -> None:
    (frame,) = run(POLICE, POLICE_ROWS)
    assert frame.kind == "indirect"
    assert frame.quote.text == "wurde niemand verletzt"
    assert speaker_text(frame) == "Polizei"
    assert frame.speaker is not None and frame.speaker.type == "organization"
    assert cue_parts(frame) == ["Laut"]
    assert frame.frame is not None and frame.frame.text == "Laut Polizei"
    assert frame.medium == "SW"


TRUMP = "Trump kündigte an, die Zölle zu erhöhen."
TRUMP_ROWS = [
    "Trump Trump PROPN NE 1 nsubj Case=Nom|Number=Sing",
    f"kündigte kündigen VERB VVFIN 1 root {FIN_PAST}",
    "an an ADP PTKVZ 1 compound:prt",
    ", , PUNCT $, 7 punct",
    "die der DET ART 5 det Case=Acc|Number=Plur",
    "Zölle Zoll NOUN NN 7 obj Case=Acc|Number=Plur",
    "zu zu PART PTKZU 7 mark",
    "erhöhen erhöhen VERB VVINF 1 xcomp VerbForm=Inf",
    ". . PUNCT $. 1 punct",
]


def test_announcement_with_a_zu_infinitive() -> None:
    (frame,) = run(TRUMP, TRUMP_ROWS)
    assert frame.kind == "indirect"  # the corpus marks the infinitive as indirect speech
    assert frame.quote.text == "die Zölle zu erhöhen"
    assert speaker_text(frame) == "Trump"
    assert cue_parts(frame) == ["kündigte an"]  # adjacent words form one part
    assert frame.cue is not None and frame.cue.text == "kündigte an"
    assert frame.frame is not None and frame.frame.text == "Trump kündigte an,"


def test_the_lemmatiser_may_fail_on_the_cue() -> None:
    # "kündigte" with a wrong lemma: the form and the particle still make "ankündigen".
    rows = [r.replace("kündigte kündigen", "kündigte kündigte") for r in TRUMP_ROWS]
    (frame,) = run(TRUMP, rows)
    assert cue_parts(frame) == ["kündigte an"]  # adjacent words form one part


SO = "Nikotin könne abhängig machen, so die Ärztezeitung."
SO_ROWS = [
    "Nikotin Nikotin NOUN NN 3 nsubj Case=Nom|Number=Sing",
    f"könne können AUX VMFIN 3 aux {SUB}",
    "abhängig abhängig ADJ ADJD 3 xcomp Degree=Pos",
    "machen machen VERB VVINF 3 root VerbForm=Inf",
    ", , PUNCT $, 7 punct",
    "so so ADV ADV 7 advmod",
    "die der DET ART 7 det Case=Nom|Number=Sing",
    "Ärztezeitung Ärztezeitung NOUN NN 3 parataxis Case=Nom|Number=Sing",
    ". . PUNCT $. 3 punct",
]


def test_so_after_the_content() -> None:
    (frame,) = run(SO, SO_ROWS)
    assert frame.kind == "indirect"
    assert frame.quote.text == "Nikotin könne abhängig machen"
    assert speaker_text(frame) == "die Ärztezeitung"
    assert cue_parts(frame) == ["so"]
    assert frame.frame is not None and frame.frame.text == ", so die Ärztezeitung"


ZUFOLGE = "Dem Bericht zufolge wurden 665 Frauen ermordet."
ZUFOLGE_ROWS = [
    "Dem der DET ART 1 det Case=Dat|Number=Sing",
    "Bericht Bericht NOUN NN 6 obl Case=Dat|Number=Sing",
    "zufolge zufolge ADP APPO 1 case",
    f"wurden werden AUX VAFIN 6 aux:pass {FIN_PAST_PL}",
    "665 665 NUM CARD 5 nummod",
    "Frauen Frau NOUN NN 6 nsubj:pass Case=Nom|Number=Plur",
    "ermordet ermorden VERB VVPP 6 root VerbForm=Part",
    ". . PUNCT $. 6 punct",
]


def test_zufolge_after_its_noun_phrase() -> None:
    (frame,) = run(ZUFOLGE, ZUFOLGE_ROWS)
    assert frame.quote.text == "wurden 665 Frauen ermordet"
    assert speaker_text(frame) == "Dem Bericht"
    assert cue_parts(frame) == ["zufolge"]
    assert frame.frame is not None and frame.frame.text == "Dem Bericht zufolge"


NACH = "Ein Tatverdacht bestehe nach Angaben der Bundesanwaltschaft nicht mehr."
NACH_ROWS = [
    "Ein ein DET ART 1 det Case=Nom|Number=Sing",
    "Tatverdacht Tatverdacht NOUN NN 2 nsubj Case=Nom|Number=Sing",
    f"bestehe bestehen VERB VVFIN 2 root {SUB}",
    "nach nach ADP APPR 4 case",
    "Angaben Angabe NOUN NN 2 obl Case=Dat|Number=Plur",
    "der der DET ART 6 det Case=Gen|Number=Sing",
    "Bundesanwaltschaft Bundesanwaltschaft NOUN NN 4 nmod Case=Gen|Number=Sing",
    "nicht nicht PART PTKNEG 2 advmod",
    "mehr mehr ADV ADV 2 advmod",
    ". . PUNCT $. 2 punct",
]


def test_nach_angaben_in_the_middle() -> None:
    (frame,) = run(NACH, NACH_ROWS)
    # One quote span: the corpus cuts this quote in two around the frame.
    assert (
        frame.quote.text == "Ein Tatverdacht bestehe nach Angaben der Bundesanwaltschaft nicht mehr"
    )
    assert speaker_text(frame) == "Angaben der Bundesanwaltschaft"
    assert cue_parts(frame) == ["nach"]
    assert frame.frame is not None and frame.frame.text == "nach Angaben der Bundesanwaltschaft"


WIE = "Wie die Polizei mitteilte, wurde niemand verletzt."
WIE_ROWS = [
    "Wie wie SCONJ KOUS 3 mark",
    "die der DET ART 2 det Case=Nom|Number=Sing",
    "Polizei Polizei NOUN NN 3 nsubj Case=Nom|Number=Sing",
    f"mitteilte mitteilen VERB VVFIN 7 advcl {FIN_PAST}",
    ", , PUNCT $, 3 punct",
    f"wurde werden AUX VAFIN 7 aux:pass {FIN_PAST}",
    "niemand niemand PRON PIS 7 nsubj:pass Case=Nom",
    "verletzt verletzen VERB VVPP 7 root VerbForm=Part",
    ". . PUNCT $. 7 punct",
]


def test_wie_clause_frame() -> None:
    (frame,) = run(WIE, WIE_ROWS)
    assert frame.quote.text == "wurde niemand verletzt"
    assert speaker_text(frame) == "die Polizei"
    assert cue_parts(frame) == ["Wie", "mitteilte"]
    assert frame.frame is not None and frame.frame.text == "Wie die Polizei mitteilte,"


PASSIVE = "Von der Polizei wurde mitgeteilt, dass niemand verletzt wurde."
PASSIVE_ROWS = [
    "Von von ADP APPR 2 case",
    "der der DET ART 2 det Case=Dat|Number=Sing",
    "Polizei Polizei NOUN NN 4 obl:agent Case=Dat|Number=Sing",
    f"wurde werden AUX VAFIN 4 aux:pass {FIN_PAST}",
    "mitgeteilt mitteilen VERB VVPP 4 root VerbForm=Part",
    ", , PUNCT $, 8 punct",
    "dass dass SCONJ KOUS 8 mark",
    "niemand niemand PRON PIS 8 nsubj:pass Case=Nom",
    "verletzt verletzen VERB VVPP 4 ccomp VerbForm=Part",
    f"wurde werden AUX VAFIN 8 aux:pass {FIN_PAST}",
    ". . PUNCT $. 4 punct",
]


def test_passive_speaker_is_the_agent() -> None:
    (frame,) = run(PASSIVE, PASSIVE_ROWS)
    assert frame.quote.text == "dass niemand verletzt wurde"
    assert speaker_text(frame) == "der Polizei"
    assert cue_parts(frame) == ["wurde mitgeteilt"]


RELATIVE = "Der Minister, der gestern in Berlin war, sagte der Zeitung, er sei bereit."
RELATIVE_ROWS = [
    "Der der DET ART 1 det Case=Nom|Number=Sing",
    "Minister Minister NOUN NN 9 nsubj Case=Nom|Number=Sing",
    ", , PUNCT $, 7 punct",
    "der der PRON PRELS 7 nsubj Case=Nom|PronType=Rel",
    "gestern gestern ADV ADV 7 advmod",
    "in in ADP APPR 6 case",
    "Berlin Berlin PROPN NE 7 obl Case=Dat|Number=Sing",
    f"war sein AUX VAFIN 1 acl:relcl {FIN_PAST}",
    ", , PUNCT $, 7 punct",
    f"sagte sagen VERB VVFIN 9 root {FIN_PAST}",
    "der der DET ART 11 det Case=Dat|Number=Sing",
    "Zeitung Zeitung NOUN NN 9 iobj Case=Dat|Number=Sing",
    ", , PUNCT $, 15 punct",
    "er er PRON PPER 15 nsubj Case=Nom|Number=Sing|Person=3|PronType=Prs",
    f"sei sein AUX VAFIN 15 cop {SUB}",
    "bereit bereit ADJ ADJD 9 ccomp Degree=Pos",
    ". . PUNCT $. 9 punct",
]


def test_speaker_with_a_relative_clause_and_an_addressee() -> None:
    (frame,) = run(RELATIVE, RELATIVE_ROWS)
    assert frame.quote.text == "er sei bereit"
    assert speaker_text(frame) == "Der Minister"  # the relative clause is not the speaker's
    assert frame.addressee is not None and frame.addressee.text == "der Zeitung"
    assert frame.frame is not None
    assert frame.frame.text == "Der Minister, der gestern in Berlin war, sagte der Zeitung,"


COORDINATED = "Merkel und Macron erklärten, sie seien bereit."
COORDINATED_ROWS = [
    "Merkel Merkel PROPN NE 3 nsubj Case=Nom|Number=Sing",
    "und und CCONJ KON 2 cc",
    "Macron Macron PROPN NE 0 conj Case=Nom|Number=Sing",
    f"erklärten erklären VERB VVFIN 3 root {FIN_PAST_PL}",
    ", , PUNCT $, 7 punct",
    "sie sie PRON PPER 7 nsubj Case=Nom|Number=Plur|Person=3|PronType=Prs",
    f"seien sein AUX VAFIN 7 cop {SUB_PL}",
    "bereit bereit ADJ ADJD 3 ccomp Degree=Pos",
    ". . PUNCT $. 3 punct",
]


def test_coordinated_speakers() -> None:
    (frame,) = run(COORDINATED, COORDINATED_ROWS)
    assert frame.quote.text == "sie seien bereit"
    assert speaker_text(frame) == "Merkel und Macron"
    assert cue_parts(frame) == ["erklärten"]


def test_gegenueber_names_the_addressee() -> None:
    text = "Ein Sprecher sagte gegenüber der Presse, es gebe keine Verletzten."
    rows = [
        "Ein ein DET ART 1 det Case=Nom|Number=Sing",
        "Sprecher Sprecher NOUN NN 2 nsubj Case=Nom|Number=Sing",
        f"sagte sagen VERB VVFIN 2 root {FIN_PAST}",
        "gegenüber gegenüber ADP APPR 5 case",
        "der der DET ART 5 det Case=Dat|Number=Sing",
        "Presse Presse NOUN NN 2 obl Case=Dat|Number=Sing",
        ", , PUNCT $, 8 punct",
        "es es PRON PPER 8 expl Case=Nom|Person=3|PronType=Prs",
        f"gebe geben VERB VVFIN 2 ccomp {SUB}",
        "keine kein DET PIAT 10 det Case=Acc|Number=Plur",
        "Verletzten Verletzte NOUN NN 8 obj Case=Acc|Number=Plur",
        ". . PUNCT $. 2 punct",
    ]
    (frame,) = run(text, rows)
    assert frame.quote.text == "es gebe keine Verletzten"
    assert speaker_text(frame) == "Ein Sprecher"
    assert frame.addressee is not None and frame.addressee.text == "der Presse"


# -- direct quotations --------------------------------------------------------------------
PARTIAL = "Der Sprecher sagte, die Lage sei „sehr ernst“."
PARTIAL_ROWS = [
    "Der der DET ART 1 det Case=Nom|Number=Sing",
    "Sprecher Sprecher NOUN NN 2 nsubj Case=Nom|Number=Sing",
    f"sagte sagen VERB VVFIN 2 root {FIN_PAST}",
    ", , PUNCT $, 9 punct",
    "die der DET ART 5 det Case=Nom|Number=Sing",
    "Lage Lage NOUN NN 9 nsubj Case=Nom|Number=Sing",
    f"sei sein AUX VAFIN 9 cop {SUB}",
    "„ „ PUNCT $( 9 punct",
    "sehr sehr ADV ADV 9 advmod",
    "ernst ernst ADJ ADJD 2 ccomp Degree=Pos",
    "“ “ PUNCT $( 9 punct",
    ". . PUNCT $. 2 punct",
]


def _direct(text: str, quote: str) -> Frame:
    start = text.index(quote)
    span = Span.of(text, start, start + len(quote))
    content = Span.of(text, start + 1, start + len(quote) - 1)
    return Frame("direct", span, content, None, None, None, None, 0.8, start, span.end)


def test_partial_direct_quote_inside_indirect_speech() -> None:
    direct = _direct(PARTIAL, "„sehr ernst“")
    (frame,) = run(PARTIAL, PARTIAL_ROWS, direct=[direct])
    assert frame.kind == "indirect"
    assert frame.quote.text == "die Lage sei „sehr ernst“"
    assert frame.quote.contains(direct.quote)  # the direct quote stays, nested inside
    assert cue_parts(frame) == ["sagte"]


def test_a_direct_quotation_is_left_to_the_direct_frame() -> None:
    text = "„Die Lage ist ernst“, sagte der Sprecher."
    rows = [
        "„ „ PUNCT $( 4 punct",
        "Die der DET ART 2 det Case=Nom|Number=Sing",
        "Lage Lage NOUN NN 4 nsubj Case=Nom|Number=Sing",
        f"ist sein AUX VAFIN 4 cop {FIN_PRES}",
        "ernst ernst ADJ ADJD 7 ccomp Degree=Pos",
        "“ “ PUNCT $( 4 punct",
        ", , PUNCT $, 7 punct",
        f"sagte sagen VERB VVFIN 7 root {FIN_PAST}",
        "der der DET ART 9 det Case=Nom|Number=Sing",
        "Sprecher Sprecher NOUN NN 7 nsubj Case=Nom|Number=Sing",
        ". . PUNCT $. 7 punct",
    ]
    assert run(text, rows, direct=[_direct(text, "„Die Lage ist ernst“")]) == ()


# -- reported speech ------------------------------------------------------------------------
OPPOSITION = "Die Regierung wurde von der Opposition kritisiert."
OPPOSITION_ROWS = [
    "Die der DET ART 1 det Case=Nom|Number=Sing",
    "Regierung Regierung NOUN NN 6 nsubj:pass Case=Nom|Number=Sing",
    f"wurde werden AUX VAFIN 6 aux:pass {FIN_PAST}",
    "von von ADP APPR 5 case",
    "der der DET ART 5 det Case=Dat|Number=Sing",
    "Opposition Opposition NOUN NN 6 obl:agent Case=Dat|Number=Sing",
    "kritisiert kritisieren VERB VVPP 6 root VerbForm=Part",
    ". . PUNCT $. 6 punct",
]


def test_reported_speech_in_the_passive() -> None:
    (frame,) = run(OPPOSITION, OPPOSITION_ROWS)
    assert frame.kind == "reported"
    assert frame.quote.text == OPPOSITION  # the corpus marks the whole sentence
    assert speaker_text(frame) == "der Opposition"
    # The verb with its auxiliary is the cue (the corpus export leaves it out); no frame.
    assert frame.cue is not None and [p.text for p in frame.cue.parts] == ["wurde", "kritisiert"]
    assert frame.frame is None


def test_reported_speech_needs_a_speaker_who_can_speak() -> None:
    text = "Der Sturm kritisierte die Ernte."  # nonsense, but no person or organisation
    rows = [
        "Der der DET ART 1 det Case=Nom|Number=Sing",
        "Sturm Sturm NOUN NN 2 nsubj Case=Nom|Number=Sing",
        f"kritisierte kritisieren VERB VVFIN 2 root {FIN_PAST}",
        "die der DET ART 4 det Case=Acc|Number=Sing",
        "Ernte Ernte NOUN NN 2 obj Case=Acc|Number=Sing",
        ". . PUNCT $. 2 punct",
    ]
    assert run(text, rows) == ()


# -- Konjunktiv continuation --------------------------------------------------------------
CONTINUED = (
    "Die Ministerin sagte, die Lage sei ernst. Sie habe nichts gewusst. "
    "Die Regierung müsse handeln. Das Wetter ist gut."
)
CONTINUED_ROWS = [
    "Die der DET ART 1 det Case=Nom|Number=Sing",
    "Ministerin Ministerin NOUN NN 2 nsubj Case=Nom|Number=Sing",
    f"sagte sagen VERB VVFIN 2 root {FIN_PAST}",
    ", , PUNCT $, 7 punct",
    "die der DET ART 5 det Case=Nom|Number=Sing",
    "Lage Lage NOUN NN 7 nsubj Case=Nom|Number=Sing",
    f"sei sein AUX VAFIN 7 cop {SUB}",
    "ernst ernst ADJ ADJD 2 ccomp Degree=Pos",
    ". . PUNCT $. 2 punct",
    "Sie sie PRON PPER 12 nsubj Case=Nom|Number=Sing|Person=3|PronType=Prs",
    f"habe haben AUX VAFIN 12 aux {SUB}",
    "nichts nichts PRON PIS 12 obj",
    "gewusst wissen VERB VVPP 12 root VerbForm=Part",
    ". . PUNCT $. 12 punct",
    "Die der DET ART 15 det Case=Nom|Number=Sing",
    "Regierung Regierung NOUN NN 17 nsubj Case=Nom|Number=Sing",
    f"müsse müssen AUX VMFIN 17 aux {SUB}",
    "handeln handeln VERB VVINF 17 root VerbForm=Inf",
    ". . PUNCT $. 17 punct",
    "Das der DET ART 20 det Case=Nom|Number=Sing",
    "Wetter Wetter NOUN NN 22 nsubj Case=Nom|Number=Sing",
    f"ist sein AUX VAFIN 22 cop {FIN_PRES}",
    "gut gut ADJ ADJD 22 root Degree=Pos",
    ". . PUNCT $. 22 punct",
]


def test_konjunktiv_sentences_continue_the_speech() -> None:
    indirect, continued = run(CONTINUED, CONTINUED_ROWS)
    assert indirect.kind == "indirect" and indirect.quote.text == "die Lage sei ernst"
    assert continued.kind == "indirect_free_indirect"
    # Consecutive Konjunktiv sentences form one quote; the indicative one ends it.
    assert continued.quote.text == "Sie habe nichts gewusst. Die Regierung müsse handeln."
    assert continued.speaker == indirect.speaker  # the same mention, as the corpus has it
    assert speaker_text(continued) == "Die Ministerin"
    assert continued.cue is None and continued.frame is None


def test_konjunktiv_without_speech_before_it() -> None:
    text = "Sie sei überzeugt, dass die Gespräche scheitern."
    rows = [
        "Sie sie PRON PPER 2 nsubj Case=Nom|Number=Sing|Person=3|PronType=Prs",
        f"sei sein AUX VAFIN 2 cop {SUB}",
        "überzeugt überzeugt ADJ ADJD 2 root Degree=Pos",
        ", , PUNCT $, 7 punct",
        "dass dass SCONJ KOUS 7 mark",
        "die der DET ART 6 det Case=Nom|Number=Plur",
        "Gespräche Gespräch NOUN NN 7 nsubj Case=Nom|Number=Plur",
        f"scheitern scheitern VERB VVFIN 2 ccomp {FIN_PRES_PL}",
        ". . PUNCT $. 2 punct",
    ]
    (frame,) = run(text, rows)
    assert frame.kind == "indirect_free_indirect"
    assert frame.quote.text == text and frame.speaker is None
    free = IndirectDetector(attrs.evolve(DETECTOR.rules, without_context="free_indirect"))
    assert [f.kind for f in run(text, rows, detector=free)] == ["free_indirect"]
    silent = IndirectDetector(attrs.evolve(DETECTOR.rules, without_context=None))
    assert run(text, rows, detector=silent) == ()


def test_demonstrative_points_back_to_the_sentence_before() -> None:
    text = "Die Lage ist ernst. Das sagte der Minister."
    rows = [
        "Die der DET ART 1 det Case=Nom|Number=Sing",
        "Lage Lage NOUN NN 3 nsubj Case=Nom|Number=Sing",
        f"ist sein AUX VAFIN 3 cop {FIN_PRES}",
        "ernst ernst ADJ ADJD 3 root Degree=Pos",
        ". . PUNCT $. 3 punct",
        "Das der PRON PDS 6 obj Case=Acc|Number=Sing",
        f"sagte sagen VERB VVFIN 6 root {FIN_PAST}",
        "der der DET ART 8 det Case=Nom|Number=Sing",
        "Minister Minister NOUN NN 6 nsubj Case=Nom|Number=Sing",
        ". . PUNCT $. 6 punct",
    ]
    (frame,) = run(text, rows)
    assert frame.quote.text == "Die Lage ist ernst. Das"  # as the corpus marks it
    assert cue_parts(frame) == ["sagte"]
    assert speaker_text(frame) == "der Minister"


def test_hearsay_sollen_is_free_indirect_speech() -> None:
    text = "Ein vierter Mann soll den Irakern geholfen haben."
    rows = [
        "Ein ein DET ART 2 det Case=Nom|Number=Sing",
        "vierter vierter ADJ ADJA 2 amod Case=Nom|Number=Sing",
        "Mann Mann NOUN NN 6 nsubj Case=Nom|Number=Sing",
        f"soll sollen AUX VMFIN 6 aux {FIN_PRES}",
        "den der DET ART 5 det Case=Dat|Number=Plur",
        "Irakern Iraker NOUN NN 6 iobj Case=Dat|Number=Plur",
        "geholfen helfen VERB VVPP 6 root VerbForm=Part",
        "haben haben AUX VAINF 6 aux VerbForm=Inf",
        ". . PUNCT $. 6 punct",
    ]
    (frame,) = run(text, rows)
    assert frame.kind == "free_indirect" and frame.quote.text == text
    assert frame.cue is None and frame.speaker is None


def test_text_without_any_annotation_layer() -> None:
    # A blank pipeline: tokens only. Nothing to read, nothing may break.
    import spacy

    text = MINISTER + " Laut Polizei wurde niemand verletzt."
    parsed = from_spacy(spacy.blank("de")(text), text)
    document = Document.build(text, SPLITTER)
    frames, _ = DETECTOR.detect(parsed, document, (), MENTIONS, MENTIONS.start(document))
    assert all(text[f.quote.start : f.quote.end] == f.quote.text for f in frames)


# -- Konjunktiv forms --------------------------------------------------------------------
KONJUNKTIV = KonjunktivRules.from_table(RULES["indirect"]["konjunktiv"])


@pytest.mark.parametrize(
    ("subject", "verb", "lemma", "morph", "expected"),
    [
        ("er", "sei", "sein", SUB, "strong"),
        ("sie", "seien", "sein", SUB_PL, "strong"),
        ("er", "habe", "haben", "", "strong"),  # no Mood from the tagger: the lexicon decides
        ("ich", "habe", "haben", FIN_PRES, ""),  # first person indicative
        ("sie", "erwarte", "erwarten", FIN_PRES, "strong"),  # stem + e
        ("er", "sagte", "sagen", FIN_PAST, ""),  # preterite, not Konjunktiv
        ("er", "wäre", "sein", "", "weak"),  # Konjunktiv II
        ("sie", "befänden", "befinden", "VerbForm=Fin", "weak"),  # umlaut Konjunktiv II
        ("sie", "sagen", "sagen", FIN_PRES.replace("Sing", "Plur"), ""),
    ],
)
def test_konjunktiv_strength(
    subject: str, verb: str, lemma: str, morph: str, expected: str
) -> None:
    text = f"Dann {verb} {subject} da."
    rows = [
        "Dann dann ADV ADV 1 advmod",
        f"{verb} {lemma} AUX VAFIN 1 root {morph}".rstrip(),
        f"{subject} {subject} PRON PPER 1 nsubj Case=Nom|PronType=Prs",
        "da da ADV ADV 1 advmod",
        ". . PUNCT $. 1 punct",
    ]
    parsed = parse(text, rows)
    assert KONJUNKTIV.strength(parsed, parsed[1]) == expected


# -- speed and the shipped model -----------------------------------------------------------
def test_detection_is_linear_enough() -> None:
    text = " ".join([MINISTER] * 200)
    rows = []
    for k in range(200):
        rows += [_shift(r, 13 * k) for r in MINISTER_ROWS]
    parsed = parse(text, rows)
    document = Document.build(text, SPLITTER)
    frames, _ = DETECTOR.detect(parsed, document, (), MENTIONS, MENTIONS.start(document))
    assert len(frames) == 200


def test_one_endless_sentence_stays_fast() -> None:
    # 6,000 words, no punctuation, verbs of saying everywhere: no scan may be quadratic.
    import time

    pattern = ["Er", "sagte", "sie", "habe", "gesagt"]
    rows = []
    for k in range(1200):
        for j, word in enumerate(pattern):
            lemma = {"sagte": "sagen", "habe": "haben", "gesagt": "sagen"}.get(word, word.lower())
            upos = "VERB" if word in ("sagte", "gesagt") else "AUX" if word == "habe" else "PRON"
            tag = {"sagte": "VVFIN", "gesagt": "VVPP", "habe": "VAFIN"}.get(word, "PPER")
            rows.append(f"{word} {lemma} {upos} {tag} 0 {'root' if not k and not j else 'dep'}")
    text = " ".join(pattern * 1200) + "."
    rows.append(". . PUNCT $. 0 punct")
    parsed = parse(text, rows)
    document = Document.build(text, SPLITTER)
    started = time.process_time()
    DETECTOR.detect(parsed, document, (), MENTIONS, MENTIONS.start(document))
    assert time.process_time() - started < 5.0


def _shift(row: str, by: int) -> str:
    word, lemma, upos, tag, head, dep, *morph = row.split()
    return " ".join([word, lemma, upos, tag, str(int(head) + by), dep, *morph])


def test_with_the_shipped_model() -> None:
    models = pytest.importorskip("quotes.models")
    try:
        nlp = models.load_cached()
    except (FileNotFoundError, OSError) as error:
        pytest.skip(f"the shipped model cannot be loaded: {error}")
    text = (
        "Der Minister sagte am Montag, er sei überzeugt, dass die Gespräche scheitern. "
        "Laut Polizei wurde niemand verletzt."
    )
    parsed = from_spacy(nlp(text), text)
    document = Document.build(text, SPLITTER)
    frames, _ = DETECTOR.detect(parsed, document, (), MENTIONS, MENTIONS.start(document))
    quotes = {f.quote.text: f for f in frames}
    assert "er sei überzeugt, dass die Gespräche scheitern" in quotes
    assert speaker_text(quotes["er sei überzeugt, dass die Gespräche scheitern"]) == "Der Minister"
    assert "wurde niemand verletzt" in quotes
