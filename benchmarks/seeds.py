"""Score the extractor on the five seed articles against the hand-made gold (seeds/gold.jsonl).

    python -m benchmarks.seeds [--backend rules|parse] [--publisher NAME]

Prints direct-quotation precision and recall by exact span, speaker-name and via-chain
accuracy over matched direct quotations (the measures and thresholds of
tests/test_seeds_gold.py), and, for the other kinds, how many gold quotations a
prediction of any kind overlaps, and the speaker-name and via-chain accuracy over the
gold quotations of the other kinds that a non-direct prediction overlaps (``--errors``
lists the mismatches).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import quotes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import seeds_scoring


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.seeds", description=__doc__)
    parser.add_argument("--backend", default=quotes.default_backend(), choices=("rules", "parse"))
    parser.add_argument("--publisher", default=None)
    parser.add_argument(
        "--errors", action="store_true", help="list the speaker and chain mismatches"
    )
    args = parser.parse_args(argv)
    gold = seeds_scoring.load_gold()
    extractor = quotes.Extractor(args.backend)
    predictions = seeds_scoring.extract_all(extractor, gold, args.publisher)
    direct = seeds_scoring.score_direct(gold, predictions)
    print(f"seeds: {len(gold)} articles, backend {args.backend}")
    tp, predicted_direct, gold_direct = direct.tp, direct.tp + direct.fp, direct.tp + direct.fn
    print(
        f"direct quotations (exact span): P {direct.precision:.3f} ({tp}/{predicted_direct}), "
        f"R {direct.recall:.3f} ({tp}/{gold_direct})"
    )
    print(seeds_scoring.score_speakers(direct).summary())
    print(seeds_scoring.score_via(direct).summary())
    found = total = predicted = overlapping = 0
    for doc in gold:
        golds = [q for q in doc.quotations if q["kind"] != "direct"]
        preds = [a for a in predictions[doc.document] if a.kind != "direct"]
        total += len(golds)
        predicted += len(preds)
        found += sum(
            any(a.quote.start < q["end"] and q["start"] < a.quote.end for a in preds) for q in golds
        )
        overlapping += sum(
            any(a.quote.start < q["end"] and q["start"] < a.quote.end for q in golds) for a in preds
        )
    print(
        f"other kinds: {found}/{total} gold quotations overlapped by a prediction; "
        f"{overlapping}/{predicted} predictions overlap a gold quotation"
    )
    other = seeds_scoring.match_other(gold, predictions)
    speakers = seeds_scoring.score_other_speakers(other)
    via = seeds_scoring.score_other_via(other)
    print(speakers.report() if args.errors else speakers.summary())
    print(via.report() if args.errors else via.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
