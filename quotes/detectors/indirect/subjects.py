"""Speakers and addressees of verb cues, as token ranges.

In: a :class:`~.scan.DocumentScan`, the cue verb's index and the range to look in. Out:
the speaker phrase (the subject, the passive's von-agent, the "in der Mitteilung" of
"heißt es", a nominative noun phrase near the verb where the tree has no subject), the
addressee ("sagte der Zeitung", "gegenüber X") and whether a phrase can name someone who
speaks.
"""

from __future__ import annotations

import bisect

from quotes.detectors.indirect.cue_verbs import is_passive
from quotes.detectors.indirect.middle_field import (
    SUBJECT_UPOS,
    middle_field_subject,
    plausible_speaker,
)
from quotes.detectors.indirect.scan import DocumentScan, TokenRange
from quotes.detectors.lexicon import VerbEntry
from quotes.detectors.syntax import Clause, SentenceView, noun_phrase_after, phrase_range
from quotes.parse import ParsedToken

__all__ = [
    "addressee_of",
    "colon_intro",
    "head_phrase",
    "is_hung_on_auxiliary",
    "names_no_one",
    "nominative_nearest",
    "source_phrase_before",
    "subject_after_wie",
    "surface_subject",
    "verb_speaker",
]


def subject_after_wie(
    scan: DocumentScan, s: SentenceView, wie: int, verb: int, entry: VerbEntry
) -> TokenRange | None:
    """ "wie der Sprecher des Amtes, Max Muster, mitteilte": the phrase after "wie"
    with its apposition (the tree is often wrong inside such frames)."""
    if entry.lemma in scan.rules.impersonal or is_passive(scan, verb):
        return verb_speaker(scan, s, verb, wie + 1, verb, entry)
    parsed = scan.parsed
    phrase = noun_phrase_after(parsed, wie + 1, verb, scan.rules.noun_phrases)
    if phrase is None:
        return verb_speaker(scan, s, verb, wie + 1, verb, entry)
    end = phrase[1]
    if end + 1 < verb and parsed[end].text == ",":
        apposition = noun_phrase_after(parsed, end + 1, verb, scan.rules.noun_phrases)
        if apposition is not None and apposition[1] < verb and parsed[apposition[1]].text == ",":
            end = apposition[1]
    return phrase[0], end


def verb_speaker(
    scan: DocumentScan,
    s: SentenceView,
    verb: int,
    lo: int,
    hi: int,
    entry: VerbEntry,
    *,
    after_only: bool = False,
) -> TokenRange | None:
    """The speaker phrase of the active or passive cue ``verb`` inside ``lo:hi``: the
    tree's subject, corrected by :func:`middle_field_subject` in a verb-second clause."""
    phrase = _tree_speaker(scan, s, verb, lo, hi, entry, after_only=after_only)
    if entry.lemma in scan.rules.impersonal or is_passive(scan, verb):
        return phrase
    return middle_field_subject(scan, s, verb, phrase, lo, hi)


