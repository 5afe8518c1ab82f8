"""Score an extractor on the German Wikinews quotation corpus.

    python -m benchmarks.wikinews [--gold DIR] [--predictions OUT.jsonl] [--backend NAME]
                                  [--baseline regex] [--errors] [--offset N] [--limit N]
                                  [--markdown]
    python -m benchmarks.wikinews --score PREDICTIONS.jsonl   # score a file from any system

Runs the extractor (or the regex baseline) over every article in ``--gold`` (default: the dev
split under ``../shared``), writes the predictions as JSON lines that the corpus's public
scorer reads unchanged, and prints one table: the corpus metric (Messages, Roles, Joint, Type,
Medium) for all quotes and for top-level quotes, and our stricter measures. ``--errors`` adds
an error analysis: missed and spurious quotes by type, with context.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import regex
from tqdm import tqdm

from benchmarks import RunInfo, run_info
from benchmarks.corpus import (
    Annotation,
    CorpusDocument,
    attributions_to_annotations,
    read_corpus,
    read_predictions,
    resolve_gold_dir,
    write_predictions,
)
from benchmarks.metric import (
    Report,
    evaluate,
    find_errors,
)
from quotes.evaluate.render import confusion_table, main_table, render_errors
from quotes.records import Attribution, Span

__all__ = ["RegexBaseline", "main", "render_report", "run_system"]

#: Published reference (test split, rule-based QUiTE, GermEval 2023 SpkAtt task 2), in %.
PUBLISHED_QUITE = {"Messages": (70.75, 36.22, 47.91), "Roles F1": 35.48, "Joint F1": 39.06}


def targets(report: Report) -> list[tuple[str, float, float]]:
    """``(what, value, target)`` for the targets set for the dev split (fractions)."""
    assert report.all is not None
    return [
        ("Direct exact-span F1", report.direct_exact.f1, 0.95),
        ("Direct speaker token F1", report.direct_speaker.token_f1, 0.90),
        ("Messages F1", report.all.messages.f1, 0.80),
        ("Roles F1", report.all.roles.f1, 0.70),
    ]


class System(Protocol):
    name: str

    def extract(self, text: str) -> list[Attribution]: ...


class RegexBaseline:
    """Every „…“, »…« or "…" is a Direct quote; no speaker, cue or other role; no medium.

    A reference floor: what quotation marks alone give under the corpus metric.
    """

    name = "regex baseline"
    #: „…“ (or „…”), »…«, "…"; no line breaks inside, at least one character.
    PATTERN = regex.compile(r"„[^„“”\n]+[“”]|»[^»«\n]+«|\"[^\"\n]+\"")

    def extract(self, text: str) -> list[Attribution]:
        attributions = []
        for match in self.PATTERN.finditer(text):
            start, end = match.span()
            attributions.append(
                Attribution(
                    kind="direct",
                    quote=Span.of(text, start, end),
                    content=Span.of(text, start + 1, end - 1),
                    confidence=0.5,
                )
            )
        return attributions


class ExtractorSystem:
    """A :class:`quotes.Extractor` with the given backend."""

    def __init__(self, backend: str, *, parse_on_demand: bool = True) -> None:
        from quotes import Extractor

        self.extractor = Extractor(backend=backend, parse_on_demand=parse_on_demand)
        full = "" if parse_on_demand or backend == "rules" else ", full parse"
        self.name = f"quotes ({backend} backend{full})"

    def extract(self, text: str) -> list[Attribution]:
        return self.extractor.extract(text)


def make_system(backend: str, baseline: str | None, *, full_parse: bool = False) -> System:
    if baseline == "regex":
        return RegexBaseline()
    if baseline is not None:
        raise SystemExit(f"unknown baseline {baseline!r}; the one baseline is 'regex'")
    return ExtractorSystem(backend, parse_on_demand=not full_parse)


def run_system(
    system: System,
    documents: Sequence[CorpusDocument],
    *,
    progress: bool = True,
    on_error: Callable[[CorpusDocument, BaseException], None] | None = None,
    relay_layers: bool = True,
) -> tuple[dict[str, list[Annotation]], float]:
    """Predictions for every document and the seconds the extraction took.

    A document on which the system raises gets no predictions (and ``on_error`` is told).
    ``relay_layers`` exports a relayed quotation once per relaying link, as the corpus
    annotates it (:mod:`quotes.evaluate.layers`); off, one annotation per record.
    """
    predictions: dict[str, list[Annotation]] = {}
    seconds = 0.0
    for document in tqdm(
        documents,
        desc=f"{system.name}",
        unit="doc",
        file=sys.stderr,
        disable=not progress,
        mininterval=0.5,
    ):
        started = time.perf_counter()
        try:
            attributions = system.extract(document.text)
        except Exception as error:
            seconds += time.perf_counter() - started
            predictions[document.name] = []
            if on_error is not None:
                on_error(document, error)
            continue
        seconds += time.perf_counter() - started
        predictions[document.name] = attributions_to_annotations(
            attributions, document.text, document.token_index, relay_layers=relay_layers
        )
    return predictions, seconds


# -- rendering ---------------------------------------------------------------------------
def render_report(
    report: Report,
    *,
    system_name: str,
    gold_dir: Path,
    info: RunInfo | None,
    markdown: bool,
    seconds: float | None = None,
    words: int | None = None,
) -> str:
    lines: list[str] = []
    heading = (
        f"German Wikinews quotations, {gold_dir.name} split: {report.documents} documents, "
        f"{report.gold_quotes} gold quotes ({report.gold_top_level} top-level); "
        f"{system_name}: {report.system_quotes} quotes ({report.system_top_level} top-level)"
    )
    if markdown:
        lines.append(f"#### {system_name} on {gold_dir.name}")
        lines.append("")
        if info is not None:
            lines.append(info.markdown())
        lines.append(f"- {heading}")
        if seconds is not None:
            rate = f", {words / seconds:,.0f} words/s" if words and seconds > 0 else ""
            lines.append(f"- extraction time: {seconds:.1f} s{rate}")
        lines.append("")
    else:
        lines.append(heading)
        if info is not None:
            lines.append(info.text())
        if seconds is not None:
            rate = f" ({words / seconds:,.0f} words/s)" if words and seconds > 0 else ""
            lines.append(f"extraction: {seconds:.1f} s{rate}")
        lines.append("")
    lines.append(main_table(report).render(markdown))
    lines.append("")
    if report.missing_documents:
        lines.append(f"({report.missing_documents} gold documents have no predictions at all)")
        lines.append("")
    lines.append(
        "Type confusion (overlapping pairs; rows gold, columns system):"
        if not markdown
        else "Type confusion (overlapping pairs; rows gold, columns system):\n"
    )
    lines.append(confusion_table(report).render(markdown))
    lines.append("")
    lines.append(
        "Scores in %. P/R/F1 top = top-level quotes only. n: groups (all/top) for the corpus "
        "metric; correct/system/gold for detection, exact spans and per-type rows."
    )
    lines.append("")
    met = [
        f"{what} {100 * value:.2f} (target {100 * target:.0f}: "
        f"{'met' if value >= target else 'not met'})"
        for what, value, target in targets(report)
    ]
    lines.append("Targets (dev split): " + "; ".join(met) + ".")
    quite = PUBLISHED_QUITE
    lines.append(
        f"Published reference, test split (QUiTE): Messages P {quite['Messages'][0]} / "
        f"R {quite['Messages'][1]} / F1 {quite['Messages'][2]}, Roles F1 {quite['Roles F1']}, "
        f"Joint F1 {quite['Joint F1']}."
    )
    return "\n".join(lines)


# -- command line ------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.wikinews",
        description="Score quotes (or the regex baseline) on the German Wikinews quotation corpus.",
    )
    parser.add_argument("--gold", help="corpus folder (default: ../shared/.../dev)")
    parser.add_argument("--predictions", help="where to write the predictions (JSON lines)")
    parser.add_argument("--backend", default="rules", help="extractor backend (default: rules)")
    parser.add_argument("--baseline", choices=["regex"], help="score a baseline instead")
    parser.add_argument(
        "--full-parse",
        action="store_true",
        help="parse every sentence (parse_on_demand=False) instead of the candidates only",
    )
    parser.add_argument(
        "--one-layer",
        action="store_true",
        help="export each record as one annotation; by default a relayed quotation is "
        "exported once per relaying link, as the corpus annotates it ('Laut BBC News sagte "
        "der Minister, dass …': the Minister's and BBC News's)",
    )
    parser.add_argument("--score", metavar="FILE", help="score an existing predictions file")
    parser.add_argument("--errors", action="store_true", help="print an error analysis")
    parser.add_argument("--examples", type=int, default=10, help="examples per type (--errors)")
    parser.add_argument("--limit", type=int, help="only the first N documents (by file name)")
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="skip the first N documents (by file name) before --limit (held-out parts)",
    )
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def default_predictions_path(system_name: str, split: str) -> Path:
    slug = "".join(c if c.isalnum() else "-" for c in system_name.lower()).strip("-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    return Path(tempfile.gettempdir()) / "quotes-benchmarks" / f"wikinews-{split}-{slug}.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    arguments = list(sys.argv[1:] if argv is None else argv)
    info = run_info(arguments, "benchmarks.wikinews")
    gold_dir = resolve_gold_dir(args.gold)
    offset = max(0, args.offset)
    limit = None if args.limit is None else offset + max(0, args.limit)
    documents = read_corpus(gold_dir, limit)[offset:]
    if not documents:
        print(f"no *.json documents in {gold_dir}", file=sys.stderr)
        return 2
    seconds: float | None = None
    failures: list[tuple[str, BaseException]] = []
    if args.score:
        predictions = read_predictions(args.score)
        system_name = f"predictions {Path(args.score).name}"
    else:
        system = make_system(args.backend, args.baseline, full_parse=args.full_parse)
        system_name = system.name

        def remember(document: CorpusDocument, error: BaseException) -> None:
            failures.append((document.name, error))

        predictions, seconds = run_system(
            system,
            documents,
            progress=not args.quiet,
            on_error=remember,
            relay_layers=not args.one_layer,
        )
        out = (
            Path(args.predictions)
            if args.predictions
            else default_predictions_path(system_name, gold_dir.name)
        )
        write_predictions(out, ((d.name, predictions[d.name], d.token_index) for d in documents))
        print(f"predictions written to {out}", file=sys.stderr)
    report = evaluate(documents, predictions)
    words = sum(d.word_count for d in documents)
    print(
        render_report(
            report,
            system_name=system_name,
            gold_dir=gold_dir,
            info=info,
            markdown=args.markdown,
            seconds=seconds,
            words=words,
        )
    )
    if failures:
        print(f"\n{len(failures)} documents raised an exception (scored as empty):")
        for name, error in failures[:5]:
            print(f"  {name}: {type(error).__name__}: {error}")
        if not args.quiet:
            traceback.print_exception(failures[0][1], file=sys.stderr)
    if args.errors:
        print(
            render_errors(
                find_errors(documents, predictions), examples=args.examples, markdown=args.markdown
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
