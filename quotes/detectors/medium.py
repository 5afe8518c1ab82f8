"""The medium of a quotation from who speaks: reports and papers write.

The cue gives most quotations their medium ("sagte" Speech, "schrieb" Writing); source
prepositions ("laut", "nach", "zufolge") and cue-less continuations give none that
fits, and the detectors fall back to "SW" or "Speech". The speaker settles many of
them: "laut einem Bericht der Zeitung", "dem Gutachten zufolge" quote something
written. A frame whose speaker mention ends in a noun of writing (``writing_nouns`` in
``rules/<lang>/quotations.toml``: "Bericht", "Studie", compounds such as
"Zeitungsbericht" included) or whose head noun is one ("laut einem Bericht der
Menschenrechtsorganisation": one of its first two capitalised words), gets the medium
"Writing" unless its cue already said Writing or Thought. A person's words get
``person_medium`` (not a "person" named like an abbreviation: "laut BKA") unless the
mention is information about them ("nach Angaben des Sprechers": it opens with one of
the ``nach_nouns`` of ``indirect.toml``). A mention
one of whose first two capitalised words ends in a noun of speech (``speech_nouns``: "nach
Aussagen der Zeugin", "Zeugenaussagen zufolge", "nach Angaben von Augenzeugen") is spoken:
"Speech"; a cue word of text that stands written (``written_cue_words``: "Darin steht:
„…“") is "Writing". A quotation that has no
medium at all (a Konjunktiv passage with neither cue nor speaker before it) gets
``unknown_medium``. The words beside the quotation tell its medium too: a frame with a word
of written channels (``writing_frames``: "in einem Brief an …", "auf Twitter", "auf seiner
Website"; compounds ending in one count, "Abschiedsbrief") is "Writing"; one with a word
of statements (``statement_frames``, whole words: "in einer Pressemitteilung", "in einer
Erklärung", not "Regierungserklärung", a speech) is "SW", the corpus's medium of
statements that may be read out or handed out, before a person's words are taken for
spoken. A statement as the speaker ("laut einer Pressemitteilung des Ministeriums", "heißt
es in einer Erklärung", whole words of ``statement_frames``) is "SW" before the nouns of
writing; a cue holding a noun of opinion ("ist der Meinung") is "ST". A speaker whose frame
names a channel used it for their other quotations of the document as well: those that
say Speech or SW, name no channel themselves and whose cue is no verb of speaking
(``spoken_cues``: "sagte") take the speaker's channel. After the outlet stage, a speaker
that is an outlet gets the medium of its type (``outlets.toml`` ``[media]``: papers write,
broadcasters speak). Constant work per frame, two passes over the document's frames.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from quotes.pipeline.speakers import Frame
from quotes.rules import RuleData

__all__ = ["MediumRules", "refine_medium"]

# Media the speaker does not override: the cue said so already, or it is not speech.
_KEEP = frozenset({"Writing", "Thought", "ST", "TW", "SWT"})
_WRITING = "Writing"
_THOUGHT_OR_SPEECH = "ST"
_SPEECH = "Speech"
_SPEECH_OR_WRITING = "SW"
# Media that a speaker's channel named elsewhere replaces (see _carry_channels).
_CARRIED = frozenset({_SPEECH, _SPEECH_OR_WRITING})
# The channels that carry: a spoken frame ("im Interview") only stops them.
_CHANNELS = frozenset({_WRITING, _SPEECH_OR_WRITING})


@attrs.frozen
class MediumRules:
    """Nouns of writing, lower case, matched as the end of the speaker's last word; nouns
    of opinion, matched among its first words; the medium a person's words get."""

    writing_nouns: tuple[str, ...]
    thought_nouns: frozenset[str] = frozenset()
    person_medium_from: str = ""
    person_medium: str = ""
    #: Nouns of information ("Angaben", "Polizeiangaben"): a person's mention that opens
    #: with one is what they gave, not their words (lower case; suffixes of compounds).
    information_nouns: frozenset[str] = frozenset()
    information_suffixes: tuple[str, ...] = ()
    #: ``outlets.toml`` ``[media]``: the medium by outlet type, and the media it replaces.
    outlet_media: Mapping[str, str] = attrs.field(factory=dict)
    outlet_replaces: frozenset[str] = frozenset()
    #: Nouns of speech ("Aussagen"), lower case, matched as the end of the mention's first
    #: capitalised word ("Zeugenaussagen"); and the medium of a quotation that has none.
    speech_nouns: tuple[str, ...] = ()
    unknown_medium: str | None = None
    #: Words of the frame (lower case, matched as the end of a capitalised word): written
    #: channels ("Brief", "Twitter") and statements ("Pressemitteilung", "Erklärung").
    writing_frames: tuple[str, ...] = ()
    statement_frames: tuple[str, ...] = ()
    #: Starts of cue words that name speech itself ("sag": "sagte", "gesagt"): such a
    #: quotation keeps its medium when its speaker's other frames name a channel.
    spoken_cues: tuple[str, ...] = ()
    #: Starts of cue words that name writing ("schrieb", "geschrieben"): a channel too.
    written_cues: tuple[str, ...] = ()
    #: Frame words of spoken channels ("Interview", "Pressekonferenz"), matched as the end
    #: of a capitalised word: Speech, and no other channel carries onto such a quotation.
    spoken_frames: tuple[str, ...] = ()
    #: Cue words (whole, lower case) of statements: "hieß es" is SW where "heißt es (in
    #: dem Bericht)" is Writing; and source words after which a person's words keep the
    #: source's medium ("X zufolge": SW, not person_medium).
    statement_cues: frozenset[str] = frozenset()
    source_cues_kept: frozenset[str] = frozenset()
    #: Nouns of publications ("Gutachten", "Zeitung": the end of a capitalised word) and the
    #: prepositions before them ("in", "im"): words that stood in a publication were
    #: written ("kritisierte in seinem Gutachten", "schrieb in der Tageszeitung …"); only
    #: the prepositional phrase's own nouns count ("im Interview mit der Zeitung" is spoken).
    publication_nouns: tuple[str, ...] = ()
    publication_prepositions: frozenset[str] = frozenset()
    #: Starts of cue words after which a person's words keep the cue's SW as well:
    #: demands and criticism ("forderte", "kritisierte") are statements, said or written.
    person_kept_cues: tuple[str, ...] = ()
    #: Starts of cue words of declarations ("erklärte"): an organisation's are statements,
    #: said or written (SW), where a person's stay spoken.
    organization_statement_cues: tuple[str, ...] = ()
    #: ``outlets.toml`` ``[media]`` ``speech_not_after``: cue words (whole, lower case)
    #: after which an outlet's type gives no Speech ("laut ZDF": what the broadcaster
    #: reported, said or written).
    outlet_speech_not_after: frozenset[str] = frozenset()
    #: News reports as the speaker ("laut einer Agenturmeldung", "einer dpa-Meldung"; lower
    #: case, matched as the end of a word of the mention): SW like a statement.
    report_nouns: tuple[str, ...] = ()
    #: Cue words (whole, lower case) of words that stand written somewhere ("Darin steht:
    #: „…“", "Auf dem Schild stand: …"): Writing, and a channel like ``written_cues``.
    written_cue_words: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: RuleData) -> MediumRules:
        section: Mapping[str, Any] = rules.get("quotations", {})
        values = section.get("writing_nouns", ())
        words = tuple(
            sorted({v.lower() for v in values if isinstance(v, str) and v}, key=len, reverse=True)
        )
        thought = frozenset(str(v).lower() for v in section.get("thought_nouns", ()))
        sources: Mapping[str, Any] = rules.get("indirect", {}).get("sources", {})
        media: Mapping[str, Any] = rules.get("outlets", {}).get("media", {})
        return cls(
            words,
            thought,
            str(section.get("person_medium_from", "")),
            str(section.get("person_medium", "")),
            frozenset(str(v).lower() for v in sources.get("nach_nouns", ())),
            tuple(str(v).lower() for v in sources.get("nach_suffixes", ())),
            {str(k): str(v) for k, v in dict(media.get("by_type", {})).items()},
            frozenset(str(v) for v in media.get("replaces", ())),
            tuple(
                sorted(
                    {str(v).lower() for v in section.get("speech_nouns", ()) if v},
                    key=len,
                    reverse=True,
                )
            ),
            str(section["unknown_medium"]) if section.get("unknown_medium") else None,
            _lowered(section.get("writing_frames", ())),
            _lowered(section.get("statement_frames", ())),
            _lowered(section.get("spoken_cues", ())),
            _lowered(section.get("written_cues", ())),
            _lowered(section.get("spoken_frames", ())),
            frozenset(_lowered(section.get("statement_cues", ()))),
            frozenset(_lowered(section.get("person_medium_not_after", ()))),
            _lowered(section.get("publication_nouns", ())),
            frozenset(_lowered(section.get("publication_prepositions", ()))),
            _lowered(section.get("person_medium_not_with", ())),
            _lowered(section.get("organization_statement_cues", ())),
            frozenset(_lowered(media.get("speech_not_after", ()))),
            _lowered(section.get("report_nouns", ())),
            frozenset(_lowered(section.get("written_cue_words", ()))),
        )

    def of_outlet(
        self, medium: str | None, source_type: str | None, frame: Frame | None = None
    ) -> str | None:
        """The medium of a quotation whose speaker is an outlet of ``source_type`` (None:
        the speaker is no outlet): papers write, broadcasters speak, where the cue said no
        more than one of the replaced media; not Speech after a cue word of
        ``outlet_speech_not_after`` in ``frame``'s cue ("laut ZDF")."""
        if source_type is None or (medium or "none") not in self.outlet_replaces:
            return medium
        typed = self.outlet_media.get(source_type, medium)
        if typed == _SPEECH and frame is not None and _cue_is(frame, self.outlet_speech_not_after):
            return medium
        return typed

    def thinks(self, frame: Frame) -> bool:
        """Whether the speaker mention opens with a noun of opinion ("Ansicht der …",
        "seiner Meinung nach": its first three words)."""
        speaker = frame.speaker
        if not self.thought_nouns or speaker is None or speaker.mention is None:
            return False
        words = speaker.mention.text.split()[:3]
        return any(w.strip("„“”\"'»«()").lower() in self.thought_nouns for w in words)

    def medium_of(self, frame: Frame) -> str | None:
        """The refined medium of ``frame`` (its own where no rule applies)."""
        medium = self._refined(frame)
        return medium if medium is not None else self.unknown_medium

    def _refined(self, frame: Frame) -> str | None:
        # A statement as the speaker ("laut einer Pressemitteilung des Ministeriums", "heißt
        # es in einer Erklärung"): said or written, even where "heißt es" said Writing.
        if (frame.medium not in _KEEP or frame.medium == _WRITING) and (
            self.states(frame) or _cue_is(frame, self.statement_cues)
        ):
            return _SPEECH_OR_WRITING
        if frame.medium in _KEEP:
            return frame.medium
        if (
            self.writes(frame)
            or self._framed(frame, self.writing_frames)
            or self.published(frame)
            or _cue_is(frame, self.written_cue_words)
        ):
            return _WRITING
        if self.thinks(frame) or self._cue_thinks(frame):
            return _THOUGHT_OR_SPEECH
        if self.speaks(frame) or self._framed(frame, self.spoken_frames):
            return _SPEECH
        if self._framed(frame, self.statement_frames, compounds=False):
            return _SPEECH_OR_WRITING
        speaker = frame.speaker
        if (
            speaker is not None
            and speaker.type == "organization"
            and _cue_starts(frame, self.organization_statement_cues)
        ):
            return _SPEECH_OR_WRITING
        if (
            self.person_medium
            and frame.medium == self.person_medium_from
            and speaker is not None
            and speaker.type == "person"
            and not self.informs(frame)
            and not _cue_is(frame, self.source_cues_kept)
            and not _cue_starts(frame, self.person_kept_cues)
            and not _acronym(speaker.name)
        ):
            return self.person_medium
        return frame.medium

    def _framed(self, frame: Frame, nouns: tuple[str, ...], *, compounds: bool = True) -> bool:
        """Whether a capitalised word of ``frame``'s frame (the words beside the quote,
        its speaker's included) is one of ``nouns`` or, with ``compounds``, ends in one."""
        if not nouns or frame.frame is None:
            return False
        words = _frame_nouns(frame.frame.text)
        if compounds:
            return any(w.endswith(nouns) for w in words)
        return any(w in nouns for w in words)

    def published(self, frame: Frame) -> bool:
        """Whether the frame names a publication the words stood in: a preposition of
        ``publication_prepositions`` whose noun phrase (the capitalised words right after it
        and its article or pronoun: "in der Ostberliner Tageszeitung „…“") holds a word ending
        in one of ``publication_nouns``. Not with a verb of speaking ("sagte X im „Bericht aus
        Berlin“": a broadcast)."""
        if not self.publication_nouns or frame.frame is None or self.spoken_cue(frame):
            return False
        return _published(frame.frame.text, self.publication_nouns, self.publication_prepositions)

    def states(self, frame: Frame) -> bool:
        """Whether a capitalised word of the speaker mention is a statement word, whole
        (``statement_frames``: "einer Pressemitteilung des Verbands"), or ends in a noun
        of news reports (``report_nouns``: "einer dpa-Meldung", "Agenturmeldungen")."""
        speaker = frame.speaker
        if speaker is None or speaker.mention is None:
            return False
        words = _words(speaker.mention.text)
        if self.report_nouns and any(w.lower().endswith(self.report_nouns) for w in words):
            return True  # "Agenturmeldungen", "einer dpa-Meldung"
        return any(w[:1].isupper() and w.lower() in self.statement_frames for w in words)

    def _cue_thinks(self, frame: Frame) -> bool:
        """Whether a word of the cue is a noun of opinion ("ist der Meinung", "vertritt
        die Auffassung")."""
        if not self.thought_nouns or frame.cue is None:
            return False
        return any(
            w.lower() in self.thought_nouns for part in frame.cue.parts for w in _words(part.text)
        )

    def frame_medium(self, frame: Frame) -> str | None:
        """The medium that the frame's own words give (a written channel or a verb of
        writing: Writing; a statement: SW; a spoken one, "im Interview": Speech), None
        where they name none."""
        if (
            self._framed(frame, self.writing_frames)
            or _cue_starts(frame, self.written_cues)
            or _cue_is(frame, self.written_cue_words)
            or self.published(frame)
        ):
            return _WRITING
        if self._framed(frame, self.statement_frames, compounds=False):
            return _SPEECH_OR_WRITING
        if self._framed(frame, self.spoken_frames):
            return _SPEECH
        return None

    def spoken_cue(self, frame: Frame) -> bool:
        """Whether the cue is a verb of speaking itself (``spoken_cues``, the start of one
        of its words: "sagte", "gesagt")."""
        return _cue_starts(frame, self.spoken_cues)

    def speaks(self, frame: Frame) -> bool:
        """Whether one of the speaker mention's first two capitalised words is a noun of
        speech: its head ("nach Aussagen der Anwältin", "Zeugenaussagen zufolge", "gemäß
        einem Augenzeugen") or the one whose information it is ("nach Angaben von
        Augenzeugen")."""
        speaker = frame.speaker
        if not self.speech_nouns or speaker is None or speaker.mention is None:
            return False
        heads = [w for w in _words(speaker.mention.text) if w[:1].isupper()][:2]
        return any(w.lower().endswith(self.speech_nouns) for w in heads)

    def informs(self, frame: Frame) -> bool:
        """Whether the speaker mention opens with a noun of information ("Angaben des
        Sprechers", "Polizeiangaben"): its first capitalised word."""
        speaker = frame.speaker
        if speaker is None or speaker.mention is None:
            return False
        first = next((w for w in _words(speaker.mention.text) if w[:1].isupper()), "")
        lowered = first.lower()
        return bool(first) and (
            lowered in self.information_nouns
            or bool(self.information_suffixes and lowered.endswith(self.information_suffixes))
        )

    def writes(self, frame: Frame) -> bool:
        """Whether the speaker mention ends in a noun of writing or has one as its head (one
        of its first two capitalised words: "einem Bericht der Zeitung", "Der Brief")."""
        speaker = frame.speaker
        if speaker is None:
            return False
        if speaker.mention is None or not self.writing_nouns:
            return False
        words = _words(speaker.mention.text)
        if not words:
            return False
        heads = [words[-1], *[w for w in words if w[:1].isupper()][:2]]
        return any(w.lower().endswith(self.writing_nouns) for w in heads)


