"""The README's Spark pattern (mapPartitions with the per-worker Extractor) on local[2]."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a JDK (java on PATH)", allow_module_level=True)

from quotes import Extractor  # noqa: E402
from quotes.dask import extract_partition, records  # noqa: E402

TEXTS = [
    "„Wir brauchen mehr Zeit“, sagte der Trainer Ole Vogt.",
    "Am Dienstag regnete es in der Stadt.",
    "„Das ist ein guter Tag“, sagte Anna Brandt der Nordpost. „Wir feiern.“",
    "Wladimir Putin sagte laut Tass: „Wir sind bereit.“",
] * 3


@pytest.mark.slow
def test_spark_map_partitions_gives_the_serial_records() -> None:
    from pyspark.sql import SparkSession

    def partition(rows: Any) -> Any:  # defined here: Spark pickles it by value
        yield from extract_partition([(text, doc_id) for text, doc_id in rows])

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("quotes-test")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        items = [(text, f"d{i}") for i, text in enumerate(TEXTS)]
        got = spark.sparkContext.parallelize(items, 3).mapPartitions(partition).collect()
    finally:
        spark.stop()
    extractor = Extractor("rules")
    expected = [row for (text, doc_id) in items for row in records(doc_id, extractor.extract(text))]
    assert got == expected
