"""``quotes view`` and ``quotes report``: the HTML views from the command line.

    quotes view ARTICLE... -o OUT.html        one page, a section per article
    quotes report INPUT... -o report.html     the archive report, with article views

``report`` reads text files (directories are searched like ``quotes extract`` does) or
the JSONL/JSON that ``quotes extract`` wrote. It writes the article views of the
documents it can show into ``<OUT stem>_articles/`` beside the report, and the report's
table links each quotation to its place there. For JSONL input a document's view needs
its text: the ``document`` path is read (as given, or relative to the JSONL file) and
used only if every attribution matches it.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from quotes.cli.common import say as _say
from quotes.cli.inputs import iter_items, read_item, text_encoding

__all__ = ["register"]

VIEW_EPILOG = """\
examples:
  quotes view seeds/000_19f5017aad30e00d.txt -o article.html
  quotes view --backend rules --publisher "Epoch Times" a.txt b.txt -o two.html
"""

REPORT_EPILOG = """\
examples:
  quotes report seeds/ -o report.html                  analyse the texts, then report
  quotes extract archive/ > quotes.jsonl && quotes report quotes.jsonl -o report.html
"""


def _encoding(value: str) -> str:
    try:
        return text_encoding(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.html", help="the HTML file to write"
    )
    parser.add_argument(
        "--backend",
        choices=("auto", "rules", "parse"),
        default="auto",
        help="how texts are analysed (default auto: parse with the shipped "
        "model where it is installed, else rules)",
    )
    parser.add_argument(
        "--publisher",
        metavar="NAME",
        help="the outlet that published the texts; it ends every chain",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a rules file or folder that extends the shipped rules (repeatable)",
    )
    parser.add_argument(
        "--encoding", type=_encoding, default="utf-8", help="input encoding (default utf-8)"
    )
    parser.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="which files to read inside directories (default *.txt)",
    )


def register(commands: Any) -> None:
    view = commands.add_parser(
        "view",
        help="write an article view: quotations, speakers, cues and outlets marked in the text",
        description="Write one self-contained HTML page showing each article with its "
        "quotations highlighted by kind, their cues, speakers and outlet mentions marked, "
        "and the speaker, chain, kind, medium and confidence on hover and in a side list.",
        epilog=VIEW_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    view.add_argument("paths", nargs="+", metavar="ARTICLE", help="text files or directories")
    _common(view)
    view.set_defaults(run=run_view)

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
    _common(report)
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


def _extractor(args: argparse.Namespace) -> Any:
    from quotes.extractor import Extractor, default_backend

    backend = default_backend() if args.backend == "auto" else args.backend
    return Extractor(backend, rules=args.rules)


def _texts(args: argparse.Namespace, paths: list[str]) -> Any:
    """(name, text or None) for every text input, errors said on stderr."""
    for item in iter_items(paths, args.glob):
        job = read_item(item, args.encoding)
        if job.warning is not None:
            _say(job.warning)
            yield job.name, None
        elif job.error is not None:
            _say(f"cannot read {job.name}: {job.error}")
            yield job.name, None
        else:
            yield job.name, job.text


def _write(path: str, page: str) -> None:
    Path(path).write_text(page, encoding="utf-8")


def run_view(args: argparse.Namespace) -> int:
    from quotes.view.article import ArticleView, articles_html

    extractor = _extractor(args)
    views, failed = [], False
    for name, text in _texts(args, args.paths):
        if text is None:
            failed = True
            continue
        views.append(ArticleView.of(text, extractor, publisher=args.publisher, title=name))
    if not views:
        _say("no article to show")
        return 1
    try:
        _write(
            args.output,
            articles_html(views, page_title=views[0].title if len(views) == 1 else None),
        )
    except OSError as error:
        _say(f"cannot write {args.output}: {error.strerror or error}")
        return 1
    return 1 if failed else 0


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
            _write(str(folder / file), view.html())
            link = f"{folder.name}/{file}"
        documents.append(ReportDocument(name, attributions, link))

    texts = [p for p in args.paths if not p.endswith((".jsonl", ".json"))]
    for path in (p for p in args.paths if p.endswith((".jsonl", ".json"))):
        try:
            results = _read_results(Path(path), args.encoding)
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
            _say(f"cannot read {path}: {getattr(error, 'strerror', None) or error}")
            failed = True
            continue
        for name, attributions, base in results:
            text = _text_for(name, base, attributions, args.encoding)
            view = ArticleView(text, attributions, (), name) if text is not None else None
            add(name, view, attributions)
    if texts:
        extractor = _extractor(args)
        for name, text in _texts(args, texts):
            if text is None:
                failed = True
                continue
            view = ArticleView.of(text, extractor, publisher=args.publisher, title=name)
            add(name, view, list(view.attributions))
    if not documents:
        _say("no document to report on")
        return 1
    try:
        page = report_html(
            documents,
            title=args.title,
            top=args.top,
            max_rows=args.max_rows,
            charts=not args.no_charts,
        )
        _write(str(out), page)
    except OSError as error:
        _say(f"cannot write {out}: {error.strerror or error}")
        return 1
    if not args.no_articles and any(d.article for d in documents):
        _say(
            f"wrote {out} and {sum(1 for d in documents if d.article)} article views in "
            f"{folder}{os.sep}"
        )
    return 1 if failed else 0