def _tree_speaker(
    scan: DocumentScan,
    s: SentenceView,
    verb: int,
    lo: int,
    hi: int,
    entry: VerbEntry,
    *,
    after_only: bool = False,
) -> TokenRange | None:
    parsed = scan.parsed
    token = parsed[verb]
    if entry.lemma in scan.rules.impersonal:
        # "In der Mitteilung des WWF heißt es": the document is the source.
        for child in parsed.children(verb, "obl"):
            cases = [c.text.lower() for c in parsed.children(child.i, "case")]
            if lo <= child.i < hi and any(c in scan.rules.document_prepositions for c in cases):
                return head_phrase(scan, child.i, lo, hi)
        return None
    if is_passive(scan, verb):
        for child in parsed.children(verb, "obl"):
            if not lo <= child.i < hi:
                continue
            cases = [c.text.lower() for c in parsed.children(child.i, "case")]
            if child.dep == "obl:agent" or any(c in scan.rules.agent_prepositions for c in cases):
                return head_phrase(scan, child.i, lo, hi)
        # Surface: "von X" between the auxiliary and the participle.
        for j in range(lo, hi):
            if parsed[j].text.lower() in scan.rules.agent_prepositions and j + 1 < hi:
                phrase = noun_phrase_after(parsed, j + 1, hi, scan.rules.noun_phrases)
                if phrase is not None:
                    return phrase
        return None
    for child in _subjects_first(scan, verb):
        if child.i < s.first <= lo:
            # The parser made the place of a dateline the subject ("Berlin (dpa) -
            # Bundesfinanzminister X hat …"): the noun phrase that opens the sentence is
            # (its tokens may hang on the place in any way: "Bayerns Ministerpräsident
            # Markus Söder hat"), else the place's apposition in the sentence.
            finite = next(
                (j for j in range(s.first, min(hi, verb + 1)) if parsed[j].is_finite_verb), verb
            )
            opening = noun_phrase_after(parsed, s.first, finite, scan.rules.noun_phrases)
            if opening is not None and opening[1] == finite:
                return opening
            child = next((c for c in parsed.children(child.i, "appos") if lo <= c.i < hi), child)
        if not lo <= child.i < hi or scan.in_direct[child.i]:
            continue
        pronoun = child.text.lower()
        if pronoun in scan.rules.relative_pronouns and token.dep in ("acl", "acl:relcl"):
            if pronoun not in scan.rules.subject_relative_pronouns:
                continue  # "denen X vorwirft": the parser took the dative for the subject
            antecedent = parsed[token.head]
            if s.first <= antecedent.i < hi and not after_only:
                return head_phrase(scan, antecedent.i, s.first, hi)
        if child.text.lower() in scan.rules.weak_subjects:
            return None
        phrase = _split_subject(scan, verb, head_phrase(scan, child.i, lo, hi), lo, hi)
        return _before_object(scan, child.i, phrase)
    # The parser may hang the subject on the auxiliary: "hat Scholz … gesagt".
    auxiliaries = list(parsed.children(verb, "aux"))
    if is_hung_on_auxiliary(scan, verb, token.head):
        auxiliaries.append(parsed[token.head])  # "…, hatte Obama … gesagt" (verb: xcomp)
    for aux in auxiliaries:
        if not (aux.is_finite_verb and lo <= aux.i < verb):
            continue
        for child in parsed.children(aux.i, "nsubj"):
            if not lo <= child.i < hi or scan.in_direct[child.i]:
                continue
            if child.text.lower() in scan.rules.weak_subjects:
                return None
            phrase = head_phrase(scan, child.i, lo, hi)
            if (
                phrase is not None
                and parsed[phrase[0]].upos == "DET"
                and parsed[phrase[0]].morph.case not in ("", "Nom")
            ):
                continue  # "Den … Einsatz hat die Gewerkschaft abgelehnt": the object
            return _before_object(scan, child.i, phrase)
    # A coordinated verb shares the subject: "X kam und sagte, …".
    if token.dep == "conj" and not after_only:
        head = parsed[token.head]
        for child in parsed.children(head.i, "nsubj"):
            if s.first <= child.i < hi and child.text.lower() not in scan.rules.weak_subjects:
                return head_phrase(scan, child.i, s.first, hi)
    return surface_subject(scan, s, verb, lo, hi, after_only=after_only)


