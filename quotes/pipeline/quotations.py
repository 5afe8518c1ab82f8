"""Stage 2: pair quotation marks into quoted spans and classify each span.

Pairing walks the marks once, paragraph by paragraph, with a stack: an opener is pushed,
a closer pops the nearest opener it pairs with (looking at most ``search_depth`` entries
down, so a stray opener in between costs a bounded amount of work and is dropped), and
the stack never grows beyond ``max_depth``. Every mark is handled in constant time and
each character ends up inside at most ``max_depth + 1`` quotes, so the stage is linear in
the length of the text whatever the input.

Repairs, each recorded in :attr:`Quoted.flags`:

* ``multi_paragraph``: German style repeats the opener at the start of each continued
  paragraph and closes only at the end („para1 ¶ „para2 ¶ „para3.“); a quotation left open
  at the end of a paragraph also runs on when the next paragraph closes it with no opener.
* ``lost_opener``: a paragraph after an introduction ending in a colon that closes a
  quotation it never opened ("Auf X schrieb Costa: ¶ In diesen Zeiten … unterstützen.“")
  is quoted from its first character; so is the clause after a colon in the same
  paragraph. A stray closer anywhere else is ignored.
* ``unclosed``: an opener never closed quotes the rest of its paragraph.

Classification (:attr:`Quoted.category`) looks only at the words right around the marks
(a few words before the opener, one after the closer), so it costs the same for every
quote. A title noun before the opener (Zeitung „…“, Nachrichtenagentur „…“, Film „…“), or
a name-shaped quote in a nominal slot (die „Epoch Times“, laut „Spiegel“, „Tass“ meldete)
makes a title; so does a title noun before a genitive (die Online-Ausgabe des „Spiegel“),
a quote that starts with a title noun („Gesetz zur Änderung des Passgesetzes“) and a short
quote in another language („Piper at the Gates of Dawn“). "Motto" makes a term of a quote
of any length. A term marker (sogenannte „…“, ein solcher „…“), a noun such as Begriff or
Motto, a gloss (kurz „GTA“, Kapitelzeichen („Bookmarks“)), a hyphen compound
(„Jamaika“-Koalition) or gilt als „…“ / wird als „…“ bezeichnet makes a term. Everything
else is speech, including "bezeichnete die Pläne als „Wortbruch“": somebody's words.
Later stages reclassify speech that has no speaker as a term, so "term" here needs
positive evidence. The lexicons are data in ``rules/<lang>/quotations.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, NamedTuple

import attrs
import regex

from quotes.document import Document
from quotes.pipeline.marks import Mark, MarkInventory, mark_inventory
from quotes.records import Span
from quotes.rules import RuleData, compiled

__all__ = ["Category", "Quoted", "QuotedClassifier", "find_quotations"]

Category = Literal["speech", "title", "term"]


@attrs.frozen
class Quoted:
    """A stretch of text between paired quotation marks.

    ``quote`` includes the marks (or starts at the paragraph where an opener was lost);
    ``content`` excludes them. ``parent`` is the index of the enclosing Quoted in the
    stage's output tuple (None at top level) and ``depth`` its nesting level.
    ``category`` is this stage's classification from lexical evidence: "title" (names of
    papers, films, operations: feeds outlet recognition), "term" (scare quotes and
    terms: sogenannte „…“), otherwise "speech". ``flags`` records repairs:
    "lost_opener", "unclosed", "multi_paragraph". ``family`` is the mark family of the
    pair ("low9" for „…“; the closer's family where the opener was lost).
    """

    quote: Span
    content: Span
    open_mark: Mark | None
    close_mark: Mark | None
    depth: int = 0
    parent: int | None = None
    category: Category = "speech"
    flags: frozenset[str] = frozenset()
    family: str = ""


def find_quotations(doc: Document, marks: Sequence[Mark], rules: RuleData) -> tuple[Quoted, ...]:
    """The quoted spans of ``doc``, in text order (an enclosing quote before its parts)."""
    inventory = mark_inventory(rules)
    classifier = quoted_classifier(rules)
    pieces = _Pairing(doc, inventory).run(_in_text_order(marks, len(doc.text)))
    # Text order, outer before inner; then one stack pass assigns parents.
    pieces.sort(key=lambda p: (p.start, -p.end, p.content_start, -p.content_end))
    text = doc.text
    out: list[Quoted] = []
    open_indices: list[int] = []
    last: _Piece | None = None
    # The last quote seen at each depth, for lists: die Gemälde „Madonna“ und „Der Schrei“.
    previous_at_depth: dict[int, Quoted] = {}
    for piece in pieces:
        if last is not None and (piece.start, piece.end) == (last.start, last.end):
            continue  # the same stretch found twice (cannot happen by construction)
        while open_indices and out[open_indices[-1]].quote.end <= piece.start:
            open_indices.pop()
        if open_indices and out[open_indices[-1]].quote.end < piece.end:
            continue  # would cross its enclosing quote (cannot happen by construction)
        parent = open_indices[-1] if open_indices else None
        depth = len(open_indices)
        category = classifier.classify(doc, piece)
        sibling = previous_at_depth.get(depth)
        if category == "speech" and sibling is not None and sibling.category != "speech":
            category = classifier.coordinated_category(text, sibling, piece)
        quoted = Quoted(
            quote=Span(piece.start, piece.end, text[piece.start : piece.end]),
            content=Span(
                piece.content_start,
                piece.content_end,
                text[piece.content_start : piece.content_end],
            ),
            open_mark=piece.open_mark,
            close_mark=piece.close_mark,
            depth=depth,
            parent=parent,
            category=category,
            flags=piece.flags,
            family=piece.family,
        )
        out.append(quoted)
        previous_at_depth[depth] = quoted
        open_indices.append(len(out) - 1)
        last = piece
    return tuple(out)


def _in_text_order(marks: Sequence[Mark], length: int) -> Sequence[Mark]:
    # Marks from find_marks are ordered and within the text; anything else (a caller's own
    # marks) is sorted and clipped rather than trusted.
    ordered = True
    previous_end = 0
    for mark in marks:
        if mark.offset < previous_end or mark.end > length or mark.offset < 0:
            ordered = False
            break
        previous_end = mark.end
    if ordered:
        return marks  # not copied: find_marks keeps them compact (marks.Marks)
    kept: list[Mark] = []
    previous_end = 0
    for mark in sorted(marks, key=lambda m: (m.offset, m.end)):
        if mark.offset >= previous_end and mark.offset >= 0 and mark.end <= length:
            kept.append(mark)
            previous_end = mark.end
    return kept


# -- pairing ---------------------------------------------------------------------------


@attrs.define
class _Piece:
    """A quoted stretch before it becomes a Quoted record."""

    start: int
    end: int
    content_start: int
    content_end: int
    open_mark: Mark | None
    close_mark: Mark | None
    flags: frozenset[str]
    family: str
    # Where the paragraph of the opening starts: the classifier reads no further back.
    paragraph_start: int


@attrs.define
class _Open:
    """An opener on the stack."""

    mark: Mark
    paragraph_start: int
    paragraph_content_end: int
    multi_paragraph: bool = False


_NO_FLAGS: frozenset[str] = frozenset()
_MULTI_PARAGRAPH = frozenset({"multi_paragraph"})


class _Pairing:
    """One left-to-right pass over the marks of a document, paragraph by paragraph."""

    def __init__(self, doc: Document, inventory: MarkInventory) -> None:
        self.doc = doc
        self.text = doc.text
        self.inventory = inventory
        self.pieces: list[_Piece] = []
        self.last_start = 0  # where the last quotation closed began, empty ones included

    def run(self, marks: Sequence[Mark]) -> list[_Piece]:
        text = self.text
        paragraphs = _paragraph_bounds(self.doc)
        next_mark = 0
        carried: _Open | None = None  # a quote that goes on in the next paragraph
        dangling: _Open | None = None  # an opener left open at the end of the last paragraph
        dangling_for = 0  # paragraphs the dangling opener has stayed open past its own
        previous_ends_with_colon = False
        for index, (paragraph_start, paragraph_end) in enumerate(paragraphs):
            # Marks outside every paragraph (impossible for a Document.build document)
            # belong to no quotation.
            while next_mark < len(marks) and marks[next_mark].offset < paragraph_start:
                next_mark += 1
            first = next_mark
            while next_mark < len(marks) and marks[next_mark].end <= paragraph_end:
                next_mark += 1
            content_start, content_end = _strip(text, paragraph_start, paragraph_end)
            skip_first = carried is not None
            stack: list[_Open] = [carried] if carried is not None else []
            carried = None
            paragraph_marks = marks[first:next_mark]
            lost_opener_done = False
            # Whether a quotation opened in an earlier paragraph closed in this one: then
            # the paragraph's start lies inside it, and no lost opener may start there.
            closed_from_before = False
            for position, mark in enumerate(paragraph_marks):
                if skip_first and position == 0:
                    continue  # the repeated opener of a continued quotation
                if self._close(stack, mark):
                    closed_from_before |= self.last_start < paragraph_start
                    continue
                if (
                    mark.role == "either"
                    and not stack
                    and dangling is not None
                    and self.inventory.pairs_with(dangling.mark.char, mark.char)
                ):
                    # A mark that could open or close, with nothing open in this paragraph:
                    # it closes the quotation left open before („p1 ¶ p2 … “).
                    self._emit(dangling, mark, flags=_MULTI_PARAGRAPH)
                    dangling = None
                    closed_from_before = True
                    continue
                if mark.role != "close" and not mark.weak:
                    if len(stack) < self.inventory.max_depth:
                        stack.append(_Open(mark, paragraph_start, content_end))
                    continue
                # A closer that matches nothing open in this paragraph.
                if lost_opener_done or stack or mark.weak:
                    continue
                lost_opener_done = True  # only the first stray closer may be repaired
                if dangling is not None and self.inventory.pairs_with(
                    dangling.mark.char, mark.char
                ):
                    self._emit(dangling, mark, flags=_MULTI_PARAGRAPH)
                    dangling = None
                    continue
                if mark.char in self.inventory.lost_opener_closers:
                    previous_mark_end = (
                        paragraph_marks[position - 1].end if position else paragraph_start
                    )
                    self._lost_opener(
                        mark,
                        paragraph_start,
                        content_start,
                        previous_mark_end,
                        previous_ends_with_colon and not closed_from_before,
                    )
            if dangling is not None:
                # A quotation left open survives paragraphs without any marks ("[…]",
                # an enumeration) for a while; a paragraph with marks that did not close
                # it ends it.
                dangling_for += 1
                if paragraph_marks or dangling_for > self.inventory.dangling_paragraphs:
                    self._unclosed(dangling, multi_paragraph=dangling.multi_paragraph)
                    dangling = None
            if stack:
                carried, dangling = self._end_paragraph(
                    stack, paragraphs, index, marks, next_mark, content_end
                )
                dangling_for = 0
            previous_ends_with_colon = content_end > content_start and text[content_end - 1] == ":"
        if dangling is not None:
            self._unclosed(dangling, multi_paragraph=dangling.multi_paragraph)
        return self.pieces

    def _close(self, stack: list[_Open], mark: Mark) -> bool:
        """Close the nearest opener ``mark`` pairs with; openers above it are dropped."""
        if not stack or mark.role == "open":
            return False
        pairs = self.inventory.pairs
        closer = mark.char
        if pairs.get((stack[-1].mark.char, closer)) is not None:
            self._emit(stack.pop(), mark, _NO_FLAGS)  # the common case: the top pairs
            return True
        limit = 1 if mark.weak else self.inventory.search_depth
        for position in range(len(stack) - 2, max(len(stack) - limit, 0) - 1, -1):
            if pairs.get((stack[position].mark.char, closer)) is not None:
                # Openers above it were never closed inside this quotation: they were
                # apostrophes or typos more often than real quotes, so they are dropped.
                opener = stack[position]
                del stack[position:]
                self._emit(opener, mark, _NO_FLAGS)
                return True
        return False

    def _end_paragraph(
        self,
        stack: list[_Open],
        paragraphs: list[tuple[int, int]],
        index: int,
        marks: Sequence[Mark],
        next_mark: int,
        content_end: int,
    ) -> tuple[_Open | None, _Open | None]:
        """Settle the openers still open at a paragraph's end: (carried, dangling)."""
        outermost = stack[0]
        for inner in stack[1:]:
            self._unclosed(inner, multi_paragraph=False)
        if index + 1 < len(paragraphs) and next_mark < len(marks):
            first_char, _ = _strip(self.text, *paragraphs[index + 1])
            repeated = marks[next_mark]
            if (
                repeated.offset == first_char
                and repeated.char == outermost.mark.char
                and repeated.role != "close"
            ):
                outermost.multi_paragraph = True
                return outermost, None
        if outermost.mark.char not in self.inventory.unclosed_openers:
            return None, None
        # Left open: the next paragraph may still close it (a continuation without a
        # repeated opener); otherwise it quotes the rest of its last paragraph.
        outermost.paragraph_content_end = content_end
        return None, outermost

    def _emit(self, opener: _Open, closer: Mark, flags: frozenset[str]) -> None:
        family = self.inventory.pairs.get((opener.mark.char, closer.char), opener.mark.family)
        if opener.multi_paragraph:
            flags = _MULTI_PARAGRAPH
        self._add(
            opener.mark.offset,
            closer.end,
            opener.mark.end,
            closer.offset,
            opener.mark,
            closer,
            flags,
            family,
            opener.paragraph_start,
        )

    def _unclosed(self, opener: _Open, multi_paragraph: bool) -> None:
        if opener.mark.char not in self.inventory.unclosed_openers:
            return
        end = opener.paragraph_content_end
        content_start, content_end = _strip(self.text, opener.mark.end, end)
        if content_end <= content_start:
            return  # an opener at the very end of its paragraph quotes nothing
        flags = {"unclosed", "multi_paragraph"} if multi_paragraph else {"unclosed"}
        self._add(
            opener.mark.offset,
            content_end,
            opener.mark.end,
            content_end,
            opener.mark,
            None,
            frozenset(flags),
            opener.mark.family,
            opener.paragraph_start,
        )

    def _lost_opener(
        self,
        closer: Mark,
        paragraph_start: int,
        content_start: int,
        previous_mark_end: int,
        previous_ends_with_colon: bool,
    ) -> None:
        text = self.text
        if previous_ends_with_colon:
            start = content_start
        else:
            # "Trump stellte klar: Wir haben keine Sanktionen aufgehoben.“" — the clause
            # after the last colon, if nothing else was quoted between it and the closer.
            colon = text.rfind(":", max(previous_mark_end, paragraph_start), closer.offset)
            if colon < 0 or colon + 1 >= closer.offset or not text[colon + 1].isspace():
                return
            start, _ = _strip(text, colon + 1, closer.offset)
            if start >= closer.offset or not (text[start].isupper() or text[start].isdigit()):
                return
        if start >= closer.offset:
            return
        self._add(
            start,
            closer.end,
            start,
            closer.offset,
            None,
            closer,
            frozenset({"lost_opener"}),
            self.inventory.closer_family.get(closer.char, closer.family),
            paragraph_start,
        )

    def _add(
        self,
        start: int,
        end: int,
        content_start: int,
        content_end: int,
        open_mark: Mark | None,
        close_mark: Mark | None,
        flags: frozenset[str],
        family: str,
        paragraph_start: int,
    ) -> None:
        self.last_start = start
        if _EMPTY_CONTENT.fullmatch(self.text, content_start, max(content_start, content_end)):
            return  # "" or „ “: marks with nothing between them quote nothing
        self.pieces.append(
            _Piece(
                start,
                end,
                content_start,
                max(content_start, content_end),
                open_mark,
                close_mark,
                flags,
                family,
                paragraph_start,
            )
        )


def _paragraph_bounds(doc: Document) -> list[tuple[int, int]]:
    """The paragraphs as (start, end), in order, within the text. A Document.build
    document has them so already; a hand-made one is clipped rather than trusted."""
    length = len(doc.text)
    bounds: list[tuple[int, int]] = []
    previous_end = 0
    for paragraph in doc.paragraphs:
        start, end = max(paragraph.start, previous_end), min(paragraph.end, length)
        if start < end:
            bounds.append((start, end))
            previous_end = end
    return bounds


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# -- classification --------------------------------------------------------------------

# How much text around a quote the classifier reads: enough for "laut der
# US-amerikanischen Ausgabe der" and for "… wird die Sprache heute als".
_LEFT_WINDOW = 80
_RIGHT_WINDOW = 40
# Longer content is never a title or a term (max_title_words words fit well within it);
# checking the length first keeps the classifier's work per quote constant.
_MAX_NAME_CHARACTERS = 200
# A foreign title is short: longer foreign words in marks are a quotation.
_MAX_FOREIGN_TITLE_WORDS = 8
# Words before the opener the classifier looks at.
_TAIL_TOKENS = 6
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&+-]*+", regex.V1)
_CLAUSE_BREAK = regex.compile(r"[.!?;:]", regex.V1)
# What may stand between two quotes of one list: „Madonna“ und „Der Schrei“.
_LIST_SEPARATOR = regex.compile(
    r"\s*+(?:,|;|/|und|oder|sowie|bzw\.|beziehungsweise)?\s*+(?:(?:auch|schließlich)\s++)?",
    regex.V1,
)
_PASSIVE_AUXILIARY = regex.compile(
    r"(?:^|[^\p{L}])(?:wird|werden|wurde|wurden|worden|ist|sind|war|waren)(?:$|[^\p{L}])",
    regex.V1,
)
_AGENT = regex.compile(r"(?:^|[^\p{L}])(?:von|vom|durch)(?:$|[^\p{L}])", regex.V1)
# Content without a letter or digit ("", „ “, "…") is no quotation. Possessive, so the
# test costs one pass over the content.
_EMPTY_CONTENT = regex.compile(r"[^\p{L}\p{N}]*+", regex.V1)
_CAMEL_CASE = regex.compile(r"\p{Ll}\p{Lu}", regex.V1)
_DOMAIN = regex.compile(r"\p{L}\.\p{L}{2,}$", regex.V1)
_SENTENCE_FINAL = frozenset(".!?…:;")
_OPENING_BRACKETS = "(["


