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
from pathlib import Path
from typing import Any

from quotes.cli.common import say
from quotes.cli.inputs import encoding_option, iter_items, read_item

__all__ = ["register", "run_view"]

VIEW_EPILOG = """\
examples:
  quotes view seeds/000_19f5017aad30e00d.txt -o article.html
  quotes view --backend rules --publisher "Epoch Times" a.txt b.txt -o two.html
"""


def add_common_options(parser: argparse.ArgumentParser) -> None:
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
        "--encoding", type=encoding_option, default="utf-8", help="input encoding (default utf-8)"
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
    add_common_options(view)
    view.set_defaults(run=run_view)


def extractor_for(args: argparse.Namespace) -> Any:
    from quotes.extractor import Extractor, default_backend

    backend = default_backend() if args.backend == "auto" else args.backend
    return Extractor(backend, rules=args.rules)


def read_texts(args: argparse.Namespace, paths: list[str]) -> Any:
    """(name, text or None) for every text input, errors said on stderr."""
    for item in iter_items(paths, args.glob):
        job = read_item(item, args.encoding)
        if job.warning is not None:
            say(job.warning)
            yield job.name, None
        elif job.error is not None:
            say(f"cannot read {job.name}: {job.error}")
            yield job.name, None
        else:
            yield job.name, job.text


def write(path: str, page: str) -> None:
    Path(path).write_text(page, encoding="utf-8")


def run_view(args: argparse.Namespace) -> int:
    from quotes.view.article import ArticleView, articles_html

    extractor = extractor_for(args)
    views, failed = [], False
    for name, text in read_texts(args, args.paths):
        if text is None:
            failed = True
            continue
        views.append(ArticleView.of(text, extractor, publisher=args.publisher, title=name))
    if not views:
        say("no article to show")
        return 1
    try:
        write(
            args.output,
            articles_html(views, page_title=views[0].title if len(views) == 1 else None),
        )
    except OSError as error:
        say(f"cannot write {args.output}: {error.strerror or error}")
        return 1
    return 1 if failed else 0
