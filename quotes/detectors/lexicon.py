"""The compiled rule data of the detectors (``rules/<lang>/indirect.toml``).

Verbs come from the one verb lexicon, the ``[[verb]]`` table of ``cues.toml``: what
content each verb takes (``takes``, ``needs``, …) and, for verbs with forms, the surface
forms that stand in where the lemmatiser is wrong ("teilte" → "mitteilen" when "mit"
closes the clause). Irregular forms for lemma guessing are its ``[irregular]`` table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from quotes.detectors.konjunktiv import KonjunktivRules
from quotes.detectors.reported import NotSpeech
from quotes.detectors.syntax import NounPhraseWords
from quotes.memo import BoundedMemo
from quotes.pipeline.cues import CueLexicon
from quotes.rules import RuleData

__all__ = ["DetectorRules", "VerbEntry"]

#: How many words the memos of :class:`DetectorRules` keep (cleared when full).
_MEMO_LIMIT = 20_000


@attrs.frozen
class VerbEntry:
    """What one verb of saying or thinking does in the detectors."""

    lemma: str
    say: bool = False  # takes a dass/ob/w-clause or a verb-second clause
    think: bool = False  # takes a dass/ob-clause or a Konjunktiv clause only
    infinitive: bool = False  # takes a zu-infinitive
    reported: bool = False  # a speech act with an object: reported speech
    needs: frozenset[str] = frozenset()  # one of these words must be in its clause
    addressee_object: bool = False  # its object is the addressee ("Ihm wird vorgeworfen")
    medium: str | None = None
    impersonal: bool = False  # "es wurde bekannt", "heißt es": the document is the source
    not_reflexive: bool = False  # "versprechen sich", "nennt sich": no speech act


@attrs.frozen
class DetectorRules:
    """Everything the detectors read from the rule files, compiled once."""

    verbs: Mapping[str, VerbEntry]
    #: surface form → (lemma, particle) pairs from the cue lexicon ("" = no particle).
    cue_forms: Mapping[str, tuple[tuple[str, str], ...]]
    konjunktiv: KonjunktivRules
    source_prepositions: frozenset[str]
    source_postpositions: frozenset[str]
    nach_nouns: frozenset[str]
    nach_suffixes: tuple[str, ...]
    source_adverbs: frozenset[str]
    source_adverbs_konjunktiv: frozenset[str]
    reporting_nouns: frozenset[str]
    infinitive_nouns: frozenset[str]
    relative_openers: frozenset[str]
    content_openers: frozenset[str]
    adverbial_openers: frozenset[str]
    coordinators: frozenset[str]
    pronouns: frozenset[str]
    not_speakers: frozenset[str]
    default_verb_medium: str
    default_source_medium: str
    max_sentences: int
    max_paragraph_breaks: int
    without_context: str | None
    impersonal: frozenset[str]
    not_reflexive: frozenset[str] = frozenset()
    reportive_modals: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    irregular: Mapping[str, str] = attrs.field(factory=dict)
    particles: tuple[str, ...] = ()
    not_speech: NotSpeech = attrs.field(factory=NotSpeech)  # reported.toml (detect)
    #: Regular verb endings, longest first ("erklärten" → "erklär" + "en").
    verb_endings: tuple[str, ...] = ()
    separable_particles: frozenset[str] = frozenset()
    neutral_particles: frozenset[str] = frozenset()
    passive_auxiliaries: tuple[str, ...] = ()
    conjunction_openers: frozenset[str] = frozenset()
    question_openers: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    #: Relative pronouns that can be a subject (``subject_relative_pronouns``).
    subject_relative_pronouns: frozenset[str] = frozenset()
    ambiguous_openers: frozenset[str] = frozenset()
    verb_second_openers: frozenset[str] = frozenset()
    infinitive_openers: frozenset[str] = frozenset()
    genitive_relatives: frozenset[str] = frozenset()
    consecutive_conjunctions: frozenset[str] = frozenset()
    reason_openers: frozenset[str] = frozenset()  # "weil", "da": a reason in Konjunktiv I
    pronoun_subject_openers: frozenset[str] = frozenset()
    frame_coordinators: frozenset[str] = frozenset()
    source_layer_around_speech: bool = True
    back_references: frozenset[str] = frozenset()
    frame_leads: frozenset[str] = frozenset()
    frame_causatives: frozenset[str] = frozenset()
    nach_extensions: frozenset[str] = frozenset()
    #: "für" of "des Instituts für Wirtschaftsforschung": inside a source's name.
    name_complements: frozenset[str] = frozenset()
    #: "nach eigenen Angaben": the clause's subject is the statement's author.
    own_adjectives: frozenset[str] = frozenset()
    agent_prepositions: frozenset[str] = frozenset()
    addressee_prepositions: frozenset[str] = frozenset()
    document_prepositions: frozenset[str] = frozenset()
    weak_subjects: frozenset[str] = frozenset()
    not_speaker_pronouns: frozenset[str] = frozenset()
    noun_phrases: NounPhraseWords = attrs.field(factory=NounPhraseWords)
    #: How far a sentence-initial source phrase may run before its finite verb (detect).
    prefield_max_tokens: int = 0
    #: The kinds of outlet (outlets.toml ``type_noun``: "Fernsehsender", "Zeitung"): such
    #: a noun can be the speaker of reported speech (detect).
    outlet_nouns: frozenset[str] = frozenset()
    #: Verbs whose object is the one quoted (attribution.toml ``object_speaker_verbs``:
    #: "…, zitierte die Zeitung den Minister"); speaker.
    object_speaker_verbs: frozenset[str] = frozenset()
    #: Determiners that never open a subject (attribution.toml
    #: ``never_nominative_determiners``: "dem", "den"); speaker.
    never_nominative_determiners: frozenset[str] = frozenset()
    #: Determiners that open a nominative only before a noun that is no feminine
    #: (attribution.toml ``masculine_nominative_determiners``, ``feminine_suffixes``:
    #: "der Ministerin" is a dative); speaker.
    masculine_nominative_determiners: frozenset[str] = frozenset()
    feminine_suffixes: tuple[str, ...] = ()
    # Memos of the pure lookups below, by lower-case word (bounded: see _MEMO_LIMIT).
    _guesses: BoundedMemo[str, tuple[str, ...]] = attrs.field(
        init=False, factory=lambda: BoundedMemo(_MEMO_LIMIT), eq=False, repr=False
    )
    _base_memo: BoundedMemo[str, tuple[str, ...]] = attrs.field(
        init=False, factory=lambda: BoundedMemo(_MEMO_LIMIT), eq=False, repr=False
    )
    _verb_ends: frozenset[str] | None = attrs.field(init=False, default=None, eq=False, repr=False)
    #: The words that can open a cue of the indirect detectors (see :meth:`cue_words`).
    _cue_words: tuple[frozenset[str], frozenset[str]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        lower = (
            self.source_prepositions
            | self.source_postpositions
            | self.source_adverbs
            | self.source_adverbs_konjunktiv
        )
        written = self.reporting_nouns | self.cue_forms.keys() | self.irregular.keys()
        object.__setattr__(self, "_cue_words", (frozenset(lower), frozenset(written)))

    @property
    def cue_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The lower-case words (source prepositions, postpositions and adverbs) and the
        written ones (reporting nouns, cue verb forms, irregular forms) that can open a cue
        of :func:`~quotes.detectors.indirect.detector.sentence_candidates`; besides them
        only "nach" and "so", which that function's branches name themselves, and a token
        that is a verb by its tags open one."""
        return self._cue_words

    @classmethod
    def from_rules(cls, rules: RuleData, cues: CueLexicon) -> DetectorRules:
        data: Mapping[str, Any] = rules.get("indirect", {})
        verb_table: Mapping[str, Any] = rules.get("cues", {})
        medium_table = data.get("medium", {})

        def words(table: Mapping[str, Any], key: str, *, lower: bool = True) -> frozenset[str]:
            return frozenset(str(w).lower() if lower else str(w) for w in table.get(key, ()))

        verbs = _verb_entries(verb_table.get("verb", ()))
        # Surface forms from the cue lexicon; the verbs of a cue lexicon other than the
        # rules' own still introduce speech clauses.
        cue_forms: dict[str, list[tuple[str, str]]] = {}
        for form, entries in cues.forms.items():
            for entry, needs_particle in entries:
                if entry.kind != "verb":
                    continue
                # The cue lexicon lists the bare participle of a separable verb ("gemacht"
                # of "klarmachen") as complete; here it needs its particle like the rest.
                separated = entry.particle and not form.startswith(entry.particle)
                particle = entry.particle if needs_particle or separated else ""
                pair = (entry.lemma, particle)
                if pair not in cue_forms.setdefault(form, []):
                    cue_forms[form].append(pair)
                if entry.lemma not in verbs:
                    verbs[entry.lemma] = VerbEntry(lemma=entry.lemma, say=True, medium=entry.medium)
        sources = data.get("sources", {})
        nouns = data.get("nouns", {})
        clauses = data.get("clauses", {})
        continuation = data.get("continuation", {})
        speakers = rules.get("speakers", {})
        subjects = data.get("subjects", {})
        particles = verb_table.get("particles", {})
        morphology = verb_table.get("morphology", {})
        return cls(
            verbs=verbs,
            cue_forms={k: tuple(v) for k, v in cue_forms.items()},
            konjunktiv=KonjunktivRules.from_table(data.get("konjunktiv", {}), rules.get("moods")),
            source_prepositions=words(sources, "prepositions"),
            source_postpositions=words(sources, "postpositions"),
            nach_nouns=words(sources, "nach_nouns", lower=False),
            nach_suffixes=tuple(str(s).lower() for s in sources.get("nach_suffixes", ())),
            source_adverbs=words(sources, "adverbs"),
            source_adverbs_konjunktiv=words(sources, "adverbs_konjunktiv"),
            reporting_nouns=words(nouns, "reporting", lower=False)
            | words(nouns, "infinitive", lower=False),
            infinitive_nouns=words(nouns, "infinitive", lower=False),
            relative_openers=words(nouns, "relative_openers"),
            content_openers=words(clauses, "content_openers"),
            adverbial_openers=words(clauses, "adverbial_openers"),
            coordinators=words(clauses, "coordinators"),
            pronouns=frozenset(str(p).lower() for p in speakers.get("pronouns", {})),
            not_speakers=frozenset(map(str, speakers.get("not_speakers", ()))),
            default_verb_medium=str(medium_table.get("default_verb", "Speech")),
            default_source_medium=str(medium_table.get("default_source", "SW")),
            prefield_max_tokens=int(sources.get("prefield_max_tokens", 0)),
            source_layer_around_speech=bool(sources.get("layer_around_speech", True)),
            outlet_nouns=frozenset(
                str(word)
                for entry in rules.get("outlets", {}).get("type_noun", ())
                for word in entry.get("words", ())
            ),
            max_sentences=int(continuation.get("max_sentences", 6)),
            max_paragraph_breaks=int(continuation.get("max_paragraph_breaks", 1)),
            without_context=_without_context(continuation.get("without_context", "")),
            impersonal=frozenset(v.lemma for v in verbs.values() if v.impersonal),
            not_reflexive=frozenset(v.lemma for v in verbs.values() if v.not_reflexive),
            reportive_modals=words(data.get("free_indirect", {}), "reportive_modals"),
            perfect_auxiliaries=words(data.get("free_indirect", {}), "perfect_auxiliaries"),
            irregular={str(k): str(v) for k, v in verb_table.get("irregular", {}).items()},
            particles=tuple(
                sorted(
                    {str(p) for p in speakers.get("particles", ())}
                    | words(particles, "lemma_split"),
                    key=lambda p: -len(p),
                )
            ),
            not_speech=NotSpeech.from_rules(rules),
            verb_endings=tuple(str(e) for e in morphology.get("verb_endings", ())),
            separable_particles=words(particles, "separable"),
            neutral_particles=words(particles, "neutral"),
            passive_auxiliaries=tuple(str(w) for w in morphology.get("passive_auxiliaries", ())),
            conjunction_openers=words(clauses, "conjunction_openers"),
            question_openers=words(clauses, "question_openers"),
            relative_pronouns=words(clauses, "relative_pronouns"),
            subject_relative_pronouns=words(clauses, "subject_relative_pronouns"),
            ambiguous_openers=words(clauses, "ambiguous_openers"),
            verb_second_openers=words(clauses, "verb_second_openers"),
            infinitive_openers=words(clauses, "infinitive_openers"),
            genitive_relatives=words(clauses, "genitive_relatives"),
            consecutive_conjunctions=words(clauses, "consecutive_conjunctions"),
            reason_openers=words(clauses, "reason_openers"),
            pronoun_subject_openers=words(clauses, "pronoun_subject_openers"),
            frame_coordinators=words(clauses, "frame_coordinators"),
            back_references=words(clauses, "back_references"),
            frame_leads=words(clauses, "frame_leads"),
            frame_causatives=words(clauses, "frame_causatives"),
            nach_extensions=words(sources, "nach_extensions"),
            name_complements=words(sources, "name_complements"),
            own_adjectives=words(sources, "own_adjectives"),
            agent_prepositions=words(subjects, "agent_prepositions"),
            addressee_prepositions=words(subjects, "addressee_prepositions"),
            document_prepositions=words(subjects, "document_prepositions"),
            weak_subjects=words(subjects, "weak"),
            not_speaker_pronouns=words(subjects, "not_speaker_pronouns"),
            noun_phrases=NounPhraseWords.from_rules(rules),
            object_speaker_verbs=words(rules.get("attribution", {}), "object_speaker_verbs"),
            never_nominative_determiners=words(
                rules.get("attribution", {}), "never_nominative_determiners"
            ),
            masculine_nominative_determiners=words(
                rules.get("attribution", {}), "masculine_nominative_determiners"
            ),
            feminine_suffixes=tuple(
                str(w).lower() for w in rules.get("attribution", {}).get("feminine_suffixes", ())
            ),
        )

    def medium_of(self, lemma: str) -> str:
        entry = self.verbs.get(lemma)
        if entry is not None and entry.medium:
            return entry.medium
        return self.default_verb_medium

    def lemma_guesses(self, form: str) -> list[str]:
        """Lexicon lemmas that ``form`` may be a form of, for when the lemmatiser fails:
        irregular forms from the table, regular endings stripped, a separable particle
        and "zu" split off ("vorgeworfen" → "vorwerfen", "mitzuteilen" → "mitteilen")."""
        word = form.lower()
        known = self._guesses.get(word)
        if known is None:
            known = self._guesses.keep(word, tuple(self._guessed(word)))
        return list(known)

    def _guessed(self, word: str) -> list[str]:
        found: list[str] = []

        def add(candidate: str) -> None:
            if candidate in self.verbs and candidate not in found:
                found.append(candidate)

        for candidate in self._bases(word):
            add(candidate)
        for particle in self.particles:
            if word.startswith(particle) and len(word) > len(particle) + 3:
                rest = word[len(particle) :]
                if rest.startswith("zu"):
                    add(particle + rest[2:])
                for candidate in self._bases(rest):
                    add(particle + candidate)
        return found

    def lemma_bases(self, form: str) -> list[str]:
        """Possible infinitives of ``form`` whether or not in the lexicon ("schlug" →
        "schlagen"), for joining a separated particle to."""
        word = form.lower()
        known = self._base_memo.get(word)
        if known is None:
            known = self._base_memo.keep(word, tuple(self._bases(word)))
        return list(known)

    def is_verb_end(self, word: str) -> bool:
        """Whether ``word`` is a lexicon verb or how one ends ("teilen" of "mitteilen",
        "legen" of "festlegen"): what a verb form, with any particle put in front, must
        be to be a cue verb (a cheap test before the particle is looked for). The empty
        word counts: a particle alone may be the verb."""
        ends = self._verb_ends
        if ends is None:
            ends = frozenset(lemma[k:] for lemma in self.verbs for k in range(len(lemma) + 1))
            object.__setattr__(self, "_verb_ends", ends)
        return word in ends

    def _bases(self, word: str) -> list[str]:
        bases = []
        if word in self.irregular:
            bases.append(self.irregular[word])
        stems = [word]
        if word.startswith("ge") and len(word) > 5:
            stems.append(word[2:])
        for stem_source in stems:
            for ending in self.verb_endings:
                if stem_source.endswith(ending) and len(stem_source) - len(ending) >= 3:
                    stem = stem_source[: -len(ending)]
                    bases.append(stem + "en")
                    bases.append(stem + "n")
        return bases

    def is_nach_noun(self, word: str) -> bool:
        return word in self.nach_nouns or word.lower().endswith(self.nach_suffixes)


