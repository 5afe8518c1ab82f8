"""Plain-text and markdown tables of an evaluation: the main table, the type confusion table,
the per-kind table and the error listing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from quotes.evaluate.corpus import CORPUS_TYPES
from quotes.evaluate.errors import ErrorRecord
from quotes.evaluate.metric import MISSED, SPURIOUS, Counts, Report, Score, ScorerScores

__all__ = ["Table", "confusion_table", "main_table", "render_errors"]


def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.2f}"


class Table:
    """Rows of cells printed as aligned plain text or as a markdown table."""

    def __init__(self, header: Sequence[str]) -> None:
        self.header = list(header)
        self.rows: list[list[str]] = []

    def add(self, *cells: str) -> None:
        self.rows.append(list(cells) + [""] * (len(self.header) - len(cells)))

    def render(self, markdown: bool) -> str:
        if markdown:
            lines = ["| " + " | ".join(self.header) + " |"]
            lines.append("|" + "|".join(["---"] + ["---:"] * (len(self.header) - 1)) + "|")
            lines += ["| " + " | ".join(row) + " |" for row in self.rows]
            return "\n".join(lines)
        widths = [
            max(len(row[i]) for row in [self.header, *self.rows]) for i in range(len(self.header))
        ]

        def line(row: Sequence[str]) -> str:
            first = row[0].ljust(widths[0])
            rest = [cell.rjust(widths[i + 1]) for i, cell in enumerate(row[1:])]
            return "  ".join([first, *rest]).rstrip()

        rule = "  ".join("-" * w for w in widths)
        return "\n".join([line(self.header), rule, *(line(row) for row in self.rows)])


def _score_cells(score: Score) -> list[str]:
    return [_pct(score.precision), _pct(score.recall), _pct(score.f1)]


def main_table(report: Report, *, medium: bool = True) -> Table:
    """The one table: corpus metric (all / top-level) and our stricter measures; ``medium``
    False leaves out the rows about media (for gold that annotates none)."""
    assert report.all is not None and report.top_level is not None
    table = Table(["measure", "P", "R", "F1", "P top", "R top", "F1 top", "n"])
    everything: ScorerScores = report.all
    top: ScorerScores = report.top_level
    groups = f"{everything.groups}/{top.groups} groups"

    def counted(label: str, counts: Counts) -> None:
        tally = f"{counts.tp}/{counts.tp + counts.fp}/{counts.tp + counts.fn}"
        table.add(label, *_score_cells(counts.score()), "", "", "", tally)

    def single(label: str, value: float, tally: str) -> None:
        table.add(label, "", "", _pct(value), "", "", "", tally)

    corpus_rows = [
        ("Messages (quote tokens)", everything.messages, top.messages),
        ("Roles (speaker/cue/frame/addressee)", everything.roles, top.roles),
        ("Joint", everything.joint, top.joint),
        ("Type", everything.type, top.type),
        ("Medium", everything.medium, top.medium),
    ]
    if not medium:
        corpus_rows.pop()
    for label, score_all, score_top in corpus_rows:
        table.add(label, *_score_cells(score_all), *_score_cells(score_top), groups)
    counted("Detection (quotes, any token overlap)", report.detection)
    counted("Direct exact span", report.direct_exact)
    speakers = report.direct_speaker
    agreement, media = report.type_agreement, report.medium_agreement
    single_rows = [
        ("Direct speaker token F1", speakers.token_f1, f"{speakers.quotes} gold"),
        ("Direct speaker exact", speakers.exact_accuracy, f"{speakers.exact}/{speakers.quotes}"),
        (
            "Direct speaker token F1, detected only",
            speakers.token_f1_detected,
            f"{speakers.detected} found",
        ),
        (
            "Direct speaker exact, detected only",
            speakers.exact_accuracy_detected,
            f"{speakers.exact}/{speakers.detected}",
        ),
        (
            "Type accuracy (overlapping pairs)",
            report.type_accuracy,
            f"{agreement.tp}/{agreement.tp + agreement.fp}",
        ),
        (
            "Medium accuracy (overlapping pairs)",
            report.medium_accuracy,
            f"{media.tp}/{media.tp + media.fp}",
        ),
    ]
    if not medium:
        single_rows.pop()
    for label, value, tally in single_rows:
        single(label, value, tally)
    for type_name in [*CORPUS_TYPES, *sorted(set(report.per_type) - set(CORPUS_TYPES))]:
        counted(f"Type {type_name}", report.per_type.get(type_name, Counts()))
    return table


def confusion_table(report: Report) -> Table:
    labels = [
        *CORPUS_TYPES,
        *sorted({t for pair in report.confusion for t in pair} - {*CORPUS_TYPES, MISSED, SPURIOUS}),
    ]
    columns = [*labels, MISSED]
    table = Table(["gold \\ system", *columns, "total"])
    for gold_label in [*labels, SPURIOUS]:
        cells = [
            str(report.confusion.get((gold_label, c), 0))
            if not (gold_label == SPURIOUS and c == MISSED)
            else ""
            for c in columns
        ]
        total = sum(report.confusion.get((gold_label, c), 0) for c in columns)
        table.add(gold_label, *cells, str(total))
    return table


def render_errors(records: Sequence[ErrorRecord], *, examples: int, markdown: bool) -> str:
    lines: list[str] = ["", "## Error analysis" if markdown else "== Error analysis =="]
    by_kind: dict[str, list[ErrorRecord]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record)
    titles = {
        "FN": "False negatives (gold quotes no system quote overlaps)",
        "FP": "False positives (system quotes that overlap no gold quote)",
        "type": "Type errors (overlapping pairs; gold type -> system type)",
        "boundary": "Boundary errors (overlapping pairs whose quote tokens differ)",
    }
    summary = ", ".join(f"{kind}: {len(by_kind.get(kind, []))}" for kind in titles)
    lines.append(summary)
    for kind, title in titles.items():
        kind_records = by_kind.get(kind, [])
        if not kind_records:
            continue
        lines.append("")
        lines.append(f"### {title}" if markdown else f"-- {title}: {len(kind_records)}")
        by_type = Counter(r.type for r in kind_records)
        lines.append("by type: " + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
        if kind == "FN":
            cues = Counter(r.cue.lower() for r in kind_records if r.cue)
            no_cue = sum(1 for r in kind_records if not r.cue)
            lines.append(
                "most frequent gold cues of missed quotes: "
                + ", ".join(f"{cue!r} {n}" for cue, n in cues.most_common(20))
                + f"; without cue: {no_cue}"
            )
            marks = sum(1 for r in kind_records if r.quote[:1] in '„»"' or r.quote[-1:] in '“«"”')
            lines.append(f"missed quotes that start or end with a quotation mark: {marks}")
        if kind == "type":
            transitions = Counter(f"{r.type}->{r.other_type}" for r in kind_records)
            lines.append(
                "transitions: " + ", ".join(f"{t} {n}" for t, n in transitions.most_common())
            )
        if kind == "boundary":
            mean = sum(r.overlap for r in kind_records) / len(kind_records)
            lines.append(f"mean quote token F1 of these pairs: {mean:.3f}")
        for type_name, _ in by_type.most_common():
            shown = [r for r in kind_records if r.type == type_name][:examples]
            lines.append("")
            lines.append(f"[{kind} {type_name}] {by_type[type_name]} (showing {len(shown)})")
            for record in shown:
                extra = f" -> {record.other_type}" if record.other_type and kind == "type" else ""
                roles = "; ".join(
                    f"{label}: {value}"
                    for label, value in (("speaker", record.speaker), ("cue", record.cue))
                    if value
                )
                prefix = "- " if markdown else "  * "
                lines.append(
                    f"{prefix}{record.document[:60]} @{record.start}{extra}: {record.context}"
                    + (f"  [{roles}]" if roles else "")
                )
    return "\n".join(lines)
