"""The schema of the rules files: one attrs class per file and per kind of entry.

``FILES`` maps each rules file's stem to its class; :mod:`quotes.rules` structures every
file, shipped or user, into its class at load time with the strict converter of
:mod:`quotes.schema._base` (no coercion, no unknown keys), and reports each fault as a
:class:`~quotes.errors.RulesError` naming the file, the entry and the key.

Adding a key: add a field to the class of its file (or entry kind) with the default that
means "not given", e.g. ``my_words: Words = ()``; a stage then reads it from the rules.
Adding a file: write a module here with its class and add it to ``FILES``.
"""

from __future__ import annotations

from typing import Any

from quotes.schema._base import SchemaProblem, Words, converter, problems_of
from quotes.schema.attribution import AttributionRules
from quotes.schema.cues import CuesRules
from quotes.schema.document import DocumentRules
from quotes.schema.genders import GendersRules
from quotes.schema.indirect import IndirectRules
from quotes.schema.moods import MoodsRules
from quotes.schema.names import NamesRules
from quotes.schema.outlets import OutletsRules
from quotes.schema.parse import ParseRules
from quotes.schema.persons import PersonsRules
from quotes.schema.quotations import QuotationsRules
from quotes.schema.reported import ReportedRules
from quotes.schema.speakers import SpeakersRules

__all__ = ["FILES", "SchemaProblem", "Words", "structure", "unstructure"]

#: The rules files a language folder may hold, by stem, and the class each is read into.
FILES: dict[str, type] = {
    "attribution": AttributionRules,
    "cues": CuesRules,
    "document": DocumentRules,
    "genders": GendersRules,
    "indirect": IndirectRules,
    "moods": MoodsRules,
    "names": NamesRules,
    "outlets": OutletsRules,
    "parse": ParseRules,
    "persons": PersonsRules,
    "quotations": QuotationsRules,
    "reported": ReportedRules,
    "speakers": SpeakersRules,
}

_CONVERTER = converter()


class SchemaError(Exception):
    """The faults found in one rule set (turned into a RulesError by quotes.rules)."""

    def __init__(self, problems: list[SchemaProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def structure(stem: str, data: Any) -> Any:
    """``data`` (one file's parsed TOML) as an instance of ``FILES[stem]``.

    Raises :class:`SchemaError` listing every fault found.
    """
    kind = FILES[stem]
    try:
        return _CONVERTER.structure(data, kind)
    except RecursionError:
        raise SchemaError([SchemaProblem("", "nested too deeply")]) from None
    except Exception as error:  # cattrs groups every fault of the file in one error
        problems = problems_of(error, data)
        raise SchemaError(problems or [SchemaProblem("", str(error))]) from error


def unstructure(rules: Any) -> dict[str, Any]:
    """The plain data of a structured file: tables, lists and scalars, keys left at their
    default omitted, so that it reads like the file itself."""
    return _CONVERTER.unstructure(rules)
