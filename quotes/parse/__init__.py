"""A parse layer independent of the NLP toolkit.

Parse-based detectors read :class:`ParsedDoc`, never a spaCy or stanza object, so they work
the same whichever parser ran and whichever label scheme it speaks::

    from quotes.parse import from_spacy
    parsed = from_spacy(nlp(text), text)
    for token in parsed:
        if token.lemma == "sagen":
            speakers = parsed.children(token.i, "nsubj")

The adapters import spaCy when first called and never import stanza (they read the
Document it made), so ``import quotes.parse`` stays light and works without stanza, which
is an optional extra (``pip install quotes[stanza]``).
"""

from __future__ import annotations

from quotes.parse.conversion import apply_offset_map
from quotes.parse.from_spacy import from_spacy
from quotes.parse.from_stanza import from_stanza
from quotes.parse.labels import Scheme, base, detect_scheme, entity_label, ud_label
from quotes.parse.model import (
    EMPTY_MORPH,
    Entity,
    Morph,
    Multiword,
    ParsedDoc,
    ParsedToken,
    Sentence,
)

__all__ = [
    "EMPTY_MORPH",
    "Entity",
    "Morph",
    "Multiword",
    "ParsedDoc",
    "ParsedToken",
    "Scheme",
    "Sentence",
    "apply_offset_map",
    "base",
    "detect_scheme",
    "entity_label",
    "from_spacy",
    "from_stanza",
    "ud_label",
]
