"""spaCy -> parse layer.

Works for any German spaCy pipeline: TIGER-labelled (the official ``de_core_news_*`` and
``de_dep_news_trf``) or UD-labelled, and with any components missing (no parser: every
token its own root; no tagger, morphologizer, lemmatizer or NER: those layers empty).

Speed: everything is read in one ``Doc.to_array`` call and strings are looked up once per
distinct value, so converting costs a few microseconds per token, far below parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from quotes.errors import BackendError, check_text
from quotes.parse.conversion import apply_offset_map, gc_paused, text_mismatch
from quotes.parse.labels import (
    Scheme,
    capitalised_adverbs_as_names,
    detect_scheme,
    entity_label,
    ud_label,
    upos_from_stts,
)
from quotes.parse.model import (
    Columns,
    Entity,
    Layers,
    Morph,
    ParsedDoc,
)
from quotes.parse.tiger import convert_tiger

if TYPE_CHECKING:
    import numpy as np
    from spacy.strings import StringStore
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["from_spacy"]

# spaCy and numpy are imported when first used: ``import quotes.parse`` stays light.
_COLUMN_NAMES = (
    "IDX", "LENGTH", "HEAD", "DEP", "POS", "TAG", "LEMMA", "MORPH", "SENT_START", "ENT_IOB",
    "ENT_TYPE", "ORTH", "SPACY",
)  # fmt: skip


def from_spacy(
    doc: Doc,
    text: str | None = None,
    *,
    offset_map: Sequence[int] | None = None,
    scheme: Scheme | None = None,
    restructure: bool = True,
) -> ParsedDoc:
    """The parse layer of a spaCy ``Doc``, with offsets into ``text``.

    ``text`` is the original text (default: ``doc.text``). If the Doc was made from a
    changed text (normalised quotes, removed soft hyphens), pass ``offset_map``: for every
    offset into ``doc.text`` (``len(doc.text) + 1`` of them) the corresponding offset into
    ``text``, never decreasing. Token texts then come from ``text`` and ``form`` holds the
    Doc's spelling. Without a map, a Doc whose text differs raises BackendError.

    ``scheme`` ("ud" or "tiger") overrides detection from the labels. ``restructure``
    (TIGER only) rebuilds the tree the UD way; see :func:`quotes.parse.tiger.convert_tiger`.
    """
    from spacy.tokens import Doc

    if not isinstance(doc, Doc):
        raise TypeError(f"from_spacy() takes a spacy.tokens.Doc, not {type(doc).__name__}")
    with gc_paused():
        return _from_spacy(doc, text, offset_map, scheme, restructure)


def _from_spacy(
    doc: Doc,
    text: str | None,
    offset_map: Sequence[int] | None,
    scheme: Scheme | None,
    restructure: bool,
) -> ParsedDoc:
    import numpy as np

    if text is not None:
        text = check_text(text)
    n = len(doc)
    if n:
        columns = doc.to_array(list(_COLUMN_NAMES)).view(np.int64)  # HEAD: signed offset
    else:
        columns = np.zeros((0, len(_COLUMN_NAMES)), dtype=np.int64)
    (idx, length, head_offset, dep, pos, tag, lemma, morph, sent_start, ent_iob, ent_type, orth,
     space_after) = columns.T  # fmt: skip
    strings = doc.vocab.strings
    # doc.text would build a Token object per token; joining the strings is faster.
    doc_text = "".join(
        [
            o + " " if s else o
            for o, s in zip(_strings(orth, strings), space_after.tolist(), strict=True)
        ]
    )
    if text is None:
        text = doc_text
    elif offset_map is None and doc_text != text:
        raise BackendError(text_mismatch("spaCy Doc", doc_text, text))
    starts: list[int] = idx.tolist()
    ends: list[int] = (idx + length).tolist()

    has_parse = doc.has_annotation("DEP")
    has_tags = doc.has_annotation("TAG")
    has_pos = doc.has_annotation("POS")
    has_morph = doc.has_annotation("MORPH")
    has_lemmas = doc.has_annotation("LEMMA")

    tags = _strings(tag, strings) if has_tags else [""] * n
    upos = _strings(pos, strings) if has_pos else [""] * n
    if has_tags:  # fill gaps from the fine-grained tag (STTS)
        upos = [u or upos_from_stts(t) for u, t in zip(upos, tags, strict=True)]
    lemmas = _strings(lemma, strings) if has_lemmas else None
    morphs = _morphs(morph, strings) if has_morph else None
    # The tokens' own forms, read once: the tag correction, the TIGER conversion and the
    # offset map all need them.
    doc_forms = [doc_text[s:e] for s, e in zip(starts, ends, strict=True)]
    sentence_starts = (
        _starts_of(sent_start) if has_parse or doc.has_annotation("SENT_START") else [0]
    )
    if has_pos or has_tags:
        capitalised_adverbs_as_names(doc_forms, upos, tags, sentence_starts)

    heads: list[int] | None = None
    deps: list[str] | None = None
    deps_raw: list[str] | None = None
    if has_parse:
        heads = (head_offset + np.arange(n, dtype=np.int64)).tolist()
        deps_raw = _strings(dep, strings)
        scheme = scheme or detect_scheme(set(deps_raw)) or _vocab_scheme(doc.vocab)
        if scheme == "tiger":
            verbforms = [m.verbform for m in morphs] if morphs is not None else [""] * n
            heads, deps = convert_tiger(
                heads,
                deps_raw,
                upos,
                tags,
                lemmas if lemmas is not None else [""] * n,
                verbforms,
                forms=doc_forms,
                restructure=restructure,
            )
        else:
            deps = _normalised_ud(deps_raw, heads)

    forms: list[str] | None = None
    if offset_map is not None:
        forms = doc_forms
        starts, ends = apply_offset_map(starts, ends, offset_map, doc_text, text)

    has_entities = doc.has_annotation("ENT_IOB")
    entities = _entities(ent_iob, ent_type, strings) if has_entities else []
    token_columns = Columns(starts, ends, forms, lemmas, upos, tags, morphs, heads, deps, deps_raw)
    layers = Layers(has_parse, has_tags, has_morph, has_lemmas, has_entities)
    scheme = scheme if has_parse else None
    return ParsedDoc.of_parser(
        text, token_columns, layers, sentence_starts, entities, scheme=scheme, source="spacy"
    )


def _strings(column: np.ndarray, strings: StringStore) -> list[str]:
    """Decode a column of string hashes, looking each distinct hash up once."""
    values: list[int] = column.view("uint64").tolist()
    table = {h: strings[h] if h else "" for h in set(values)}
    return [table[h] for h in values]


def _morphs(column: np.ndarray, strings: StringStore) -> list[Morph]:
    values: list[int] = column.view("uint64").tolist()
    table = {h: Morph.parse(strings[h]) if h else Morph.parse(None) for h in set(values)}
    return [table[h] for h in values]


def _entities(iob: np.ndarray, types: np.ndarray, strings: StringStore) -> list[Entity]:
    """Entities from the IOB columns (3 = B, 1 = I, 2 = O, 0 = unset; spaCy starts every
    entity with B). Reading ``doc.ents`` would build a Token object per token.
    """
    starts = (iob == 3).nonzero()[0].tolist()
    inside = (iob == 1).tolist()
    type_hashes: list[int] = types.view("uint64").tolist()
    entities = []
    n = len(inside)
    for start in starts:
        end = start + 1
        while end < n and inside[end] and type_hashes[end] == type_hashes[start]:
            end += 1
        raw = strings[type_hashes[start]]
        entities.append(Entity(start, end, entity_label(raw), raw))
    return entities


def _normalised_ud(raw: list[str], heads: list[int]) -> list[str]:
    table = {label: ud_label(label) for label in set(raw)}
    deps = [table[label] for label in raw]
    for i, head in enumerate(heads):
        if head == i:
            deps[i] = "root"
    return deps


def _starts_of(sent_start: np.ndarray) -> list[int]:
    return (sent_start == 1).nonzero()[0].tolist() or [0]


# Labels only a TIGER or only a UD parser has in its string store; used when a short
# Doc's own labels ("ROOT", "punct") do not tell the scheme. Plain UD labels ("nsubj",
# "obl") are spaCy symbols, in every vocabulary; UD subtypes and TIGER labels are not.
_TIGER_MARKERS = ("sbp", "mnr", "svp", "nk", "oa", "pnc", "cvc")
_UD_MARKERS = ("nsubj:pass", "aux:pass", "compound:prt", "flat:name", "acl:relcl", "case", "fixed")


def _vocab_scheme(vocab: Vocab) -> Scheme | None:
    strings: Any = vocab.strings
    tiger = sum(label in strings for label in _TIGER_MARKERS)
    ud = sum(label in strings for label in _UD_MARKERS)
    if max(tiger, ud) < 3 or tiger == ud:
        return None
    return "tiger" if tiger > ud else "ud"
