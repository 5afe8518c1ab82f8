"""Cue matching: which lexicon verb a token is, its particle, auxiliaries and needs.

In: a :class:`~.scan.DocumentScan`, a sentence and a token index. Out: the
:class:`~quotes.detectors.lexicon.VerbEntry` with the index of its separated particle
("teilte … mit"), the auxiliaries ("hat … angekündigt"), whether the clause holds the word
the verb needs ("geht davon aus"), the "wie" of a "wie X mitteilte" frame, and whether the
verb is passive.
"""

from __future__ import annotations

from typing import Final

from quotes.detectors.indirect.scan import REACH, DocumentScan, is_verb
from quotes.detectors.lexicon import VerbEntry
from quotes.detectors.syntax import Clause, SentenceView

__all__ = [
    "auxiliaries",
    "has_needed_word",
    "is_passive",
    "particle_of",
    "verb_entry",
    "wie_start",
]

_PARTICLE_TAGS: Final = frozenset({"PTKVZ"})


def wie_start(scan: DocumentScan, s: SentenceView, verb: int) -> int | None:
    """The "wie" that opens the verb-final clause of ``verb`` ("Wie X, Sprecher von Y,
    in Z mitteilte,"), looking back over commas of appositions; None if there is none."""
    parsed = scan.parsed
    clause = s.clause_of(verb)
    # The verb must close its clause (verb-final), maybe followed by an auxiliary.
    for j in range(verb + 1, min(clause.end, s.content_end)):
        if parsed[j].upos not in ("AUX", "VERB") and parsed[j].tag != "PTKVZ":
            return None
    for j in range(verb - 1, max(s.first - 1, verb - 40), -1):
        token = parsed[j]
        if token.text.lower() == "wie" and (j == s.first or parsed[j - 1].text in (",", "(")):
            # No other finite verb between "wie" and the cue verb.
            if any(
                parsed[k].is_finite_verb and parsed[k].upos != "AUX"
                for k in range(j + 1, verb)
                if k not in (verb,)
            ):
                return None
            # Nor the end of a verb-final clause before a main clause that goes on to the
            # cue verb: "Wie der „Spiegel“ berichtet, | hat Scholz … gesagt" (detect2).
            if any(
                parsed[k].upos == "VERB"
                and parsed[k + 1].text == ","
                and k + 2 < verb
                and (parsed[k + 2].is_finite_verb or parsed[k + 2].upos == "AUX")
                for k in range(j + 1, verb - 2)
            ):
                return None
            return j
        if token.text in (".", ";", ":") or (token.is_finite_verb and j < clause.first):
            return None
    return None


def verb_entry(scan: DocumentScan, s: SentenceView, i: int) -> tuple[VerbEntry, int | None] | None:
    """The lexicon entry of the verb at ``i`` and the index of its separated particle."""
    parsed = scan.parsed
    token = parsed[i]
    if not token.text[:1].islower() and not (i == s.first and token.text[:1].isupper()):
        return None
    previous = parsed[i - 1] if i > s.first else None
    if token.tag in ("NN", "NE") or (
        previous is not None
        and not token.tag.endswith("FIN")
        and (previous.upos in ("DET", "ADP") or previous.tag in ("ADJA", "PPOSAT"))
    ):
        return None  # "die geforderte Summe", "zur angekündigten Zeit"
    rules = scan.rules
    verbs = rules.verbs
    lemma = token.lemma.lower() if token.lemma else ""
    # Every entry below is a lexicon verb that the lemma, a guess or a base ends (with a
    # particle in front), or a listed form: without one, no particle is looked for.
    if (
        token.text not in rules.cue_forms
        and not rules.is_verb_end(lemma)
        and not rules.lemma_guesses(token.text)
        and not any(map(rules.is_verb_end, rules.lemma_bases(token.text)))
    ):
        return None
    particle = particle_of(scan, s, i)
    lemmas = [lemma] if lemma in verbs or not lemma else []
    if not lemmas or (particle is not None and parsed[particle].text.lower() + lemma not in verbs):
        lemmas += scan.rules.lemma_guesses(token.text)
        if lemma and lemma not in lemmas:
            lemmas.append(lemma)
    if particle is not None:
        prefix = parsed[particle].text.lower()
        for candidate in [*lemmas, *scan.rules.lemma_bases(token.text)]:
            if prefix + candidate in verbs:
                return verbs[prefix + candidate], particle
    for cue_lemma, needed_particle in scan.rules.cue_forms.get(token.text, ()):
        if needed_particle:
            if particle is not None and parsed[particle].text == needed_particle:
                return verbs[cue_lemma], particle
            # "hat … klargemacht" / "klar … gemacht": the particle before the participle.
            if i > s.first and parsed[i - 1].text == needed_particle:
                return verbs[cue_lemma], i - 1
    if particle is not None and parsed[particle].text.lower() not in scan.rules.neutral_particles:
        # "forderte … an" is "anfordern", "rief … aus" is "ausrufen": a particle the
        # lexicon does not know with this verb makes another verb.
        return None
    for candidate in lemmas:
        if candidate in verbs and (
            is_verb(token) or token.tag.startswith("V") or token.text in scan.rules.irregular
        ):
            # "teilte" without "mit" is not "mitteilen"; the bare lemma is the verb.
            return verbs[candidate], None
    for cue_lemma, needed_particle in scan.rules.cue_forms.get(token.text, ()):
        if not needed_particle and cue_lemma in verbs:
            return verbs[cue_lemma], None
    return None


