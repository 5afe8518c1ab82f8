"""Parse on demand: which sentences of a text the parse backend needs to parse.

Most sentences of a news text hold no speech: no verb of saying, no Konjunktiv, no "laut",
"zufolge" or "nach Angaben". The detectors of indirect and reported speech only react to
such words, so only the sentences that hold one (the *candidates*), with the neighbours
given in ``rules/<lang>/parse.toml``, go to the parser. The other sentences get *filler*
tokens (:mod:`quotes.parse.assembly`, which also builds the one parse of the text), so the
detectors see them as what they are: sentences without speech.

The trigger words are data, never Python lists: the detectors' own lexicons
(``indirect.toml``, ``cues.toml``, read through :class:`~quotes.detectors.lexicon.DetectorRules`)
and the extra words and marks of ``parse.toml``. ``benchmarks/parse_triggers.py`` counts,
on a corpus split, how many gold quotations each trigger group catches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import regex

from quotes.errors import RulesError
from quotes.memo import BoundedMemo

if TYPE_CHECKING:
    from quotes.detectors.lexicon import DetectorRules
    from quotes.document import Document

__all__ = ["GROUPS", "ParseTriggers"]

_WORD = regex.compile(r"\w+(?:[-'’.&]\w+)*+", regex.V1)

#: The trigger groups ``parse.toml`` may switch on, with what each one holds.
GROUPS: Mapping[str, str] = {
    "cue_verbs": "forms of the verbs in cues.toml [[verb]] (regular endings "
    "stripped, cues.toml [irregular] forms)",
    "sources": 'indirect.toml [sources]: "laut", "gemäß", "zufolge", "demnach", "danach"',
    "nach_nouns": 'indirect.toml [sources] nach_nouns and nach_suffixes ("nach Angaben")',
    "reporting_nouns": 'indirect.toml [nouns]: "Forderung", "Vorwurf", "wonach"',
    "konjunktiv": 'indirect.toml [konjunktiv] word lists ("sei", "habe", "wäre") and the '
    "Konjunktiv I/II forms of moods.toml (without the group konjunktiv_second: Konjunktiv I "
    "only, those lists' unambiguous and third_singular words and moods.toml's konjunktiv1)",
    "konjunktiv_second": 'indirect.toml [konjunktiv] second ("wäre", "hätte", "könnte") '
    "and the Konjunktiv II forms of moods.toml that are no Konjunktiv I",
    "konjunktiv_ending": "any word in -e, not -te, of four letters or more (the ending rule)",
    "reportive": 'indirect.toml [free_indirect] reportive_modals ("soll")',
    "words": "parse.toml [triggers] words",
    "marks": "parse.toml [triggers] marks (quotation marks)",
}

_CACHE_LIMIT = 20_000
#: The groups whose words fire only with the context their detector needs (``with_context``).
CONTEXT_GROUPS = ("cue_verbs", "sources", "nach_nouns", "reporting_nouns", "reportive")
#: Stands for "the sentence holds a clause mark" among a sentence's words (never a word).
CLAUSE = "\x00clause"
_KONJUNKTIV = frozenset({"konjunktiv", "konjunktiv_second"})
#: One reading of a cue-verb form: the particle it needs ("" = none) and the words one of
#: which must stand in the sentence too (empty = none), as lower-case words.
Reading = tuple[str, frozenset[str]]


@attrs.frozen
class ParseTriggers:
    """The compiled trigger set: decides per sentence whether it is parsed.

    A word fires in its group, except where ``parse.toml`` says otherwise: the words of
    ``not_words`` never fire; those of the groups in ``lower_case`` fire only when written
    in lower case (a capitalised "Frage" or "Ende" mid-sentence is a noun, not the
    Konjunktiv of a verb) or as a sentence's first word. The groups in ``with_context``
    fire only with the words their detector cannot do without in the same sentence:

    * ``cue_verbs``: a separable verb's particle ("gab … bekannt", "geht … aus") and one of
      the words the verb ``needs`` (cues.toml: "sprach von", "zeigt, dass"; or "so" of
      "…, so zeigen Studien, …"); a verb that takes only content clauses ("sagen",
      "glauben") needs one of ``clause_marks`` (a comma, a colon, a quotation mark), and
      one that takes a zu-infinitive but no object ("planen", "hoffen") one of them or "zu";
    * ``sources``: the adverbs that point back to a source only before a Konjunktiv
      ("Danach sei …"; indirect.toml ``adverbs_konjunktiv``) need a Konjunktiv form of the
      ``konjunktiv`` group;
    * ``nach_nouns``: "nach" ("nach Angaben", "seiner Meinung nach");
    * ``reporting_nouns``: a comma right after the noun ("die Forderung, …");
    * ``reportive``: a perfect auxiliary ("soll geholfen haben").

    The words of the groups in ``after_candidate`` make a sentence a candidate only right
    after one (a sentence they alone fire on follows a candidate): the Konjunktiv II forms
    are plain conditionals too, which the detectors take for speech only where speech is
    already under way.
    """

    words: Mapping[str, tuple[str, ...]]  # lower-case word → the groups that hold it
    marks: frozenset[str]
    groups: frozenset[str]
    nach_suffixes: tuple[str, ...]
    verb_guess: Callable[[str], list[str]] | None
    before: int
    after: int
    lower_case: frozenset[str] = frozenset()
    with_context: frozenset[str] = frozenset()
    not_words: frozenset[str] = frozenset()
    #: Cue-verb form → its readings (from cues.toml forms and [irregular]).
    readings: Mapping[str, tuple[Reading, ...]] = attrs.field(factory=dict)
    #: Base verb → readings of the separable cue verbs made from it ("geben" → bekanntgeben).
    separable: Mapping[str, tuple[Reading, ...]] = attrs.field(factory=dict)
    verb_bases: Callable[[str], list[str]] | None = None
    #: Cue verb → the words one of which it needs (cues.toml ``needs``; only verbs with some).
    needs: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: Characters that show a clause a verb of saying can introduce ("sagte, …", "sagte: …").
    clause_marks: frozenset[str] = frozenset()
    nach: frozenset[str] = frozenset()
    konjunktiv_adverbs: frozenset[str] = frozenset()
    perfect: frozenset[str] = frozenset()
    after_candidate: frozenset[str] = frozenset()
    not_after_marks: frozenset[str] = frozenset()
    _verb_cache: BoundedMemo[str, tuple[Reading, ...]] = attrs.field(
        factory=lambda: BoundedMemo(_CACHE_LIMIT), eq=False, repr=False
    )
    # What a word decides without its sentence (see _plan), as a sentence's first word and
    # as a later one.
    _first_plans: BoundedMemo[str, str | tuple[str, ...]] = attrs.field(
        factory=lambda: BoundedMemo(_CACHE_LIMIT), eq=False, repr=False
    )
    _later_plans: BoundedMemo[str, str | tuple[str, ...]] = attrs.field(
        factory=lambda: BoundedMemo(_CACHE_LIMIT), eq=False, repr=False
    )

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any], detector: DetectorRules) -> ParseTriggers:
        table = rules.get("parse", {})
        triggers = table.get("triggers", {})
        context = table.get("context", {})
        where = "parse.toml"
        groups = triggers.get("groups", ["cue_verbs", "sources", "nach_nouns", "konjunktiv"])
        for key, value, allowed in (
            ("groups", groups, GROUPS),
            ("lower_case", triggers.get("lower_case", []), GROUPS),
            ("with_context", triggers.get("with_context", []), CONTEXT_GROUPS),
            ("after_candidate", triggers.get("after_candidate", []), GROUPS),
        ):
            if not isinstance(value, list) or any(g not in allowed for g in value):
                raise RulesError(
                    f"{where}: [triggers] {key} must be a list of {', '.join(allowed)}; "
                    f"got {value!r}"
                )
        for key in ("before", "after"):
            value = context.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 5:
                raise RulesError(f"{where}: [context] {key} must be a whole number 0 to 5")
        extra = triggers.get("words", [])
        marks = triggers.get("marks", [])
        not_words = triggers.get("not_words", [])
        clause_marks = triggers.get("clause_marks", [])
        not_after_marks = triggers.get("not_after_marks", [])
        for key, value in (
            ("words", extra),
            ("marks", marks),
            ("not_words", not_words),
            ("clause_marks", clause_marks),
            ("not_after_marks", not_after_marks),
        ):
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise RulesError(f"{where}: [triggers] {key} must be a list of strings")
        enabled = frozenset(groups)
        words: dict[str, list[str]] = {}

        def add(group: str, items: Iterable[str]) -> None:
            if group in enabled:
                for item in items:
                    held = words.setdefault(str(item).lower(), [])
                    if group not in held:
                        held.append(group)

        k = detector.konjunktiv
        if "konjunktiv_second" in enabled:
            add("konjunktiv", k.unambiguous | k.third_singular)
            add("konjunktiv", k.lexicon.forms("konjunktiv1"))
            first = {word.lower() for word in words}
            add("konjunktiv_second", k.second)
            add(
                "konjunktiv_second",
                (w for w in k.lexicon.forms("konjunktiv2") if w.lower() not in first),
            )
        else:
            add("konjunktiv", k.unambiguous | k.third_singular | k.second)
            add("konjunktiv", k.lexicon.forms("konjunktiv1", "konjunktiv2"))
        add("sources", detector.source_prepositions | detector.source_postpositions)
        add("sources", detector.source_adverbs | detector.source_adverbs_konjunktiv)
        # "dem zufolge": the opener's last word marks it ("dem" alone is everywhere).
        add("sources", (opener.split()[-1] for opener in detector.relative_openers))
        add("nach_nouns", detector.nach_nouns)
        add("reporting_nouns", detector.reporting_nouns)
        add("reportive", detector.reportive_modals)
        readings: dict[str, tuple[Reading, ...]] = {}
        separable: dict[str, tuple[Reading, ...]] = {}
        if "cue_verbs" in enabled:
            separable = _separable(detector, bool(clause_marks))
            for form, pairs in detector.cue_forms.items():
                found = [
                    (particle, _needs(detector, lemma, bool(clause_marks)))
                    for lemma, particle in pairs
                ]
                # Also the separable verbs of its base ("legte": darlegen and festlegen).
                for base in detector.lemma_bases(form):
                    found.extend(separable.get(base, ()))
                readings[form.lower()] = tuple(dict.fromkeys(found))
            for form, base in detector.irregular.items():
                found = list(readings.get(form.lower(), ()))
                if base in detector.verbs:
                    found.append(("", _needs(detector, base, bool(clause_marks))))
                found.extend(separable.get(base, ()))
                if found:
                    readings[form.lower()] = tuple(dict.fromkeys(found))
            add("cue_verbs", readings)
        add("words", extra)
        return cls(
            words={word: tuple(held) for word, held in words.items()},
            marks=frozenset(marks) if "marks" in enabled else frozenset(),
            groups=enabled,
            nach_suffixes=detector.nach_suffixes if "nach_nouns" in enabled else (),
            verb_guess=detector.lemma_guesses if "cue_verbs" in enabled else None,
            before=context.get("before", 0),
            after=context.get("after", 0),
            lower_case=frozenset(triggers.get("lower_case", [])),
            with_context=frozenset(triggers.get("with_context", [])),
            not_words=frozenset(w.lower() for w in not_words),
            readings=readings,
            separable=separable,
            verb_bases=detector.lemma_bases,
            needs={
                lemma: _needs(detector, lemma, bool(clause_marks))
                for lemma in detector.verbs
                if _needs(detector, lemma, bool(clause_marks))
            },
            clause_marks=frozenset(clause_marks),
            nach=frozenset({"nach"}),
            konjunktiv_adverbs=frozenset(w.lower() for w in detector.source_adverbs_konjunktiv),
            perfect=frozenset(w.lower() for w in detector.perfect_auxiliaries),
            after_candidate=frozenset(triggers.get("after_candidate", [])),
            not_after_marks=frozenset(w.lower() for w in not_after_marks),
        )

    # -- one sentence ----------------------------------------------------------------------
    def fired(self, text: str) -> set[str]:
        """The groups that fire on ``text`` (for the trigger benchmark; slower)."""
        found = {"marks"} if self._marked(text) else set()
        return found | {group for _match, group in self._firing(text)}

    def firing_words(self, text: str) -> list[tuple[str, str]]:
        """The words of ``text`` that fire, each with its group (for the benchmark)."""
        return [(match.group(), group) for match, group in self._firing(text)]

    def is_candidate(self, text: str) -> bool:
        """Whether a trigger fires on ``text`` (of any group, ``after_candidate`` too)."""
        if self.marks and self._marked(text):
            return True
        for _fires in self._firing(text):
            return True
        return False

    def strength(self, text: str) -> int:
        """2: ``text`` is a candidate; 1: only right after a candidate (only groups of
        ``after_candidate`` fire); 0: not a candidate."""
        if self.marks and self._marked(text):
            return 2
        found = 0
        for _match, group in self._firing(text):
            if group not in self.after_candidate:
                return 2
            found = 1
        return found

    def _marked(self, text: str) -> bool:
        """Whether a mark stands in ``text`` not followed by a word of ``not_after_marks``
        (", so " of "…, so die Sprecherin", not of "…, so dass …")."""
        for mark in self.marks:
            at = text.find(mark)
            while at >= 0:
                word = _WORD.match(text, at + len(mark))
                if word is None or word.group().lower() not in self.not_after_marks:
                    return True
                at = text.find(mark, at + 1)
        return False

    def _firing(self, text: str) -> Iterator[tuple[regex.Match[str], str]]:
        """Each word of ``text`` that fires, with its group, in text order."""
        present: set[str] | None = None
        plans = self._first_plans
        for match in _WORD.finditer(text):
            word = match.group()
            plan = plans.get(word)
            if plan is None:
                plan = plans.keep(word, self._plan(word, plans is self._later_plans))
            plans = self._later_plans
            if plan.__class__ is str:
                if plan:
                    yield match, plan
                continue
            for group in plan:
                if group in self.with_context:
                    if present is None:
                        present = {w.lower() for w in _WORD.findall(text)}
                        if any(mark in text for mark in self.clause_marks):
                            present.add(CLAUSE)
                    if not self._in_context(group, word.lower(), text, match.end(), present):
                        continue
                yield match, group
                break

    def _plan(self, word: str, later: bool) -> str | tuple[str, ...]:
        """What ``word`` (not the sentence's first when ``later``) fires without looking at
        its sentence: a group (``""`` for none), or the groups to try in order, those that
        need the sentence among them (an empty tuple: the word fires nothing)."""
        low = word.lower()
        if low in self.not_words:
            return ()
        capital = later and word[:1].isupper()
        groups = self.words.get(low)
        if groups is None:
            group = self._unlisted(low, capital)
            if group != "cue_verbs" or "cue_verbs" not in self.with_context:
                return group
            groups = ("cue_verbs",)
        tried: list[str] = []
        for group in groups:
            if capital and group in self.lower_case:
                continue
            tried.append(group)
            if group not in self.with_context:
                break  # fires: the groups after it are never tried
        return tuple(tried)

    def _unlisted(self, low: str, capital: bool) -> str:
        """The group of a word not in ``words``: the ending rule, nach suffixes, a guessed
        form of a cue verb."""
        if "konjunktiv_ending" in self.groups and (
            len(low) > 3 and low.endswith("e") and not low.endswith("te")
        ):
            return "konjunktiv_ending"
        if self.nach_suffixes and low.endswith(self.nach_suffixes):
            return "nach_nouns"
        guess = self.verb_guess is not None and not (capital and "cue_verbs" in self.lower_case)
        return "cue_verbs" if guess and self._verb_readings(low) else ""

    def _in_context(self, group: str, low: str, text: str, end: int, present: set[str]) -> bool:
        if group == "cue_verbs":
            return any(
                (not particle or particle in present)
                and (not needs or not needs.isdisjoint(present))
                for particle, needs in self._verb_readings(low)
            )
        if group == "sources":
            return low not in self.konjunktiv_adverbs or self._has_konjunktiv(text)
        if group == "nach_nouns":
            return not self.nach.isdisjoint(present)
        if group == "reporting_nouns":
            return text[end : end + 1] == ","
        return not self.perfect.isdisjoint(present)  # reportive

    def _has_konjunktiv(self, text: str) -> bool:
        """Whether a word of ``text`` fires in the ``konjunktiv`` or ``konjunktiv_second``
        group."""
        upper_ok = "konjunktiv" not in self.lower_case
        return any(
            not _KONJUNKTIV.isdisjoint(self.words.get(word.lower(), ()))
            and word.lower() not in self.not_words
            and (n == 0 or upper_ok or not word[:1].isupper())
            for n, word in enumerate(_WORD.findall(text))
        )

    def _verb_readings(self, low: str) -> tuple[Reading, ...]:
        """The cue-verb readings of a lower-case word: listed forms, irregular forms, and
        guessed ones (regular endings, a particle in front; a base of a separable verb)."""
        listed = self.readings.get(low)
        if listed is not None:
            return listed
        known = self._verb_cache.get(low)
        if known is None:
            found: list[Reading] = []
            if self.verb_guess is not None:
                found.extend(
                    ("", self.needs.get(lemma, frozenset())) for lemma in self.verb_guess(low)
                )
            if self.verb_bases is not None and "cue_verbs" in self.with_context:
                for base in self.verb_bases(low):
                    found.extend(self.separable.get(base, ()))
            known = self._verb_cache.keep(low, tuple(dict.fromkeys(found)))
        return known

    # -- a document ------------------------------------------------------------------------
    def candidates(self, doc: Document) -> list[bool]:
        """For each sentence of ``doc``: whether it is parsed (a candidate or its context)."""
        hit: list[bool] = []
        for sentence in doc.sentences:
            strength = self.strength(sentence.text)
            hit.append(strength == 2 or (strength == 1 and bool(hit) and hit[-1]))
        if not (self.before or self.after):
            return hit
        out = list(hit)
        for i, is_hit in enumerate(hit):
            if is_hit:
                for j in range(max(0, i - self.before), min(len(hit), i + self.after + 1)):
                    out[j] = True
        return out


def _needs(detector: DetectorRules, lemma: str, clause: bool = False) -> frozenset[str]:
    """The words one of which a cue verb needs in its sentence (none: empty). "so" counts
    too: "…, so zeigen Studien, …" needs no "dass" (the detectors' exception). With
    ``clause``, a verb without an object of reported speech needs a sign of its content: a
    verb that takes only content clauses ("sagen", "glauben") a clause mark
    (:data:`CLAUSE`), one that takes a zu-infinitive too ("planen", "hoffen") a clause
    mark or "zu" ("plant, … zu bauen", "plant das Werk zu schließen")."""
    entry = detector.verbs.get(lemma)
    if entry is None:
        return frozenset()
    if entry.needs:
        return frozenset({*(w.lower() for w in entry.needs), "so"})
    if clause and not entry.reported:
        return frozenset({CLAUSE, "zu"}) if entry.infinitive else frozenset({CLAUSE})
    return frozenset()


def _separable(detector: DetectorRules, clause: bool) -> dict[str, tuple[Reading, ...]]:
    """Base verb → readings of the separable cue verbs made from it: "geben" →
    ("bekannt", …), ("zu", …); the particle must stand in the sentence."""
    out: dict[str, list[Reading]] = {}
    for lemma in detector.verbs:
        for particle in detector.particles:
            if lemma.startswith(particle) and len(lemma) > len(particle) + 2:
                reading = (particle, _needs(detector, lemma, clause))
                out.setdefault(lemma[len(particle) :], []).append(reading)
    return {base: tuple(dict.fromkeys(found)) for base, found in out.items()}
