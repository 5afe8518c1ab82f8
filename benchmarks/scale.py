"""Archive-scale measures (issue 11): parse on demand, pipe(), memory, long texts, Dask.

    python -m benchmarks.scale throughput [--limit N] [--repeats R]
    python -m benchmarks.scale stream [--docs 100000] [--backend parse]
    python -m benchmarks.scale long [--sizes 1,10] [--backend parse] [--case normal]
    python -m benchmarks.scale memory [--sizes 1,2,4,8] [--backend rules] [--cases …]
    python -m benchmarks.scale dask [--docs 2000] [--backend parse]

Every figure is a ratio of two measures taken in the same run:

* **throughput**: on the corpus texts (dev split), CPU seconds of the parse path (per-text
  ``extract``, and ``pipe``) with parse on demand and with the full parse, against the
  parser alone on the full texts (``backend.parse`` per text), best of ``--repeats``
  passes taken in turns; plus the share of sentences and words that parse on demand parses.
* **stream**: peak RSS of the process after 10k and after ``--docs`` generated short
  documents through ``pipe()``, each with new made-up words (what grows spaCy's
  StringStore without ``memory_zone``); target: ratio <= 1.1.
* **long**: one generated document per size (MB) in a fresh process each: CPU seconds per MB
  and peak RSS; the ratio of the largest to the smallest (target: time per MB at 10 MB / at
  1 MB <= 1.1, peak RSS at 10 MB <= ~2x that at 1 MB). ``--case`` picks a pathological text
  of ``benchmarks.speed`` instead ("unmatched opening marks", or "bare „" for a run of
  bare „ marks; any "bare X" is a run of X).
* **memory**: ``long`` for several input classes (``--cases``, comma-separated; default a
  run of bare „, sentences each with an unmatched „, and news text; ``--cases issue9``:
  every input class of issue 9, :data:`ISSUE9_CASES`) and sizes, one table:
  CPU seconds per MB, peak RSS, its growth over the loaded process, and that growth per
  character and as a multiple of the text's own size (``sys.getsizeof``); then, per class,
  the ratios of the largest size to the smallest (time per MB; RSS growth per character),
  and a table of them per class (CPU time per MB and peak RSS at both sizes).
* **dask**: wall-clock throughput of :func:`quotes.dask.extract_bag` on a LocalCluster of
  2 worker processes against 1 (one thread each), on the same documents; the outputs must
  be identical (target: >= 1.6).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks import run_info
from benchmarks.speed import MB, generate_document, generate_pathological

__all__ = ["main"]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(function: Callable[[], Any]) -> float:
    gc.collect()
    start = time.process_time()
    function()
    return time.process_time() - start


# -- throughput --------------------------------------------------------------------------
def throughput(args: argparse.Namespace) -> None:
    from benchmarks.corpus import read_corpus, resolve_gold_dir
    from quotes import Extractor
    from quotes.document import Document

    texts = [d.text for d in read_corpus(resolve_gold_dir(args.gold), args.limit)]
    texts = [t for t in texts if t.strip()]
    words = sum(len(t.split()) for t in texts)
    on_demand = Extractor(args.backend)
    full = Extractor(args.backend, parse_on_demand=False)
    full._parser = on_demand._parser  # one model for both
    parser = on_demand._parser
    assert parser is not None
    systems: dict[str, Callable[[], Any]] = {
        "parser alone, full texts (backend.parse per text)": lambda: [
            parser.parse(t) for t in texts
        ],
        "quotes parse, full parse, extract per text": lambda: [full.extract(t) for t in texts],
        "quotes parse, on demand, extract per text": lambda: [on_demand.extract(t) for t in texts],
        "quotes parse, full parse, pipe (batch 64)": lambda: list(full.pipe(texts)),
        "quotes parse, on demand, pipe (batch 64)": lambda: list(on_demand.pipe(texts)),
    }
    for function in systems.values():
        function()  # warm-up
    best = dict.fromkeys(systems, float("inf"))
    for _ in range(args.repeats):
        for name, function in systems.items():
            best[name] = min(best[name], _cpu(function))
    same = list(on_demand.pipe(texts)) == [on_demand.extract(t) for t in texts]
    sentences = parsed = parsed_words = 0
    for text in texts:
        doc = Document.build(text, on_demand._splitter)
        flags = on_demand._triggers.candidates(doc)
        sentences += len(flags)
        parsed += sum(flags)
        parsed_words += sum(
            len(s.text.split()) for s, f in zip(doc.sentences, flags, strict=True) if f
        )
    reference = words / best[next(iter(systems))]
    print(f"{len(texts)} documents, {words:,} words; best of {args.repeats} passes (CPU time)")
    print()
    print("| system | CPU s | words per CPU s | / parser alone |")
    print("|---|---:|---:|---:|")
    for name, seconds in best.items():
        rate = words / seconds
        print(f"| {name} | {seconds:.2f} | {rate:,.0f} | {rate / reference:.2f} |")
    print()
    print(
        f"parse on demand parses {parsed:,} of {sentences:,} sentences "
        f"({parsed / max(sentences, 1):.1%}), {parsed_words / max(words, 1):.1%} of the words; "
        f"pipe() gives the same results as extract(): {same}"
    )


# -- stream ------------------------------------------------------------------------------
_LETTERS = "abcdefghijklmnopqrstuvwxyzäöü"


def _stream_docs(count: int, seed: int = 0) -> Any:
    """Short documents, each a candidate sentence with three new made-up words."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(_LETTERS) for _ in range(rng.randint(6, 11)))

    for i in range(count):
        yield f"Der Sprecher sagte, {word().capitalize()} {word()} sei {word()} ({i})."


