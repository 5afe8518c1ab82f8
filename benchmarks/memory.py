"""Peak memory over long streams of documents (issue 11 §3): flat, or growing?

    nice python -m benchmarks.memory --backend rules --docs 100000
    nice python -m benchmarks.memory --backend parse --docs 100000
    nice python -m benchmarks.memory --backend parse --docs 20000 --no-memory-zone  # control

One process streams ``--docs`` generated documents through ``Extractor.pipe``
(``batch_size`` 64, one process) and reports its peak RSS (``ru_maxrss``) and current RSS
after every ``--every`` documents; the figure is **peak RSS after the last document / after
10,000** (issue 11's target: <= 1.1).

The documents: news paragraphs of three to five sentences, like those of ``seeds/``
(written for this benchmark, not taken from any corpus), with a direct quotation, a verb of
saying with a Konjunktiv clause (so parse on demand does parse them), an unparsed filler
sentence, and in every document new made-up words (names, nouns, a place) that no document
before it held: without spaCy's ``memory_zone`` each would stay in the StringStore for
good. The StringStore's size is reported on the parse path. ``--no-memory-zone`` turns the
zones off (the control: memory should then grow).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import random
import resource
import sys
import time
from collections.abc import Iterator
from typing import Any

__all__ = ["documents", "main"]

_CONSONANTS = "bcdfghjklmnprstvwz"
_VOWELS = "aeiouäöü"

_QUOTE = (
    "„Wir werden die {noun} in {place} nicht aufgeben“, sagte {first} {last} am {day}.",
    "{first} {last} sagte der Zeitung „{paper}“: „Die {noun} ist ein Fehler.“",
    "„Das ist eine {noun}“, erklärte die Sprecherin {first} {last}.",
)
_INDIRECT = (
    "Der Bürgermeister von {place} sagte, die {noun} sei bereits im Herbst beschlossen worden.",
    "Laut {first} {last} habe die {noun} keine Folgen für {place}.",
    "Die Polizei teilte mit, der Fahrer aus {place} sei leicht verletzt worden.",
    "{first} {last} betonte, man werde die {noun} prüfen.",
)
_FILLER = (
    "In {place} leben rund {number} Menschen.",
    "Die {noun} kostet nach Schätzungen {number} Euro.",
    "Am {day} kamen mehr als {number} Besucher in die Stadthalle.",
    "Das Spiel endete mit {goals}.",
)
_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


class _Words:
    """Made-up words, each new: a syllable string plus a counter spelled in letters."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0

    def __call__(self, capital: bool = True) -> str:
        rng = self.rng
        syllables = "".join(
            rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3))
        )
        self.count += 1
        n, tail = self.count, ""
        while n:  # the counter in letters: unique, and still one word to the tokenizer
            n, digit = divmod(n, 18)
            tail += _CONSONANTS[digit]
        word = syllables + tail
        return word.capitalize() if capital else word


def documents(count: int, seed: int = 0) -> Iterator[str]:
    """``count`` documents of 3 to 5 sentences, each with new made-up words."""
    rng = random.Random(seed)
    new = _Words(seed)
    for _ in range(count):

        def fill(template: str) -> str:
            return template.format(
                noun=new() + "ung",
                place=new(),
                first=new(),
                last=new(),
                paper=new() + " " + new(),
                day=rng.choice(_DAYS),
                number=f"{rng.randint(2, 900)}.{rng.randint(100, 999)}",
                goals=f"{rng.randint(0, 5)}:{rng.randint(0, 5)}",
            )

        sentences = [fill(rng.choice(_QUOTE)), fill(rng.choice(_INDIRECT))]
        sentences += [fill(rng.choice(_FILLER)) for _ in range(rng.randint(1, 3))]
        rng.shuffle(sentences)
        yield " ".join(sentences)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
    except OSError:
        return float("nan")
    return pages * resource.getpagesize() / 2**20


def run(args: argparse.Namespace) -> dict[str, Any]:
    from quotes import Extractor

    extractor = Extractor(args.backend)
    parser = extractor._parser
    if args.no_memory_zone and parser is not None:
        parser._memory_zone = contextlib.nullcontext  # type: ignore[method-assign]

    def vocab() -> Any:
        # Read anew at each checkpoint: the backend loads the shipped pipeline afresh once
        # its vocabulary's tables are full, and holding the first one's Vocab here would
        # keep what the reload frees (the run at d0729b3 did: a +66 MB step).
        return getattr(getattr(parser, "nlp", None), "vocab", None)

    extractor.extract("„Ja“, sagte sie. Er sagte, es sei gut.")  # loaded and warmed up
    loaded = _peak_mb()
    checkpoints = []
    started_cpu, started = time.process_time(), time.monotonic()
    found = words = 0
    items = ((doc, len(doc.split())) for doc in documents(args.docs, args.seed))
    results = extractor.pipe(items, batch_size=args.batch_size, as_tuples=True)
    for done, (attributions, doc_words) in enumerate(results, start=1):
        found += len(attributions)
        words += doc_words
        if done % args.every == 0 or done == args.docs:
            row = {
                "docs": done,
                "words": words,
                "peak_rss_mb": round(_peak_mb(), 1),
                "rss_mb": round(_current_mb(), 1),
                "strings": len(vocab().strings) if parser is not None else None,
                "attributions": found,
                "cpu_s": round(time.process_time() - started_cpu, 1),
                "wall_s": round(time.monotonic() - started, 1),
            }
            checkpoints.append(row)
            strings = f", StringStore {row['strings']:,}" if parser is not None else ""
            print(
                f"after {done:,} documents ({words:,} words, {found:,} attributions): peak RSS "
                f"{row['peak_rss_mb']:.0f} MB, RSS {row['rss_mb']:.0f} MB{strings}, "
                f"{row['cpu_s']:.0f} CPU s",
                flush=True,
            )
    by_docs = {row["docs"]: row for row in checkpoints}
    base = by_docs.get(10_000, checkpoints[0])
    last = checkpoints[-1]
    return {
        "backend": args.backend,
        "memory_zone": not args.no_memory_zone,
        "docs": args.docs,
        "batch_size": args.batch_size,
        "seed": args.seed,
        "peak_rss_after_loading_mb": round(loaded, 1),
        "ratio": round(last["peak_rss_mb"] / base["peak_rss_mb"], 3),
        "ratio_base_docs": base["docs"],
        "checkpoints": checkpoints,
        "python": platform.python_version(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.memory", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--backend", choices=("rules", "parse"), default="parse")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000, help="report every N documents")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-memory-zone", action="store_true", help="the control: no spaCy memory zones"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.every < 1:
        parser.error("--docs and --every must be at least 1")
    result = run(args)
    last = result["checkpoints"][-1]
    print(
        f"{args.backend}{'' if result['memory_zone'] else ' (no memory zone)'}: peak RSS after "
        f"{args.docs:,} documents / after {result['ratio_base_docs']:,} = {result['ratio']:.3f} "
        f"({last['peak_rss_mb']:.0f} MB; {result['peak_rss_after_loading_mb']:.0f} MB once "
        "loaded)"
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
