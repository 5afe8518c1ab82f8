"""The rules path's shortcuts give the answers of what they stand for: per-word memos,
bounded (quotes.pipeline.entity_passes.class_matches, Lexicon.is_organization_word), the
name particles of NounPhrases by their first word, and the mark scan tried only at the
characters a mark can start with (quotes.pipeline.marks._matches)."""

from __future__ import annotations

import random

import pytest

from quotes.document import tokenize
from quotes.pipeline import entity_passes, marks
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.speaker_words import SurfaceWords
from quotes.pipeline.speakers.noun_phrases import NounPhrases
from quotes.rules import load_rules

RULES = load_rules("de")
LEXICON = Lexicon.from_rules(RULES)

TEXTS = [
    "Die Gewerkschaft GEW und die Menschenrechtsorganisation Amnesty International sagten, "
    "die Partei Die Linke und die PARTEI-Gewerkschaft Verdi schwiegen.",
    "Das Meinungsforschungsinstitut Forsa, das Institut Allensbach und die Straße Abc.",
    "Gewerkschaft Gewerkschaft GEWERKSCHAFT Gewerkschaftsbund DGB, gewerkschaft X.",
    # A class word inside a longer run, after a hyphen or a letter, at the end of a line,
    # and the same word again as a run of its own (class_matches finds each place of a
    # word that ends in a class, then keeps the whole runs).
    "Die SPD-Partei Linke, xPartei Grüne, Parteipartei AfD, Die Partei\nPartei Volt und "
    "die Partei Die PARTEI sowie der Konzern BMW und der Autokonzern VW; Konzern.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("memo_size", [2, 8_192])
def test_class_matches_are_the_full_patterns_with_the_memo(
    text: str, memo_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entity_passes, "_CLASS_MEMO_SIZE", memo_size)
    pattern = LEXICON.organization_class_pattern
    assert pattern is not None
    expected = [(m.span(), m.group()) for m in pattern.finditer(text)]
    for _ in range(2):  # the second time from the memo
        got = [(m.span(), m.group()) for m in entity_passes.class_matches(text, LEXICON)]
        assert got == expected
    memo = entity_passes._class_word_memo(
        entity_passes._folded_classes(tuple(LEXICON.organization_classes))  # type: ignore[arg-type]
    )
    assert len(memo) <= memo_size


WORDS = [
    "Innenministerium",
    "Innenministeriums",
    "Hauses",
    "Bundestag",
    "Merkel",
    "Sagte",
    "es",
    "s",
    "",
    "Gewerkschaftes",
]


def test_is_organization_word_memo_answers_as_the_test() -> None:
    lex = Lexicon.from_rules(RULES)
    expected = [lex._is_organization_word(w) for w in WORDS]
    assert any(expected) and not all(expected)
    for _ in range(2):
        assert [lex.is_organization_word(w) for w in WORDS] == expected


def _particle_name_reference(
    phrases: NounPhrases, tokens: tuple, i: int, end: int
) -> tuple[int, int] | None:
    """The loop over every particle that ``_particle_name`` replaced."""
    lex = phrases.lexicon
    if not tokens[i].text.islower():
        return None
    for particle in lex.name_particles:
        words = particle.split()
        surname = i + len(words)
        if surname >= end or not tokens[surname].text[:1].isupper():
            continue
        if any(tokens[i + k].text != w for k, w in enumerate(words)):
            continue
        if " ".join(t.text for t in tokens[i : surname + 1]) in lex.known_persons:
            return i, surname
    return None


def test_particle_names_by_first_word_are_the_loop_over_all_particles() -> None:
    phrases = NounPhrases(LEXICON, SurfaceWords.from_rules(RULES))
    assert LEXICON.name_particles
    by_first = [w for found in phrases._particles.values() for w in found]
    assert sorted(by_first) == sorted(tuple(p.split()) for p in LEXICON.name_particles if p)
    text = (
        "sagte von der Leyen am Mittwoch, von der Kommission, van Gaal, de Maizière und "
        "von Der Leyen; zu Guttenberg, von, der von der"
    )
    tokens = tokenize(text)
    found = 0
    for i in range(len(tokens)):
        for end in {len(tokens), min(i + 2, len(tokens)), min(i + 3, len(tokens))}:
            phrase = phrases._particle_name(tokens, i, end)
            got = None if phrase is None else (phrase.first, phrase.last)
            assert got == _particle_name_reference(phrases, tokens, i, end)
            found += got is not None
    assert found


MARK_TEXTS = [
    "„Wir sind bereit.“Danach sagte er: »Ja« und ‚nein‘, 's war 'n Ding, so 'ne Sache.",
    "Rock 'n' Roll, die '90er, '9, Trump’s, geht's, O’Keefe, 27\" und 5', ''Zitat''.",
    '«Bonjour», ‹oui›, "gerade" “englisch” ‘einfach’ ‛x‛ ’n’ ’90er ’999',
    "",
    "'",
    "''''",
]


def _mark_mutations(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    alphabet = [*"'‘’‛\"«»‚“”„‹› a9.n", "'n", "'ne", "'90", "''"]
    return [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 40))) for _ in range(count)
    ]


