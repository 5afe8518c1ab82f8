"""Shared test configuration: hypothesis profiles.

``ci`` (selected when ``CI=true``): a bounded number of examples, no deadline (shared CI
machines have noisy timings), so the property tests stay fast and predictable. ``dev``
(the default elsewhere) explores more. ``HYPOTHESIS_PROFILE=<name>`` overrides both.

Workers: ``-n auto`` (pyproject's addopts) starts one pytest-xdist worker per core, at most
:data:`MAX_WORKERS`.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import quotes

#: Each worker loads the shipped parser model and the rules again, so more workers cost
#: memory; beyond four they gain little on a suite of this size.
MAX_WORKERS = 4


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker per core available to this process, at most four."""
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=5_000, deadline=None)

_ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _ci else "dev"))


@pytest.fixture(scope="module")
def parse_extractor() -> quotes.Extractor:
    """The parse backend with the shipped model, one per test module; the test is skipped
    where spaCy or the model is not installed."""
    pytest.importorskip("spacy")
    from quotes.models import model_path

    if model_path() is None:
        pytest.skip("the shipped model is not installed")
    return quotes.Extractor("parse")
