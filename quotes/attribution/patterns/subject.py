"""The subject of the cue verb: "sagte Außenministerin Baerbock", "Sonia und Willy Bogner
teilten mit:", "Medvedev bedankte sich … und sagte:", "Putin, der … sagte".

The compact parser mislabels often, so the tree is read with checks: a subject in the
dative or genitive ("Der Zeitung sagte Karma") is no subject; an "object" in the
nominative with a nominative determiner right after the verb ("beschreibt ein Reporter
das Ereignis") is; a verb-first conjunct shares the subject of the first verb.
"""

from __future__ import annotations

from quotes.attribution.candidate import Candidate, Finding
from quotes.attribution.lexicon import AttributionRules
from quotes.attribution.syntax import Syntax
from quotes.attribution.valid import (
    is_name_particle,
    is_nominal_tag,
    is_person_like,
    is_valid_subject,
    phrase_case,
)

__all__ = ["find", "subject_head"]

# How many words a first field may have (a longer one is no single noun phrase).
_FIELD_REACH = 40
_FIELD_ENDS = frozenset({":", ";", "–", "—", "“", "”", "«", "»"})
# Closing marks of a quoted name inside a phrase, with their opening marks.
_TITLE_CLOSE = {"“": "„", "«": "»", "»": "«"}


def find(syn: Syntax, rules: AttributionRules, cand: Candidate, verb: int) -> Finding | None:
    head = subject_head(syn, rules, cand, verb)
    if head is None:
        return _first_field(syn, rules, cand, verb)
    after_object = _subject_after_object(syn, rules, cand, head, verb)
    if after_object is not None:
        head = after_object
    elif head == verb + 1 and syn.text(head).lower() in rules.ambiguous_pronouns:
        # "Der Geschäftsführer nannte sie „fahrlässig“": the pronoun is the object.
        first = _first_field(syn, rules, cand, verb)
        if first is not None:
            return first
    phrase = _vorfeld(syn, rules, cand, head, verb) or syn.phrase(head, *cand.sentence)
    if phrase is None:
        return None
    if head > verb:
        phrase = _role_apposition(syn, rules, cand, _before_role_object(syn, rules, phrase))
    return Finding("subject", phrase, 0.9)


def _before_role_object(
    syn: Syntax, rules: AttributionRules, phrase: tuple[int, int]
) -> tuple[int, int]:
    """A subject after the verb that the parser ran on into a dative object of role noun
    and name ends before that role noun: "…“, warf die Opposition | Landrat Heiko Brandt
    vor" (the subject opens with its determiner and one noun that names a group or an
    organisation, no role; the role noun follows it bare, a name after it)."""
    first, end = phrase
    lexicon = rules.lexicon
    if end - first < 4 or syn.token(first).upos != "DET":
        return phrase
    if syn.text(first).lower() in rules.never_nominative_determiners:
        return phrase
    noun, role = syn.text(first + 1), syn.text(first + 2)
    if lexicon.role_of(noun) or not (
        lexicon.is_organization_word(noun) or noun in lexicon.group_words
    ):
        return phrase
    if not lexicon.role_of(role) or not syn.text(first + 3)[:1].isupper():
        return phrase
    return first, first + 2


