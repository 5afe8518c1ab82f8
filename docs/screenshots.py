"""Make the README's screenshots of the article view and the archive report.

    python docs/screenshots.py        # writes docs/img/article-view.png, docs/img/report.png

Runs the default backend over seeds/, renders both pages, and photographs them in
headless Chromium (Debian's ``chromium``, driven by Playwright).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from quotes.view.commands import register

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_19f5017aad30e00d.txt"


def main() -> None:
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        parser = argparse.ArgumentParser(prog="quotes")
        register(parser.add_subparsers(dest="command"))
        report = Path(tmp) / "report.html"
        args = parser.parse_args(["report", str(ROOT / "seeds"), "-o", str(report)])
        assert args.run(args) == 0
        article = report.with_name("report_articles") / "00001.html"
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(article.as_uri())
            page.locator(".qv-text .k-direct[data-first]").first.hover()
            page.screenshot(path=str(out / "article-view.png"))
            page.goto(report.as_uri())
            page.screenshot(path=str(out / "report.png"))
            browser.close()
    print(f"wrote {out / 'article-view.png'} and {out / 'report.png'}")


if __name__ == "__main__":
    main()
