"""Parse on demand, batched parsing in pipe(), bad items in pipe(), bounded parse batches."""

from __future__ import annotations

from typing import Any

import pytest

import quotes.backends as backends
import quotes.extractor as extractor_module
from quotes import Extractor
from quotes.document import Document
from quotes.errors import RulesError
from quotes.extractor import ItemError
from quotes.parse.assembly import runs
from quotes.parse.demand import ParseTriggers

pytest.importorskip("spacy")

# Every sentence holds a trigger (a verb of saying, Konjunktiv, "laut", "nach Angaben").
ALL_CANDIDATES = [
    "Die Ministerin sagte, sie sei mit dem Ergebnis zufrieden. Laut dem Sprecher "
    "habe die Regierung keine Wahl.\n\nNach Angaben der Polizei wurden drei Menschen "
    "verletzt. Er erklärte, man werde die Ursache prüfen.",
    "„Wir brauchen mehr Zeit“, sagte der Trainer. Er betonte, das Team sei bereit.",
    "Der Bürgermeister kündigte an, dass die Brücke im Herbst saniert werde.",
]
MIXED = [
    "Stadtrat streitet über Haushalt\n\nAm Dienstagabend kamen rund 300 Menschen in die "
    "Stadthalle. Die Sitzung dauerte mehr als vier Stunden. Die Bürgermeisterin sagte, "
    "die Stadt brauche neue Busse. Der Haushalt sieht Ausgaben von 40 Millionen Euro vor."
    "\n\nDas Spiel endete nach Verlängerung mit 2:1. Dem Trainer zufolge sei die Mannschaft "
    "erschöpft. Im vergangenen Jahr stieg die Zahl der Besucher um zehn Prozent.",
    "Der Roman erschien vor zwei Tagen. Die Arbeiten an der Brücke sollen im Herbst beginnen.",
    "",
    "   \n  ",
    "Er soll geholfen haben. Danach ging er nach Hause.\r\nDie Polizei teilte mit, der Mann "
    "sei festgenommen worden.",
]


@pytest.fixture(scope="module")
def on_demand() -> Extractor:
    return Extractor("parse")


@pytest.fixture(scope="module")
def full(on_demand: Extractor) -> Extractor:
    extractor = Extractor("parse", parse_on_demand=False)
    extractor._parser = on_demand._parser  # one model loaded for both
    return extractor


def _offsets_exact(text: str, attributions: list[Any]) -> None:
    for a in attributions:
        spans = [a.quote, a.content, a.frame, a.addressee]
        spans += [a.speaker.mention] if a.speaker else []
        spans += list(a.cue.parts) if a.cue else []
        for span in spans:
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_all_candidates_gives_the_full_parse(on_demand: Extractor, full: Extractor) -> None:
    for text in ALL_CANDIDATES:
        doc = Document.build(text, on_demand._splitter)
        assert all(on_demand._triggers.candidates(doc)), text
        assert on_demand.extract(text) == full.extract(text)


def test_parse_on_demand_offsets_are_exact(on_demand: Extractor) -> None:
    for text in MIXED + ALL_CANDIDATES:
        found = on_demand.extract(text)
        _offsets_exact(text, found)
        for part in on_demand._parses(Document.build(text, on_demand._splitter)):
            assert part.text == text
            for token in part:
                assert text[token.start : token.end] == token.text


def test_parse_on_demand_parses_only_candidates(on_demand: Extractor) -> None:
    text = MIXED[0]
    doc = Document.build(text, on_demand._splitter)
    flags = on_demand._triggers.candidates(doc)
    assert 0 < sum(flags) < len(flags)
    (part,) = list(on_demand._parses(doc))
    for sentence, parsed in zip(doc.sentences, flags, strict=True):
        tokens = part.tokens_in(sentence.start, sentence.end)
        assert tokens
        assert any(t.tag for t in tokens) == parsed  # filler tokens carry no tags
    # What the candidates say is still found, with the speakers of the full parse.
    kinds = {
        (a.kind, a.speaker.mention.text if a.speaker else None) for a in on_demand.extract(text)
    }
    assert ("indirect", "Die Bürgermeisterin") in kinds


