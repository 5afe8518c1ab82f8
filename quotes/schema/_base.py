"""The machinery of the rules schema: a strict cattrs converter and readable errors.

Every rules file is structured into its attrs class (see :mod:`quotes.schema`) with a
converter that accepts exactly what TOML writes for each declared type: a string for
``str``, an integer (not a boolean, not a float) for ``int``, ``true``/``false`` for
``bool``, an array for ``tuple[...]`` and a table for ``dict`` and attrs classes. Nothing is
coerced: ``abbreviations = "Dr."`` is an error, not the list ``["D", "r", "."]``. Keys the
class does not declare are errors (``forbid_extra_keys``).

Errors come back as one :class:`SchemaProblem` per fault, each with a readable location
(``[[verb]] #3, key 'stem'``), so that :mod:`quotes.rules` can name the file as well.
"""

from __future__ import annotations

import reprlib
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, mapping_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

__all__ = ["BadValue", "SchemaProblem", "Words", "at_least", "converter", "one_of", "problems_of"]

#: A list of words (or other strings) in a rules file.
Words = tuple[str, ...]

_SHOW = reprlib.Repr()
_SHOW.maxstring = 40
_SHOW.maxother = 40
_SHOW.maxlist = 4
_SHOW.maxdict = 3
_SHOW.maxlevel = 2


class BadValue(ValueError):
    """A value of the right type that a validator rejects; it knows its key."""

    def __init__(self, attribute: attrs.Attribute[Any], message: str) -> None:
        super().__init__(message)
        self.key = attribute.name


def one_of(*allowed: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator: the value (or each value of a list) is one of ``allowed``."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        values = value if isinstance(value, tuple | frozenset) else (value,)
        for item in values:
            if item is not None and item not in allowed:
                raise BadValue(
                    attribute, f"{item!r} is not one of {', '.join(repr(a) for a in allowed)}"
                )

    return check


def at_least(low: int) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator: an optional whole number of at least ``low``."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and value < low:
            raise BadValue(attribute, f"must be at least {low}, not {value}")

    return check


def describe(kind: Any) -> str:
    """What a value of type ``kind`` looks like in TOML, for error messages."""
    origin = get_origin(kind)
    if kind is str:
        return "a string"
    if kind is bool:
        return "true or false"
    if kind is int:
        return "a whole number"
    if kind is float:
        return "a number"
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            inner = describe(args[0])
            plural = {"a string": "strings", "a table": "tables", "a whole number": "numbers"}
            return f"a list of {plural.get(inner, inner)}"
        return f"a list of {len(args)}: [{', '.join(describe(a) for a in args)}]"
    if origin in (dict, Mapping) or attrs.has(kind):
        return "a table"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe(a) for a in get_args(kind) if a is not type(None))
    return getattr(kind, "__name__", str(kind))


