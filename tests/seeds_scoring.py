"""Score the extractor against the hand-made gold set of the seed articles.

``seeds/gold.jsonl`` holds one line per seed article (format and conventions in
``seeds/README.md``). The helpers here load it, run an extractor over the seeds and compare:

* direct quotations by exact character span (precision, recall);
* the speaker name of each matched direct quotation;
* the chain of outlets (``via`` names) of each matched direct quotation;
* the speaker name and chain of each gold quotation of the other kinds (indirect,
  reported, free indirect) that a prediction overlaps;
* quoted titles and terms that must not come back as quotations.

Every score carries the evidence (misses, false positives, mismatches with their text),
and ``report()`` turns it into a short text for test failures or the command line. The
module depends only on the shape of the records (``kind``, ``quote``, ``speaker``,
``via``), so benchmarks and the CLI can reuse it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotes import Attribution, Extractor

__all__ = [
    "GOLD_PATH",
    "SEEDS_DIR",
    "DirectScore",
    "DocMatch",
    "FieldScore",
    "GoldDoc",
    "NonQuotationHit",
    "OtherMatch",
    "extract_all",
    "find_attribution",
    "load_gold",
    "match_other",
    "non_quotation_hits",
    "normalise_name",
    "score_direct",
    "score_other_speakers",
    "score_other_via",
    "score_speakers",
    "score_via",
]

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
GOLD_PATH = SEEDS_DIR / "gold.jsonl"


@dataclass(frozen=True)
class GoldDoc:
    """One seed article with its gold annotations (dicts as in ``gold.jsonl``)."""

    document: str
    text: str
    quotations: tuple[dict[str, Any], ...]
    non_quotations: tuple[dict[str, Any], ...]

    @property
    def direct(self) -> list[dict[str, Any]]:
        return [q for q in self.quotations if q["kind"] == "direct"]


def load_gold(path: Path = GOLD_PATH, seeds_dir: Path | None = None) -> list[GoldDoc]:
    """The gold documents, each with the text of its seed file."""
    seeds_dir = seeds_dir or path.parent
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        text = (seeds_dir / data["document"]).read_text(encoding="utf-8")
        docs.append(
            GoldDoc(
                data["document"],
                text,
                tuple(data["quotations"]),
                tuple(data["non_quotations"]),
            )
        )
    return docs


def extract_all(
    extractor: Extractor, docs: Iterable[GoldDoc], publisher: str | None = None
) -> dict[str, list[Attribution]]:
    """The extractor's attributions for every document, by document name."""
    return {doc.document: extractor.extract(doc.text, publisher=publisher) for doc in docs}


def normalise_name(name: str | None) -> str | None:
    """Whitespace-normalised name (otherwise exact)."""
    return None if name is None else " ".join(name.split())


def find_attribution(
    attributions: Iterable[Attribution], start: int, end: int, kind: str | None = None
) -> Attribution | None:
    """The attribution whose quote span is exactly ``start:end`` (and of ``kind``)."""
    for a in attributions:
        if a.quote.start == start and a.quote.end == end and (kind is None or a.kind == kind):
            return a
    return None


# -- formatting -------------------------------------------------------------------------
def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 11] + " … " + text[-8:]


def _speaker_of(a: Attribution) -> str | None:
    return a.speaker.name if a.speaker is not None else None


def _via_of(a: Attribution) -> list[str]:
    return [s.name for s in a.via]


def _gold_speaker(q: Mapping[str, Any]) -> str | None:
    speaker = q.get("speaker")
    return None if speaker is None else speaker.get("name")


def _gold_via(q: Mapping[str, Any]) -> list[str]:
    return [v["name"] for v in q.get("via", ())]


