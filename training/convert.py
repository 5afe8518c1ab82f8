"""Convert the shared UD German and GermEval 2014 files into spaCy ``DocBin`` corpora.

Run as ``python -m training.convert [--shared DIR] [--out DIR]``. Writes:

* ``train/ud.spacy``   UD German GSD *test* + PUD *test* (harmonised, see below)
* ``dev/ud.spacy``     UD German GSD *dev* (held out for evaluation)
* ``train/ner.spacy``  GermEval 2014 *test* split (outer level)
* ``dev/ner.spacy``    GermEval 2014 *dev* split (held out for evaluation)
* ``data-stats.json``  sentence / word / entity counts and the STTS-mapping check

Harmonisation (all of it is deterministic and documented in ``training/README.md``):

* Multi-word tokens (``im`` = ``in`` + ``dem``) become one token, as spaCy's German tokenizer
  leaves them: UPOS ``ADP``, XPOS ``APPRART``, lemma of the preposition, morphology
  (Case/Gender/Number) of the article, deprel/head of the preposition.
* PUD's XPOS is a Penn-style tag set, not STTS. It is replaced by an STTS tag derived from
  UPOS + features + lemma + deprel where that derivation is unambiguous (the same rules agree
  with the gold GSD XPOS on ~97 % of the tokens they tag, checked at conversion time, see
  ``data-stats.json``); where it is ambiguous the tag is left missing (no loss).
* PUD verb features are brought to GSD style: ``VerbForm=Fin`` on finite verbs,
  ``VerbForm=Part`` (without ``Tense``) on participles, ``VerbForm=Inf`` on infinitives; PUD-only
  features that GSD does not use (``Degree`` on adverbs, ``AdpType``, ``Foreign`` outside ``X``,
  ``Poss`` on pronouns) are dropped.
* PUD-only dependency labels are mapped to the GSD inventory: ``flat:name``→``flat``,
  ``cc:preconj``→``cc``, ``csubj:pass``→``csubj``, ``iobj``→``obj``, ``orphan``→``dep``.
* GermEval: the outer annotation level is used; ``OTH``→``MISC``; ``-deriv`` and ``-part``
  tokens (``deutsche``, ``SPD-Chef``) are *not* entities and become ``O``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

Row = list[str]

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_OUT = Path(__file__).resolve().parent / "work" / "corpus"

# --------------------------------------------------------------------------------------
# CoNLL-U reading


@dataclass
class Sentence:
    sent_id: str
    text: str
    rows: list[Row]  # 10 columns, word lines and multi-word-token lines, no empty nodes
    comments: list[str] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[Sentence]:
    rows: list[Row] = []
    comments: list[str] = []
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip():
            if rows:
                yield _sentence(rows, comments)
            rows, comments = [], []
        elif line.startswith("#"):
            comments.append(line)
        else:
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # empty nodes (enhanced UD) are not used
            rows.append(cols)
    if rows:
        yield _sentence(rows, comments)


def _sentence(rows: list[Row], comments: list[str]) -> Sentence:
    meta = {}
    for c in comments:
        if "=" in c:
            k, v = c[1:].split("=", 1)
            meta[k.strip()] = v.strip()
    return Sentence(meta.get("sent_id", ""), meta.get("text", ""), rows, comments)


def feats_to_dict(feats: str) -> dict[str, str]:
    if feats in ("", "_"):
        return {}
    return dict(f.split("=", 1) for f in feats.split("|"))


def dict_to_feats(d: dict[str, str]) -> str:
    if not d:
        return "_"
    return "|".join(f"{k}={d[k]}" for k in sorted(d, key=str.lower))


# --------------------------------------------------------------------------------------
# Harmonisation of PUD to GSD conventions

PUD_DEPREL_MAP = {
    "flat:name": "flat",
    "cc:preconj": "cc",
    "csubj:pass": "csubj",
    "iobj": "obj",
    "orphan": "dep",
}


def normalise_pud_row(row: Row) -> Row:
    """Bring one PUD word line to GSD style (features, deprel); XPOS is re-derived later."""
    row = list(row)
    upos = row[3]
    feats = feats_to_dict(row[5])
    xpos = row[4]
    if upos in ("VERB", "AUX"):
        if "Mood" in feats:
            feats["VerbForm"] = "Fin"
        elif "VerbForm" not in feats:
            if xpos == "VBN" or ("Tense" in feats and "Mood" not in feats):
                feats.pop("Tense", None)
                feats["VerbForm"] = "Part"
            else:
                feats["VerbForm"] = "Inf"
    if upos == "ADV":
        feats.pop("Degree", None)
    if upos != "X":
        feats.pop("Foreign", None)
    feats.pop("AdpType", None)
    if upos == "PRON":
        feats.pop("Poss", None)
    row[5] = dict_to_feats(feats)
    row[7] = PUD_DEPREL_MAP.get(row[7], row[7])
    return row


# --------------------------------------------------------------------------------------
# STTS from UD annotation (used for PUD, validated against GSD's gold XPOS)

MODALS = {"können", "müssen", "sollen", "wollen", "dürfen", "mögen", "möchten"}
AUX_LEMMAS = {"sein", "haben", "werden"}
PROAV_PREFIXES = ("da", "dar", "wo", "wor", "hier")
PREPS = (
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "hinter", "in", "mit", "nach", "neben",
    "ob", "über", "um", "unter", "von", "vor", "wider", "zu", "zwischen", "hin", "her",
)  # fmt: skip
PROAV_EXTRA = {
    "deshalb", "deswegen", "dennoch", "trotzdem", "außerdem", "stattdessen", "dabei", "daher",
    "darum", "dazu", "dafür", "damit", "danach", "davon", "dadurch", "dagegen", "darauf",
    "daran", "darin", "darüber", "darunter", "davor", "daneben", "dahinter", "dazwischen",
    "hierzu", "hierbei", "hierfür", "hiermit", "hierauf", "seitdem", "währenddessen",
    "infolgedessen", "demnach", "zudem", "indessen", "ebenda", "überdies",
}  # fmt: skip
PWAV = {
    "wie", "wo", "warum", "wann", "weshalb", "wieso", "woher", "wohin", "weswegen", "inwiefern",
    "wodurch", "womit", "wofür", "worauf", "worüber", "wovon", "wozu", "woran", "worin",
}  # fmt: skip
SENT_PUNCT = {".", "!", "?", ":", ";", "…", "..."}
ANSWER_PARTICLES = {"ja", "nein", "danke"}
KOUI = {"um", "ohne", "statt", "anstatt"}
KOKOM = {"als", "wie"}


def stts_tag(row: Row, sent: list[Row]) -> str:
    """An STTS tag for a UD word line, or "" where the rules would have to guess."""
    form, lemma, upos, deprel = row[1], row[2], row[3], row[7]
    low = form.lower()
    lem = lemma.lower()
    feats = feats_to_dict(row[5])
    vform = feats.get("VerbForm", "")
    prontype = feats.get("PronType", "")
    if upos == "PUNCT":
        if form == ",":
            return "$,"
        return "$." if form in SENT_PUNCT else "$("
    if upos == "NOUN":
        return "NN"
    if upos == "PROPN":
        # GSD tags many PROPN as NN (TIGER conventions); NE is reliable only in name positions
        if deprel == "compound":
            return "NN"
        return "" if deprel in ("obl", "obj", "vocative", "xcomp", "parataxis") else "NE"
    if upos == "NUM":
        return "CARD"
    if upos == "INTJ":
        return "ITJ"
    if upos == "ADJ":
        if form.endswith("-"):
            return "TRUNC"
        return "ADJA" if ("Case" in feats or "Number" in feats) else "ADJD"
    if upos in ("VERB", "AUX"):
        kind = "VA" if lem in AUX_LEMMAS else "VM" if lem in MODALS else "VV"
        if vform == "Fin":
            return kind + ("IMP" if feats.get("Mood") == "Imp" else "FIN")
        if vform == "Inf":
            if kind == "VV" and "zu" in low and low.replace("zu", "", 1) == lem:
                return "VVIZU"
            return kind + "INF"
        if vform == "Part":
            return kind + "PP"
        return ""
    if upos == "DET":
        if feats.get("Poss") == "Yes":
            return "PPOSAT"
        if prontype == "Art":
            return "ART"
        if prontype == "Int":
            return "PWAT"
        if prontype == "Rel":
            return "PRELAT"
        return ""  # Dem/Ind/Tot/Neg: GSD splits these between *AT and *S by position
    if upos == "PRON":
        if prontype == "Prs":
            return "PRF" if feats.get("Reflex") == "Yes" else "PPER"
        if prontype == "Dem":
            return "PDS"
        if prontype == "Int":
            return "PWS"
        if prontype == "Rel":
            return "PRELS"
        if prontype in ("Ind", "Tot", "Neg"):
            return "PIS"
        return ""
    if deprel == "compound:prt":
        return "PTKVZ"
    if upos == "ADP":
        if lem in KOKOM:
            return ""
        head = int(row[6])
        return "" if 0 < head < int(row[0]) else "APPR"
    if upos == "CCONJ":
        return "KOKOM" if lem in KOKOM else "KON"
    if upos == "SCONJ":
        if lem in KOKOM:
            return "KOKOM"
        return "KOUI" if lem in KOUI else "KOUS"
    if upos == "PART":
        if lem == "nicht" or feats.get("Polarity") == "Neg":
            return "PTKNEG"
        if lem == "zu" and deprel == "mark":
            return "PTKZU"
        if lem in ANSWER_PARTICLES:
            return "PTKANT"
        return ""
    if upos == "ADV":
        if low in PWAV or prontype == "Int":
            return "PWAV"
        if low in PROAV_EXTRA or (
            low.startswith(PROAV_PREFIXES)
            and any(low.endswith(p) for p in PREPS)
            and low not in {"dann", "davon"}
        ):
            return "PAV"
        if prontype:
            return ""
        return "ADV"
    return ""  # X, SYM: FM / XY / $( are not derivable


# --------------------------------------------------------------------------------------
# Multi-word tokens → one spaCy token


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0-based index into the sentence's tokens, or -1 for root
    deprel: str
    space_after: bool


def merge_tokens(rows: list[Row]) -> list[Token]:
    """Word lines → tokens, fusing each multi-word token (APPR + ART) into one APPRART token."""
    words = {int(r[0]): r for r in rows if r[0].isdigit()}
    mwt: dict[int, tuple[int, Row]] = {}  # first word id → (last word id, MWT line)
    for r in rows:
        if "-" in r[0]:
            a, b = map(int, r[0].split("-"))
            mwt[a] = (b, r)
    # word id → token index
    index: dict[int, int] = {}
    groups: list[tuple[list[int], Row | None]] = []
    wid = 1
    n = max(words) if words else 0
    while wid <= n:
        if wid in mwt:
            b, line = mwt[wid]
            ids = list(range(wid, b + 1))
            groups.append((ids, line))
            wid = b + 1
        else:
            groups.append(([wid], None))
            wid += 1
    for ti, (ids, _) in enumerate(groups):
        for i in ids:
            index[i] = ti
    tokens: list[Token] = []
    for ids, line in groups:
        subs = [words[i] for i in ids]
        misc_src = line if line is not None else subs[-1]
        space_after = "SpaceAfter=No" not in misc_src[9]
        if line is None:
            r = subs[0]
            head = int(r[6])
            tokens.append(
                Token(r[1], r[2], r[3], r[4], r[5], index[head] if head else -1, r[7], space_after)
            )
            continue
        # fused token: take syntax from the word whose head lies outside the group
        outside = [r for r in subs if int(r[6]) not in ids]
        main = next((r for r in outside if r[3] == "ADP"), outside[0] if outside else subs[0])
        head = int(main[6])
        feats: dict[str, str] = {}
        xpos = main[4]
        if [r[3] for r in subs] == ["ADP", "DET"]:
            art = feats_to_dict(subs[1][5])
            feats = {k: v for k, v in art.items() if k in ("Case", "Gender", "Number")}
            xpos = "APPRART"
        else:
            feats = feats_to_dict(main[5])
        tokens.append(
            Token(
                line[1],
                main[2],
                main[3],
                xpos,
                dict_to_feats(feats),
                index[head] if head else -1,
                main[7],
                space_after,
            )
        )
    return tokens


# --------------------------------------------------------------------------------------
# Docs


def sentence_doc(vocab: spacy.Vocab, tokens: list[Token]) -> Doc:
    words = [t.form for t in tokens]
    spaces = [t.space_after for t in tokens]
    spaces[-1] = False
    heads = [t.head if t.head >= 0 else i for i, t in enumerate(tokens)]
    # spaCy's parser and scorer spell the root relation "ROOT" (as `spacy convert` does)
    deps = ["ROOT" if t.deprel == "root" else t.deprel for t in tokens]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=[t.xpos for t in tokens],
        pos=[t.upos for t in tokens],
        morphs=[t.feats if t.feats != "_" else "" for t in tokens],
        lemmas=[t.lemma for t in tokens],
        heads=heads,
        deps=deps,
        sent_starts=[i == 0 for i in range(len(tokens))],
    )


def join_docs(docs: list[Doc], n_sents: int) -> Iterator[Doc]:
    for i in range(0, len(docs), n_sents):
        yield Doc.from_docs(docs[i : i + n_sents], ensure_whitespace=True)


def ud_docs(path: Path, vocab: spacy.Vocab, *, pud: bool, stats: Counter) -> list[Doc]:
    docs = []
    for sent in read_conllu(path):
        rows = sent.rows
        if pud:
            rows = [normalise_pud_row(r) if r[0].isdigit() else r for r in rows]
            words = [r for r in rows if r[0].isdigit()]
            new_rows = []
            for r in rows:
                if r[0].isdigit():
                    r = list(r)
                    r[4] = stts_tag(r, words) or "_"
                    stats["pud_stts_tagged" if r[4] != "_" else "pud_stts_missing"] += 1
                new_rows.append(r)
            rows = new_rows
        tokens = merge_tokens(rows)
        for t in tokens:
            if t.xpos in ("_", ""):
                t.xpos = ""
            if t.lemma == "_":
                t.lemma = ""
        stats["sentences"] += 1
        stats["tokens"] += len(tokens)
        docs.append(sentence_doc(vocab, tokens))
    return docs


def check_stts_rules(paths: Iterable[Path]) -> dict[str, float | int | list]:
    """Agreement of the UD→STTS rules with GSD's gold XPOS (on word lines, before merging)."""
    agree = tagged = total = 0
    confusions: Counter = Counter()
    for path in paths:
        for sent in read_conllu(path):
            words = [r for r in sent.rows if r[0].isdigit()]
            for r in words:
                total += 1
                tag = stts_tag(r, words)
                if not tag:
                    continue
                tagged += 1
                if tag == r[4]:
                    agree += 1
                else:
                    confusions[(r[4], tag)] += 1
    return {
        "words": total,
        "tagged": tagged,
        "coverage": round(tagged / total, 4),
        "agreement": round(agree / tagged, 4),
        "top_confusions_gold_vs_rule": [[g, p, c] for (g, p), c in confusions.most_common(15)],
    }


