"""Span rules: where the content of a cue starts and ends.

In: a :class:`~.scan.DocumentScan`, a sentence and the cue's clause or frame. Out: the
content's token range: after the cue ("X sagte, (dass) …", with its confidence), before it
("…, sagte X"), around a frame inside the clause ("Laut Polizei …"), and where content
stops because a clause goes back to the frame's subject ("…, und fügte hinzu").
"""

from __future__ import annotations

import bisect
from typing import Final

from quotes.detectors.indirect.clauses import (
    finite_in,
    is_adverbial,
    is_linked,
    is_main,
    is_relative,
    is_zu_infinitive,
    opens_as_preposition,
)
from quotes.detectors.indirect.cue_verbs import is_passive, verb_entry
from quotes.detectors.indirect.scan import DocumentScan, TokenRange, capped
from quotes.detectors.lexicon import VerbEntry
from quotes.detectors.syntax import Clause, SentenceView, trim

__all__ = [
    "content_after",
    "content_around",
    "content_before",
    "content_end",
    "content_kind",
    "cut_points",
    "frame_end_after",
    "relative_content_end",
]


def content_after(
    scan: DocumentScan,
    s: SentenceView,
    verb: int,
    cue_last: int,
    entry: VerbEntry,
    *,
    openers_only: bool = False,
) -> tuple[TokenRange, float] | None:
    parsed = scan.parsed
    skipped = 0
    for clause in s.clauses_after(cue_last):
        boundary = clause.boundary_before
        if boundary is None or boundary < cue_last:
            continue
        boundary_text = parsed[boundary].text
        if boundary_text not in (",", ":"):
            return None
        first = parsed[clause.first]
        word = first.text.lower()
        if first.text in ("„", "»", "«", '"') and not _opens_with_partial_quote(scan, clause):
            return None  # a direct quotation: the rules pipeline has it
        if word in scan.rules.reason_openers and _konjunktiv_reason(scan, clause):
            # "…, da die Ermittlungen nicht abgeschlossen seien": the speaker's reason.
            return (clause.first, content_end(scan, s, clause)), 0.6
        relative = is_relative(scan, clause, boundary)
        if (is_adverbial(scan, clause) and not opens_as_preposition(scan, clause)) or relative:
            if relative and _says(scan, s, clause):
                # "… den Rücktritt des Ministers, der behauptet hatte, die Zahlen seien
                # korrekt": what follows is the relative clause's speech, not the cue's.
                return None
            skipped += 1
            if skipped > 2:
                return None
            continue
        if (
            openers_only
            and word not in scan.rules.content_openers
            and not _subordinate_content(scan, s, verb, cue_last, clause, entry)
        ):
            return None
        if not skipped and _verb_first_after_main(scan, s, verb, clause):
            return None
        kind = content_kind(scan, s, clause, verb, entry)
        if kind is None:
            return None
        end = content_end(scan, s, clause)
        first_index = clause.first
        return (first_index, end), kind
    return None


def _says(scan: DocumentScan, s: SentenceView, clause: Clause) -> bool:
    """Whether ``clause`` holds a verb of saying or thinking in the active voice: its
    subject speaks ("der behauptet hatte", "über den die Zeitung berichtet hatte"). A
    passive one leaves the source to the clause around it ("…, schrieb sie in einem
    Brief, der veröffentlicht wurde, sie wolle …")."""
    for i in range(clause.first, clause.end):
        token = scan.parsed[i]
        if scan.in_direct[i] or not token.tag.startswith("V"):
            continue
        found = verb_entry(scan, s, i)
        if found is not None and (found[0].say or found[0].think) and not is_passive(scan, i):
            return True
    return False


