"""Candidates of source words: "laut X", "X zufolge", "nach Angaben X", "…, so X",
"Demnach …" and reporting nouns ("die Forderung, …", "ein Bericht, wonach …").

In: a :class:`~.scan.DocumentScan`, a sentence and the index of the source word. Out: the
:class:`~.scan.Candidate` with its content, frame and speaker phrase.
"""

from __future__ import annotations

from quotes.detectors.indirect.clauses import finite_in, is_relative, is_zu_infinitive, trim_frame
from quotes.detectors.indirect.content import content_around, relative_content_end
from quotes.detectors.indirect.scan import Candidate, DocumentScan, TokenRange
from quotes.detectors.indirect.subjects import head_phrase, names_no_one, source_phrase_before
from quotes.detectors.syntax import (
    SentenceView,
    is_capitalised_noun,
    is_opening_mark,
    is_particle_name,
    noun_phrase_after,
    noun_phrase_before,
    phrase_range,
    trim,
)
from quotes.parse import ParsedDoc

__all__ = [
    "adverb_candidates",
    "around_source",
    "nach_candidates",
    "noun_candidates",
    "prefield_end",
    "so_candidates",
    "so_speaker",
    "source_candidates",
]


def source_candidates(scan: DocumentScan, s: SentenceView, i: int) -> list[Candidate]:
    parsed = scan.parsed
    token = parsed[i]
    clause = s.clause_of(i)
    low = token.text.lower()
    if low in scan.rules.source_postpositions:
        phrase = noun_phrase_before(parsed, i, clause.first, scan.rules.noun_phrases)
        if phrase is None and _lower_name_part(parsed, i - 1, clause.first):
            # "Einer Umfrage von Infratest dimap | zufolge": a name's lower-case part.
            phrase = noun_phrase_before(parsed, i - 1, clause.first, scan.rules.noun_phrases)
            phrase = (phrase[0], i) if phrase is not None else None
        if phrase is None:
            head = token.head if token.dep == "case" and token.head < i else None
            if head is not None and clause.first <= head:
                phrase = phrase_range(parsed, head, clause.first, i)
                if phrase[1] != i:
                    phrase = None
        if phrase is None:
            return []
        phrase = source_phrase_before(scan, phrase, clause.first)
        frame = (phrase[0], i + 1)
    else:
        # "laut" the adverb ("laut rufen") is lower case before a verb: not a cue.
        if i + 1 >= clause.end:
            return []
        nxt = parsed[i + 1]
        if is_opening_mark(nxt.text) and i + 2 < clause.end:
            nxt = parsed[i + 2]  # a name in marks: laut „Reuters“ (detect)
        if not (
            nxt.text[:1].isupper()
            or nxt.upos in ("DET", "PRON", "ADJ", "NUM")
            or is_particle_name(nxt, scan.rules.noun_phrases)  # "laut al-Dschaber"
        ):
            return []
        # The surface reading first: the tree often hangs the clause's words on the
        # source ("laut Behördenangaben 7.000 Menschen").
        phrase = noun_phrase_after(parsed, i + 1, clause.end, scan.rules.noun_phrases)
        if phrase is None:
            head = token.head if token.dep == "case" and token.head > i else None
            if head is not None and head < clause.end:
                phrase = phrase_range(parsed, head, i + 1, clause.end)
                if phrase[0] != i + 1 or phrase[1] <= phrase[0]:
                    phrase = None
        if phrase is None:
            return []
        frame = (i, phrase[1])
    if names_no_one(scan, phrase):
        return []  # "dem gestrigen Mittwoch zufolge": a date is no source
    return around_source(scan, s, i, frame, phrase)


