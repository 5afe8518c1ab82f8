"""Schema of ``quotations.toml``: quotation marks and what quoted spans are."""

from __future__ import annotations

from typing import Any

import attrs

from quotes.records import MEDIA
from quotes.schema._base import BadValue, Words, at_least, one_of


def _pairs(_instance: Any, attribute: Any, value: tuple[Words, ...]) -> None:
    for index, pair in enumerate(value, 1):
        if len(pair) != 2 or not all(pair):
            raise BadValue(
                attribute, f"pair #{index}: each pair is [opener, closer], got {list(pair)!r}"
            )


@attrs.frozen
class Family:
    """One ``[[family]]`` of quotation marks: its (opener, closer) pairs."""

    name: str
    pairs: tuple[Words, ...] = attrs.field(default=(), validator=_pairs)


def _count(low: int) -> Any:
    return attrs.field(default=None, validator=at_least(low))


@attrs.frozen
class QuotationsRules:
    """``quotations.toml``. Numbers left out take the defaults the stages document."""

    max_depth: int | None = _count(1)
    search_depth: int | None = _count(1)
    dangling_paragraphs: int | None = _count(0)
    max_title_words: int | None = _count(1)
    max_term_words: int | None = _count(1)
    title_compound_min_length: int | None = _count(1)
    partial_min_noun_words: int | None = _count(1)
    partial_noun_determiners: Words = ()  # "ein „Papiertiger“": a partial quote after all
    noun_endings: Words = ()  # genitive and plural endings of title and term nouns
    apostrophes: Words = ()
    elisions: Words = ()
    measure_marks: Words = ()
    unclosed_openers: Words = ()
    lost_opener_closers: Words = ()
    title_nouns: Words = ()
    not_title_nouns: Words = ()
    not_term_nouns: Words = ()  # "Worte(n)" is what somebody said: mit den Worten „…“
    title_noun_links: Words = ()
    title_articles: Words = ()
    title_preceding_words: Words = ()
    title_following_words: Words = ()
    title_function_words: Words = ()
    title_families: Words = ()
    title_genitive_links: Words = ()
    foreign_title_words: Words = ()
    german_function_words: Words = ()
    name_endings: Words = ()  # legal forms: „… GmbH“ is a name (a title)
    name_link_words: Words = ()  # lower-case words such a name may hold
    slogan_nouns: Words = ()
    writing_nouns: Words = ()
    thought_nouns: Words = ()
    person_medium_from: str = ""
    person_medium: str = ""
    speech_nouns: Words = ()  # "nach Aussagen der Zeugin": spoken (quotes/detectors/medium.py)
    unknown_medium: str | None = attrs.field(default=None, validator=one_of(*MEDIA))
    writing_frames: Words = ()  # "in einem Brief", "auf Twitter": Writing (medium.py)
    statement_frames: Words = ()  # "in einer Pressemitteilung": SW (medium.py)
    report_nouns: Words = ()  # "laut einer Agenturmeldung": SW as the speaker (medium.py)
    spoken_cues: Words = ()  # "sag": "sagte X" keeps Speech where X's channel is named (medium.py)
    written_cues: Words = ()  # "schrieb": a channel of writing, like writing_frames (medium.py)
    written_cue_words: Words = ()  # "steht" (whole): "Darin steht: „…“" is Writing (medium.py)
    spoken_frames: Words = ()  # "im Interview": Speech, no channel carries onto it (medium.py)
    statement_cues: Words = ()  # "hieß (es)": SW, even over heißen's Writing (medium.py)
    person_medium_not_after: Words = ()  # "X zufolge": a person's words stay SW (medium.py)
    person_medium_not_with: Words = ()  # "forder": "X forderte, …" stays SW (medium.py)
    organization_statement_cues: Words = ()  # "erklär": "Das Ministerium erklärte": SW
    publication_nouns: Words = ()  # "in seinem Gutachten": Writing (medium.py)
    publication_prepositions: Words = ()  # "in", "im": before publication_nouns (medium.py)
    term_markers: Words = ()
    term_nouns: Words = ()
    term_heads: Words = ()
    gloss_markers: Words = ()
    term_als_words: Words = ()
    term_als_verbs: Words = ()
    term_als_passive_verbs: Words = ()
    term_following_words: Words = ()
    term_naming_verbs: Words = ()
    family: tuple[Family, ...] = ()