def _subject_after_object(
    syn: Syntax, rules: AttributionRules, cand: Candidate, head: int, verb: int
) -> int | None:
    """The subject after the finite verb where the tree's subject stands before it but
    cannot be one (the parser takes the first field for the subject): a pronoun of the
    nominative follows the verb ("Die Pläne lobte er"), the first field is plural before a
    singular verb ("Die Vorwürfe wies die Regierung zurück"), or it is a bare common noun
    that names no speaker, before a pronoun or a word that does ("Kritik an den Kosten
    wies sie zurück"). The same witnesses as the surface search's (speakers.subjects)."""
    lo, hi = cand.sentence
    finite = min([verb, *(c.i for c in syn.children(verb, "aux", "aux:pass"))])
    heads = {verb, finite}
    if head == finite + 1:
        # The tree's subject follows the verb, a noun of the first field is the other
        # reading ("Kritik … wies sie zurück" with both made subjects).
        after = head
        head = next(
            (
                k
                for k in range(lo, finite)
                if syn.token(k).head in heads
                and syn.token(k).dep in ("nsubj", "obj")
                and syn.token(k).upos in ("NOUN", "PROPN")
                and not syn.in_quote(k)
            ),
            -1,
        )
        if head < 0:
            return None
    elif lo <= head < finite:
        after = next(
            (
                k
                for k in range(finite + 1, min(hi, finite + 7))
                if not syn.in_quote(k)
                and syn.token(k).head in heads
                and syn.token(k).dep in ("nsubj", "obj", "dep")
            ),
            -1,
        )
    else:
        return None
    if after < 0 or syn.text(after).lower() in rules.relative_pronouns:
        return None
    lexicon = rules.lexicon
    word = syn.text(after).lower()
    if word in rules.nominative_pronouns:
        return after
    pronoun = word in rules.ambiguous_pronouns  # the tagger's case of "sie" is no witness
    if not pronoun and not is_valid_subject(syn, rules, after):
        return None
    first = syn.token(head)
    finite_form = syn.text(finite).lower()
    singular_verb = "Sing" in syn.token(finite).morph.values_of("Number") or not (
        finite_form.endswith(rules.plural_verb_endings)
    )
    if (
        lexicon.is_plural_noun(first.text)
        and singular_verb
        and "Plur" not in syn.token(after).morph.values_of("Number")
    ):
        return after
    # A bare noun with a prepositional attribute ("Kritik an den Kosten"), in a field
    # that names no one: a bare noun alone may be a surname ("Lenz warnte die Regierung").
    field = range(lo, finite)
    prepositional = any(c.upos == "ADP" and c.i < head for c in syn.children(head, "case"))
    bare = (
        not syn.children(head, "det", "det:poss")
        and first.upos == "NOUN"
        and (prepositional or any(k > head and syn.token(k).upos == "ADP" for k in field))
        and not any(
            syn.token(k).upos == "PROPN" or syn.text(k) in lexicon.given_names for k in field
        )
    )
    if (
        bare
        and lexicon.is_common_word(first.text)
        and not lexicon.names_a_speaker(first.text)
        and (pronoun or lexicon.names_a_speaker(syn.text(after)))
    ):
        return after
    return None


def _role_apposition(
    syn: Syntax, rules: AttributionRules, cand: Candidate, phrase: tuple[int, int]
) -> tuple[int, int]:
    """ "sagte Bill Graham, Parteichef der Liberalen." — a role after the name, up to the
    end of the sentence, a colon or the next comma."""
    _, hi = cand.sentence
    first, end = phrase
    if end + 1 >= hi or syn.text(end) != "," or syn.in_quote(end + 1):
        return phrase
    if not is_person_like(syn, rules, first, end):
        return phrase
    k = end + 1
    if syn.token(k).upos == "DET":
        k += 1
    role = syn.token(k) if k < hi else None
    if role is None or not role.text[:1].isupper() or not rules.lexicon.role_of(role.text):
        return phrase
    tail = syn.phrase(k, end + 1, hi)
    if tail is None or tail[0] > end + 1:
        return phrase
    after = syn.text(tail[1]) if tail[1] < hi else "."
    if after not in (".", ":", ",", ";", "!", "?") or syn.in_quote(tail[1] - 1):
        return phrase
    return first, tail[1]


