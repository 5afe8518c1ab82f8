"""The mention reshaping steps of a resolution run
(:class:`~quotes.pipeline.resolution_run.ResolutionRun`): a trailing adverbial cut off, a
conjunct read as a mention of its own, the name an anonymous speaker's description gives,
and the word tests the name rules share. Pure functions of a mention and the lexicon."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.entity_scan import group_name, joined
from quotes.pipeline.mention import Mention

__all__ = [
    "bracketed",
    "description_name",
    "name_adjectives",
    "name_word",
    "part_of",
    "without_adverbials",
]

# Punctuation a mention's text writes around a word ("Müller," "(SPD)").
_WORD_EDGES = ",.;:!?()[]„“”\"»«'"


def part_of(mention: Mention, start: int, text: str, lex: Lexicon) -> Mention:
    """A mention of one conjunct, split into determiner, adjectives and head."""
    words = text.split()
    determiner = ""
    if words and words[0].lower() in lex.determiners_nominative | lex.determiners_oblique:
        determiner = words[0].lower()
        words = words[1:]
    adjectives = tuple(w for w in words if w[:1].islower())
    head = tuple(w for w in words if not w[:1].islower())
    return Mention(
        start,
        start + len(text),
        text,
        head=head,
        determiner=determiner,
        adjectives=adjectives,
        plural=bool(adjectives) and not determiner,
        subject=mention.subject,
    )


def name_adjectives(mention: Mention, lex: Lexicon) -> Mention:
    """The mention with the capitalised adjectives that open its head read as adjectives:
    "Das Deutsche Rote Kreuz" (head "Rote Kreuz", as a parser may read it) has the
    adjectives "Deutsche Rote" and the head "Kreuz"; "der Deutschen Bahn" the adjective
    "Deutschen". Only after a determiner (at a sentence's start any word has a capital),
    never the head's last word, and only before a noun or another such adjective ("die
    Hochschule Bremen" has a noun before a place)."""
    head = mention.head
    if not mention.determiner or len(head) < 2:
        return mention
    k = 0
    while (
        k < len(head) - 1
        and lex.is_name_adjective(head[k])
        and (
            (k + 2 < len(head) and lex.is_name_adjective(head[k + 1]))
            or lex.is_common_word(head[k + 1])
            or lex.is_organization_word(head[k + 1])
            or head[k + 1] in lex.organization_name_words
            or head[k + 1] in lex.organization_adjective_heads
        )
    ):
        k += 1
    if not k:
        return mention
    return attrs.evolve(mention, adjectives=(*mention.adjectives, *head[:k]), head=head[k:])


def without_adverbials(mention: Mention, lex: Lexicon) -> Mention:
    """The mention's parts without a trailing adverbial that a chunker took in ("der
    CSU-Chef am Rande einer Sitzung", "eine Sprecherin am Sonntag"): they stop at the
    first preposition that cannot belong to a name ("für", "von" can) and leave out
    weekdays and other words of ``not_speakers``."""
    words = mention.text.split()
    cut = next(
        (
            k
            for k, word in enumerate(words[1:], 1)
            if word.lower() in lex.prepositions and word.lower() not in lex.name_links
        ),
        len(words),
    )
    if cut == len(words) and not any(w in lex.not_speakers for w in mention.head):
        return mention
    # The parts are words without the punctuation the text writes around them: "Frau
    # Müller, eine Rentnerin aus Offenbach" keeps "Müller" though the text has "Müller,".
    kept = {w.strip(_WORD_EDGES) for w in words[:cut]}
    head = tuple(w for w in mention.head if w in kept and w not in lex.not_speakers)
    genitive: list[str] = []
    for word in mention.genitive:
        if word not in kept:
            break
        genitive.append(word)
    if not head:
        return mention
    return attrs.evolve(mention, head=head, genitive=tuple(genitive))


def name_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word, or a surname joined to its particle ("al-Dschaber")."""
    if word[:1].isupper():
        return True
    return any(
        p.endswith("-") and word.startswith(p) and word[len(p) : len(p) + 1].isupper()
        for p in lex.name_particles
    )


def bracketed(text: str) -> str:
    start, end = text.find("("), text.find(")")
    return text[start + 1 : end].strip() if 0 <= start < end else ""


def description_name(
    mention: Mention, group_heads: frozenset[str], noun_genders: Mapping[str, str]
) -> str:
    """An anonymous speaker's name: its head with its genitive ("Beamter des Ministeriums").

    Adjectives stay with plural groups ("russische Führer") and with the heads of
    ``group_heads`` (``speakers.toml``: "russische Staatsmedien"), where they say who.
    """
    head = list(mention.head)
    if (
        head
        and mention.determiner == "der"
        and head[-1].endswith("te")
        # A masculine noun of its own keeps its form: "der Experte", "der Brite".
        and noun_genders.get(head[-1].lower()) != "m"
    ):
        head[-1] = head[-1] + "r"  # "der Beamte" → "Beamter", the form without article
    if mention.plural or (head and head[-1] in group_heads):
        return group_name(mention.adjectives, head, mention.genitive)
    return joined([*head, *mention.genitive])