def _lower_name_part(parsed: ParsedDoc, k: int, lo: int) -> bool:
    """Whether token ``k``, right before a postposition, is the lower-case part of a name
    that a capitalised noun opens ("Infratest dimap", "Sender al-Dschasira"): only a noun
    phrase in the dative stands before "zufolge", so a lower-case word there that is no
    pronoun, adjective, number or function word belongs to the name before it."""
    if k - 1 < lo:
        return False
    token = parsed[k]
    return (
        token.text[:1].islower()
        and token.text.replace("-", "").replace(".", "").isalpha()
        and token.upos in ("PROPN", "NOUN", "X", "ADV")
        and token.tag not in ("PAV", "PTKNEG", "PROAV")
        and is_capitalised_noun(parsed[k - 1])
    )


def around_source(
    scan: DocumentScan, s: SentenceView, i: int, frame: TokenRange, phrase: TokenRange
) -> list[Candidate]:
    """The indirect quotation around a source phrase ("laut X", "nach Angaben X")."""
    if frame[0] == i:
        end, phrase_end = prefield_end(scan, s, i, frame[1])
        if end > frame[1]:
            frame = (i, end)
            phrase = (phrase[0], max(phrase[1], trim(scan.parsed, phrase[0], phrase_end)[1]))
    content = content_around(scan, s, frame)
    if content is None:
        return []
    return [
        Candidate(
            "indirect", content, (i,), frame, phrase, None,
            scan.rules.default_source_medium, 0.8, s, source=True,
        )
    ]  # fmt: skip


def prefield_end(scan: DocumentScan, s: SentenceView, i: int, end: int) -> tuple[int, int]:
    """Where a source phrase that opens its sentence ends: before the main clause's finite
    verb, which follows the one constituent before it ("Nach Angaben von Kristján Loftsson,
    einem Manager der Firma, | wurde …", "Laut Innenminister Alfredo Pérez Rubalcaba |
    werden …"). The surface noun phrase stops at a name part the tagger does not know, an
    apposition or a relative clause; the corpus's frame always runs up to the content (199
    of 199 sentence-initial "laut"/"nach" Indirect quotations of the train split, detect).

    Returns the frame's end and the source phrase's end (which stops before a relative
    clause: "Nach Angaben der Ämter, | die … verglichen wurden, | beträgt …"); ``end`` for
    both when the source word does not open the sentence, or no finite verb follows within
    a bounded stretch of appositions and relative clauses.
    """
    parsed = scan.parsed
    if any(parsed[j].text[:1].isalnum() for j in range(s.first, i)):
        return end, end
    j = end
    phrase_end: int | None = None
    limit = min(s.content_end, end + scan.rules.prefield_max_tokens)
    while j < limit:
        token = parsed[j]
        if token.text in (":", ";"):
            return end, end
        if token.is_finite_verb and not scan.in_direct[j]:
            return j, j if phrase_end is None else phrase_end
        if (
            phrase_end is None
            and (token.upos == "ADP" or token.tag in ("APPR", "APPRART"))
            and not _name_complement(scan, j, s.content_end)
        ):
            # "Laut RENEWZ | unter Berufung auf CNN …": the frame runs on, the speaker
            # stops (the chain stage reads the sources named after it).
            phrase_end = j
        if token.text == "," and j + 1 < s.content_end:
            clause = s.clause_of(j + 1)
            if is_relative(scan, clause, j):
                phrase_end = j if phrase_end is None else phrase_end
                j = clause.end
                continue
            if parsed[clause.first].text.lower() in scan.rules.content_openers:
                return end, end
        j += 1
    return end, end


def _name_complement(scan: DocumentScan, j: int, end: int) -> bool:
    """Whether the preposition ``j`` joins a name's complement to its noun ("des
    Instituts | für | Wirtschaftsforschung", "des Zentrums | für | Europäische …"): one
    of ``name_complements`` after a capitalised noun, before a capitalised word."""
    parsed = scan.parsed
    return (
        parsed[j].text.lower() in scan.rules.name_complements
        and j + 1 < end
        and is_capitalised_noun(parsed[j - 1])
        and parsed[j + 1].text[:1].isupper()
    )