@pytest.mark.parametrize("text", MARK_TEXTS + _mark_mutations(300, 11))
def test_mark_matches_are_the_full_patterns(text: str) -> None:
    inventory = marks.mark_inventory(RULES)
    assert inventory.starts is not None
    expected = [(m.span(), m.lastgroup) for m in inventory.pattern.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in marks._matches(inventory, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Der FC Bayern und der 1. FC Köln, der VfB Stuttgart spielten.",
        "Der SV Werder, SVP und XFC Bayern; der Verein FC",
        "Keine Vereine hier, nur die Partei.",
        "",
    ],
)
def test_opener_matches_are_the_full_patterns(text: str) -> None:
    pattern = LEXICON.organization_opener_pattern
    assert pattern is not None
    expected = [(m.span(), m.group()) for m in pattern.finditer(text)]
    assert [(m.span(), m.group()) for m in entity_passes.opener_matches(text, LEXICON)] == expected
    assert expected or "FC" not in text


def test_line_break_characters_are_the_line_break_class() -> None:
    from quotes import document

    assert {
        chr(i) for i in range(0x110000) if document._LINE_BREAK.match(chr(i))
    } == document._LINE_BREAK_CHARS


@pytest.mark.parametrize("memo_size", [2, 8_192])
def test_noun_lexicon_memo_answers_as_the_test(
    memo_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes.pipeline.quotations import classifier

    monkeypatch.setattr(classifier, "_NOUN_MEMO_SIZE", memo_size)
    # Built here, not taken from the rules' compiled cache: a classifier an earlier test
    # built holds memos of the default size.
    built = classifier.QuotedClassifier.from_rules(RULES)
    words = ["Zeitung", "Tageszeitung", "Magazins", "Illustrierten", "Film", "", "x", "sagte"]
    for nouns in (built.title_nouns, built.term_nouns, built.slogan_nouns):
        expected = [nouns._contains(w) for w in words]
        for _ in range(2):
            assert [w in nouns for w in words] == expected
            assert len(nouns._memo) <= memo_size
        assert 3 not in nouns
    assert any(w in built.title_nouns for w in words)


@pytest.mark.parametrize("text", MARK_TEXTS)
def test_marks_bounds_without_a_mark_are_the_marks(text: str) -> None:
    from quotes.document import Document, SentenceSplitter
    from quotes.pipeline.quotations import pairing

    found = marks.find_marks(Document.build(text, SentenceSplitter(())), RULES)
    assert [(found.offset_at(i), found.end_at(i)) for i in range(len(found))] == [
        (m.offset, m.end) for m in found
    ]
    as_list = list(found)
    for readers in (pairing._bound_readers(found), pairing._bound_readers(as_list)):
        assert [(readers[0](i), readers[1](i)) for i in range(len(found))] == [
            (m.offset, m.end) for m in found
        ]
    assert pairing._in_text_order(found, len(text)) is found
    assert pairing._in_text_order(as_list, len(text)) is as_list