def _acronym(name: str) -> bool:
    """Whether ``name`` is written like an abbreviation ("BKA", "SdK", "IGDRB"): one word
    of two to six letters, at least two of them capitals, starting with one. A speaker
    so named is an organisation whatever type the resolver gave it ("Laut DKG …")."""
    return (
        2 <= len(name) <= 6
        and name.isalpha()
        and name[0].isupper()
        and sum(c.isupper() for c in name) >= 2
    )


def _cue_starts(frame: Frame, starts: tuple[str, ...]) -> bool:
    """Whether a word of ``frame``'s cue starts with one of ``starts`` (lower case)."""
    if not starts or frame.cue is None:
        return False
    return any(w.lower().startswith(starts) for part in frame.cue.parts for w in _words(part.text))


def _cue_is(frame: Frame, words: frozenset[str]) -> bool:
    """Whether a word of ``frame``'s cue is one of ``words`` (lower case, whole)."""
    if not words or frame.cue is None:
        return False
    return any(w.lower() in words for part in frame.cue.parts for w in _words(part.text))


def _lowered(values: Any) -> tuple[str, ...]:
    """Lower-case words, longest first (``str.endswith`` takes the tuple)."""
    return tuple(sorted({str(v).lower() for v in values if v}, key=len, reverse=True))


