"""Label mapping: dependency labels, part-of-speech tags and entity types onto one set.

Parsers of German text label their trees in one of two schemes:

* **UD** (Universal Dependencies): stanza, and spaCy pipelines trained on UD treebanks.
  Lexical words head their phrases: the noun heads a prepositional phrase (the preposition
  is its ``case``), the participle heads "hat gesagt" (``hat`` is its ``aux``), the
  predicate heads "ist bereit" (``ist`` is its ``cop``).
* **TIGER**: spaCy's official ``de_core_news_*`` and ``de_dep_news_trf`` pipelines. Function
  words head: the preposition heads its noun (``nk``), the finite auxiliary heads the
  participle (``oc``), ``sein`` heads its predicate (``pd``), and coordination chains
  through the conjunction (``A -cd-> und -cj-> B``).

The layer speaks normalised UD (v2 labels, lower case, with the subtypes listed in
:data:`UD_LABELS`). UD input only needs its spelling normalised (:func:`ud_label`). TIGER
input is converted by :func:`quotes.parse.tiger.convert_tiger`, which relabels every token
and, unless told not to, restructures the tree the UD way, so that a rule such as "the
subject of a cue verb" finds "er" in "er hat gesagt" whichever parser produced the tree.
The original label always stays available next to the normalised one; the approximations
of the TIGER mapping are listed in :mod:`quotes.parse.tiger`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Final, Literal

__all__ = [
    "ENTITY_LABELS",
    "STTS_TO_UPOS",
    "TIGER_LABELS",
    "UD_LABELS",
    "Scheme",
    "base",
    "capitalised_adverbs_as_names",
    "detect_scheme",
    "entity_label",
    "ud_label",
    "upos_from_stts",
]

Scheme = Literal["ud", "tiger"]

#: The normalised label set: UD v2 relations with the subtypes German parsers use.
UD_LABELS: Final = frozenset(
    {
        "acl", "acl:relcl", "advcl", "advmod", "amod", "appos", "aux", "aux:pass", "case",
        "cc", "ccomp", "clf", "compound", "compound:prt", "conj", "cop", "csubj",
        "csubj:pass", "dep", "det", "det:poss", "discourse", "dislocated", "expl", "expl:pv",
        "fixed", "flat", "flat:foreign", "flat:name", "goeswith", "iobj", "list", "mark",
        "nmod", "nmod:poss", "nsubj", "nsubj:pass", "nummod", "obj", "obl", "obl:agent",
        "obl:arg", "obl:tmod", "orphan", "parataxis", "punct", "reparandum", "root",
        "vocative", "xcomp",
    }
)  # fmt: skip

#: The TIGER labels (spaCy's German pipelines use all but ``oa2``, ``sp``).
TIGER_LABELS: Final = frozenset(
    {
        "ac", "adc", "ag", "ams", "app", "avc", "cc", "cd", "cj", "cm", "cp", "cvc", "da",
        "dep", "dh", "dm", "ep", "ju", "mnr", "mo", "ng", "nk", "nmc", "oa", "oa2", "oc", "og",
        "op", "par", "pd", "pg", "ph", "pm", "pnc", "punct", "rc", "re", "root", "rs", "sb",
        "sbp", "sp", "svp", "uc", "vo",
    }
)  # fmt: skip

# Labels that occur in one scheme only: they decide which scheme a parse uses. "cc",
# "punct", "dep" and "root" are shared (and TIGER's "cc" means something else).
_TIGER_ONLY: Final = TIGER_LABELS - {"cc", "punct", "dep", "root"}
_UD_ONLY: Final = frozenset(label.split(":")[0] for label in UD_LABELS) - {
    "cc", "punct", "dep", "root",
}  # fmt: skip

# UD v1 spellings (older models and treebanks) and common variants, to UD v2.
_UD_RENAMES: Final = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "neg": "advmod",
    "name": "flat:name",
    "mwe": "fixed",
    "nmod:agent": "obl:agent",
    "prt": "compound:prt",
    "poss": "nmod:poss",
    "relcl": "acl:relcl",
}


def base(label: str) -> str:
    """The universal part of a label: ``"nsubj:pass"`` -> ``"nsubj"``."""
    return label.split(":", 1)[0]


def ud_label(raw: str) -> str:
    """A UD label (v1 or v2, any case) in the normalised spelling; ``""`` stays ``""``."""
    label = raw.strip().lower()
    if not label:
        return ""
    return _UD_RENAMES.get(label, label)


def detect_scheme(labels: Iterable[str]) -> Scheme | None:
    """Which scheme a set of dependency labels comes from; None if they do not tell.

    Counts the labels found only in TIGER and only in UD; the larger count wins. A parse
    with nothing but shared labels ("ROOT", "punct") does not tell.
    """
    tiger = ud = 0
    for raw in set(labels):
        label = raw.lower()
        if label in _TIGER_ONLY:
            tiger += 1
        elif base(ud_label(label)) in _UD_ONLY:
            ud += 1
    if tiger == ud:
        return None
    return "tiger" if tiger > ud else "ud"


# -- part of speech ------------------------------------------------------------------------

#: STTS (the German tag set, with TIGER's "PROAV") to UPOS, as in the German UD treebanks:
#: modal verbs are AUX, separable verb particles (PTKVZ) ADP.
STTS_TO_UPOS: Final = {
    "$(": "PUNCT", "$,": "PUNCT", "$.": "PUNCT", "$[": "PUNCT",
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV",
    "APPO": "ADP", "APPR": "ADP", "APPRART": "ADP", "APZR": "ADP",
    "ART": "DET", "CARD": "NUM", "FM": "X", "ITJ": "INTJ",
    "KOKOM": "CCONJ", "KON": "CCONJ", "KOUI": "SCONJ", "KOUS": "SCONJ",
    "NE": "PROPN", "NN": "NOUN", "NNE": "PROPN",
    "PAV": "ADV", "PROAV": "ADV", "PWAV": "ADV",
    "PDAT": "DET", "PIAT": "DET", "PIDAT": "DET", "PPOSAT": "DET", "PRELAT": "DET",
    "PWAT": "DET",
    "PDS": "PRON", "PIS": "PRON", "PPER": "PRON", "PPOSS": "PRON", "PRELS": "PRON",
    "PRF": "PRON", "PWS": "PRON",
    "PTKA": "PART", "PTKANT": "PART", "PTKNEG": "PART", "PTKZU": "PART", "PTKVZ": "ADP",
    "TRUNC": "X", "XY": "X",
    "VAFIN": "AUX", "VAIMP": "AUX", "VAINF": "AUX", "VAPP": "AUX",
    "VMFIN": "AUX", "VMINF": "AUX", "VMPP": "AUX",
    "VVFIN": "VERB", "VVIMP": "VERB", "VVINF": "VERB", "VVIZU": "VERB", "VVPP": "VERB",
    "_SP": "SPACE",
}  # fmt: skip


def upos_from_stts(tag: str) -> str:
    """The UPOS for an STTS tag; ``""`` for an empty or unknown tag."""
    return STTS_TO_UPOS.get(tag, "")


def capitalised_adverbs_as_names(
    forms: list[str], upos: list[str], tags: list[str], sentence_starts: Iterable[int]
) -> None:
    """Read as a proper noun, in place, a word the tagger took for an adverb although it
    is capitalised inside its sentence after a word: German writes adverbs in lower case
    there, so it is a name the tagger did not know ("…, sagte Schuch." came out as ADV,
    and its sentence lost its speaker). Sentence starts and words after punctuation (a
    colon, an opening mark) keep their tags."""
    starts = set(sentence_starts)
    for i in range(1, len(forms)):
        if (
            upos[i] == "ADV"
            and i not in starts
            and forms[i][:1].isupper()
            and forms[i][1:].islower()
            and forms[i - 1][:1].isalpha()
        ):
            upos[i] = "PROPN"
            if tags[i]:
                tags[i] = "NE"


# -- entity types ----------------------------------------------------------------------------

#: The normalised entity types.
ENTITY_LABELS: Final = ("PER", "ORG", "LOC", "MISC")

_ENTITY_TYPES: Final = {
    "PER": "PER", "PERSON": "PER", "I-PER": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC", "FAC": "LOC", "FACILITY": "LOC",
    "MISC": "MISC", "OTH": "MISC", "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}  # fmt: skip


@lru_cache(maxsize=1024)
def entity_label(raw: str) -> str:
    """PER, ORG, LOC or MISC for an entity type of any common tag set.

    GermEval's derived and partial types ("LOCderiv" for "deutsche", "PERpart" for
    "Merkel-Regierung") are not mentions of the entity itself: MISC. Numeric and temporal
    types of OntoNotes-style models (DATE, MONEY, …) and anything unknown: MISC too; the
    raw label is kept beside the normalised one.
    """
    label = raw.strip()
    if label[:2] in ("B-", "I-", "E-", "S-", "L-", "U-"):
        label = label[2:]
    upper = label.upper()
    if upper.endswith(("DERIV", "PART")):
        return "MISC"
    return _ENTITY_TYPES.get(upper, "MISC")
