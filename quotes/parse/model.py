"""The parse layer: tokens, trees, sentences and entities, whatever parser made them.

A :class:`ParsedDoc` holds the original text and one :class:`ParsedToken` per syntactic
word. Everything is immutable; tokens are named tuples (cheap to build, cheap to read).

Conventions:

* **Offsets** are character offsets into the original ``str``:
  ``doc.text[t.start:t.end] == t.text`` for every token, as for every Span in the library.
* **Multi-word tokens.** UD splits some surface tokens into several syntactic words
  ("zum" = "zu" + "dem"). Each word is a token of its own (it has its own lemma, POS and
  place in the tree) and carries the *surface token's* offsets and text; ``form`` holds the
  word itself ("zu", "dem") and ``multiword`` is True. The words of one surface token are
  listed in :attr:`ParsedDoc.multiwords`. So offsets stay exact, and character ranges of
  consecutive tokens never overlap except for words of one multi-word token, which share
  theirs exactly.
* **Heads** are absolute token indices. A sentence's root points to itself
  (``t.head == t.i``), so ``doc[t.head]`` is always a token; without a parser every token
  is its own root and ``dep`` is ``""``.
* **Labels**: ``dep`` is the normalised UD label (see :mod:`quotes.parse.labels`),
  ``dep_raw`` the parser's own. ``upos`` is the universal POS ("" when unknown), ``tag``
  the language-specific tag (STTS for German; "" when the parser has none).
* **Absent annotations** are empty strings (lemma, tag, labels) or an empty :class:`Morph`;
  the ``has_*`` flags of the document say which layers the parser filled.
"""

from __future__ import annotations

import contextlib
import contextvars
import itertools
import operator
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, NamedTuple, overload

import attrs

from quotes.parse.checks import check
from quotes.parse.labels import Scheme, base
from quotes.parse.morph import EMPTY_MORPH, Morph
from quotes.records import Span

__all__ = [
    "EMPTY_MORPH",
    "Columns",
    "Entity",
    "Layers",
    "Morph",
    "Multiword",
    "ParsedDoc",
    "ParsedToken",
    "Sentence",
]


_FINITE_TAGS: Final = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"})
_HEAD: Final = operator.itemgetter(9)  # ParsedToken.head


class ParsedToken(NamedTuple):
    """One syntactic word with its analysis. See the module notes for the conventions."""

    i: int
    """Index in the document."""
    text: str
    """The surface text, ``original[start:end]`` (the whole "zum" for its words)."""
    start: int
    end: int
    form: str
    """The word as the parser saw it: "dem" of "zum", or a normalised spelling."""
    lemma: str
    upos: str
    tag: str
    morph: Morph
    head: int
    """Absolute index of the head; the root points to itself."""
    dep: str
    """Normalised UD label ("nsubj", "obl:agent", "root"; "" without a parser)."""
    dep_raw: str
    """The parser's own label ("sb", "ROOT", "nsubj:pass")."""
    sent: int
    """Index of the sentence."""
    multiword: bool
    """Whether this word is part of a multi-word token ("zum", "am")."""

    @property
    def is_root(self) -> bool:
        return self.head == self.i

    @property
    def dep_base(self) -> str:
        """The label without its subtype: "nsubj" for "nsubj:pass"."""
        return base(self.dep)

    @property
    def mood(self) -> str:
        return self.morph.mood

    @property
    def person(self) -> str:
        return self.morph.person

    @property
    def number(self) -> str:
        return self.morph.number

    @property
    def tense(self) -> str:
        return self.morph.tense

    @property
    def verbform(self) -> str:
        return self.morph.verbform

    @property
    def is_verb(self) -> bool:
        """A verb or auxiliary (modals are AUX in UD)."""
        return self.upos in ("VERB", "AUX")

    @property
    def is_finite_verb(self) -> bool:
        """A finite verb: VerbForm=Fin, or a finite STTS tag when there is no morphology."""
        verbform = self.morph.verbform
        if verbform:
            return verbform == "Fin" and self.upos in ("VERB", "AUX", "")
        return self.tag in _FINITE_TAGS

    @property
    def is_subjunctive(self) -> bool:
        """The parser's Mood=Sub, as is.

        Taggers confuse Konjunktiv I and indicative where the forms coincide ("sie
        sagen"), so this is the raw model feature; decide indirect speech with a lexicon
        on top of it.
        """
        return self.morph.mood == "Sub"

    @property
    def is_punct(self) -> bool:
        return self.upos == "PUNCT" or self.dep == "punct"

    def span(self) -> Span:
        """The token's stretch of the original text."""
        return Span(self.start, self.end, self.text)


class Sentence(NamedTuple):
    """A sentence as the token range ``start:end`` (end exclusive)."""

    start: int
    end: int

    @property
    def indices(self) -> range:
        return range(self.start, self.end)