def stream(args: argparse.Namespace) -> None:
    from quotes import Extractor

    extractor = Extractor(args.backend)
    checkpoints = dict.fromkeys(range(10_000, args.docs + 1, 10_000), 0.0)
    checkpoints[args.docs] = 0.0
    started = time.process_time()
    results = extractor.pipe(_stream_docs(args.docs), batch_size=64)
    for done, _ in enumerate(results, start=1):
        if done in checkpoints:
            checkpoints[done] = _rss_mb()
            cpu = time.process_time() - started
            print(f"after {done:,} documents: peak RSS {checkpoints[done]:.0f} MB, {cpu:.0f} CPU s")
            sys.stdout.flush()
    first, last = checkpoints[10_000], checkpoints[args.docs]
    vocab = getattr(getattr(extractor._parser, "nlp", None), "vocab", None)
    strings = f", StringStore {len(vocab.strings):,} strings" if vocab is not None else ""
    print(
        f"peak RSS after {args.docs:,} / after 10,000 documents = {last / first:.3f} "
        f"({last:.0f} / {first:.0f} MB{strings})"
    )


# -- long --------------------------------------------------------------------------------
#: The input classes of issue 9, each a piece repeated to the size with no sentence end
#: between the copies (``--cases issue9``): many quotations in one sentence, dateline
#: lines, many verbs of saying in one clause, many names in one sentence; then a run of
#: each mark kind ("bare X") and the unmatched marks of ``benchmarks.speed``.
ISSUE9_PIECES = {
    "titles in one sentence": "„Titel“, ",
    "JSON line": '"key": "value", ',
    "dateline lines": "Berlin (dpa) – „Ja“, sagte er.\n",
    "verbs in one clause": "Er sagte, er sei bereit und ",
    # Found by the long fuzz profile: the entity scan read the sentence before each name.
    "names in one sentence": "sagte Kremlsprecher Dmitri Peskow, „Es sagte er, „„„",
}
ISSUE9_MARKS = "„“”‚‘’»«›‹\"'"
ISSUE9_CASES = (
    *ISSUE9_PIECES,
    *(f"bare {mark}" for mark in ISSUE9_MARKS),
    "unmatched opening marks",
    "unmatched closing marks",
    "normal",
)