def _verb_first_after_main(scan: DocumentScan, s: SentenceView, verb: int, clause: Clause) -> bool:
    """Whether ``clause`` opens with its finite verb right after the cue's own verb-second
    main clause: a condition ("China hatte mit Sanktionen gedroht, sollte das Parlament
    zustimmen") or a second predicate of the same subject ("Die Rebellen bestreiten den
    Vorwurf, beharren aber auf …"), not the content. After a frame that fills the first
    field ("Wie die Zeitung berichtete, leidet …", "…, so schätzen Forscher, soll …") or
    after a skipped adverbial clause ("…, sobald er …, werde …") the verb comes first in
    the content itself: there the cue's clause holds a subordinator or "so" before its
    finite verb, or another clause stands between. The verb must be a finite form the mood
    lexicon knows (the tagger calls "zugunsten" a finite verb)."""
    parsed = scan.parsed
    if not scan.rules.konjunktiv.lexicon.is_finite(parsed[clause.first]):
        return False
    cue_clause = s.clause_of(verb)
    if not is_main(scan, cue_clause):
        return False
    finite = finite_in(scan, cue_clause)
    if finite is None:
        return False
    rules = scan.rules
    return not any(
        parsed[j].text.lower() in rules.content_openers
        or parsed[j].text.lower() in rules.adverbial_openers
        for j in range(cue_clause.first, finite)
    )


def _konjunktiv_reason(scan: DocumentScan, clause: Clause) -> bool:
    """Whether the finite verb of a causal ``clause`` ("weil …", "da …") is a strong
    Konjunktiv I form: the reason as the speaker gave it ("…, weil die Frist abgelaufen
    sei"), not the writer's ("…, weil die Frist abgelaufen war")."""
    finite = finite_in(scan, clause)
    return finite is not None and (
        scan.rules.konjunktiv.strength(scan.parsed, scan.parsed[finite]) == "strong"
    )


def _subordinate_content(
    scan: DocumentScan, s: SentenceView, verb: int, cue_last: int, clause: Clause, entry: VerbEntry
) -> bool:
    """Whether ``clause``, with no dass/ob/w-word, is the content of a cue in a subordinate
    clause. Only when the cue ends that clause (verb last: "Als Grund gab X an, …" is no
    subordinate clause) and the content is a verb-second clause in Konjunktiv I ("…, da
    sie befürchtete, man wolle …", "…, von dem die Polizei glaubt, er sei …") or a
    zu-infinitive the verb takes ("…, die beschuldigt werden, Mitglieder … zu sein"; after
    "…, in die sie geraten war, | … zu meistern" it is the main clause's). "Nachdem er …
    erklärt hatte, | ging er" reports nothing."""
    parsed = scan.parsed
    if cue_last + 1 != clause.boundary_before or not parsed[cue_last].is_finite_verb:
        return False
    if _konjunktiv_second(scan, clause):
        return True
    return (
        entry.infinitive
        and is_zu_infinitive(scan, clause)
        and parsed[s.clause_of(verb).first].upos != "ADP"
    )


# How far into a verb-second clause its finite verb may stand (the first field).
_FIRST_FIELD: Final = 4


def _konjunktiv_second(scan: DocumentScan, clause: Clause) -> bool:
    """Whether ``clause`` is a verb-second clause whose finite verb is a Konjunktiv I form
    (strong): "man wolle ihr die Kinder wegnehmen", "er sei verantwortlich"."""
    finite = finite_in(scan, clause)
    return (
        finite is not None
        and 0 < finite - clause.first <= _FIRST_FIELD
        and scan.rules.konjunktiv.strength(scan.parsed, scan.parsed[finite]) == "strong"
    )


def _opens_with_partial_quote(scan: DocumentScan, clause: Clause) -> bool:
    """Whether a clause that opens with a direct quotation goes on after it with words of
    its own: "Er sagte, „Funklöcher“ dürfe es nicht geben" is indirect speech with a
    partial quote; "Er sagte, „wir kommen“." is the direct quotation's."""
    parsed = scan.parsed
    j = clause.first
    end = capped(clause)
    while j < end and (scan.in_direct[j] or parsed[j].text in ("„", "»", "«", '"', "“")):
        j += 1
    return j < end and j > clause.first + 1 and parsed[j].text[:1].isalnum()


