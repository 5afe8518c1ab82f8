"""Stage 3: cue words (verbs, nouns and prepositions of saying) from the cue lexicon.

The lexicon (``rules/<lang>/cues.toml``) lists verbs with their forms and separable
particles, and multi-word phrases ("nach Angaben", "heißt es"). Matching works on the
tokens of a window of text, never the whole document: cues matter only near quotations.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs

from quotes.document import Document, Token
from quotes.records import Span
from quotes.rules import RuleData

__all__ = ["CueEntry", "CueLexicon", "CueMatch"]

CueKind = Literal["verb", "noun", "preposition", "phrase"]
#: Where the speaker of a cue is found relative to it.
SpeakerSide = Literal["verb", "after", "before", "context"]

# A separable particle is looked for this many tokens after its finite verb, up to the
# end of the clause: "teilte das Ministerium am Montag in Berlin mit".
_PARTICLE_REACH = 20
# The particle of a participle stands right before it ("bekannt gegeben").
_BEFORE = "before"
_CLAUSE_END = frozenset('.!?:;„“”"»«‚‘›‹()')


@attrs.frozen
class CueEntry:
    """One lexicon entry: a verb (with its particle) or a phrase."""

    lemma: str
    kind: CueKind
    side: SpeakerSide
    particle: str = ""
    medium: str | None = None
    reflexive: bool = False


@attrs.frozen
class CueMatch:
    """A cue in the text: one or more parts ("fügte" … "hinzu") and its lexicon entry."""

    parts: tuple[Span, ...]
    lemma: str
    kind: CueKind
    medium: str | None = None
    side: SpeakerSide = "verb"
    #: Index (in the window's token tuple) of the cue's first token and of its last part.
    first_token: int = 0
    last_token: int = 0

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


_TEXT = operator.attrgetter("text")


def _weak_forms(stem: str, e_before_t: tuple[str, ...]) -> list[str]:
    # Stems ending in t/d or a consonant cluster take an -e- before -t ("antwortet").
    e = "e" if stem.endswith(e_before_t) else ""
    return [f"{stem}{e}t", f"{stem}{e}te", f"{stem}{e}ten", f"{stem}e", f"{stem}en"]


def _weak_participle(stem: str, inseparable: bool, e_before_t: tuple[str, ...]) -> str:
    e = "e" if stem.endswith(e_before_t) else ""
    return f"{stem}{e}t" if inseparable else f"ge{stem}{e}t"


@attrs.frozen
class CueLexicon:
    """The compiled cue lexicon: form → entries, and phrases by first word."""

    forms: Mapping[str, tuple[tuple[CueEntry, bool | str], ...]]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], CueEntry], ...]]
    #: Term markers of several words (quotations.toml): "so" of "so genannte" is no cue.
    term_markers: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def from_rules(cls, rules: RuleData) -> CueLexicon:
        data = rules.get("cues", {})
        morphology = data.get("morphology", {})
        # Stems with these endings take an -e- before -t; generated forms that are more
        # often something else ("meine" is mostly "my") are left out.
        e_before_t = tuple(str(e) for e in morphology.get("e_before_t", ()))
        not_verbs = frozenset(str(w) for w in morphology.get("not_verb_forms", ()))
        forms: dict[str, list[tuple[CueEntry, bool | str]]] = {}

        def add(form: str, entry: CueEntry, needs_particle: bool | str) -> None:
            if form in not_verbs:
                return
            bucket = forms.setdefault(form, [])
            if (entry, needs_particle) not in bucket:
                bucket.append((entry, needs_particle))

        for raw in data.get("verb", []):
            entry, finite, participle = _compile_verb(raw, e_before_t)
            for form in finite:
                # A finite form of a separable verb needs its particle later in the clause;
                # in subordinate clauses the particle is joined on ("hinzufügte").
                add(form, entry, bool(entry.particle))
                if entry.particle:
                    add(entry.particle + form, entry, False)
            if participle:
                # A separable verb's participle has its particle joined on ("mitgeteilt") or,
                # for a few, written apart right before it ("bekannt gegeben"); a bare
                # "geteilt" or "gegeben" is another verb.
                add(participle, entry, _BEFORE if entry.particle else False)
                if entry.particle:
                    add(entry.particle + participle, entry, False)
        phrases: dict[str, list[tuple[tuple[str, ...], CueEntry]]] = {}
        for raw in data.get("phrase", []):
            words = tuple(w.lower() for w in str(raw["words"]).split())
            entry = CueEntry(
                lemma=str(raw["words"]),
                kind=raw.get("kind", "phrase"),
                side=raw.get("role", "context"),
                medium=raw.get("medium"),
            )
            phrases.setdefault(words[0], []).append((words, entry))
        markers = rules.get("quotations", {}).get("term_markers", ())
        return cls(
            {k: tuple(v) for k, v in forms.items()},
            {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
            tuple(tuple(str(m).lower().split()) for m in markers if " " in str(m)),
        )

    def is_verb_form(self, word: str) -> bool:
        return word in self.forms

    def find_in_tokens(self, text: str, tokens: Sequence[Token]) -> tuple[CueMatch, ...]:
        """All cues among ``tokens`` (a window of ``text``), in text order."""
        matches: list[CueMatch] = []
        forms, phrases = self.forms, self.phrases
        words = list(map(_TEXT, tokens))
        # Most windows hold no cue word at all: that is found at C speed.
        if forms.keys().isdisjoint(words) and phrases.keys().isdisjoint(map(str.lower, words)):
            return ()
        for i in [i for i, w in enumerate(words) if w in forms or w.lower() in phrases]:
            token = tokens[i]
            low = token.text.lower()
            # Verbs are matched case-sensitively: German nouns are capitalised, so
            # "Fragen" (questions) is not "fragen" (to ask).
            for entry, needs_particle in self.forms.get(token.text, ()):
                match = self._verb_match(text, tokens, i, entry, needs_particle)
                if match is not None:
                    matches.append(match)
                    break
            for words, entry in self.phrases.get(low, ()):
                end = i + len(words)
                if (
                    end <= len(tokens)
                    and all(tokens[i + k].text.lower() == w for k, w in enumerate(words))
                    and not self._in_term_marker(tokens, i)
                ):
                    part = Span(
                        tokens[i].start,
                        tokens[end - 1].end,
                        text[tokens[i].start : tokens[end - 1].end],
                    )
                    matches.append(
                        CueMatch(
                            (part,), entry.lemma, entry.kind, entry.medium, entry.side, i, end - 1
                        )
                    )
                    break
        return tuple(matches)

    def _in_term_marker(self, tokens: Sequence[Token], i: int) -> bool:
        """Whether the words from ``i`` on open a term marker ("so genannte")."""
        for marker in self.term_markers:
            if i + len(marker) <= len(tokens) and all(
                tokens[i + k].text.lower().startswith(w) for k, w in enumerate(marker)
            ):
                return True
        return False

    def find(self, doc: Document, start: int, end: int) -> tuple[CueMatch, ...]:
        return self.find_in_tokens(doc.text, doc.tokens(start, end))

    def _verb_match(
        self,
        text: str,
        tokens: Sequence[Token],
        i: int,
        entry: CueEntry,
        needs_particle: bool | str,
    ) -> CueMatch | None:
        token = tokens[i]
        parts = [Span(token.start, token.end, token.text)]
        last = i
        if needs_particle == _BEFORE:
            before = tokens[i - 1] if i > 0 else None
            if before is None or before.text != entry.particle:
                return None
            parts.insert(0, Span(before.start, before.end, before.text))
        elif needs_particle:
            j = _find_particle(tokens, i, entry.particle)
            if j is None:
                return None
            parts.append(Span(tokens[j].start, tokens[j].end, tokens[j].text))
            last = j
        if entry.reflexive and i + 1 < len(tokens) and tokens[i + 1].text == "sich":
            # "äußerte sich": the reflexive belongs to the cue; merge adjacent parts.
            nxt = tokens[i + 1]
            parts[0] = Span(token.start, nxt.end, text[token.start : nxt.end])
        return CueMatch(tuple(parts), entry.lemma, "verb", entry.medium, "verb", i, last)


def _find_particle(tokens: Sequence[Token], i: int, particle: str) -> int | None:
    for j in range(i + 1, min(len(tokens), i + 1 + _PARTICLE_REACH)):
        word = tokens[j].text
        if word in _CLAUSE_END:
            return None
        # The particle closes its clause: punctuation or the window's end follows.
        if word == particle and (j + 1 == len(tokens) or not tokens[j + 1].text[:1].isalnum()):
            return j
    return None


def _compile_verb(
    raw: Mapping[str, Any], e_before_t: tuple[str, ...]
) -> tuple[CueEntry, list[str], str]:
    entry = CueEntry(
        lemma=str(raw["lemma"]),
        kind="verb",
        side="verb",
        particle=str(raw.get("particle", "")),
        medium=raw.get("medium"),
        reflexive=bool(raw.get("reflexive", False)),
    )
    stem = raw.get("stem")
    finite = list(raw.get("forms", [])) or (_weak_forms(stem, e_before_t) if stem else [])
    participle = raw.get("participle") or (
        _weak_participle(stem, bool(raw.get("inseparable")), e_before_t) if stem else ""
    )
    return entry, finite, participle
