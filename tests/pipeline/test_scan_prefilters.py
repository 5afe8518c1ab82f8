"""The cheap passes of quotes.pipeline.entity_passes find exactly what the full patterns
find with ``finditer`` (they only skip the positions where no match can start)."""

from __future__ import annotations

import random

import pytest
import regex

from quotes.pipeline import entity_passes
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.rules import load_rules

LEXICON = Lexicon.from_rules(load_rules("de"))

TEXTS = [
    "Das Bundesamt für Migration und Flüchtlinge (BAMF) teilte mit, die Zahl sei gestiegen.",
    "Ein Sprecher des Zentrums für Politische Schönheit und Kunst sagte, das Amt zur Sache "
    "habe sich geäußert; das Institut zum Schutz der Verfassung schwieg.",
    "Amt für für Amt für Sache, XAmt für Sache, xAmt für Sache, dafür Amt für Recht.",
    "Das Amt  für\n die neue Sache und Welt und Ordnung und Frieden und Ruhe.",
    "Bundes-Amt für Umwelt, Amt-für Sache, Amt für, für Amt für Bund",
    "Wladimir Putin sagte, Merkel-Putin-Treffen; Putins Sprecher, Angela Merkel und Merkel.",
    "Ursula von der Leyen traf Scholz, Olaf Scholz und Macron; Emmanuel Macron schwieg.",
    "Trump-Regierung, Donald Trump, Trumps, l’Trump, -Trump, Trump-, Trump\u0301 und Trump.",
    "",
    "für",
    "Merkel",
]


def _mutations(text: str, count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    alphabet = [*" \n-'’ßÄäzurfüm\u0301XxAmt.", "für ", " zum ", "Merkel", "Putin"]
    out = []
    for _ in range(count):
        chars = list(text)
        for _ in range(max(1, len(chars) // 8)):
            if not chars:
                break
            i = rnd.randrange(len(chars))
            chars[i] = rnd.choice(alphabet)
        out.append("".join(chars))
    return out


CASES = TEXTS + [m for i, t in enumerate(TEXTS) for m in _mutations(t, 30, i)]


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", CASES)
def test_complements_match_the_full_pattern(text: str) -> None:
    assert _spans(entity_passes.complements(text)) == _spans(
        entity_passes.COMPLEMENT.finditer(text)
    )


@pytest.mark.parametrize("text", CASES)
def test_known_persons_match_the_full_pattern(text: str) -> None:
    pattern = LEXICON.known_person_pattern
    assert _spans(entity_passes.anchored_matches(pattern, text)) == _spans(pattern.finditer(text))


def test_anchored_matches_takes_any_pattern() -> None:
    # Without one named list of non-empty words, the pattern runs as it is.
    for pattern in (
        regex.compile(r"a+"),
        regex.compile(r"\L<w>", w=["", "ab"]),
        regex.compile(r"\L<w>|\L<v>", w=["ab"], v=["b"]),
    ):
        assert _spans(entity_passes.anchored_matches(pattern, "aab ab b")) == _spans(
            pattern.finditer("aab ab b")
        )
    overlapping = regex.compile(r"(?<![a-z])\L<w>(?![a-z])", w=["ab", "b", "b c"])
    for text in ("ab", "xab b", "xb c", "b c ab", "ab c"):
        assert _spans(entity_passes.anchored_matches(overlapping, text)) == _spans(
            overlapping.finditer(text)
        )


GIVEN_TEXTS = [
    "Angela Merkel und Karl-Theodor zu Guttenberg trafen Olaf Scholz; Olaf-Peter Müller fehlte.",
    "XAngela Merkel, -Angela Merkel, Angelas Haus, Angela-Merkel-Platz, Angela\u0301 Merkel, Olaf.",
    "Boris Rhein (CDU) und l’Anna Rossi, Anna's Café, D'Angela Merkel und Maria Sacharowa.",
    "Anna\nMaria Berg, Anna  Maria, Anna- Berg, Anna Berg",
]
GIVEN_CASES = GIVEN_TEXTS + [
    m for i, t in enumerate(GIVEN_TEXTS) for m in _mutations(t, 40, 99 + i)
]


@pytest.mark.parametrize("text", GIVEN_CASES + TEXTS)
def test_given_name_candidates_are_the_filtered_candidates(text: str) -> None:
    expected = [
        c
        for c in entity_passes.name_candidates(text, LEXICON)
        if c.group().split("-")[0] in LEXICON.given_names
    ]
    assert _spans(entity_passes.given_name_candidates(text, LEXICON)) == _spans(expected)
