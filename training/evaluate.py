"""Evaluate the shipped pipeline on held-out data and measure size, load time and speed.

Run as ``python -m training.evaluate [--model DIR] [--shared DIR] [--out FILE]``.

* UD German GSD *dev* (never used for training): TAG, POS, MORPH, LEMMA, UAS, LAS, sentence F,
  per-feature morphology (and the value ``Mood=Sub`` on its own), per-label LAS F.
* GermEval 2014 *dev* (never used for training): entity P/R/F, overall and per type.
* Size on disk, ``spacy.load`` time (fresh process, best of 3), words/s (one process, the
  thread count comes from the environment; ``training/train.sh`` sets 1).

The dev data is converted with the same code as the training data (``training.convert``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from training.convert import (
    DEFAULT_SHARED,
    germeval_docs,
    join_docs,
    read_conllu,
    ud_docs,
)

LABELS_OF_INTEREST = ("nsubj", "nsubj:pass", "obj", "ccomp", "xcomp", "parataxis", "appos", "root")
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "quotes" / "models" / "de_quotes_sm"


def value_prf(examples: list[Example], feat: str, value: str) -> dict[str, float]:
    """P/R/F of one feature value (e.g. Mood=Sub) over 1:1-aligned tokens."""
    tp = fp = fn = 0
    for eg in examples:
        align = eg.alignment
        for gi, gtok in enumerate(eg.reference):
            xs = list(align.y2x[gi])
            gold = value in gtok.morph.get(feat)
            pred = False
            if len(xs) == 1:
                pred = value in eg.predicted[xs[0]].morph.get(feat)
            tp += gold and pred
            fn += gold and not pred
            fp += pred and not gold
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def lemma_breakdown(examples: list[Example], train_forms: set[str]) -> dict[str, Any]:
    """Lemma accuracy for word forms seen / unseen in the UD training data, for verbs, and what
    a simplemma (MIT) back-off for unseen forms would give (if simplemma is installed)."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover - optional
        simplemma = None
    c: Counter = Counter()
    for eg in examples:
        gold_by_start = {(t.idx, len(t.text)): t for t in eg.reference}
        for t in eg.predicted:
            g = gold_by_start.get((t.idx, len(t.text)))
            if g is None or not g.lemma_:
                continue
            gold = g.lemma_
            key = "seen" if t.text in train_forms else "unseen"
            c[key + "_n"] += 1
            c[key + "_ok"] += t.lemma_ == gold
            if g.pos_ in ("VERB", "AUX"):
                c["verb_n"] += 1
                c["verb_ok"] += t.lemma_ == gold
            if simplemma is not None:
                hybrid = t.lemma_ if key == "seen" else simplemma.lemmatize(t.text, lang="de")
                c["hybrid_ok"] += hybrid == gold
    out: dict[str, Any] = {
        k: {"tokens": c[k + "_n"], "acc": round(c[k + "_ok"] / max(1, c[k + "_n"]), 4)}
        for k in ("seen", "unseen", "verb")
    }
    if simplemma is not None:
        n = c["seen_n"] + c["unseen_n"]
        out["simplemma_backoff_for_unseen_acc"] = round(c["hybrid_ok"] / max(1, n), 4)
    return out


def with_gold_sents(nlp: Language, gold: Doc) -> Doc:
    """A fresh tokenisation of ``gold.text`` with the gold sentence starts preset."""
    doc = nlp.make_doc(gold.text)
    starts = {t.idx for t in gold if t.is_sent_start}
    for t in doc:
        t.is_sent_start = t.idx in starts
    return doc


def load_time(model: Path, repeats: int = 3) -> float:
    code = (
        f"import time, spacy; t = time.perf_counter(); spacy.load({str(model)!r}); "
        "print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return round(min(times), 3)


def words_per_second(nlp: Language, texts: list[str], repeats: int = 2) -> float:
    list(nlp.pipe(texts[:50]))  # warm up
    best = 0.0
    for _ in range(repeats):
        t = time.perf_counter()
        n = sum(len(d) for d in nlp.pipe(texts, batch_size=256))
        best = max(best, n / (time.perf_counter() - t))
    return round(best)


def dir_size_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6, 2)