def _is_word(token: str) -> bool:
    """A plain word: letters, with hyphens inside ("US-amerikanischen")."""
    return token.replace("-", "").isalpha()


class _Context(NamedTuple):
    """The words around one quote, as the classifier sees them.

    ``tail`` holds the words right before the opener, last word last, with any brackets
    between them and the opener removed (``bracket_before`` says there was one);
    ``next_word`` is the word right after the closer, if only spaces or ")" lie between.
    (A NamedTuple, not an attrs record: one is built per quote, and it never leaves
    the classifier.)
    """

    tail: tuple[str, ...]
    bracket_before: bool
    next_word: str
    closes_bracket_or_list: bool
    left: str
    right: str

    @classmethod
    def of(cls, text: str, piece: _Piece) -> _Context:
        left = text[max(piece.paragraph_start, piece.start - _LEFT_WINDOW) : piece.start]
        right = text[piece.end : piece.end + _RIGHT_WINDOW]
        newline = right.find("\n")
        if newline >= 0:
            right = right[:newline]
        tail = left.rsplit(None, _TAIL_TOKENS)[-_TAIL_TOKENS:]
        bracket_before = False
        while tail and not tail[-1].strip(_OPENING_BRACKETS):
            bracket_before = True
            tail.pop()
        if left and not left[-1].isspace() and tail and tail[-1][-1] in _OPENING_BRACKETS:
            bracket_before = True  # "Transferleistungen („Hartz IV“"
        after = right.lstrip(" \t)")
        length = 0
        while length < len(after) and after[length].isalpha():
            length += 1
        return cls(
            tuple(tail),
            bracket_before,
            after[:length] if right[:1] != "," else "",
            right.lstrip()[:1] in (")", "]", ",", ";"),
            left,
            right,
        )

    def last_word(self, skip: frozenset[str] = frozenset()) -> str:
        """The plain word right before the opener ("" if punctuation intervenes);
        words in ``skip`` ("wie") are passed over once."""
        if not self.tail:
            return ""
        word = self.tail[-1].lstrip(_OPENING_BRACKETS)
        if word in skip and len(self.tail) >= 2:
            word = self.tail[-2].lstrip(_OPENING_BRACKETS)
        return word if _is_word(word) else ""


