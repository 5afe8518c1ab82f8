"""Classification of quoted spans: title, term or (by default) speech, from the words right
around the marks (see :mod:`quotes.pipeline.quotations`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import attrs
import regex

from quotes.document import Document
from quotes.memo import BoundedMemo
from quotes.pipeline.outlets.compiled import compile_rules
from quotes.pipeline.outlets.gazetteer import Gazetteer
from quotes.pipeline.quotations.records import Category, Piece, Quoted
from quotes.rules import RuleData, compiled

__all__ = ["QuotedClassifier", "quoted_classifier"]

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
    def of(cls, text: str, piece: Piece) -> _Context:
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


#: How many words a :class:`_NounLexicon` keeps its answer for.
_NOUN_MEMO_SIZE = 8_192


@attrs.frozen
class _NounLexicon:
    """Nouns matched as written, inflected (Magazins, Illustrierten) or as the head of a
    compound (Tageszeitung, Fernsehsender)."""

    nouns: frozenset[str]
    suffixes_by_length: Mapping[int, frozenset[str]]
    exceptions: frozenset[str]
    #: Genitive and plural endings a noun may carry, each tried in turn (``noun_endings``).
    endings: tuple[str, ...] = ()
    #: The answers of :meth:`__contains__` per word (a memo only, bounded).
    _memo: BoundedMemo[str, bool] = attrs.field(
        init=False, factory=lambda: BoundedMemo(_NOUN_MEMO_SIZE), eq=False, repr=False
    )

    @classmethod
    def build(
        cls,
        nouns: frozenset[str],
        min_compound_length: int,
        exceptions: frozenset[str] = frozenset(),
        endings: tuple[str, ...] = (),
    ) -> _NounLexicon:
        by_length: dict[int, set[str]] = {}
        for noun in nouns:
            if len(noun) >= min_compound_length:
                by_length.setdefault(len(noun), set()).add(noun.lower())
        by_size = {n: frozenset(v) for n, v in by_length.items()}
        return cls(nouns, by_size, exceptions, endings)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        memo = self._memo
        found = memo.get(word)
        if found is None:
            found = memo.keep(word, self._contains(word))
        return found

    def _contains(self, word: str) -> bool:
        if not word or word in self.exceptions:
            return False
        for form in _noun_forms(word, self.endings):
            if form in self.nouns or form in self.exceptions:
                return form in self.nouns
            if not form[0].isupper():
                continue
            lowered = form.lower()
            for length, suffixes in self.suffixes_by_length.items():
                if len(lowered) > length and lowered[-length:] in suffixes:
                    return True
        return False


def _noun_forms(word: str, endings: tuple[str, ...]) -> tuple[str, ...]:
    # Genitive and plural endings: Magazins, Internetdienstes, Illustrierten, Modelle.
    forms = [word]
    if len(word) > 4:
        forms.extend(word[: -len(ending)] for ending in endings if word.endswith(ending))
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
    #: "als" (and "Als"): a quote right after it may be a term (``term_als_words``).
    als_words: frozenset[str] = frozenset()
    #: Verbs that give a name: "Der Name lautet „…“" (``term_naming_verbs``).
    naming_verbs: frozenset[str] = frozenset()
    #: The outlet gazetteer (``outlets.toml``): a quoted outlet name is a title.
    outlets: Gazetteer | None = None
    #: Legal forms that end a company's or association's name (``name_endings``).
    name_endings: frozenset[str] = frozenset()
    #: The lower-case words such a name may hold besides articles (``name_link_words``).
    name_words: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: RuleData) -> QuotedClassifier:
        section: Mapping[str, Any] = rules.get("quotations", {})
        min_length = int(section.get("title_compound_min_length", 4))
        endings = tuple(w for w in section.get("noun_endings", ()) if isinstance(w, str) and w)
        # "Galt er als „…“": a verb of standing may open its sentence.
        standing = _words(section, "term_als_verbs")
        als_verbs = _alternation(standing | {w[:1].upper() + w[1:] for w in standing})
        passive_verbs = _alternation(_words(section, "term_als_passive_verbs"))
        als_words = _words(section, "term_als_words")
        return cls(
            title_nouns=_NounLexicon.build(
                _words(section, "title_nouns"),
                min_length,
                _words(section, "not_title_nouns"),
                endings,
            ),
            term_nouns=_NounLexicon.build(
                _words(section, "term_nouns"),
                min_length,
                _words(section, "not_term_nouns"),
                endings,
            ),
            slogan_nouns=_NounLexicon.build(
                _words(section, "slogan_nouns"), min_length, endings=endings
            ),
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
            naming_verbs=_words(section, "term_naming_verbs"),
            als_words=als_words | {w[:1].upper() + w[1:] for w in als_words},
            outlets=Gazetteer(compiled(rules, compile_rules)) if "outlets" in rules else None,
            name_endings=_words(section, "name_endings"),
            name_words=_words(section, "name_link_words")
            | _words(section, "title_articles")
            | _words(section, "title_function_words"),
        )

    def classify(self, doc: Document, piece: Piece) -> Category:
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
        if self._ends_in_legal_form(content, words):
            return "title"  # der „Wikimedia Deutschland – Gesellschaft … e.V.“
        if self._is_title_by_noun(context, content, words):
            return "title"
        if self._is_outlet(context, content, words):
            return "title"
        if self._names_itself(context, content, words):
            return "title"
        if self._is_title_by_content(content, words):
            return "title"
        if self._is_term(context, content, words):
            return "term"
        if self._is_title_by_slot(context, content, words, piece.family):
            return "title"
        return "speech"

    def marked_term(self, doc: Document, piece: Piece) -> bool:
        """Whether a term has marked evidence that no cue nearby overrides: a gloss (kurz:
        „IG Bau“) or brackets of its own (Kreuzungen („Hybride“)). A term by a noun or a
        marker alone (die Bezeichnung „…“, so genannte „…“) may still be somebody's words
        when a verb of saying governs it: the corpus has "sagte, dass ein mit 9.000 so
        genannten „Einmannpackungen“ beladener Airbus …" as a quotation."""
        context = _Context.of(doc.text, piece)
        if self.gloss_markers.ends(context.tail, strip="([:,", one_more_word=False) or (
            context.bracket_before and context.closes_bracket_or_list
        ):
            return True
        # A name given: "deren Bezeichnung „…“ lautet", "Der Name lautet „…“".
        tail = context.tail
        if context.last_word() in self.term_nouns:
            return context.next_word in self.naming_verbs
        return (
            len(tail) >= 2
            and tail[-1] in self.naming_verbs
            and _is_word(tail[-2])
            and tail[-2] in self.term_nouns
        )

    def coordinated_category(self, text: str, previous: Quoted, piece: Piece) -> Category:
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

    def _ends_in_legal_form(self, content: str, words: list[str]) -> bool:
        if len(words) < 2 or not self.name_endings:
            return False
        parts = content.split()
        if parts[-1] in self.name_endings:
            parts.pop()
        elif " ".join(parts[-2:]) in self.name_endings:
            del parts[-2:]  # "e. V."
        else:
            return False
        # A name, not a sentence: lower-case words are articles and links only.
        return all(
            not _WORD.fullmatch(w) or not w[0].islower() or w in self.name_words for w in parts
        )

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

    # An outlet the gazetteer knows, or a name before a hyphen and a title noun: mit der
    # „Zeit“, dem „Tagesspiegel“, der „Bild“-Zeitung, die „Tatort“-Folge.
    def _is_outlet(self, context: _Context, content: str, words: list[str]) -> bool:
        if len(words) > self.max_title_words or content[-1] in _SENTENCE_FINAL:
            return False
        right = context.right
        if right[:1] == "-" and right[1:2].isalpha():
            tail = _WORD.match(right, 1)
            if tail is not None and tail.group() in self.title_nouns:
                return True
        return self.outlets is not None and self.outlets.lookup(content) is not None

    # Part of a word, or a title noun of its own: the name of a programme, paper or work
    # (ZDF-„Morgenmagazin“, where a hyphen glues the quote to the word before it; im
    # „Morgenmagazin“ des ZDF, die „Netzeitung“), never a sentence somebody said. Evidence
    # (train and dev, 850 articles): no quote is glued to a word before it by a hyphen;
    # 13 one-word quotes are title nouns or their compounds, 1 of them annotated Direct (a
    # nested „Small-Business-Unternehmen“).
    def _names_itself(self, context: _Context, content: str, words: list[str]) -> bool:
        if len(words) > self.max_title_words or content[-1] in _SENTENCE_FINAL:
            return False
        if not (content[0].isupper() or content[0].isdigit()):
            return False
        left = context.left
        if len(left) >= 2 and left[-1] == "-" and left[-2].isalnum():
            return True
        return len(words) == 1 and words[0] in self.title_nouns

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
        if len(tail) >= 2 and tail[-1] in self.naming_verbs and tail[-2] in self.term_nouns:
            return True  # der Name lautet „…“
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
        if tail and tail[-1] in self.als_words:
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