# -- direct quotations ------------------------------------------------------------------
@dataclass
class DocMatch:
    """Direct quotations of one document: matched pairs, misses and false positives."""

    document: str
    matched: list[tuple[dict[str, Any], Attribution]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[Attribution] = field(default_factory=list)
    #: predicted non-direct attributions, to tell "found, wrong kind" from "not found"
    others: list[Attribution] = field(default_factory=list)


@dataclass
class DirectScore:
    """Precision and recall of direct quotations by exact character span."""

    docs: list[DocMatch]

    @property
    def tp(self) -> int:
        return sum(len(d.matched) for d in self.docs)

    @property
    def fp(self) -> int:
        return sum(len(d.spurious) for d in self.docs)

    @property
    def fn(self) -> int:
        return sum(len(d.missed) for d in self.docs)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0.0 when nothing was predicted."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when the gold has no direct quotations."""
        gold = self.tp + self.fn
        return self.tp / gold if gold else 1.0

    @property
    def matched(self) -> list[tuple[str, dict[str, Any], Attribution]]:
        return [(d.document, g, a) for d in self.docs for g, a in d.matched]

    def summary(self) -> str:
        return (
            f"direct quotations: P {self.precision:.3f} R {self.recall:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )

    def report(self) -> str:
        lines = [self.summary()]
        for d in self.docs:
            if not d.missed and not d.spurious:
                continue
            lines.append(f"{d.document}: {len(d.missed)} missed, {len(d.spurious)} false positive")
            for g in d.missed:
                near = [
                    a
                    for a in [*d.spurious, *d.others]
                    if a.quote.start < g["end"] and g["start"] < a.quote.end
                ]
                hint = "".join(
                    f"\n      overlaps predicted {a.kind} [{a.quote.start}:{a.quote.end}] "
                    f"{_short(a.quote.text, 60)!r}"
                    for a in near
                )
                lines.append(
                    f"  MISS [{g['start']}:{g['end']}] {_short(g['text'])!r} "
                    f"(gold speaker {_gold_speaker(g)!r}){hint}"
                )
            for a in d.spurious:
                lines.append(
                    f"  FP   [{a.quote.start}:{a.quote.end}] {_short(a.quote.text)!r} "
                    f"(speaker {_speaker_of(a)!r})"
                )
        return "\n".join(lines)


def score_direct(
    docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[Attribution]]
) -> DirectScore:
    """Match predicted and gold direct quotations by exact (start, end)."""
    out = []
    for doc in docs:
        result = DocMatch(doc.document)
        predicted = list(predictions.get(doc.document, ()))
        direct = [a for a in predicted if a.kind == "direct"]
        result.others = [a for a in predicted if a.kind != "direct"]
        by_span: dict[tuple[int, int], Attribution] = {}
        for a in direct:
            key = (a.quote.start, a.quote.end)
            if key in by_span:
                result.spurious.append(a)  # a duplicate counts once as correct
            else:
                by_span[key] = a
        gold_spans = set()
        for g in doc.direct:
            key = (g["start"], g["end"])
            gold_spans.add(key)
            if key in by_span:
                result.matched.append((g, by_span[key]))
            else:
                result.missed.append(g)
        result.spurious.extend(a for k, a in by_span.items() if k not in gold_spans)
        result.spurious.sort(key=lambda a: a.quote.start)
        out.append(result)
    return DirectScore(out)


# -- speakers and chains of matched direct quotations ------------------------------------
@dataclass
class FieldScore:
    """Agreement on one field among matched direct quotations."""

    field_name: str
    total: int = 0
    correct: int = 0
    mismatches: list[tuple[str, dict[str, Any], Any, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """correct / total; 0.0 when nothing could be compared."""
        return self.correct / self.total if self.total else 0.0

    def summary(self) -> str:
        return f"{self.field_name}: {self.correct}/{self.total} = {self.accuracy:.3f}"

    def report(self) -> str:
        lines = [self.summary()]
        for document, g, expected, got in self.mismatches:
            lines.append(
                f"  {document} [{g['start']}:{g['end']}] {_short(g['text'], 60)!r}\n"
                f"      gold {expected!r}, got {got!r}"
            )
        return "\n".join(lines)


def _speaker_score(label: str, matched: Iterable[tuple[str, Any, Any]]) -> FieldScore:
    """Among matched quotes whose gold names a speaker: predicted name == gold name."""
    score = FieldScore(label)
    for document, g, a in matched:
        expected = normalise_name(_gold_speaker(g))
        if expected is None:
            continue
        got = normalise_name(_speaker_of(a))
        score.total += 1
        if got == expected:
            score.correct += 1
        else:
            score.mismatches.append((document, g, expected, got))
    return score


def _via_score(label: str, matched: Iterable[tuple[str, Any, Any]]) -> FieldScore:
    """Among matched quotes: predicted via names == gold via names (in order)."""
    score = FieldScore(label)
    for document, g, a in matched:
        expected = [normalise_name(n) for n in _gold_via(g)]
        got = [normalise_name(n) for n in _via_of(a)]
        score.total += 1
        if got == expected:
            score.correct += 1
        else:
            score.mismatches.append((document, g, expected, got))
    return score


def score_speakers(direct: DirectScore) -> FieldScore:
    """Among matched direct quotes whose gold names a speaker: predicted name == gold name."""
    return _speaker_score("speaker name", direct.matched)


def score_via(direct: DirectScore) -> FieldScore:
    """Among matched direct quotes: predicted via names == gold via names (in order)."""
    return _via_score("via chain", direct.matched)


# -- speakers and chains of the other kinds ---------------------------------------------
@dataclass
class OtherMatch:
    """Gold quotations of the other kinds (indirect, reported, free indirect) with the
    prediction that overlaps each most; ``missed`` are those no prediction overlaps."""

    matched: list[tuple[str, dict[str, Any], Attribution]] = field(default_factory=list)
    missed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def summary(self) -> str:
        total = len(self.matched) + len(self.missed)
        return f"other kinds found: {len(self.matched)}/{total}"


def match_other(
    docs: Iterable[GoldDoc], predictions: Mapping[str, Sequence[Attribution]]
) -> OtherMatch:
    """Pair each gold non-direct quotation with the non-direct prediction that shares the
    most characters with it (any overlap counts as found)."""
    result = OtherMatch()
    for doc in docs:
        preds = [a for a in predictions.get(doc.document, ()) if a.kind != "direct"]
        for g in doc.quotations:
            if g["kind"] == "direct":
                continue
            best, best_overlap = None, 0
            for a in preds:
                overlap = min(a.quote.end, g["end"]) - max(a.quote.start, g["start"])
                if overlap > best_overlap:
                    best, best_overlap = a, overlap
            if best is None:
                result.missed.append((doc.document, g))
            else:
                result.matched.append((doc.document, g, best))
    return result


def score_other_speakers(other: OtherMatch) -> FieldScore:
    """Among found non-direct quotations whose gold names a speaker: the name agrees."""
    return _speaker_score("speaker name (other kinds, found)", other.matched)


def score_other_via(other: OtherMatch) -> FieldScore:
    """Among found non-direct quotations: the via names agree (in order)."""
    return _via_score("via chain (other kinds, found)", other.matched)


# -- titles and terms -------------------------------------------------------------------
@dataclass(frozen=True)
class NonQuotationHit:
    """A quoted title or term that came back as (part of) an attribution's quote span."""

    document: str
    non_quotation: dict[str, Any]
    attribution: Attribution

    def describe(self) -> str:
        nq, a = self.non_quotation, self.attribution
        return (
            f"{self.document}: {nq['class']} {nq['text']!r} [{nq['start']}:{nq['end']}] "
            f"returned as {a.kind} quotation [{a.quote.start}:{a.quote.end}] "
            f"(speaker {_speaker_of(a)!r})"
        )


def non_quotation_hits(
    docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[Attribution]]
) -> list[NonQuotationHit]:
    """Attributions whose quote span is a gold title/term (with or without its marks)."""
    hits = []
    for doc in docs:
        for nq in doc.non_quotations:
            spans = {(nq["start"], nq["end"]), (nq["start"] + 1, nq["end"] - 1)}
            for a in predictions.get(doc.document, ()):
                if (a.quote.start, a.quote.end) in spans:
                    hits.append(NonQuotationHit(doc.document, nq, a))
    return hits
