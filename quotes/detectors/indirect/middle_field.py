"""The subject in the middle field of a verb-second clause, where the parser took an
object or a prepositional phrase of the first field for it, and whether a noun phrase can
name someone who speaks.

In: a :class:`~.scan.DocumentScan`, the cue verb and the parser's subject phrase. Out: the
subject phrase a reader would take ("Im Kreistag warf die Opposition Landrat Heiko Brandt
Versagen vor" → "die Opposition").
"""

from __future__ import annotations

from typing import Final

from quotes.detectors.indirect.scan import DocumentScan, TokenRange
from quotes.detectors.syntax import SentenceView
from quotes.parse import ParsedDoc

__all__ = ["SUBJECT_UPOS", "middle_field_subject", "plausible_speaker"]

SUBJECT_UPOS: Final = frozenset({"NOUN", "PROPN", "PRON", "X"})


def middle_field_subject(
    scan: DocumentScan, s: SentenceView, verb: int, phrase: TokenRange | None, lo: int, hi: int
) -> TokenRange | None:
    """The noun phrase right after the finite verb of a verb-second clause where the
    parser took a later object, or a prepositional phrase of the first field, for the
    subject: "Im Kreistag warf die Opposition Landrat Heiko Brandt Versagen vor" (the
    parser's subject "Heiko Brandt Versagen", the dative object), "Im Stadtrat warf die
    Fraktion …" ("Im Stadtrat" no subject). That phrase opens with a determiner that can
    be nominative (not "dem", not "der" before a feminine noun: "der Ministerin" is a
    dative) and names someone who speaks; a later subject must stand right after it,
    behind nothing but a role noun, and a second phrase must open there (a bare role noun, a
    name or a determiner that is never nominative: "Landrat Heiko Brandt", "dem Vorstand"):
    the subject stands first in the middle field. ``phrase`` unchanged otherwise."""
    parsed = scan.parsed
    clause = s.clause_of(verb)
    end = min(hi, clause.end)
    auxiliaries = (a.i for a in parsed.children(verb, "aux") if a.is_finite_verb and a.i < verb)
    finite = verb if parsed[verb].is_finite_verb else next(auxiliaries, None)
    if phrase is None or finite is None or finite <= max(lo, clause.first) or finite + 2 >= end:
        return phrase  # no verb-second clause: no middle field to read
    if phrase[0] <= finite and (phrase[1] > finite or not _oblique(scan, phrase)):
        return phrase  # the first field holds the subject
    candidate = _subject_phrase_at(scan, finite + 1, end)
    if candidate is None or not plausible_speaker(scan, candidate):
        return phrase
    if phrase[1] <= finite:
        return candidate  # "Im Stadtrat", "Dem Bürgermeister": no subject
    if phrase[0] == candidate[0] and phrase[1] > candidate[1]:
        # The parser ran the subject on into the object: "die Union Kanzler Olaf Scholz".
        return candidate if _opens_object(scan, candidate[1], end) else phrase
    if phrase[0] < candidate[1]:
        return phrase  # the parser's subject is that phrase (or starts inside it)
    if any(not scan.lexicon.role_of(parsed[j].text) for j in range(candidate[1], phrase[0])):
        return phrase  # only the role noun of the object stands between ("Landrat")
    if not _opens_object(scan, candidate[1], end):
        return phrase
    return candidate


def _oblique(scan: DocumentScan, phrase: TokenRange) -> bool:
    """Whether ``phrase`` is no subject by its form: a preposition hangs on its head (cut
    off the phrase: "Im Stadtrat") or a determiner that is never nominative opens it
    ("Dem Bürgermeister")."""
    parsed = scan.parsed
    if parsed[phrase[0]].text.lower() in scan.rules.never_nominative_determiners:
        return True
    return bool(parsed.children(_phrase_head(scan, phrase), "case"))


def _phrase_head(scan: DocumentScan, phrase: TokenRange) -> int:
    """The word of ``phrase`` whose head lies outside it (its last word where none does)."""
    parsed = scan.parsed
    for j in range(*phrase):
        if not phrase[0] <= parsed[j].head < phrase[1] or parsed[j].head == j:
            return j
    return phrase[1] - 1


