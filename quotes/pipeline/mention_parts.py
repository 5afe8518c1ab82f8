"""The parts of a noun phrase: the one reading both speaker searches use.

A speaker's noun phrase, once its extent is found, is split into the parts the entity
resolver reads (:class:`~quotes.pipeline.mention.Mention`): a determiner, attributive
adjectives, the capitalised head ("US-Außenminister Marco Rubio"), a genitive attribute
("des russischen Außenministeriums") and an apposition in commas or brackets ("…, Maria
Sacharowa,", "(SPD)"). The surface search of the rules pipeline
(:class:`~quotes.pipeline.speakers.noun_phrases.NounPhrases`) and the parse-based one
(:func:`~quotes.detectors.syntax.mention_of`) both split here. What differs between them
is explicit: the word classes of :class:`PartWords` (each reads its own rules keys) and
two questions only the caller can answer, whether a word is an attributive modifier
(the surface reads endings, the parse its tags) and whether the head is plural (the
surface knows group words, the parse the morphology).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import attrs

from quotes.pipeline.mention import Mention

__all__ = ["PartWords", "compound_noun", "mention_parts"]

#: The punctuation that ends the head and opens an apposition: ", Maria Sacharowa", "(SPD)".
_APPOSITION_MARKS = frozenset({",", "(", ")"})


@attrs.frozen
class PartWords:
    """The closed word classes the split reads (the caller's rules)."""

    #: Words that open the phrase as its determiner ("der", "mehrere").
    determiners: frozenset[str] = frozenset()
    #: Words that open the genitive part after the head ("des", "von").
    genitive_openers: frozenset[str] = frozenset()
    #: Lower-case words that stand inside a name after its first word ("bin", "de").
    name_particles: frozenset[str] = frozenset()
    #: Determiners of the singular: a phrase opened by one is no plural.
    singular_determiners: frozenset[str] = frozenset()


def mention_parts(
    words: Sequence[str],
    start: int,
    end: int,
    text: str,
    parts: PartWords,
    *,
    pronouns: Collection[str],
    is_modifier: Callable[[int], bool],
    is_plural: Callable[[int, tuple[str, ...]], bool],
) -> Mention:
    """The :class:`Mention` of the phrase of ``words``, characters ``start:end``.

    ``text`` is the mention's text; a single word that is one of ``pronouns`` (lower-cased)
    is a pronoun. ``is_modifier(k)`` says whether word ``k`` is an attributive modifier,
    ``is_plural(k, head)`` whether the head, whose last word is word ``k``, is plural.
    """
    if len(words) == 1 and words[0].lower() in pronouns:
        return Mention(start, end, text, pronoun=words[0])
    determiner = ""
    head: list[str] = []
    adjectives: list[str] = []
    genitive: list[str] = []
    apposition: list[str] = []
    part = "head"
    for k, word in enumerate(words):
        if k == 0 and word.lower() in parts.determiners:
            determiner = word.lower()
            continue
        if word in _APPOSITION_MARKS:
            if head:
                part = "apposition"
            continue
        if part == "head" and head and word in parts.genitive_openers:
            part = "genitive"
        if part == "genitive":
            genitive.append(word)
        elif part == "apposition":
            if word[:1].isupper():
                apposition.append(word)
        elif is_modifier(k) and not head and not compound_noun(word):
            # "der 34-Jährige" is a noun, though a tagger may call it an adjective.
            adjectives.append(word)
        elif (
            word[:1].isupper()
            or compound_noun(word)
            or (word in parts.name_particles and head)
            or (head and _joined_particle(word, parts.name_particles))
        ):
            head.append(word)
    last = next((k for k in range(len(words) - 1, -1, -1) if words[k] in head), len(words) - 1)
    plural = is_plural(last, tuple(head)) and determiner not in parts.singular_determiners
    return Mention(
        start,
        end,
        text,
        head=tuple(head),
        determiner=determiner,
        apposition=tuple(apposition),
        genitive=tuple(genitive),
        adjectives=tuple(adjectives),
        plural=plural,
    )


def compound_noun(word: str) -> bool:
    """A noun compound that opens with a number or a lower-case name or abbreviation, its
    last part capitalised: "34-Jährige", "5-Sterne-Hotel", "vzbv-Vorständin",
    "dpa-Korrespondent", "eBay-Chefin" (a capitalised noun in all but its first letter;
    "US-amerikanischen" opens with a capital and ends lower-case: no noun)."""
    if "-" not in word:
        return False
    last = word.rsplit("-", 1)[1]
    if word[:1].isdigit():
        return last[:1].isupper()
    return word[:1].islower() and last[:1].isupper() and last.isalpha()


def _joined_particle(word: str, particles: frozenset[str]) -> bool:
    """A surname written together with its particle ("al-Dschaber", names.toml "al-")."""
    at = word.find("-")
    return (
        at > 0
        and (word[: at + 1] in particles or word[:at] in particles)
        and word[at + 1 : at + 2].isupper()
    )
