"""Helpers of the spaCy component: tokens split at quotation edges, a pipeline's prefix.

See :mod:`quotes.spacy_component` (``alignment`` and the CRLF note) for why.
"""

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

__all__ = ["PipelineBefore", "same_span", "split_at"]


class PipelineBefore:
    """The components of ``nlp`` before ``name``, callable on a text like a pipeline."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.pipe_names = []
        for pipe_name in nlp.pipe_names:
            if pipe_name == name:
                break
            self.pipe_names.append(pipe_name)

    def __call__(self, text: str | Doc) -> Doc:
        # A Doc comes with sentence starts already set (SpacyBackend presets each line's).
        doc = text if isinstance(text, Doc) else self.nlp.make_doc(text)
        for pipe_name, component in self.nlp.pipeline:
            if pipe_name == self.name:
                break
            doc = component(doc)
        return doc

    def pipe(self, texts: Iterable[str | Doc], **_settings: Any) -> Iterator[Doc]:
        return (self(text) for text in texts)

    # No memory zone: this runs inside the pipeline's own call on a Doc.
    memory_zone = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


def split_at(doc: Doc, edges: set[int]) -> bool:
    """Split the tokens of ``doc`` (which has no parse) that ``edges`` fall inside.

    Whether any token was split. The other span groups are moved to the new tokens.
    """
    cuts: dict[int, list[int]] = {}
    for token in doc:
        inside = sorted(e for e in edges if token.idx < e < token.idx + len(token.text))
        if inside:
            cuts[token.i] = inside
    if not cuts:
        return False
    groups = {
        key: (group.attrs, [(s.start_char, s.end_char, s.label, s.kb_id, s.id) for s in group])
        for key, group in doc.spans.items()
    }
    with doc.retokenize() as retokenizer:
        for i, inside in cuts.items():
            token = doc[i]
            bounds = [token.idx, *inside, token.idx + len(token.text)]
            orths = [doc.text[a:b] for a, b in itertools.pairwise(bounds)]
            # No parse to keep: each piece heads itself, as the unsplit token did.
            heads = [(token, k) for k in range(len(orths))]
            retokenizer.split(token, orths, heads=heads)
    for key, (attrs, saved) in groups.items():
        moved = [
            Span(doc, span.start, span.end, label=label, kb_id=kb_id, span_id=span_id)
            for start, end, label, kb_id, span_id in saved
            if (span := doc.char_span(start, end, alignment_mode="expand")) is not None
        ]
        doc.spans[key] = SpanGroup(doc, name=key, attrs=attrs, spans=moved)
    return True


def same_span(doc: Doc, span: Span) -> Span:
    moved = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
    assert moved is not None  # splitting tokens keeps every character in a token
    return Span(doc, moved.start, moved.end, label=span.label, kb_id=span.kb_id, span_id=span.id)