def _vorfeld(
    syn: Syntax, rules: AttributionRules, cand: Candidate, head: int, verb: int
) -> tuple[int, int] | None:
    """The whole first field when the subject stands in it: in a German main clause all
    before the finite verb is one phrase ("Minister X von der Kanzlei des
    Ministerpräsidenten erklärte", "Arni Finnsson, ein Vertreter der …, kommentierte")."""
    lo, _ = cand.sentence
    finite = min([verb, *(c.i for c in syn.children(verb, "aux", "aux:pass"))])
    if head >= finite:
        return None
    start = finite
    reach = max(lo, finite - _FIELD_REACH)
    while start - 1 >= reach:
        token = syn.token(start - 1)
        if token.text in _TITLE_CLOSE and not syn.in_quote(start - 1):
            # A quoted name inside the phrase: "eine Sprecherin des Bundes „Grüne Zukunft“".
            opening = _TITLE_CLOSE[token.text]
            k = next(
                (j for j in range(start - 2, max(reach, start - 10) - 1, -1)
                 if syn.text(j) == opening),
                None,
            )  # fmt: skip
            if k is not None and not any(syn.in_quote(j) for j in range(k, start)):
                start = k
                continue
        if not token.text.strip() and "\n" not in token.text and start - 1 > reach:
            start -= 1  # a doubled space the parser kept as a token
            continue
        if syn.in_quote(start - 1) or token.text in _FIELD_ENDS or not token.text.strip():
            break
        start -= 1
    # A relative clause closes the phrase: "Günther Platter, der Verteidigungsminister
    # Österreichs, | der zur Zeit … inne hat, sagte".
    end = finite
    for k in range(start, finite):
        token = syn.token(k)
        if token.upos in ("SCONJ",) or token.text.lower() == "wie":
            return None
        if token.upos in ("VERB", "AUX"):
            comma = next((j for j in range(k - 1, start, -1) if syn.text(j) == ","), None)
            if comma is None or comma <= head:
                return None
            end = comma
            break
    if not start <= head:
        return None
    while start < head and syn.token(start).upos in ("ADV", "CCONJ", "PART", "PUNCT"):
        start += 1  # "Auch der Minister sagte": the focus particle is not the subject's
    first = syn.token(start)
    if first.upos == "ADP" and not is_name_particle(syn, rules, start):
        return None
    if end < finite and not _opens_relative_clause(syn, rules, end + 1):
        return None
    while end > start + 1 and (
        (syn.token(end - 1).upos == "PUNCT" and syn.text(end - 1) not in (")", "“", "»"))
        or _trailing_adverb(syn, rules, end - 1, head)
    ):
        end -= 1  # "Die Kanadier hingegen sagen": the adverb is no part of the subject
    return (start, end) if end > start else None


def _trailing_adverb(syn: Syntax, rules: AttributionRules, k: int, head: int) -> bool:
    token = syn.token(k)
    return k > head and (
        token.text.lower() in rules.sentence_adverbs
        or (token.upos in ("ADV", "PART") and token.head not in range(head, k))
    )


def _opens_relative_clause(syn: Syntax, rules: AttributionRules, k: int) -> bool:
    token = syn.token(k)
    return token.text.lower() in rules.relative_pronouns and (
        "Rel" in token.morph.values_of("PronType")
        or token.tag.startswith("PREL")
        or token.upos == "PRON"
    )


def subject_head(
    syn: Syntax, rules: AttributionRules, cand: Candidate, verb: int, depth: int = 0
) -> int | None:
    """The head word of the subject of ``verb`` inside the candidate's sentence."""
    lo, hi = cand.sentence
    token = syn.token(verb)
    # The finite auxiliary's subject too: "hat Präsident Putin seine „Hoffnung“ geäußert"
    # with the name hung on "hat".
    heads = [verb, *(c.i for c in syn.children(verb, "aux") if c.i < verb)]
    subjects = [
        c
        for k in heads
        for c in syn.children(k, "nsubj")
        if c.dep != "nsubj:pass" and lo <= c.i < hi and not syn.in_quote(c.i)
    ]
    for child in subjects:
        if child.text.lower() in rules.relative_pronouns and token.dep.startswith("acl"):
            antecedent = token.head
            if lo <= antecedent < hi and is_valid_subject(syn, rules, antecedent):
                return antecedent
    valid = [c.i for c in subjects if is_valid_subject(syn, rules, c.i)]
    verb_first_conjunct = token.dep == "conj" and verb > lo and syn.token(verb - 1).upos == "CCONJ"
    if (verb_first_conjunct or not valid) and depth < 3:
        up = token.head
        if verb_first_conjunct and syn.children(up, "mark") and lo <= syn.token(up).head < hi:
            # "…, dass die Verhandlungen weit seien | und zeigte sich zuversichtlich": a
            # verb-second conjunct goes with the main clause, not with the dass-clause the
            # parser hung it on.
            up = syn.token(up).head
        if token.dep in ("conj", "xcomp") and up != verb and lo <= up < hi:
            shared = subject_head(syn, rules, cand, up, depth + 1)
            if shared is not None:
                return shared
    if len(valid) > 1:
        # Two "subjects" ("Der Zeitung sagte Bürgermeister Brandt"): a person first.
        persons = [i for i in valid if _person_head(syn, rules, i)]
        valid = persons or valid
    if valid:
        return min(valid, key=lambda i: abs(i - verb))
    if any(c.text.lower() in rules.expletives for c in subjects):
        return None  # "Es sei unerträglich gewesen, sagte …": the tree's subject is "es"
    # "Andres Granier, der Gouverneur von Tabasco, sagte": an apposition the parser read
    # as a relative clause; its antecedent is the subject.
    if (
        token.dep.startswith("acl")
        and lo <= token.head < verb
        and is_valid_subject(syn, rules, token.head)
    ):
        return token.head
    return _nominative_dependent(syn, rules, verb, lo, hi)


