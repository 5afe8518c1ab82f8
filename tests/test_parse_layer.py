"""The parse layer itself (quotes.parse.model) and the label mapping (quotes.parse.labels).

No parser is involved: documents are built with ParsedDoc.from_columns and TIGER trees are
written out as tables.
"""

from __future__ import annotations

import pickle
import random

import attrs
import pytest

from quotes.errors import BackendError
from quotes.parse import (
    EMPTY_MORPH,
    Entity,
    Morph,
    Multiword,
    ParsedDoc,
    apply_offset_map,
    base,
    detect_scheme,
    entity_label,
    ud_label,
)
from quotes.parse.checks import check_acyclic
from quotes.parse.labels import STTS_TO_UPOS, upos_from_stts
from quotes.parse.tiger import convert_tiger, tiger_label
from quotes.records import Span

# -- Morph -----------------------------------------------------------------------------------


def test_morph_reads_ud_feature_strings() -> None:
    morph = Morph.parse("VerbForm=Fin|Mood=Sub|Person=3|Number=Sing|Tense=Pres")
    assert morph["Mood"] == "Sub"
    assert (morph.mood, morph.person, morph.number, morph.tense, morph.verbform) == (
        "Sub",
        "3",
        "Sing",
        "Pres",
        "Fin",
    )
    assert morph.case == "" and morph.gender == ""
    assert dict(morph) == {
        "Mood": "Sub",
        "Number": "Sing",
        "Person": "3",
        "Tense": "Pres",
        "VerbForm": "Fin",
    }
    # Canonical (sorted) string form, equal whatever the input order.
    assert str(morph) == "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    assert morph == Morph.parse("Tense=Pres|Mood=Sub|Number=Sing|Person=3|VerbForm=Fin")
    assert hash(morph) == hash(Morph({"Mood": "Sub", "Number": "Sing", "Person": "3",
                                      "Tense": "Pres", "VerbForm": "Fin"}))  # fmt: skip


def test_morph_is_shared_empty_and_read_only() -> None:
    assert Morph.parse("Case=Nom") is Morph.parse("Case=Nom")
    for nothing in (None, "", "_"):
        assert Morph.parse(nothing) is EMPTY_MORPH
    assert len(EMPTY_MORPH) == 0 and EMPTY_MORPH.mood == ""
    assert Morph.parse("PronType=Art,Prs").values_of("PronType") == ("Art", "Prs")
    assert Morph.parse("Case=Nom").values_of("Mood") == ()
    with pytest.raises(TypeError):
        Morph.parse("Case=Nom")["Case"] = "Acc"  # type: ignore[index]


# -- a hand-made document ---------------------------------------------------------------------

# "Sie sagte, er sei zum Amt gegangen. Merkel lachte."
#  0   4    9 11 14  18  22  26      34 36     43    49
TEXT = "Sie sagte, er sei zum Amt gegangen. Merkel lachte."
WORDS = [
    # start, end, form, upos, head, dep, morph
    (0, 3, "Sie", "PRON", 1, "nsubj", ""),
    (4, 9, "sagte", "VERB", 1, "root", "Mood=Ind|VerbForm=Fin"),
    (9, 10, ",", "PUNCT", 8, "punct", ""),
    (11, 13, "er", "PRON", 8, "nsubj", ""),
    (14, 17, "sei", "AUX", 8, "aux", "Mood=Sub|Person=3|VerbForm=Fin"),
    (18, 21, "zu", "ADP", 7, "case", ""),  # "zum" = "zu" + "dem"
    (18, 21, "dem", "DET", 7, "det", ""),
    (22, 25, "Amt", "NOUN", 8, "obl", ""),
    (26, 34, "gegangen", "VERB", 1, "ccomp", "VerbForm=Part"),
    (34, 35, ".", "PUNCT", 1, "punct", ""),
    (36, 42, "Merkel", "PROPN", 11, "nsubj", ""),
    (43, 49, "lachte", "VERB", 11, "root", "Mood=Ind|VerbForm=Fin"),
    (49, 50, ".", "PUNCT", 11, "punct", ""),
]


