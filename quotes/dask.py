"""Quotations from archives on a Dask cluster (``pip install quotes[dask]``).

::

    import dask.bag as db
    from distributed import Client
    from quotes.dask import extract_bag, to_dataframe

    client = Client("scheduler:8786")            # or LocalCluster(n_workers=8)
    articles = db.read_text("archive/*.txt", linedelimiter="\\n\\n\\n").map(str.strip)
    records = extract_bag(articles.map(lambda t: (t, hash(t))), backend="parse")
    to_dataframe(records).to_parquet("quotes.parquet")

Each item of the bag is a text, or a ``(text, id)`` pair (recommended: the id is what the
output rows carry; a bare text gets ``"<partition>:<position>"``). Each worker process builds
one :class:`~quotes.Extractor` for a configuration on first use and keeps it (the model is
loaded there once, never sent over the network); the documents of a partition go through
:meth:`~quotes.Extractor.pipe`, so the parse is batched. The output is one flat record
(a dict of scalars) per attribution, in input order, the same for any number of workers:
:data:`COLUMNS` says what each field holds; :func:`to_dataframe` types them for Parquet.
A document that fails (not a string, say) gives one row with ``error`` set and no
attribution; a document without quotations gives no row.

Rules files named with ``rules=`` must be readable at the same path on every worker.
Run workers with one thread each (``--nthreads 1``) or accept that the threads of one
worker take turns: extraction is CPU-bound Python, so processes are what scale.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from quotes.extractor import Extractor, ItemError, _check_backend
from quotes.records import Attribution
from quotes.rules import load_rules

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = [
    "COLUMNS",
    "extract_bag",
    "extract_frame",
    "extract_partition",
    "records",
    "to_dataframe",
    "worker_extractor",
]

#: The fields of one output record, with their pandas dtypes.
COLUMNS: dict[str, str] = {
    "doc_id": "string",  # the item's id (str() of it), or "<partition>:<position>"
    "n": "Int64",  # the attribution's place in its document, from 0
    "kind": "string",  # direct, indirect, free_indirect, indirect_free_indirect, reported
    "quote_start": "Int64",
    "quote_end": "Int64",
    "quote": "string",
    "content_start": "Int64",
    "content_end": "Int64",
    "speaker": "string",  # the resolved name
    "speaker_type": "string",
    "speaker_mention": "string",  # as written
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue": "string",
    "chain": "string",  # "Wladimir Putin via Tass via Epoch Times"
    "via": "string",  # JSON list of the sources, as Attribution.to_dict() gives them
    "medium": "string",
    "confidence": "Float64",
    "error": "string",  # set (and everything else empty) for a document that failed
}

_EXTRACTORS: dict[tuple[Any, ...], tuple[Extractor, threading.Lock]] = {}
_CACHE_LOCK = threading.Lock()


def worker_extractor(
    backend: str = "rules",
    rules: Sequence[str] = (),
    parse_on_demand: bool = True,
) -> tuple[Extractor, threading.Lock]:
    """The Extractor of this process for a configuration, built on first use and kept,
    with the lock its users take turns on (one model, used by one thread at a time)."""
    key = (backend, tuple(rules), parse_on_demand)
    with _CACHE_LOCK:
        cached = _EXTRACTORS.get(key)
        if cached is None:
            extractor = Extractor(backend, rules=tuple(rules), parse_on_demand=parse_on_demand)
            cached = (extractor, threading.Lock())
            _EXTRACTORS[key] = cached
    return cached


def records(doc_id: str, result: list[Attribution] | ItemError) -> list[dict[str, Any]]:
    """The output records of one document's result (see :data:`COLUMNS`)."""
    if isinstance(result, ItemError):
        row = dict.fromkeys(COLUMNS)
        row.update(doc_id=doc_id, n=0, error=f"{result.error_type}: {result.message}")
        return [row]
    out = []
    for n, a in enumerate(result):
        speaker = a.speaker
        mention = speaker.mention if speaker is not None else None
        out.append(
            {
                "doc_id": doc_id,
                "n": n,
                "kind": a.kind,
                "quote_start": a.quote.start,
                "quote_end": a.quote.end,
                "quote": a.quote.text,
                "content_start": a.content.start,
                "content_end": a.content.end,
                "speaker": speaker.name if speaker is not None else None,
                "speaker_type": speaker.type if speaker is not None else None,
                "speaker_mention": mention.text if mention is not None else None,
                "speaker_start": mention.start if mention is not None else None,
                "speaker_end": mention.end if mention is not None else None,
                "cue": a.cue.text if a.cue is not None else None,
                "chain": str(a.chain),
                "via": json.dumps(a.to_dict()["via"], ensure_ascii=False),
                "medium": a.medium,
                "confidence": a.confidence,
                "error": None,
            }
        )
    return out


