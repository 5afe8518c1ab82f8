"""Parse backends: where the toolkit-independent parse of a text comes from.

The rules pipeline needs no parse. The detectors of indirect and reported speech read a
:class:`~quotes.parse.ParsedDoc`; a backend makes one from text with

* our shipped compact German spaCy model (``backend="parse"``),
* the user's own spaCy German pipeline (``backend="parse", nlp=...``), with UD or the
  TIGER labels of spaCy's ``de_core_news_*`` models, or
* a stanza German pipeline (``backend="stanza", pipeline=...``).

Toolkits are imported here and nowhere in the pipeline stages.
"""

from __future__ import annotations

from typing import Any, Protocol

from quotes.errors import BackendError
from quotes.parse import ParsedDoc

__all__ = ["ParseBackend", "SpacyBackend", "StanzaBackend", "make_backend"]


class ParseBackend(Protocol):
    """Turns text into the parse layer; ``name`` says which backend it is."""

    name: str

    def parse(self, text: str) -> ParsedDoc: ...


class SpacyBackend:
    """A spaCy German pipeline: ours (shipped) when ``nlp`` is None, else the user's."""

    name = "parse"

    def __init__(self, nlp: Any = None) -> None:
        if nlp is None:
            from quotes.models import load

            nlp = load()
            self._shipped = True
        else:
            self._shipped = False
        if not callable(nlp) or not hasattr(nlp, "pipe_names"):
            raise BackendError(
                f"nlp must be a spaCy Language (a loaded pipeline), not {type(nlp).__name__}"
            )
        if not any("parser" in name for name in nlp.pipe_names):
            raise BackendError(
                "the spaCy pipeline has no dependency parser; the parse backend needs one "
                f"(pipeline components: {', '.join(nlp.pipe_names) or 'none'})"
            )
        self.nlp = nlp

    def parse(self, text: str) -> ParsedDoc:
        from quotes.parse import from_spacy

        return from_spacy(self.nlp(text), text)

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes load the shipped model themselves instead of unpickling it.
        return (SpacyBackend, (None if self._shipped else self.nlp,))


class StanzaBackend:
    """A stanza German pipeline with tokenize, pos, lemma and depparse (ner optional)."""

    name = "stanza"

    def __init__(self, pipeline: Any) -> None:
        if pipeline is None:
            raise BackendError(
                "backend='stanza' needs pipeline=stanza.Pipeline('de', ...): stanza's models "
                "are not shipped with quotes"
            )
        if not callable(pipeline):
            raise BackendError(f"pipeline must be a stanza.Pipeline, not {type(pipeline).__name__}")
        self.pipeline = pipeline

    def parse(self, text: str) -> ParsedDoc:
        from quotes.parse import from_stanza

        return from_stanza(self.pipeline(text), text)


def make_backend(backend: str, *, nlp: Any = None, pipeline: Any = None) -> ParseBackend | None:
    """The parse backend for an Extractor's ``backend`` name (None for "rules")."""
    if backend == "rules":
        if nlp is not None or pipeline is not None:
            raise BackendError("backend='rules' takes neither nlp nor pipeline")
        return None
    if backend == "parse":
        if pipeline is not None:
            raise BackendError("backend='parse' takes nlp (a spaCy pipeline), not pipeline")
        return SpacyBackend(nlp)
    if backend == "stanza":
        if nlp is not None:
            raise BackendError("backend='stanza' takes pipeline (a stanza.Pipeline), not nlp")
        return StanzaBackend(pipeline)
    raise BackendError(f"unknown backend {backend!r}; choose one of rules, parse, stanza")
