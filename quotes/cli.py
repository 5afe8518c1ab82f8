"""The ``quotes`` command line: ``quotes extract PATH... | -``.

Output goes to stdout and is written incrementally, one document at a time, so a run
over an archive of millions of files uses constant memory. Everything else (progress,
errors) goes to stderr. Exit status: 0 when every input was processed, 1 when some input
could not be read or processed (the others still are), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import codecs
import collections
import contextlib
import fnmatch
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

import regex

from quotes.errors import QuotesError
from quotes.records import Attribution

__all__ = ["main"]

PROG = "quotes"
FORMATS = ("jsonl", "json", "text")
DEFAULT_FORMAT = "jsonl"
STDIN = "-"
#: Longest quotation shown in full by ``--format text``; longer ones end in " …".
TEXT_WIDTH = 80
#: Likewise for the cue words after it.
CUE_WIDTH = 40

DESCRIPTION = """\
Find quotations in German news text and attribute them: who said it, the cue ("sagte",
"laut"), and the chain of outlets that carried the words ("Wladimir Putin via Tass via
Epoch Times"). Runs offline, on rules; no model is downloaded.
"""

EXTRACT_EPILOG = """\
formats:
  jsonl  (default) one JSON object per line and document:
         {"document": PATH, "attributions": [...]}; archive-friendly and streamable
  json   one JSON array of the same objects
  text   one line per quotation, under a header line per document:
         Wladimir Putin via Tass via Epoch Times — „Es besteht …“ (sagte er)

examples:
  quotes extract seeds/                          every *.txt below seeds/, as JSONL
  quotes extract --format text article.txt       read one article
  cat article.txt | quotes extract -             read stdin
  quotes extract --glob '*.md' --jobs 4 archive/ > quotes.jsonl
  quotes extract --rules my_rules/ --publisher "Kieler Nachrichten" seeds/

Directories are searched recursively in sorted order; --glob is matched against file
names. Files named on the command line are read whatever their name. Offsets in the
output are character offsets into the decoded file, line endings untouched.

exit status: 0 all inputs processed; 1 some input could not be read (reported on
stderr, the others are still processed); 2 usage error.
"""


class Job(NamedTuple):
    """One document: its name in the output, and its text or why it could not be read."""

    name: str
    text: str | None
    error: str | None = None
    warning: str | None = None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _encoding(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    from quotes import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
        epilog="Run 'quotes extract --help' for the options of extract.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    extract = commands.add_parser(
        "extract",
        help="find and attribute the quotations in text files or stdin",
        description=DESCRIPTION,
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a text file, a directory (searched recursively), or - for stdin",
    )
    extract.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=DEFAULT_FORMAT,
        help=f"output format (default: {DEFAULT_FORMAT})",
    )
    extract.add_argument(
        "--publisher",
        metavar="NAME",
        help="the outlet that published the texts; it ends every chain",
    )
    extract.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        help="encoding of the input files and stdin (default: utf-8; utf-8-sig drops a BOM)",
    )
    extract.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="which files to read inside directories (default: '*.txt')",
    )
    extract.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help="worker processes (default: 1)",
    )
    extract.add_argument(
        "--backend",
        choices=("auto", "rules", "parse"),
        default="auto",
        help="rules: direct quotations, fast, no model; parse: also indirect and reported "
        "speech, with the shipped German model; auto (default): parse where the model is "
        "installed, else rules",
    )
    extract.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a TOML rules file or folder that extends the shipped rules (repeatable)",
    )
    extract.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: shown when stderr is a terminal, stdout is "
        "not, and a directory or several paths are given)",
    )
    return parser


# -- input ------------------------------------------------------------------------------
def _walk(directory: Path, pattern: str) -> Iterator[Path | Job]:
    """Files below ``directory`` whose name matches ``pattern``, in sorted order.

    Lists one directory at a time, so memory follows the largest directory, not the
    tree. Symbolic links to directories are not followed (no cycles).
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Job(str(directory), None, _reason(error))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(path, pattern)
        elif is_file and fnmatch.fnmatchcase(entry.name, pattern):
            yield path


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, UnicodeDecodeError):
        return f"not valid {error.encoding} ({error.reason} at byte {error.start})"
    return str(error) or type(error).__name__