# --------------------------------------------------------------------------------------
# GermEval 2014


def read_germeval(path: Path) -> Iterator[list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        cols = line.split("\t")
        sent.append((cols[1], cols[2]))
    if sent:
        yield sent


NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "…", "“", "«"}
NO_SPACE_AFTER = {"(", "[", "{", "„", "»"}


def detokenise(words: list[str]) -> list[bool]:
    """Plausible SpaceAfter flags so the training text looks like running text."""
    spaces = [True] * len(words)
    open_quote = False
    for i, w in enumerate(words):
        if w in NO_SPACE_AFTER:
            spaces[i] = False
        if i > 0 and w in NO_SPACE_BEFORE:
            spaces[i - 1] = False
        if w == '"':
            if open_quote:
                if i > 0:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            open_quote = not open_quote
    spaces[-1] = False
    return spaces


def outer_label(tag: str) -> str:
    """GermEval outer tag → BIO with PER/ORG/LOC/MISC; -deriv/-part → O."""
    if tag == "O" or tag.endswith(("deriv", "part")):
        return "O"
    prefix, label = tag.split("-", 1)
    return f"{prefix}-{'MISC' if label == 'OTH' else label}"


def germeval_docs(path: Path, vocab: spacy.Vocab, stats: Counter) -> list[Doc]:
    docs = []
    for sent in read_germeval(path):
        words = [w for w, _ in sent]
        tags = [outer_label(t) for _, t in sent]
        # repair I- without B- (after dropping -deriv/-part) into B-
        fixed = []
        prev = "O"
        for t in tags:
            if t.startswith("I-") and prev[2:] != t[2:]:
                t = "B-" + t[2:]
            fixed.append(t)
            prev = t
        for t in fixed:
            if t.startswith("B-"):
                stats["ent_" + t[2:]] += 1
        for _, t in sent:
            if t.endswith(("deriv", "part")) and t.startswith("B-"):
                stats["dropped_" + t[2:]] += 1
        doc = Doc(vocab, words=words, spaces=detokenise(words), ents=fixed)
        stats["sentences"] += 1
        stats["tokens"] += len(words)
        docs.append(doc)
    return docs