@attrs.frozen
class _NounLexicon:
    """Nouns matched as written, inflected (Magazins, Illustrierten) or as the head of a
    compound (Tageszeitung, Fernsehsender)."""

    nouns: frozenset[str]
    suffixes_by_length: Mapping[int, frozenset[str]]
    exceptions: frozenset[str]

    @classmethod
    def build(
        cls,
        nouns: frozenset[str],
        min_compound_length: int,
        exceptions: frozenset[str] = frozenset(),
    ) -> _NounLexicon:
        by_length: dict[int, set[str]] = {}
        for noun in nouns:
            if len(noun) >= min_compound_length:
                by_length.setdefault(len(noun), set()).add(noun.lower())
        return cls(nouns, {n: frozenset(v) for n, v in by_length.items()}, exceptions)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or word in self.exceptions:
            return False
        for form in _noun_forms(word):
            if form in self.nouns or form in self.exceptions:
                return form in self.nouns
            if not form[0].isupper():
                continue
            lowered = form.lower()
            for length, suffixes in self.suffixes_by_length.items():
                if len(lowered) > length and lowered[-length:] in suffixes:
                    return True
        return False


def _noun_forms(word: str) -> tuple[str, ...]:
    # Genitive and plural endings: Magazins, Internetdienstes, Illustrierten, Modelle.
    forms = [word]
    if len(word) > 4:
        if word.endswith("es"):
            forms.append(word[:-2])
        if word.endswith(("s", "n", "e")):
            forms.append(word[:-1])
        if word.endswith("en"):
            forms.append(word[:-2])
    return tuple(forms)