def make_doc(**changes: object) -> ParsedDoc:
    columns: dict[str, object] = {
        "starts": [w[0] for w in WORDS],
        "ends": [w[1] for w in WORDS],
        "forms": [w[2] for w in WORDS],
        "upos": [w[3] for w in WORDS],
        "heads": [w[4] for w in WORDS],
        "deps": [w[5] for w in WORDS],
        "deps_raw": [w[5] for w in WORDS],
        "morphs": [Morph.parse(w[6]) for w in WORDS],
        "lemmas": [w[2].lower() for w in WORDS],
        "sentence_starts": [0, 10],
        "entities": [Entity(10, 11, "PER", "PERSON")],
        "multiwords": [Multiword(5, 7, "zum")],
        "scheme": "ud",
        "source": "test",
        "has_entities": True,
    }
    columns.update(changes)
    return ParsedDoc.from_columns(TEXT, **columns)  # type: ignore[arg-type]


def test_offsets_are_into_the_original_text() -> None:
    doc = make_doc()
    assert len(doc) == 13
    for token in doc:
        assert TEXT[token.start : token.end] == token.text
        assert token.span() == Span.of(TEXT, token.start, token.end)
    # The words of a multi-word token carry the surface token's offsets and text.
    zu, dem = doc[5], doc[6]
    assert (zu.text, zu.form, dem.text, dem.form) == ("zum", "zu", "zum", "dem")
    assert (zu.start, zu.end) == (dem.start, dem.end) == (18, 21)
    assert zu.multiword and dem.multiword and not doc[7].multiword
    assert doc.multiword_of(6) == Multiword(5, 7, "zum")
    assert doc.multiword_of(7) is None


def test_token_at_and_tokens_in() -> None:
    doc = make_doc()
    assert doc.token_at(5) == doc[1]  # inside "sagte"
    assert doc.token_at(3) is None  # the space after "Sie"
    assert doc.token_at(19).i == 5  # inside "zum": its first word
    assert doc.token_at(0).i == 0 and doc.token_at(49).i == 12
    assert doc.token_at(50) is None and doc.token_at(-1) is None
    assert [t.i for t in doc.tokens_in(12, 24)] == [3, 4, 5, 6, 7]
    assert [t.i for t in doc.tokens_in(19, 20)] == [5, 6]
    assert doc.tokens_in(35, 36) == ()


def test_tree_navigation() -> None:
    doc = make_doc()
    sagte, gegangen = doc[1], doc[8]
    assert sagte.is_root and doc.head_of(1) == sagte and not gegangen.is_root
    assert [t.text for t in doc.children(8)] == [",", "er", "sei", "Amt"]
    assert [t.form for t in doc.children(8, "nsubj")] == ["er"]
    assert [t.form for t in doc.children(1, "ccomp", "punct")] == ["gegangen", "."]
    assert [t.i for t in doc.ancestors(6)] == [7, 8, 1]
    assert doc.is_ancestor(1, 6) and not doc.is_ancestor(6, 1) and doc.is_ancestor(3, 3)
    assert [t.i for t in doc.subtree(7)] == [5, 6, 7]
    assert doc.subtree_range(8) == (2, 9)
    assert doc.subtree_span(8) == Span(9, 34, ", er sei zum Amt gegangen")
    assert doc.subtree_span(7).text == "zum Amt"


def test_children_match_subtypes_by_base_label() -> None:
    deps = [w[5] for w in WORDS]
    deps[3] = "nsubj:pass"
    doc = make_doc(deps=deps)
    assert [t.i for t in doc.children(8, "nsubj")] == [3]
    assert [t.i for t in doc.children(8, "nsubj:pass")] == [3]
    assert doc.children(8, "nsubj:outer") == ()
    assert doc[3].dep_base == "nsubj"


