"""Loading and validating the rules and lexicons in ``rules/<lang>/*.toml``.

Each TOML file is one rule set, named by its file stem (``cues.toml`` → ``"cues"``); the
stems a language may use, and the schema of each, are in :mod:`quotes.schema`. Users extend
the shipped rules without touching code by passing their own files or folders: a user file
with the same stem is merged into the shipped one, where lists are appended and tables
merged key by key, so a user file needs to hold only the additions::

    # my_rules/de/outlets.toml
    [[outlet]]
    name = "Kieler Nachrichten"
    type = "outlet"

    quotes.Extractor(rules=["my_rules"])

A folder given as an extension may hold ``<lang>/*.toml`` or the TOML files directly.

Every file, shipped or user, is validated when it is loaded: it must be UTF-8 TOML, its
stem must be a known rule set, and it must fit its schema (no unknown keys, no value of the
wrong type, no entry without its required keys). Any fault is a :class:`RulesError` that
names the file, the entry and the key::

    my_rules/de/cues.toml: [[verb]] #3, key 'stem': expected a string, got a number (5)

The result is a :class:`Rules`: the typed rule sets (:meth:`Rules.typed`), a read-only
mapping view of their plain data that the stages compile from, and the stages' compiled
forms (:meth:`Rules.compiled`), built once per rule set. Rules are loaded once per
distinct combination of files and cached.
"""

from __future__ import annotations

import functools
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from quotes import schema
from quotes.errors import RulesError

__all__ = ["RuleData", "Rules", "compiled", "load_rules", "rules_dir"]

RuleData = Mapping[str, Mapping[str, Any]]
T = TypeVar("T")

# How many problems one error message lists before it says "and N more".
_SHOWN_PROBLEMS = 5


class Rules(Mapping[str, Mapping[str, Any]]):
    """The validated rules of one configuration (shipped files plus extensions).

    As a mapping it is ``{stem: plain data}``, the data as the files write it (keys left at
    their default omitted), which is what :meth:`to_data` saves and :meth:`from_data`
    reads back. :meth:`typed` gives the attrs object of a rule set.
    """

    def __init__(self, typed: Mapping[str, Any], origin: str, sources: Mapping[str, Any]):
        self._typed = dict(typed)
        self._plain = {stem: schema.unstructure(value) for stem, value in self._typed.items()}
        self._origin = origin
        self._sources = dict(sources)  # stem → ((path, {array key: length}), ...)
        self._compiled: dict[Any, Any] = {}
        self._lock = threading.RLock()  # a build may ask for another compiled form

    # -- the mapping view -------------------------------------------------------------
    def __getitem__(self, stem: str) -> Mapping[str, Any]:
        return self._plain[stem]

    def __iter__(self) -> Iterator[str]:
        return iter(self._plain)

    def __len__(self) -> int:
        return len(self._plain)

    def __repr__(self) -> str:
        return f"<Rules from {self._origin}: {', '.join(self._plain)}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_from_saved, (self.to_data(), self._origin))

    # -- typed access, compiled forms, serialisation ----------------------------------
    def typed(self, stem: str) -> Any:
        """The rule set ``stem`` as its schema class (``rules.typed("cues").verb[0].lemma``);
        a rule set no file gave is its class's defaults."""
        if stem in self._typed:
            return self._typed[stem]
        if stem not in schema.FILES:
            raise KeyError(stem)
        return schema.FILES[stem]()

    def compiled(self, build: Callable[[Rules], T]) -> T:
        """``build(self)``, computed once per rule set and kept with it.

        The one compile point of the stages: ``rules.compiled(MarkInventory.from_rules)``.
        """
        try:
            return self._compiled[build]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if build not in self._compiled:
                self._compiled[build] = build(self)
            return self._compiled[build]  # type: ignore[no-any-return]

    def to_data(self) -> dict[str, dict[str, Any]]:
        """A JSON-ready copy of the plain data, by rule set (what the spaCy component saves)."""
        return {stem: schema.unstructure(value) for stem, value in self._typed.items()}

    @classmethod
    def from_data(cls, data: Mapping[str, Any], origin: str = "saved rule data") -> Rules:
        """Validate already merged data (:meth:`to_data`'s) against the schema."""
        if isinstance(data, Rules):
            return data
        if not isinstance(data, Mapping):
            raise RulesError(f"{origin}: rule data must be a mapping, not {type(data).__name__}")
        typed = {}
        for stem, value in data.items():
            _check_stem(str(stem), f"{origin}: rule set {stem!r}")
            typed[stem] = _structure(stem, value, f"{origin}, rule set {stem!r}")
        return cls(typed, origin, {})

    def where(self, stem: str, key: str, index: int) -> str:
        """The file and entry of ``[[key]]`` number ``index`` (0-based, merged) of ``stem``:
        ``'…/outlets.toml: [[link]] #28'``, for errors found after merging."""
        for path, lengths in self._sources.get(stem, ()):
            count = lengths.get(key, 0)
            if index < count:
                return f"{path}: [[{key}]] #{index + 1}"
            index -= count
        return f"{self._origin}: [[{key}]]"