def _verb_entries(table: Iterable[Mapping[str, Any]]) -> dict[str, VerbEntry]:
    """The ``[[verb]]`` entries of ``cues.toml`` by lemma; a lemma listed twice (a user
    file adding to a shipped verb) gets what both entries give, the later medium first."""
    verbs: dict[str, VerbEntry] = {}
    for raw in table:
        lemma = str(raw["lemma"]).lower()
        takes = set(raw.get("takes") or ("say",))
        entry = VerbEntry(
            lemma=lemma,
            say="say" in takes,
            think="think" in takes,
            infinitive="infinitive" in takes,
            reported="reported" in takes,
            needs=frozenset(map(str, raw.get("needs", ()))),
            addressee_object=bool(raw.get("addressee_object", False)),
            medium=raw.get("indirect_medium") or raw.get("medium"),
            impersonal=bool(raw.get("impersonal", False)),
            not_reflexive=bool(raw.get("not_reflexive", False)),
        )
        old = verbs.get(lemma)
        if old is not None:
            entry = VerbEntry(
                lemma=lemma,
                say=old.say or entry.say,
                think=old.think or entry.think,
                infinitive=old.infinitive or entry.infinitive,
                reported=old.reported or entry.reported,
                needs=old.needs | entry.needs,
                addressee_object=old.addressee_object or entry.addressee_object,
                medium=entry.medium or old.medium,
                impersonal=old.impersonal or entry.impersonal,
                not_reflexive=old.not_reflexive or entry.not_reflexive,
            )
        verbs[lemma] = entry
    return verbs


def _without_context(value: Any) -> Any:
    if value in ("indirect_free_indirect", "free_indirect"):
        return value
    if value in ("", "none", None, False):
        return None
    raise ValueError(
        f"[continuation] without_context must be indirect_free_indirect, free_indirect or "
        f"none, not {value!r}"
    )