# Trigger words with and without the context their detector needs (rules/de/parse.toml).
TRIGGERED = [
    "Die Firma gab am Montag neue Zahlen bekannt.",  # "gab … bekannt": the particle
    "Das Ministerium legte fest, dass die Jagd endet.",  # listed "legte" (darlegen), festlegen
    "Die Studie zeigt, dass die Preise steigen.",  # "zeigen" needs "dass"
    "Nach Angaben der Polizei ist niemand verletzt.",  # "nach" + a nach noun
    "Die Forderung, den Plan zu stoppen, blieb ungehört.",  # reporting noun + comma
    "Er soll den Männern geholfen haben.",  # hearsay "soll" with a perfect auxiliary
    "Danach sei der Täter geflohen.",  # "danach" before a Konjunktiv
    "Der Minister sagte, er komme.",
    "Sie habe nichts gewusst.",
]
NOT_TRIGGERED = [
    "Er gab ihr das Buch zurück.",  # "geben" with a particle no cue verb has
    "Das Foto zeigt einen Mann am Strand.",  # "zeigen" without "dass"
    "Der Spieler machte keine Angaben zu seinem Alter.",  # a nach noun without "nach"
    "Die Forderung blieb ungehört.",  # a reporting noun without its clause
    "Er soll morgen nach Berlin fahren.",  # "soll" without a perfect auxiliary
    "Danach ging er nach Hause.",  # "danach" without a Konjunktiv
    "Die Frage ist, wer im Laufe des Tages kommt.",  # capitalised: nouns, not Konjunktiv
    "Eine Frau kam mit einigen Kindern.",  # not_words: the article "eine"
]


def test_triggers_need_their_context(on_demand: Extractor) -> None:
    triggers = on_demand._triggers
    for text in TRIGGERED:
        assert triggers.is_candidate(text), text
    for text in NOT_TRIGGERED:
        assert not triggers.is_candidate(text), (text, triggers.firing_words(text))


def test_firing_words_are_the_words_that_fire_first_word_apart(on_demand: Extractor) -> None:
    triggers = on_demand._triggers
    # Only the words that fire, in text order, each with its group; a word's plan as the
    # first word of a sentence (capitalised Konjunktiv fires) is not its plan later on.
    assert triggers.firing_words("Die Frage sei offen.") == [("sei", "konjunktiv")]
    assert triggers.firing_words("Frage nicht.") == [("Frage", "konjunktiv")]
    assert triggers.firing_words("Nicht Frage.") == []
    assert triggers.firing_words("Die Frage ist offen.") == []
    assert triggers.fired("Laut Polizei sagte er, es sei spät.") == {
        "sources",
        "cue_verbs",
        "konjunktiv",
    }
    for text in (*TRIGGERED, *NOT_TRIGGERED, "Frage nicht.", "Nicht Frage."):
        assert triggers.is_candidate(text) == bool(triggers.firing_words(text)), text


def test_trigger_settings_are_checked(on_demand: Extractor) -> None:
    rules = dict(on_demand.rules)
    for key, value in (("with_context", ["konjunktiv"]), ("lower_case", ["verbs"])):
        bad = {**rules, "parse": {"triggers": {key: value}}}
        with pytest.raises(RulesError, match=key):
            ParseTriggers.from_rules(bad, on_demand._indirect.rules)


def test_unparsed_sentences_hold_no_konjunktiv(on_demand: Extractor, full: Extractor) -> None:
    # "Laufe" and "Sitze" are listed Konjunktiv forms ("er laufe"); capitalised they are
    # nouns, so the sentence is not parsed, and its unparsed tokens must not read as a
    # Konjunktiv continuation of the speech before it.
    text = (
        "Der Sprecher sagte, die Lage sei ernst. Die Aktie verlor im Laufe des Tages zehn "
        "Prozent. Die Partei gewann zwölf Sitze."
    )
    doc = Document.build(text, on_demand._splitter)
    assert on_demand._triggers.candidates(doc) == [True, False, False]
    assert on_demand.extract(text) == full.extract(text)