def particle_of(scan: DocumentScan, s: SentenceView, i: int) -> int | None:
    parsed = scan.parsed
    # A source postposition closing the clause is no particle, whatever its tag: "sagte
    # der Agentur Tass zufolge, …" is "sagen" with a source, not a verb "zufolgesagen";
    # nor is a capitalised word ("schrieb auf seiner Plattform X, …": a name).
    postpositions = scan.rules.source_postpositions
    for child in parsed.children(i, "compound:prt"):
        if (
            s.first <= child.i < s.end
            and child.i > i
            and child.text[:1].islower()
            and child.text.lower() not in postpositions
        ):
            return child.i
    token = parsed[i]
    if not token.is_finite_verb and token.tag not in ("VVFIN", ""):
        return None
    # The particle closes the verb's clause: "teilte das Ministerium am Montag mit".
    clause = s.clause_of(i)
    for j in range(i + 1, min(clause.end, i + 1 + REACH)):
        candidate = parsed[j]
        if is_verb(candidate) and candidate.is_finite_verb:
            break
        last_of_clause = j + 1 >= clause.end or not parsed[j + 1].text[:1].isalnum()
        if candidate.text.lower() in postpositions or not candidate.text[:1].islower():
            continue
        if candidate.tag in _PARTICLE_TAGS or (
            candidate.text in scan.rules.separable_particles and last_of_clause
        ):
            return j
    return None


def auxiliaries(scan: DocumentScan, s: SentenceView, i: int, clause: Clause) -> list[int]:
    """Auxiliaries and modals of the cue verb in its clause ("hat … angekündigt")."""
    parsed = scan.parsed
    found = []
    for child in parsed.children(i, "aux", "aux:pass"):
        if clause.first <= child.i < clause.end and child.text.lower() != "zu":
            found.append(child.i)
    return found


def has_needed_word(scan: DocumentScan, s: SentenceView, clause: Clause, entry: VerbEntry) -> bool:
    stop = clause.end
    # "geht davon aus, dass": the correlate may stand right after the comma too.
    if stop < s.end - 1:
        stop += 2
    for j in range(clause.first, min(stop, s.end, clause.first + REACH * 3)):
        text = scan.parsed[j].text
        if text in entry.needs or text.lower() in entry.needs:
            return True
    return False


def is_passive(scan: DocumentScan, verb: int) -> bool:
    parsed = scan.parsed
    if parsed.children(verb, "aux:pass") or parsed.children(verb, "nsubj:pass"):
        return True
    token = parsed[verb]
    if token.morph.verbform == "Part" or token.tag == "VVPP":
        for child in parsed.children(verb, "aux"):
            if child.lemma == "werden" or child.text.lower().startswith(
                scan.rules.passive_auxiliaries
            ):
                return True
    return False
