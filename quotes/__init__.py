"""quotes: find quotations in German news text, who said them, and through whom.

>>> import quotes
>>> [str(a.chain) for a in quotes.extract("„Wir sind bereit“, sagte Olaf Scholz.")]
['Olaf Scholz']
"""

from quotes.errors import BackendError, QuotesError, RulesError
from quotes.extractor import Analysis, Extractor, default_backend, extract
from quotes.records import (
    KINDS,
    Attribution,
    Chain,
    Cue,
    Source,
    Span,
    Speaker,
)
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