def test_runs_cover_the_text_when_all_sentences_are_parsed(on_demand: Extractor) -> None:
    text = "  Er sagte, es sei gut.  Sie sagte, es sei schlecht.\n"
    doc = Document.build(text, on_demand._splitter)
    assert runs(doc, [True, True]) == ((0, len(text)), [(0, len(text))])
    window, pieces = runs(doc, [False, True])
    assert window == (0, len(text)) and pieces == [(doc.sentences[1].start, len(text))]


def test_switch_must_be_a_bool() -> None:
    with pytest.raises(TypeError):
        Extractor("rules", parse_on_demand="no")  # type: ignore[arg-type]


def test_long_texts_are_analysed_in_windows(
    on_demand: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Paragraphs that do not depend on each other: windows give the same result.
    text = "\n\n".join(MIXED[0] for _ in range(6))
    whole = on_demand.extract(text)
    monkeypatch.setattr(extractor_module, "_WINDOW_CHARS", 1200)
    doc = Document.build(text, on_demand._splitter)
    assert len(list(on_demand._parses(doc))) > 2
    assert on_demand.extract(text) == whole


def test_parse_texts_batches_are_bounded(
    on_demand: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    parser = on_demand._parser
    assert isinstance(parser, backends.SpacyBackend)
    texts = [*ALL_CANDIDATES, MIXED[4], "", MIXED[0]]
    one_by_one = [parser.parse(t) for t in texts]
    sizes: list[int] = []
    real_pipe = parser.nlp.pipe

    def counting_pipe(stream: Any, **kwargs: Any) -> Any:
        batch = list(stream)
        sizes.append(sum(len(t) for t in batch))
        return real_pipe(batch, **kwargs)

    monkeypatch.setattr(parser.nlp, "pipe", counting_pipe)
    monkeypatch.setattr(backends, "_BATCH_CHARS", 300)
    assert list(parser.parse_texts(texts)) == one_by_one
    assert len(sizes) > 2 and max(sizes) <= max(300, *(len(t) for t in texts))
    # A text longer than a chunk is cut and its parses joined, in bounded batches too.
    monkeypatch.setattr(backends, "_CHUNK_CHARS", 120)
    sizes.clear()
    long_text = MIXED[0]
    joined = next(parser.parse_texts([long_text]))
    assert joined.text == long_text and len(sizes) > 1 and max(sizes) <= 300
    assert [t.text for t in joined] == [t.text for t in one_by_one[-1]]


@pytest.mark.parametrize(
    "piece", ['"key": "value", ', "Berlin (dpa) – „Ja“, sagte er.\n", "„Titel“, "]
)
def test_dense_text_is_parsed_in_batches_bounded_in_tokens(
    on_demand: Extractor, monkeypatch: pytest.MonkeyPatch, piece: str
) -> None:
    # Issue 9 §2: the parser's memory goes with the tokens of a batch (a 21k-character
    # JSON line in one sentence: 10k tokens in one batch, 150 MB over the loaded model).
    # Dense text is cut into chunks of at most _CHUNK_TOKENS estimated tokens, and a
    # batch holds at most _BATCH_TOKENS of them; the parse is joined back exactly.
    parser = on_demand._parser
    assert isinstance(parser, backends.SpacyBackend)
    monkeypatch.setattr(backends, "_CHUNK_TOKENS", 400)
    monkeypatch.setattr(backends, "_BATCH_TOKENS", 600)
    text = piece * (6_000 // len(piece))
    assert backends._token_estimate(text) > 1_000
    chunks = list(backends._chunks(text, backends._CHUNK_CHARS))
    assert "".join(text[a:b] for a, b in chunks) == text
    assert all(backends._token_estimate(text, a, b) <= 400 for a, b in chunks)
    tokens: list[int] = []
    real_pipe = parser.nlp.pipe

    def counting_pipe(stream: Any, **kwargs: Any) -> Any:
        docs = list(real_pipe(list(stream), **kwargs))
        tokens.append(sum(len(doc) for doc in docs))
        return iter(docs)

    monkeypatch.setattr(parser.nlp, "pipe", counting_pipe)
    parsed = next(parser.parse_texts([text, "Er sagte, es sei gut."]))
    assert len(tokens) > 2 and max(tokens) <= 600
    assert parsed.text == text
    assert all(text[t.start : t.end] == t.text for t in parsed)


def test_token_estimate_follows_the_tokenizer(on_demand: Extractor) -> None:
    # Close to spaCy's count on news and on dense text, so news keeps its 20k chunks.
    parser = on_demand._parser
    assert isinstance(parser, backends.SpacyBackend)
    for text in [*ALL_CANDIDATES, MIXED[0], '"key": "value", ' * 50, "„Ja“, sagte er.\n" * 40]:
        real = len(parser.nlp.make_doc(text))
        assert 0.8 * real <= backends._token_estimate(text) <= 1.25 * real + 2, text[:40]


# -- pipe ------------------------------------------------------------------------------
def test_pipe_matches_extract(on_demand: Extractor, full: Extractor) -> None:
    texts = (MIXED + ALL_CANDIDATES) * 3
    for extractor in (on_demand, full):
        assert list(extractor.pipe(texts, batch_size=4)) == [extractor.extract(t) for t in texts]


def test_pipe_serial_raises_at_the_bad_item(on_demand: Extractor) -> None:
    texts: list[Any] = [ALL_CANDIDATES[0], MIXED[0], None, ALL_CANDIDATES[1]]
    got = []
    with pytest.raises(TypeError):
        for result in on_demand.pipe(texts, batch_size=8):
            got.append(result)
    assert got == [on_demand.extract(t) for t in texts[:2]]


def test_pipe_returns_an_error_result_for_the_bad_item_only(on_demand: Extractor) -> None:
    texts: list[Any] = [ALL_CANDIDATES[0], 5, MIXED[0], b"x", ALL_CANDIDATES[1]]
    results = list(on_demand.pipe(texts, batch_size=8, errors="return"))
    assert isinstance(results[1], ItemError) and results[1].index == 1
    assert results[1].error_type == "TypeError"
    assert isinstance(results[3], ItemError) and results[3].index == 3
    assert [results[0], results[2], results[4]] == [
        on_demand.extract(t) for t in (texts[0], texts[2], texts[4])
    ]
    pairs = [(ALL_CANDIDATES[0], "a"), "no pair", (MIXED[0], "c")]
    out = list(on_demand.pipe(pairs, as_tuples=True, errors="return"))
    assert [context for _, context in out] == ["a", None, "c"]
    assert isinstance(out[1][0], ItemError)


def test_pipe_a_failing_parse_costs_only_its_item(
    on_demand: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    parser = on_demand._parser
    real = parser.parse_texts

    def failing(texts: Any) -> Any:
        texts = list(texts)
        if any("Bürgermeisterin" in t for t in texts):
            raise RuntimeError("the parser broke")
        return real(texts)

    monkeypatch.setattr(parser, "parse_texts", failing)
    texts = [ALL_CANDIDATES[0], MIXED[0], ALL_CANDIDATES[1]]
    results = list(on_demand.pipe(texts, batch_size=8, errors="return"))
    assert isinstance(results[1], ItemError) and results[1].error_type == "RuntimeError"
    monkeypatch.undo()
    assert [results[0], results[2]] == [on_demand.extract(t) for t in (texts[0], texts[2])]


def test_pipe_with_processes_delivers_everything_before_the_bad_item(
    on_demand: Extractor,
) -> None:
    texts: list[Any] = [*ALL_CANDIDATES, *MIXED, None, ALL_CANDIDATES[0]]
    got = []
    with pytest.raises(TypeError):
        for result in on_demand.pipe(texts, n_process=2, batch_size=2):
            got.append(result)
    assert got == [on_demand.extract(t) for t in texts[: texts.index(None)]]
    results = list(on_demand.pipe(texts, n_process=2, batch_size=2, errors="return"))
    assert isinstance(results[texts.index(None)], ItemError)
    assert results[-1] == on_demand.extract(ALL_CANDIDATES[0])
