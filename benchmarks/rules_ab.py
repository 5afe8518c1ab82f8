"""Two versions of the rules path in one process, pass by pass: a paired A/B comparison.

``python -m benchmarks.rules_ab A_DIR B_DIR [--rounds 30] [--gold DIR]``

``A_DIR`` and ``B_DIR`` are exports of the repository (``git archive C | tar -x -C DIR``).
Each is imported as the package ``quotes`` in turn (its modules swapped into
``sys.modules`` while it runs), so both see the same machine load, round after round; each
round times one pass of each over the corpus texts (CPU time; the order alternates) and
one pass of spaCy's blank German tokenizer. On a loaded machine the best pass of each
varies by ±15 % from run to run; the median of the paired per-round ratios B/A is the
steadier figure.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import statistics
import sys
import time
from types import ModuleType
from typing import Any

import spacy

from benchmarks.corpus import read_corpus, resolve_gold_dir


def _is_quotes(name: str) -> bool:
    return name == "quotes" or name.startswith("quotes.")


def _swap(modules: dict[str, ModuleType]) -> None:
    for name in [name for name in sys.modules if _is_quotes(name)]:
        del sys.modules[name]
    sys.modules.update(modules)


def _load(path: str, texts: list[str]) -> tuple[Any, dict[str, ModuleType]]:
    """A rules Extractor of the package under ``path``, warmed up, and its modules."""
    _swap({})
    sys.path.insert(0, path)
    try:
        extractor = importlib.import_module("quotes").Extractor("rules")
        for text in texts:  # lazy rules, caches, lazy imports
            extractor.extract(text)
    finally:
        sys.path.remove(path)
    return extractor, {name: m for name, m in sys.modules.items() if _is_quotes(name)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.rules_ab")
    parser.add_argument("a", help="export of version A")
    parser.add_argument("b", help="export of version B")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--gold", default=None, help="corpus folder (default: dev)")
    args = parser.parse_args(argv)
    texts = [d.text for d in read_corpus(resolve_gold_dir(args.gold), None) if d.text.strip()]
    versions = {"A": _load(args.a, texts), "B": _load(args.b, texts)}
    for name, (_, modules) in versions.items():
        print(f"{name}: {modules['quotes'].__file__}")
    tokenizer = spacy.blank("de").tokenizer
    best = {"A": float("inf"), "B": float("inf"), "tokenizer": float("inf")}
    paired: list[float] = []
    for round_ in range(args.rounds):
        took: dict[str, float] = {}
        for name in ("A", "B") if round_ % 2 == 0 else ("B", "A"):
            extractor, modules = versions[name]
            _swap(modules)
            gc.collect()
            started = time.process_time()
            for text in texts:
                extractor.extract(text)
            took[name] = time.process_time() - started
            best[name] = min(best[name], took[name])
        gc.collect()
        started = time.process_time()
        for text in texts:
            tokenizer(text)
        best["tokenizer"] = min(best["tokenizer"], time.process_time() - started)
        paired.append(took["B"] / took["A"])
    paired.sort()
    quarter = len(paired) // 4
    print(
        f"best pass: A {best['A'] * 1000:.0f} ms, B {best['B'] * 1000:.0f} ms, tokenizer "
        f"{best['tokenizer'] * 1000:.0f} ms; tokenizer / A {best['tokenizer'] / best['A']:.3f}, "
        f"tokenizer / B {best['tokenizer'] / best['B']:.3f}"
    )
    print(
        f"time B / A per round: median {statistics.median(paired):.3f} "
        f"(quartiles {paired[quarter]:.3f}-{paired[-quarter - 1]:.3f}, {len(paired)} rounds)"
    )


if __name__ == "__main__":
    main()
