"""The HTML views: segmentation, the article view's markup, the report's figures."""

from __future__ import annotations

import html.parser
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes.records import Attribution, Cue, Source, Span, Speaker
from quotes.serialize import attribution_to_dict
from quotes.view import ArticleView
from quotes.view.layers import Layer, segment
from quotes.view.report import NO_SPEAKER, ReportDocument, report_html, summarise
from quotes.view.templating import text_filter

TEXT = "„Es besteht keine Gefahr“, sagte Kremlsprecher Dmitri Peskow laut Tass."


@pytest.fixture(scope="module")
def rules_extractor() -> quotes.Extractor:
    return quotes.Extractor("rules")


def _attribution(text: str) -> Attribution:
    quote = Span.of(text, 0, 25)
    return Attribution(
        kind="direct",
        quote=quote,
        content=Span.of(text, 1, 24),
        speaker=Speaker(Span.of(text, 33, 60), "Dmitri Peskow", "person"),
        cue=Cue((Span.of(text, 27, 32),)),
        via=(Source("Tass", "agency", "laut", Span.of(text, 66, 70), 1),),
        confidence=0.9,
        medium="Speech",
    )


# -- segmentation ------------------------------------------------------------------------
layers_strategy = st.lists(
    st.builds(
        lambda a, b, role, index: Layer(min(a, b), max(a, b), role, "", index),
        st.integers(0, 60),
        st.integers(0, 60),
        st.sampled_from(["quote", "cue", "speaker", "outlet", "rejected", "addressee"]),
        st.integers(0, 5) | st.none(),
    ),
    max_size=12,
)


@given(st.text(max_size=50), layers_strategy)
def test_segments_join_to_the_text_and_keep_their_offsets(text: str, layers: list[Layer]) -> None:
    segments = segment(text, layers)
    assert "".join(s.text for s in segments) == text
    for seg in segments:
        assert text[seg.start : seg.end] == seg.text
        for layer in seg.layers:
            assert layer.start <= seg.start and seg.end <= layer.end
    kept = [layer for layer in layers if layer.start < layer.end <= len(text)]
    for layer in kept:
        covered = "".join(s.text for s in segments if layer in s.layers)
        assert covered == text[layer.start : layer.end]


def test_nested_quotes_list_the_outer_one_first() -> None:
    text = "„Sie sagte: ‚Nein.‘ Dann ging sie.“"
    outer, inner = Layer(0, len(text), "quote", "direct", 0), Layer(11, 19, "quote", "direct", 1)
    segments = segment(text, [inner, outer])
    assert [s.quotes for s in segments] == [(0,), (0, 1), (0,)]


