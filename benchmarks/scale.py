"""Archive-scale measures (issue 11): parse on demand, pipe(), memory, long texts, Dask.

    python -m benchmarks.scale throughput [--limit N] [--repeats R] [--rounds N] [--paired-only]
    python -m benchmarks.scale stream [--docs 100000] [--backend parse]
    python -m benchmarks.scale long [--sizes 1,10] [--backend parse] [--case normal]
    python -m benchmarks.scale memory [--sizes 1,2,4,8] [--backend rules] [--cases …]
    python -m benchmarks.scale dask [--docs 2000] [--backend parse]

Every figure is a ratio of two measures taken in the same run:

* **throughput**: on the corpus texts (dev split), CPU seconds of the parse path (per-text
  ``extract``, and ``pipe``) with parse on demand and with the full parse, against the
  parser alone on the full texts (``backend.parse`` per text), best of ``--repeats``
  passes taken in turns; plus the share of sentences and words that parse on demand parses.
  Then the headline ratio (on-demand ``pipe()`` / parser alone) in ``--rounds`` paired
  rounds (:func:`paired_rounds`: the two systems in turns on each batch of 64 texts, so
  load on the shared machine hits both alike): each round's CPU and wall seconds and
  ratio, their median and spread, and the best-of-each ratio (the table's definition).
  ``--paired-only`` keeps only those two systems in the table.
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
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import attrs

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
@attrs.frozen
class Round:
    """One round of :func:`paired_rounds`: the CPU and wall seconds of both systems."""

    cpu: tuple[float, float]
    wall: tuple[float, float]

    @property
    def ratio(self) -> float:
        """Words per CPU second of the second system over the first's (same words)."""
        return self.cpu[0] / self.cpu[1]


def paired_rounds(
    first: Sequence[Callable[[], Any]],
    second: Sequence[Callable[[], Any]],
    rounds: int,
    cpu: Callable[[], float] = time.process_time,
    wall: Callable[[], float] = time.perf_counter,
) -> list[Round]:
    """Time two systems on the same input in interleaved, paired rounds.

    ``first[k]`` and ``second[k]`` do the same part ``k`` of the work (a batch of texts)
    with each system. Each round runs every part with both systems, one right after the
    other, the order turning from part to part and from round to round, so a change in
    the machine's load hits both about alike; the collector runs before each timed call
    (outside the clock), so neither pays for the other's garbage. CPU time is the
    process's (``time.process_time``: all its threads, no other process)."""
    if len(first) != len(second):
        raise ValueError("first and second must have the same parts")
    out = []
    for r in range(rounds):
        spent = [[0.0, 0.0], [0.0, 0.0]]  # [cpu, wall] per system
        for k, pair in enumerate(zip(first, second, strict=True)):
            for which in (0, 1) if (r + k) % 2 == 0 else (1, 0):
                gc.collect()
                c0, w0 = cpu(), wall()
                pair[which]()
                c1, w1 = cpu(), wall()
                spent[which][0] += c1 - c0
                spent[which][1] += w1 - w0
        out.append(Round(cpu=(spent[0][0], spent[1][0]), wall=(spent[0][1], spent[1][1])))
    return out


def paired_summary(rounds: Sequence[Round]) -> dict[str, float]:
    """The ratio of :func:`paired_rounds` (second system over first, words per CPU second):
    ``best`` of each system's rounds (the definition of earlier runs: the best CPU time of
    each), the ``median``, ``low`` and ``high`` of the per-round ratios, and their
    ``spread`` (high − low) over the median."""
    ratios = sorted(r.ratio for r in rounds)
    median = statistics.median(ratios)
    return {
        "best": min(r.cpu[0] for r in rounds) / min(r.cpu[1] for r in rounds),
        "median": median,
        "low": ratios[0],
        "high": ratios[-1],
        "spread": (ratios[-1] - ratios[0]) / median,
    }


def _paired(args: argparse.Namespace, texts: list[str], parser: Any, on_demand: Any) -> None:
    """The headline ratio: on-demand ``pipe()`` against the parser alone, paired rounds on
    the pipe's own batches of texts."""
    size = 64  # pipe()'s default batch_size: the pipe of a part is the pipe of its batch
    parts = [texts[i : i + size] for i in range(0, len(texts), size)]
    alone = [lambda p=p: [parser.parse(t) for t in p] for p in parts]
    piped = [lambda p=p: list(on_demand.pipe(p)) for p in parts]
    load, started = os.getloadavg()[0], time.strftime("%H:%M", time.gmtime())
    found = paired_rounds(alone, piped, args.rounds)
    summary = paired_summary(found)
    print()
    print(
        f"paired rounds: parser alone and on-demand pipe() in turns, {len(parts)} part(s) of "
        f"{size} texts each round, from {started} UTC (load average {load:.1f} at the "
        f"start, {os.getloadavg()[0]:.1f} at the end)"
    )
    print()
    print("| round | parser alone CPU s (wall) | on demand pipe CPU s (wall) | ratio |")
    print("|---:|---:|---:|---:|")
    for n, one in enumerate(found, start=1):
        print(
            f"| {n} | {one.cpu[0]:.2f} ({one.wall[0]:.2f}) | {one.cpu[1]:.2f} "
            f"({one.wall[1]:.2f}) | {one.ratio:.2f} |"
        )
    print()
    print(
        f"parse path (on demand, pipe()) / parser alone, paired: median {summary['median']:.2f} "
        f"of {len(found)} rounds (low {summary['low']:.2f}, high {summary['high']:.2f}, "
        f"spread {summary['spread']:.1%}); best of each {summary['best']:.2f}"
    )


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
    if args.paired_only:
        systems = {name: systems[name] for name in list(systems)[:: len(systems) - 1]}
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
    if args.rounds:
        _paired(args, texts, parser, on_demand)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"process: {usage.ru_utime + usage.ru_stime:.1f} CPU s in all "
        f"({usage.ru_utime:.1f} user, {usage.ru_stime:.1f} system)"
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
    one.add_argument(
        "--rounds", type=int, default=9, help="paired rounds of the headline ratio (0: none)"
    )
    one.add_argument(
        "--paired-only", action="store_true", help="of the table, only the two paired systems"
    )
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