@attrs.frozen
class _Markers:
    """Words, possibly several ("so genannt"), that end right before the opener or one word
    earlier ("die sogenannten neuen „…“"); the last one matches as a word start
    ("sogenannt" in "sogenannten") unless the markers are ``whole_words``."""

    single: tuple[str, ...]
    single_set: frozenset[str]
    multiple: tuple[tuple[str, ...], ...]
    whole_words: bool

    @classmethod
    def build(cls, words: frozenset[str], *, whole_words: bool = False) -> _Markers:
        split = [tuple(w.lower().split()) for w in sorted(words) if w.split()]
        single = tuple(m[0] for m in split if len(m) == 1)
        return cls(single, frozenset(single), tuple(m for m in split if len(m) > 1), whole_words)

    def ends(self, tail: tuple[str, ...], *, strip: str = "", one_more_word: bool = True) -> bool:
        ends = [len(tail)]
        if one_more_word and len(tail) >= 2 and _is_word(tail[-1]):
            ends.append(len(tail) - 1)
        for end in ends:
            if end == 0:
                continue
            last = tail[end - 1].strip(strip).lower() if strip else tail[end - 1].lower()
            if self._matches(last, self.single, self.single_set):
                return True
            for marker in self.multiple:
                count = len(marker)
                if end >= count and self._matches(last, (marker[-1],), frozenset(marker[-1:])):
                    earlier = [t.strip(strip).lower() for t in tail[end - count : end - 1]]
                    if tuple(earlier) == marker[:-1]:
                        return True
        return False

    def _matches(self, word: str, prefixes: tuple[str, ...], words: frozenset[str]) -> bool:
        return word in words if self.whole_words else word.startswith(prefixes)


