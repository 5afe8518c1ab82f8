"""One evaluation: the corpus metric, exact spans per kind, speakers, chains, errors; as a
table and as a machine-readable report.

**Exact spans per kind**: a system quotation is correct when a gold quotation of the same kind
has exactly its character spans (whitespace trimmed at either end; a discontinuous quotation
must match piece by piece). Within a document the match is one to one (a duplicate counts
once). P = correct / system quotations of the kind, R = correct / gold quotations of the kind.

**Speaker accuracy** (per kind, over the exact matches whose gold speaker has a ``name``): the
system's resolved speaker name equals the gold name (whitespace normalised). A system quotation
without speaker counts as wrong.

**Chain accuracy** (per kind, over the exact matches whose gold has ``via``): the system's list
of outlet names (hop order) equals the gold's.

These are the measures of ``tests/test_seeds_gold.py`` for direct quotations, extended to every
kind. The corpus metric and the stricter token measures are :mod:`quotes.evaluate.metric`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quotes.evaluate.corpus import CORPUS_TYPES, Annotation, CorpusDocument
from quotes.evaluate.errors import ErrorRecord, error_to_dict, find_errors
from quotes.evaluate.metric import Counts, Report, Score, ScorerScores, evaluate, quote_char_spans
from quotes.evaluate.render import Table, confusion_table, main_table, render_errors

__all__ = ["Accuracy", "Evaluation", "KindScores", "evaluate_all", "exact_measures"]


@dataclass
class Accuracy:
    """``correct`` of ``total`` compared quotations, with the mismatches behind it."""

    correct: int = 0
    total: int = 0
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class KindScores:
    """Exact-span counts, speaker and chain accuracy of one kind (or of all)."""

    exact: Counts = field(default_factory=Counts)
    speaker: Accuracy = field(default_factory=Accuracy)
    chain: Accuracy = field(default_factory=Accuracy)


def _name(value: str | None) -> str | None:
    return None if value is None else " ".join(value.split())


def exact_measures(
    documents: Sequence[CorpusDocument], predictions: Mapping[str, Sequence[Annotation]]
) -> dict[str, KindScores]:
    """Per corpus type (and ``"all"``): exact spans, speaker and chain accuracy."""
    scores = {name: KindScores() for name in [*CORPUS_TYPES, "all"]}
    for document in sorted(documents, key=lambda d: d.name):
        system = list(predictions.get(document.name, ()))
        unused: dict[tuple[str, tuple[tuple[int, int], ...]], list[Annotation]] = {}
        for annotation in system:
            key = (annotation.type, quote_char_spans(annotation, document))
            unused.setdefault(key, []).append(annotation)
        matched = 0
        for gold in document.annotations:
            spans = quote_char_spans(gold, document)
            kind = scores.setdefault(gold.type, KindScores())
            candidates = unused.get((gold.type, spans))
            if not candidates:
                kind.exact.fn += 1
                scores["all"].exact.fn += 1
                continue
            found = candidates.pop(0)
            matched += 1
            for bucket in (kind, scores["all"]):
                bucket.exact.tp += 1
            where = {"document": document.name, "type": gold.type, "start": spans[0][0]}
            where["end"] = spans[-1][1]
            where["quote"] = document.text[where["start"] : where["end"]]
            if gold.speaker_name is not None:
                right = _name(found.speaker_name) == _name(gold.speaker_name)
                for bucket in (kind, scores["all"]):
                    bucket.speaker.total += 1
                    bucket.speaker.correct += right
                if not right:
                    kind.speaker.mismatches.append(
                        {**where, "gold": gold.speaker_name, "system": found.speaker_name}
                    )
            if gold.via is not None:
                got = [_name(n) for n in found.via or ()]
                right = got == [_name(n) for n in gold.via]
                for bucket in (kind, scores["all"]):
                    bucket.chain.total += 1
                    bucket.chain.correct += right
                if not right:
                    kind.chain.mismatches.append(
                        {**where, "gold": list(gold.via), "system": list(found.via or ())}
                    )
        for annotation in system:
            scores.setdefault(annotation.type, KindScores())
        for (type_name, _), left in unused.items():
            scores[type_name].exact.fp += len(left)
            scores["all"].exact.fp += len(left)
    return scores


def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.2f}"


def _score(score: Score) -> dict[str, float]:
    return {
        "precision": round(score.precision, 6),
        "recall": round(score.recall, 6),
        "f1": round(score.f1, 6),
    }


def _counts(counts: Counts) -> dict[str, Any]:
    return {**_score(counts.score()), "tp": counts.tp, "fp": counts.fp, "fn": counts.fn}


def _scorer(scores: ScorerScores, *, medium: bool) -> dict[str, Any]:
    return {
        "messages": _score(scores.messages),
        "roles": _score(scores.roles),
        "joint": _score(scores.joint),
        "type": _score(scores.type),
        "medium": _score(scores.medium) if medium else None,
        "groups": scores.groups,
    }


def _accuracy(accuracy: Accuracy) -> dict[str, Any]:
    value = accuracy.value
    return {
        "accuracy": None if value is None else round(value, 6),
        "correct": accuracy.correct,
        "total": accuracy.total,
    }


@dataclass
class Evaluation:
    """Everything ``quotes evaluate`` measures for one system on one gold set."""

    gold: str
    system: str
    report: Report
    kinds: dict[str, KindScores]
    errors: list[ErrorRecord]
    #: whether the gold annotates media, resolved speaker names, outlet chains
    has_medium: bool
    has_names: bool
    has_chains: bool
    non_quotations: int = 0
    non_quotation_hits: list[dict[str, Any]] = field(default_factory=list)
    unmatched_predictions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable report (what ``--report`` writes)."""
        report = self.report
        assert report.all is not None and report.top_level is not None
        speakers = report.direct_speaker
        return {
            "gold": self.gold,
            "system": self.system,
            "documents": report.documents,
            "gold_quotations": report.gold_quotes,
            "system_quotations": report.system_quotes,
            "gold_top_level": report.gold_top_level,
            "system_top_level": report.system_top_level,
            "documents_without_predictions": report.missing_documents,
            "unmatched_predictions": self.unmatched_predictions,
            "corpus_metric": {
                "all": _scorer(report.all, medium=self.has_medium),
                "top_level": _scorer(report.top_level, medium=self.has_medium),
            },
            "detection": _counts(report.detection),
            "direct_speaker_tokens": {
                "gold": speakers.quotes,
                "detected": speakers.detected,
                "token_f1": round(speakers.token_f1, 6),
                "exact": round(speakers.exact_accuracy, 6),
            },
            "exact_spans": {k: _counts(v.exact) for k, v in self.kinds.items()},
            "speaker_accuracy": {k: _accuracy(v.speaker) for k, v in self.kinds.items()}
            if self.has_names
            else None,
            "chain_accuracy": {k: _accuracy(v.chain) for k, v in self.kinds.items()}
            if self.has_chains
            else None,
            "per_type": {k: _counts(v) for k, v in report.per_type.items()},
            "confusion": [
                {"gold": gold, "system": system, "count": count}
                for (gold, system), count in sorted(report.confusion.items())
            ],
            "non_quotations": {
                "total": self.non_quotations,
                "returned_as_quotations": self.non_quotation_hits,
            },
            "mismatches": {
                "speaker": [m for v in self.kinds.values() for m in v.speaker.mismatches],
                "chain": [m for v in self.kinds.values() for m in v.chain.mismatches],
            },
            "errors": [error_to_dict(record) for record in self.errors],
        }

    def kinds_table(self) -> Table:
        table = Table(["kind", "P", "R", "F1", "correct/system/gold", "speaker", "chain"])
        for name, scores in self.kinds.items():
            exact = scores.exact
            if name != "all" and not (exact.tp + exact.fp + exact.fn):
                continue

            def cell(accuracy: Accuracy, known: bool) -> str:
                if not known or accuracy.value is None:
                    return "" if known else "n/a"
                return f"{_pct(accuracy.value)} ({accuracy.correct}/{accuracy.total})"

            table.add(
                name,
                _pct(exact.precision),
                _pct(exact.recall),
                _pct(exact.f1),
                f"{exact.tp}/{exact.tp + exact.fp}/{exact.tp + exact.fn}",
                cell(scores.speaker, self.has_names),
                cell(scores.chain, self.has_chains),
            )
        return table

    def render(self, *, markdown: bool = False, errors: bool = False, examples: int = 10) -> str:
        report = self.report
        lines = [
            f"{self.gold}: {report.documents} documents, {report.gold_quotes} gold quotations "
            f"({report.gold_top_level} top-level); {self.system}: {report.system_quotes} "
            f"quotations ({report.system_top_level} top-level)",
            "",
            "Exact spans by kind, with speaker and chain accuracy over the exact matches:",
            "",
            self.kinds_table().render(markdown),
            "",
            "Corpus metric (Wikinews; Hungarian pairing on quote tokens) and token measures:",
            "",
            main_table(report, medium=self.has_medium).render(markdown),
            "",
            "Type confusion (overlapping pairs; rows gold, columns system):",
            "",
            confusion_table(report).render(markdown),
            "",
            "Scores in %. P/R/F1 top = top-level quotations only. n: groups (all/top) for the "
            "corpus metric; correct/system/gold for counted rows.",
        ]
        if not self.has_medium:
            lines.append("The gold annotates no medium, so no Medium scores are shown.")
        if self.non_quotations:
            hits = len(self.non_quotation_hits)
            lines.append(
                f"Titles and terms in quotation marks returned as quotations: "
                f"{hits}/{self.non_quotations}."
            )
        if report.missing_documents:
            lines.append(f"{report.missing_documents} gold documents have no predictions.")
        if self.unmatched_predictions:
            lines.append(
                f"{len(self.unmatched_predictions)} predicted documents are not in the gold "
                f"(ignored), e.g. {self.unmatched_predictions[0]!r}."
            )
        if errors:
            lines.append(render_errors(self.errors, examples=examples, markdown=markdown))
        return "\n".join(lines)


