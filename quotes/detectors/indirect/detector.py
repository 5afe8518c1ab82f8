"""The indirect speech detector: per sentence, the candidates each cue pattern finds.

:class:`IndirectDetector` holds the compiled rules; :meth:`IndirectDetector.detect` builds
a :class:`~.scan.DocumentScan`, asks :func:`sentence_candidates` for each sentence (which
dispatches a token to the pattern that its word calls for: :mod:`.source_cues` for "laut",
"nach", "so", source adverbs and reporting nouns, :mod:`.verb_cues` for verbs), keeps the
best candidates that do not overlap (:func:`choose`) and hands them to
:func:`.continuation.frames`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.detectors.indirect.continuation import frames
from quotes.detectors.indirect.scan import (
    Candidate,
    DocumentScan,
    is_unparsed,
    is_verb,
    mostly_direct,
    overlaps,
)
from quotes.detectors.indirect.source_cues import (
    adverb_candidates,
    nach_candidates,
    noun_candidates,
    so_candidates,
    source_candidates,
)
from quotes.detectors.indirect.verb_cues import back_reference, reported_candidate, verb_candidates
from quotes.detectors.lexicon import DetectorRules
from quotes.detectors.syntax import SentenceView
from quotes.document import Document
from quotes.parse import ParsedDoc
from quotes.pipeline.cues import CueLexicon
from quotes.pipeline.entities import MentionResolver, Resolution
from quotes.pipeline.speakers import Frame
from quotes.rules import RuleData, compiled

__all__ = ["IndirectDetector", "choose", "detect", "sentence_candidates"]


class IndirectDetector:
    """Finds indirect, reported and free indirect speech in a parsed document.

    Build it once (``from_rules``) and call :meth:`detect` per document; it holds no
    per-document state.
    """

    def __init__(self, rules: DetectorRules) -> None:
        self.rules = rules

    @classmethod
    def from_rules(cls, rules: RuleData, cues: CueLexicon) -> IndirectDetector:
        return cls(DetectorRules.from_rules(rules, cues))

    # -- the document -----------------------------------------------------------------------
    def detect(
        self,
        parsed: ParsedDoc,
        doc: Document,
        direct_frames: Sequence[Frame],
        resolver: MentionResolver,
        resolution: Resolution,
    ) -> tuple[tuple[Frame, ...], Resolution]:
        """Frames of the indirect, reported and free indirect speech in ``doc``, and the
        resolution after their speakers.

        ``parsed`` must be a parse of ``doc.text``; ``direct_frames`` are the direct
        quotations already found (their quotes are never cues, and a candidate that is
        mostly a direct quote is left to it); ``resolver`` names the speakers, in turn
        after those ``resolution`` holds (speakers quoted earlier).
        """
        if parsed.text != doc.text:
            raise ValueError("the parse is of another text than the document")
        if not len(parsed):
            return (), resolution
        scan = DocumentScan(self.rules, parsed, doc, direct_frames, resolver.lexicon)
        # A sentence that parse on demand left unparsed holds none of the trigger words,
        # which are the cue words of these detectors: no candidate is looked for in it.
        candidates = [
            [] if is_unparsed(parsed, s) else sentence_candidates(scan, s) for s in scan.sentences
        ]
        for found in candidates:
            if found and found[0].absorbs_previous:
                candidates[found[0].sentence.index - 1] = []
        return frames(scan, candidates, resolver, resolution)


def detect(
    parsed: ParsedDoc,
    doc: Document,
    direct_frames: Sequence[Frame],
    cues: CueLexicon,
    resolver: MentionResolver,
    resolution: Resolution,
    rules: RuleData,
) -> tuple[tuple[Frame, ...], Resolution]:
    """Frames of the indirect, reported and free indirect speech in ``doc``.

    A convenience over :class:`IndirectDetector`: the detector is compiled once per rule
    set and kept with it (:meth:`quotes.rules.Rules.compiled`) when ``cues`` is the rules'
    own cue lexicon; other cues get a detector of their own.
    """
    ruled = compiled(rules, _rules_detector)
    if ruled[0] == cues:
        return ruled[1].detect(parsed, doc, direct_frames, resolver, resolution)
    detector = IndirectDetector.from_rules(rules, cues)
    return detector.detect(parsed, doc, direct_frames, resolver, resolution)


def _rules_detector(rules: RuleData) -> tuple[CueLexicon, IndirectDetector]:
    cues = compiled(rules, CueLexicon.from_rules)
    return cues, IndirectDetector.from_rules(rules, cues)


def sentence_candidates(scan: DocumentScan, s: SentenceView) -> list[Candidate]:
    back = back_reference(scan, s)
    # "Auf Twitter schrieb X, das Gesetz sei ein Meilenstein. Das bestätigte ein Sprecher.":
    # a sentence before that holds speech with a cue of its own is X's quotation, not the
    # Sprecher's (taking it would give it a wrong speaker and lose X's).
    if back is not None and not _cue_candidates(scan, scan.sentences[s.index - 1]):
        return [back]
    chosen = _cue_candidates(scan, s)
    if not chosen:
        reported = reported_candidate(scan, s)
        if reported is not None:
            chosen = [reported]
    return chosen


def _cue_candidates(scan: DocumentScan, s: SentenceView) -> list[Candidate]:
    """The candidates of the cue words in ``s``, chosen (no back reference, no reported
    speech)."""
    found: list[Candidate] = []
    tokens, in_direct = scan.parsed.tokens, scan.in_direct
    lower_words, written_words = scan.rules.cue_words
    for i in range(s.first, s.end):
        if in_direct[i]:
            continue
        token = tokens[i]
        low = token.text.lower()
        if not (
            low in lower_words
            or low == "nach"
            or low == "so"
            or token.text in written_words
            or token.upos in _VERBAL
            or token.tag[:1] == "V"
        ):
            # None of the branches below applies (the verb test is is_verb's or a "V" tag):
            # most tokens of a sentence, skipped with two set lookups.
            continue
        if low in scan.rules.source_prepositions or low in scan.rules.source_postpositions:
            found.extend(source_candidates(scan, s, i))
        elif low == "nach":
            found.extend(nach_candidates(scan, s, i))
        elif low == "so" and i > s.first and scan.parsed[i - 1].text == ",":
            found.extend(so_candidates(scan, s, i))
        elif low in scan.rules.source_adverbs or low in scan.rules.source_adverbs_konjunktiv:
            found.extend(adverb_candidates(scan, s, i))
        elif token.text in scan.rules.reporting_nouns:
            found.extend(noun_candidates(scan, s, i))
        elif (
            is_verb(token)
            or token.tag.startswith("V")
            or token.text in scan.rules.cue_forms
            or token.text in scan.rules.irregular
        ):
            found.extend(verb_candidates(scan, s, i))
    return choose(scan, s, found)


_VERBAL = ("VERB", "AUX")


def choose(scan: DocumentScan, s: SentenceView, found: list[Candidate]) -> list[Candidate]:
    if not scan.rules.source_layer_around_speech:
        found = [c for c in found if not _around_speech(scan, c, found)]
    chosen: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (-c.confidence, c.content[0] - c.content[1])):
        if mostly_direct(scan, candidate.content):
            continue
        keep = True
        for index, c in enumerate(chosen):
            if not (
                overlaps(candidate.content, c.content)
                or any(c.content[0] <= k < c.content[1] for k in candidate.cue)
            ):
                continue
            layered = layered_pair(candidate, c)
            if layered is None:
                keep = False
                break
            candidate, chosen[index] = layered
        if keep:
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: (c.content[0], -c.content[1]))


def _around_speech(scan: DocumentScan, source: Candidate, found: list[Candidate]) -> bool:
    """Whether ``source`` is a source word whose quote holds a verb of saying with its own
    speaker, cue and content ("Putin sagte nach Angaben der Agentur Interfax, Russland sei
    bereit", "Laut Tass fügte er hinzu, man werde reagieren"): the source is the outlet of
    that quotation (its chain), not a second speaker of it. A source whose quote holds a
    verb of its own besides the speech's cue reports more than the speech and stays."""
    if not source.source:
        return False
    for other in found:
        if (
            other.source
            or other.speaker is None
            or other.content == source.content
            or mostly_direct(scan, other.content)
            or not within(other.content, source.content)
            or (source.frame is not None and within(source.frame, other.content))
            or not all(source.content[0] <= k < source.content[1] for k in other.cue)
        ):
            continue
        if source.speaker is not None and within(other.speaker, source.speaker):
            continue
        # The source reports more than the speech: "Nach Angaben der Polizei habe der Mann
        # begonnen, Flugblätter zu verteilen, und verlangt, …" keeps both (train 12438).
        if any(
            scan.parsed[j].upos == "VERB" and j not in other.cue
            for j in range(source.content[0], source.content[1])
            if not other.content[0] <= j < other.content[1]
        ):
            continue
        return True
    return False


def layered_pair(a: Candidate, b: Candidate) -> tuple[Candidate, Candidate] | None:
    """``a`` and ``b`` when they are two layers of one report, a source and a verb of
    saying (the source's quote clipped to the verb's), else None.

    "Laut BBC | sagte der Minister, | dass …": the source's quote holds the verb's cue
    and quote. "Wie Steg mitteilte, | ist X nach Auffassung der Kanzlerin unverzichtbar":
    the verb's quote holds the source's frame, and the source reports that quote only.
    The corpus annotates both layers (train: 16 such pairs, detect).
    """
    if a.source == b.source:
        return None
    source, other = (a, b) if a.source else (b, a)
    if source.frame is None:
        return None
    first, end = other.content
    if first <= source.frame[0] and source.frame[1] < end:
        clipped = attrs.evolve(
            source, content=(max(first, source.content[0]), min(end, source.content[1]))
        )
        return (clipped, b) if a.source else (a, clipped)
    if within(other.content, source.content) and all(
        source.content[0] <= k < source.content[1] for k in other.cue
    ):
        return a, b
    return None


def within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