def _subjects_first(scan: DocumentScan, verb: int) -> list[ParsedToken]:
    """The verb's subjects as the parser gives them; of two, a nominative personal pronoun
    after the verb comes first when the other is a name that follows the noun of a
    prepositional phrase: "Auf seiner Plattform Truth Social schrieb er, …" (the first
    field holds one phrase, so the name belongs to "Plattform"); so does a noun there
    ("Auf der Plattform X schrieb der US-Handelsbeauftragte, …"). Elsewhere the pronoun
    may be an object the tagger read as nominative ("Der Hauptgeschäftsführer nannte
    sie …")."""
    parsed = scan.parsed
    subjects = list(parsed.children(verb, "nsubj"))
    if len(subjects) != 2:
        return subjects
    first, second = subjects
    if not (
        second.i > verb > first.i
        and (
            (
                second.upos == "PRON"
                and second.morph.case == "Nom"
                and second.morph.get("PronType") == "Prs"
                and second.text.lower() not in scan.rules.weak_subjects
            )
            # "Auf der Plattform X schrieb der US-Handelsbeauftragte, …".
            or (second.upos in ("NOUN", "PROPN") and second.text[:1].isupper())
        )
    ):
        return subjects
    start = first.i
    while (
        start > 0
        and parsed[start - 1].head in (first.i, start)
        and parsed[start - 1].upos == "PROPN"
    ):
        start -= 1  # "Truth | Social"
    if start == 0 or not parsed.children(parsed[start - 1].i, "case"):
        return subjects
    return [second, first]


def is_hung_on_auxiliary(scan: DocumentScan, verb: int, auxiliary: int) -> bool:
    """Whether the parser made the participle ``verb`` the complement of the finite
    auxiliary before it instead of its dependent ("…, hatte Obama … gesagt": "hatte" the
    root, "gesagt" its xcomp)."""
    parsed = scan.parsed
    token = parsed[verb]
    return (
        auxiliary < verb
        and token.head == auxiliary
        and token.dep == "xcomp"
        and (token.tag == "VVPP" or token.morph.verbform == "Part")
        and parsed[auxiliary].tag == "VAFIN"
    )


def surface_subject(
    scan: DocumentScan, s: SentenceView, verb: int, lo: int, hi: int, *, after_only: bool = False
) -> TokenRange | None:
    """A nominative noun phrase of the verb's clause, nearest the verb, when the
    tree gives no subject. ``after_only``: right after the verb ("…, sagte er")."""
    parsed = scan.parsed
    clause = s.clause_of(verb)
    regions = [(max(lo, clause.first), min(hi, clause.end))]
    if after_only:
        regions = [(verb + 1, min(hi, clause.end, verb + 6))]
    elif verb == clause.first and clause.boundary_before is not None:
        # "Deiss, der sich … entschlossen hatte, sagte …": the subject opens the sentence.
        first_clause = s.clauses[0]
        if parsed[first_clause.first].text.lower() not in scan.rules.adverbial_openers:
            regions.append((max(lo, first_clause.first), min(hi, first_clause.end)))
    for start, end in regions:
        best = nominative_nearest(scan, verb, start, end)
        if best is not None:
            return head_phrase(scan, best, start, end)
    return None


def nominative_nearest(scan: DocumentScan, verb: int, start: int, end: int) -> int | None:
    parsed = scan.parsed
    best: int | None = None
    for j in range(start, end):
        token = parsed[j]
        if scan.in_direct[j] or token.upos not in SUBJECT_UPOS:
            continue
        if token.text in scan.rules.not_speakers or token.text.lower() in scan.rules.weak_subjects:
            continue
        case = token.morph.case
        if case and case != "Nom":
            continue
        if parsed.children(j, "case") or token.dep in (
            "nmod",
            "nmod:poss",
            "flat",
            "flat:name",
            "appos",
            "det",
            "compound",
        ):
            continue
        if token.upos == "PRON" and token.text.lower() not in scan.rules.pronouns:
            continue
        if j > start and parsed[j - 1].upos == "ADP":
            continue
        if best is None or abs(j - verb) < abs(best - verb):
            best = j
    return best


def _split_subject(
    scan: DocumentScan, verb: int, phrase: TokenRange | None, lo: int, hi: int
) -> TokenRange | None:
    """A subject the parser split in two: "Premierminister | François Bayrou", "Die
    Gewerkschaft | Verdi", both the verb's subjects; the name right after the noun (alone
    or after its determiner) belongs to its phrase."""
    if phrase is None:
        return None
    parsed = scan.parsed
    end = phrase[1]
    determiner = parsed[phrase[0]].upos == "DET" or parsed[phrase[0]].tag == "ART"
    if end >= hi or scan.in_direct[end] or phrase[1] - phrase[0] != 1 + determiner:
        return phrase
    after = parsed[end]
    if after.dep != "nsubj" or after.head != verb or after.upos != "PROPN":
        return phrase
    if parsed[end - 1].upos != "NOUN":
        return phrase
    rest = head_phrase(scan, end, lo, hi)
    return (phrase[0], rest[1]) if rest is not None and rest[0] == end else phrase