def _items(items: Iterable[Any], partition: int) -> Iterator[tuple[Any, str]]:
    for position, item in enumerate(items):
        if isinstance(item, tuple) and len(item) == 2:
            yield item[0], str(item[1])
        else:
            yield item, f"{partition}:{position}"


def extract_partition(
    items: Iterable[Any],
    partition: int = 0,
    *,
    backend: str = "rules",
    rules: Sequence[str] = (),
    publisher: str | None = None,
    parse_on_demand: bool = True,
    batch_size: int = 64,
) -> list[dict[str, Any]]:
    """The records of one partition's items (texts or ``(text, id)`` pairs), in order.

    What runs on each worker; also the serial reference (and the body of a Spark
    ``mapPartitions``: see the README).
    """
    extractor, lock = worker_extractor(backend, rules, parse_on_demand)
    pairs = list(_items(items, partition))
    out: list[dict[str, Any]] = []
    with lock:
        results = extractor.pipe(
            (text for text, _ in pairs),
            publisher=publisher,
            batch_size=batch_size,
            errors="return",
        )
        for (_, doc_id), result in zip(pairs, results, strict=True):
            out.extend(records(doc_id, result))
    return out


def extract_bag(
    texts: dask.bag.Bag,
    *,
    backend: str = "rules",
    rules: Sequence[str] = (),
    publisher: str | None = None,
    parse_on_demand: bool = True,
    batch_size: int = 64,
) -> dask.bag.Bag:
    """A bag of output records (dicts, :data:`COLUMNS`) for a bag of texts or
    ``(text, id)`` pairs, in input order."""
    import dask
    import dask.bag as db

    options = _options(backend, rules, publisher, parse_on_demand, batch_size)
    parts = [
        dask.delayed(extract_partition)(part, k, **options)
        for k, part in enumerate(texts.to_delayed())
    ]
    return db.from_delayed(parts)


def to_dataframe(bag: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """The records of :func:`extract_bag` as a typed Dask DataFrame (for ``to_parquet``)."""
    return bag.to_dataframe(meta=_empty()).map_partitions(_typed, meta=_empty())


def extract_frame(
    frame: dask.dataframe.DataFrame,
    *,
    text: str = "text",
    id: str | None = None,
    backend: str = "rules",
    rules: Sequence[str] = (),
    publisher: str | None = None,
    parse_on_demand: bool = True,
    batch_size: int = 64,
) -> dask.dataframe.DataFrame:
    """Records for the ``text`` column of a Dask DataFrame (ids from column ``id``, else
    ``"<partition>:<position>"``), as a typed DataFrame ready for ``to_parquet``."""
    options = _options(backend, rules, publisher, parse_on_demand, batch_size)
    return frame.map_partitions(
        _frame_partition, text, id, options, meta=_empty(), partition_info=None
    )


def _options(
    backend: str,
    rules: Sequence[str],
    publisher: str | None,
    parse_on_demand: bool,
    batch_size: int,
) -> dict[str, Any]:
    """The workers' Extractor settings, checked where the graph is built, not on the
    workers: the backend name and the rules."""
    _check_backend(backend)
    paths = tuple(str(r) for r in rules)
    load_rules("de", paths)
    return {
        "backend": backend,
        "rules": paths,
        "publisher": publisher,
        "parse_on_demand": parse_on_demand,
        "batch_size": batch_size,
    }


def _frame_partition(
    part: pandas.DataFrame,
    text: str,
    id: str | None,
    options: dict[str, Any],
    partition_info: dict[str, Any] | None = None,
) -> pandas.DataFrame:
    number = partition_info["number"] if partition_info else 0
    texts = part[text].tolist()
    items = list(zip(texts, part[id].tolist(), strict=True)) if id else texts
    return _typed_rows(extract_partition(items, number, **options))


def _empty() -> pandas.DataFrame:
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in COLUMNS.items()})


def _typed(frame: pandas.DataFrame) -> pandas.DataFrame:
    return frame.astype(COLUMNS) if len(frame) else _empty()


def _typed_rows(rows: list[dict[str, Any]]) -> pandas.DataFrame:
    import pandas as pd

    if not rows:
        return _empty()
    return _typed(pd.DataFrame(rows, columns=list(COLUMNS)))
