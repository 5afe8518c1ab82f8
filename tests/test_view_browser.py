"""The HTML views in a real browser: headless Chromium driven by Playwright.

Checks what a reader's browser does with the pages: every highlighted segment sits at
its attribution's offsets, hovering shows the speaker, nothing is logged as an error,
and a hostile article stays inert. Needs the Debian ``chromium`` package and the
``playwright`` package (``.ci/run`` installs both); elsewhere these tests are skipped,
but under ``CI=true`` a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes.view import ArticleView

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_19f5017aad30e00d.txt"
_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        if _CI:
            pytest.fail("CI needs chromium and playwright for the browser tests (see .ci/run)")
        pytest.skip("no chromium or playwright here")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


class Page:
    """A page plus everything it logged as an error or warning."""

    def __init__(self, browser: Any, url: str) -> None:
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": 1300, "height": 1000})
        self.page.on(
            "console",
            lambda m: (
                self.problems.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.goto(url)

    def segments(self) -> list[dict[str, Any]]:
        return self.page.eval_on_selector_all(
            ".qv-text [data-s]",
            "els => els.map(e => ({s: Number(e.dataset.s), text: e.textContent,"
            " q: (e.dataset.q || '').split(' ').filter(Boolean).map(Number)}))",
        )


@pytest.fixture(scope="module")
def seed_view(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ArticleView, Path]:
    text = SEED.read_text(encoding="utf-8")
    view = ArticleView.of(text, quotes.Extractor(quotes.default_backend()), title=SEED.name)
    path = tmp_path_factory.mktemp("view") / "article.html"
    path.write_text(view.html(), encoding="utf-8")
    return text, view, path


def test_highlighted_spans_match_the_attributions(browser: Any, seed_view: Any) -> None:
    text, view, path = seed_view
    page = Page(browser, path.as_uri())
    assert page.page.text_content(".qv-text") == text
    segments = page.segments()
    assert segments
    for seg in segments:
        assert text[seg["s"] : seg["s"] + len(seg["text"])] == seg["text"]
    for index, attribution in enumerate(view.attributions):
        mine = [seg for seg in segments if index in seg["q"]]
        assert mine[0]["s"] == attribution.quote.start
        assert "".join(seg["text"] for seg in mine) == attribution.quote.text
    assert page.problems == []


def test_hover_shows_speaker_and_chain(browser: Any, seed_view: Any) -> None:
    _text, view, path = seed_view
    page = Page(browser, path.as_uri())
    index = next(i for i, a in enumerate(view.attributions) if a.speaker is not None)
    page.page.hover(f'[data-first="{index}"]')
    tip = page.page.locator(".qv-tip")
    assert tip.is_visible()
    assert view.attributions[index].speaker.name in tip.text_content()
    assert str(view.attributions[index].chain) in tip.text_content()
    assert page.page.locator(f"#article-0-q{index}.active").count() == 1
    page.page.mouse.move(0, 0)
    page.page.keyboard.press("Tab")  # keyboard users get the same through focus
    assert page.problems == []


def test_hostile_article_stays_inert(browser: Any, tmp_path: Path) -> None:
    text = (
        "<script>window.pwned = 1</script> „Wir sind bereit</script><script>window.pwned = 2"
        '</script>“, sagte "><img src=x onerror="window.pwned = 3"> Müller.\n'
        '„Nein“, sagte er. <iframe src="javascript:window.pwned=4"></iframe>'
    )
    view = ArticleView.of(text, quotes.Extractor("rules"))
    assert view.attributions
    path = tmp_path / "hostile.html"
    path.write_text(view.html(), encoding="utf-8")
    page = Page(browser, path.as_uri())
    assert page.page.evaluate("typeof window.pwned") == "undefined"
    assert page.page.locator("img, iframe").count() == 0
    assert page.page.text_content(".qv-text") == text
    assert page.problems == []


def test_report_searches_and_links_to_the_article_view(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "quotes", "report", str(ROOT / "seeds"), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    page = Page(browser, out.as_uri())
    rows = page.page.locator("#qr-all tbody tr")
    total = rows.count()
    assert total > 0
    page.page.fill("#qr-search", "Putin")
    shown = int(page.page.text_content("#qr-shown"))
    assert 0 < shown < total
    page.page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    link = page.page.locator("#qr-all tbody tr:not([hidden]) a").first
    href = link.get_attribute("href")
    link.click()
    page.page.wait_for_load_state()
    assert page.page.url.endswith(href.split("/")[-1])
    index = href.rsplit("-q", 1)[1]
    assert page.page.locator(f"#article-0-q{index}.active").count() == 1
    assert page.problems == []
