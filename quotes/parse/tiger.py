"""The TIGER -> UD conversion of :mod:`quotes.parse.labels`: :func:`convert_tiger`
relabels every token of a TIGER tree and, unless told not to, restructures it the UD way;
:func:`tiger_label` is the label mapping for one token in its context.

Approximations of the TIGER mapping (a label by itself does not say enough, so the
dependent's part of speech, verb form and children decide):

* ``nk`` (noun kernel) -> ``det`` / ``amod`` / ``nummod`` / ``nmod`` by the dependent's
  POS; a nominal ``nk`` under a preposition becomes the head of the phrase.
* ``mo`` (modifier) -> ``advcl`` for clauses, ``obl`` for nominals under a verb or
  adjective (``nmod`` under a noun), ``advmod`` otherwise.
* ``oc`` (clausal object) -> ``ccomp`` for finite clauses (finite verb, complementizer,
  finite auxiliary or subject), ``xcomp`` for bare and zu-infinitives; under an auxiliary
  it is the verb chain and is restructured (``aux``, ``aux:pass``).
* ``op`` (prepositional object) -> ``obl:arg`` (a UD subtype; ``base()`` is ``obl``).
* ``og`` (genitive object), ``oa2`` -> ``obj``; ``da`` -> ``iobj``.
* ``sb`` -> ``nsubj`` (``csubj`` for clauses, ``:pass`` in passives); ``sbp`` -> ``obl:agent``;
  ``sp`` (subject or predicate) -> ``nsubj``.
* ``ag`` (genitive attribute) -> ``nmod`` (``nmod:poss`` before its head); ``pg`` -> ``nmod``.
* ``rs`` (reported speech) -> ``ccomp``: TIGER attaches the quoted clause to the verb of
  saying, the direction UD's ``ccomp`` has. UD parsers often attach a parenthetical
  "sagte er" to the quote as ``parataxis`` instead; detectors should accept both.
* ``re`` (repeated element: the clause of "darauf ..., dass") -> ``ccomp``, re-attached
  from the correlate to the correlate's verb when restructuring.
* ``pd`` (predicative) -> ``cop`` restructuring under ``sein``; ``xcomp`` elsewhere.
* ``pnc`` (proper noun component) -> ``flat:name``; restructured so the first name heads.
* ``cm`` (comparative "als"/"wie") -> ``case`` before nominals, ``mark`` before clauses;
  TIGER ``cc`` (comparative complement, not UD's ``cc``!) -> ``obl`` / ``advcl``.
* ``pm`` (morphological particle) -> ``mark`` for "zu", ``advmod`` for "am" (superlative).
* ``svp`` -> ``compound:prt``; ``ng`` -> ``advmod``; ``ep``/``ph`` -> ``expl``;
  ``dm`` -> ``discourse``; ``ju`` -> ``cc``; ``cp`` -> ``mark``; ``cd`` -> ``cc``;
  ``cj`` -> ``conj``; ``app`` -> ``appos``; ``rc`` -> ``acl:relcl``; ``par`` -> ``parataxis``;
  ``dh`` -> ``dislocated``; ``vo`` -> ``vocative``; ``uc`` -> ``flat``; ``nmc`` -> ``nummod``;
  ``avc`` -> ``advmod``; ``adc`` -> ``amod``; ``ams``/``cvc`` -> ``obl``; ``ac`` -> ``case``.
* Copula restructuring applies to ``sein`` only (as in the German UD treebanks);
  "werden"/"bleiben" + predicative keep the verb as head with ``xcomp``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

__all__ = ["convert_tiger", "tiger_label"]


_NOMINAL: Final = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
_VERBAL: Final = frozenset({"VERB", "AUX"})
_NONFINITE_TAGS: Final = frozenset({"VVINF", "VAINF", "VMINF", "VVPP", "VAPP", "VMPP"})
_FINITE_TAGS: Final = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"})
_CORRELATE_TAGS: Final = frozenset({"PROAV", "PAV", "PPER", "PDS"})

# Labels whose mapping depends on whether the dependent heads a clause.
_CLAUSAL_CONTEXT: Final = frozenset({"sb", "oa", "oa2", "og", "oc", "op", "mo", "mnr", "cc", "re"})

# The context-free part of the TIGER mapping; labels missing here depend on context.
_TIGER_SIMPLE: Final = {
    "ac": "case", "adc": "amod", "ams": "obl", "app": "appos", "avc": "advmod",
    "cd": "cc", "cj": "conj", "cp": "mark", "cvc": "obl", "da": "iobj", "dep": "dep",
    "dh": "dislocated", "dm": "discourse", "ep": "expl", "ju": "cc", "ng": "advmod",
    "nmc": "nummod", "par": "parataxis", "pg": "nmod", "ph": "expl", "pnc": "flat:name",
    "punct": "punct", "rc": "acl:relcl", "rs": "ccomp", "sbp": "obl:agent", "sp": "nsubj",
    "svp": "compound:prt", "uc": "flat", "vo": "vocative",
}  # fmt: skip


def tiger_label(
    raw: str,
    upos: str,
    tag: str = "",
    head_upos: str = "",
    *,
    is_clause: bool = False,
    is_finite_clause: bool = False,
    before_head: bool = False,
) -> str:
    """The normalised UD label for one TIGER label, in the context that decides it.

    ``is_clause``: the dependent heads a clause (a verb, or a word with a complementizer,
    copula or auxiliary); ``is_finite_clause``: that clause is finite. ``before_head``: the
    dependent precedes its head (prenominal genitives are ``nmod:poss``).
    """
    label = raw.lower()
    simple = _TIGER_SIMPLE.get(label)
    if simple is not None:
        return simple
    nominal_head = head_upos in _NOMINAL
    match label:
        case "root":
            return "root"
        case "sb":
            return "csubj" if is_clause else "nsubj"
        case "oa" | "oa2" | "og":
            return "ccomp" if is_clause else "obj"
        case "oc":
            if not is_clause and upos not in _VERBAL:
                return "ccomp" if upos in ("ADJ", "SCONJ") else "obj"
            return "ccomp" if is_finite_clause else "xcomp"
        case "op":
            return "ccomp" if is_clause else "obl:arg"
        case "mo":
            if is_clause:
                return "advcl"
            if upos in _NOMINAL:
                return "nmod" if nominal_head else "obl"
            return "advmod"
        case "mnr":
            if is_clause:
                return "acl"
            if upos in _NOMINAL:
                return "nmod"
            return "amod" if upos == "ADJ" else "advmod"
        case "nk":
            return _nk_label(upos, tag)
        case "ag":
            return "nmod:poss" if before_head else "nmod"
        case "cm":
            return "mark" if head_upos in _VERBAL else "case"
        case "cc":  # TIGER: comparative complement ("größer als er")
            return "advcl" if is_clause else "obl"
        case "re":
            return "ccomp" if is_clause else "dep"
        case "pd":
            return "xcomp"
        case "pm":
            return "mark" if tag == "PTKZU" or (upos == "PART" and not tag) else "advmod"
        case _:
            return "dep"


def _nk_label(upos: str, tag: str) -> str:
    if upos == "DET":
        return "det:poss" if tag == "PPOSAT" else "det"
    if upos in ("ADJ", "VERB"):  # attributive participles are tagged ADJA but may be VERB
        return "amod"
    if upos == "NUM":
        return "nummod"
    if upos in _NOMINAL:
        return "nmod"
    if upos == "ADP":
        return "case"
    if upos in ("ADV", "PART"):
        return "advmod"
    if upos == "PUNCT":
        return "punct"
    return "dep"


def convert_tiger(
    heads: Sequence[int],
    labels: Sequence[str],
    upos: Sequence[str],
    tags: Sequence[str],
    lemmas: Sequence[str],
    verbforms: Sequence[str],
    *,
    forms: Sequence[str] | None = None,
    restructure: bool = True,
) -> tuple[list[int], list[str]]:
    """Convert a TIGER tree to normalised UD: new heads and labels.

    Heads are absolute token indices, the root pointing to itself (a forest of several
    sentences is fine). With ``restructure`` the tree is rebuilt the UD way, in this order:
    prepositional phrases (the noun heads, the preposition becomes ``case``), verb chains
    (the lexical verb heads, auxiliaries and modals become ``aux``/``aux:pass``), copulas
    (the predicate of ``sein`` heads, ``sein`` becomes ``cop``), names (the first part
    heads, the rest is ``flat:name``), correlates (the clause of "darauf …, dass" moves to
    the verb) and coordination (conjuncts attach to the first conjunct, the conjunction to
    the conjunct after it). Without it only the labels change.

    Copulas and passives are told by the lemmas "sein" and "werden"; where a lemma is
    empty (no lemmatizer) the word ``forms``, if given, stand in ("ist", "wurde").
    """
    if forms is not None:
        lemmas = [
            lemma or _AUX_LEMMAS.get(form.lower(), "")
            for lemma, form in zip(lemmas, forms, strict=True)
        ]
    return _TigerConverter(heads, labels, upos, tags, lemmas, verbforms).run(restructure)


_SEIN_FORMS: Final = (
    "sein bin bist ist sind seid war warst waren wart sei seist seiest seien seiet wäre wärst "
    "wärest wären wäret gewesen"
)
_WERDEN_FORMS: Final = (
    "werden werde wirst wird werdet wurde wurdest wurden wurdet würde würdest würden würdet "
    "worden geworden"
)
_AUX_LEMMAS: Final = {
    **dict.fromkeys(_SEIN_FORMS.split(), "sein"),
    **dict.fromkeys(_WERDEN_FORMS.split(), "werden"),
}


class _TigerConverter:
    """One conversion; holds the tree while it is rebuilt."""

    def __init__(
        self,
        heads: Sequence[int],
        labels: Sequence[str],
        upos: Sequence[str],
        tags: Sequence[str],
        lemmas: Sequence[str],
        verbforms: Sequence[str],
    ) -> None:
        n = len(heads)
        self.heads = list(heads)
        # The TIGER relation each token stands in, updated when a token takes over
        # another's place (the noun of a PP takes the preposition's "mo").
        self.rel = [label.lower() for label in labels]
        self.upos = upos
        self.tags = tags
        self.lemmas = lemmas
        self.verbforms = verbforms
        # Final labels fixed by restructuring ("case", "aux", …); None: map from rel.
        self.fixed: list[str | None] = [None] * n
        # Children as insertion-ordered sets: moving a child is O(1) even under a head
        # with thousands of dependents (a broken parse). Where order matters, sort.
        self.children: list[dict[int, None]] = [{} for _ in range(n)]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head][i] = None

    # -- tree surgery ----------------------------------------------------------------------
    def attach(self, child: int, head: int) -> None:
        old = self.heads[child]
        if old != child:
            del self.children[old][child]
        if head == child:
            self.heads[child] = child
            return
        self.heads[child] = head
        self.children[head][child] = None

    def promote(self, dependent: int, over: int, fixed: str) -> None:
        """Put ``dependent`` in the place of its head ``over``; ``over`` becomes its child.

        ``dependent`` takes ``over``'s head and relation; every other child of ``over``
        moves to ``dependent``; ``over`` is labelled ``fixed``.
        """
        head = self.heads[over]
        self.attach(dependent, dependent if head == over else head)
        self.rel[dependent] = self.rel[over]
        for child in list(self.children[over]):
            self.attach(child, dependent)
        self.attach(over, dependent)
        self.fixed[over] = fixed

    # -- the steps ---------------------------------------------------------------------------
    def run(self, restructure: bool) -> tuple[list[int], list[str]]:
        if restructure:
            self.prepositional_phrases()
            self.verb_chains()
            self.copulas()
            self.names()
            self.correlates()
            self.coordination()
        return self.heads, [self.label(i) for i in range(len(self.heads))]

    def prepositional_phrases(self) -> None:
        for p, pos in enumerate(self.upos):
            if pos != "ADP" or self.tags[p] == "PTKVZ":
                continue
            kernels = [c for c in self.children[p] if self.rel[c] == "nk" and self.fixed[c] is None]
            if not kernels:
                continue
            nominal = [c for c in kernels if self.upos[c] in _NOMINAL]
            candidates = nominal or kernels
            # A postposition ("der Sache wegen") follows its noun; others precede it.
            kernel = min(candidates) if self.tags[p] == "APPO" else max(candidates)
            self.promote(kernel, p, "case")
            if self.rel[kernel] == "sbp":
                self.fixed[kernel] = "obl:agent"

    def is_aux_over(self, verb: int) -> int | None:
        """The non-finite verb that ``verb`` governs as an auxiliary or modal, if any."""
        tag = self.tags[verb]
        if tag:
            if not tag.startswith(("VA", "VM")):
                return None
        elif self.upos[verb] != "AUX":
            return None
        for child in sorted(self.children[verb]):
            if self.rel[child] != "oc" or not self.is_nonfinite_verb(child):
                continue
            # "ist zu erwarten", "hat zu tun": zu-infinitives stay complements.
            if any(self.tags[c] == "PTKZU" for c in self.children[child]):
                continue
            return child
        return None

    def is_nonfinite_verb(self, i: int) -> bool:
        if self.tags[i]:
            return self.tags[i] in _NONFINITE_TAGS
        return self.upos[i] in _VERBAL and self.verbforms[i] in ("Inf", "Part")

    def verb_chains(self) -> None:
        below = [self.is_aux_over(i) for i in range(len(self.heads))]
        in_chain = {c for c in below if c is not None}
        for top, first in enumerate(below):
            if first is None or top in in_chain:
                continue  # not an auxiliary, or not the top of its chain
            chain = [top]
            current: int | None = first
            while current is not None and current not in chain:
                chain.append(current)
                current = below[current]
            lexical = chain[-1]
            passive = False
            for aux, governed in itertools.pairwise(chain):
                is_passive = self.lemmas[aux] == "werden" and self.is_participle(governed)
                passive = passive or is_passive
                self.fixed[aux] = "aux:pass" if is_passive else "aux"
            # Move the chain's dependents to the lexical verb, top first, so the lexical
            # verb ends up where the top auxiliary was.
            self.promote(lexical, top, self.fixed[top] or "aux")
            for aux in chain[1:-1]:
                for child in list(self.children[aux]):
                    self.attach(child, lexical)
                self.attach(aux, lexical)
            if passive:
                for child in self.children[lexical]:
                    if self.rel[child] == "sb":
                        self.fixed[child] = "nsubj:pass"

    def is_participle(self, i: int) -> bool:
        if self.tags[i]:
            return self.tags[i].endswith("PP")
        return self.verbforms[i] == "Part"

    def copulas(self) -> None:
        for verb, lemma in enumerate(self.lemmas):
            if lemma != "sein" or self.upos[verb] not in ("AUX", "VERB", ""):
                continue
            predicates = [
                c
                for c in self.children[verb]
                if self.rel[c] == "pd" and self.upos[c] not in _VERBAL
            ]
            if predicates:
                self.promote(min(predicates), verb, "cop")

    def names(self) -> None:
        for head in range(len(self.heads)):
            parts = [c for c in self.children[head] if self.rel[c] == "pnc"]
            if not parts:
                continue
            first = min(parts)
            if first < head:
                self.promote(first, head, "flat:name")
                for part in parts:
                    if part != first:
                        self.fixed[part] = "flat:name"
            else:
                for part in parts:
                    self.fixed[part] = "flat:name"

    def correlates(self) -> None:
        for i, rel in enumerate(self.rel):
            if rel != "re" or self.fixed[i] is not None or not self.is_clause(i):
                continue
            correlate = self.heads[i]
            if correlate != i and self.tags[correlate] in _CORRELATE_TAGS:
                verb = self.heads[correlate]
                if verb != correlate:
                    self.attach(i, verb)
                    self.fixed[i] = "ccomp"

    def coordination(self) -> None:
        for i, rel in enumerate(self.rel):
            # A token whose place another took (an auxiliary under its participle) keeps
            # its TIGER relation but is already done.
            if rel != "cj" or self.fixed[i] is not None or self.heads[i] == i:
                continue
            head = self.heads[i]
            if self.rel[head] == "cd" and self.fixed[head] is None:
                # A -cd-> und -cj-> B  becomes  A -conj-> B -cc-> und
                conjunction = head
                head = self.heads[conjunction]
                if head == conjunction:  # "Und B": nothing to coordinate with
                    continue
                self.attach(i, head)
                self.attach(conjunction, i)
                self.fixed[conjunction] = "cc"
            # Later conjuncts hang on the first one, as in UD ("A, B und C").
            while self.fixed[head] == "conj" and self.heads[head] != head:
                head = self.heads[head]
            self.attach(i, head)
            self.fixed[i] = "conj"

    # -- labels ------------------------------------------------------------------------------
    def is_clause(self, i: int) -> bool:
        if self.upos[i] in _VERBAL:
            return True
        return any(
            self.rel[c] == "cp" or self.fixed[c] in ("cop", "aux", "aux:pass")
            for c in self.children[i]
        )

    def is_finite_clause(self, i: int) -> bool:
        if self.is_finite(i):
            return True
        for c in self.children[i]:
            if self.rel[c] in ("cp", "sb"):
                return True
            if self.fixed[c] in ("cop", "aux", "aux:pass") and self.is_finite(c):
                return True
        return False

    def is_finite(self, i: int) -> bool:
        if self.verbforms[i]:
            return self.verbforms[i] == "Fin"
        return self.tags[i] in _FINITE_TAGS

    def label(self, i: int) -> str:
        head = self.heads[i]
        if head == i:
            return "root"
        fixed = self.fixed[i]
        if fixed is not None:
            return fixed
        simple = _TIGER_SIMPLE.get(self.rel[i])
        if simple is not None:  # most tokens: no need to look at the context
            return simple
        clause = self.rel[i] in _CLAUSAL_CONTEXT and self.is_clause(i)
        return tiger_label(
            self.rel[i],
            self.upos[i],
            self.tags[i],
            self.upos[head],
            is_clause=clause,
            is_finite_clause=clause and self.is_finite_clause(i),
            before_head=i < head,
        )
