"""quotes: find quotations in German news text, who said them, and through whom.

>>> import quotes
>>> [str(a.chain) for a in quotes.extract("„Wir sind bereit“, sagte Olaf Scholz.")]
['Olaf Scholz']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from quotes.errors import BackendError, PatternTimeoutError, QuotesError, RulesError

if TYPE_CHECKING:
    from quotes.extractor import Analysis, Extractor, default_backend, extract
    from quotes.records import KINDS, Attribution, Chain, Cue, Source, Span, Speaker
    from quotes.serialize import from_dict, to_json

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "Analysis",
    "Attribution",
    "BackendError",
    "Chain",
    "Cue",
    "Extractor",
    "PatternTimeoutError",
    "QuotesError",
    "RulesError",
    "Source",
    "Span",
    "Speaker",
    "__version__",
    "default_backend",
    "extract",
    "from_dict",
    "to_json",
]

# The rest is imported on first use, so that `import quotes.cli` (the console script) is
# quick and the command line handles Ctrl-C from its first moment.
_LAZY = {
    "Analysis": "quotes.extractor",
    "Extractor": "quotes.extractor",
    "default_backend": "quotes.extractor",
    "extract": "quotes.extractor",
    "KINDS": "quotes.records",
    "Attribution": "quotes.records",
    "Chain": "quotes.records",
    "Cue": "quotes.records",
    "Source": "quotes.records",
    "Span": "quotes.records",
    "Speaker": "quotes.records",
    "from_dict": "quotes.serialize",
    "to_json": "quotes.serialize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