def quoted_object(scan: DocumentScan, verb: int, hi: int) -> TokenRange | None:
    """The last noun phrase the verb governs after it, before ``hi``: "zitierte die
    Zeitung den Minister" (the subject comes first; the quoted object closes the frame)."""
    parsed = scan.parsed
    heads = [
        c.i
        for c in parsed.children(verb)
        if verb < c.i < hi
        and c.upos in SUBJECT_UPOS
        and not scan.in_direct[c.i]
        and not parsed.children(c.i, "case")
    ]
    return head_phrase(scan, heads[-1], verb + 1, hi) if heads else None


def _before_object(scan: DocumentScan, head: int, phrase: TokenRange | None) -> TokenRange | None:
    """A bare name right after the finite auxiliary ends before an article that follows
    it: in "hat Scholz der „Bild am Sonntag“ gesagt" the article opens the dative object,
    which the parser may hang on the name (a bare role noun there needs its own article:
    "hat ein Sprecher der Polizei gesagt")."""
    parsed = scan.parsed
    if phrase is None or phrase[0] == 0 or not phrase[0] <= head < phrase[1]:
        return phrase
    before = parsed[phrase[0] - 1]
    if not (before.upos == "AUX" and before.is_finite_verb):
        return phrase
    if not all(
        parsed[j].text[:1].isupper() and parsed[j].upos in ("PROPN", "NOUN")
        for j in range(phrase[0], head + 1)
    ):
        return phrase
    for j in range(head + 1, phrase[1]):
        if parsed[j].upos == "DET" or parsed[j].tag == "ART":
            return (phrase[0], j) if j > phrase[0] else phrase
        if not (parsed[j].text[:1].isupper() and parsed[j].upos in ("PROPN", "NOUN")):
            break
    return phrase


def head_phrase(scan: DocumentScan, head: int, lo: int, hi: int) -> TokenRange | None:
    first, end = phrase_range(scan.parsed, head, lo, hi)
    if end <= first:
        return None
    return first, _continued_name(scan, first, end, hi)


# How many words a name may run on past the phrase the tree gave.
_NAME_RUN = 2


def _continued_name(scan: DocumentScan, first: int, end: int, hi: int) -> int:
    """The end of a phrase whose name the parser cut after its first part: "kündigte
    Handelskommissar Maroš | Šefčovič an" (the surname a second root). The phrase must end
    in a proper noun after a role noun or in a given name; a following capitalised word
    carries on the name only where no dictionary knows it as a common word, role,
    organisation or non-speaker ("warf Landrat Heiko Brandt Versagen vor" stops)."""
    parsed = scan.parsed
    lexicon = scan.lexicon
    last = parsed[end - 1]
    if last.upos != "PROPN" or lexicon.is_common_word(last.text):
        return end
    if last.text not in lexicon.given_names and not any(
        lexicon.role_of(parsed[j].text) for j in range(first, end - 1)
    ):
        return end
    stop = min(hi, end + _NAME_RUN)
    while end < stop:
        word = parsed[end]
        text = word.text
        if (
            word.sent != last.sent
            or scan.in_direct[end]
            or word.upos not in ("PROPN", "NOUN", "X")
            or not text[:1].isupper()
            or not text.isalpha()
            or lexicon.is_common_word(text)
            or lexicon.role_of(text)
            or lexicon.is_organization_word(text)
            or text in scan.rules.not_speakers
            or parsed.children(end, "case")
            or parsed.children(end, "det")
        ):
            break
        end += 1
    return end


