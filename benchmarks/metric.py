"""The corpus metric, now in the package: :mod:`quotes.evaluate.metric` and
:mod:`quotes.evaluate.errors` (re-exported here for the benchmarks and their tests)."""

from quotes.evaluate.errors import ErrorRecord, find_errors
from quotes.evaluate.metric import *  # noqa: F403
from quotes.evaluate.metric import __all__ as _metric_all

__all__ = [*_metric_all, "ErrorRecord", "find_errors"]
