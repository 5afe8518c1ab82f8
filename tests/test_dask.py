"""quotes.dask on a LocalCluster of two worker processes: the same records as serial pipe()."""

from __future__ import annotations

from typing import Any

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from quotes import Extractor  # noqa: E402
from quotes.dask import (  # noqa: E402
    COLUMNS,
    extract_bag,
    extract_frame,
    extract_partition,
    records,
    to_dataframe,
)
from quotes.extractor import ItemError  # noqa: E402

TEXTS = [
    "„Wir brauchen mehr Zeit“, sagte der Trainer Ole Vogt. Er betonte: „Das Team ist bereit.“",
    "Die Ministerin sagte, sie sei zufrieden. Laut dem Sprecher habe die Regierung keine Wahl.",
    "Am Dienstag regnete es in der Stadt.",
    "„Das ist ein guter Tag“, sagte Anna Brandt der Nordpost. „Wir feiern.“",
    "Wladimir Putin sagte laut Tass: „Wir sind bereit.“",
] * 4


def _serial(items: list[Any], backend: str) -> list[dict[str, Any]]:
    extractor = Extractor(backend)
    out: list[dict[str, Any]] = []
    results = extractor.pipe((t for t, _ in items), errors="return")
    for (_, doc_id), result in zip(items, results, strict=True):
        out.extend(records(str(doc_id), result))
    return out


@pytest.fixture(scope="module")
def client() -> Any:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def test_two_workers_give_the_serial_records(client: Any) -> None:
    items: list[Any] = [(text, f"doc{i}") for i, text in enumerate(TEXTS)]
    items.insert(3, (None, "bad"))
    bag = db.from_sequence(items, npartitions=4)
    got = extract_bag(bag).compute()
    assert got == _serial(items, "rules")
    assert len({pid for pid in client.run(lambda: __import__("os").getpid()).values()}) == 2
    bad = [row for row in got if row["doc_id"] == "bad"]
    assert len(bad) == 1 and bad[0]["error"].startswith("TypeError")
    frame = to_dataframe(extract_bag(bag)).compute()
    assert list(frame.columns) == list(COLUMNS)
    assert frame["doc_id"].tolist() == [row["doc_id"] for row in got]


@pytest.mark.slow
def test_parse_backend_on_two_workers(client: Any) -> None:
    pytest.importorskip("spacy")
    items = [(text, i) for i, text in enumerate(TEXTS[:6])]
    got = extract_bag(db.from_sequence(items, npartitions=2), backend="parse").compute()
    assert got == _serial(items, "parse")
    assert any(row["kind"] == "indirect" for row in got)


def test_dataframe_column_ready_for_parquet(client: Any, tmp_path: Any) -> None:
    frame = pd.DataFrame({"text": TEXTS, "id": [f"a{i}" for i in range(len(TEXTS))]})
    out = extract_frame(dd.from_pandas(frame, npartitions=3), text="text", id="id")
    out.to_parquet(tmp_path / "quotes.parquet")
    back = pd.read_parquet(tmp_path / "quotes.parquet")
    serial = _serial(list(zip(frame["text"], frame["id"], strict=True)), "rules")
    assert back["doc_id"].tolist() == [row["doc_id"] for row in serial]
    assert back["quote"].tolist() == [row["quote"] for row in serial]


def test_bare_texts_get_partition_ids() -> None:
    rows = extract_partition(["„Ja“, sagte er.", 5], partition=7)
    assert [row["doc_id"] for row in rows] == ["7:0", "7:1"]
    assert rows[1]["error"] is not None
    assert records("x", ItemError(0, "TypeError", "bad"))[0]["error"] == "TypeError: bad"


def test_wrong_configuration_fails_when_the_graph_is_built() -> None:
    from quotes.errors import BackendError

    with pytest.raises(BackendError):
        extract_bag(db.from_sequence(TEXTS), backend="nope")
