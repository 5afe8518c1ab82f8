"""The rules path against spaCy's blank German tokenizer, in turns, best of N passes.

``python -m benchmarks.rules_ratio [--passes 10] [--gold DIR]``

Both run over the same corpus texts (default: the dev split), alternating pass by pass, so
that a change of machine load hits both alike; CPU time, the best pass of each is kept. Run
it from two exports of the repository in turns (``PYTHONPATH=export``) to compare commits.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

import spacy

from benchmarks.corpus import read_corpus, resolve_gold_dir
from quotes import Extractor


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.rules_ratio")
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--gold", default=None, help="corpus folder (default: dev)")
    args = parser.parse_args(argv)
    texts = [d.text for d in read_corpus(resolve_gold_dir(args.gold), None) if d.text.strip()]
    extractor = Extractor("rules")
    tokenizer = spacy.blank("de").tokenizer
    systems: dict[str, Callable[[str], object]] = {
        "rules": extractor.extract,
        "tokenizer": tokenizer,
    }
    for text in texts:  # warm both up: lazy rules, caches
        for run in systems.values():
            run(text)
    best = dict.fromkeys(systems, float("inf"))
    for _ in range(args.passes):
        for name, run in systems.items():
            gc.collect()
            started = time.process_time()
            for text in texts:
                run(text)
            best[name] = min(best[name], time.process_time() - started)
    print(
        f"rules {best['rules'] * 1000:.0f} ms, tokenizer {best['tokenizer'] * 1000:.0f} ms, "
        f"ratio {best['tokenizer'] / best['rules']:.3f} (words per CPU s, rules / tokenizer)"
    )


if __name__ == "__main__":
    main()
