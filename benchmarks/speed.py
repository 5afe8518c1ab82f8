"""Speed, memory and scaling of the extractor.

    python -m benchmarks.speed [--quick] [--markdown] [--gold DIR] [--limit N]
                               [--backends rules,...] [--max-seconds S]

1. **Throughput on the corpus**: words/s and docs/s of every backend in
   :data:`quotes.extractor.BACKENDS` on the corpus texts, next to spaCy's blank German
   tokenizer (``spacy.blank("de")``) on the same texts in the same run, as a ratio (target:
   the rules backend at least 0.5x the tokenizer). Peak memory: the peak of Python
   allocations during extraction (:mod:`tracemalloc`, in a separate pass so that it does not
   slow the timed one) and the process's peak resident size.
2. **Scaling** on generated documents from 1 KB to 10 MB (synthetic German news sentences with
   quotations, made up here; no corpus text), with the time per MB, so that linear growth shows
   as a flat column; the summary is ``(time(10 MB) / 10) / time(1 MB)`` (1.0 = linear).
3. **Pathological documents**: thousands of unmatched opening or closing marks, a mix of every
   kind of mark, one giant paragraph, one giant sentence without a full stop, deeply nested
   marks and one quotation as long as the document, each timed against normal text of the
   same size.

``--quick`` (about half a minute) stops the scaling at 1 MB and makes the pathological
documents 100 KB; a case predicted to take longer than ``--max-seconds`` is skipped, and one
that runs over is interrupted and reported as such.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import random
import resource
import signal
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import run_info
from benchmarks.corpus import read_corpus, resolve_gold_dir

__all__ = [
    "PATHOLOGICAL_CASES",
    "generate_document",
    "generate_pathological",
    "main",
]

KB = 1024
MB = 1024 * 1024
TOKENIZER_NAME = 'spaCy tokenizer (spacy.blank("de"))'
FULL_SIZES = (KB, 10 * KB, 100 * KB, MB, 10 * MB)
QUICK_SIZES = (KB, 10 * KB, 100 * KB, MB)


# -- synthetic text ----------------------------------------------------------------------
FIRST_NAMES = (
    "Anna", "Jonas", "Fatma", "Lukas", "Mara", "Tobias", "Elif", "Henrik", "Sofia", "Milan",
    "Katrin", "Ole", "Birgit", "Deniz", "Ruth", "Paul",
)  # fmt: skip
LAST_NAMES = (
    "Brandt", "Okafor", "Lindqvist", "Yilmaz", "Hoffmann", "Novak", "Albers", "Kessler",
    "Morawski", "Petersen", "Schulte", "Vogt", "Demir", "Hartung",
)  # fmt: skip
ROLES = (
    "die Bürgermeisterin", "der Sprecher der Stadtwerke", "die Ministerin", "der Trainer",
    "die Vorsitzende des Vereins", "der Polizeisprecher", "die Ärztin", "der Gewerkschafter",
    "die Direktorin des Museums", "der Landrat",
)  # fmt: skip
OUTLETS = (
    "dem Morgenkurier", "der Nordpost", "Radio Elbtal", "dem Abendblick", "der Agentur NPA",
    "dem Sender Kanal 9", "der Rundschau am Sonntag",
)  # fmt: skip
OUTLETS_NOMINATIVE = ("Der Morgenkurier", "Die Nordpost", "Radio Elbtal", "Die Agentur NPA")
SUBJECTS = (
    "Wir", "Die Stadt", "Das Team", "Niemand", "Jeder hier", "Die Regierung", "Der Verein",
    "Unsere Mitarbeiter", "Die Anwohner",
)  # fmt: skip
VERBS_PRESENT = (
    "brauchen", "erwarten", "fordern", "planen", "prüfen", "unterstützen", "verlangen",
)  # fmt: skip
VERBS_SUBJUNCTIVE = ("brauche", "erwarte", "fordere", "plane", "prüfe", "unterstütze")
OBJECTS = (
    "mehr Zeit", "eine klare Entscheidung", "neue Busse", "einen fairen Kompromiss",
    "bessere Radwege", "die vollständige Sanierung der Brücke", "mehr Personal in den Schulen",
    "eine Senkung der Gebühren", "den Bau eines neuen Hallenbads",
)  # fmt: skip
ADVERBIALS = (
    "noch in diesem Jahr", "so schnell wie möglich", "ab dem kommenden Frühjahr", "bis 2028",
    "ohne weitere Verzögerung", "gemeinsam mit dem Land", "trotz der knappen Kassen",
)  # fmt: skip
SPEECH_VERBS = ("sagte", "erklärte", "betonte", "meinte", "kündigte an", "räumte ein")
NARRATIVE = (
    "Am Dienstagabend kamen rund {n} Menschen in die Stadthalle",
    "Die Sitzung dauerte mehr als {n} Stunden",
    "Der Haushalt sieht Ausgaben von {n} Millionen Euro vor",
    "Bei dem Unfall auf der Landstraße wurden {n} Personen leicht verletzt",
    "Die Arbeiten an der Brücke sollen im Herbst beginnen",
    "Im vergangenen Jahr stieg die Zahl der Besucher um {n} Prozent",
    "Das Spiel endete nach Verlängerung mit {n}:{m}",
)  # fmt: skip
TITLES = ("Die stille Stadt", "Nachtzug nach Norden", "Wege über das Wasser", "Kleine Welt")


class SentenceMaker:
    """Makes up German news sentences, about a third of them with a quotation."""

    def __init__(self, seed: int = 0) -> None:
        self.random = random.Random(seed)

    def _pick(self, items: Sequence[str]) -> str:
        return items[self.random.randrange(len(items))]

    def person(self) -> str:
        return f"{self._pick(FIRST_NAMES)} {self._pick(LAST_NAMES)}"

    def statement(self) -> str:
        return (
            f"{self._pick(SUBJECTS)} {self._pick(VERBS_PRESENT)} {self._pick(OBJECTS)} "
            f"{self._pick(ADVERBIALS)}"
        ).replace("Wir brauchen", "Wir brauchen jetzt")

    def reported_clause(self) -> str:
        return f"man {self._pick(VERBS_SUBJUNCTIVE)} {self._pick(OBJECTS)} {self._pick(ADVERBIALS)}"

    def sentence(self) -> str:
        number, minute = self.random.randint(2, 900), self.random.randint(0, 5)
        choice = self.random.randrange(10)
        if choice == 0:
            return f"„{self.statement()}“, {self._pick(SPEECH_VERBS)} {self.person()}."
        if choice == 1:
            return f"{self.person()} sagte, {self.reported_clause()}."
        if choice == 2:
            return (
                f"„{self.statement()}. {self.statement()}“, erklärte {self._pick(ROLES)} "
                f"{self.person()} gegenüber {self._pick(OUTLETS)}."
            )
        if choice == 3:
            return f"{self._pick(ROLES).capitalize()} betonte: „{self.statement()}.“"
        if choice == 4:
            return f"Wie {self._pick(OUTLETS_NOMINATIVE)} berichtet, {self.reported_clause()}."
        if choice == 5:
            return f"Der Roman »{self._pick(TITLES)}« erschien vor {number} Tagen."
        return self._pick(NARRATIVE).format(n=number, m=minute) + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(2, 6)))


def _fill(size: int, pieces: Iterator[str], separator: str) -> str:
    """Join pieces until the UTF-8 size reaches ``size`` bytes."""
    parts: list[str] = []
    total = 0
    separator_bytes = len(separator.encode("utf-8"))
    for piece in pieces:
        parts.append(piece)
        total += len(piece.encode("utf-8")) + separator_bytes
        if total >= size:
            break
    return separator.join(parts)


def generate_document(size: int, seed: int = 0) -> str:
    """A made-up German news text of about ``size`` bytes (UTF-8), paragraphs apart."""
    maker = SentenceMaker(seed)

    def paragraphs() -> Iterator[str]:
        yield "Stadtrat streitet über Haushalt"
        while True:
            yield maker.paragraph()

    return _fill(size, paragraphs(), "\n\n")


def _repeat(size: int, make: Callable[[int], str], separator: str = " ") -> str:
    counter = iter(range(sys.maxsize))
    return _fill(size, (make(i) for i in counter), separator)


def generate_pathological(case: str, size: int, seed: int = 0) -> str:
    """One of :data:`PATHOLOGICAL_CASES`, about ``size`` bytes long."""
    maker = SentenceMaker(seed)
    if case == "unmatched opening marks":
        return _repeat(size, lambda i: f"Satz {i} hat ein „offenes Zeichen und endet.")
    if case == "unmatched closing marks":
        return _repeat(size, lambda i: f"Satz {i} schließt“ ohne Anfang« und endet.")
    if case == "mixed marks":
        marks = "„“”»«›‹‚‘\"'"
        rng = random.Random(seed)
        return _repeat(size, lambda i: f"{rng.choice(marks)}Wort{i}{rng.choice(marks)} sagte")
    if case == "one giant paragraph":
        return _repeat(size, lambda _: maker.sentence())
    if case == "one giant sentence":
        return _repeat(size, lambda i: f"und {maker.person()} sagte {i} Mal das Gleiche,")
    if case == "deeply nested marks":
        depth = 500
        opening = "„» ‚› " * depth
        closing = " ‹‘ «“" * depth
        block = f"{opening}Kern der Sache{closing}, sagte er."
        return _repeat(size, lambda _: block, "\n")
    if case == "one long quotation":
        body = _repeat(max(0, size - 64), lambda _: maker.statement() + ".")
        return f"Sie sagte: „{body}“ Danach ging sie."
    raise ValueError(f"unknown case {case!r}")


PATHOLOGICAL_CASES = (
    "unmatched opening marks",
    "unmatched closing marks",
    "mixed marks",
    "one giant paragraph",
    "one giant sentence",
    "deeply nested marks",
    "one long quotation",
)


# -- timing ------------------------------------------------------------------------------
class CaseTimeout(Exception):
    """A case ran longer than it was allowed to."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (SIGALRM; a no-op where that is unavailable)."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def interrupt(_signum: int, _frame: Any) -> None:
        raise CaseTimeout

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(
    function: Callable[[], Any], *, min_seconds: float = 0.2, max_runs: int = 200
) -> tuple[float, float, Any]:
    """Mean wall-clock and CPU seconds per call (short calls are repeated until
    ``min_seconds``) and the last result."""
    runs = 0
    wall = cpu = 0.0
    result = None
    while runs < max_runs:
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        result = function()
        wall += time.perf_counter() - wall_start
        cpu += time.process_time() - cpu_start
        runs += 1
        if wall >= min_seconds:
            break
    return wall / runs, cpu / runs, result


