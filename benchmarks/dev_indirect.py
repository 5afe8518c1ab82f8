"""Development check of the parse-based detectors (indirect, reported, free indirect speech).

Parses articles of the Wikinews corpus's **train** split with a spaCy model, runs the rules
pipeline for direct quotes and then :func:`quotes.detectors.detect`, and scores the result
with the corpus metric (:mod:`benchmarks.metric`): once for everything, and once per type
(gold and system both restricted to that type, so a type's row shows how well its quotes
and roles are found, whatever the other types do). Never tune on dev.

    python -m benchmarks.dev_indirect --limit 100            # first 100 train articles
    python -m benchmarks.dev_indirect --offset 300 --limit 100
    python -m benchmarks.dev_indirect --model PATH           # default: quotes.models, else
                                                             # training/work/output-ud/model-best
    python -m benchmarks.dev_indirect --errors Indirect --examples 30

Parses are cached under ``$TMPDIR/quotes-dev-indirect/`` (keyed by model and text), so
re-running after a detector change costs only the detection. The corpus is read in place
from ``../shared`` and never copied into the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import REPO_ROOT
from benchmarks.corpus import (
    CORPUS_TYPES,
    Annotation,
    CorpusDocument,
    attributions_to_annotations,
    read_corpus,
    resolve_gold_dir,
)
from benchmarks.metric import evaluate, evaluate_document, find_errors
from quotes.detectors import IndirectDetector
from quotes.extractor import Extractor
from quotes.parse import ParsedDoc, from_spacy
from quotes.pipeline.speakers import Frame

CACHE = Path(tempfile.gettempdir()) / "quotes-dev-indirect"
FALLBACK_MODEL = REPO_ROOT / "training" / "work" / "output-ud" / "model-best"


def load_model(path: str | None) -> tuple[Any, str]:
    """The spaCy pipeline to parse with, and a key that names it for the cache."""
    import spacy

    if path:
        model_dir = Path(path)
    else:
        try:
            from quotes.models import model_path

            model_dir = model_path()
        except (FileNotFoundError, ImportError):
            model_dir = FALLBACK_MODEL
    stamp = max(p.stat().st_mtime for p in model_dir.rglob("*") if p.is_file())
    key = hashlib.sha1(f"{model_dir.resolve()}:{stamp}".encode()).hexdigest()[:12]
    return spacy.load(model_dir), key


def parse_cached(nlp: Any, key: str, document: CorpusDocument) -> tuple[ParsedDoc, float]:
    """The parse of one article (from the cache when there), and the seconds parsing took."""
    digest = hashlib.sha1(document.text.encode()).hexdigest()[:16]
    path = CACHE / key / f"{digest}.pickle"
    if path.is_file():
        with path.open("rb") as handle:
            parsed, seconds = pickle.load(handle)
        return parsed, seconds
    started = time.perf_counter()
    parsed = from_spacy(nlp(document.text), document.text)
    seconds = time.perf_counter() - started
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump((parsed, seconds), handle)
    return parsed, seconds


def _per_role(gold: Sequence[CorpusDocument], system: dict[str, list[Annotation]]) -> str:
    """Macro P/R per role over all groups, as the corpus metric averages them."""
    groups = []
    for document in gold:
        groups += evaluate_document(
            document.name, system.get(document.name, []), list(document.annotations)
        )
    cells = []
    for role in ("speaker", "cue", "frame", "addressee"):
        precisions = [p for g in groups if (p := g.precision(role)) is not None]
        recalls = [r for g in groups if (r := g.recall(role)) is not None]
        p = sum(precisions) / len(precisions) if precisions else 0.0
        r = sum(recalls) / len(recalls) if recalls else 0.0
        cells.append(f"{role[:3]} {100 * p:3.0f}/{100 * r:3.0f}")
    return " ".join(cells)


def only_type(
    documents: Sequence[CorpusDocument],
    predictions: dict[str, list[Annotation]],
    type_name: str,
) -> tuple[list[CorpusDocument], dict[str, list[Annotation]]]:
    gold = [
        dataclasses.replace(d, annotations=tuple(a for a in d.annotations if a.type == type_name))
        for d in documents
    ]
    system = {n: [a for a in anns if a.type == type_name] for n, anns in predictions.items()}
    return gold, system


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", help="corpus folder (default: the train split)")
    parser.add_argument("--model", help="spaCy model directory")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--errors", nargs="*", help="print missed/spurious quotes of these types")
    parser.add_argument("--examples", type=int, default=15)
    parser.add_argument("--no-direct", action="store_true", help="leave out the direct quotes")
    parser.add_argument("--rules", nargs="*", default=(), help="extra rule files or folders")
    args = parser.parse_args(argv)

    gold_dir = Path(args.gold) if args.gold else resolve_gold_dir(None).parent / "train"
    if gold_dir.name == "dev":
        print("refusing to develop on the dev split; pass the train split", file=sys.stderr)
        return 2
    documents = read_corpus(gold_dir, args.offset + args.limit)[args.offset :]
    nlp, key = load_model(args.model)
    extractor = Extractor("rules", rules=args.rules)
    detector = IndirectDetector.from_rules(extractor.rules, extractor._cues)
    predictions: dict[str, list[Annotation]] = {}
    parse_seconds = detect_seconds = 0.0
    words = 0
    for document in documents:
        parsed, seconds = parse_cached(nlp, key, document)
        parse_seconds += seconds
        words += document.word_count
        analysis = extractor.analyze(document.text)
        direct: tuple[Frame, ...] = () if args.no_direct else analysis.frames
        mentions = extractor._mentions
        started = time.perf_counter()
        frames, _ = detector.detect(
            parsed, analysis.document, analysis.frames, mentions, mentions.start(analysis.document)
        )
        detect_seconds += time.perf_counter() - started
        attributions = [f.to_attribution(()) for f in (*direct, *frames)]
        predictions[document.name] = attributions_to_annotations(
            attributions, document.text, document.token_index
        )

    def line(label: str, gold: Sequence[CorpusDocument], system: dict[str, list[Annotation]]):
        report = evaluate(gold, system)
        roles = _per_role(gold, system)
        assert report.all is not None
        m, r, j = report.all.messages, report.all.roles, report.all.joint
        n_gold = sum(len(d.annotations) for d in gold)
        n_sys = sum(len(v) for v in system.values())
        print(
            f"{label:22} gold {n_gold:5} sys {n_sys:5}  Messages P {100 * m.precision:5.1f} "
            f"R {100 * m.recall:5.1f} F {100 * m.f1:5.1f}  Roles P {100 * r.precision:5.1f} "
            f"R {100 * r.recall:5.1f} F {100 * r.f1:5.1f}  Joint F {100 * j.f1:5.1f}  | {roles}"
        )
        return report

    print(f"{len(documents)} documents of {gold_dir} (offset {args.offset}), {words} words")
    report = line("all types", documents, predictions)
    if report.all is not None:
        print(
            f"{'':22} Type F {100 * report.all.type.f1:5.1f}  "
            f"Medium F {100 * report.all.medium.f1:5.1f}"
        )
    for type_name in CORPUS_TYPES:
        line(type_name, *only_type(documents, predictions, type_name))
    non_direct = [t for t in CORPUS_TYPES if t != "Direct"]
    gold_nd = [
        dataclasses.replace(d, annotations=tuple(a for a in d.annotations if a.type != "Direct"))
        for d in documents
    ]
    system_nd = {n: [a for a in v if a.type in non_direct] for n, v in predictions.items()}
    line("non-direct (typed any)", gold_nd, system_nd)
    total = parse_seconds + detect_seconds
    print(
        f"parse {parse_seconds:.1f} s (cached figure), detect {detect_seconds:.2f} s: "
        f"detection is {100 * detect_seconds / total:.1f}% of parse + detect"
    )
    if args.errors is not None:
        wanted = set(args.errors) or set(non_direct)
        records = [r for r in find_errors(documents, predictions) if r.type in wanted]
        from collections import Counter

        missed = Counter(r.cue.lower() for r in records if r.kind == "FN")
        print("\nmissed gold cues:", ", ".join(f"{c!r} {n}" for c, n in missed.most_common(40)))
        for kind in ("FN", "FP", "type", "boundary"):
            shown = [r for r in records if r.kind == kind][: args.examples]
            print(f"\n== {kind}: {sum(1 for r in records if r.kind == kind)}")
            for r in shown:
                extra = f" -> {r.other_type}" if r.other_type else ""
                print(f"- [{r.type}{extra}] {r.context}  [spk: {r.speaker}; cue: {r.cue}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