# A frame is asked for several lists of nouns (writing, speaking, statements) on every pass
# of the medium rules: its words are read once. Bounded, so a long stream stays flat.
@functools.lru_cache(maxsize=4096)
def _frame_nouns(text: str) -> tuple[str, ...]:
    """The capitalised words of a frame, lower-cased, without the punctuation after them
    ("vor Journalisten, …", "auf Twitter:")."""
    return tuple(w.rstrip(",.;:!?").lower() for w in _words(text) if w[:1].isupper())


@functools.lru_cache(maxsize=4096)
def _published(text: str, nouns: tuple[str, ...], prepositions: frozenset[str]) -> bool:
    """Whether a word of ``prepositions`` in ``text`` is followed, after at most one
    lower-case word (its article or pronoun), by a run of capitalised words one of which
    ends in one of ``nouns``."""
    words = [w.rstrip(",.;:!?") for w in _words(text)]
    for i, word in enumerate(words):
        if word.lower() not in prepositions:
            continue
        rest = words[i + 1 : i + 6]
        if rest and not rest[0][:1].isupper():
            rest = rest[1:]
        for noun in rest:
            if not noun[:1].isupper():
                break
            if noun.lower().endswith(nouns):
                return True
    return False


def _words(text: str) -> list[str]:
    """The words of a mention without the quotation marks and brackets around them."""
    return [w for w in (w.strip("„“”\"'»«()") for w in text.split()) if w]


