"""Assemble the two trained parts and save them into the package as ``quotes/models/de_quotes_sm``.

Run as ``python -m training.package --ud-model training/work/output-ud/model-best
--ner-model training/work/output-ner/model-best``.

The UD part (tok2vec, tagger, morphologizer, trainable_lemmatizer, parser) is loaded, the NER
part's tok2vec is made internal to its ``ner`` component (``replace_listeners``) and that
component is added at the end. The result is saved with ``nlp.to_disk`` (meta: name, version,
licence, sources, the training data counts); training-only paths are removed from its
``config.cfg``; the licence notice and the model card from ``training/model_files/`` are copied
next to it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "quotes" / "models" / "de_quotes_sm"
MODEL_FILES = Path(__file__).resolve().parent / "model_files"

SOURCES = [
    {
        "name": "Universal Dependencies German GSD (test split)",
        "url": "https://github.com/UniversalDependencies/UD_German-GSD",
        "license": "CC BY-SA 4.0",
        "author": "Slav Petrov, Wolfgang Seeker, Ryan McDonald, Joakim Nivre, Daniel Zeman, "
        "Adriane Boyd, Verena Blaschke",
    },
    {
        "name": "Universal Dependencies German PUD (test split)",
        "url": "https://github.com/UniversalDependencies/UD_German-PUD",
        "license": "CC BY-SA 3.0",
        "author": "Hans Uszkoreit, Vivien Macketanz, Aljoscha Burchardt, Georg Rehm, Kim Harris, "
        "Katrin Marheinecke, Slav Petrov, Tolga Kayadelen, Mohammed Attia, Ali Elkahky, "
        "Zhuoran Yu, Emily Pitler, Saran Lertpradit, Michael Mandl, Sebastian Bank, "
        "Martin Popel, Daniel Zeman",
    },
    {
        "name": "GermEval 2014 NER (NoSta-D), test split",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "author": "Darina Benikova, Chris Biemann, Marc Reznicek",
    },
]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ud-model", type=Path, required=True)
    ap.add_argument("--ner-model", type=Path, default=None)
    ap.add_argument("--stats", type=Path, default=None, help="data-stats.json from convert")
    ap.add_argument("--target", type=Path, default=TARGET)
    ap.add_argument("--version", default="0.1.0")
    args = ap.parse_args(argv)

    nlp = spacy.load(args.ud_model)
    if args.ner_model:
        ner_nlp = spacy.load(args.ner_model)
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.add_pipe("ner", source=ner_nlp, last=True)
    nlp.meta.update(
        {
            "name": "quotes_sm",
            "version": args.version,
            "description": "Compact German pipeline for the `quotes` library: STTS tagger, "
            "UD morphologizer, edit-tree lemmatizer, UD dependency parser, NER "
            "(PER/ORG/LOC/MISC). CNN tok2vec, no vectors. Trained on UD German GSD test + PUD "
            "and GermEval 2014 test; evaluated on GSD dev and GermEval dev.",
            "author": "The quotes authors",
            "email": "",
            "url": "",
            "license": "CC BY-SA 4.0",
            "sources": SOURCES,
        }
    )
    if args.stats and args.stats.is_file():
        nlp.meta["training_data"] = json.loads(args.stats.read_text())
    nlp.meta.pop("performance", None)
    if args.target.exists():
        shutil.rmtree(args.target)
    nlp.to_disk(args.target)
    cfg = args.target / "config.cfg"
    text = cfg.read_text()
    text = re.sub(r"(?m)^(train|dev) = .*$", r"\1 = null", text, count=2)
    cfg.write_text(text)
    for f in sorted(MODEL_FILES.iterdir()):
        if f.is_file():
            shutil.copy(f, args.target / f.name)
    print(f"wrote {args.target}")


if __name__ == "__main__":
    main()