def addressee_of(
    scan: DocumentScan, s: SentenceView, verb: int, entry: VerbEntry, clause: Clause
) -> TokenRange | None:
    parsed = scan.parsed
    lo, hi = clause.first, clause.end
    for child in parsed.children(verb):
        if not lo <= child.i < hi or scan.in_direct[child.i]:
            continue
        cases = [c.text.lower() for c in parsed.children(child.i, "case")]
        if child.dep_base == "obl" and any(c in scan.rules.addressee_prepositions for c in cases):
            return head_phrase(scan, child.i, lo, hi)
        if child.dep == "iobj":
            return head_phrase(scan, child.i, lo, hi)
        if (
            entry.addressee_object
            and (child.dep == "obj" or (child.dep == "nsubj:pass"))
            and child.upos in SUBJECT_UPOS
        ):
            return head_phrase(scan, child.i, lo, hi)
        if child.dep == "obj" and child.morph.case == "Dat" and child.upos in SUBJECT_UPOS:
            return head_phrase(scan, child.i, lo, hi)
    # Surface: "gegenüber der Zeitung". The positions of such words are indexed once
    # per document: scanning the clause once per verb is quadratic in a long clause.
    at = scan.addressee_words
    for k in range(bisect.bisect_left(at, lo), len(at)):
        j = at[k]
        if j + 1 >= hi:
            break
        phrase = noun_phrase_after(parsed, j + 1, hi, scan.rules.noun_phrases)
        if phrase is not None:
            return phrase
    return None


def colon_intro(
    scan: DocumentScan, first: int, end: int
) -> tuple[TokenRange, TokenRange | None] | None:
    """The content of a "…, hieß es" frame that opens after an introducing clause and a
    colon, and that clause's subject: "Das Ministerium reagierte umgehend: Man werde …,
    hieß es" → the words after the colon, said by the ministry. The intro is one main
    clause (one finite verb) whose subject can speak; None where there is no such intro."""
    parsed = scan.parsed
    colon = next(
        (j for j in range(first + 1, end - 2) if parsed[j].text == ":" and not scan.in_direct[j]),
        None,
    )
    if colon is None:
        return None
    finite = [j for j in range(first, colon) if parsed[j].is_finite_verb and parsed[j].is_verb]
    if len(finite) != 1:
        return None
    verb = finite[0]
    subject = next(
        (c.i for c in parsed.children(verb, "nsubj") if first <= c.i < colon),
        None,
    )
    if subject is None:
        subject = nominative_nearest(scan, verb, first, colon)
    phrase = head_phrase(scan, subject, first, colon) if subject is not None else None
    if phrase is None or not plausible_speaker(scan, phrase):
        return None
    return (colon + 1, end), phrase


def source_phrase_before(scan: DocumentScan, phrase: TokenRange, first: int) -> TokenRange:
    """The whole phrase before a postposition whose surface reading kept only the
    attribute after a preposition: "Der Polizei in | Mombasa zufolge" → "Der Polizei in
    Mombasa" (the tree hangs "Mombasa" on "Polizei"); else ``phrase``."""
    parsed = scan.parsed
    start, end = phrase
    if start - 2 < first or parsed[start - 1].upos != "ADP":
        return phrase
    preposition = parsed[start - 1]
    if preposition.dep != "case" or not start <= preposition.head < end:
        return phrase
    noun = parsed[preposition.head].head
    if not first <= noun < start - 1 or parsed[noun].upos not in ("NOUN", "PROPN"):
        return phrase
    outer = phrase_range(parsed, noun, first, start - 1)
    if outer[1] != start - 1 or scan.in_direct[outer[0]]:
        return phrase
    return outer[0], end


def names_no_one(scan: DocumentScan, phrase: TokenRange) -> bool:
    """Whether every capitalised word of the phrase is a word that names no speaker
    (``not_speakers``: "dem gestrigen Mittwoch zufolge" is a date, no source)."""
    parsed = scan.parsed
    words = [parsed[j].text for j in range(*phrase) if parsed[j].text[:1].isupper()]
    words = [w for w in words if parsed[phrase[0]].text != w or parsed[phrase[0]].upos != "DET"]
    return bool(words) and all(w in scan.rules.not_speakers for w in words)