def content_kind(
    scan: DocumentScan, s: SentenceView, clause: Clause, verb: int, entry: VerbEntry
) -> float | None:
    """The confidence that ``clause`` is the content of the verb, or None."""
    parsed = scan.parsed
    word = parsed[clause.first].text.lower()
    if word in scan.rules.content_openers:
        if word in scan.rules.question_openers and not (entry.say or entry.think):
            return None
        return 0.9 if word in scan.rules.conjunction_openers else 0.75
    if is_zu_infinitive(scan, clause):
        return 0.8 if entry.infinitive else None
    finite = finite_in(scan, clause)
    if finite is None:
        # "meldet, Giuliana Sgrena, die … befunden hatte, habe …": a subject with a
        # relative clause before the content's own verb.
        if any(parsed[j].is_verb for j in range(clause.first, capped(clause))):
            return None
        for later in s.clauses_after(clause.first):
            if later.boundary_before is not None and is_relative(
                scan, later, later.boundary_before
            ):
                continue
            later_finite = finite_in(scan, later)
            if later_finite is not None and (
                scan.rules.konjunktiv.strength(parsed, parsed[later_finite]) == "strong"
            ):
                return 0.8
            return None
        return None
    if _relative_verb_last(scan, clause, finite):
        return None
    strength = scan.rules.konjunktiv.strength(parsed, parsed[finite])
    linked = is_linked(scan, verb, clause)
    if strength == "strong":
        return 0.9
    if entry.think and not linked and strength != "weak":
        return None
    if strength == "weak":
        return 0.75
    if entry.say and (linked or finite - clause.first <= 3):
        return 0.6
    return None


def content_end(scan: DocumentScan, s: SentenceView, clause: Clause) -> int:
    """Where content that starts in ``clause`` ends: the sentence's end, or before a
    clause that goes back to the frame's subject ("…, und weigerte sich …", "…,
    erkannte die Autorität … nicht an", "… und fügte hinzu: …")."""
    cuts = scan.cuts.get(s.index)
    if cuts is None:
        cuts = cut_points(scan, s)
        scan.cuts[s.index] = cuts
    # The first cut after the clause's first word (found once per sentence: a long
    # sentence with many cues is not scanned once per cue).
    k = bisect.bisect_right(cuts, clause.first)
    return cuts[k] if k < len(cuts) else s.content_end


def cut_points(scan: DocumentScan, s: SentenceView) -> list[int]:
    parsed = scan.parsed
    cuts: list[int] = []
    # "…, Europa brauche die Engländer und fügte hinzu": a coordinated verb of saying,
    # or a verb in the indicative past, goes back to the frame's subject.
    for j in range(s.first + 1, s.content_end - 1):
        if parsed[j].text.lower() not in scan.rules.frame_coordinators or scan.in_direct[j]:
            continue
        verb = parsed[j + 1]
        if not verb.is_finite_verb or not verb.text[:1].islower():
            continue
        if scan.rules.konjunktiv.strength(parsed, verb):
            continue
        if verb.morph.tense == "Past" or verb_entry(scan, s, verb.i) is not None:
            cuts.append(j)
    for later in s.clauses:
        if later.boundary_before is None or parsed[later.boundary_before].text != ",":
            continue
        first = parsed[later.first]
        if _so_frame(scan, later):
            cuts.append(later.boundary_before)  # "…, es sei kein Problem, | so der Chef"
            continue
        verb = first
        if first.text.lower() in scan.rules.coordinators and later.first + 1 < later.end:
            verb = parsed[later.first + 1]
        if (
            verb.is_finite_verb
            and verb.text[:1].islower()
            and scan.rules.konjunktiv.strength(parsed, verb) == ""
            and not scan.in_direct[verb.i]
        ):
            cuts.append(later.boundary_before)
    return sorted(set(cuts))


def _so_frame(scan: DocumentScan, clause: Clause) -> bool:
    """Whether ``clause`` is a frame "so X" (no finite verb): "…, so der Notenbankchef"."""
    parsed = scan.parsed
    if parsed[clause.first].text.lower() != "so" or clause.first + 1 >= clause.end:
        return False
    after = parsed[clause.first + 1]
    if after.upos in ("VERB", "AUX", "ADV", "SCONJ", "CCONJ", "ADJ") or not (
        after.text[:1].isupper() or after.upos in ("DET", "PRON")
    ):
        return False
    return finite_in(scan, clause) is None


