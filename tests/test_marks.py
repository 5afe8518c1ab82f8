"""Stage 1: which characters are quotation marks, and which way each one can face."""

from __future__ import annotations

from pathlib import Path

import pytest
from timing import growth

from quotes.document import Document, SentenceSplitter
from quotes.errors import RulesError
from quotes.pipeline.marks import Mark, find_marks, mark_inventory
from quotes.rules import RuleData, load_rules

RULES = load_rules("de")
SPLITTER = SentenceSplitter(
    RULES["document"]["abbreviations"], RULES["document"]["no_split_after_ordinal"]
)


def marks_of(text: str, rules: RuleData = RULES) -> tuple[Mark, ...]:
    return find_marks(Document.build(text, SPLITTER), rules)


def roles(text: str, rules: RuleData = RULES) -> list[tuple[int, str, str]]:
    return [(m.offset, m.char, m.role) for m in marks_of(text, rules)]


# -- the inventory and the roles ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German „…“ and ‚…‘, nested
        (
            "„Er sagte ‚nein‘.“",
            [(0, "„", "open"), (10, "‚", "open"), (15, "‘", "close"), (17, "“", "close")],
        ),
        # German »…« and ›…‹
        (
            "»Er sagte ›nein‹.«",
            [(0, "»", "open"), (10, "›", "open"), (15, "‹", "close"), (17, "«", "close")],
        ),
        # Swiss and French «…» and ‹…›
        (
            "«Er sagte ‹nein›.»",
            [(0, "«", "open"), (10, "‹", "open"), (15, "›", "close"), (17, "»", "close")],
        ),
        # English “…” and ‘…’
        (
            "“He said ‘no’.”",
            [(0, "“", "open"), (9, "‘", "open"), (12, "’", "close"), (14, "”", "close")],
        ),
        # Typewriter marks
        (
            "\"Er sagte 'nein'.\"",
            [(0, '"', "open"), (10, "'", "open"), (15, "'", "close"), (17, '"', "close")],
        ),
        # Swedish ”…”
        ("sagte ”Hej” till", [(6, "”", "open"), (10, "”", "close")]),
    ],
)
def test_each_family_opens_and_closes(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert roles(text) == expected


def test_families_name_the_pairing_set() -> None:
    by_char = {m.char: m.family for m in marks_of("„a“ ‚b‘ »c« ›d‹ \"e\" 'f'")}
    assert by_char["„"] == "low9"
    assert by_char["‚"] == "low9_single"
    assert by_char["»"] == by_char["«"] == "guillemet"
    assert by_char["›"] == by_char["‹"] == "single_guillemet"
    assert by_char['"'] in ("straight", "low9")
    inventory = mark_inventory(RULES)
    assert inventory.pairs[("„", "“")] == "low9"
    assert inventory.pairs[("«", "»")] == "guillemet"
    assert inventory.pairs[("»", "«")] == "guillemet"
    assert inventory.pairs[("“", "”")] == "curly"


def test_marks_are_in_text_order_and_cover_their_characters() -> None:
    text = '„Er nannte ihn ‚den »Chef«‘“, sagte sie: "ja".'
    marks = marks_of(text)
    assert [m.offset for m in marks] == sorted(m.offset for m in marks)
    for mark in marks:
        assert text[mark.offset : mark.end] == mark.char
    assert len(marks) == 8


def test_either_when_glued_to_words_on_both_sides() -> None:
    # „Welt“Hallo: the “ ends one word and touches the next: context allows both.
    assert roles("„Welt“Hallo") == [(0, "„", "open"), (5, "“", "either")]
    assert roles('a"b') == [(1, '"', "either")]


def test_free_standing_marks() -> None:
    # A free-standing “ or " is a sloppy closer; „ can only open.
    assert roles("„ Wir kommen “ sagte er") == [(0, "„", "open"), (13, "“", "close")]
    assert roles('sagte " ja') == [(6, '"', "close")]
    # « and » free-standing may face either way (French spacing).
    assert roles("« Bonjour », dit-il") == [(0, "«", "either"), (10, "»", "either")]


def test_punctuation_flanking() -> None:
    # „(Hallo)“ and ."-endings: punctuation inside the marks does not stop them.
    assert roles("„(Hallo)“") == [(0, "„", "open"), (8, "“", "close")]
    assert roles('sagte er: "Ja."') == [(10, '"', "open"), (14, '"', "close")]
    assert roles('("Hallo")') == [(1, '"', "open"), (7, '"', "close")]


# -- what is not a quotation mark ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wie geht's dir?",
        "Trump’s Politik",
        "Rock 'n' Roll",
        "Rock ’n’ Roll",
        "Die '90er waren wild.",
        "Die ’68er Bewegung",
        "Sean O’Keefe sagte",
        "in den 90’ern",
        "So 'ne Sache.",
        "Da gibt‘s nichts.",
    ],
)
def test_apostrophes_are_not_marks(text: str) -> None:
    assert marks_of(text) == ()


