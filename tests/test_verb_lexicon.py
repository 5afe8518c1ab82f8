"""One verb lexicon (issue 7 §1): cues.toml [[verb]] is read by the rules backend's cue
matching and by the parse backend's detectors alike."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from quotes import RulesError
from quotes.detectors.lexicon import DetectorRules
from quotes.pipeline.cues import CueLexicon
from quotes.rules import load_rules, rules_dir


def _detector(extra: tuple[Path, ...] = ()) -> tuple[DetectorRules, CueLexicon]:
    rules = load_rules("de", extra)
    cues = CueLexicon.from_rules(rules)
    return DetectorRules.from_rules(rules, cues), cues


def test_each_verb_is_listed_once_and_nowhere_else() -> None:
    shipped = rules_dir() / "de"
    with (shipped / "cues.toml").open("rb") as handle:
        cues = tomllib.load(handle)
    with (shipped / "indirect.toml").open("rb") as handle:
        indirect = tomllib.load(handle)
    twice = [lemma for lemma, n in Counter(v["lemma"] for v in cues["verb"]).items() if n > 1]
    assert twice == []
    assert "verbs" not in indirect
    assert set(indirect["medium"]) == {"default_verb", "default_source"}


def test_what_a_verb_takes_comes_from_its_one_entry() -> None:
    detector, cues = _detector()
    sagen = detector.verbs["sagen"]
    assert sagen.say and not sagen.reported and sagen.medium == "Speech"
    kritisieren = detector.verbs["kritisieren"]
    assert kritisieren.say and kritisieren.reported
    assert detector.verbs["sprechen"].needs == {"von", "über", "davon", "darüber"}
    assert detector.verbs["vorwerfen"].addressee_object
    assert "heißen" in detector.impersonal and "nennen" in detector.not_reflexive
    assert detector.irregular["schlug"] == "schlagen"
    # A verb given by its lemma only has no surface forms for the rules backend.
    assert "angeben" in detector.verbs
    assert not any(e.lemma == "angeben" for es in cues.forms.values() for e, _ in es)


def test_indirect_medium_is_the_detectors_and_medium_the_cue_lexicons() -> None:
    detector, cues = _detector()
    assert detector.medium_of("mitteilen") == "SW"
    assert {e.medium for e, _ in cues.forms["teilte"] if e.lemma == "mitteilen"} == {None}
    assert detector.medium_of("schreiben") == "Writing"
    assert {e.medium for e, _ in cues.forms["schrieb"]} == {"Writing"}


def test_a_user_entry_adds_to_a_shipped_verb(tmp_path: Path) -> None:
    (tmp_path / "cues.toml").write_text(
        '[[verb]]\nlemma = "sagen"\ntakes = ["reported"]\nneeds = ["etwas"]\n\n'
        '[[verb]]\nlemma = "raunen"\nstem = "raun"\n',
        encoding="utf-8",
    )
    detector, cues = _detector((tmp_path,))
    sagen = detector.verbs["sagen"]
    assert sagen.say and sagen.reported and sagen.needs == {"etwas"}
    raunen = detector.verbs["raunen"]  # no takes: a verb of saying
    assert raunen.say and not raunen.think and "raunte" in cues.forms


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("cues.toml", '[[verb]]\nlemma = "singen"\ntakes = ["sing"]\n', "'sing' is not one of"),
        ("cues.toml", '[[verb]]\nlemma = "x"\nindirect_medium = "Loud"\n', "'Loud' is not one"),
        ("indirect.toml", '[verbs]\nsay = ["raunen"]\n', "key 'verbs': unknown key"),
        ("indirect.toml", '[medium]\nSW = ["raunen"]\n', "key 'SW': unknown key"),
    ],
)
def test_bad_verb_entries_name_file_and_key(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=name.replace(".", r"\.")) as caught:
        load_rules("de", [tmp_path])
    assert message in str(caught.value)


def test_verb_ends_and_memoised_guesses() -> None:
    detector, _ = _detector()
    # What a form (with a separated particle put in front) must be to be a cue verb.
    assert detector.is_verb_end("mitteilen") and detector.is_verb_end("teilen")
    assert detector.is_verb_end("")  # a particle alone may be the verb
    assert not detector.is_verb_end("frühstücken")
    first = detector.lemma_guesses("vorgeworfen")
    assert first == ["vorwerfen"]
    first.append("changed")  # a caller's list is its own: the memo keeps the guesses
    assert detector.lemma_guesses("Vorgeworfen") == ["vorwerfen"]
    bases = detector.lemma_bases("schlug")
    bases.clear()
    assert "schlagen" in detector.lemma_bases("schlug")
