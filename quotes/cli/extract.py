"""``quotes extract PATH... | -``: find and attribute the quotations in text files.

Output goes to stdout (or, with ``--resume``, is appended to the file named) and is
written incrementally, one document at a time, so a run over an archive of millions of
files uses constant memory. Everything else (progress, errors) goes to stderr. Exit
status: 0 when every input was processed, 1 when some input could not be read or
processed (the others still are) or there was no input at all, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import itertools
import os
import textwrap
from collections.abc import Iterator
from typing import Any

from quotes.cli.common import (
    PROG,
    Output,
    Reporter,
    check_interrupt,
    isatty,
    positive_int,
    say,
    stdout,
)
from quotes.cli.inputs import STDIN, Job, encoding_option, iter_items, read_item
from quotes.cli.output import FORMATS, Writer
from quotes.records import Attribution

__all__ = ["register", "run"]

DEFAULT_FORMAT = "jsonl"
#: ``--jobs N`` starts N processes that each load the backend; below this many characters
#: of input per worker (about 2 CPU seconds of work on each backend), one process is
#: faster, and the run says so and uses one.
MIN_CHARS_PER_WORKER = {"rules": 2_000_000, "parse": 60_000, "stanza": 20_000}
#: Documents a worker takes at a time (``Extractor.pipe``'s batch_size).
CHUNK_DOCS = {"rules": 64, "parse": 16, "stanza": 4}


def _backend_line() -> str:
    from quotes.extractor import default_backend

    line = (
        "The default backend (--backend auto) is parse, with the German model shipped inside "
        "the package, where that model is installed, else rules (direct quotations only); "
        f"in this installation: {default_backend()}. Runs offline; nothing is downloaded."
    )
    return textwrap.fill(line, width=88)


DESCRIPTION = """\
Find quotations in German news text and attribute them: who said it, the cue ("sagte",
"laut"), and the chain of outlets that carried the words ("Wladimir Putin via Tass via
Epoch Times").
"""

EPILOG = """\
formats:
  jsonl  (default) one JSON object per line and document:
         {"document": PATH, "attributions": [...]}; archive-friendly and streamable
  json   one JSON array of the same objects
  text   one line per quotation, under a header line per document:
         Wladimir Putin via Tass via Epoch Times — „Es besteht …“ (sagte er)
  csv    a header row, then one row per quotation:
         document,kind,start,end,quote,speaker,cue,chain

examples:
  quotes extract seeds/                          every *.txt below seeds/, as JSONL
  quotes extract --format text article.txt       read one article
  cat article.txt | quotes extract -             read stdin
  quotes extract --glob '*.md' --jobs 4 archive/ > quotes.jsonl
  quotes extract --resume quotes.jsonl --jobs 4 archive/    continue a stopped run
  quotes extract --rules my_rules/ --publisher "Kieler Nachrichten" seeds/

Directories are searched recursively in sorted order; --glob is matched against file
names. Files named on the command line are read whatever their name. Only regular files
are read: FIFOs, devices, broken links and link loops are reported and skipped. Offsets
in the output are character offsets into the decoded file, line endings untouched.

exit status: 0 all inputs processed; 1 some input could not be read or processed
(reported on stderr, one line each; the others are still processed), no input at all,
or the output could not be written; 2 usage error (also a bad rules file); 130 Ctrl-C.
"""


def register(commands: Any) -> None:
    """Add ``extract`` to the subcommands of ``quotes``."""
    backend_line = _backend_line()
    parser = commands.add_parser(
        "extract",
        help="find and attribute the quotations in text files or stdin",
        description=f"{DESCRIPTION}\n{backend_line}",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a text file, a directory (searched recursively), or - for stdin",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=DEFAULT_FORMAT,
        help=f"output format (default: {DEFAULT_FORMAT})",
    )
    parser.add_argument(
        "--backend",
        choices=("auto", "rules", "parse"),
        default="auto",
        help="rules: direct quotations, fast, no model; parse: also indirect and reported "
        "speech, with the shipped German model; auto (default): parse where that model is "
        "installed, else rules",
    )
    parser.add_argument(
        "--publisher",
        metavar="NAME",
        help="the outlet that published the texts; it ends every chain",
    )
    parser.add_argument(
        "--encoding",
        type=encoding_option,
        default="utf-8",
        help="text encoding of the input files and stdin (default: utf-8; utf-8-sig drops a BOM)",
    )
    parser.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="which files to read inside directories (default: '*.txt')",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=1,
        metavar="N",
        help="worker processes, each loading the backend once and taking whole files "
        "(default: 1; on too little input for N, or more than this machine's CPUs, the run "
        "says so and uses fewer)",
    )
    parser.add_argument(
        "--resume",
        metavar="OUT.jsonl",
        help="append the results to OUT.jsonl instead of stdout, skipping the documents it "
        "already holds (continue a stopped run; a cut-off last line is redone); jsonl only",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a TOML rules file or folder that extends the shipped rules (repeatable)",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: shown when stderr is a terminal, stdout is "
        "not, and a directory or several paths are given)",
    )
    parser.set_defaults(run=run, parser=parser)


# -- running ----------------------------------------------------------------------------
def _want_progress(option: bool | None, paths: list[str], to_file: bool) -> bool:
    import sys

    if sys.stderr is None:
        return False
    if option is not None:
        return option
    many = len(paths) > 1 or any(p != STDIN and os.path.isdir(p) for p in paths)
    return many and isatty(sys.stderr) and (to_file or not isatty(sys.stdout))


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan_jobs(
    jobs: Iterator[Job], wanted: int, backend: str, report: Reporter
) -> tuple[Iterator[Job], int]:
    """The jobs (none lost) and how many processes to run them on.

    Looks ahead only as far as needed to know that there is enough input for ``wanted``
    workers, so memory stays bounded however long the input.
    """
    if wanted == 1:
        return jobs, 1
    cpus = _cpus()
    if wanted > cpus:
        report.warn(f"--jobs {wanted}: this machine has {cpus} CPU(s); using {cpus}")
        wanted = cpus
        if wanted == 1:
            return jobs, 1
    needed = MIN_CHARS_PER_WORKER.get(backend, 0) * wanted
    ahead: list[Job] = []
    chars = 0
    for job in jobs:
        ahead.append(job)
        chars += len(job.text or "")
        if chars >= needed:
            return itertools.chain(ahead, jobs), wanted
    documents = sum(job.text is not None for job in ahead)
    if documents:
        report.warn(
            f"--jobs {wanted}: only {documents} document(s), {chars:,} characters; starting "
            f"{wanted} workers (each loads the {backend} backend) would take longer than the "
            "work, so one process runs it"
        )
    return iter(ahead), 1


class _LoadedInWorkers:
    """The parse backend of an Extractor whose work all goes to worker processes.

    The parent never parses, so it does not load the model (seconds and hundreds of MB):
    pickled for a worker, this object becomes the real backend there, loaded once per
    worker (as :class:`quotes.backends.SpacyBackend` pickles itself: by name, not by value).
    """

    def __init__(self, backend: str) -> None:
        self.name = backend

    def __reduce__(self) -> tuple[Any, ...]:
        from quotes.backends import make_backend

        return (make_backend, (self.name,))

    def parse(self, text: str) -> Any:
        raise RuntimeError("the model is loaded in the worker processes only")

    def parse_texts(self, texts: Any) -> Any:
        raise RuntimeError("the model is loaded in the worker processes only")


def _check_model() -> None:
    """A missing shipped model is a usage error before any input is read (it is loaded later)."""
    from quotes.errors import BackendError
    from quotes.models import model_path

    try:
        model_path()
    except FileNotFoundError as error:
        raise BackendError(str(error)) from None


def _extractor(rules_extractor: Any, backend: str, rules: list[str], n_process: int) -> Any:
    """The Extractor for the run: the model is loaded here only when this process parses."""
    from quotes.extractor import Extractor

    if backend == "rules":
        return rules_extractor
    if n_process == 1:
        return Extractor(backend, rules=rules)  # the rules are compiled once, cached
    extractor = copy.copy(rules_extractor)
    extractor.backend, extractor._parser = backend, _LoadedInWorkers(backend)
    return extractor


def _results(
    jobs: Iterator[Job], extractor: Any, publisher: str | None, n_process: int, report: Reporter
) -> Iterator[tuple[Job, list[Attribution] | None]]:
    """Each job with its attributions (None where it failed), in input order.

    Through :meth:`quotes.Extractor.pipe`, which batches the parse across documents and, with
    ``errors="return"``, gives a document that fails its own error result: the run goes on.
    """
    from quotes.extractor import ItemError

    # Only texts travel to the workers; each job waits here, as the context of its text.
    items = ((job.text if job.text is not None else "", job) for job in jobs)
    chunk = CHUNK_DOCS.get(extractor.backend, 8) if n_process > 1 else 64
    results = extractor.pipe(
        items,
        publisher=publisher,
        n_process=n_process,
        as_tuples=True,
        batch_size=chunk,
        errors="return",
    )
    try:
        while True:
            check_interrupt()
            try:
                attributions, job = next(results)
            except StopIteration:
                return
            except Exception as error:  # the pool itself failed: nothing more comes
                report(f"internal error: {type(error).__name__}: {error}; stopping")
                return
            if isinstance(attributions, ItemError):  # this document failed, the rest goes on
                error = f"{attributions.error_type}: {attributions.message}"
                report(f"internal error on {job.name}: {error}")
                attributions = None
            yield job, (attributions if job.text is not None else None)
    finally:
        results.close()  # stops the worker processes at once, also on early exit


def run(args: argparse.Namespace) -> int:
    """Run ``quotes extract``; QuotesError, output errors and Ctrl-C are left to main."""
    import sys

    from tqdm import tqdm

    from quotes.cli.resume import open_for_resume
    from quotes.extractor import Extractor, default_backend

    if args.resume is not None and args.format != "jsonl":
        args.parser.error("--resume needs --format jsonl (the format it reads back)")
    # Everything that can be wrong with the command comes before any input is read: the
    # rules are loaded and checked here; the model only once it is known who parses.
    backend = default_backend() if args.backend == "auto" else args.backend
    rules_extractor = Extractor("rules", rules=args.rules)
    if backend == "parse":
        _check_model()
    check_interrupt()
    done: set[str] = set()
    if args.resume is not None:
        try:
            stream, done, dropped = open_for_resume(args.resume)
        except OSError as error:
            say(f"cannot resume {args.resume}: {error.strerror or error}")
            return 1
        out = Output(stream)
        if dropped:
            say(f"{args.resume}: dropped a cut-off last line ({dropped} bytes); redoing it")
    else:
        if sys.stdout is None:
            say("cannot write output: standard output is closed")
            return 1
        out = stdout()
    progress = _want_progress(args.progress, args.paths, args.resume is not None)
    bar = tqdm(
        desc=PROG,
        unit=" docs",
        file=sys.stderr,
        disable=not progress,
        total=len(args.paths) if all(not os.path.isdir(p) for p in args.paths) else None,
    )
    report = Reporter(bar if progress else None)
    counts = {"documents": 0, "skipped": 0}

    def items() -> Iterator[Any]:
        for item in iter_items(args.paths, args.glob):
            if item.warning is None:
                counts["documents"] += 1
                if item.name in done:
                    counts["skipped"] += 1
                    bar.update(1)
                    continue
            yield item

    writer = Writer(out, args.format)
    try:
        writer.start()
        jobs = (read_item(item, args.encoding) for item in items())
        jobs, n_process = plan_jobs(jobs, args.jobs, backend, report)
        extractor = _extractor(rules_extractor, backend, args.rules, n_process)
        for job, attributions in _results(jobs, extractor, args.publisher, n_process, report):
            if job.warning is not None:
                report.warn(job.warning)
                continue
            if job.error is not None:
                report(f"cannot read {job.name}: {job.error}")
            elif attributions is not None:
                writer.document(job.name, attributions)
            bar.update(1)
        writer.finish()
    except BaseException:
        if writer.fmt == "json" and not out.failed:
            with contextlib.suppress(Exception):
                writer.finish()  # an interrupted JSON array is still closed
        raise
    finally:
        bar.close()
        out.close()
    if counts["documents"] == 0:
        report.failures += 1  # every path was a directory without files: each said so
    elif counts["skipped"]:
        report.warn(
            f"{counts['skipped']} of {counts['documents']} document(s) already in "
            f"{args.resume}, skipped"
        )
    return 1 if report.failures else 0