@pytest.mark.parametrize(
    ("text", "offset"),
    [('Ein 27" Monitor', 6), ("Er lief 5' weiter", 9), ('Der 32"-Fernseher', 6)],
)
def test_inch_and_minute_marks_only_close_weakly(text: str, offset: int) -> None:
    (mark,) = marks_of(text)
    assert (mark.offset, mark.role, mark.weak) == (offset, "close", True)


def test_double_apostrophe_is_one_mark() -> None:
    assert roles("auf ''news.bbc.co.uk'' veröffentlicht") == [
        (4, "''", "open"),
        (20, "''", "close"),
    ]
    marks = marks_of("''Pau'':")
    assert [m.end for m in marks] == [2, 7]


def test_no_marks_in_plain_text() -> None:
    assert marks_of("Ein ganz normaler Satz ohne Zitat.") == ()
    assert marks_of("") == ()


# -- the inventory is data ----------------------------------------------------------------


def test_user_rules_add_a_family(tmp_path: Path) -> None:
    (tmp_path / "quotations.toml").write_text(
        '[[family]]\nname = "angle"\npairs = [["<", ">"]]\n', encoding="utf-8"
    )
    rules = load_rules("de", [tmp_path])
    assert roles("Er sagte <nein> und „ja“", rules) == [
        (9, "<", "open"),
        (14, ">", "close"),
        (20, "„", "open"),
        (23, "“", "close"),
    ]
    assert mark_inventory(rules).pairs[("<", ">")] == "angle"


def test_user_rules_extend_an_existing_family(tmp_path: Path) -> None:
    # A family named again gains the pairs: here „…‹ (a typo some keyboards produce).
    (tmp_path / "quotations.toml").write_text(
        '[[family]]\nname = "low9"\npairs = [["„", "‹"]]\n', encoding="utf-8"
    )
    rules = load_rules("de", [tmp_path])
    inventory = mark_inventory(rules)
    assert inventory.pairs[("„", "‹")] == "low9"
    assert inventory.pairs[("„", "“")] == "low9"


def test_malformed_family_is_a_rules_error(tmp_path: Path) -> None:
    (tmp_path / "quotations.toml").write_text(
        '[[family]]\nname = "bad"\npairs = [["a", "b", "c"]]\n', encoding="utf-8"
    )
    with pytest.raises(RulesError, match="opener, closer"):
        marks_of("x", load_rules("de", [tmp_path]))


# -- linear time ---------------------------------------------------------------------------


def test_find_marks_is_linear() -> None:
    # Every kind of mark and non-mark, and one paragraph per unit: pairs, free-standing
    # closers, bare openers, apostrophes, inch marks, glued marks, line breaks.
    unit = "„a“ “ „ geht's 27\" a\"b ‚c‘ »d« 'e'\n"
    assert len(find_marks(Document(unit, (), ()), RULES)) == 12
    # find_marks reads only the text: no sentence splitting.
    small, large = Document(unit * 1_000, (), ()), Document(unit * 10_000, (), ())
    ratio = growth(lambda: find_marks(small, RULES), lambda: find_marks(large, RULES))
    # Ten times the input: linear is 10x, quadratic 100x.
    assert ratio < 20, f"10x the text took {ratio:.1f}x the CPU time"