def test_sentences_and_entities() -> None:
    doc = make_doc()
    assert [tuple(s) for s in doc.sentences] == [(0, 10), (10, 13)]
    assert [t.sent for t in doc] == [0] * 10 + [1] * 3
    assert doc.sentence_of(11) == doc.sentences[1]
    assert doc.sentence_span(1) == Span(36, 50, "Merkel lachte.")
    assert doc.sentence_at(40) == doc.sentences[1] and doc.sentence_at(35) is None
    assert [t.form for t in doc.sentence_tokens(1)] == ["Merkel", "lachte", "."]
    assert doc.root_of(0).form == "sagte" and doc.root_of(1).form == "lachte"
    assert doc.entity_at(10) == Entity(10, 11, "PER", "PERSON")
    assert doc.entity_at(11) is None
    assert doc.entity_span(doc.entities[0]).text == "Merkel"


def test_verb_accessors() -> None:
    doc = make_doc(tags=[""] * 4 + ["VAFIN"] + [""] * 8)
    sagte, sei, gegangen, merkel = doc[1], doc[4], doc[8], doc[10]
    assert sagte.is_finite_verb and sei.is_finite_verb
    assert not gegangen.is_finite_verb and not merkel.is_finite_verb
    assert sei.is_subjunctive and sei.mood == "Sub" and sei.person == "3"
    assert not sagte.is_subjunctive and sagte.mood == "Ind"
    assert sei.is_verb and not merkel.is_verb
    assert doc[2].is_punct and not doc[0].is_punct


def test_finite_verb_from_the_tag_when_there_is_no_morphology() -> None:
    doc = make_doc(
        morphs=None,
        tags=["PPER", "VVFIN", "$,", "PPER", "VAFIN", "APPR", "ART", "NN", "VVPP", "$.",
              "NE", "VVFIN", "$."],
    )  # fmt: skip
    assert not doc.has_morph
    assert [t.i for t in doc if t.is_finite_verb] == [1, 4, 11]
    assert not any(t.is_subjunctive for t in doc)


def test_missing_layers_are_empty_and_flagged() -> None:
    doc = ParsedDoc.from_columns(TEXT, starts=[0, 4], ends=[3, 9])
    assert [t.text for t in doc] == ["Sie", "sagte"]
    assert [t.head for t in doc] == [0, 1]  # every token its own root
    assert all(t.dep == t.lemma == t.upos == t.tag == "" for t in doc)
    assert all(t.morph is EMPTY_MORPH for t in doc)
    assert not (doc.has_parse or doc.has_tags or doc.has_morph or doc.has_lemmas)
    assert not doc.has_entities and doc.sentences == ((0, 2),)
    empty = ParsedDoc.from_columns("", starts=[], ends=[])
    assert len(empty) == 0 and empty.sentences == () and empty.token_at(0) is None


def test_documents_pickle() -> None:
    doc = make_doc()
    doc.children(1)  # fill a lookup table first: it must not get in the way
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc and copy.children(8) == doc.children(8)
    assert copy[4].morph is Morph.parse("Mood=Sub|Person=3|VerbForm=Fin")