class Entity(NamedTuple):
    """A named entity over the tokens ``start:end`` (end exclusive).

    ``label`` is PER, ORG, LOC or MISC; ``label_raw`` the recogniser's own type.
    """

    start: int
    end: int
    label: str
    label_raw: str


class Multiword(NamedTuple):
    """The words ``start:end`` that make up one surface token ``text`` ("zum")."""

    start: int
    end: int
    text: str


class Columns(NamedTuple):
    """The per-token columns an adapter fills, one per :class:`ParsedToken` field it
    reads (None: the parser has no such layer). See :meth:`ParsedDoc.from_columns`."""

    starts: Sequence[int]
    ends: Sequence[int]
    forms: Sequence[str] | None = None
    lemmas: Sequence[str] | None = None
    upos: Sequence[str] | None = None
    tags: Sequence[str] | None = None
    morphs: Sequence[Morph] | None = None
    heads: Sequence[int] | None = None
    deps: Sequence[str] | None = None
    deps_raw: Sequence[str] | None = None

    @classmethod
    def lists(cls) -> Columns:
        """Ten empty lists, for an adapter that appends token by token."""
        return cls([], [], [], [], [], [], [], [], [], [])


class Layers(NamedTuple):
    """Which layers a parser filled (the ``has_*`` flags of a :class:`ParsedDoc`)."""

    parse: bool
    tags: bool
    morph: bool
    lemmas: bool
    entities: bool

    @classmethod
    def common(cls, parses: Iterable[ParsedDoc]) -> Layers:
        """The layers every one of ``parses`` has (all of them for none)."""
        parses = tuple(parses)
        return cls(
            all(p.has_parse for p in parses),
            all(p.has_tags for p in parses),
            all(p.has_morph for p in parses),
            all(p.has_lemmas for p in parses),
            all(p.has_entities for p in parses),
        )


#: True only inside :func:`checked_by_construction`.
_BUILT_CHECKED: Final = contextvars.ContextVar("quotes_parse_built_checked", default=False)


@contextlib.contextmanager
def checked_by_construction() -> Iterator[None]:
    """Build ParsedDocs without :func:`~quotes.parse.checks.check` inside the block (in
    this thread or task only): for a document made of parts that were each checked when
    built, moved in a way that keeps every invariant (:func:`quotes.parse.assembly.assemble`,
    whose test checks its output). Internal: a document from anywhere else is checked."""
    token = _BUILT_CHECKED.set(True)
    try:
        yield
    finally:
        _BUILT_CHECKED.reset(token)


