"""Gold × predicted medium of the quotations that overlap a gold one, by feature.

    python -m benchmarks.medium_pairs --gold …/train                 # confusion by kind
    python -m benchmarks.medium_pairs --gold …/train --by cue1 --min 5
    python -m benchmarks.medium_pairs --gold …/train --dump pairs.jsonl
    python -m benchmarks.medium_pairs --load pairs.jsonl --by kind,speaker_type

Runs the extractor (parse backend by default) over the articles, pairs its quotations with
the gold ones as the benchmark's "Medium accuracy (overlapping pairs)" does
(:func:`quotes.evaluate.metric.assign_pairs`, ``require_overlap=True``, relayed outlets as
their own layers) and prints, for each value of the ``--by`` features, the pairs counted by
gold medium (rows) and ours (columns), with how many a rule giving that bucket its gold
majority would gain. Features: ``kind``, ``ours``, ``gold``, ``speaker_type``, ``cue`` (the
whole cue, lower case), ``cue1`` (its first word), ``mention1`` / ``mention_last`` (the
speaker mention's first and last word), ``layer`` (an outlet's layer or the record),
``frame_words`` (each capitalised word of the frame: a pair counts once per word).
Read rules off train; check them on dev last. The corpus is read in place, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import read_corpus, resolve_gold_dir
from quotes.evaluate.corpus import attribution_to_annotation
from quotes.evaluate.layers import layered
from quotes.evaluate.metric import assign_pairs

MEDIA = ("Speech", "SW", "Writing", "ST", "Thought", "TW", "none")


def _words(text: str) -> list[str]:
    return [w for w in (w.strip("„“”\"'»«(),.:;!?") for w in text.split()) if w]


def _outlet_type(extractor: Any, speaker: Any) -> str:
    """The gazetteer's type of a speaker that is an outlet ("agency", "broadcaster"), "-"."""
    if speaker is None or speaker.type != "outlet":
        return "-"
    known = extractor._outlets.lookup(speaker.name)
    return str(known[1]) if known is not None else "?"


def pairs_of(gold: str, backend: str, offset: int, limit: int | None) -> Iterator[dict[str, Any]]:
    """One record per overlapping pair: the gold and our medium and our record's features."""
    from quotes.extractor import Extractor

    extractor = Extractor(backend=backend, parse_on_demand=True)
    documents = read_corpus(resolve_gold_dir(gold))
    documents = documents[offset:] if limit is None else documents[offset : offset + limit]
    for document in documents:
        text = document.text
        records = layered(extractor.extract(text), text)
        annotated = [
            (
                a,
                outlet,
                attribution_to_annotation(a, text, document.token_index, outlet=outlet, medium=m),
            )
            for a, outlet, m in records
        ]
        annotated = [item for item in annotated if item[2].quote]
        system = [item[2] for item in annotated]
        gold_quotes = list(document.annotations)
        for s, g in assign_pairs(system, gold_quotes, require_overlap=True):
            record, outlet, annotation = annotated[s]
            speaker = record.speaker
            mention = speaker.mention.text if speaker is not None and speaker.mention else ""
            yield {
                "doc": document.name,
                "start": record.quote.start,
                "gold_index": g,
                "gold": gold_quotes[g].medium or "none",
                "ours": annotation.medium,
                "kind": record.kind,
                "gold_type": gold_quotes[g].type,
                "layer": "outlet" if outlet is not None else "record",
                "speaker_type": speaker.type if speaker is not None else "-",
                "speaker_name": speaker.name if speaker is not None else "",
                "outlet_type": _outlet_type(extractor, speaker),
                "mention": outlet.text if outlet is not None else mention,
                "cue": " ".join(p.text for p in record.cue.parts) if record.cue else "",
                "frame": record.frame.text if record.frame else "",
                "via": [v.name + ":" + v.type for v in record.via],
                "quote": record.quote.text[:100],
                "gold_speaker": gold_quotes[g].part("speaker").text,
                "gold_cue": gold_quotes[g].part("cue").text,
            }


def features(pair: dict[str, Any], name: str) -> list[str]:
    """The values of feature ``name`` for one pair (most have one)."""
    if name in ("cue", "cue1"):
        words = [w.lower() for w in _words(pair["cue"])] or ["-"]
        return [" ".join(words)] if name == "cue" else [words[0]]
    if name in ("mention1", "mention_last"):
        words = _words(pair["mention"]) or ["-"]
        return [words[0] if name == "mention1" else words[-1]]
    if name == "frame_words":
        return sorted({w.lower() for w in _words(pair["frame"]) if w[:1].isupper()}) or ["-"]
    return [str(pair[name])]


def table(pairs: Sequence[dict[str, Any]], by: Sequence[str], minimum: int) -> str:
    buckets: dict[tuple[str, ...], Counter[tuple[str, str]]] = defaultdict(Counter)
    for pair in pairs:
        keys: list[tuple[str, ...]] = [()]
        for name in by:
            keys = [(*k, v) for k in keys for v in features(pair, name)]
        for key in keys:
            buckets[key][pair["gold"], pair["ours"]] += 1
    lines: list[str] = []
    right = sum(p["gold"] == p["ours"] for p in pairs)
    lines.append(f"{len(pairs)} pairs, {right} right ({100 * right / max(1, len(pairs)):.2f} %)")
    head = " / ".join(m[:2] for m in MEDIA)
    lines.append(f"{'bucket':<50} {'n':>4} {'right':>5} {'gain':>4}  gold: ours {head}")
    rows: list[tuple[int, int, str]] = []
    for key, counts in buckets.items():
        n = sum(counts.values())
        if n < minimum:
            continue
        ok = sum(c for (g, o), c in counts.items() if g == o)
        gold_counts: Counter[str] = Counter()
        for (g, _o), c in counts.items():
            gold_counts[g] += c
        best = gold_counts.most_common(1)[0][1]
        cells: list[str] = []
        for g in MEDIA:
            row = [counts[g, o] for o in MEDIA]
            if any(row):
                cells.append(f"{g}: " + "/".join(str(c) for c in row))
        rows.append(
            (
                best - ok,
                n,
                f"{' | '.join(key)[:50]:<50} {n:>4} {ok:>5} {best - ok:>4}  " + "; ".join(cells),
            )
        )
    for _gain, _n, line in sorted(rows, key=lambda r: (-r[0], -r[1])):
        lines.append(line)
    return "\n".join(lines)


def load(paths: Iterable[str]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            out += [json.loads(line) for line in handle if line.strip()]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.medium_pairs", description=__doc__)
    parser.add_argument("--gold", help="corpus folder (default: dev)")
    parser.add_argument("--backend", default="parse")
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--dump", help="write the pairs as JSON lines")
    parser.add_argument("--load", nargs="*", help="read pairs from --dump files instead")
    parser.add_argument("--by", default="kind", help="comma-separated features")
    parser.add_argument("--min", type=int, default=1, help="smallest bucket printed")
    args = parser.parse_args(argv)
    if args.load:
        pairs = load(args.load)
    else:
        pairs = list(pairs_of(args.gold, args.backend, args.offset, args.limit))
        if args.dump:
            with Path(args.dump).open("w", encoding="utf-8") as handle:
                for pair in pairs:
                    handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(table(pairs, [b for b in args.by.split(",") if b], args.min))
    return 0


if __name__ == "__main__":
    sys.exit(main())