def compiled(rules: RuleData, build: Callable[[Any], T]) -> T:
    """``build(rules)``, cached with ``rules`` when they are :class:`Rules`; plain
    mappings (tests, hand-made data) are compiled on every call."""
    if isinstance(rules, Rules):
        return rules.compiled(build)
    return build(rules)


def rules_dir() -> Path:
    """Where the shipped rules are: inside the installed package, or the repo's rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RulesError(
        f"the shipped rules are missing: looked in {here / 'rules'} and {here.parent / 'rules'}"
    )


def load_rules(lang: str = "de", extra: Iterable[str | Path] = ()) -> Rules:
    """The merged, validated rules for ``lang``: shipped files first, then each extension."""
    if isinstance(extra, str | Path):
        extra = (extra,)
    return _load(lang, tuple(str(Path(p).resolve()) for p in extra))


@functools.lru_cache(maxsize=32)
def _load(lang: str, extra: tuple[str, ...]) -> Rules:
    base = rules_dir() / lang
    if not base.is_dir():
        raise RulesError(f"no rules for language {lang!r} (expected a folder {base})")
    files = sorted(base.glob("*.toml"))
    for item in extra:
        files.extend(_files_of(Path(item), lang))
    merged: dict[str, Any] = {}
    sources: dict[str, list[tuple[str, dict[str, int]]]] = {}
    for path in files:
        _check_stem(path.stem, str(path))
        data = _read(path)
        _structure(path.stem, data, str(path))  # each file on its own, to name it
        merged[path.stem] = _merge_values(merged.get(path.stem, {}), data)
        lengths = {k: len(v) for k, v in data.items() if isinstance(v, list)}
        sources.setdefault(path.stem, []).append((str(path), lengths))
    origin = f"the {lang!r} rules" + (f" with {', '.join(extra)}" if extra else "")
    typed = {stem: _structure(stem, data, origin) for stem, data in merged.items()}
    return Rules(typed, origin, {stem: tuple(s) for stem, s in sources.items()})


def _from_saved(data: Mapping[str, Any], origin: str) -> Rules:
    return Rules.from_data(data, origin)


def _check_stem(stem: str, where: str) -> None:
    if stem not in schema.FILES:
        raise RulesError(
            f"{where}: unknown rules file {stem + '.toml'!r}; the rule sets are "
            f"{', '.join(f'{s}.toml' for s in schema.FILES)}"
        )


def _structure(stem: str, data: Any, where: str) -> Any:
    try:
        return schema.structure(stem, data)
    except schema.SchemaError as error:
        problems = error.problems
        shown = "; ".join(str(p) for p in problems[:_SHOWN_PROBLEMS])
        more = len(problems) - _SHOWN_PROBLEMS
        suffix = f" (and {more} more)" if more > 0 else ""
        raise RulesError(f"{where}: {shown}{suffix}") from None


def _files_of(path: Path, lang: str) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise RulesError(f"rules extension {path} is neither a TOML file nor a folder")
    folder = path / lang if (path / lang).is_dir() else path
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise RulesError(f"rules extension {folder} holds no .toml files")
    return files


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except UnicodeDecodeError as error:
        raise RulesError(
            f"cannot read rules file {path}: it is not UTF-8 (byte {error.start}: {error.reason})"
        ) from None
    except RecursionError:
        raise RulesError(
            f"cannot read rules file {path}: {_too_deep(path)}arrays or tables nest too deeply"
        ) from None
    except (OSError, tomllib.TOMLDecodeError, ValueError) as error:
        raise RulesError(f"cannot read rules file {path}: {error}") from error


def _too_deep(path: Path, limit: int = 100) -> str:
    """Where the nesting of ``path`` first goes deeper than ``limit``: "line N, key 'K': "
    (strings and comments skipped; empty if it cannot be told)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    depth, line, key, quote, i = 0, 1, "", "", 0
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\" and quote == '"':
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end - 1
        elif char in "[{":
            depth += 1
            if depth > limit:
                return f"line {line}, key {key!r}: " if key else f"line {line}: "
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == "=":  # the key just before it (of the file, or of an inline table)
            end = len(text[:i].rstrip())
            start = end
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-.\"'"):
                start -= 1
            key = text[start:end].strip("\"'")
        if char == "\n":
            line += 1
        i += 1
    return ""


def _merge_values(old: Any, new: Any) -> Any:
    if isinstance(old, dict) and isinstance(new, dict):
        out = dict(old)
        for key, value in new.items():
            out[key] = _merge_values(old[key], value) if key in old else value
        return out
    if isinstance(old, list) and isinstance(new, list):
        return old + new
    return new
