"""The shipped pipeline on numpy's BLAS (``load(numpy_ops=True)``) with one BLAS thread.

The parse backend loads the shipped model with thinc's numpy ops without BLIS and parses
each batch inside :func:`quotes.models.single_blas_thread`: the same parses as spaCy's own
ops, the process's thread limits restored after each batch, a user's own pipeline untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("spacy")
threadpoolctl = pytest.importorskip("threadpoolctl")

from quotes import Extractor  # noqa: E402
from quotes.backends import SpacyBackend  # noqa: E402
from quotes.models import load, single_blas_thread  # noqa: E402

TEXTS = [
    "Die Ministerin sagte am Dienstag in Hannover, die Förderung werde nicht gekürzt.",
    "„Wir lassen niemanden im Stich“, versprach der Bürgermeister den Anwohnern.\n"
    "Hamburg – Nach Angaben der Feuerwehr sei niemand verletzt worden.",
    "Der Verband warf der Regierung vor, die Bauern zu vergessen. Eine Sprecherin "
    "widersprach: Man habe die Hilfen längst erhöht. Laut Polizei blieb es ruhig.",
    "Kurz notiert\n\nDer Zug fuhr pünktlich ab. Niemand äußerte sich.",
]


def _blas_threads() -> set[int]:
    return {
        info["num_threads"]
        for info in threadpoolctl.threadpool_info()
        if info["user_api"] == "blas"
    }


class _Recorder:
    """A pipeline that records the BLAS thread counts while its ``pipe`` runs."""

    def __init__(self, nlp: Any, fail: bool = False) -> None:
        self._nlp = nlp
        self.fail = fail
        self.seen: list[set[int]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def __call__(self, text: Any) -> Any:
        return self._nlp(text)

    def pipe(self, texts: Any) -> Iterator[Any]:
        for doc in self._nlp.pipe(texts):
            self.seen.append(_blas_threads())
            if self.fail:
                raise RuntimeError("a component failed")
            yield doc


@pytest.fixture(scope="module")
def backend() -> SpacyBackend:
    return SpacyBackend()


def test_numpy_ops_parse_as_spacys_own_ops(backend: SpacyBackend) -> None:
    blis = SpacyBackend(load())  # a user's pipeline: spaCy's default ops (BLIS)
    assert list(backend.parse_texts(TEXTS)) == list(blis.parse_texts(TEXTS))
    # The annotations themselves, not only what the parse layer keeps.
    for text in TEXTS:
        ours = backend.nlp(text)
        theirs = blis.nlp(text)
        for name in ("HEAD", "DEP", "TAG", "POS", "MORPH", "LEMMA", "ENT_IOB", "ENT_TYPE"):
            assert (ours.to_array(name) == theirs.to_array(name)).all(), name


def test_the_shipped_models_use_numpy_ops_and_thincs_ops_stay() -> None:
    from thinc.api import get_current_ops

    before = get_current_ops()
    nlp = load(numpy_ops=True)
    assert get_current_ops() is before
    tok2vec = nlp.get_pipe("tok2vec").model
    assert all(not node.ops.use_blis for node in tok2vec.walk())
    assert any(node.ops.use_blis for node in load().get_pipe("tok2vec").model.walk())


def test_one_blas_thread_while_parsing_and_the_limit_is_restored(
    backend: SpacyBackend,
) -> None:
    recorder = _Recorder(backend.nlp)
    backend.nlp = recorder
    try:
        with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
            before = _blas_threads()
            parses = backend.parse_texts(TEXTS)
            next(parses)
            # Between the parses it yields, the caller's limit holds.
            assert _blas_threads() == before
            list(parses)
            assert _blas_threads() == before
        assert recorder.seen and all(seen == {1} for seen in recorder.seen)
        # Also when the pipeline fails inside the block.
        recorder.fail = True
        with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
            with pytest.raises(RuntimeError):
                backend.parse(TEXTS[0])
            assert _blas_threads() == before
    finally:
        backend.nlp = recorder._nlp


def test_a_users_own_pipeline_keeps_its_threads() -> None:
    recorder = _Recorder(load())
    own = SpacyBackend(recorder)
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        own.parse(TEXTS[0])
    assert recorder.seen == [before]


def test_single_blas_thread_restores_the_limit() -> None:
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        with single_blas_thread():
            assert _blas_threads() == {1}
        assert _blas_threads() == before


def test_pipe_in_two_processes_gives_the_serial_results() -> None:
    extractor = Extractor("parse")
    texts = TEXTS * 2
    expected = [extractor.extract(text) for text in texts]
    assert list(extractor.pipe(texts, n_process=2, batch_size=2)) == expected
    assert any(result for result in expected)


def test_nested_blocks_keep_one_thread_until_the_outer_one_closes() -> None:
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        with single_blas_thread():
            with single_blas_thread():
                assert _blas_threads() == {1}
            assert _blas_threads() == {1}
        assert _blas_threads() == before


def test_blocks_overlapping_in_two_threads_restore_the_limit() -> None:
    # Thread A opens a block, thread B opens one, A closes its own while B is still inside,
    # then B closes: B parses with one thread throughout, and the limit from before A's
    # block comes back after B's, although another thread closes the last block.
    import threading

    a_inside, b_inside, a_left, b_done = (threading.Event() for _ in range(4))
    seen: dict[str, set[int]] = {}
    errors: list[BaseException] = []

    def thread_a() -> None:
        try:
            with single_blas_thread():
                a_inside.set()
                assert b_inside.wait(10)
                seen["a"] = _blas_threads()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            a_left.set()

    def thread_b() -> None:
        try:
            assert a_inside.wait(10)
            with single_blas_thread():
                b_inside.set()
                assert a_left.wait(10)
                seen["b after a left"] = _blas_threads()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            b_done.set()

    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        assert before == {2}
        threads = [threading.Thread(target=thread_a), threading.Thread(target=thread_b)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert not errors
        assert seen == {"a": {1}, "b after a left": {1}}
        assert _blas_threads() == before
        # No thread keeps control of OpenBLAS's limit: this one can still set it.
        with threadpoolctl.threadpool_limits(limits=1, user_api="blas"):
            assert _blas_threads() == {1}
        assert _blas_threads() == before


def test_a_failing_block_in_another_thread_restores_the_limit() -> None:
    import threading

    def fail() -> None:
        try:
            with single_blas_thread():
                raise RuntimeError("a component failed")
        except RuntimeError:
            pass

    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        thread = threading.Thread(target=fail)
        thread.start()
        thread.join(20)
        assert _blas_threads() == before
