"""The compact German spaCy pipeline shipped inside the package (``de_quotes_sm``).

>>> from quotes.models import load
>>> nlp = load()  # doctest: +SKIP
>>> doc = nlp("Er sagte, er sei müde.")  # doctest: +SKIP

The pipeline is loaded from the package directory with :func:`spacy.load`; nothing is
downloaded. Components: ``tok2vec``, ``tagger`` (STTS), ``morphologizer`` (UPOS + UD
features), ``trainable_lemmatizer``, ``parser`` (UD labels, root spelled ``ROOT``), ``ner``
(PER/ORG/LOC/MISC, with its own tok2vec). The model is CC BY-SA 4.0 (see
``de_quotes_sm/LICENSE`` and ``de_quotes_sm/MODEL_CARD.md``).

Lemmas: the pipeline's edit-tree lemmatizer has seen only 37k words of training data (GSD dev
lemma accuracy 92.0 %, verbs 83.3 %). ``load(lemmas="simplemma")`` adds a last step that
replaces the lemmas of open-class words (NOUN, PROPN, VERB, AUX, ADJ, ADV) by simplemma's
(MIT): 96.1 % overall, verbs 96.1 %. The default ``lemmas="auto"`` does that when simplemma
is installed and keeps the model's lemmas otherwise; ``nlp.meta["quotes_lemmas"]`` says which.

Matrix products: ``load(numpy_ops=True)`` (what the parse backend asks for) builds the
pipeline's models with thinc's numpy ops without BLIS, so their matrix products go to
numpy's BLAS (OpenBLAS) instead: the same predictions, about 1.6x faster on the machines
measured (BLIS ran at about 30 GFLOP/s, OpenBLAS at 55-80). OpenBLAS starts a thread per
core and its idle threads spin, so such a pipeline should run inside
:func:`single_blas_thread` (the parse backend does; without it the dev texts took 29 CPU s
instead of 5.3). The default, ``numpy_ops=False``, is spaCy's own (BLIS).
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "de_quotes_sm"
SIMPLEMMA_POS = frozenset({"NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV"})
#: Forms whose simplemma lemma is kept (a bounded cache: see ``_simplemma_lemmas``).
LEMMA_CACHE = 16_384

__all__ = [
    "MODEL_NAME",
    "load",
    "load_cached",
    "model_path",
    "register_simplemma_factory",
    "single_blas_thread",
]


def model_path(name: str = MODEL_NAME) -> Path:
    """The directory of a pipeline shipped in ``quotes/models`` (as written by ``nlp.to_disk``)."""
    path = Path(__file__).resolve().parent / name
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(
            f"shipped spaCy pipeline {name!r} not found at {path}; "
            "train it with `bash training/train.sh`"
        )
    return path


def load(
    name: str = MODEL_NAME,
    *,
    exclude: Iterable[str] = (),
    disable: Iterable[str] = (),
    config: dict[str, Any] | None = None,
    lemmas: Literal["auto", "model", "simplemma"] = "auto",
    freeze: bool = False,
    numpy_ops: bool = False,
) -> Language:
    """Load a shipped pipeline with :func:`spacy.load` (offline; no network access).

    ``exclude``/``disable`` name components to leave out or switch off (e.g. ``exclude=["ner"]``);
    ``config`` holds spaCy config overrides in dot notation. ``lemmas``: ``"model"`` keeps the
    edit-tree lemmatizer's lemmas, ``"simplemma"`` re-lemmatises open-class words with
    simplemma (ImportError if it is missing), ``"auto"`` uses simplemma if it is installed.

    ``freeze`` (what the parse backend asks for) moves every object alive once the pipeline
    is loaded into the collector's permanent generation (:func:`gc.freeze`): the pipeline's
    quarter of a million Python objects live as long as the process, and without it every
    full collection walks them all (0.16 CPU s each, one or more per 150 news texts on the
    parse path). Garbage is collected first, and what an earlier ``freeze`` froze is
    released and collected before loading (a pipeline loaded afresh frees the old one's
    cycles). Objects alive at that moment that later become cyclic garbage stay in memory
    until :func:`gc.unfreeze`.

    ``numpy_ops`` (also what the parse backend asks for) builds the models with
    ``thinc.api.use_ops("numpy", use_blis=False)``: matrix products through numpy's BLAS
    instead of BLIS, the same predictions, faster; run the pipeline inside
    :func:`single_blas_thread` (see the module's docstring). Only this pipeline's models get
    these ops; thinc's current ops outside the call are left as they were.
    """
    import spacy

    register_simplemma_factory()
    if freeze:
        gc.unfreeze()
        gc.collect()
    ops: contextlib.AbstractContextManager[Any] = contextlib.nullcontext()
    if numpy_ops:
        from thinc.api import use_ops

        ops = use_ops("numpy", use_blis=False)
    with ops:
        nlp = spacy.load(
            model_path(name), exclude=list(exclude), disable=list(disable), config=config or {}
        )
    if lemmas not in ("auto", "model", "simplemma"):
        raise ValueError(f"lemmas must be 'auto', 'model' or 'simplemma', not {lemmas!r}")
    if lemmas == "auto":
        lemmas = "simplemma" if importlib.util.find_spec("simplemma") else "model"
    if lemmas == "simplemma":
        nlp.add_pipe("quotes_simplemma_lemmas", last=True)
    nlp.meta["quotes_lemmas"] = lemmas
    if freeze:
        gc.collect()
        gc.freeze()
    return nlp


@lru_cache(maxsize=4)
def load_cached(
    name: str = MODEL_NAME, lemmas: Literal["auto", "model", "simplemma"] = "auto"
) -> Language:
    """One shared instance per process and setting."""
    return load(name, lemmas=lemmas)


@contextlib.contextmanager
def single_blas_thread() -> Iterator[None]:
    """Within the block, the BLAS libraries loaded in the process (numpy's OpenBLAS, MKL)
    use one thread; their earlier limits come back when it is left, also on an exception.

    For a pipeline loaded with ``numpy_ops=True``: its matrix products are small (a batch
    of tokens times a layer of a few hundred units), and OpenBLAS's extra threads cost more
    CPU time spinning than they save. The limit is the process's (threadpoolctl), so a
    thread that runs numpy beside the block gets one BLAS thread too while it lasts.

    Blocks may nest and overlap, in one thread or in several (two threads parsing with one
    backend each): the limit is set when the first block is entered and the earlier limits
    come back when the last one is left, whichever thread leaves it. (threadpoolctl's own
    ``limit()`` blocks each restore what they saw on entry, so overlapping ones left a
    block running with the full thread count and the process at one thread afterwards;
    and OpenBLAS takes limits from one controlling thread only.)
    """
    _BLAS.enter()
    try:
        yield
    finally:
        _BLAS.leave()


class _BlasLimit:
    """The process's count of open :func:`single_blas_thread` blocks and the BLAS thread
    counts to restore when the last one closes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open = 0
        self._saved: list[tuple[Any, int]] = []

    @property
    def open_blocks(self) -> int:
        return self._open

    def enter(self) -> None:
        with self._lock:
            if self._open == 0:
                libraries = _blas_controller().select(user_api="blas").lib_controllers
                self._saved = [(lib, lib.num_threads) for lib in libraries]
                for lib, _threads in self._saved:
                    _set_threads(lib, 1)
            self._open += 1

    def leave(self) -> None:
        with self._lock:
            self._open -= 1
            if self._open == 0:
                saved, self._saved = self._saved, []
                for lib, threads in saved:
                    _set_threads(lib, threads)


def _set_threads(lib: Any, threads: int) -> None:
    # threadpoolctl lets only one thread at a time set OpenBLAS's limit (its "controlling
    # thread": the first to set one, until its limit() blocks are all closed) and ignores
    # the others silently. Ours are set under _BlasLimit's lock, from whichever thread
    # opens the first block or closes the last, so control is taken and released each time.
    clear = getattr(type(lib), "clear_controlling_thread", None)
    if clear is not None:
        clear(force=True)
    lib.set_num_threads(threads)
    if clear is not None:
        clear(force=True)


_BLAS = _BlasLimit()


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    # Finding the loaded libraries walks the process's shared objects (about a millisecond):
    # once per process. numpy (and its BLAS) is loaded by then: spaCy imports it.
    import numpy  # noqa: F401
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _simplemma_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    # One lemmatizer per process, with its own bounded cache (simplemma.lemmatize keeps a
    # module-wide one of 65,536 forms): on a stream of new words the cache fills within the
    # first few thousand documents and memory stays flat after that. Same lemmas as
    # simplemma.lemmatize(form, lang="de") (the default strategy, the shared dictionaries).
    # Shared by every pipeline loaded in the process: the parse backend loads the shipped
    # pipeline afresh on long streams, and a new Lemmatizer reads its German dictionary
    # from disk again on first use (about 1 CPU s).
    lemmatizer = _shared_lemmatizer()

    def relemmatise(doc: Doc) -> Doc:
        lemma = lemmatizer.lemmatize
        for token in doc:
            if token.pos_ in SIMPLEMMA_POS:
                token.lemma_ = lemma(token.text, "de")
        return doc

    return relemmatise


@lru_cache(maxsize=1)
def _shared_lemmatizer() -> Any:
    try:
        import simplemma
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("lemmas='simplemma' needs `pip install simplemma` (MIT)") from err
    return simplemma.Lemmatizer(cache_max_size=LEMMA_CACHE)


def register_simplemma_factory() -> None:
    """Make ``quotes_simplemma_lemmas`` a spaCy factory.

    Called by :func:`load` (and by training scripts that add the step themselves) rather
    than at import, so that importing this module, e.g. for :func:`model_path` in
    ``quotes --help`` or on the rules backend, does not import spaCy (and, through thinc,
    torch where it is installed: seconds of start-up)."""
    from spacy.language import Language

    if not Language.has_factory("quotes_simplemma_lemmas"):
        Language.factory("quotes_simplemma_lemmas")(_simplemma_lemmas)