def _read(name: str, read: Any, encoding: str) -> Job:
    try:
        data = read()
        text = data if isinstance(data, str) else bytes(data).decode(encoding)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return Job(name, None, _reason(error))
    return Job(name, text)


def _stdin_reader() -> Any:
    stream = sys.stdin
    if stream is None:
        return lambda: ""
    buffer = getattr(stream, "buffer", None)
    return buffer.read if buffer is not None else stream.read


def iter_jobs(paths: Sequence[str], pattern: str, encoding: str) -> Iterator[Job]:
    """Each input document in order, read lazily; unreadable ones carry an error."""
    for raw in paths:
        if raw == STDIN:
            yield _read(STDIN, _stdin_reader(), encoding)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for item in _walk(path, pattern):
                found = True
                if isinstance(item, Job):
                    yield item
                else:
                    yield _read(str(item), item.read_bytes, encoding)
            if not found:
                yield Job(raw, None, warning=f"no files matching {pattern!r} in {raw}")
        else:
            yield _read(raw, path.read_bytes, encoding)


# -- output -----------------------------------------------------------------------------
class Writer:
    """Writes one document's results at a time in one of the output formats."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.count = 0

    def start(self) -> None:
        if self.fmt == "json":
            self.out.write("[")

    def document(self, name: str, attributions: Sequence[Attribution]) -> None:
        from quotes.serialize import attribution_to_dict

        if self.fmt == "text":
            self.out.write(_text_block(name, attributions))
        else:
            record = {
                "document": name,
                "attributions": [attribution_to_dict(a) for a in attributions],
            }
            line = json.dumps(record, ensure_ascii=False)
            if self.fmt == "json":
                self.out.write(("\n" if self.count == 0 else ",\n") + line)
            else:
                self.out.write(line + "\n")
        self.count += 1
        self.out.flush()

    def finish(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


_SPACES = regex.compile(r"[\s\p{Cc}]+")
_CLOSERS = "“”»«›‹‘’\"'"


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def shorten(text: str, width: int = TEXT_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` characters with " …" (keeping a closing mark).

    The cut falls between words where one ends near the limit.
    """
    line = _one_line(text)
    if len(line) <= width:
        return line
    closer = line[-1] if line[-1] in _CLOSERS else ""
    cut = line[: width - 2 - len(closer)]
    space = cut.rfind(" ")
    if space > 0 and space >= len(cut) - 15:
        cut = cut[:space]
    return cut.rstrip() + " …" + closer


def format_attribution(attribution: Attribution) -> str:
    """One readable line: ``chain — quote (cue words)``.

    The speaker's mention joins the cue words where it does not repeat the name in the
    chain ("sagte er", "so der Beamte"; not "sagte Trump" under "Donald Trump").
    """
    parts = list(attribution.cue.parts) if attribution.cue is not None else []
    speaker = attribution.speaker
    if speaker is not None and speaker.mention is not None:
        mention = _one_line(speaker.mention.text)
        name_words = set(regex.findall(r"[\w-]+", speaker.name.casefold()))
        if not name_words & set(regex.findall(r"[\w-]+", mention.casefold())):
            parts.append(speaker.mention)
    parts.sort(key=lambda span: (span.start, span.end))
    words = shorten(" ".join(_one_line(span.text) for span in parts), CUE_WIDTH)
    kind = "" if attribution.kind == "direct" else f"[{attribution.kind}] "
    line = f"{_one_line(str(attribution.chain))} — {kind}{shorten(attribution.quote.text)}"
    return f"{line} ({words})" if words else line


def _text_block(name: str, attributions: Sequence[Attribution]) -> str:
    count = len(attributions)
    header = f"== {name} ({count} quotation{'' if count == 1 else 's'})\n"
    return header + "".join(f"  {format_attribution(a)}\n" for a in attributions)


