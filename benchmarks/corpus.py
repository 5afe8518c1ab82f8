"""The Wikinews corpus format for the benchmarks, and where the corpus lies.

The reader, writer and converters live in the package (:mod:`quotes.evaluate.corpus`, so that
``quotes evaluate`` works from a wheel); they are re-exported here. What stays is how the
benchmarks find the corpus: ``../shared/corpora/wikinews-quotes-2024`` relative to the
repository root (or a linked worktree's main checkout), or ``$QUOTES_WIKINEWS_DIR``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Final

from benchmarks import REPO_ROOT
from quotes.evaluate.corpus import *  # noqa: F403 (the benchmarks' one import point)
from quotes.evaluate.corpus import __all__ as _corpus_all

__all__ = [
    *_corpus_all,
    "CORPUS_ENV",
    "CORPUS_RELATIVE",
    "corpus_root_candidates",
    "default_gold_dir",
    "resolve_gold_dir",
]

#: Where the corpus lies relative to the repository root (CI has it at the same place).
CORPUS_RELATIVE: Final = Path("..") / "shared" / "corpora" / "wikinews-quotes-2024"
#: Environment variable that overrides the corpus folder (the one holding train/ and dev/).
CORPUS_ENV: Final = "QUOTES_WIKINEWS_DIR"


# -- locating the corpus -----------------------------------------------------------------
def _git_roots(start: Path) -> list[Path]:
    """The work tree and, for a linked worktree, the main checkout's root."""
    roots: list[Path] = []
    for args in (["--show-toplevel"], ["--path-format=absolute", "--git-common-dir"]):
        try:
            out = subprocess.run(
                ["git", "rev-parse", *args],
                cwd=start,
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            continue
        if out:
            path = Path(out)
            roots.append(path.parent if path.name == ".git" else path)
    return roots


def corpus_root_candidates() -> list[Path]:
    """Folders that may hold the corpus (``train/``, ``dev/``), most specific first."""
    candidates: list[Path] = []
    if os.environ.get(CORPUS_ENV):
        candidates.append(Path(os.environ[CORPUS_ENV]))
    roots = [REPO_ROOT, Path.cwd(), *_git_roots(REPO_ROOT)]
    for root in roots:
        candidates.append(root / CORPUS_RELATIVE)
        # A checkout one level deeper (e.g. worktrees under /work/trees/NAME) still finds it.
        candidates.append(root.parent / CORPUS_RELATIVE)
    unique: list[Path] = []
    for candidate in candidates:
        resolved = candidate.resolve()
        if resolved not in unique:
            unique.append(resolved)
    return unique


def default_gold_dir(split: str = "dev") -> Path | None:
    """The corpus's ``split`` folder if it can be found, else None."""
    for root in corpus_root_candidates():
        folder = root / split
        if folder.is_dir() and any(folder.glob("*.json")):
            return folder
    return None


def resolve_gold_dir(gold: str | Path | None, split: str = "dev") -> Path:
    """``gold`` as given (relative to the working directory, else to the repository root),
    or the default split folder; raise FileNotFoundError with the places tried."""
    if gold is None:
        found = default_gold_dir(split)
        if found is None:
            tried = ", ".join(str(c / split) for c in corpus_root_candidates())
            raise FileNotFoundError(
                f"cannot find the Wikinews corpus ({split} split); tried {tried}. "
                f"Pass --gold DIR or set {CORPUS_ENV}."
            )
        return found
    path = Path(gold)
    for candidate in (path, REPO_ROOT / path):
        if candidate.exists():
            return candidate.resolve()
    raise FileNotFoundError(f"gold folder {gold} does not exist")
