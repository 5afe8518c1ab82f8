"""stanza -> parse layer.

stanza's German pipelines speak UD, so labels only need their spelling normalised. Its
Documents come from a pipeline run or from CoNLL-U (``stanza.utils.conll.CoNLL``).

Multi-word tokens ("zum" = "zu" + "dem") become one layer token per *word*; each word
carries the surface token's offsets and text, ``form`` is the word, and the group is listed
in ``ParsedDoc.multiwords`` (see :mod:`quotes.parse.model`).

Offsets come from the tokens' ``start_char``/``end_char`` (a pipeline sets them; stanza's
CoNLL-U reader takes them from ``start_char=…|end_char=…`` in MISC). Where they are
missing, tokens are aligned to the text in order, allowing only whitespace between them.
stanza is an optional dependency: this module imports nothing from it, it only reads the
Document's attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quotes.errors import BackendError, check_text
from quotes.parse.conversion import apply_offset_map, gc_paused, text_mismatch
from quotes.parse.labels import entity_label, ud_label, upos_from_stts
from quotes.parse.model import (
    Columns,
    Entity,
    Layers,
    Morph,
    Multiword,
    ParsedDoc,
)

__all__ = ["from_stanza"]


def from_stanza(
    doc: Any,
    text: str,
    *,
    offset_map: Sequence[int] | None = None,
) -> ParsedDoc:
    """The parse layer of a ``stanza.Document``, with offsets into ``text``.

    ``text`` is the original text. If stanza was given a changed text, pass
    ``offset_map`` (one entry per offset into the text stanza saw, plus the end; see
    :func:`quotes.parse.conversion.apply_offset_map`); without it, a Document whose text
    or token offsets do not match ``text`` raises BackendError.
    """
    text = check_text(text)
    if not hasattr(doc, "sentences"):
        raise TypeError(f"from_stanza() takes a stanza.Document, not {type(doc).__name__}")
    with gc_paused():
        return _from_stanza(doc, text, offset_map)


def _from_stanza(doc: Any, text: str, offset_map: Sequence[int] | None) -> ParsedDoc:
    parsed_text: str | None = getattr(doc, "text", None)
    if offset_map is None:
        if parsed_text is not None and parsed_text != text:
            raise BackendError(text_mismatch("stanza Document", parsed_text, text))
        parsed_text = text
    elif parsed_text is None:
        raise BackendError("offset_map needs the text stanza parsed, but the Document has none")

    starts: list[int] = []
    ends: list[int] = []
    forms: list[str] = []
    lemmas: list[str] = []
    upos: list[str] = []
    tags: list[str] = []
    morphs: list[Morph] = []
    heads: list[int] = []
    deps: list[str] = []
    deps_raw: list[str] = []
    sentence_starts: list[int] = []
    multiwords: list[Multiword] = []
    ner_tags: list[str | None] = []  # one per surface token
    token_first_word: list[int] = []  # index of each surface token's first word
    token_end_word: list[int] = []
    has_parse = has_tags = has_morph = has_lemmas = False
    cursor = 0

    for sentence in doc.sentences:
        sentence_start = len(starts)
        sentence_starts.append(sentence_start)
        for token in sentence.tokens:
            start, end = token.start_char, token.end_char
            if start is None or end is None:
                start, end = _align(parsed_text, cursor, token.text)
            elif parsed_text[start:end] != token.text:
                raise BackendError(
                    f"stanza token {token.text!r} has offsets {start}:{end}, where the text "
                    f"has {parsed_text[start:end]!r}; pass the text stanza parsed"
                )
            cursor = end
            first_word = len(starts)
            words = token.words
            for word in words:
                starts.append(start)
                ends.append(end)
                forms.append(word.text)
                lemmas.append(word.lemma or "")
                tag = word.xpos or ""
                tags.append(tag)
                upos.append(word.upos or upos_from_stts(tag))
                morphs.append(Morph.parse(word.feats))
                raw = word.deprel or ""
                deps_raw.append(raw)
                head = word.head
                if head is None or not raw:
                    heads.append(len(heads))
                    deps.append("")
                else:
                    has_parse = True
                    index = len(heads)
                    heads.append(index if head == 0 else sentence_start + head - 1)
                    deps.append("root" if head == 0 else ud_label(raw))
                has_tags = has_tags or bool(tag)
                has_morph = has_morph or word.feats is not None
                has_lemmas = has_lemmas or word.lemma is not None
            if len(words) > 1:
                multiwords.append(Multiword(first_word, len(starts), token.text))
            ner_tags.append(getattr(token, "ner", None))
            token_first_word.append(first_word)
            token_end_word.append(len(starts))

    if offset_map is not None:
        starts, ends = apply_offset_map(starts, ends, offset_map, parsed_text, text)
    if not has_parse:
        heads = list(range(len(starts)))
    has_entities = any(tag is not None for tag in ner_tags)
    entities = [
        Entity(token_first_word[first], token_end_word[last - 1], entity_label(raw), raw)
        for first, last, raw in _decode_bioes(ner_tags)
    ]
    token_columns = Columns(starts, ends, forms, lemmas, upos, tags, morphs, heads, deps, deps_raw)
    layers = Layers(has_parse, has_tags, has_morph, has_lemmas, has_entities)
    scheme = "ud" if has_parse else None
    return ParsedDoc.of_parser(
        text, token_columns, layers, sentence_starts, entities, multiwords, scheme=scheme,
        source="stanza",
    )  # fmt: skip


def _align(text: str, cursor: int, token_text: str) -> tuple[int, int]:
    """Find ``token_text`` at ``cursor``, after whitespace only."""
    start = cursor
    while start < len(text) and text[start].isspace():
        start += 1
    if not text.startswith(token_text, start):
        raise BackendError(
            f"stanza token {token_text!r} has no offsets and does not follow at character "
            f"{start} (the text has {text[start : start + 20]!r}); the Document was not "
            f"made from this text"
        )
    return start, start + len(token_text)


def _decode_bioes(tags: Sequence[str | None]) -> list[tuple[int, int, str]]:
    """Entities ``(first, end, type)`` over token indices from BIOES, BILOU or BIO tags.

    Lenient like stanza itself: an I- or E- tag that does not continue an entity of its
    type starts a new one.
    """
    found: list[tuple[int, int, str]] = []
    current: tuple[int, str] | None = None  # (first token, type) of the open entity
    for i, tag in enumerate(tags):
        prefix, _, kind = (tag or "O").partition("-")
        if prefix not in ("B", "I", "E", "S", "L", "U") or not kind:
            if current is not None:
                found.append((current[0], i, current[1]))
            current = None
            continue
        continues = current is not None and current[1] == kind and prefix in ("I", "E", "L")
        if not continues:
            if current is not None:
                found.append((current[0], i, current[1]))
            current = (i, kind)
        if prefix in ("E", "S", "L", "U"):
            assert current is not None
            found.append((current[0], i + 1, current[1]))
            current = None
    if current is not None:
        found.append((current[0], len(tags), current[1]))
    return found
