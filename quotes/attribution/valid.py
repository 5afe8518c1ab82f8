"""The valid-speaker rule (issue 7 §2).

A speaker is a noun phrase (name, noun or pronoun) that is the subject or agent of the
cue, or the X of "laut X" / "so X" / "X zufolge" / "nach Angaben X". It is never an
adverb ("Ähnlich äußerte sich …"), a prepositional phrase, an object, the dative addressee
("sagte der Zeitung"), an expletive "es", or a word of the quotation itself.
"""

from __future__ import annotations

from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import Syntax
from quotes.parse import ParsedToken

__all__ = [
    "inside_prepositional_phrase",
    "is_name_particle",
    "is_nominal_tag",
    "is_person_like",
    "is_speaker_word",
    "is_valid_subject",
    "phrase_case",
]

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "X", "NUM"})


def is_speaker_word(syn: Syntax, rules: AttributionRules, i: int) -> bool:
    """Whether the word at ``i`` can head a speaker phrase at all, whatever its slot."""
    token = syn.token(i)
    if syn.in_quote(i):
        return False
    if is_name_particle(syn, rules, i):
        return True  # "Von der Leyen", parsed as a preposition
    low = token.text.lower()
    if low in rules.expletives or low in rules.sentence_adverbs:
        return False
    if token.upos == "PRON" or token.tag.startswith("PPER"):
        if low in rules.detector.genitive_relatives and i + 1 < syn.sentence_of(i)[1]:
            # "Deren Präsidentin Renate Anderl erklärte": before a noun the genitive
            # pronoun is its determiner (the parser may make it the phrase's head).
            after = syn.token(i + 1)
            if after.text[:1].isupper() and after.upos in ("NOUN", "PROPN"):
                return is_speaker_word(syn, rules, i + 1)
        return low in rules.subject_pronouns
    if token.upos == "DET" and token.dep not in ("det", "det:poss"):
        # "Einer der Feuerwehrmänner sagte": a determiner standing alone is a pronoun.
        return low in rules.subject_pronouns
    if (
        token.upos not in _NOMINAL
        and not (
            token.text[:1].isupper() and (token.upos in ("", "X") or is_nominal_tag(rules, token))
        )
        and not _nominalised_adjective(syn, i)
    ):
        return False
    if not token.text[:1].isalnum():
        return False
    return token.text not in rules.detector.not_speakers


def _nominalised_adjective(syn: Syntax, i: int) -> bool:
    """ "Der 58-Jährige habe geschrieben": an adjective used as a noun, capitalised (after
    its last hyphen) and with an article of its own."""
    token = syn.token(i)
    last = token.text.rsplit("-", 1)[-1]
    return (
        token.upos == "ADJ" and last[:1].isupper() and any(d.i < i for d in syn.children(i, "det"))
    )


def is_nominal_tag(rules: AttributionRules, token: ParsedToken) -> bool:
    """A noun or name by its fine-grained tag, whatever the coarse one says."""
    return token.tag in rules.nominal_tags


def phrase_case(syn: Syntax, i: int) -> tuple[str, str]:
    """The case of the noun at ``i`` and of its determiner ("" where unknown)."""
    determiners = syn.children(i, "det")
    return syn.token(i).morph.case, determiners[0].morph.case if determiners else ""


def is_valid_subject(syn: Syntax, rules: AttributionRules, i: int) -> bool:
    """A word that can be the subject: a speaker word, no preposition of its own, and not
    in an oblique case where the parser says so ("Der Zeitung sagte X" has the dative)."""
    if not is_speaker_word(syn, rules, i):
        return False
    cases = syn.children(i, "case")
    if any(c.upos == "ADP" and not is_name_particle(syn, rules, c.i) for c in cases):
        return False
    if cases and all(is_name_particle(syn, rules, c.i) for c in cases):
        return True  # "Von der Leyen betonte": the parser's case for "Leyen" is no witness
    determiners = syn.children(i, "det", "det:poss")
    if any(d.text.lower() in rules.never_nominative_determiners for d in determiners):
        return False
    if syn.text(i) in rules.lexicon.given_names and syn.children(i, "flat"):
        # A given name with its surname: the tagger reads the -s of "Hans", "Klaus" as a
        # genitive ending ("Bürgermeister Hans Lenz warnte die CDU …" gave the CDU).
        return True
    noun_case, det_case = phrase_case(syn, i)
    if any(d.text.lower() in rules.direct_case_determiners for d in determiners):
        return not _feminine_after_der(syn, rules, i)  # the determiner settles the case
    if noun_case in ("Dat", "Gen") and det_case != "Nom":
        return False
    if noun_case in ("Dat", "Gen") and det_case == "Nom" and syn.token(i).upos != "PRON":
        # The two disagree: the noun's own ending is the better witness.
        return False
    # No check on "Acc": the compact model tags plural subjects ("die Landwirte") as
    # accusative often; the determiners that are never nominative ("den", "einen") are.
    return not _feminine_after_der(syn, rules, i)


def _feminine_after_der(syn: Syntax, rules: AttributionRules, i: int) -> bool:
    """ "Der Zeitung": a noun that is always feminine after "der" is not nominative."""
    word = syn.text(i).lower()
    if not word.endswith(rules.feminine_suffixes):
        return False
    return any(
        d.text.lower() in rules.masculine_nominative_determiners for d in syn.children(i, "det")
    )


def is_person_like(syn: Syntax, rules: AttributionRules, first: int, end: int) -> bool:
    """Whether a phrase names or describes a person: a name or a role noun in it."""
    lexicon = rules.lexicon
    for k in range(first, end):
        token = syn.token(k)
        if token.upos == "PROPN" or token.text in lexicon.given_names:
            return True
        if token.text[:1].isupper() and lexicon.role_of(token.text):
            return True
    return False


def is_name_particle(syn: Syntax, rules: AttributionRules, i: int) -> bool:
    """ "Von der Leyen betonte": a capitalised name particle (names.toml) opening a name,
    not a preposition; a lower-case one where it opens a known person's surname."""
    word = syn.text(i)
    lower = word[:1].islower()
    if not lower and not word[:1].isupper():
        return False
    for particle in rules.lexicon.name_particles:
        parts = particle.split()
        end = i + len(parts)
        if end >= len(syn) or parts[0] != word.lower():
            continue
        if all(syn.text(i + k) == parts[k] for k in range(1, len(parts))):
            if not syn.text(end)[:1].isupper():
                return False
            # Lower-case, only a known person's surname ("sagte von der Leyen"): "von
            # der Kommission" is a preposition's phrase.
            return not lower or f"{particle} {syn.text(end)}" in rules.lexicon.known_persons
    return False


def inside_prepositional_phrase(
    syn: Syntax, rules: AttributionRules, i: int, verb: int | None
) -> bool:
    """Whether the word at ``i`` lies inside a prepositional phrase on its way up to the
    verb ("zwischen Russland und den USA"): never a subject."""
    k = i
    for _ in range(6):
        if k == verb:
            return False
        if any(
            c.upos == "ADP" and not is_name_particle(syn, rules, c.i)
            for c in syn.children(k, "case")
        ):
            return True
        head = syn.token(k).head
        if head == k:
            return False
        k = head
    return False
