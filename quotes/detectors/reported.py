"""Reported speech that is no speech act: what ``rules/<lang>/reported.toml`` rules out.

A verb of the reported lexicon with a subject that can speak is taken for a speech act
("Die Opposition kritisierte den Plan."). Two kinds of sentence look like that and are not:

* a cross-reference whose speaker stands in parentheses: "Die Wahl wurde verschoben
  (Wikinews berichtete)." (no data: the parentheses say it);
* a verb that reports speech only with a content clause (``not_reported``): "Die
  Opposition reagierte mit Spott", "Er äußerte sich zu den Plänen", "Die Polizei
  bestätigte den Vorfall" are no quotation in the corpus; "…, bestätigte die Polizei" is;
* a verb in another sense, told by its object: "Der Sturm forderte zwölf Todesopfer",
  "Die Läuferin verteidigte ihren Titel" (``not_speech_objects``: per lemma, the nouns;
  a noun matches a word of the clause, the speaker's included, exactly or as the last
  part of a compound, "Weltmeistertitel" for "Titel"; so no listed noun may name someone
  who speaks: "Todesopfer", not "Opfer").

Constant work per candidate verb (a scan of its clause).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from quotes.parse import ParsedDoc

__all__ = ["NotSpeech"]

# A listed noun matches as the last part of a longer word from this length on ("Todesopfer"
# for "Opfer"; "Rang" also matches "Vorrang", which these verbs hardly take).
_MIN_COMPOUND_PART = 4


@attrs.frozen
class NotSpeech:
    """The compiled ``reported.toml``."""

    objects: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)  # lemma → lower nouns
    lemmas: frozenset[str] = frozenset()  # verbs that are no reported speech

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any]) -> NotSpeech:
        section = rules.get("reported", {})
        table = section.get("not_speech_objects", {})
        return cls(
            {str(k): tuple(str(w).lower() for w in v) for k, v in table.items()},
            frozenset(str(w) for w in section.get("not_reported", ())),
        )

    def rules_out(
        self, parsed: ParsedDoc, first: int, end: int, verb: int, lemma: str,
        speaker: tuple[int, int],
    ) -> bool:  # fmt: skip
        """Whether the reported candidate of ``verb`` (lemma ``lemma``, clause
        ``first:end``, speaker tokens ``speaker``) is no speech act."""
        if _in_parentheses(parsed, first, end, speaker) or _in_parentheses(
            parsed, first, end, (verb, verb + 1)
        ):
            return True  # "(Wikinews berichtete)", whatever the parser took for its subject
        if lemma in self.lemmas:
            return True
        nouns = self.objects.get(lemma)
        if not nouns:
            return False
        # The speaker's words count too: the parser takes "Zwölf Todesopfer forderte der
        # Sturm" for a subject; the lists hold no noun that can speak ("Opfer" is not one).
        for j in range(first, end):
            if j == verb:
                continue
            word = parsed[j].text.lower()
            for noun in nouns:
                if word == noun or (
                    len(noun) >= _MIN_COMPOUND_PART
                    and len(word) > len(noun)
                    and word.endswith(noun)
                ):
                    return True
        return False


def _in_parentheses(parsed: ParsedDoc, first: int, end: int, speaker: tuple[int, int]) -> bool:
    """Whether an opening parenthesis before ``speaker`` (a token range) is closed only
    after it."""
    depth = 0
    for j in range(first, speaker[0]):
        text = parsed[j].text
        if text == "(":
            depth += 1
        elif text == ")" and depth:
            depth -= 1
    if not depth:
        return False
    return any(parsed[j].text == ")" for j in range(speaker[1], end))
