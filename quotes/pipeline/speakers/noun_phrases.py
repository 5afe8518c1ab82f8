"""Surface noun phrases over a token window: the speaker mentions of the rules pipeline.

A noun phrase is a pronoun, or determiner, adjectives and capitalised head words ("der
russische Präsident Wladimir Putin"), with up to two genitives ("Sprecher des Amtes"), an
apposition in commas (", Maria Sacharowa,") and prepositional or bracketed modifiers
("Theo Kitz vom Bankhaus Merck Finck", "Renate Schmidt (SPD)").
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.document import Token
from quotes.pipeline.cues import CueMatch
from quotes.pipeline.entities import Lexicon, Mention
from quotes.pipeline.mention_parts import PartWords, compound_noun, mention_parts
from quotes.pipeline.speaker_words import SurfaceWords

__all__ = ["NounPhrase", "NounPhrases", "is_adjective", "is_noun"]


@attrs.frozen
class NounPhrase:
    """A noun phrase over a token window: token range and its parts."""

    first: int
    last: int
    mention: Mention


@attrs.frozen
class NounPhrases:
    """Reads noun phrases with the entity lexicon and the surface word classes."""

    lexicon: Lexicon
    words: SurfaceWords
    #: The words the parts of a phrase are read with (speakers.toml's).
    parts: PartWords = attrs.field(
        init=False, eq=False, default=attrs.Factory(lambda self: self._parts(), takes_self=True)
    )
    #: The name particles split into words, by their first word, in the lexicon's order
    #: (see :meth:`_particle_name`).
    _particles: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(lambda self: self._particles_by_first(), takes_self=True),
    )

    def _particles_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for particle in self.lexicon.name_particles:
            words = tuple(particle.split())
            if words:
                by_first.setdefault(words[0], []).append(words)
        return {first: tuple(found) for first, found in by_first.items()}

    def _parts(self) -> PartWords:
        lex = self.lexicon
        return PartWords(
            determiners=lex.determiners_nominative | lex.determiners_oblique,
            genitive_openers=lex.genitive_articles | lex.role_genitive_articles,
            name_particles=frozenset(lex.name_particles),
            singular_determiners=self.words.singular_determiners,
        )

    def parse(
        self, tokens: Sequence[Token], i: int, end: int, *, oblique: bool = False
    ) -> NounPhrase | None:
        lex = self.lexicon
        end = min(end, len(tokens))
        if i >= end:
            return None
        word = tokens[i].text
        low = word.lower()
        if low in lex.pronouns and (word.islower() or i == 0 or low != "sie"):
            if low in self.words.object_pronouns and not oblique:
                return None
            mention = mention_parts(
                [word],
                tokens[i].start,
                tokens[i].end,
                word,
                self.parts,
                pronouns=lex.pronouns,
                is_modifier=lambda _k: False,
                is_plural=lambda _k, _head: False,
            )
            return NounPhrase(i, i, mention)
        particle = self._particle_name(tokens, i, end)
        if particle is not None:
            return particle
        if low in lex.skip_after_verb or low in self.lexicon.subordinators:
            return None  # "Gleichzeitig", "Zudem" open sentences capitalised
        j = i
        determiner = ""
        if low in lex.determiners_nominative or low in lex.determiners_oblique:
            determiner = low
            j += 1
        adjectives: list[str] = []
        while (
            j < end
            and len(adjectives) < 4
            and is_adjective(tokens[j].text, lex, lex.adjective_endings)
        ):
            adjectives.append(tokens[j].text)
            j += 1
        head: list[int] = []
        quoted_name = False
        if j + 2 < end and tokens[j].text == "„" and is_noun(tokens[j + 1].text):
            # A name in quotation marks: die „Computerwoche“, „Die Zeit“.
            close = next((k for k in range(j + 1, min(end, j + 6)) if tokens[k].text == "“"), None)
            if close is not None and all(is_noun(t.text) for t in tokens[j + 1 : close]):
                head = list(range(j + 1, close))
                quoted_name, j = True, close + 1
        while not quoted_name and j < end and len(head) < 6 and is_noun(tokens[j].text):
            if tokens[j].text in lex.not_speakers and not (determiner or head):
                break
            if head and tokens[j].text in lex.not_speakers:
                break
            head.append(j)
            j += 1
            # Titles and initials keep their dot: "Prof. Dr. Matthias W. Beckmann".
            if (
                j + 1 < end
                and tokens[j].text == "."
                and (
                    tokens[j - 1].text in self.words.name_abbreviations
                    or len(tokens[j - 1].text) == 1
                )
                and tokens[j].start == tokens[j - 1].end
                and is_noun(tokens[j + 1].text)
            ):
                j += 1
        if not head:
            return None
        last = j - 1 if quoted_name or tokens[j - 1].text == "." else head[-1]
        head_words = tuple(tokens[k].text for k in head)
        role_or_org = any(lex.role_of(w) or lex.is_organization_word(w) for w in head_words)
        for _ in range(2):
            if j >= end:
                break
            gen = tokens[j].text
            if gen in lex.genitive_articles or (gen in lex.role_genitive_articles and role_or_org):
                k = j + 1
                while k < end and is_adjective(tokens[k].text, lex, lex.adjective_endings):
                    k += 1
                nouns = 0
                while k < end and is_noun(tokens[k].text) and nouns < 4:
                    k += 1
                    nouns += 1
                if nouns:
                    last = k - 1
                    j = k
                    continue
            break
        if j + 1 < end and tokens[j].text == ",":
            appo = self._apposition(tokens, j + 1, end, head_words)
            if appo is not None:
                last = appo
        return NounPhrase(i, last, self.mention(tokens, i, last))

    def _particle_name(self, tokens: Sequence[Token], i: int, end: int) -> NounPhrase | None:
        """A known person's surname that opens with a lower-case particle ("sagte von der
        Leyen am Mittwoch"): a name, not a prepositional phrase. Only names of
        persons.toml: "von der Kommission" is a preposition's phrase."""
        lex = self.lexicon
        word = tokens[i].text
        if not word.islower():
            return None
        # Only the particles whose first word this is can match (an empty one never does:
        # its surname would be this lower-case word).
        for words in self._particles.get(word, ()):
            surname = i + len(words)
            if surname >= end or not tokens[surname].text[:1].isupper():
                continue
            if any(tokens[i + k].text != w for k, w in enumerate(words)):
                continue
            name = " ".join(t.text for t in tokens[i : surname + 1])
            if name in lex.known_persons:
                return NounPhrase(i, surname, self.mention(tokens, i, surname))
        return None

    def mention(self, tokens: Sequence[Token], first: int, last: int) -> Mention:
        """The :class:`Mention` of the phrase ``first..last`` (inclusive), split into its
        parts by :func:`~quotes.pipeline.mention_parts.mention_parts`: a modifier is a
        word with an adjective's ending, the head is plural when its last word is a group
        word ("Behörden"). Its text is left empty: the finder sets it once the extent is
        final (a phrase may still take modifiers, ``modifiers_until``)."""
        lex = self.lexicon
        words = [t.text for t in tokens[first : last + 1]]
        return mention_parts(
            words,
            tokens[first].start,
            tokens[last].end,
            "",
            self.parts,
            pronouns=(),
            is_modifier=lambda k: is_adjective(words[k], lex, lex.adjective_endings),
            is_plural=lambda _k, head: bool(head) and head[-1] in lex.group_words,
        )

    def _apposition(
        self, tokens: Sequence[Token], i: int, end: int, head: tuple[str, ...]
    ) -> int | None:
        """Last token of an apposition in commas: ", Maria Sacharowa," / ", die Sprecherin …,"."""
        lex = self.lexicon
        k = i
        names = 0
        while k < end and is_noun(tokens[k].text) and names < 4:
            k += 1
            names += 1
        closes = k >= end or tokens[k].text in _APPOSITION_END
        if names and closes:
            words = [tokens[m].text for m in range(i, k)]
            if (
                words[0] in lex.given_names
                or (names >= 2 and not lex.role_of(words[-1]))
                or (any(lex.role_of(w) for w in head) and names >= 1 and not lex.role_of(words[0]))
            ):
                return k - 1
        # A role phrase after a name, with or without article: "Bill Graham, Parteichef
        # der Liberalen", "Ursula Castrup, die Leiterin der Fachstelle".
        inner = self.parse(tokens, i, end)
        closing = None
        if inner is not None:
            # Prepositional modifiers may follow: "die Leiterin der Fachstelle für Sucht".
            after = inner.last + 1
            closing = inner.last
            if after < end and tokens[after].text not in _APPOSITION_END:
                stop = next(
                    (
                        k
                        for k in range(after, min(end, after + 12))
                        if tokens[k].text in _APPOSITION_END
                    ),
                    end if end - after <= 12 else None,
                )
                closing = None if stop is None else self.modifiers_until(tokens, after, stop)
        if (
            inner is not None
            and closing is not None
            and not inner.mention.pronoun
            and lex.role_of(inner.mention.head[0])
            and (
                not inner.mention.determiner
                or inner.mention.determiner in lex.determiners_nominative
            )
            and not any(lex.role_of(w) for w in head)
        ):
            return closing
        return None

    def ending_at(self, tokens: Sequence[Token], end: int) -> NounPhrase | None:
        """The noun phrase that ends right before ``end`` ("… Putin, der …")."""
        for start in range(max(0, end - 12), end):
            phrase = self.parse(tokens, start, end, oblique=True)
            if phrase is not None and phrase.last == end - 1:
                return phrase
        return None

    def modifiers_until(self, tokens: Sequence[Token], i: int, verb: int) -> int | None:
        """Last token of prepositional or bracketed modifiers from ``i`` up to ``verb``.

        None when anything else (a verb, a clause) stands between the noun phrase and
        the finite verb.
        """
        lex = self.lexicon
        last = None
        while i < verb:
            word = tokens[i].text
            if word == "(":
                close = next((k for k in range(i, verb) if tokens[k].text == ")"), None)
                if close is None:
                    return None
                last, i = close, close + 1
                continue
            if word.lower() in lex.prepositions or word in self.words.oblique_articles:
                inner = self.parse(tokens, i + 1, verb, oblique=True)
                if inner is None:
                    return None
                last, i = inner.last, inner.last + 1
                continue
            if word in {",", "–"} and i + 1 == verb:
                return last
            return None
        return last

    def source_of(self, tokens: Sequence[Token], cue: CueMatch) -> NounPhrase | None:
        """The author of "In einer Mitteilung des Weißen Hauses heißt es:"."""
        for i, token in enumerate(tokens[:-1]):
            link = tokens[i + 1].text
            if token.text in self.lexicon.source_nouns and link in self.words.source_links:
                # "des Weißen Hauses" is parsed with its article; "von X" without "von".
                start = i + 1 if link in self.words.source_link_articles else i + 2
                phrase = self.parse(tokens, start, len(tokens), oblique=True)
                if phrase is not None:
                    return phrase
        return None


# What may follow an apposition: ", Maria Sacharowa, betonte" / "sagte X, Chef von Y."
_APPOSITION_END = frozenset({",", ".", ":", ";", "!", "?", "(", "–"})


def is_noun(word: str) -> bool:
    if compound_noun(word):
        return True  # "der 34-Jährige", "die vzbv-Vorständin"
    if not word[:1].isupper():
        return False
    # "US-amerikanischen" is an adjective despite its capital.
    if "-" in word and word.rsplit("-", 1)[1][:1].islower():
        return False
    return word[:1].isalpha()


def is_adjective(word: str, lex: Lexicon, endings: tuple[str, ...]) -> bool:
    """A lower-case inflected word that can stand between determiner and noun."""
    if "-" in word and word.rsplit("-", 1)[1][:1].islower():
        tail = word.rsplit("-", 1)[1]
        return tail.endswith(endings)
    if not word.islower() or not word.isalpha():
        return False
    if (
        word in lex.prepositions
        or word in lex.determiners_nominative
        or word in lex.determiners_oblique
        or word in lex.pronouns
        or word in lex.finite_verbs
    ):
        return False
    return word.endswith(endings) and len(word) > 3