# --------------------------------------------------------------------------------------


def write(docs: Iterable[Doc], path: Path) -> None:
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--n-sents", type=int, default=10, help="UD sentences per training doc")
    ap.add_argument(
        "--ud-repeat",
        type=int,
        default=1,
        help="copies of the UD training docs per epoch",
    )
    args = ap.parse_args(argv)
    shared: Path = args.shared
    out: Path = args.out
    vocab = spacy.blank("de").vocab
    gsd = shared / "ud" / "GSD"
    pud = shared / "ud" / "PUD"
    ge = shared / "ner" / "germeval2014"
    report: dict[str, object] = {
        "source_files_sha256": {
            str(f.relative_to(shared)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in (
                gsd / "de_gsd-ud-test.conllu",
                pud / "de_pud-ud-test.conllu",
                ge / "germeval2014-test.tsv",
                gsd / "de_gsd-ud-dev.conllu",
                ge / "germeval2014-dev.tsv",
            )
        }
    }

    s_gsd_test: Counter = Counter()
    s_pud: Counter = Counter()
    s_gsd_dev: Counter = Counter()
    train = ud_docs(gsd / "de_gsd-ud-test.conllu", vocab, pud=False, stats=s_gsd_test)
    train += ud_docs(pud / "de_pud-ud-test.conllu", vocab, pud=True, stats=s_pud)
    dev = ud_docs(gsd / "de_gsd-ud-dev.conllu", vocab, pud=False, stats=s_gsd_dev)
    write(list(join_docs(train, args.n_sents)) * args.ud_repeat, out / "train" / "ud.spacy")
    write(join_docs(dev, args.n_sents), out / "dev" / "ud.spacy")
    report["ud_train"] = {
        "GSD test": dict(s_gsd_test),
        "PUD test": dict(s_pud),
        "repeat_per_epoch": args.ud_repeat,
    }
    report["ud_dev"] = {"GSD dev": dict(s_gsd_dev)}
    report["stts_rules_vs_gsd_gold"] = check_stts_rules([gsd / "de_gsd-ud-test.conllu"])

    s_ner_train: Counter = Counter()
    s_ner_dev: Counter = Counter()
    ner_train = germeval_docs(ge / "germeval2014-test.tsv", vocab, s_ner_train)
    write(ner_train, out / "train" / "ner.spacy")
    write(germeval_docs(ge / "germeval2014-dev.tsv", vocab, s_ner_dev), out / "dev" / "ner.spacy")
    report["ner_train"] = {"GermEval 2014 test": dict(s_ner_train)}
    report["ner_dev"] = {"GermEval 2014 dev": dict(s_ner_dev)}
    (out / "data-stats.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
