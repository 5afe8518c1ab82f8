"""Schema of ``reported.toml``: what keeps a speech-act verb from being reported speech."""

from __future__ import annotations

import attrs

from quotes.schema._base import Words


@attrs.frozen
class ReportedRules:
    """``reported.toml``.

    ``not_speech_objects``: per verb lemma, nouns that make the verb no speech act when
    they stand in its clause ("Der Taifun forderte zwölf Todesopfer"); a noun also matches
    as the last part of a compound ("Weltmeistertitel" for "Titel").
    ``not_reported``: verb lemmas that are speech with a content clause but no reported
    speech without one ("Die Opposition reagierte mit Spott").
    ``nominative_pronouns``: personal pronouns that are only ever a subject ("er", "wir"):
    right after the finite verb they are its speaker even where the parser took the
    fronted object for the subject ("Die Kanzlerin kritisierte er scharf").
    ``needs``: per verb lemma, words one of which its clause must hold to be reported
    speech ("drohte mit Sanktionen"; "Ihm droht ein Streik" is no threat made).
    ``context_only``: verb lemmas whose bare use is no reported speech the corpus marks
    ("Die Ministerin verteidigte den Entwurf") but whose subject speaks the Konjunktiv
    sentences after it: the sentence gives that speech its speaker, no quotation.
    ``decisions``: verb lemmas whose participle in the perfect or past passive reports a
    decision taken ("Der Bundestag hat den Antrag abgelehnt", "wurde abgelehnt"), speech
    context only as ``context_only``; the present ("lehnt … ab", "wird … abgelehnt") stays
    reported speech.
    ``negations``: words that negate a speech-act verb they hang on ("wollte nicht
    bestätigen, dass …", "spricht bislang nicht von …"): no quotation, unless the verb is
    one of ``negation_keeps`` (its negation states a view: "schloss nicht aus, dass …")
    or one of ``negation_focus`` follows the negation ("kritisierte nicht nur …").
    ``agentless``: per verb lemma, words one of which the clause of its passive must hold
    to be reported speech without an agent ("Als Ursache wurde ein Defekt angegeben").
    """

    not_speech_objects: dict[str, Words] = attrs.field(factory=dict)
    not_reported: Words = ()
    nominative_pronouns: Words = ()
    needs: dict[str, Words] = attrs.field(factory=dict)
    context_only: Words = ()
    decisions: Words = ()
    negations: Words = ()
    negation_keeps: Words = ()
    negation_focus: Words = ()
    agentless: dict[str, Words] = attrs.field(factory=dict)