def refine_medium(frames: Sequence[Frame], rules: MediumRules) -> tuple[Frame, ...]:
    """``frames`` with the medium their speaker gives (see the module notes), then with
    the channel their speaker's other frames name (:func:`_carry_channels`)."""
    media = _carry_channels(frames, [rules.medium_of(f) for f in frames], rules)
    return tuple(
        attrs.evolve(f, medium=medium) if medium != f.medium else f
        for f, medium in zip(frames, media, strict=True)
    )


def _speaker_key(frame: Frame) -> str:
    return frame.speaker.name if frame.speaker is not None else ""


def _carry_channels(
    frames: Sequence[Frame], media: list[str | None], rules: MediumRules
) -> list[str | None]:
    """A speaker whose frame names a channel ("In einer Pressemitteilung erklärte X, …":
    SW; "X schrieb auf Twitter": Writing) used it for their other quotations of the
    document too, where those say no more than Speech or SW and name no channel and no
    verb of speaking of their own ("Die Lage sei ernst." after the frame; not "…, sagte
    X"), nor continue, without a cue, words of theirs that were spoken ("X erklärte vor
    Journalisten, … Die Fraktion stehe hinter ihm."). The most frequent channel of the
    speaker's frames, none on a tie. Linear after one sort by position."""
    named: dict[str, Counter[str]] = {}
    for frame, medium in zip(frames, media, strict=True):
        key = _speaker_key(frame)
        channel = rules.frame_medium(frame) if key else None
        if channel is not None and channel == medium and channel in _CHANNELS:
            named.setdefault(key, Counter())[channel] += 1
    if not named:
        return media
    out = list(media)
    # Whether the speaker's last quotation with a cue before this one was spoken.
    spoken_before: dict[str, bool] = {}
    for i in sorted(range(len(frames)), key=lambda j: frames[j].quote.start):
        frame = frames[i]
        key = _speaker_key(frame)
        spoken = rules.spoken_cue(frame) or rules.frame_medium(frame) == _SPEECH
        continues_speech = frame.cue is None and spoken_before.get(key, False)
        if frame.cue is not None:
            spoken_before[key] = spoken
        counts = named.get(key)
        if counts is None or media[i] not in _CARRIED or continues_speech:
            continue
        ranked = counts.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue
        if rules.frame_medium(frame) is None and not spoken:
            out[i] = ranked[0][0]
    return out