def _subject_phrase_at(scan: DocumentScan, i: int, end: int) -> TokenRange | None:
    """A determiner that can open a subject, its adjectives, one noun, the names in
    apposition after it ("die Ministerin Anna Keller"; not a role noun: "die Opposition |
    Landrat …") and a genitive attribute ("die Sprecherin des Verbands")."""
    parsed = scan.parsed
    rules = scan.rules
    determiner = parsed[i].text.lower()
    if determiner not in rules.noun_phrases.determiners:
        return None
    if determiner in rules.never_nominative_determiners:
        return None
    j = _modifiers_after(parsed, i + 1, end)
    if j >= end or not parsed[j].text[:1].isupper() or parsed[j].upos not in SUBJECT_UPOS:
        return None
    noun = parsed[j].text.lower()
    if determiner in rules.masculine_nominative_determiners and noun.endswith(
        rules.feminine_suffixes
    ):
        return None  # "der Ministerin", "der Regierung": a dative or genitive
    j = _names_after(scan, j + 1, end)
    if j < end and parsed[j].text in rules.noun_phrases.genitive_articles:
        # A genitive attribute: "die Opposition des Kreistags", "der Sprecher der Polizei".
        k = _modifiers_after(parsed, j + 1, end)
        if k < end and parsed[k].text[:1].isupper() and parsed[k].upos in SUBJECT_UPOS:
            j = _names_after(scan, k + 1, end)
    return i, j


def _modifiers_after(parsed: ParsedDoc, j: int, end: int) -> int:
    """The end of the adjectives and numbers from ``j`` on: lower-case words only (the
    tagger calls a noun an adjective: "die Opposition" with "Opposition" ADJA)."""
    while (
        j < end
        and parsed[j].text[:1].islower()
        and (parsed[j].upos in ("ADJ", "NUM") or parsed[j].tag in ("ADJA", "CARD"))
    ):
        j += 1
    return j


def _names_after(scan: DocumentScan, j: int, end: int) -> int:
    """The end of the names in apposition from ``j`` on ("die Ministerin Anna Keller",
    "die Polizei Hamburg"): words of an entity, or given names, that are no role and no
    common word (the tagger calls "Versagen" a proper noun); right after a given name any
    capitalised word, the surname ("der SPD-Fraktionschef Peter Struck")."""
    parsed = scan.parsed
    lexicon = scan.lexicon
    while j < end and parsed[j].text[:1].isupper() and not scan.in_direct[j]:
        word = parsed[j].text
        if not (j > 0 and parsed[j - 1].text in lexicon.given_names and word.isalpha()) and (
            (parsed.entity_at(j) is None and word not in lexicon.given_names)
            or lexicon.role_of(word)
            or lexicon.is_common_word(word)
        ):
            break
        j += 1
    return j


def _opens_object(scan: DocumentScan, j: int, end: int) -> bool:
    """Whether a second noun phrase opens at ``j``: a bare role noun before a name, a bare
    noun or name (not a given name: "die Ministerin Anna …"), or a determiner that is
    never nominative and opens no genitive ("dem Vorstand")."""
    parsed = scan.parsed
    if j >= end or scan.in_direct[j]:
        return False
    word = parsed[j]
    if word.text in scan.rules.noun_phrases.genitive_articles:
        return False  # "des", "der": a genitive attribute of the phrase before
    if word.text.lower() in scan.rules.never_nominative_determiners:
        return True
    if scan.lexicon.role_of(word.text):
        return j + 1 < end and parsed[j + 1].text[:1].isupper()
    return (
        word.upos in ("PROPN", "NOUN")
        and word.text[:1].isupper()
        and word.text not in scan.lexicon.given_names
    )


def plausible_speaker(scan: DocumentScan, phrase: TokenRange) -> bool:
    """Whether a noun phrase can name someone who speaks: a name, a person or group
    by role, an organisation, an outlet or a personal pronoun ("er", "sie")."""
    parsed = scan.parsed
    lexicon = scan.lexicon
    for j in range(*phrase):
        token = parsed[j]
        word = token.text
        if word.lower() in scan.rules.pronouns and token.upos == "PRON":
            return word.lower() not in scan.rules.not_speaker_pronouns
        entity = parsed.entity_at(j)
        if entity is not None and entity.label in ("PER", "ORG"):
            return True
        if not word[:1].isupper() or word in scan.rules.not_speakers:
            continue
        if (
            word in lexicon.given_names
            or lexicon.role_of(word)
            or lexicon.is_organization_word(word)
            or word in lexicon.group_words
            or word in lexicon.known_persons
            or word in scan.rules.outlet_nouns
        ):
            return True
        if token.upos == "PROPN" and j == phrase[0] + (1 if parsed[phrase[0]].upos == "DET" else 0):
            return True
    return False