def _case_text(case: str, size: int) -> str:
    """The text of input class ``case``: ``size`` characters of a repeated piece (a run of
    one mark, an :data:`ISSUE9_PIECES` piece), else about ``size`` bytes (UTF-8)."""
    if case == "normal":
        return generate_document(size, seed=size)
    if case.startswith("bare ") and len(case) == 6:
        return case[-1] * size
    if case in ISSUE9_PIECES:
        piece = ISSUE9_PIECES[case]
        return piece * max(1, size // len(piece))
    return generate_pathological(case, size)


def _one_long(backend: str, size_mb: float, case: str) -> dict[str, float]:
    from quotes import Extractor

    extractor = Extractor(backend)
    extractor.extract("Er sagte, es sei gut. „Ja“, sagte sie.")
    text = _case_text(case, int(size_mb * MB))
    base = _rss_mb()
    start = time.process_time()
    found = extractor.extract(text)
    cpu = time.process_time() - start
    return {
        "chars": len(text),
        "cpu": cpu,
        "rss": _rss_mb(),
        "base_rss": base,
        "quotes": len(found),
        "text_mb": sys.getsizeof(text) / MB,
    }


def _measure_one(backend: str, size: float, case: str) -> dict[str, float] | str:
    """``_one_long`` in a fresh process (its peak RSS is this input's alone)."""
    command = [sys.executable, "-m", "benchmarks.scale", "_one", backend, str(size), case]
    out = subprocess.run(command, capture_output=True, text=True, check=False, timeout=7200)
    if out.returncode != 0:
        return out.stderr.strip()[-300:]
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def long(args: argparse.Namespace) -> None:
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = []
    for size in sizes:
        row = _measure_one(args.backend, size, args.case)
        if isinstance(row, str):
            print(f"{size} MB: failed: {row}")
            return
        rows.append((size, row))
        print(
            f"{args.backend}, {args.case}, {size:g} MB ({row['chars']:,} chars): "
            f"{row['cpu']:.1f} CPU s = {row['cpu'] / size:.2f} CPU s per MB; peak RSS "
            f"{row['rss']:.0f} MB (after loading: {row['base_rss']:.0f} MB); "
            f"{row['quotes']:,} quotations"
        )
        sys.stdout.flush()
    (small, a), (large, b) = rows[0], rows[-1]
    print(
        f"time per MB at {large:g} MB / at {small:g} MB = "
        f"{(b['cpu'] / large) / (a['cpu'] / small):.2f}; peak RSS at {large:g} MB / at "
        f"{small:g} MB = {b['rss'] / a['rss']:.2f} (growth over the loaded process: "
        f"{(b['rss'] - b['base_rss']) / max(a['rss'] - a['base_rss'], 1):.2f})"
    )


def memory(args: argparse.Namespace) -> None:
    sizes = [float(s) for s in args.sizes.split(",")]
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    if cases == ["issue9"]:
        cases = list(ISSUE9_CASES)
    print(f"backend {args.backend}; each row one document in a fresh process")
    print()
    print(
        "| input | size (MB) | characters | CPU s | CPU s per MB | peak RSS MB | "
        "growth MB | growth bytes per char | growth / text size | quotations |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    summary: list[str] = []
    table: list[str] = []
    for case in cases:
        rows = []
        for size in sizes:
            row = _measure_one(args.backend, size, case)
            if isinstance(row, str):
                print(f"| {case} | {size:g} | failed: {row} |")
                break
            growth = row["rss"] - row["base_rss"]
            rows.append((size, row, growth))
            print(
                f"| {case} | {size:g} | {row['chars']:,} | {row['cpu']:.1f} | "
                f"{row['cpu'] / size:.2f} | {row['rss']:.0f} | {growth:.0f} | "
                f"{growth * MB / row['chars']:.1f} | {growth / row['text_mb']:.1f} | "
                f"{row['quotes']:,} |"
            )
            sys.stdout.flush()
        if len(rows) > 1:
            (small, a, ga), (large, b, gb) = rows[0], rows[-1]
            summary.append(
                f"{case}: time per MB at {large:g} / at {small:g} MB = "
                f"{(b['cpu'] / large) / (a['cpu'] / small):.2f}; RSS growth per character "
                f"at {large:g} / at {small:g} MB = "
                f"{(gb / b['chars']) / max(ga / a['chars'], 1e-9):.2f}; "
                f"peak RSS {b['rss'] / a['rss']:.2f}x"
            )
            table.append(
                f"| {case} | {(b['cpu'] / large) / (a['cpu'] / small):.2f} | "
                f"{a['rss']:.0f} | {b['rss']:.0f} | {b['rss'] / a['rss']:.2f} | "
                f"{gb * MB / b['chars']:.1f} |"
            )
    print()
    for line in summary:
        print(line)
    if table:
        small, large = f"{sizes[0]:g} MB", f"{sizes[-1]:g} MB"
        print()
        print(
            f"| input ({args.backend}) | CPU s per MB at {large} / at {small} | "
            f"peak RSS MB at {small} | at {large} | ratio | growth bytes per char at {large} |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for line in table:
            print(line)


# -- dask --------------------------------------------------------------------------------
def dask_throughput(args: argparse.Namespace) -> None:
    import dask.bag as db
    import distributed

    from quotes.dask import extract_bag

    items = [(generate_document(600, seed=i), i) for i in range(args.docs)]
    words = sum(len(t.split()) for t, _ in items)
    outputs = []
    seconds = []
    for workers in (1, 2):
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        with distributed.Client(cluster) as client:
            warm = db.from_sequence(items[:8], npartitions=workers)
            extract_bag(warm, backend=args.backend).compute()  # the model is loaded
            client.run(gc.collect)
            bag = db.from_sequence(items, npartitions=8 * workers)
            start = time.perf_counter()
            out = extract_bag(bag, backend=args.backend).compute()
            seconds.append(time.perf_counter() - start)
        cluster.close()
        outputs.append(out)
        print(
            f"{workers} worker(s): {seconds[-1]:.1f} s, {words / seconds[-1]:,.0f} words/s, "
            f"{len(out):,} records"
        )
        sys.stdout.flush()
    print(
        f"Dask 2 workers / 1 worker, throughput on {args.docs:,} documents ({words:,} words): "
        f"{seconds[0] / seconds[1]:.2f}; identical output: {outputs[0] == outputs[1]}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw[:1] == ["_one"]:
        _backend, size, case = raw[1], float(raw[2]), raw[3]
        print(json.dumps(_one_long(_backend, size, case)))
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale")
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("throughput")
    one.add_argument("--gold")
    one.add_argument("--limit", type=int)
    one.add_argument("--repeats", type=int, default=2)
    one.add_argument("--backend", default="parse")
    two = commands.add_parser("stream")
    two.add_argument("--docs", type=int, default=100_000)
    two.add_argument("--backend", default="parse")
    three = commands.add_parser("long")
    three.add_argument("--sizes", default="1,10")
    three.add_argument("--backend", default="parse")
    three.add_argument("--case", default="normal")
    five = commands.add_parser("memory")
    five.add_argument("--sizes", default="1,2,4,8")
    five.add_argument("--backend", default="rules")
    five.add_argument("--cases", default="bare „,unmatched opening marks,normal")
    four = commands.add_parser("dask")
    four.add_argument("--docs", type=int, default=2000)
    four.add_argument("--backend", default="parse")
    args = parser.parse_args(raw)
    print(run_info(raw, "benchmarks.scale").text())
    commands_run = {
        "throughput": throughput,
        "stream": stream,
        "long": long,
        "memory": memory,
        "dask": dask_throughput,
    }
    commands_run[args.command](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