def test_documents_are_immutable() -> None:
    doc = make_doc()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc[0].head = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        doc.tokens[0] = doc.tokens[1]  # type: ignore[index]
    assert make_doc() == doc


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ends": [*[w[1] for w in WORDS][:-1], 60]}, "offsets"),
        ({"starts": [*[w[0] for w in WORDS][:-1], 51]}, "offsets"),
        ({"heads": [*[w[4] for w in WORDS][:-1], 40]}, "outside"),
        ({"heads": [*[w[4] for w in WORDS][:-1], 1]}, "another sentence"),
        ({"heads": [3, 3, 8, 1, 8, 7, 7, 8, 1, 1, 11, 11, 11]}, "cycle"),
        ({"heads": [*[w[4] for w in WORDS][:7], 5, 1, 1, 11, 11, 11]}, "cycle"),
        ({"entities": [Entity(10, 11, "PERSON", "PERSON")]}, "entity label"),
        ({"entities": [Entity(12, 14, "PER", "PER")]}, "outside"),
        ({"multiwords": [Multiword(12, 14, "x")]}, "outside"),
    ],
)
def test_inconsistent_documents_are_refused(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_doc(**change)


def test_token_text_must_be_the_original_text() -> None:
    doc = make_doc()
    wrong = (doc[0]._replace(text="She"), *doc.tokens[1:])
    with pytest.raises(ValueError, match="'She'"):
        ParsedDoc(TEXT, wrong, doc.sentences)
    renumbered = (doc[0]._replace(i=5), *doc.tokens[1:])
    with pytest.raises(ValueError, match="index"):
        ParsedDoc(TEXT, renumbered, doc.sentences)


def test_overlapping_tokens_are_refused() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        ParsedDoc.from_columns(TEXT, starts=[0, 2], ends=[3, 5])
    # ... unless they are words of one multi-word token (identical spans).
    doc = ParsedDoc.from_columns(TEXT, starts=[18, 18], ends=[21, 21])
    assert [t.text for t in doc] == ["zum", "zum"]


def test_offset_map() -> None:
    original = "„Ja“, sagte er."
    parsed = '"Ja", sagte er.'  # same length: a one-to-one map
    identity = list(range(len(parsed) + 1))
    assert apply_offset_map([0, 1], [1, 3], identity, parsed, original) == ([0, 1], [1, 3])
    shorter = "Ja, sagte er."  # the quotes were dropped before parsing
    mapping = [1, 2, 4, *range(5, len(original) + 1)]
    assert len(mapping) == len(shorter) + 1
    assert apply_offset_map([0, 2], [2, 3], mapping, shorter, original) == ([1, 4], [4, 5])
    with pytest.raises(BackendError, match="entries"):
        apply_offset_map([0], [1], identity[:-1], parsed, original)
    with pytest.raises(BackendError, match="never decrease"):
        apply_offset_map([0], [1], [0, 2, 1, *identity[3:]], parsed, original)
    with pytest.raises(BackendError, match="outside"):
        apply_offset_map([0], [1], [*identity[:-1], 99], parsed, original)


# -- labels ------------------------------------------------------------------------------------


def test_ud_label_spelling() -> None:
    assert ud_label("ROOT") == "root"
    assert ud_label("nsubj:pass") == "nsubj:pass"
    assert ud_label("nsubjpass") == "nsubj:pass"
    assert ud_label("dobj") == "obj"
    assert ud_label("auxpass") == "aux:pass"
    assert ud_label("neg") == "advmod"
    assert ud_label("") == ""
    assert base("obl:agent") == "obl" and base("obj") == "obj"


def test_detect_scheme() -> None:
    assert detect_scheme(["ROOT", "sb", "oa", "nk", "punct"]) == "tiger"
    assert detect_scheme(["ROOT", "nsubj", "obj", "det", "punct"]) == "ud"
    assert detect_scheme(["root", "nsubj:pass", "aux:pass"]) == "ud"
    assert detect_scheme(["ROOT", "punct"]) is None
    assert detect_scheme(["cc", "dep"]) is None  # shared by both schemes
    assert detect_scheme([]) is None


def test_entity_labels() -> None:
    cases = {
        "PER": "PER", "PERSON": "PER", "B-PER": "PER", "ORG": "ORG", "LOC": "LOC",
        "GPE": "LOC", "FAC": "LOC", "MISC": "MISC", "OTH": "MISC", "NORP": "MISC",
        "LOCderiv": "MISC", "PERpart": "MISC", "DATE": "MISC", "S-ORG": "ORG",
    }  # fmt: skip
    assert {raw: entity_label(raw) for raw in cases} == cases


def test_stts_to_upos() -> None:
    assert upos_from_stts("VVFIN") == "VERB" and upos_from_stts("VMFIN") == "AUX"
    assert upos_from_stts("PROAV") == upos_from_stts("PAV") == "ADV"
    assert upos_from_stts("APPRART") == "ADP" and upos_from_stts("$,") == "PUNCT"
    assert upos_from_stts("") == "" and upos_from_stts("NOPE") == ""
    assert len(STTS_TO_UPOS) >= 55  # the whole tag set


def test_context_dependent_tiger_labels() -> None:
    assert tiger_label("nk", "DET", "ART") == "det"
    assert tiger_label("nk", "ADJ", "ADJA") == "amod"
    assert tiger_label("nk", "NUM", "CARD") == "nummod"
    assert tiger_label("nk", "DET", "PPOSAT") == "det:poss"
    assert tiger_label("mo", "ADV", "ADV", "VERB") == "advmod"
    assert tiger_label("mo", "NOUN", "NN", "VERB") == "obl"
    assert tiger_label("mo", "NOUN", "NN", "NOUN") == "nmod"
    assert tiger_label("mo", "VERB", "VVFIN", "VERB", is_clause=True) == "advcl"
    assert tiger_label("oc", "VERB", "VVFIN", is_clause=True, is_finite_clause=True) == "ccomp"
    assert tiger_label("oc", "VERB", "VVIZU", is_clause=True) == "xcomp"
    assert tiger_label("sb", "PRON") == "nsubj" and tiger_label("sbp", "NOUN") == "obl:agent"
    assert tiger_label("sb", "VERB", is_clause=True) == "csubj"
    assert tiger_label("svp", "ADP", "PTKVZ") == "compound:prt"
    assert tiger_label("pnc", "PROPN") == "flat:name"
    assert tiger_label("cc", "NOUN", "NN") == "obl"  # TIGER's comparative, not UD's cc
    assert tiger_label("cm", "CCONJ", "KOKOM", "PRON") == "case"
    assert tiger_label("ag", "PROPN", "NE", "NOUN", before_head=True) == "nmod:poss"
    assert tiger_label("pm", "PART", "PTKZU") == "mark"
    assert tiger_label("ROOT", "VERB") == "root"
    assert tiger_label("whatever", "X") == "dep"


# TIGER trees as spaCy's German pipelines produce them, and the UD trees they become.
# Columns: word, STTS, UPOS, lemma, TIGER label, TIGER head, UD label, UD head (1-based).
TIGER_TREES = {
    "perfect, complementizer": """
        Er        PPER  PRON  er      sb     2  nsubj  3
        hat       VAFIN AUX   haben   ROOT   0  aux    3
        gesagt    VVPP  VERB  sagen   oc     2  root   0
        ,         $,    PUNCT ,       punct  2  punct  3
        dass      KOUS  SCONJ dass    cp     7  mark   7
        er        PPER  PRON  er      sb     7  nsubj  7
        kommt     VVFIN VERB  kommen  oc     3  ccomp  3
        .         $.    PUNCT .       punct  2  punct  3
    """,
    "passive with agent": """
        Das       ART   DET   der     nk     2  det         2
        Gesetz    NN    NOUN  Gesetz  sb     3  nsubj:pass  7
        wurde     VAFIN AUX   werden  ROOT   0  aux:pass    7
        von       APPR  ADP   von     sbp    7  case        6
        der       ART   DET   der     nk     4  det         6
        Regierung NN    NOUN  Regierung nk   4  obl:agent   7
        beschlossen VVPP VERB beschließen oc 3  root        0
        .         $.    PUNCT .       punct  3  punct       7
    """,
    "names, coordination, prepositions": """
        Olaf      NE    PROPN Olaf    pnc    2  nsubj      6
        Scholz    NE    PROPN Scholz  sb     6  flat:name  1
        und       KON   CCONJ und     cd     2  cc         4
        Emmanuel  NE    PROPN Emmanuel pnc   5  conj       1
        Macron    NE    PROPN Macron  cj     3  flat:name  4
        sprachen  VVFIN VERB  sprechen ROOT  0  root       0
        mit       APPR  ADP   mit     mo     6  case       9
        dem       ART   DET   der     nk     7  det        9
        Chef      NN    NOUN  Chef    nk     7  obl        6
        von       APPR  ADP   von     pg     9  case       11
        Siemens   NE    PROPN Siemens nk     10 nmod       9
        .         $.    PUNCT .       punct  6  punct      6
    """,
    "correlate, particle verb, copula under auxiliary": """
        Sie       PPER  PRON  sie     sb     2  nsubj         2
        wies      VVFIN VERB  weisen  ROOT   0  root          0
        darauf    PROAV ADV   darauf  op     2  obl:arg       2
        hin       PTKVZ ADP   hin     svp    2  compound:prt  2
        ,         $,    PUNCT ,       punct  2  punct         2
        dass      KOUS  SCONJ dass    cp     10 mark          8
        er        PPER  PRON  er      sb     10 nsubj         8
        bereit    ADJD  ADJ   bereit  pd     9  ccomp         2
        gewesen   VAPP  AUX   sein    oc     10 cop           8
        sei       VAFIN AUX   sein    re     3  aux           8
        .         $.    PUNCT .       punct  2  punct         2
    """,
    "modal, zu-infinitive": """
        Er        PPER  PRON  er      sb     2  nsubj  3
        will      VMFIN AUX   wollen  ROOT   0  aux    3
        versuchen VVINF VERB  versuchen oc   2  root   0
        ,         $,    PUNCT ,       punct  6  punct  6
        zu        PTKZU PART  zu      pm     6  mark   6
        kommen    VVINF VERB  kommen  oc     3  xcomp  3
        .         $.    PUNCT .       punct  2  punct  3
    """,
    "postposition, contracted preposition": """
        Der       ART   DET   der     nk     3  det    2
        Sache     NN    NOUN  Sache   nk     3  obl    4
        wegen     APPO  ADP   wegen   mo     4  case   2
        kam       VVFIN VERB  kommen  ROOT   0  root   0
        er        PPER  PRON  er      sb     4  nsubj  4
        zum       APPRART ADP zu      mo     4  case   7
        Amt       NN    NOUN  Amt     nk     6  obl    4
        .         $.    PUNCT .       punct  4  punct  4
    """,
    "apposition, genitives": """
        Sacharowa NE    PROPN Sacharowa sb   7  nsubj      7
        ,         $,    PUNCT ,       punct  1  punct      1
        Sprecherin NN   NOUN  Sprecherin app 1  appos      1
        des       ART   DET   der     nk     5  det        5
        Ministeriums NN NOUN  Ministerium ag 3  nmod       3
        ,         $,    PUNCT ,       punct  1  punct      1
        kritisierte VVFIN VERB kritisieren ROOT 0 root     0
        Merkels   NE    PROPN Merkel  ag     9  nmod:poss  9
        Rede      NN    NOUN  Rede    oa     7  obj        7
        .         $.    PUNCT .       punct  7  punct      7
    """,
    "two sentences (a forest)": """
        Ja        PTKANT PART ja      ROOT   0  root   0
        .         $.    PUNCT .       punct  1  punct  1
        Er        PPER  PRON  er      sb     4  nsubj  5
        ist       VAFIN AUX   sein    ROOT   0  aux    5
        gegangen  VVPP  VERB  gehen   oc     4  root   0
    """,
}


def _table(tree: str) -> tuple[list[list[str]], list[int], list[int]]:
    rows = [line.split() for line in tree.strip().splitlines()]
    # Heads are 1-based per table, 0 for a root; roots point to themselves in the layer.
    tiger_heads = [int(r[5]) - 1 if r[5] != "0" else i for i, r in enumerate(rows)]
    ud_heads = [int(r[7]) - 1 if r[7] != "0" else i for i, r in enumerate(rows)]
    return rows, tiger_heads, ud_heads


@pytest.mark.parametrize("name", TIGER_TREES)
def test_tiger_trees_become_ud_trees(name: str) -> None:
    rows, tiger_heads, ud_heads = _table(TIGER_TREES[name])
    heads, labels = convert_tiger(
        tiger_heads,
        [r[4] for r in rows],
        [r[2] for r in rows],
        [r[1] for r in rows],
        [r[3] for r in rows],
        [""] * len(rows),
    )
    got = [(r[0], label, head) for r, label, head in zip(rows, labels, heads, strict=True)]
    want = [(r[0], r[6], head) for r, head in zip(rows, ud_heads, strict=True)]
    assert got == want


def test_tiger_labels_without_restructuring_keep_the_heads() -> None:
    rows, tiger_heads, _ = _table(TIGER_TREES["perfect, complementizer"])
    heads, labels = convert_tiger(
        tiger_heads,
        [r[4] for r in rows],
        [r[2] for r in rows],
        [r[1] for r in rows],
        [r[3] for r in rows],
        [""] * len(rows),
        restructure=False,
    )
    assert heads == tiger_heads
    assert labels == ["nsubj", "root", "xcomp", "punct", "mark", "nsubj", "ccomp", "punct"]


@pytest.mark.parametrize(
    ("tags", "entities"),
    [
        (["B-ORG", "E-ORG", "B-ORG", "E-ORG"], [(0, 2, "ORG"), (2, 4, "ORG")]),
        (["S-PER", "S-PER", "O"], [(0, 1, "PER"), (1, 2, "PER")]),
        (["B-LOC", "I-LOC", "O", "B-LOC"], [(0, 2, "LOC"), (3, 4, "LOC")]),
        (["I-PER", "I-PER", "I-ORG"], [(0, 2, "PER"), (2, 3, "ORG")]),  # BIO without B
        (["B-PER", "L-PER", "U-ORG"], [(0, 2, "PER"), (2, 3, "ORG")]),  # BILOU
        (["B-PER", "E-PER", "I-PER"], [(0, 2, "PER"), (2, 3, "PER")]),  # E closes
        (["S-PER", "E-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
        ([None, "O", "X"], []),
    ],
)
def test_entity_tags_are_decoded(tags: list[str | None], entities: list[tuple[int, int, str]]):
    # stanza's per-token NER tags (BIOES) and other schemes; no stanza needed for this.
    from quotes.parse.from_stanza import _decode_bioes

    assert _decode_bioes(tags) == entities


def test_cycle_check_agrees_with_walking_every_token() -> None:
    # check_acyclic decides in C by pointer jumping; the reference walks from each token.
    def has_cycle(heads: list[int]) -> bool:
        for i in range(len(heads)):
            j, steps = i, 0
            while heads[j] != j:
                j, steps = heads[j], steps + 1
                if steps > len(heads):
                    return True
        return False

    rng = random.Random(5)
    for _ in range(3000):
        n = rng.randint(1, 40)
        heads = [rng.randrange(n) if rng.random() < 0.8 else i for i in range(n)]
        if rng.random() < 0.5:  # mostly trees: point each token to an earlier one or itself
            heads = [rng.randrange(i + 1) for i in range(n)]
            if n > 2 and rng.random() < 0.3:
                heads[0] = rng.randrange(1, n)  # maybe a cycle through the first token
        if has_cycle(heads):
            with pytest.raises(ValueError, match="cycle"):
                check_acyclic(heads)
        else:
            check_acyclic(heads)
