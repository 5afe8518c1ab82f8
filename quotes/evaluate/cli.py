"""``quotes evaluate``: score the library, or a predictions file, against a gold set.

    quotes evaluate --gold PATH [--gold-format auto|jsonl|wikinews] [--backend auto|rules|parse]
                    [--predictions FILE] [--report report.json] [--errors] [--markdown]
    quotes evaluate --gold PATH --convert OUT     # Wikinews folder <-> JSONL file

Registered by :mod:`quotes.cli` through :func:`register` (``register(commands)`` adds the
subcommand, ``run(args)`` returns the exit status); everything else lives here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quotes.cli.common import positive_int
from quotes.errors import QuotesError

__all__ = ["register", "run"]

PROG = "quotes evaluate"

DESCRIPTION = """\
Score quotes (or another system's predictions) against annotated gold documents: exact
spans per kind, speaker and chain accuracy, the Wikinews corpus metric (Messages, Roles,
Joint, Type, Medium; all and top-level quotations), a type confusion table and, with
--errors, the list of missed, spurious and disagreeing quotations.
"""

EPILOG = """\
gold formats:
  jsonl     one document per line (the format of seeds/gold.jsonl; README "Gold format");
            validated against the JSON Schema shipped in the package
  wikinews  a folder of *.json articles of the German Wikinews quotation corpus; a
            relayed quotation is scored once per relaying link, as the corpus annotates
            it ("Laut BBC News sagte der Minister, dass ...": the Minister's and BBC
            News's), unless --one-layer
  auto      (default) a folder is wikinews, a file jsonl

predictions (--predictions FILE, JSON Lines; any of):
  {"document", "attributions": [...]}   what `quotes extract` writes
  {"document", "quotations": [...]}     the gold format
  {"documentName", "annotations": [...]} the Wikinews prediction format
Without --predictions the library itself is run on the gold texts (--backend).

examples:
  quotes evaluate --gold seeds/gold.jsonl
  quotes evaluate --gold seeds/gold.jsonl --backend rules --report report.json
  quotes extract seeds/ > mine.jsonl && quotes evaluate --gold seeds/gold.jsonl \\
      --predictions mine.jsonl
  quotes evaluate --gold CORPUS/dev --convert dev.jsonl   (Wikinews -> JSONL)

exit status: 0 scored; 2 usage error or unusable gold or predictions (the message names
the file, line and field).
"""


def register(commands: Any) -> None:
    """Add ``evaluate`` to the ``quotes`` subcommands (an argparse subparsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "evaluate",
        help="score quotes, or a predictions file, against annotated gold documents",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--gold", metavar="PATH", help="the gold set: a JSONL file or a folder")
    parser.add_argument(
        "--gold-format",
        choices=("auto", "jsonl", "wikinews"),
        default="auto",
        help="format of --gold (default: auto, a folder is wikinews, a file jsonl)",
    )
    parser.add_argument(
        "--backend",
        choices=("auto", "rules", "parse"),
        default="auto",
        help="backend run on the gold texts when no --predictions are given: rules (direct "
        "quotations only), parse (also indirect and reported speech, shipped model) or auto "
        "(default: parse where the model is installed, else rules)",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a TOML rules file or folder that extends the shipped rules (repeatable)",
    )
    parser.add_argument("--publisher", metavar="NAME", help="the outlet that published the texts")
    parser.add_argument(
        "--predictions", metavar="FILE", help="score this file instead of running the library"
    )
    parser.add_argument(
        "--one-layer",
        action="store_true",
        help="with wikinews gold, export each quotation once; by default a relayed "
        "quotation is exported once per relaying link, as the corpus annotates it",
    )
    parser.add_argument("--report", metavar="FILE", help="write the machine-readable report here")
    parser.add_argument("--errors", action="store_true", help="list the errors after the tables")
    parser.add_argument(
        "--examples", type=positive_int, default=10, metavar="N", help="examples per error type"
    )
    parser.add_argument("--limit", type=positive_int, metavar="N", help="first N documents only")
    parser.add_argument("--markdown", action="store_true", help="markdown tables")
    parser.add_argument(
        "--convert",
        metavar="OUT",
        help="instead of scoring, write the gold set in the other format: a Wikinews folder "
        "as a JSONL file OUT, a JSONL file as a folder OUT of Wikinews *.json articles",
    )
    parser.set_defaults(run=run)


def _fail(message: str) -> int:
    print(f"quotes: {message}", file=sys.stderr)
    return 2


def _gold_format(path: Path, declared: str) -> str:
    if declared != "auto":
        return declared
    return "wikinews" if path.is_dir() else "jsonl"


def _load_gold(path: Path, gold_format: str, limit: int | None) -> tuple[list[Any], dict[str, Any]]:
    """Corpus documents and their non-quotation spans by name."""
    from quotes.evaluate.corpus import read_corpus
    from quotes.evaluate.gold import gold_to_corpus, read_gold

    if gold_format == "wikinews":
        if not path.is_dir():
            raise QuotesError(f"{path}: the wikinews gold format is a folder of *.json articles")
        return read_corpus(path, limit), {}
    gold = read_gold(path, limit=limit)
    return [gold_to_corpus(d) for d in gold], {d.name: d.non_quotations for d in gold}


def _convert(gold_path: Path, gold_format: str, target: Path, limit: int | None) -> int:
    from quotes.evaluate.corpus import read_corpus
    from quotes.evaluate.gold import corpus_to_gold, gold_to_corpus_json, read_gold, write_gold

    if gold_format == "wikinews":
        documents: Sequence[Any] = read_corpus(gold_path, limit)
        write_gold(target, (corpus_to_gold(d) for d in documents))
    else:
        documents = read_gold(gold_path, limit=limit)
        target.mkdir(parents=True, exist_ok=True)
        for number, document in enumerate(documents):
            stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in document.name)
            path = target / f"{number:05d}_{stem[:80]}.json"
            path.write_text(
                json.dumps(gold_to_corpus_json(document), ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8",
            )
    print(f"wrote {len(documents)} documents to {target}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """Run ``quotes evaluate`` with parsed arguments; returns the exit status."""
    if not args.gold:
        return _fail("evaluate needs --gold PATH (a JSONL gold file or a Wikinews folder)")
    try:
        return _evaluate(args)
    except QuotesError as error:
        return _fail(str(error))


def _evaluate(args: argparse.Namespace) -> int:
    from quotes.evaluate.predictions import (
        extract_predictions,
        match_predictions,
        read_predictions_file,
    )
    from quotes.evaluate.scoring import evaluate_all

    gold_path = Path(args.gold)
    if not gold_path.exists():
        return _fail(f"gold {gold_path} does not exist")
    gold_format = _gold_format(gold_path, args.gold_format)
    if args.convert:
        return _convert(gold_path, gold_format, Path(args.convert), args.limit)
    documents, non_quotations = _load_gold(gold_path, gold_format, args.limit)
    if not documents:
        return _fail(f"no gold documents in {gold_path}")
    unmatched: list[str] = []
    # The corpus annotates a relayed quotation once per relaying link ("Laut BBC News sagte
    # der Minister, dass …": the Minister's and BBC News's); the JSONL gold, like the records,
    # once with its chain.
    layers = gold_format == "wikinews" and not getattr(args, "one_layer", False)
    if args.predictions:
        lines = read_predictions_file(args.predictions)
        predictions, unmatched = match_predictions(
            lines, documents, str(args.predictions), relay_layers=layers
        )
        system = f"predictions {Path(args.predictions).name}"
    else:
        from quotes.extractor import Extractor, default_backend

        backend = default_backend() if args.backend == "auto" else args.backend
        extractor = Extractor(backend, rules=args.rules)
        predictions = extract_predictions(extractor, documents, args.publisher, relay_layers=layers)
        system = f"quotes ({backend} backend)"
    evaluation = evaluate_all(
        documents,
        predictions,
        gold=str(gold_path),
        system=system,
        non_quotations=non_quotations,
        unmatched=unmatched,
    )
    print(evaluation.render(markdown=args.markdown, errors=args.errors, examples=args.examples))
    if args.report:
        report = Path(args.report)
        try:
            report.write_text(
                json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8",
            )
        except OSError as error:
            return _fail(f"cannot write the report {report}: {error}")
        print(f"report written to {report}", file=sys.stderr)
    return 0