def content_before(scan: DocumentScan, s: SentenceView, clause: Clause) -> TokenRange | None:
    """The content before a "…, sagte X" frame: the sentence up to its comma.

    It must hold a main clause with a finite verb, and the clause right before the
    comma must not be a relative or adverbial clause (then the verb is the main
    clause's own: "Primus, der … verantwortlich ist, wies … zurück").
    """
    assert clause.boundary_before is not None
    parsed = scan.parsed
    first, end = trim(parsed, s.first, clause.boundary_before)
    if end <= first or parsed[first].text in ("„", "»"):
        return None
    before = [c for c in s.clauses if c.end <= clause.boundary_before and c.first >= first]
    if not before:
        return None
    last = before[-1]
    opener = parsed[last.first].text.lower()
    if last.boundary_before is not None and (
        is_relative(scan, last, last.boundary_before)
        or is_adverbial(scan, last)
        or opener in scan.rules.content_openers
    ):
        return None
    if not any(is_main(scan, c) and finite_in(scan, c) is not None for c in before):
        return None
    return first, end


def frame_end_after(scan: DocumentScan, s: SentenceView, clause: Clause) -> int:
    """The end of a frame that follows its content: the sentence's end unless more
    content follows after a comma ("…, sagte er, …")."""
    return s.content_end if clause.end >= s.content_end else clause.end


def relative_content_end(scan: DocumentScan, s: SentenceView, clause: Clause) -> int:
    """A clause inside the sentence ends where the main clause goes on with its finite
    verb (", wurde dementiert")."""
    parsed = scan.parsed
    for later in s.clauses_after(clause.first):
        if parsed[later.first].is_finite_verb and later.boundary_before is not None:
            return later.boundary_before
    return s.content_end


def content_around(scan: DocumentScan, s: SentenceView, frame: TokenRange) -> TokenRange | None:
    """The content of a frame that stands inside its clause ("Laut Polizei …").

    A frame inside a subordinate clause reports that clause; otherwise the sentence
    without the frame (a frame in the middle stays inside: one span).
    """
    parsed = scan.parsed
    clause = s.clause_of(frame[0])
    opener = parsed[clause.first].text.lower()
    if clause.boundary_before is not None and (
        is_adverbial(scan, clause)
        or opener in scan.rules.content_openers
        or is_relative(scan, clause, clause.boundary_before)
    ):
        first, end = clause.first, relative_content_end(scan, s, clause)
    else:
        first, end = s.first, s.content_end
    if frame[0] <= first + 1 and all(
        not parsed[j].text[:1].isalnum() for j in range(first, frame[0])
    ):
        first = frame[1]
    elif frame[1] >= end:
        end = frame[0]
    first, end = trim(parsed, first, end)
    if end - first < 2:
        return None
    lexicon = scan.rules.konjunktiv.lexicon  # the tagger may call "plant" an adverb (detect)
    if not any(parsed[j].is_verb or lexicon.is_finite(parsed[j]) for j in range(first, end)):
        return None
    return first, end


def _relative_verb_last(scan: DocumentScan, clause: Clause, finite: int) -> bool:
    """Whether ``clause`` is a relative clause whose noun does not stand right before its
    comma ("kündigten Stürme an, die stärker sein werden", "hat Filme angekündigt, die …
    ausgestattet sind"): a relative pronoun alone in the first field (no noun, adjective
    or number after it, as after the article of "…, die Gespräche seien …") and the finite
    verb not second. A content clause without an opener has its verb second."""
    parsed = scan.parsed
    first = parsed[clause.first]
    if first.text.lower() not in scan.rules.relative_pronouns or clause.first + 1 >= finite:
        return False
    nxt = parsed[clause.first + 1]
    return not (nxt.text[:1].isupper() or nxt.upos in ("ADJ", "NUM") or nxt.tag == "ADJA")
