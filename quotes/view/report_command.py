"""``quotes report INPUT... -o report.html``: the archive report from the command line.

See :mod:`quotes.view.commands` for what is read and written.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from quotes.view.commands import add_common_options, extractor_for, read_texts, say, write

__all__ = ["register", "run_report"]

REPORT_EPILOG = """\
examples:
  quotes report seeds/ -o report.html                  analyse the texts, then report
  quotes extract archive/ > quotes.jsonl && quotes report quotes.jsonl -o report.html
"""


def register(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write an archive report: who is quoted how often, and through which outlets",
        description="Write a self-contained HTML report over many documents: the most "
        "quoted speakers by kind, the chains of outlets that carried them, quotations per "
        "document and publisher, and a searchable table linking to article views.",
        epilog=REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "paths",
        nargs="+",
        metavar="INPUT",
        help="text files, directories, or .jsonl/.json written by quotes extract",
    )
    add_common_options(report)
    report.add_argument("--title", default="quotes report", help="the report's heading")
    report.add_argument(
        "--top",
        type=int,
        default=25,
        metavar="N",
        help="speakers and outlets in the charts and tables (default 25)",
    )
    report.add_argument(
        "--max-rows",
        type=int,
        default=10_000,
        metavar="N",
        help="rows of the quotations table (default 10000; counts cover all)",
    )
    report.add_argument(
        "--no-charts",
        action="store_true",
        help="leave out the charts (then matplotlib is not needed)",
    )
    report.add_argument(
        "--no-articles",
        action="store_true",
        help="write no article views (the table then links nowhere)",
    )
    report.set_defaults(run=run_report)


def _read_results(path: Path, encoding: str) -> list[tuple[str, list[Any], Path]]:
    """The documents of a ``quotes extract`` output file (JSONL, or a JSON array)."""
    from quotes.serialize import from_dict

    raw = path.read_text(encoding=encoding)
    if path.suffix == ".json":
        items = json.loads(raw)
    else:
        items = [json.loads(line) for line in raw.splitlines() if line.strip()]
    out = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or "attributions" not in item:
            raise ValueError(f"item {number} is not a quotes extract result")
        out.append(
            (
                str(item.get("document", f"{path.name}:{number}")),
                [from_dict(a) for a in item["attributions"]],
                path.parent,
            )
        )
    return out


def _text_for(name: str, base: Path, attributions: list[Any], encoding: str) -> str | None:
    for candidate in (Path(name), base / name):
        try:
            text = candidate.read_text(encoding=encoding)
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if all(text[a.quote.start : a.quote.end] == a.quote.text for a in attributions):
            return text
    return None


def run_report(args: argparse.Namespace) -> int:
    from quotes.view.article import ArticleView
    from quotes.view.report import ReportDocument, report_html

    out = Path(args.output)
    folder = out.with_name(out.stem + "_articles")
    extractor = None
    failed = False
    documents = []

    def add(name: str, view: ArticleView | None, attributions: list[Any]) -> None:
        link = None
        if view is not None and not args.no_articles:
            folder.mkdir(parents=True, exist_ok=True)
            file = f"{len(documents) + 1:05d}.html"
            write(str(folder / file), view.html())
            link = f"{folder.name}/{file}"
        documents.append(ReportDocument(name, attributions, link))

    texts = [p for p in args.paths if not p.endswith((".jsonl", ".json"))]
    for path in (p for p in args.paths if p.endswith((".jsonl", ".json"))):
        try:
            results = _read_results(Path(path), args.encoding)
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
            say(f"cannot read {path}: {getattr(error, 'strerror', None) or error}")
            failed = True
            continue
        for name, attributions, base in results:
            text = _text_for(name, base, attributions, args.encoding)
            view = ArticleView(text, attributions, (), name) if text is not None else None
            add(name, view, attributions)
    if texts:
        extractor = extractor_for(args)
        for name, text in read_texts(args, texts):
            if text is None:
                failed = True
                continue
            view = ArticleView.of(text, extractor, publisher=args.publisher, title=name)
            add(name, view, list(view.attributions))
    if not documents:
        say("no document to report on")
        return 1
    try:
        page = report_html(
            documents,
            title=args.title,
            top=args.top,
            max_rows=args.max_rows,
            charts=not args.no_charts,
        )
        write(str(out), page)
    except OSError as error:
        say(f"cannot write {out}: {error.strerror or error}")
        return 1
    if not args.no_articles and any(d.article for d in documents):
        say(
            f"wrote {out} and {sum(1 for d in documents if d.article)} article views in "
            f"{folder}{os.sep}"
        )
    return 1 if failed else 0