@attrs.frozen(slots=True)
class ParsedDoc:
    """A parsed text: tokens, sentences, entities, and lookups over them.

    Build it with an adapter (:func:`quotes.parse.from_spacy`,
    :func:`quotes.parse.from_stanza`) or :meth:`from_columns`. It checks its invariants
    when built: offsets lie in the text and match token texts, heads and ranges are in
    bounds, sentences tile the tokens, entity labels are normalised.
    """

    text: str
    tokens: tuple[ParsedToken, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...] = ()
    multiwords: tuple[Multiword, ...] = ()
    scheme: Scheme | None = None
    """The label scheme of the parser ("ud" or "tiger"); None when it cannot be told."""
    source: str = ""
    """Where the parse came from ("spacy", "stanza")."""
    has_parse: bool = True
    has_tags: bool = True
    has_morph: bool = True
    has_lemmas: bool = True
    has_entities: bool = True
    # Lookup tables, made on first use.
    _starts: list[int] | None = attrs.field(default=None, init=False, eq=False, repr=False)
    _children: tuple[tuple[int, ...], ...] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )
    _entity_of: dict[int, Entity] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        if not _BUILT_CHECKED.get():
            check(self)

    @classmethod
    def from_columns(
        cls,
        text: str,
        *,
        starts: Sequence[int],
        ends: Sequence[int],
        forms: Sequence[str] | None = None,
        lemmas: Sequence[str] | None = None,
        upos: Sequence[str] | None = None,
        tags: Sequence[str] | None = None,
        morphs: Sequence[Morph] | None = None,
        heads: Sequence[int] | None = None,
        deps: Sequence[str] | None = None,
        deps_raw: Sequence[str] | None = None,
        sentence_starts: Sequence[int] = (0,),
        entities: Iterable[Entity] = (),
        multiwords: Iterable[Multiword] = (),
        scheme: Scheme | None = None,
        source: str = "",
        has_parse: bool | None = None,
        has_tags: bool | None = None,
        has_morph: bool | None = None,
        has_lemmas: bool | None = None,
        has_entities: bool = False,
    ) -> ParsedDoc:
        """Build from one sequence per attribute (what adapters produce).

        Token texts are cut from ``text`` with the offsets; ``forms`` default to them.
        Missing columns are empty (heads: every token its own root) and their ``has_*``
        flag is False unless given. ``sentence_starts`` are the token indices where
        sentences begin (token 0 always does).
        """
        n = len(starts)
        texts = list(map(text.__getitem__, map(slice, starts, ends)))  # lengths: zip below
        empty = [""] * n
        multiwords = tuple(multiwords)
        in_multiword = [False] * n
        for mwt in multiwords:  # out-of-range groups are refused by the check below
            for j in range(max(mwt.start, 0), min(mwt.end, n)):
                in_multiword[j] = True
        sentence_of = _sentence_indices(n, sentence_starts)
        tokens = tuple(
            map(
                ParsedToken._make,
                zip(
                    range(n),
                    texts,
                    starts,
                    ends,
                    forms if forms is not None else texts,
                    lemmas if lemmas is not None else empty,
                    upos if upos is not None else empty,
                    tags if tags is not None else empty,
                    morphs if morphs is not None else [EMPTY_MORPH] * n,
                    heads if heads is not None else range(n),
                    deps if deps is not None else empty,
                    deps_raw if deps_raw is not None else empty,
                    sentence_of,
                    in_multiword,
                    strict=True,
                ),
            )
        )
        bounds = sorted({0, *(s for s in sentence_starts if 0 < s < n)}) if n else []
        sentences = tuple(itertools.starmap(Sentence, itertools.pairwise([*bounds, n])))
        return cls(
            text,
            tokens,
            sentences,
            tuple(entities),
            multiwords,
            scheme,
            source,
            has_parse=heads is not None if has_parse is None else has_parse,
            has_tags=tags is not None if has_tags is None else has_tags,
            has_morph=morphs is not None if has_morph is None else has_morph,
            has_lemmas=lemmas is not None if has_lemmas is None else has_lemmas,
            has_entities=has_entities,
        )

    @classmethod
    def of_parser(
        cls,
        text: str,
        columns: Columns,
        layers: Layers,
        sentence_starts: Sequence[int],
        entities: Iterable[Entity] = (),
        multiwords: Iterable[Multiword] = (),
        *,
        scheme: Scheme | None,
        source: str,
    ) -> ParsedDoc:
        """:meth:`from_columns` from an adapter's :class:`Columns` and :class:`Layers`."""
        return cls.from_columns(
            text,
            **columns._asdict(),
            sentence_starts=sentence_starts,
            entities=entities,
            multiwords=multiwords,
            scheme=scheme,
            source=source,
            has_parse=layers.parse,
            has_tags=layers.tags,
            has_morph=layers.morph,
            has_lemmas=layers.lemmas,
            has_entities=layers.entities,
        )

    # -- sequence protocol ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.tokens)

    @overload
    def __getitem__(self, index: int) -> ParsedToken: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[ParsedToken, ...]: ...
    def __getitem__(self, index: int | slice) -> ParsedToken | tuple[ParsedToken, ...]:
        return self.tokens[index]

    # -- characters <-> tokens -------------------------------------------------------------
    def token_at(self, offset: int) -> ParsedToken | None:
        """The token whose text covers character ``offset``; None between tokens.

        For a multi-word token this is its first word.
        """
        starts = self._token_starts()
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return None
        # Words of one multi-word token share their start: step back to the first.
        while index > 0 and starts[index - 1] == starts[index]:
            index -= 1
        token = self.tokens[index]
        return token if token.start <= offset < token.end else None

    def tokens_in(self, start: int, end: int) -> tuple[ParsedToken, ...]:
        """The tokens that overlap the characters ``start:end``, in order."""
        starts = self._token_starts()
        index = max(bisect_right(starts, start) - 1, 0)
        while index > 0 and starts[index - 1] == starts[index]:
            index -= 1
        found = []
        for token in self.tokens[index:]:
            if token.start >= end:
                break
            if token.end > start or token.start == start:  # empty spans at start count
                found.append(token)
        return tuple(found)

    def span(self, first: int, end: int) -> Span:
        """The characters of tokens ``first:end`` (end exclusive) as a Span."""
        if not 0 <= first < end <= len(self.tokens):
            raise IndexError(f"token range {first}:{end} is empty or outside the document")
        return Span.of(self.text, self.tokens[first].start, self.tokens[end - 1].end)

    # -- the tree --------------------------------------------------------------------------
    def head_of(self, i: int) -> ParsedToken:
        """The head of token ``i`` (itself for a root)."""
        return self.tokens[self.tokens[i].head]

    def children(self, i: int, *deps: str) -> tuple[ParsedToken, ...]:
        """The dependents of token ``i`` in text order, optionally only those with a label.

        A label without subtype matches its subtypes: ``children(i, "nsubj")`` also gives
        ``nsubj:pass``; ``children(i, "nsubj:pass")`` only that.
        """
        found = tuple(map(self.tokens.__getitem__, self._children_table()[i]))
        if not deps:
            return found
        return tuple(t for t in found if t.dep in deps or t.dep.split(":", 1)[0] in deps)

    def ancestors(self, i: int) -> Iterator[ParsedToken]:
        """The heads above token ``i``, nearest first, up to the root."""
        tokens = self.tokens
        current = tokens[i]
        for _ in range(len(tokens)):  # bounded: a malformed tree cannot loop forever
            if current.head == current.i:
                return
            current = tokens[current.head]
            yield current

    def is_ancestor(self, ancestor: int, i: int) -> bool:
        """Whether token ``ancestor`` dominates token ``i`` (a token dominates itself)."""
        return ancestor == i or any(t.i == ancestor for t in self.ancestors(i))

    def subtree(self, i: int) -> tuple[ParsedToken, ...]:
        """Token ``i`` and everything below it, in text order."""
        table = self._children_table()
        found = [i]
        stack = [i]
        while stack:
            children = table[stack.pop()]
            found.extend(children)
            stack.extend(children)
        found.sort()
        return tuple(self.tokens[j] for j in found)

    def subtree_range(self, i: int) -> tuple[int, int]:
        """``(first, end)``: the token range from the leftmost to the rightmost descendant.

        For non-projective trees this range may include tokens outside the subtree.
        """
        indices = [t.i for t in self.subtree(i)]
        return indices[0], indices[-1] + 1

    def subtree_span(self, i: int) -> Span:
        """The characters of :meth:`subtree_range`."""
        return self.span(*self.subtree_range(i))

    # -- sentences -------------------------------------------------------------------------
    def sentence_of(self, i: int) -> Sentence:
        return self.sentences[self.tokens[i].sent]

    def sentence_tokens(self, k: int) -> tuple[ParsedToken, ...]:
        sentence = self.sentences[k]
        return self.tokens[sentence.start : sentence.end]

    def sentence_span(self, k: int) -> Span:
        sentence = self.sentences[k]
        return self.span(sentence.start, sentence.end)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence of the token at character ``offset``, if a token is there."""
        token = self.token_at(offset)
        return None if token is None else self.sentences[token.sent]

    def root_of(self, k: int) -> ParsedToken:
        """The (first) root of sentence ``k``."""
        sentence = self.sentences[k]
        for token in self.tokens[sentence.start : sentence.end]:
            if token.head == token.i:
                return token
        raise AssertionError("unreachable: every sentence has a root (checked when built)")

    # -- entities and multi-word tokens ----------------------------------------------------
    def entity_at(self, i: int) -> Entity | None:
        """The entity that token ``i`` belongs to, if any."""
        table = self._entity_of
        if table is None:
            table = {j: e for e in self.entities for j in range(e.start, e.end)}
            object.__setattr__(self, "_entity_of", table)
        return table.get(i)

    def entity_span(self, entity: Entity) -> Span:
        return self.span(entity.start, entity.end)

    def multiword_of(self, i: int) -> Multiword | None:
        """The multi-word token that word ``i`` is part of, if any."""
        if not self.tokens[i].multiword:
            return None
        for mwt in self.multiwords:
            if mwt.start <= i < mwt.end:
                return mwt
        return None

    # -- lookup tables ---------------------------------------------------------------------
    def _token_starts(self) -> list[int]:
        starts = self._starts
        if starts is None:
            starts = [t.start for t in self.tokens]
            object.__setattr__(self, "_starts", starts)
        return starts

    def _children_table(self) -> tuple[tuple[int, ...], ...]:
        table = self._children
        if table is None:
            # Most tokens have no dependents (all filler tokens are their own roots): only
            # the heads that have some get a list.
            lists: dict[int, list[int]] = {}
            for i, head in enumerate(map(_HEAD, self.tokens)):
                if head != i:
                    found = lists.get(head)
                    if found is None:
                        lists[head] = [i]
                    else:
                        found.append(i)
            rows: list[tuple[int, ...]] = [()] * len(self.tokens)
            for head, found in lists.items():
                rows[head] = tuple(found)
            table = tuple(rows)
            object.__setattr__(self, "_children", table)
        return table


def _sentence_indices(n: int, sentence_starts: Sequence[int]) -> list[int]:
    is_start = [False] * n
    for s in sentence_starts:
        if 0 <= s < n:
            is_start[s] = True
    if n:
        is_start[0] = False  # counted from 0 below
    return list(itertools.accumulate(is_start, initial=0))[1:] if n else []