def nach_candidates(scan: DocumentScan, s: SentenceView, i: int) -> list[Candidate]:
    """ "nach Angaben der Polizei", "seiner Meinung nach"."""
    parsed = scan.parsed
    clause = s.clause_of(i)
    j = i + 1
    while j < clause.end and (parsed[j].upos in ("ADJ", "DET") or parsed[j].tag == "ADJA"):
        j += 1
    phrase: TokenRange | None = None
    if j < clause.end and scan.rules.is_nach_noun(parsed[j].text):
        phrase = noun_phrase_after(parsed, i + 1, clause.end, scan.rules.noun_phrases)
        if phrase is not None:
            end = phrase[1]
            # "nach Angaben von X" / "nach Angaben aus Regierungskreisen".
            if (
                end < clause.end
                and parsed[end].text.lower() in scan.rules.nach_extensions
                # "nach eigenen Angaben von zwei Männern angegriffen": the phrase names its
                # author already; "von" is the passive's agent.
                and not any(
                    parsed[k].text.lower() in scan.rules.own_adjectives for k in range(i, end)
                )
            ):
                more = noun_phrase_after(parsed, end + 1, clause.end, scan.rules.noun_phrases)
                if more is not None:
                    end = more[1]
            phrase = (phrase[0], end)
            frame = (i, phrase[1])
    elif (
        i > clause.first
        and scan.rules.is_nach_noun(parsed[i - 1].text)
        and not (i + 1 < clause.end and (parsed[i + 1].upos == "DET" or parsed[i + 1].tag == "ART"))
    ):
        # A postposition: "Seiner Meinung nach hätte …"; before an article "nach" is the
        # preposition of what follows ("Statistiken nach der Katastrophe"; train: 2 such,
        # neither a cue, detect).
        phrase = noun_phrase_before(parsed, i, clause.first, scan.rules.noun_phrases)
        if phrase is None:
            return []
        phrase = source_phrase_before(scan, phrase, clause.first)
        frame = (phrase[0], i + 1)
    if phrase is None:
        return []
    return around_source(scan, s, i, frame, phrase)


def so_candidates(scan: DocumentScan, s: SentenceView, i: int) -> list[Candidate]:
    """ "…, so der Sprecher." — "so" after a comma, a noun phrase, no finite verb."""
    parsed = scan.parsed
    if i + 1 >= s.content_end:
        return []
    nxt = parsed[i + 1]
    if not (nxt.text[:1].isupper() or nxt.text.lower() in scan.rules.pronouns or nxt.upos == "DET"):
        return []
    if nxt.upos in ("VERB", "AUX", "ADV", "SCONJ", "CCONJ"):
        return []
    # The frame runs to the sentence's end, or to a comma after which the content
    # goes on with a finite verb: "Sein Rivale, so Obama weiter, würde …".
    frame_end = s.content_end
    relative = False  # "…, so Celebi, die auch angab, dass …": the clause is the speaker's
    for later in s.clauses_after(i):
        if later.boundary_before is None:
            continue
        relative = is_relative(scan, later, later.boundary_before)
        if relative or finite_in(scan, later) is not None:
            frame_end = later.boundary_before
            break
    for j in range(i + 1, frame_end):
        if parsed[j].is_finite_verb and not scan.in_direct[j]:
            return []
    phrase = so_speaker(scan, s, i, frame_end)
    if phrase is None:
        return []
    if frame_end < s.content_end and not relative:
        frame = (i - 1, frame_end + 1)
        content = trim(parsed, s.first, s.content_end)
    else:
        frame = (i - 1, frame_end)
        content = trim(parsed, s.first, i - 1)
    if content[1] <= content[0]:
        return []
    return [
        Candidate(
            "indirect", content, (i,), frame, phrase, None,
            scan.rules.default_source_medium, 0.85, s,
        )
    ]  # fmt: skip


