"""Parse on demand's trigger rules on own sentences: a cue verb without an object of
reported speech needs a sign of its content; Konjunktiv II fires only after a candidate."""

from __future__ import annotations

import pytest

from quotes import Extractor
from quotes.document import Document
from quotes.errors import RulesError
from quotes.parse.demand import ParseTriggers

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor("rules")


@pytest.fixture(scope="module")
def triggers(extractor: Extractor) -> ParseTriggers:
    return ParseTriggers.from_rules(dict(extractor.rules), extractor._indirect.rules)


def _flags(extractor: Extractor, triggers: ParseTriggers, text: str) -> list[bool]:
    return triggers.candidates(Document.build(text, extractor._splitter))


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        # "planen", "hoffen" take a zu-infinitive, no object: only with a sign of content.
        ("Die Gemeinde plant den Bau einer neuen Schule.", False),
        ("Der Verein hofft auf besseres Wetter.", False),
        ("Die Gemeinde plant die alte Schule zu schließen.", True),
        ("Die Gemeinde plant, die alte Schule abzureißen.", True),
        ("Der Verein hofft, dass das Wetter hält.", True),
        # A verb of reported speech fires without one ("kritisierte den Plan").
        ("Die Opposition kritisierte den Haushaltsplan scharf.", True),
        # "sagen" takes content clauses only: a clause mark, as before.
        ("Das sagt viel über den Zustand der Straßen.", False),
        ("Die Ärztin sagte, der Patient erhole sich gut.", True),
    ],
)
def test_cue_verbs_without_an_object_need_a_sign_of_content(
    triggers: ParseTriggers, text: str, candidate: bool
) -> None:
    assert (triggers.strength(text) == 2) is candidate, triggers.firing_words(text)


def test_konjunktiv_second_fires_only_after_a_candidate(
    extractor: Extractor, triggers: ParseTriggers
) -> None:
    assert triggers.firing_words("Morgen könnte es regnen.") == [("könnte", "konjunktiv_second")]
    assert triggers.strength("Morgen könnte es regnen.") == 1
    assert triggers.strength("Morgen sei es kalt.") == 2  # Konjunktiv I: a candidate
    # Alone, or after a sentence without speech: a conditional, not parsed.
    assert _flags(extractor, triggers, "Morgen könnte es regnen.") == [False]
    assert _flags(
        extractor, triggers, "Das Fest begann am Abend. Ohne Regen wäre es voller gewesen."
    ) == [False, False]
    # Right after a candidate (and after such a sentence in turn): speech under way.
    text = (
        "Die Sprecherin sagte, die Brücke sei marode. Eine Sanierung würde Jahre dauern. "
        "Ein Neubau wäre billiger. Das Fest begann am Abend. Ohne Regen wäre es voller."
    )
    assert _flags(extractor, triggers, text) == [True, True, True, False, False]
    # "Danach" points back to a source before a Konjunktiv II form as well.
    assert triggers.strength("Danach wäre die Brücke längst gesperrt.") == 2


def test_without_konjunktiv_second_the_konjunktiv_group_holds_both(
    extractor: Extractor,
) -> None:
    rules = dict(extractor.rules)
    table = rules["parse"]["triggers"]
    groups = [g for g in table["groups"] if g != "konjunktiv_second"]
    old = {**rules, "parse": {**rules["parse"], "triggers": {**table, "groups": groups}}}
    triggers = ParseTriggers.from_rules(old, extractor._indirect.rules)
    assert triggers.firing_words("Morgen könnte es regnen.") == [("könnte", "konjunktiv")]
    assert triggers.strength("Morgen könnte es regnen.") == 2


def test_after_candidate_takes_groups_only(extractor: Extractor) -> None:
    bad = {**extractor.rules, "parse": {"triggers": {"after_candidate": ["wäre"]}}}
    with pytest.raises(RulesError, match="after_candidate"):
        ParseTriggers.from_rules(bad, extractor._indirect.rules)


def test_a_source_after_so_is_a_candidate_a_consequence_is_not(triggers: ParseTriggers) -> None:
    # "…, so die Richterin": the source after the content (the Konjunktiv II alone would
    # wait for a candidate before it); "…, so dass …" is a consequence.
    assert triggers.strength("Die Wege wären zu schmal, so die Feuerwehr.") == 2
    assert triggers.fired("Die Wege wären zu schmal, so die Feuerwehr.") == {
        "marks",
        "konjunktiv_second",
    }
    assert triggers.strength("Es regnete stark, so dass der Platz unter Wasser stand.") == 0
    assert triggers.strength("Es regnete, so dass es kalt war, so Anwohner.") == 2