def peak_rss_mb() -> float:
    """The process's peak resident set size so far, in MB (Linux reports KB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / MB


def words_in(text: str) -> int:
    return len(text.split())


# -- rendering ---------------------------------------------------------------------------
def render_table(header: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |"]
        lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    out = []
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def size_label(size: int) -> str:
    if size >= MB:
        return f"{size / MB:g} MB"
    if size >= KB:
        return f"{size / KB:g} KB"
    return f"{size} B"


# -- the runs ----------------------------------------------------------------------------
@dataclass
class Throughput:
    name: str
    load_seconds: float | None
    seconds: float
    documents: int
    words: int
    peak_mb: float | None = None
    error: str | None = None
    cpu_seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_cpu_second(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds > 0 else 0.0


def _one_pass(function: Callable[[str], Any], texts: Sequence[str]) -> tuple[float, float]:
    gc.collect()
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        function(text)
    return time.perf_counter() - wall_start, time.process_time() - cpu_start


def _peak_python_mb(function: Callable[[str], Any], texts: Sequence[str]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        for text in texts:
            function(text)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / MB


def corpus_throughput(
    texts: Sequence[str], backends: Sequence[str], repeats: int, memory_texts: int
) -> list[Throughput]:
    """Every backend and the spaCy tokenizer over ``texts``; the passes of the systems take
    turns (so that a change in the machine's load hits them alike) and the best is kept."""
    import spacy

    from quotes import Extractor
    from quotes.errors import QuotesError

    words = sum(words_in(t) for t in texts)
    results: list[Throughput] = []
    functions: list[tuple[Throughput, Callable[[str], Any]]] = []
    for backend in backends:
        started = time.perf_counter()
        try:
            extractor = Extractor(backend=backend)
        except (QuotesError, ImportError, OSError) as error:
            results.append(Throughput(f"quotes {backend}", None, 0.0, 0, 0, error=str(error)))
            continue
        load = time.perf_counter() - started
        extractor.extract(texts[0])  # warm-up: lazy loading, caches
        result = Throughput(f"quotes {backend}", load, float("inf"), len(texts), words)
        results.append(result)
        functions.append((result, extractor.extract))
        parser = getattr(extractor, "_parser", None)
        if parser is not None:
            # The parser alone, in the same passes: what quote extraction adds on top.
            parsed = Throughput(f"{backend}: parser alone", None, float("inf"), len(texts), words)
            results.append(parsed)
            functions.append((parsed, parser.parse))
    started = time.perf_counter()
    nlp = spacy.blank("de")
    load = time.perf_counter() - started
    tokenizer = nlp.tokenizer
    tokenizer(texts[0])
    result = Throughput(TOKENIZER_NAME, load, float("inf"), len(texts), words)
    results.append(result)
    functions.append((result, tokenizer))
    for result, _ in functions:
        result.cpu_seconds = float("inf")
    for _ in range(repeats):
        for result, function in functions:
            wall, cpu = _one_pass(function, texts)
            result.seconds = min(result.seconds, wall)
            result.cpu_seconds = min(result.cpu_seconds, cpu)
    for result, function in functions:
        result.peak_mb = _peak_python_mb(function, texts[:memory_texts])
    return results


@dataclass
class Timing:
    label: str
    size: int
    words: int
    seconds: float | None
    quotes: int | None
    rss_mb: float
    note: str = ""
    nominal: int = 0  # the size asked for (the generated text is a little longer)
    cpu_seconds: float | None = None

    @property
    def cpu_seconds_per_mb(self) -> float | None:
        if self.cpu_seconds is None or not self.size:
            return None
        return self.cpu_seconds / (self.size / MB)

    @property
    def seconds_per_mb(self) -> float | None:
        return self.seconds / (self.size / MB) if self.seconds is not None and self.size else None


def _run_case(
    extract: Callable[[str], Sequence[Any]], label: str, text: str, limit: float
) -> Timing:
    size = len(text.encode("utf-8"))
    try:
        with time_limit(limit):
            seconds, cpu, result = timed(
                lambda: extract(text), min_seconds=0.2 if size < MB else 0.0
            )
    except CaseTimeout:
        return Timing(label, size, words_in(text), None, None, peak_rss_mb(), f"over {limit:g} s")
    except Exception as error:
        return Timing(
            label,
            size,
            words_in(text),
            None,
            None,
            peak_rss_mb(),
            f"{type(error).__name__}: {error}"[:80],
        )
    timing = Timing(label, size, words_in(text), seconds, len(result), peak_rss_mb())
    timing.cpu_seconds = cpu
    return timing


def scaling(
    extract: Callable[[str], Sequence[Any]], sizes: Sequence[int], max_seconds: float
) -> list[Timing]:
    timings: list[Timing] = []
    for size in sizes:
        previous = timings[-1] if timings else None
        if previous is not None and (
            previous.seconds is None or previous.seconds * size / previous.size > max_seconds
        ):
            timings.append(
                Timing(
                    size_label(size),
                    size,
                    0,
                    None,
                    None,
                    peak_rss_mb(),
                    f"skipped: predicted over {max_seconds:g} s",
                )
            )
            continue
        text = generate_document(size, seed=size)
        timing = _run_case(extract, size_label(size), text, max_seconds * 2)
        timing.nominal = size
        timings.append(timing)
        del text
        gc.collect()
    return timings


def linearity(timings: Sequence[Timing]) -> tuple[str, float] | None:
    """``(label, ratio)``: CPU time per MB of the largest document over that of the one about
    10x smaller (wall-clock time where CPU time is unknown)."""
    done = {t.nominal or t.size: t for t in timings if t.seconds is not None}

    def per_mb(timing: Timing) -> float:
        value = timing.cpu_seconds_per_mb
        return value if value is not None else (timing.seconds_per_mb or 0.0)

    for large in sorted(done, reverse=True):
        smaller = [size for size in done if 5 <= large / size <= 20]
        if not smaller:
            continue
        small = min(smaller, key=lambda size: abs(large / size - 10))
        if per_mb(done[small]) > 0:
            ratio = per_mb(done[large]) / per_mb(done[small])
            return f"time per MB at {size_label(large)} / at {size_label(small)}", ratio
    return None


def pathological(
    extract: Callable[[str], Sequence[Any]], size: int, max_seconds: float
) -> tuple[Timing, list[Timing]]:
    normal = _run_case(
        extract, "normal text (reference)", generate_document(size, seed=7), max_seconds
    )
    cases = [
        _run_case(extract, case, generate_pathological(case, size), max_seconds)
        for case in PATHOLOGICAL_CASES
    ]
    return normal, cases


# -- command line ------------------------------------------------------------------------
def _fmt(value: float | None, digits: int = 3) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


def _ratio_label(value: float, reference: float) -> str:
    return f"{value / reference:.2f}x" if reference else ""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.speed", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="about half a minute: scaling to 1 MB")
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    parser.add_argument("--gold", help="corpus folder whose texts to time (default: dev)")
    parser.add_argument("--limit", type=int, help="only the first N corpus documents")
    parser.add_argument("--backends", help="comma-separated backends (default: all that exist)")
    parser.add_argument("--repeats", type=int, help="timed passes over the corpus, best kept")
    parser.add_argument(
        "--max-seconds", type=float, help="time limit per scaling/pathological case"
    )
    parser.add_argument("--no-scaling", action="store_true", help="only the corpus throughput")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    info = run_info(list(sys.argv[1:] if argv is None else argv), "benchmarks.speed")
    from quotes import Extractor
    from quotes.extractor import BACKENDS

    backends = [b.strip() for b in args.backends.split(",")] if args.backends else list(BACKENDS)
    repeats = args.repeats or (2 if args.quick else 3)
    max_seconds = args.max_seconds or (8.0 if args.quick else 120.0)
    markdown = args.markdown
    out: list[str] = []

    def emit(text: str = "") -> None:
        out.append(text)
        print(text, flush=True)

    emit(("### Speed\n\n" + info.markdown()) if markdown else info.text())

    # 1. corpus throughput
    gold_dir: Path | None
    try:
        gold_dir = resolve_gold_dir(args.gold)
    except FileNotFoundError as error:
        print(f"corpus not found ({error}); using generated text", file=sys.stderr)
        gold_dir = None
    if gold_dir is not None:
        texts = [d.text for d in read_corpus(gold_dir, args.limit)]
        source = f"{gold_dir.name} split, {len(texts)} documents"
    else:
        texts = [generate_document(3 * KB, seed=i) for i in range(args.limit or 150)]
        source = f"{len(texts)} generated documents of 3 KB"
    texts = [t for t in texts if t.strip()]
    words = sum(words_in(t) for t in texts)
    emit()
    emit(
        f"Throughput on the corpus texts ({source}, {words:,} words, "
        f"{sum(len(t) for t in texts):,} characters; best of {repeats} pass(es)):"
    )
    emit()
    results = corpus_throughput(
        texts, backends, repeats, memory_texts=len(texts) if not args.quick else min(len(texts), 40)
    )
    tokenizer = results[-1]
    rows = []
    for result in results:
        if result.error:
            rows.append([result.name, *[""] * 8, f"unavailable: {result.error}"[:60]])
            continue
        rows.append(
            [
                result.name,
                _fmt(result.load_seconds, 2),
                _fmt(result.seconds, 2),
                _fmt(result.docs_per_second, 1),
                _fmt(result.words_per_second, 0),
                _fmt(result.words_per_cpu_second, 0),
                _ratio_label(result.words_per_second, tokenizer.words_per_second),
                _ratio_label(result.words_per_cpu_second, tokenizer.words_per_cpu_second),
                _fmt(result.peak_mb, 1),
                "",
            ]
        )
    header = ["system", "load s", "seconds", "docs/s", "words/s", "words/CPU-s"]
    header += ["vs tokenizer", "vs tokenizer (CPU)", "peak MB (Python)", "note"]
    emit(render_table(header, rows, markdown))
    emit()
    for result in results[:-1]:
        if result.name.startswith("quotes") and not result.error and tokenizer.words_per_cpu_second:
            ratio = result.words_per_cpu_second / tokenizer.words_per_cpu_second
            # The 0.5x target is the rules backend's; a parse backend runs at its parser's
            # speed and is judged by the share that extraction adds (below).
            verdict = ""
            if result.name == "quotes rules":
                verdict = f" ({'meets' if ratio >= 0.5 else 'misses'} the target of 0.5x)"
            emit(f"{result.name}: {ratio:.2f}x the tokenizer's words per CPU second{verdict}")
    by_name = {result.name: result for result in results if not result.error}
    for backend in backends:
        whole, parser = by_name.get(f"quotes {backend}"), by_name.get(f"{backend}: parser alone")
        if whole and parser and whole.cpu_seconds:
            share = max(0.0, 1 - parser.cpu_seconds / whole.cpu_seconds)
            emit(
                f"quotes {backend}: quote extraction is {share:.1%} of the CPU time, "
                f"the parse the rest"
            )
    emit(f"peak resident size of the process so far: {peak_rss_mb():.0f} MB")

    if args.no_scaling:
        return 0

    # 2. scaling and 3. pathological documents, on the first backend that loads
    extractor = None
    for backend in backends:
        try:
            extractor = Extractor(backend=backend)
            break
        except Exception:
            continue
    if extractor is None:
        emit("no backend could be loaded; no scaling run")
        return 1
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    emit()
    emit(f"Scaling ({extractor.backend} backend) on generated documents:")
    emit()
    timings = scaling(extractor.extract, sizes, max_seconds)
    rows = [
        [t.label, f"{t.size:,}", f"{t.words:,}", _fmt(t.seconds, 4), _fmt(t.seconds_per_mb, 3),
         _fmt(t.cpu_seconds_per_mb, 3), _fmt(t.words / t.seconds, 0) if t.seconds else "",
         "" if t.quotes is None else str(t.quotes), f"{t.rss_mb:.0f}", t.note]
        for t in timings
    ]  # fmt: skip
    header = ["document", "bytes", "words", "seconds", "s per MB", "CPU-s per MB", "words/s"]
    header += ["quotes", "peak RSS MB", "note"]
    emit(render_table(header, rows, markdown))
    emit()
    summary = linearity(timings)
    if summary is not None:
        label, ratio = summary
        emit(
            f"linearity (CPU time): {label} = {ratio:.2f} "
            "(1.00 = linear; above 1 grows faster than linear)"
        )

    size = 100 * KB if args.quick else MB
    emit()
    emit(f"Pathological documents ({size_label(size)} each) against normal text of the same size:")
    emit()
    normal, cases = pathological(extractor.extract, size, max_seconds)
    rows = []
    for t in [normal, *cases]:
        slowdown = (
            t.cpu_seconds / normal.cpu_seconds
            if t.cpu_seconds is not None and normal.cpu_seconds
            else None
        )
        rows.append([t.label, f"{t.size:,}", _fmt(t.seconds, 4), _fmt(t.seconds_per_mb, 3),
                     _fmt(t.cpu_seconds_per_mb, 3),
                     "" if slowdown is None else f"{slowdown:.2f}x",
                     "" if t.quotes is None else str(t.quotes), t.note])  # fmt: skip
    header = ["document", "bytes", "seconds", "s per MB", "CPU-s per MB", "vs normal (CPU)"]
    header += ["quotes", "note"]
    emit(render_table(header, rows, markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