def so_speaker(scan: DocumentScan, s: SentenceView, i: int, end: int) -> TokenRange | None:
    parsed = scan.parsed
    for j in range(i + 1, end):
        token = parsed[j]
        if token.upos in ("NOUN", "PROPN", "PRON") or token.text[:1].isupper():
            if token.upos == "DET":
                continue
            # The head of the phrase: climb while the head stays inside the frame.
            head = j
            for _ in range(4):
                up = parsed[head].head
                if (
                    up == head
                    or not i < up < end
                    or parsed[head].dep
                    not in (
                        "flat",
                        "flat:name",
                        "compound",
                        "appos",
                    )
                ):
                    break
                head = up
            first, last = phrase_range(parsed, head, i + 1, end)
            if last > first:
                return first, last
            return noun_phrase_after(parsed, i + 1, end, scan.rules.noun_phrases)
    return None


def adverb_candidates(scan: DocumentScan, s: SentenceView, i: int) -> list[Candidate]:
    """ "Demnach hat …" (and "Danach sei …" with a Konjunktiv)."""
    parsed = scan.parsed
    low = parsed[i].text.lower()
    clause = s.clause_of(i)
    if low in scan.rules.source_adverbs_konjunktiv:
        finite = finite_in(scan, clause)
        if finite is None or scan.rules.konjunktiv.strength(parsed, parsed[finite]) != "strong":
            return []
    # The tagger may call a clause-initial "Demnach" a name; first in its clause it is the
    # adverb (detect).
    if (
        parsed[i].upos not in ("ADV", "")
        and parsed[i].tag not in ("PAV", "PROAV", "ADV")
        and i != clause.first
    ):
        return []
    frame = (i, i + 1)
    content = content_around(scan, s, frame)
    if content is None:
        return []
    # The corpus marks the adverb itself as the speaker mention; it points back to the
    # source named before, whose name the frame takes (see ``_frame``).
    return [
        Candidate(
            "indirect", content, (i,), frame, (i, i + 1), None,
            scan.rules.default_source_medium, 0.6, s, speaker_points_back=True,
        )
    ]  # fmt: skip


def noun_candidates(scan: DocumentScan, s: SentenceView, i: int) -> list[Candidate]:
    """ "die Forderung, …", "der Vorwurf, dass …", "ein Bericht, wonach …"."""
    parsed = scan.parsed
    if i + 2 >= s.end or parsed[i + 1].text != ",":
        return []
    clause = s.clause_of(i + 2)
    word = parsed[i + 2].text.lower()
    cue: tuple[int, ...]
    if word in scan.rules.relative_openers:
        content_first = i + 3
        cue = (i + 2,)
        speaker = noun_phrase_before(parsed, i + 1, s.clause_of(i).first, scan.rules.noun_phrases)
    elif (
        word in scan.rules.conjunction_openers
        or (parsed[i].text in scan.rules.infinitive_nouns and is_zu_infinitive(scan, clause))
        or (
            finite_in(scan, clause) is not None
            and scan.rules.konjunktiv.strength(parsed, parsed[finite_in(scan, clause) or 0])
            == "strong"
            # "die Forderung, die …" opens a relative clause; "der Meinung, die Umleitung
            # sei …" an article of the content clause's subject.
            and (word not in scan.rules.relative_pronouns or parsed[i + 2].upos == "DET")
        )
    ):
        content_first = i + 2
        cue = (i - 1, i) if i > s.first and parsed[i - 1].upos == "DET" else (i,)
        speaker = None
        for child in parsed.children(i, "nmod", "nmod:poss"):
            if child.i > i + 1:
                continue
            speaker = head_phrase(scan, child.i, s.first, i + 1)
    else:
        return []
    end = relative_content_end(scan, s, clause)
    if end <= content_first:
        return []
    content = trim(parsed, content_first, end)
    frame = trim_frame(parsed, s.first, content[0])
    return [
        Candidate(
            "indirect", content, cue, frame, speaker, None,
            scan.rules.default_source_medium, 0.55, s,
        )
    ]  # fmt: skip