def _shown(value: Any) -> str:
    names = {str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    kind = names.get(type(value))
    if kind is None:
        kind = (
            "a list"
            if isinstance(value, list)
            else "a table"
            if isinstance(value, dict)
            else type(value).__name__
        )
    try:
        return f"{kind} ({_SHOW.repr(value)})"
    except RecursionError:
        return kind


class WrongType(TypeError):
    """A value of the wrong type (raised inside the converter, reported as a problem)."""

    def __init__(self, expected: Any, value: Any) -> None:
        super().__init__(f"expected {describe(expected)}, got {_shown(value)}")


def _scalar(kind: type) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise WrongType(kind, value)
        return value

    return structure


def converter() -> cattrs.Converter:
    """The strict converter all rule schemas are structured with."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind in (str, int, bool, float):
        conv.register_structure_hook(kind, _scalar(kind))

    def is_words(kind: Any) -> bool:
        args = get_args(kind)
        return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis

    def words_hook(kind: Any, conv_: cattrs.Converter) -> Callable[[Any, Any], Any]:
        inner = homogenous_tuple_structure_factory(kind, conv_)

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, list | tuple):
                raise WrongType(kind, value)
            return inner(value, kind)

        return structure

    def is_fixed(kind: Any) -> bool:
        return get_origin(kind) is tuple and not is_words(kind)

    def fixed_hook(kind: Any, conv_: cattrs.Converter) -> Callable[[Any, Any], Any]:
        args = get_args(kind)

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, list | tuple) or len(value) != len(args):
                raise WrongType(kind, value)
            if not all(type(v) is a for v, a in zip(value, args, strict=True)):
                raise WrongType(kind, value)
            return tuple(value)

        return structure

    def is_table(kind: Any) -> bool:
        return get_origin(kind) in (dict, Mapping)

    def table_hook(kind: Any, conv_: cattrs.Converter) -> Callable[[Any, Any], Any]:
        inner = mapping_structure_factory(kind, conv_)

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, Mapping):
                raise WrongType(kind, value)
            return inner(value, kind)

        return structure

    def class_hook(kind: Any, conv_: cattrs.Converter) -> Callable[[Any, Any], Any]:
        inner = make_dict_structure_fn(kind, conv_, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, Mapping):
                raise WrongType(kind, value)
            return inner(value, kind)

        return structure

    def class_unstructure(kind: Any) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(kind, conv, _cattrs_omit_if_default=True)

    conv.register_structure_hook_factory(is_words, words_hook)
    conv.register_structure_hook_factory(is_fixed, fixed_hook)
    conv.register_structure_hook_factory(is_table, table_hook)
    conv.register_structure_hook_factory(attrs.has, class_hook)
    conv.register_unstructure_hook_factory(attrs.has, class_unstructure)
    return conv


@attrs.frozen
class SchemaProblem:
    """One fault in one rules file: where (``[[verb]] #3, key 'stem'``) and what."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


def problems_of(error: BaseException, data: Any) -> list[SchemaProblem]:
    """The faults inside a cattrs validation error, located in the raw ``data``."""
    return [SchemaProblem(_where(path, data), what) for path, what in _walk(error, [])]


def _walk(error: BaseException, path: list[Any]) -> Iterator[tuple[list[Any], str]]:
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            step = getattr(note, "name", None)
            if step is None:
                step = getattr(note, "index", None)
            yield from _walk(sub, [*path, step])
        for sub in without:
            yield from _walk(sub, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        known = sorted(a.name for a in attrs.fields(error.cl)) if attrs.has(error.cl) else []
        for extra in sorted(error.extra_fields):
            yield [*path, extra], f"unknown key (known keys: {', '.join(known) or 'none'})"
    elif isinstance(error, BadValue):
        yield [*path, error.key], str(error)
    elif isinstance(error, KeyError):
        yield path, "missing: this key is required"
    elif isinstance(error, RecursionError):
        yield path, "nested too deeply"
    else:
        yield path, str(error)


def _where(path: Sequence[Any], data: Any) -> str:
    """``["verb", 2, "stem"]`` → ``[[verb]] #3, key 'stem'``, reading ``data`` to tell an
    array of tables from a list of values."""
    parts: list[str] = []
    table: list[str] = []
    node = data
    index = 0
    while index < len(path):
        step = path[index]
        following = path[index + 1] if index + 1 < len(path) else None
        child = node.get(step) if isinstance(node, Mapping) else None
        if (
            isinstance(following, int)
            and index + 2 < len(path)  # a fault inside the entry, not the entry itself
            and isinstance(child, list)
            and following < len(child)
            and isinstance(child[following], Mapping)
        ):
            parts.append(f"[[{'.'.join([*table, str(step)])}]] #{following + 1}")
            table, node, index = [], child[following], index + 2
            continue
        if index == len(path) - 1 or not isinstance(child, Mapping):
            if table:
                parts.append(f"[{'.'.join(table)}]")
            parts.append(f"key {step!r}")
            rest = path[index + 1 :]
            if rest:
                parts.append("item " + " ".join(f"#{r + 1}" for r in rest if isinstance(r, int)))
            return ", ".join(parts)
        table.append(str(step))
        node = child
        index += 1
    if table:
        parts.append(f"[{'.'.join(table)}]")
    return ", ".join(parts)
