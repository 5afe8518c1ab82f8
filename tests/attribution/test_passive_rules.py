"""The passive auxiliary is rules data (``passive_auxiliary_*`` in attribution.toml): the
syntax interface reads "wurde … bezeichnet" as passive by the auxiliary's lemma, or by
the start of its form where the parser left it without a lemma."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import RulesError
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import ParseSyntax
from quotes.detectors.lexicon import DetectorRules
from quotes.parse.model import ParsedDoc
from quotes.pipeline.cues import CueLexicon
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.rules import load_rules

RULES = load_rules("de")


def _parse(lemma: str) -> ParsedDoc:
    # "Der Plan wurde bezeichnet": the participle is the root, "wurde" its auxiliary,
    # labelled as any auxiliary (a parser that does not mark the passive).
    text = "Der Plan wurde bezeichnet"
    words = text.split()
    starts = [text.index(w) for w in words]
    return ParsedDoc.from_columns(
        text,
        starts=starts,
        ends=[s + len(w) for s, w in zip(starts, words, strict=True)],
        lemmas=["der", "Plan", lemma, "bezeichnen"],
        upos=["DET", "NOUN", "AUX", "VERB"],
        tags=["ART", "NN", "VAFIN", "VVPP"],
        heads=[1, 3, 3, 3],
        deps=["det", "nsubj", "aux", "ROOT"],  # labels that do not say "passive"
    )


def _rules() -> AttributionRules:
    detector = DetectorRules.from_rules(RULES, CueLexicon.from_rules(RULES))
    return AttributionRules.from_rules(RULES, detector, Lexicon.from_rules(RULES))


def test_the_shipped_rules_name_werden_and_its_forms() -> None:
    rules = _rules()
    assert rules.passive_auxiliary_lemmas == {"werden"}
    assert set(rules.passive_auxiliary_forms) == {"wurde", "wird", "werde"}


@pytest.mark.parametrize("lemma", ["werden", ""])
def test_the_auxiliary_by_lemma_or_by_form(lemma: str) -> None:
    rules = _rules()
    auxiliary = (rules.passive_auxiliary_lemmas, rules.passive_auxiliary_forms)
    assert ParseSyntax(_parse(lemma), (), passive_auxiliary=auxiliary).is_passive(3)
    assert not ParseSyntax(_parse(lemma), ()).is_passive(3)  # no rules, no passive


def test_a_bad_value_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "attribution.toml"
    path.write_text("passive_auxiliary_forms = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules("de", [tmp_path])
    assert str(path) in str(caught.value) and "key 'passive_auxiliary_forms'" in str(caught.value)