def _nominative_dependent(
    syn: Syntax, rules: AttributionRules, verb: int, lo: int, hi: int
) -> int | None:
    """A bare nominal dependent of the verb that is plainly nominative: the parser's
    mislabelled subject ("beschreibt ein Reporter des Senders das Ereignis", "Der
    Vorsitzende Enders schloss sich … an" with the subject as ``obl``)."""
    found = []
    for child in syn.children(verb, "obj", "obl", "dep", "nmod", "appos", "advmod"):
        if not lo <= child.i < hi or abs(child.i - verb) > 6 or syn.in_quote(child.i):
            continue
        if child.dep == "advmod" and child.upos != "PROPN" and not is_nominal_tag(rules, child):
            continue  # "betonte Trump" with the name as an adverb
        noun_case, det_case = phrase_case(syn, child.i)
        if noun_case == "Nom" and det_case in ("Nom", "") and is_valid_subject(syn, rules, child.i):
            found.append(child.i)
    if not found:
        return _name_after_auxiliary(syn, rules, verb, lo, hi)
    return min(found, key=lambda i: abs(i - verb))


def _name_after_auxiliary(
    syn: Syntax, rules: AttributionRules, verb: int, lo: int, hi: int
) -> int | None:
    """A person's bare name right after the finite auxiliary of a participle with no
    subject: "Wie die Zeitung berichtet, hat Scholz gesagt, …" (the parser made "Scholz" an
    accusative object; a name without an article in that slot is the subject)."""
    auxiliaries = [c.i for c in syn.children(verb, "aux") if lo <= c.i < verb]
    if not auxiliaries:
        return None
    k = min(auxiliaries) + 1
    if not k < verb or syn.in_quote(k):
        return None
    token = syn.token(k)
    if token.head != verb or token.dep not in ("obj", "dep", "obl"):
        return None
    if not token.text[:1].isupper() or syn.children(k, "det", "case"):
        return None
    parsed = getattr(syn, "parsed", None)
    entity = parsed.entity_at(k) if parsed is not None else None
    if entity is None or entity.label != "PER":
        return None
    return k if is_valid_subject(syn, rules, k) else None


def _first_field(
    syn: Syntax, rules: AttributionRules, cand: Candidate, verb: int
) -> Finding | None:
    """No subject in the tree: a first field that is one nominative noun phrase before the
    finite verb is it ("John Kline, ein Repräsentant aus Minnesota, sagte")."""
    lo, _ = cand.sentence
    finite = min([verb, *(c.i for c in syn.children(verb, "aux", "aux:pass"))])
    nominal = next(
        (
            k
            for k in range(max(lo, finite - _FIELD_REACH), finite)
            if syn.token(k).upos in ("NOUN", "PROPN", "PRON")
            or (
                syn.text(k)[:1].isupper()
                and is_nominal_tag(rules, syn.token(k))
                and syn.token(k).upos != "DET"  # "Beide Seiten" with "Beide" tagged NN
            )
        ),
        None,
    )
    if nominal is None or not is_valid_subject(syn, rules, nominal):
        return None
    phrase = _vorfeld(syn, rules, cand, nominal, verb)
    if phrase is None or (phrase[0] != lo and syn.token(phrase[0] - 1).text not in _FIELD_ENDS):
        return None
    opening = syn.token(phrase[0])
    if opening.upos not in ("DET", "PROPN", "NOUN", "PRON", "ADJ") and not (
        is_name_particle(syn, rules, phrase[0])
        or (opening.text[:1].isupper() and is_nominal_tag(rules, opening))
    ):
        return None
    return Finding("first-field", phrase, 0.75)


def _person_head(syn: Syntax, rules: AttributionRules, i: int) -> bool:
    """A pronoun, or a head whose own name parts (not its attributes) name a person."""
    if syn.text(i).lower() in rules.subject_pronouns:
        return True
    parts = [i, *(c.i for c in syn.children(i, "flat", "appos", "compound"))]
    return any(is_person_like(syn, rules, k, k + 1) for k in parts)
