"""The archive report: who is quoted how often, and through which outlets.

Input is a sequence of :class:`ReportDocument` (a name, its attributions and, where known,
its text and the file name of its article view). The report shows

* the most quoted speakers, by kind of quotation (chart and table);
* the chains that carried them (speaker → outlet → … → publisher) and the outlets by
  how many quotations they carried;
* quotations per document and per publisher;
* a searchable table of all quotations, each linking to its article view.

Counting is plain Python (:func:`summarise`); charts are matplotlib SVG inlined in the
page, so the file opens offline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from quotes.records import KINDS, Attribution
from quotes.view.templating import render

__all__ = ["NO_SPEAKER", "ReportDocument", "report_html", "summarise"]

#: How quotations without a speaker are counted.
NO_SPEAKER = "(no speaker)"
#: How quotations that reached the reader through no named outlet are counted.
NO_PUBLISHER = "(no publisher named)"
_QUOTE_WIDTH = 140


@attrs.frozen
class ReportDocument:
    """One document of the archive: ``article`` is the relative link of its view, if any."""

    name: str
    attributions: tuple[Attribution, ...] = attrs.field(converter=tuple)
    article: str | None = None


def _speaker(a: Attribution) -> str:
    return a.speaker.name if a.speaker is not None else NO_SPEAKER


def _publisher(a: Attribution) -> str:
    for source in a.via:
        if source.relation == "publisher":
            return source.name
    return NO_PUBLISHER


def summarise(documents: Sequence[ReportDocument], top: int = 25) -> dict[str, Any]:
    """The report's figures as plain data (what the page shows, also for tests)."""
    by_speaker: dict[str, Counter[str]] = defaultdict(Counter)
    speaker_types: dict[str, str] = {}
    chains: Counter[tuple[str, ...]] = Counter()
    outlets: Counter[str] = Counter()
    outlet_types: dict[str, str] = {}
    publishers: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    per_document = []
    for doc_index, doc in enumerate(documents):
        per_document.append(
            {"name": doc.name, "count": len(doc.attributions), "article": doc.article}
        )
        for index, a in enumerate(doc.attributions):
            speaker = _speaker(a)
            by_speaker[speaker][a.kind] += 1
            kinds[a.kind] += 1
            if a.speaker is not None:
                speaker_types.setdefault(speaker, a.speaker.type)
            if a.via:
                chains[(speaker, *(" & ".join(g) for g in a.chain.hops()[1:]))] += 1
            for name in dict.fromkeys(source.name for source in a.via):
                outlets[name] += 1
            for source in a.via:
                outlet_types.setdefault(source.name, source.type)
            publishers[_publisher(a)] += 1
            rows.append(
                {
                    "document": doc.name,
                    "doc_index": doc_index,
                    "link": f"{doc.article}#article-0-q{index}" if doc.article else None,
                    "kind": a.kind,
                    "speaker": speaker,
                    "chain": str(a.chain),
                    "cue": a.cue.text if a.cue else "",
                    "quote": _shorten(a.content.text or a.quote.text),
                    "start": a.quote.start,
                    "end": a.quote.end,
                }
            )
    speakers = sorted(by_speaker.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return {
        "documents": len(documents),
        "quotations": len(rows),
        "kinds": [k for k in KINDS if kinds[k]],
        "kind_counts": dict(kinds),
        "speakers": [
            {
                "name": name,
                "type": speaker_types.get(name, "unknown" if name != NO_SPEAKER else ""),
                "total": sum(counts.values()),
                "by_kind": {k: counts.get(k, 0) for k in KINDS},
            }
            for name, counts in speakers[:top]
        ],
        "speaker_count": len(by_speaker),
        "chains": [
            {"links": list(links), "count": count}
            for links, count in sorted(chains.items(), key=lambda item: (-item[1], item[0]))[
                : top * 2
            ]
        ],
        "outlets": [
            {"name": name, "type": outlet_types.get(name, ""), "count": count}
            for name, count in sorted(outlets.items(), key=lambda item: (-item[1], item[0]))[:top]
        ],
        "publishers": [
            {"name": name, "count": count}
            for name, count in sorted(publishers.items(), key=lambda item: (-item[1], item[0]))
        ],
        "per_document": per_document,
        "rows": rows,
    }


def report_html(
    documents: Iterable[ReportDocument],
    *,
    title: str = "quotes report",
    top: int = 25,
    max_rows: int = 10_000,
    charts: bool = True,
) -> str:
    """The archive report as one self-contained HTML page.

    ``max_rows`` bounds the searchable table (the counts always cover everything);
    ``charts=False`` leaves out the matplotlib charts.
    """
    docs = list(documents)
    summary = summarise(docs, top)
    shown = summary["rows"][:max_rows]
    svgs: dict[str, str] = {}
    if charts and summary["quotations"]:
        from quotes.view.charts import bar_chart, stacked_bar_chart

        svgs["speakers"] = stacked_bar_chart(
            [s["name"] for s in summary["speakers"]],
            {k: [s["by_kind"][k] for s in summary["speakers"]] for k in summary["kinds"]},
            title="Quotations per speaker, by kind",
        )
        if summary["outlets"]:
            svgs["outlets"] = bar_chart(
                [o["name"] for o in summary["outlets"]],
                [o["count"] for o in summary["outlets"]],
                title="Quotations carried per outlet",
            )
    return render(
        "report.html.j2",
        title=title,
        summary=summary,
        rows=shown,
        hidden_rows=len(summary["rows"]) - len(shown),
        charts=svgs,
    )


def _shorten(text: str, width: int = _QUOTE_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 2].rstrip() + " …"
