"""Stage 1: find quotation marks and say which way each one can face.

One regex pass over the text finds every character of the mark inventory
(``rules/<lang>/quotations.toml``); what stands right before and after each one decides
whether it can open a quotation, close one, or both. The test is CommonMark's flanking
rule: a mark followed by a word (and not glued to a word before it) opens, a mark glued
to the end of a word closes, a mark with words on both sides may do either.

Apostrophes are not quotation marks and are dropped here: an apostrophe-like character
between two letters or digits ("geht's", "Trump’s", "90’ern"), one before an elided word
("Rock 'n' Roll", "so 'ne Sache") or before two digits ("'90er"). A mark after sentence
punctuation and glued to the next word ("bereit.“Danach") may still close: the space
was lost. A straight mark after a
number (27", 5') is an inch or minute mark: it is kept as a *weak* closer that may only
close a quotation opened right before it, and never opens one.

Everything here is a single pass over the text with constant work per mark.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final, Literal, overload

import attrs
import regex

from quotes.document import Document
from quotes.errors import RulesError
from quotes.rules import RuleData, compiled

__all__ = ["Mark", "MarkInventory", "Marks", "Role", "find_marks", "mark_inventory"]

Role = Literal["open", "close", "either"]


@attrs.frozen
class Mark:
    """One quotation mark at ``offset`` in the document text.

    ``char`` is the mark as written: one character, or two for the typewriter ``''``.
    ``family`` names the set of marks it pairs with ("low9" for „…“, "guillemet" for
    »…« and «…», "single_guillemet", "low9_single", "curly", "curly_single", "straight",
    "straight_single", "double_apostrophe"); ``role`` is what its context allows. A
    ``weak`` mark (an inch or minute mark after a number) may only close the quotation
    opened right before it.
    """

    offset: int
    char: str
    role: Role
    family: str
    weak: bool = False

    @property
    def end(self) -> int:
        """The offset just after the mark."""
        return self.offset + len(self.char)


_Kind = tuple[str, Role, str, bool]  # char, role, family, weak


class Marks(Sequence[Mark]):
    """The marks of a document in text order, stored compactly.

    A text can be nothing but marks, so a :class:`Mark` object per mark would cost about
    200 bytes per character of input; here each mark is an offset and the number of its
    (char, role, family, weak) combination, about ten bytes, and the Mark objects are
    made as they are read. Indexing, slicing (a :class:`Marks` again), iteration and
    equality behave as for a tuple of Marks.
    """

    __slots__ = ("_codes", "_kinds", "_offsets")

    def __init__(self, offsets: array[int], codes: array[int], kinds: tuple[_Kind, ...]):
        self._offsets = offsets
        self._codes = codes
        self._kinds = kinds

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> Mark: ...
    @overload
    def __getitem__(self, index: slice) -> Marks: ...
    def __getitem__(self, index: int | slice) -> Mark | Marks:
        if isinstance(index, slice):
            return Marks(self._offsets[index], self._codes[index], self._kinds)
        return Mark(self._offsets[index], *self._kinds[self._codes[index]])

    def offset_at(self, index: int) -> int:
        """``self[index].offset``, without making the Mark."""
        return self._offsets[index]

    def end_at(self, index: int) -> int:
        """``self[index].end``, without making the Mark."""
        return self._offsets[index] + len(self._kinds[self._codes[index]][0])

    def __iter__(self) -> Iterator[Mark]:
        kinds = self._kinds
        for offset, code in zip(self._offsets, self._codes, strict=True):
            yield Mark(offset, *kinds[code])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Marks | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Marks({tuple(self)!r})"


class _MarksBuilder:
    """Collects marks into :class:`Marks`, one code per distinct kind."""

    def __init__(self) -> None:
        self.offsets = array("q")
        self.codes = array("H")
        self.kinds: dict[_Kind, int] = {}

    def add(self, offset: int, char: str, role: Role, family: str, weak: bool = False) -> None:
        kind = (char, role, family, weak)
        code = self.kinds.get(kind)
        if code is None:
            code = self.kinds[kind] = len(self.kinds)
        self.offsets.append(offset)
        self.codes.append(code)

    def build(self) -> Marks:
        return Marks(self.offsets, self.codes, tuple(self.kinds))


# Character classes for the flanking test. Line breaks, spaces, control and format
# characters (zero-width space, BOM) all separate words, so they count as space.
_SPACE: Final = 0
_PUNCT: Final = 1
_LETTER: Final = 2
_DIGIT: Final = 3
_CLASS_CACHE: dict[str, int] = {}
_NEVER_AFTER_OPENER: Final = frozenset(",.;:!?)]}…")
_NEVER_BEFORE_CLOSER: Final = frozenset("([{")
# A mark right after one of these and glued to the next word can still close a quotation
# („Wir sind bereit.“Danach ging er.): the space after the closer is missing, a typo far
# more common than a sentence that opens a quote right after a full stop with no space.
_ENDS_QUOTED_TEXT: Final = frozenset(".,;:!?…)]")


def _char_class(char: str) -> int:
    found = _CLASS_CACHE.get(char)
    if found is not None:
        return found
    category = unicodedata.category(char)
    if char.isspace() or category[0] in "ZC":
        kind = _SPACE
    elif category[0] in "LM":
        kind = _LETTER
    elif category[0] == "N":
        kind = _DIGIT
    else:
        kind = _PUNCT
    if len(_CLASS_CACHE) < 65_536:  # bounded: arbitrary input must not grow it forever
        _CLASS_CACHE[char] = kind
    return kind


@attrs.frozen
class MarkInventory:
    """The compiled mark inventory of one rule set.

    ``pairs`` maps ``(opener, closer)`` to the family the pair belongs to; ``opener_family``
    and ``closer_family`` give the first family in which a mark can serve in that role.
    """

    pairs: Mapping[tuple[str, str], str]
    opener_family: Mapping[str, str]
    closer_family: Mapping[str, str]
    either_family: Mapping[str, str]
    self_pairing: frozenset[str]
    apostrophes: frozenset[str]
    measure_marks: frozenset[str]
    unclosed_openers: frozenset[str]
    lost_opener_closers: frozenset[str]
    max_depth: int
    search_depth: int
    dangling_paragraphs: int
    pattern: regex.Pattern[str]
    #: The characters a match of ``pattern`` can start with (each alternative's first),
    #: as a stdlib class: scanning for them is about twice as fast as the ``regex``
    #: engine trying ``pattern`` at every character (see :func:`_matches`).
    starts: re.Pattern[str] | None = None

    @classmethod
    def from_rules(cls, rules: RuleData) -> MarkInventory:
        section: Mapping[str, Any] = rules.get("quotations", {})
        families = _families(section.get("family", ()))
        if not families:
            raise RulesError("quotations.toml defines no [[family]] of quotation marks")
        pairs: dict[tuple[str, str], str] = {}
        opener_family: dict[str, str] = {}
        closer_family: dict[str, str] = {}
        either_family: dict[str, str] = {}
        for name, family_pairs in families:
            for opener, closer in family_pairs:
                pairs.setdefault((opener, closer), name)
                opener_family.setdefault(opener, name)
                closer_family.setdefault(closer, name)
            opened = {o for o, _ in family_pairs}
            closed = {c for _, c in family_pairs}
            for char in opened & closed:
                either_family.setdefault(char, name)
        apostrophes = _strings(section, "apostrophes")
        elisions = _strings(section, "elisions")
        marks = sorted(set(opener_family) | set(closer_family), key=lambda m: (-len(m), m))
        apostrophe_class = "".join(regex.escape(a) for a in sorted(apostrophes) if len(a) == 1)
        skips = []
        if apostrophe_class:
            # An apostrophe before an elided word ('n, 's, 'ne) or two digits ('90er), not
            # glued to a word before it; it swallows the apostrophe after "'n" as well.
            not_after_word = r"(?<![\p{L}\p{N}])"
            not_before_word = r"(?![\p{L}\p{N}])"
            if elisions:
                words = "|".join(regex.escape(e) for e in sorted(elisions, key=len, reverse=True))
                skips.append(
                    f"{not_after_word}[{apostrophe_class}](?:{words}){not_before_word}"
                    f"(?:[{apostrophe_class}]{not_before_word})?"
                )
            skips.append(rf"{not_after_word}[{apostrophe_class}]\d\d(?!\d)")
        alternatives = [f"(?P<skip>{'|'.join(skips)})"] if skips else []
        alternatives.append(f"(?P<mark>{'|'.join(regex.escape(m) for m in marks)})")
        pattern = regex.compile("|".join(alternatives), regex.V1)
        first = {m[0] for m in marks} | {a for a in apostrophes if len(a) == 1 and skips}
        starts = re.compile("[" + "".join(re.escape(c) for c in sorted(first)) + "]")
        return cls(
            pairs=pairs,
            opener_family=opener_family,
            closer_family=closer_family,
            either_family=either_family,
            self_pairing=frozenset(o for o, c in pairs if o == c),
            apostrophes=apostrophes,
            measure_marks=_strings(section, "measure_marks"),
            unclosed_openers=_strings(section, "unclosed_openers"),
            lost_opener_closers=_strings(section, "lost_opener_closers"),
            max_depth=max(1, int(section.get("max_depth", 6))),
            search_depth=max(1, int(section.get("search_depth", 4))),
            dangling_paragraphs=max(0, int(section.get("dangling_paragraphs", 3))),
            pattern=pattern,
            starts=starts,
        )

    def pairs_with(self, opener: str, closer: str) -> bool:
        return (opener, closer) in self.pairs


def _families(entries: Sequence[Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    # A user file may add pairs to a family the shipped file defines: same name, one family.
    merged: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
            raise RulesError(f"a [[family]] in quotations.toml needs a name: {entry!r}")
        family_pairs = merged.setdefault(entry["name"], [])
        for pair in entry.get("pairs", ()):
            if (
                not isinstance(pair, Sequence)
                or len(pair) != 2
                or not all(isinstance(m, str) and m for m in pair)
            ):
                raise RulesError(
                    f"family {entry['name']!r}: each pair is [opener, closer], got {pair!r}"
                )
            family_pairs.append((pair[0], pair[1]))
    return [(name, family_pairs) for name, family_pairs in merged.items() if family_pairs]


def _strings(section: Mapping[str, Any], key: str) -> frozenset[str]:
    values = section.get(key, ())
    if not isinstance(values, Sequence) or isinstance(values, str):
        raise RulesError(f"quotations.toml: {key} must be a list of strings")
    return frozenset(v for v in values if isinstance(v, str) and v)


def mark_inventory(rules: RuleData) -> MarkInventory:
    """The compiled mark inventory for ``rules``, kept with the rules
    (:meth:`quotes.rules.Rules.compiled`)."""
    return compiled(rules, MarkInventory.from_rules)


def find_marks(doc: Document, rules: RuleData) -> Marks:
    """Every possible quotation mark in ``doc``, in text order, with its role."""
    inventory = mark_inventory(rules)
    text = doc.text
    length = len(text)
    opener_family = inventory.opener_family
    closer_family = inventory.closer_family
    marks = _MarksBuilder()
    for match in _matches(inventory, text):
        if match.lastgroup != "mark":
            continue
        char = match.group()
        start, end = match.span()
        before = _char_class(text[start - 1]) if start > 0 else _SPACE
        after = _char_class(text[end]) if end < length else _SPACE
        word_before = before in (_LETTER, _DIGIT)
        word_after = after in (_LETTER, _DIGIT)
        if char in inventory.apostrophes and word_before and word_after:
            continue  # geht's, Trump’s, O’Keefe, 90’ern
        if before == _DIGIT and not word_after and char in inventory.measure_marks:
            if char in closer_family:
                marks.add(start, char, "close", closer_family[char], weak=True)
            continue
        # CommonMark flanking: punctuation next to a mark only counts as glue when the
        # other side is open (space or punctuation), so „(Hallo)“ and ."… work. No quote
        # starts with a comma or ends with an opening bracket, whatever stands beyond
        # (French spacing: « Bonjour », …).
        left_flanking = (
            after != _SPACE
            and (after != _PUNCT or before in (_SPACE, _PUNCT))
            and text[end] not in _NEVER_AFTER_OPENER
        )
        right_flanking = (
            before != _SPACE
            and (before != _PUNCT or after in (_SPACE, _PUNCT))
            and text[start - 1] not in _NEVER_BEFORE_CLOSER
        )
        if left_flanking or right_flanking:
            can_open = left_flanking and char in opener_family
            can_close = right_flanking and char in closer_family
            if not can_close and word_after and text[start - 1] in _ENDS_QUOTED_TEXT:
                # A closer glued to the next word ("bereit.“Danach"); pairing tries it as
                # a closer first and lets it open only where nothing is open.
                can_close = start > 0 and char in closer_family
        else:
            # Free-standing (space on both sides, or space and a comma): a sloppy closer
            # ("sagte er “ und") or opener („ Wir …), or French spacing (« Bonjour »,). A
            # mark that pairs with itself (" “) only closes here, so that rows of them
            # never pair up with each other.
            can_close = char in closer_family
            can_open = char in opener_family and char not in inventory.self_pairing
        if can_open and can_close:
            family = inventory.either_family.get(char, opener_family[char])
            marks.add(start, char, "either", family)
        elif can_open:
            marks.add(start, char, "open", opener_family[char])
        elif can_close:
            marks.add(start, char, "close", closer_family[char])
    return marks.build()


def _matches(inventory: MarkInventory, text: str) -> Iterator[Any]:
    """``inventory.pattern.finditer(text)``, tried only where one of ``inventory.starts``
    stands: every alternative of the pattern begins with such a character (its
    look-behinds consume none), so no other position can start a match, and a match
    found at the first candidate at or after the last match's end is the one
    ``finditer`` finds next."""
    pattern, starts = inventory.pattern, inventory.starts
    if starts is None:
        yield from pattern.finditer(text)
        return
    last_end = 0
    for candidate in starts.finditer(text):
        at = candidate.start()
        if at < last_end:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            last_end = m.end()
