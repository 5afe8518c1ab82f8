"""quotes.mirrored: each whole-text scan's stdlib mirror finds what its ``regex`` pattern
finds, character for character of the Basic Multilingual Plane."""

from __future__ import annotations

import random
import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.document import _BOUNDARY, _TOKEN, Document, SentenceSplitter, tokenize
from quotes.mirrored import Mirrored, _members, _plane, in_bmp, translate
from quotes.pipeline.entity_passes import _CAPITALISED_RUN, CAPITALISED_WORDS

SCANS = [_TOKEN, _BOUNDARY, _CAPITALISED_RUN, CAPITALISED_WORDS]

# Characters where the engines' own classes part ways or the patterns turn: apostrophes,
# hyphens, quotation marks, no-break and ideographic spaces, information separators
# (str.isspace, not \s), a combining accent, superscript two (str.isalnum, not \p{L}),
# title case, a lone surrogate, capitals beyond Latin.
TRICKY = (
    "aAzZäÄßẞ éÉ\u0301 İıǅ Ωω Жж 1²٣ _-–—'’.&,;:!?… \t\n\u00a0\u3000\u2028\x1c\x1f"
    '„“”"»«‚‘›‹()[]\ud800'
)


@pytest.mark.parametrize("item", [r"\p{L}", r"\p{Lu}", r"\p{Ll}", r"\s", r"\d", r"\w"])
def test_members_are_the_regex_class_on_the_whole_plane(item: str) -> None:
    plane = _plane()
    mirrored = re.compile(f"[{_members(item, regex.V1)}]")
    assert mirrored.findall(plane) == regex.findall(f"[{item}]", plane, regex.V1)
    negated = re.compile(f"[^{_members(item, regex.V1)}]")
    assert negated.findall(plane) == regex.findall(f"[^{item}]", plane, regex.V1)


def _found(pattern: object, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("scan", SCANS, ids=lambda s: s.source[:24])
@pytest.mark.parametrize(
    "text",
    [
        "Der Lette Kristaps Porzingis sagte: „Wir sind bereit.“Danach ging er.",
        "l’Anna Maria Rossi und d'Alembert trafen Jean-Luc Picard (CDU) in Köln-Süd .",
        "Am 27. Februar sagte Dr. Ümit Öztürk: Es reicht! Die Gewerkschaft GEW\u00a0Berlin",
        "ẞTRASSE Straße\u3000Weg\x1cAllee Ǆemal İstanbul Ωmega ΑΘΗΝΑ Москва Кремль\u2028Ende",
        "US-Außenminister Marco Rubio, CO² und 3-D-Druck; geht's? n-tv.de & Co. …",
        "Café\u0301 Noël Zoë\u0301 A\ud800B Ab\u00adCd «Le Monde» ‚Die Zeit‘ ›Bild‹",
        "",
    ],
)
def test_mirror_finds_what_the_pattern_finds(scan: Mirrored, text: str) -> None:
    assert in_bmp(text)
    assert _found(scan.mirror, text) == _found(scan.pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=80))
def test_mirrors_on_texts_of_tricky_characters(text: str) -> None:
    for scan in SCANS:
        assert _found(scan.mirror, text) == _found(scan.pattern, text)


def test_mirrors_on_random_bmp_text() -> None:
    rng = random.Random(12)
    plane = _plane()
    for _ in range(200):
        text = "".join(
            rng.choice(TRICKY) if rng.random() < 0.7 else rng.choice(plane) for _ in range(60)
        )
        for scan in SCANS:
            assert _found(scan.mirror, text) == _found(scan.pattern, text)


def test_a_text_beyond_the_plane_runs_the_regex_pattern() -> None:
    text = "Der Kanzler 😀 Olaf Scholz sagte: „Gut.“ 𝐀𝐁 Ende"
    assert not in_bmp(text)
    assert in_bmp(text, 0, 11) and not in_bmp(text, 0, 13)
    assert _CAPITALISED_RUN.on(False) is _CAPITALISED_RUN.pattern
    doc = Document.build(text, SentenceSplitter(abbreviations=()))
    assert not doc.in_bmp
    words = [(t.start, t.end) for t in doc.tokens(0, len(text))]
    assert words == [m.span() for m in _TOKEN.pattern.finditer(text)]
    assert tokenize(text) == doc.tokens(0, len(text))


def test_tokens_and_sentences_of_a_bmp_document_are_the_regex_ones() -> None:
    text = "Er sagte: „Wir kommen.“ Dann ging er. Dr. Müller blieb.\nNeue Zeile! Und?"
    splitter = SentenceSplitter(abbreviations=("Dr.",))
    doc = Document.build(text, splitter)
    assert doc.in_bmp
    assert [(t.start, t.end) for t in doc.tokens(0, len(text))] == [
        m.span() for m in _TOKEN.pattern.finditer(text)
    ]
    assert splitter.split(text, 0, len(text), bmp=True) == splitter.split(
        text, 0, len(text), bmp=False
    )


@pytest.mark.parametrize(
    "source",
    [r"\bWort\b", r"[\p{L}--\p{Lu}]", r"(?i)wort", r"(?r)wort", r"\L<words>", r"[[a-z]]", r"\1"],
)
def test_what_is_not_mirrored_is_an_error(source: str) -> None:
    with pytest.raises(ValueError, match="cannot mirror"):
        translate(source)


# The scans as they were written before their look-behind moved behind the first capital
# (and CAPITALISED_WORDS's words became possessive): the same matches.
FORMER = [
    (_CAPITALISED_RUN, r"(?<![\p{L}-])\p{Lu}[\p{L}-]*+(?=\s)"),
    (
        CAPITALISED_WORDS,
        r"(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){2,}(?![\p{L}'’-])",
    ),
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY + "AB ab\t"), max_size=80))
def test_rewritten_scans_match_as_they_did(text: str) -> None:
    for scan, former in FORMER:
        assert _found(scan.pattern, text) == _found(regex.compile(former, regex.V1), text)


_FORMER_TITLE = re.compile(
    r"(?:''(?<!\w'')|[„“”\"»«‚‘›‹](?<!\w[„“”\"»«‚‘›‹]))"
    r"(?P<title>[^\W_][^„“”\"»«‚‘’›‹\n]{0,58}?)"
    r"(?:''|[“”\"«»‘’‹›])(?!\w)"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("'„“”\"»«‚‘›‹’aAb _1\n-"), max_size=60))
def test_quoted_title_scan_matches_as_it_did(text: str) -> None:
    # quotes.pipeline.outlets.gazetteer._TITLE, its first characters now one class.
    from quotes.pipeline.outlets.gazetteer import _TITLE

    def titles(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        return [(m.span(), m.span("title")) for m in pattern.finditer(text)]

    assert titles(_TITLE) == titles(_FORMER_TITLE)


def test_negative_positions_count_from_the_end_as_in_regex() -> None:
    text = "Er sagte: „Wir kommen.“ Dann ging er."
    for start, end in [(-5, None), (0, -3), (-12, -2), (3, 100), (20, 4)]:
        stop = len(text) if end is None else end
        expected = [m.span() for m in _TOKEN.pattern.finditer(text, start, stop)]
        assert [(t.start, t.end) for t in tokenize(text, start, end)] == expected
        assert [(t.start, t.end) for t in tokenize(text, start, end, bmp=True)] == expected
    assert _TOKEN.on(True, 0, -1) is _TOKEN.pattern
    assert _TOKEN.on(True, 0, 5) is _TOKEN.mirror
