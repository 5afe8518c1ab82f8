"""Bar charts for the report, drawn by matplotlib as SVG to inline in the page.

matplotlib is an optional dependency (``pip install "quotes[view]"``). Labels stay SVG
``<text>`` (``svg.fonttype = "none"``), which matplotlib escapes as XML, so a speaker
named ``<script>`` is drawn as text; the SVG has no scripts and links nothing.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from quotes.errors import QuotesError

__all__ = ["bar_chart", "stacked_bar_chart"]

#: The kinds' colours, as in the article view's CSS.
KIND_COLOURS = {
    "direct": "#f2c94c",
    "indirect": "#5dade2",
    "free_indirect": "#a58cf0",
    "indirect_free_indirect": "#52be80",
    "reported": "#f0876a",
}
_LABEL_WIDTH = 40


def _pyplot():  # type: ignore[no-untyped-def]
    try:
        import matplotlib
    except ImportError as error:
        raise QuotesError(
            'the report\'s charts need matplotlib: pip install "quotes[view]" '
            "(or leave the charts out: --no-charts)"
        ) from error
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _label(text: str) -> str:
    return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 1] + "…"


def _svg(fig) -> str:  # type: ignore[no-untyped-def]
    plt = _pyplot()
    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "quotes"}):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog and doctype: inline SVG


def stacked_bar_chart(
    labels: Sequence[str], series: Mapping[str, Sequence[int]], *, title: str
) -> str:
    """Horizontal bars, one per label, stacked by series (the kinds), as SVG markup."""
    plt = _pyplot()
    height = 0.9 + 0.28 * max(len(labels), 1)
    fig, ax = plt.subplots(figsize=(7.5, height))
    positions = list(range(len(labels)))[::-1]
    left = [0] * len(labels)
    for name, values in series.items():
        ax.barh(positions, values, left=left, color=KIND_COLOURS.get(name, "#999"), label=name)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, [_label(label) for label in labels], fontsize=8)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=7, frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def bar_chart(labels: Sequence[str], values: Sequence[int], *, title: str) -> str:
    """Horizontal bars, one per label, as SVG markup."""
    plt = _pyplot()
    height = 0.9 + 0.28 * max(len(labels), 1)
    fig, ax = plt.subplots(figsize=(7.5, height))
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, values, color="#d35400")
    ax.set_yticks(positions, [_label(label) for label in labels], fontsize=8)
    ax.set_title(title, fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
