"""Development check of stages 1–2 (marks, quotations) on the Wikinews corpus, train split.

For every gold Direct quote span (Direct quote spans include the marks) it asks whether
some quoted span has exactly the same offsets (recall), and for every span classified as
"speech" whether it is a gold Direct quote (precision). It prints the misses and the
speech spans that match nothing, with context, so the common causes can be read off.

    python benchmarks/dev_quotations.py                # summary + samples
    python benchmarks/dev_quotations.py --show 200     # more samples
    python benchmarks/dev_quotations.py --split dev    # only for the final measurement

The corpus is read in place from ../shared and never copied into the repository.
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from quotes.document import Document, SentenceSplitter
from quotes.pipeline.marks import find_marks
from quotes.pipeline.quotations import find_quotations
from quotes.rules import load_rules

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpora/wikinews-quotes-2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--show", type=int, default=40, help="samples of each error kind")
    args = parser.parse_args()

    rules = load_rules("de")
    doc_rules = rules.get("document", {})
    splitter = SentenceSplitter(
        doc_rules.get("abbreviations", ()), doc_rules.get("no_split_after_ordinal", ())
    )
    files = sorted((CORPUS / args.split).glob("*.pretty.json"))
    gold_total = 0
    found_any = 0
    found_speech = 0
    found_as: collections.Counter[str] = collections.Counter()
    speech_total = 0
    speech_hit = 0
    speech_hit_any_annotation = 0
    categories: collections.Counter[str] = collections.Counter()
    flags: collections.Counter[str] = collections.Counter()
    misses: list[str] = []
    false_speech: list[str] = []
    seconds = 0.0
    characters = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["originalText"]
        gold: set[tuple[int, int]] = set()
        any_quote: set[tuple[int, int]] = set()
        for annotation in data["annotations"]:
            spans = [(s["charBegin"], s["charEnd"]) for s in annotation["quote"]["spans"]]
            any_quote.update(spans)
            if annotation["type"] == "Direct":
                gold.update(spans)
        began = time.perf_counter()
        doc = Document.build(text, splitter)
        quoted = find_quotations(doc, find_marks(doc, rules), rules)
        seconds += time.perf_counter() - began
        characters += len(text)
        by_offsets = {(q.quote.start, q.quote.end): q for q in quoted}
        for q in quoted:
            categories[q.category] += 1
            flags.update(q.flags)
        gold_total += len(gold)
        for start, end in sorted(gold):
            q = by_offsets.get((start, end))
            if q is not None:
                found_any += 1
                found_as[q.category] += 1
                found_speech += q.category == "speech"
            else:
                misses.append(_context(path, text, start, end))
        for q in quoted:
            if q.category != "speech":
                continue
            speech_total += 1
            key = (q.quote.start, q.quote.end)
            if key in gold:
                speech_hit += 1
            else:
                # Quotes of any type whose span is the same stretch (mostly partial quotes
                # inside indirect speech): not a Direct quote, but not noise either.
                speech_hit_any_annotation += _overlaps_any(key, any_quote)
                false_speech.append(_context(path, text, q.quote.start, q.quote.end))

    print(f"split={args.split} documents={len(files)} gold Direct quote spans={gold_total}")
    print(
        f"recall (any category, exact offsets): {found_any}/{gold_total} = "
        f"{found_any / max(gold_total, 1):.3f}"
    )
    print(
        f"recall (as speech, exact offsets):    {found_speech}/{gold_total} = "
        f"{found_speech / max(gold_total, 1):.3f}   matched gold by category: {dict(found_as)}"
    )
    print(
        f"precision (speech spans that are a gold Direct quote): {speech_hit}/{speech_total} = "
        f"{speech_hit / max(speech_total, 1):.3f}"
    )
    print(
        f"  of the other speech spans, {speech_hit_any_annotation} lie inside some gold "
        f"quote annotation (nested partial quotes in indirect speech etc.)"
    )
    print(f"categories: {dict(categories)}  flags: {dict(flags)}")
    print(
        f"speed: {characters / max(seconds, 1e-9) / 1e6:.2f} M characters/s "
        "(Document.build + marks + quotations)"
    )
    print(f"\n== missed gold Direct quotes ({len(misses)}), first {args.show}")
    for line in misses[: args.show]:
        print(line)
    print(
        f"\n== speech spans that are no gold Direct quote ({len(false_speech)}), first {args.show}"
    )
    for line in false_speech[: args.show]:
        print(line)


def _overlaps_any(key: tuple[int, int], spans: set[tuple[int, int]]) -> bool:
    start, end = key
    return any(s <= start and end <= e for s, e in spans)


def _context(path: Path, text: str, start: int, end: int) -> str:
    quote = text[start:end]
    if len(quote) > 90:
        quote = quote[:60] + " … " + quote[-25:]
    left = text[max(0, start - 40) : start].replace("\n", "⏎")
    right = text[end : end + 25].replace("\n", "⏎")
    return f"  {path.name[:6]:6} …{left}[[{quote}]]{right}…".replace("\n", "⏎")


if __name__ == "__main__":
    main()
