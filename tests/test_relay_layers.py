"""The export of relayed quotations to the Wikinews corpus's convention (one layer per link).

Hand-written sentences and records; the corpus itself is never read here.
"""

from __future__ import annotations

import regex

from benchmarks.wikinews import build_parser
from quotes.evaluate.corpus import Token, TokenIndex, attributions_to_annotations
from quotes.evaluate.layers import layer_medium, relay_layers
from quotes.records import Attribution, Cue, Source, Span, Speaker


def tokens_of(text: str) -> tuple[Token, ...]:
    return tuple(
        Token(i, m.start(), m.end(), m.group())
        for i, m in enumerate(regex.finditer(r"\w+|[^\w\s]", text))
    )


def span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


def record(
    text: str,
    quote: str,
    speaker: str | None,
    outlet: str,
    outlet_type: str,
    relation: str,
    *,
    kind: str = "indirect",
    cue: str = "sagte",
) -> Attribution:
    quoted = span(text, quote)
    return Attribution(
        kind=kind,
        quote=quoted,
        content=quoted,
        speaker=Speaker(span(text, speaker), speaker, "person") if speaker else None,
        cue=Cue((span(text, cue),)),
        via=(Source(outlet, outlet_type, relation, span(text, outlet), hop=1),),
        medium="Speech",
    )


def texts(text: str, tokens: tuple[int, ...]) -> str:
    by_id = {t.id: t.text for t in tokens_of(text)}
    return " ".join(by_id[t] for t in tokens)


LAUT = "Laut BBC News sagte der Minister, dass die Lage ernst sei."


def test_a_relaying_outlet_is_its_own_layer_over_the_same_words() -> None:
    attribution = record(
        LAUT, "dass die Lage ernst sei", "der Minister", "BBC News", "broadcaster", "laut"
    )
    index = TokenIndex(tokens_of(LAUT))
    outer, inner = attributions_to_annotations([attribution], LAUT, index, relay_layers=True)
    assert texts(LAUT, outer.tokens("speaker")) == "BBC News"
    assert texts(LAUT, inner.tokens("speaker")) == "der Minister"
    assert outer.quote == inner.quote
    assert outer.tokens("cue") == inner.tokens("cue")
    # The outlet's layer reports the Minister's words: it is the outer one, as in the corpus.
    assert (outer.is_nested, inner.is_nested) == (False, True)
    assert outer.medium == "Speech"  # a broadcaster speaks
    assert inner.via == ("BBC News",) and outer.via == ()


def test_one_annotation_without_the_convention() -> None:
    attribution = record(
        LAUT, "dass die Lage ernst sei", "der Minister", "BBC News", "broadcaster", "laut"
    )
    index = TokenIndex(tokens_of(LAUT))
    (only,) = attributions_to_annotations([attribution], LAUT, index)
    assert texts(LAUT, only.tokens("speaker")) == "der Minister"


def test_an_addressee_outlet_is_no_layer() -> None:
    text = "Der Minister sagte der Zeitung „Die Welt“, die Lage sei ernst."
    attribution = record(
        text, "die Lage sei ernst", "Der Minister", "Die Welt", "outlet", "gegenüber"
    )
    assert relay_layers(attribution, text) == []
    index = TokenIndex(tokens_of(text))
    assert len(attributions_to_annotations([attribution], text, index, relay_layers=True)) == 1


def test_the_outlet_phrase_keeps_its_article_type_noun_and_marks() -> None:
    text = (
        "Der Fraktionschef Volker Ratzmann wird von der „Netzeitung“ mit den Worten zitiert: "
        "„Wowereit ist angeschlagen.“ Günther Platter wird von der Nachrichtenagentur Reuters "
        "mit den Worten zitiert, es habe eine positive Resonanz gegeben."
    )
    direct = record(
        text,
        "„Wowereit ist angeschlagen.“",
        "Der Fraktionschef Volker Ratzmann",
        "Netzeitung",
        "outlet",
        "zitiert",
        kind="direct",
        cue="zitiert",
    )
    indirect = record(
        text,
        "es habe eine positive Resonanz gegeben",
        "Günther Platter",
        "Reuters",
        "agency",
        "zitiert",
        cue="zitiert",
    )
    ((phrase, _),) = relay_layers(direct, text)
    assert phrase.text == "der „Netzeitung“"
    ((phrase, source),) = relay_layers(indirect, text)
    assert phrase.text == "der Nachrichtenagentur Reuters"
    assert layer_medium(source) == "SW"  # an agency: the corpus marks its reports as both


def test_media_of_layers() -> None:
    text = "„Das ist ein Skandal“, sagte der Demonstrationsleiter laut ndr.de."
    web = Source("NDR", "broadcaster", "laut", span(text, "ndr.de"))
    assert layer_medium(web) == "Writing"  # a web page is written
    assert layer_medium(Source("Der Spiegel", "outlet", "zitiert")) == "Writing"


def test_no_layer_for_an_outlet_in_another_sentence_or_without_a_speaker() -> None:
    text = "Das berichtete die Zeitung „Bild“. Der Minister sagte, die Lage sei ernst."
    attribution = record(text, "die Lage sei ernst", "Der Minister", "Bild", "outlet", "berichtet")
    assert relay_layers(attribution, text) == []
    speakerless = record(LAUT, "dass die Lage ernst sei", None, "BBC News", "broadcaster", "laut")
    assert relay_layers(speakerless, LAUT) == []


def test_an_outlet_that_is_the_speaker_is_no_second_layer() -> None:
    text = "Laut Reuters sagte Reuters, die Lage sei ernst."
    attribution = record(text, "die Lage sei ernst", "Reuters", "Reuters", "agency", "laut")
    assert relay_layers(attribution, text) == []


def test_the_benchmark_exports_layers_unless_told_otherwise() -> None:
    assert build_parser().parse_args([]).one_layer is False
    assert build_parser().parse_args(["--one-layer"]).one_layer is True