# -- running ----------------------------------------------------------------------------
class Reporter:
    """Error lines on stderr that do not break a progress bar."""

    def __init__(self, err: IO[str], bar: Any | None) -> None:
        self.err = err
        self.bar = bar
        self.failures = 0

    def __call__(self, message: str) -> None:
        """Report a failure: the run will exit with status 1."""
        self.failures += 1
        self.warn(message)

    def warn(self, message: str) -> None:
        """Report something worth knowing that does not change the exit status."""
        line = f"{PROG}: {message}"
        if self.bar is not None:
            self.bar.write(line, file=self.err)
        else:
            print(line, file=self.err, flush=True)


def _want_progress(option: bool | None, paths: Sequence[str]) -> bool:
    if option is not None:
        return option
    many = len(paths) > 1 or any(p != STDIN and os.path.isdir(p) for p in paths)
    return many and _isatty(sys.stderr) and not _isatty(sys.stdout)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _prepare_stdout() -> IO[str]:
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper):
        # JSON and the quotation marks need Unicode whatever the locale says.
        with contextlib.suppress(ValueError, OSError):
            out.reconfigure(encoding="utf-8", errors="backslashreplace")
    return out


def _results(
    jobs: Iterator[Job], extractor: Any, publisher: str | None, n_process: int, report: Reporter
) -> Iterator[tuple[Job, list[Attribution] | None]]:
    """Each job with its attributions (None where it failed), in input order."""
    if n_process == 1:
        for job in jobs:
            if job.text is None:
                yield job, None
                continue
            try:
                yield job, extractor.extract(job.text, publisher)
            except Exception as error:  # a bug in a pipeline stage: report, go on
                report(f"internal error on {job.name}: {type(error).__name__}: {error}")
                yield job, None
        return
    # Workers see only the texts; the jobs wait here, in order, for their results. The
    # queue holds just the documents in flight, so memory stays bounded.
    pending: collections.deque[Job] = collections.deque()

    def texts() -> Iterator[str]:
        for job in jobs:
            pending.append(job)
            yield job.text if job.text is not None else ""

    results = extractor.pipe(texts(), publisher=publisher, n_process=n_process)
    try:
        while True:
            try:
                attributions = next(results)
            except StopIteration:
                return
            except Exception as error:  # the pool cannot go on after a worker's error
                name = pending[0].name if pending else "?"
                report(f"internal error on {name}: {type(error).__name__}: {error}; stopping")
                return
            job = pending.popleft()
            yield job, (attributions if job.text is not None else None)
    finally:
        results.close()  # stops the worker processes at once, also on early exit


def run_extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from quotes.extractor import Extractor, default_backend

    try:
        backend = default_backend() if args.backend == "auto" else args.backend
        extractor = Extractor(backend, rules=args.rules)
    except QuotesError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    out = _prepare_stdout()
    progress = _want_progress(args.progress, args.paths)
    bar = tqdm(
        desc=PROG,
        unit=" docs",
        file=sys.stderr,
        disable=not progress,
        total=len(args.paths) if all(not os.path.isdir(p) for p in args.paths) else None,
    )
    report = Reporter(sys.stderr, bar if progress else None)
    writer = Writer(out, args.format)
    writer.start()
    try:
        jobs = iter_jobs(args.paths, args.glob, args.encoding)
        for job, attributions in _results(jobs, extractor, args.publisher, args.jobs, report):
            if job.warning is not None:
                report.warn(job.warning)
                continue
            if job.error is not None:
                report(f"cannot read {job.name}: {job.error}")
            elif attributions is not None:
                writer.document(job.name, attributions)
            bar.update(1)
    finally:
        writer.finish()
        bar.close()
    return 1 if report.failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotes`` console script and ``python -m quotes``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return run_extract(args)
        parser.error(f"unknown command {args.command!r}")  # unreachable: argparse checks
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`quotes extract … | head`): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 141
    return 0
