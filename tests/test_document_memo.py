"""The document model's shortcuts give what the plain functions give: the tokens kept for
recent stretches (Document.tokens) and the word read before a sentence-final dot."""

from __future__ import annotations

import random

import pytest

from quotes.document import _RECENT_STRETCHES, _WORD_REACH, Document, SentenceSplitter, tokenize
from quotes.rules import load_rules

RULES = load_rules("de")
SPLITTER = SentenceSplitter(
    RULES["document"].get("abbreviations", ()), RULES["document"].get("no_split_after_ordinal", ())
)

TEXT = (
    "„Wir sind bereit“, sagte Merkel am Montag in Berlin. Dr. Müller widersprach: „Nein.“\n"
    "Am 27. Februar kam es z. B. zu Protesten. Die U.S.-Behörde schwieg; J. R. Smith nicht."
)


def _sentences(splitter: SentenceSplitter, text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in Document.build(text, splitter).sentences]


def _sentences_by_loop(text: str) -> list[tuple[int, int]]:
    """The split with the word before each dot read character by character, as before."""

    class Looping(SentenceSplitter):
        def _is_false_boundary(
            self, text: str, sentence_start: int, cut: int, next_start: int
        ) -> bool:
            j = cut
            while j > sentence_start and not text[j - 1].isspace():
                j -= 1
            word = text[j:cut]
            if not word.endswith("."):
                return False
            if word in self.abbreviations or word.lower() in self.abbreviations:
                return True
            if len(word) == 2 and word[0].isalpha():
                return True
            if word[:-1].isdigit():
                following = text[next_start : next_start + 20].split(" ", 1)[0].strip(".,;:")
                return following in self.no_split_after_ordinal
            return False

    return _sentences(Looping(SPLITTER.abbreviations, SPLITTER.no_split_after_ordinal), text)


LONG_WORDS = [
    "x" * n + ". Wir gehen."
    for n in (_WORD_REACH - 2, _WORD_REACH - 1, _WORD_REACH, _WORD_REACH + 1, 3 * _WORD_REACH)
]
SPACES = [
    " " * (_WORD_REACH + 3) + "Dr. Müller kam.",
    "\u00a0" * _WORD_REACH + "z. B. Das",
    "Er kam\u2003Dr. Müller ging. Sie\x1cDr. blieb. Ende",
    "a" * (2 * _WORD_REACH) + "\u00a0Dr. A",
]


@pytest.mark.parametrize("text", [TEXT, *LONG_WORDS, *SPACES])
def test_the_word_before_a_dot_is_read_as_by_the_loop(text: str) -> None:
    assert _sentences(SPLITTER, text) == _sentences_by_loop(text)


def test_the_word_before_a_dot_on_mutated_text() -> None:
    rnd = random.Random(11)
    pieces = [" ", "\u00a0", "\u2003", "\n", ".", "Dr. ", "27. ", "A", "x" * (_WORD_REACH + 5)]
    for _ in range(200):
        chars = list(TEXT)
        for _ in range(12):
            chars[rnd.randrange(len(chars))] = rnd.choice(pieces)
        text = "".join(chars)
        assert _sentences(SPLITTER, text) == _sentences_by_loop(text)


def test_tokens_of_recent_stretches_are_the_tokens() -> None:
    doc = Document.build(TEXT, SPLITTER)
    assert doc.sentences  # split, as the stages do before they read tokens
    rnd = random.Random(5)
    stretches = [
        (a, b)
        for a, b in ((rnd.randrange(len(TEXT)), rnd.randrange(len(TEXT))) for _ in range(400))
    ]
    # Repeats, more stretches than are kept, empty and reversed ones.
    for start, end in stretches + stretches[: 3 * _RECENT_STRETCHES] + [(5, 5), (9, 3)]:
        assert doc.tokens(start, end) == tokenize(TEXT, start, end)