def pct(x: float | None) -> float | None:
    return None if x is None else round(100 * x, 2)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=None, help="write the scores here as JSON")
    ap.add_argument("--no-speed", action="store_true", help="skip the load-time/speed runs")
    ap.add_argument(
        "--lemmas",
        choices=("model", "simplemma"),
        default="model",
        help="as quotes.models.load(lemmas=...): simplemma re-lemmatises open-class words",
    )
    ap.add_argument(
        "--gold-sents",
        action="store_true",
        help="preset the gold sentence boundaries (the parser respects them) instead of "
        "letting the parser split the documents",
    )
    ap.add_argument(
        "--n-sents",
        type=int,
        default=10,
        help="UD dev sentences per document (1: gold sentence boundaries; >1: the parser "
        "also has to split sentences)",
    )
    args = ap.parse_args(argv)

    nlp = spacy.load(args.model)
    if args.lemmas == "simplemma":
        from quotes.models import register_simplemma_factory

        register_simplemma_factory()
        nlp.add_pipe("quotes_simplemma_lemmas", last=True)
    gsd = args.shared / "ud" / "GSD"
    ge = args.shared / "ner" / "germeval2014"
    stats: Counter = Counter()
    ud_gold = list(join_docs(ud_docs(gsd / "de_gsd-ud-dev.conllu", nlp.vocab, pud=False,
                                     stats=stats), args.n_sents))  # fmt: skip
    ner_gold = germeval_docs(ge / "germeval2014-dev.tsv", nlp.vocab, Counter())

    scorer = Scorer(nlp)
    ud_pred = nlp.pipe(
        (with_gold_sents(nlp, d) for d in ud_gold) if args.gold_sents else (d.text for d in ud_gold)
    )
    ud_examples = [Example(p, g) for p, g in zip(ud_pred, ud_gold, strict=True)]
    ud_scores = scorer.score(ud_examples)
    mood_sub = value_prf(ud_examples, "Mood", "Sub")
    ner_scores: dict[str, Any] = {}
    if "ner" in nlp.pipe_names:
        ner_pred = nlp.pipe(d.text for d in ner_gold)
        ner_examples = [Example(p, g) for p, g in zip(ner_pred, ner_gold, strict=True)]
        ner_scores = scorer.score(ner_examples)

    train_forms = {
        row[1]
        for f in (gsd / "de_gsd-ud-test.conllu", args.shared / "ud/PUD/de_pud-ud-test.conllu")
        for s in read_conllu(f)
        for row in s.rows
    }
    per_label = ud_scores.get("dep_las_per_type") or {}
    feats = ud_scores.get("morph_per_feat") or {}
    result: dict[str, Any] = {
        "model": str(args.model),
        "lemmas": args.lemmas,
        "ud_dev_docs": f"{args.n_sents} sentence(s) per doc, "
        + ("gold sentence starts preset" if args.gold_sents else "parser splits sentences"),
        "ud_dev": {
            "data": "UD German GSD dev (de_gsd-ud-dev.conllu), multi-word tokens fused",
            "sentences": stats["sentences"],
            "tokens": stats["tokens"],
            "TAG": pct(ud_scores["tag_acc"]),
            "POS": pct(ud_scores["pos_acc"]),
            "MORPH": pct(ud_scores["morph_acc"]),
            "LEMMA": pct(ud_scores["lemma_acc"]),
            "UAS": pct(ud_scores["dep_uas"]),
            "LAS": pct(ud_scores["dep_las"]),
            "SENT_F": pct(ud_scores["sents_f"]),
            "Mood=Sub": mood_sub,
            "morph_per_feat_f": {
                k: round(v["f"], 4)
                for k, v in feats.items()
                if k in ("Mood", "Person", "Number", "Tense", "VerbForm", "Case", "Gender")
            },
            "las_f_per_label": {
                k: round(per_label[k]["f"] * 100, 1) for k in LABELS_OF_INTEREST if k in per_label
            },
            "lemma_by_form": lemma_breakdown(ud_examples, train_forms),
        },
        "size_mb": dir_size_mb(args.model),
    }
    if not args.no_speed:
        texts = [d.text for d in ud_gold] + [d.text for d in ner_gold]
        result["load_s"] = load_time(args.model)
        result["words_per_s"] = words_per_second(nlp, texts)
    if "ner" in nlp.pipe_names:
        result["ner_dev"] = {
            "data": "GermEval 2014 dev, outer level, -deriv/-part as O, OTH as MISC",
            "sentences": len(ner_gold),
            "P": pct(ner_scores["ents_p"]),
            "R": pct(ner_scores["ents_r"]),
            "F": pct(ner_scores["ents_f"]),
            "per_type": {
                k: {m: pct(v[m]) for m in ("p", "r", "f")}
                for k, v in sorted((ner_scores.get("ents_per_type") or {}).items())
            },
        }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