# -- the article view -------------------------------------------------------------------
class _Collector(html.parser.HTMLParser):
    """The text inside .qv-text, and each marked segment's data-s with its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.segments: list[tuple[int, str]] = []
        self._open: list[int | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.depth:
            self.depth += 1
            self._open.append(int(a["data-s"]) if a.get("data-s") else None)
            self.segments.append((self._open[-1], "")) if self._open[-1] is not None else None
        elif tag == "div" and a.get("class") == "qv-text":
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if self._open:
                self._open.pop()

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)
            if self._open and self._open[-1] is not None:
                start, seen = self.segments[-1]
                self.segments[-1] = (start, seen + data)


def _read_back(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_article_view_shows_exactly_the_text_with_marked_spans() -> None:
    view = ArticleView(TEXT, [_attribution(TEXT)])
    page = view.html()
    back = _read_back(page)
    assert "".join(back.text) == TEXT
    for start, seg_text in back.segments:
        assert TEXT[start : start + len(seg_text)] == seg_text
    assert 'class="q k-direct depth-1"' in page
    assert "Dmitri Peskow via Tass" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched, no links out


def test_crlf_and_lone_surrogates_are_shown_without_losing_characters() -> None:
    assert str(text_filter("a\r\nb<")) == "a&#13;\nb&lt;"
    assert str(text_filter("x\ud800y")) == "x\ufffdy"
    text = "„Ja“, sagte sie.\r\n„Nein“, sagte er.\r\n"
    back = _read_back(ArticleView(text, quotes.Extractor("rules").extract(text)).html())
    assert "".join(back.text) == text


def test_hostile_text_is_escaped(rules_extractor: quotes.Extractor) -> None:
    text = (
        "<script>window.pwned = 1</script> „Wir sind <b>bereit</b>“, sagte "
        '"><img src=x onerror=alert(1)> Müller.'
    )
    page = ArticleView.of(text, rules_extractor).html()
    assert "<script>window.pwned" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "".join(_read_back(page).text) == text


def test_rejected_titles_are_marked_as_not_speech(rules_extractor: quotes.Extractor) -> None:
    text = "Der Film „Das Boot“ lief gestern. „Wir sind bereit“, sagte Olaf Scholz."
    view = ArticleView.of(text, rules_extractor)
    assert [(text[s:e], c) for s, e, c in view.rejected] == [("„Das Boot“", "title")]
    assert "rej rej-title" in view.html()


def test_view_rejects_results_of_another_text() -> None:
    with pytest.raises(ValueError, match="does not match the text"):
        ArticleView("x" * 80, [_attribution(TEXT)])
    with pytest.raises(TypeError):
        ArticleView(TEXT, ["not a record"])  # type: ignore[list-item]


def test_notebook_repr_is_a_fragment() -> None:
    fragment = ArticleView(TEXT, [_attribution(TEXT)])._repr_html_()
    assert fragment.lstrip().startswith("<style>")
    assert "<html" not in fragment


# -- the report -------------------------------------------------------------------------
def test_report_counts_speakers_chains_outlets_and_publishers() -> None:
    a = _attribution(TEXT)
    published = Attribution(
        kind="indirect",
        quote=a.quote,
        content=a.content,
        speaker=None,
        via=(Source("Epoch Times", "publisher", "publisher", None, 1),),
    )
    docs = [ReportDocument("a.txt", [a, a], "a.html"), ReportDocument("b.txt", [published])]
    summary = summarise(docs)
    assert summary["quotations"] == 3
    assert summary["speakers"][0] == {
        "name": "Dmitri Peskow",
        "type": "person",
        "total": 2,
        "by_kind": {k: (2 if k == "direct" else 0) for k in quotes.KINDS},
    }
    assert summary["speakers"][1]["name"] == NO_SPEAKER
    assert summary["chains"] == [
        {"links": ["Dmitri Peskow", "Tass"], "count": 2},
        {"links": [NO_SPEAKER, "Epoch Times"], "count": 1},
    ]
    assert {o["name"]: o["count"] for o in summary["outlets"]} == {"Tass": 2, "Epoch Times": 1}
    assert {p["name"]: p["count"] for p in summary["publishers"]}["Epoch Times"] == 1
    assert summary["rows"][1]["link"] == "a.html#article-0-q1"


def test_report_page_escapes_names_and_bounds_the_table() -> None:
    text = "„Ja“, sagte <script>x()</script>."
    a = Attribution(
        kind="direct",
        quote=Span.of(text, 0, 4),
        content=Span.of(text, 1, 3),
        speaker=Speaker(Span.of(text, 12, 32), "<script>x()</script>", "person"),
    )
    page = report_html([ReportDocument("d", [a] * 5)], max_rows=2, charts=False)
    assert "<script>x()" not in page
    assert "3 more not listed" in page


# -- the commands -------------------------------------------------------------------------
def test_view_command_reports_unreadable_files_and_shows_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotes.cli import main

    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe kaputt")
    out = tmp_path / "out.html"
    status = main(["view", "--backend", "rules", str(bad), str(good), "-o", str(out)])
    assert status == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"quotes: cannot read {bad}")
    assert "Dmitri Peskow" in out.read_text(encoding="utf-8")


def test_report_command_reads_extract_output_and_finds_the_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotes.cli import main

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    results = tmp_path / "quotes.jsonl"
    lines = [
        json.dumps(
            {"document": str(article), "attributions": [attribution_to_dict(_attribution(TEXT))]}
        ),
        json.dumps({"document": "gone.txt", "attributions": []}),
    ]
    results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(results), "-o", str(out), "--no-charts"]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'href="r_articles/00001.html#article-0-q0"' in page
    assert (tmp_path / "r_articles" / "00001.html").is_file()
    assert not (tmp_path / "r_articles" / "00002.html").exists()  # no text, no view
    capsys.readouterr()
    assert main(["report", str(tmp_path / "empty_dir_missing"), "-o", str(out)]) == 1
    assert "quotes:" in capsys.readouterr().err
