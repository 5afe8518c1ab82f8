"""How many gold quotations each parse-on-demand trigger catches, and at what cost.

    python -m benchmarks.parse_triggers [--gold DIR] [--limit N] [--groups a,b,...]
                                        [--changed] [--markdown]

For every gold quotation of a corpus split (default: train, the split the trigger set is
chosen on), the sentences it touches (its quote and cue spans) are looked up; the quotation
is *caught* when one of them is parsed. Per trigger group (:data:`quotes.parse.demand.GROUPS`)
the table gives the quotations it catches, those only it catches, and the share of all
sentences it fires on (what it costs). ``--groups`` tries another set than ``parse.toml``'s.
``--changed`` also counts the sentences where the full parse changes the output at all
(the parse backend with every sentence parsed against the same with none parsed, compared
sentence by sentence over the attributions' quote, speaker and cue spans) and how many of
them the triggers parse: what keeps the F1 of parse on demand at the full parse's. It
parses the whole split (minutes on train).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from benchmarks import run_info
from benchmarks.corpus import read_corpus, resolve_gold_dir
from benchmarks.speed import render_table

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.parse_triggers")
    parser.add_argument("--gold", help="corpus folder (default: the train split)")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--groups", help="comma-separated trigger groups (default: parse.toml)")
    parser.add_argument("--changed", action="store_true", help="count output changed by parse")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    info = run_info(list(sys.argv[1:] if argv is None else argv), "benchmarks.parse_triggers")

    from quotes import Extractor
    from quotes.document import Document
    from quotes.parse.demand import GROUPS, ParseTriggers

    extractor = Extractor("rules")
    rules = dict(extractor.rules)
    if args.groups:
        parse_table = dict(rules.get("parse", {}))
        parse_table["triggers"] = {
            **parse_table.get("triggers", {}),
            "groups": [g.strip() for g in args.groups.split(",")],
        }
        rules["parse"] = parse_table
    triggers = ParseTriggers.from_rules(rules, extractor._indirect.rules)
    every = ParseTriggers.from_rules(
        {**rules, "parse": {**rules.get("parse", {}), "triggers": {
            **rules.get("parse", {}).get("triggers", {}), "groups": list(GROUPS)}}},
        extractor._indirect.rules,
    )  # fmt: skip
    gold_dir = resolve_gold_dir(args.gold, split="train")
    documents = read_corpus(gold_dir, args.limit)
    fires: Counter[str] = Counter()
    caught_by: Counter[str] = Counter()
    only_by: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    caught_type: Counter[str] = Counter()
    sentences = parsed_sentences = quotes = caught = 0
    characters = parsed_characters = 0
    for document in documents:
        doc = Document.build(document.text, extractor._splitter)
        fired = [every.fired(s.text) for s in doc.sentences]
        parse = triggers.candidates(doc)
        for groups in fired:
            fires.update(groups)
        sentences += len(parse)
        parsed_sentences += sum(parse)
        characters += sum(len(s.text) for s in doc.sentences)
        parsed_characters += sum(
            len(s.text) for s, p in zip(doc.sentences, parse, strict=True) if p
        )
        for annotation in document.annotations:
            spans = [*annotation.part("quote").char_spans, *annotation.part("cue").char_spans]
            touched = {
                doc.sentence_index(start)
                for start, end in spans
                for start in (start, max(start, end - 1))
            }
            if not touched or not doc.sentences:
                continue
            quotes += 1
            by_type[annotation.type] += 1
            groups_here = set().union(*(fired[i] for i in touched))
            caught_by.update(groups_here)
            active = groups_here & triggers.groups
            if len(active) == 1:
                only_by.update(active)
            if any(parse[i] for i in touched):
                caught += 1
                caught_type[annotation.type] += 1
    print(info.markdown() if args.markdown else info.text())
    print()
    print(
        f"{gold_dir.name}: {len(documents)} documents, {sentences:,} sentences, {quotes:,} gold "
        f"quotations; groups in use: {', '.join(sorted(triggers.groups))}; context "
        f"{triggers.before} before / {triggers.after} after"
    )
    print()
    rows = [
        [
            group + (" *" if group in triggers.groups else ""),
            f"{caught_by[group]:,} ({caught_by[group] / max(quotes, 1):.1%})",
            f"{only_by[group]:,}" if group in triggers.groups else "",
            f"{fires[group]:,} ({fires[group] / max(sentences, 1):.1%})",
        ]
        for group in GROUPS
    ]
    header = ["trigger group (* = in use)", "gold quotations caught", "caught only by it"]
    header.append("sentences it fires on")
    print(render_table(header, rows, args.markdown))
    print()
    print(
        f"parsed: {parsed_sentences:,} of {sentences:,} sentences "
        f"({parsed_sentences / max(sentences, 1):.1%}), "
        f"{parsed_characters / max(characters, 1):.1%} of the characters; "
        f"gold quotations caught: {caught:,} of {quotes:,} "
        f"({caught / max(quotes, 1):.1%})"
    )
    if args.changed:
        changed = parsed_changed = 0
        for flags, sentences_changed in _changed(documents, extractor):
            changed += sum(sentences_changed)
            parsed_changed += sum(f and c for f, c in zip(flags, sentences_changed, strict=True))
        print(
            f"sentences whose output the full parse changes: {changed:,}; parsed on demand: "
            f"{parsed_changed:,} ({parsed_changed / max(changed, 1):.1%})"
        )
    rows = [
        [kind, f"{caught_type[kind]:,} / {by_type[kind]:,}",
         f"{caught_type[kind] / max(by_type[kind], 1):.1%}"]
        for kind in sorted(by_type)
    ]  # fmt: skip
    print()
    print(render_table(["gold type", "caught", "share"], rows, args.markdown))
    return 0


def _changed(
    documents: Sequence[Any], rules_extractor: Any
) -> Iterator[tuple[list[bool], list[bool]]]:
    """Per document: the on-demand flags and, per sentence, whether the full parse changes
    the output there against no parse at all."""
    from quotes import Extractor
    from quotes.document import Document

    full = Extractor("parse", parse_on_demand=False)
    none = Extractor("parse")
    none._parser = full._parser
    none._to_parse = lambda doc: [False] * len(doc.sentences)  # type: ignore[method-assign]
    for document in documents:
        text = document.text
        if not text.strip():
            continue
        doc = Document.build(text, rules_extractor._splitter)
        seen: list[list[set[Any]]] = []
        for extractor in (full, none):
            per: list[set[Any]] = [set() for _ in doc.sentences]
            for a in extractor.extract(text):
                mention = a.speaker.mention if a.speaker else None
                cue = tuple((p.start, p.end) for p in a.cue.parts) if a.cue else ()
                key = (a.kind, a.quote.start, a.quote.end, a.speaker.name if a.speaker else None,
                       mention.start if mention else None, cue, a.medium)  # fmt: skip
                spans = [a.quote, a.content, *([mention] if mention else [])]
                spans += list(a.cue.parts) if a.cue else []
                for span in spans:
                    for at in (span.start, max(span.start, span.end - 1)):
                        per[doc.sentence_index(at)].add(key)
            seen.append(per)
        flags = none._triggers.candidates(doc)
        yield flags, [a != b for a, b in zip(seen[0], seen[1], strict=True)]


if __name__ == "__main__":
    raise SystemExit(main())