@attrs.frozen
class QuotedClassifier:
    """Says whether a quoted span is a title, a term or (by default) speech."""

    title_nouns: _NounLexicon
    term_nouns: _NounLexicon
    slogan_nouns: _NounLexicon
    title_genitive_links: frozenset[str]
    foreign_words: frozenset[str]
    german_words: frozenset[str]
    noun_links: frozenset[str]
    title_families: frozenset[str]
    articles: frozenset[str]
    title_preceding: frozenset[str]
    title_following: frozenset[str]
    foreign_function_words: frozenset[str]
    term_markers: _Markers
    gloss_markers: _Markers
    term_heads: frozenset[str]
    term_following: frozenset[str]
    max_title_words: int
    max_term_words: int
    als_verb: regex.Pattern[str]
    als_passive_verb: regex.Pattern[str]

    @classmethod
    def from_rules(cls, rules: RuleData) -> QuotedClassifier:
        section: Mapping[str, Any] = rules.get("quotations", {})
        min_length = int(section.get("title_compound_min_length", 4))
        als_verbs = _alternation(_words(section, "term_als_verbs"))
        passive_verbs = _alternation(_words(section, "term_als_passive_verbs"))
        return cls(
            title_nouns=_NounLexicon.build(
                _words(section, "title_nouns"), min_length, _words(section, "not_title_nouns")
            ),
            term_nouns=_NounLexicon.build(_words(section, "term_nouns"), min_length),
            slogan_nouns=_NounLexicon.build(_words(section, "slogan_nouns"), min_length),
            title_genitive_links=_words(section, "title_genitive_links"),
            foreign_words=frozenset(w.lower() for w in _words(section, "foreign_title_words")),
            german_words=frozenset(w.lower() for w in _words(section, "german_function_words")),
            noun_links=_words(section, "title_noun_links"),
            title_families=_words(section, "title_families"),
            articles=_words(section, "title_articles"),
            title_preceding=frozenset(w.lower() for w in _words(section, "title_preceding_words")),
            title_following=_words(section, "title_following_words"),
            foreign_function_words=_words(section, "title_function_words"),
            term_markers=_Markers.build(_words(section, "term_markers")),
            gloss_markers=_Markers.build(_words(section, "gloss_markers"), whole_words=True),
            term_heads=_words(section, "term_heads"),
            term_following=_words(section, "term_following_words"),
            max_title_words=int(section.get("max_title_words", 12)),
            max_term_words=int(section.get("max_term_words", 5)),
            als_verb=_compile(rf"(?:^|[^\p{{L}}])(?:{als_verbs})" if als_verbs else ""),
            als_passive_verb=_compile(
                rf"^\s*+(?:{passive_verbs})(?:$|[^\p{{L}}])" if passive_verbs else ""
            ),
        )

    def classify(self, doc: Document, piece: _Piece) -> Category:
        if "lost_opener" in piece.flags:
            return "speech"  # a whole paragraph after "schrieb Costa:"
        text = doc.text
        if piece.content_end - piece.content_start > _MAX_NAME_CHARACTERS:
            return "speech"
        content = text[piece.content_start : piece.content_end].strip()
        words = _WORD.findall(content)
        if not words:
            return "speech"
        context = _Context.of(text, piece)
        if context.last_word() in self.slogan_nouns:
            return "term"  # unter dem Motto „…“, however long
        if self._is_title_by_noun(context, content, words):
            return "title"
        if self._is_title_by_content(content, words):
            return "title"
        if self._is_term(context, content, words):
            return "term"
        if self._is_title_by_slot(context, content, words, piece.family):
            return "title"
        return "speech"

    def coordinated_category(self, text: str, previous: Quoted, piece: _Piece) -> Category:
        """The category of ``previous`` when the two quotes form a list, else "speech"."""
        if previous.quote.end > piece.start or piece.start - previous.quote.end > 40:
            return "speech"
        between = text[previous.quote.end : piece.start]
        if _LIST_SEPARATOR.fullmatch(between) is None:
            return "speech"
        if piece.content_end - piece.content_start > _MAX_NAME_CHARACTERS:
            return "speech"
        limit = self.max_title_words if previous.category == "title" else self.max_term_words
        content = text[piece.content_start : piece.content_end].strip()
        if len(_WORD.findall(content)) > limit or content[-1:] in _SENTENCE_FINAL:
            return "speech"
        return previous.category

    # A title noun right before the opener: Zeitung „Berliner Zeitung“, Lieder wie „Kalinka“.
    def _is_title_by_noun(self, context: _Context, content: str, words: list[str]) -> bool:
        if len(words) > self.max_title_words:
            return False
        if content.endswith(".") and len(words) > 3:  # "Partei „Die Linke.“" is a name
            return False
        if not (content[0].isupper() or content[0].isdigit() or _has_name_shape(words[0])):
            return False
        if context.last_word(self.noun_links) in self.title_nouns:
            return True
        # A genitive between: die Online-Ausgabe des „Spiegel“, ein Bericht der „Zeit“.
        tail = context.tail
        return (
            len(tail) >= 2
            and tail[-1] in self.title_genitive_links
            and _is_word(tail[-2])
            and tail[-2] in self.title_nouns
        )

    # The quote names itself: „Gesetz zur Änderung des Passgesetzes“, „Rat für nationale
    # Sicherheit“ (a title noun first), or a foreign title („Piper at the Gates of Dawn“).
    def _is_title_by_content(self, content: str, words: list[str]) -> bool:
        if len(words) < 2 or len(words) > self.max_title_words:
            return False
        if content[-1] in _SENTENCE_FINAL or not words[0][0].isupper():
            return False
        if words[0] in self.title_nouns:
            return True
        if len(words) > _MAX_FOREIGN_TITLE_WORDS or "," in content:
            return False
        lowered = [w.lower() for w in words]
        return any(w in self.foreign_words for w in lowered) and not any(
            w in self.german_words for w in lowered
        )

    # A name in a nominal slot: die „Epoch Times“, laut „Spiegel“, „Figaro“ zufolge.
    def _is_title_by_slot(
        self, context: _Context, content: str, words: list[str], family: str
    ) -> bool:
        if len(words) > self.max_title_words or content[-1] in _SENTENCE_FINAL:
            return False
        if family in self.title_families:
            return True  # ''…'' marks names in wiki markup and typewriter text
        if "," in content:
            return False
        short = len(words) <= 3
        followed = context.next_word in self.title_following
        if followed and short:
            return True  # die „Tass“ meldete, wie „heise online“ berichtet
        if not (words[0][0].isupper() or words[0][0].isdigit() or _has_name_shape(words[0])):
            return False
        # Shaped like a name: capitals throughout, or a word no German noun phrase has.
        name = len(words) <= 6 and (
            any(_has_name_shape(w) for w in words)
            or (len(words) >= 2 and self._capitalised_name(words))
        )
        if followed:
            return name
        if self._after_source_word(context.tail):
            return name or short
        return name and self._after_article(context.tail)

    def _after_article(self, tail: tuple[str, ...]) -> bool:
        # An article, then at most three lower-case words: der amerikanischen „Epoch Times“.
        position = len(tail) - 1
        skipped = 0
        while position >= 0 and skipped < 3:
            token = tail[position]
            if token in self.articles:
                return True
            if not (_is_word(token) and token[0].islower()):
                return False
            position -= 1
            skipped += 1
        return position >= 0 and tail[position] in self.articles

    def _after_source_word(self, tail: tuple[str, ...]) -> bool:
        # laut „Spiegel“, schreibt die „Computerwoche“, laut der amerikanischen „…“.
        if not tail:
            return False
        if tail[-1].lower() in self.title_preceding:
            return True
        for position in range(len(tail) - 1, max(len(tail) - 5, -1), -1):
            token = tail[position]
            if token in self.articles:
                return position >= 1 and tail[position - 1].lower() in self.title_preceding
            if not (_is_word(token) and token[0].islower()):
                return False
        return False

    def _capitalised_name(self, words: list[str]) -> bool:
        # Every word capitalised; lower-case words only from other languages ("Piper at
        # the Gates of Dawn"). A German noun phrase has lower-case articles and
        # prepositions ("Grundlagen der Existenz"), so it never passes.
        if not (words[-1][0].isupper() or words[-1][0].isdigit()):
            return False
        return all(
            w[0].isupper() or w[0].isdigit() or w.lower() in self.foreign_function_words
            for w in words
        )

    def _is_term(self, context: _Context, content: str, words: list[str]) -> bool:
        if len(words) > self.max_term_words or content[-1] in _SENTENCE_FINAL:
            return False
        tail = context.tail
        if self.term_markers.ends(tail):
            return True  # sogenannte „…“, ein solcher „…“
        if context.last_word() in self.term_nouns:
            return True  # der Begriff „…“, unter dem Motto „…“
        if len(words) <= 3 and words[-1] in self.term_heads:
            return True  # ein „geflügeltes Wort“
        if context.next_word in self.term_following:
            return True  # die „Reichsbürger“ genannte Gruppe
        if context.right[:1] == "-" and context.right[1:2].isalpha():
            return True  # die „Jamaika“-Koalition, die „engine cutoff“-Sensoren
        if self.gloss_markers.ends(tail, strip="([:,", one_more_word=False):
            return True  # kurz „GTA“, engl. „People's Power Party“
        if context.bracket_before and context.closes_bracket_or_list:
            return True  # Kapitelzeichen („Bookmarks“)
        if tail and tail[-1] in ("als", "Als"):
            return self._is_als_term(context.left, context.right)
        return False

    def _is_als_term(self, left: str, right: str) -> bool:
        # gilt als „Hardliner“: a verb of standing, before "als" or right after the quote.
        clause_before = _CLAUSE_BREAK.split(left)[-1]
        clause_after = _CLAUSE_BREAK.split(right)[0]
        right_words = " ".join(clause_after.split()[:3])
        if self.als_verb.search(right_words) or self.als_verb.search(clause_before):
            return True
        # wird als „Pidgin“ bezeichnet: a passive without an agent names a term; with one
        # ("von Experten als „…“ bezeichnet") or in the active voice ("bezeichnete die
        # Pläne als „Wortbruch“") somebody's words are quoted, and that is speech.
        if self.als_passive_verb.search(clause_after) is None:
            return False
        clause = clause_before + " " + right_words
        # The agent is looked for in the last stretch before "als" only: in "der von der
        # Sonne ausgeht und als „Sonnenwind“ bezeichnet wird" the "von" is no agent.
        agent_zone = clause_before.rsplit(",", 1)[-1]
        agent_zone = agent_zone.rsplit(" und ", 1)[-1]
        return bool(_PASSIVE_AUXILIARY.search(clause)) and not _AGENT.search(agent_zone)


def _has_name_shape(word: str) -> bool:
    """A word that can only be a name: capitals only ("ARD", "II"), a capital right after a
    small letter ("iPod", "YouTube"), digits ("Power8", "1.1") or a domain ("amazon.de").
    Capitals after hyphens ("US-Außenministerium", "NS-Verbrecher") make a German
    compound, not a name."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    if _CAMEL_CASE.search(word):
        return True
    if any(c.isdigit() for c in word):
        return True
    return _DOMAIN.search(word) is not None


def _compile(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern or r"(?!)", regex.V1)


def _words(section: Mapping[str, Any], key: str) -> frozenset[str]:
    values = section.get(key, ())
    if not isinstance(values, Sequence) or isinstance(values, str):
        return frozenset()
    return frozenset(v for v in values if isinstance(v, str) and v)


def _alternation(words: frozenset[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def quoted_classifier(rules: RuleData) -> QuotedClassifier:
    """The compiled classifier for ``rules``, kept with the rules like the mark inventory."""
    return compiled(rules, QuotedClassifier.from_rules)