def _non_quotation_hits(
    non_quotations: Mapping[str, Sequence[Mapping[str, Any]]],
    documents: Sequence[CorpusDocument],
    predictions: Mapping[str, Sequence[Annotation]],
) -> list[dict[str, Any]]:
    hits = []
    for document in documents:
        for span in non_quotations.get(document.name, ()):
            wanted = {(span["start"], span["end"]), (span["start"] + 1, span["end"] - 1)}
            for annotation in predictions.get(document.name, ()):
                spans = quote_char_spans(annotation, document)
                if len(spans) == 1 and spans[0] in wanted:
                    hits.append(
                        {
                            "document": document.name,
                            "class": span["class"],
                            "start": span["start"],
                            "end": span["end"],
                            "text": span["text"],
                            "returned_as": annotation.type,
                        }
                    )
    return hits


def evaluate_all(
    documents: Sequence[CorpusDocument],
    predictions: Mapping[str, Sequence[Annotation]],
    *,
    gold: str = "gold",
    system: str = "system",
    non_quotations: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    unmatched: Sequence[str] = (),
) -> Evaluation:
    """Score ``predictions`` against ``documents`` under every measure."""
    annotations = [a for d in documents for a in d.annotations]
    non_quotations = non_quotations or {}
    return Evaluation(
        gold=gold,
        system=system,
        report=evaluate(documents, predictions),
        kinds=exact_measures(documents, predictions),
        errors=find_errors(documents, predictions),
        has_medium=any(a.medium is not None for a in annotations),
        has_names=any(a.speaker_name is not None for a in annotations),
        has_chains=any(a.via is not None for a in annotations),
        non_quotations=sum(len(v) for v in non_quotations.values()),
        non_quotation_hits=_non_quotation_hits(non_quotations, documents, predictions),
        unmatched_predictions=list(unmatched),
    )
