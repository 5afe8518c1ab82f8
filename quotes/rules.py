"""Loading the rules and lexicons in ``rules/<lang>/*.toml``.

Each TOML file is one rule set, named by its file stem (``cues.toml`` → ``"cues"``).
Users extend the shipped rules without touching code by passing their own files or
folders: a user file with the same stem is merged into the shipped one, where lists are
appended and tables merged key by key, so a user file needs to hold only the additions::

    # my_rules/de/outlets.toml
    [[outlet]]
    name = "Kieler Nachrichten"
    type = "outlet"

    quotes.Extractor(rules=["my_rules"])

A folder given as an extension may hold ``<lang>/*.toml`` or the TOML files directly.
Rules are loaded once per distinct combination and cached.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from quotes.errors import RulesError

__all__ = ["RuleData", "load_rules", "rules_dir"]

RuleData = Mapping[str, Mapping[str, Any]]


def rules_dir() -> Path:
    """Where the shipped rules are: inside the installed package, or the repo's rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RulesError(
        f"the shipped rules are missing: looked in {here / 'rules'} and {here.parent / 'rules'}"
    )


def load_rules(lang: str = "de", extra: Iterable[str | Path] = ()) -> RuleData:
    """The merged rule data for ``lang``: shipped files first, then each extension."""
    return _load(lang, tuple(str(Path(p).resolve()) for p in extra))


@functools.lru_cache(maxsize=32)
def _load(lang: str, extra: tuple[str, ...]) -> RuleData:
    base = rules_dir() / lang
    if not base.is_dir():
        raise RulesError(f"no rules for language {lang!r} (expected a folder {base})")
    merged: dict[str, Any] = {}
    for path in sorted(base.glob("*.toml")):
        _merge(merged, path.stem, _read(path))
    for item in extra:
        for path in _files_of(Path(item), lang):
            _merge(merged, path.stem, _read(path))
    return merged


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
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RulesError(f"cannot read rules file {path}: {error}") from error


def _merge(merged: dict[str, Any], stem: str, data: dict[str, Any]) -> None:
    merged[stem] = _merge_values(merged.get(stem, {}), data)


def _merge_values(old: Any, new: Any) -> Any:
    if isinstance(old, dict) and isinstance(new, dict):
        out = dict(old)
        for key, value in new.items():
            out[key] = _merge_values(old[key], value) if key in old else value
        return out
    if isinstance(old, list) and isinstance(new, list):
        return old + new
    return new
