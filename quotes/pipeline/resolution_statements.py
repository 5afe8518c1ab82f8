"""The statement-noun rules of a resolution run: the author a statement noun names
("Angaben der Polizei" → Polizei, "nach ihren Informationen" → the possessive's person) and
the description of a statement without a named author ("Angaben aus Fraktionskreisen").
:class:`~quotes.pipeline.resolution_run.ResolutionRun` holds one :class:`Statements` and
hands it its own resolution steps, which the author phrase is resolved with."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.entity_scan import Entity, organization_name_with
from quotes.pipeline.mention import Mention
from quotes.pipeline.resolution_memory import Memory
from quotes.pipeline.resolution_mentions import name_adjectives

__all__ = ["Statements", "word_offset"]


class Statements:
    """The statement-noun rules over one document's :class:`Memory`; ``resolve`` and
    ``resolve_pronoun`` are the run's steps for a mention and for a pronoun."""

    def __init__(
        self,
        lexicon: Lexicon,
        memory: Memory,
        resolve: Callable[[Mention], Entity],
        resolve_pronoun: Callable[[Mention], Entity],
    ) -> None:
        self.lex = lexicon
        self.memory = memory
        self._resolve = resolve
        self._resolve_pronoun = resolve_pronoun

    def author(self, mention: Mention) -> Entity | None:
        """The author a statement noun names in its genitive or "von" phrase: "Angaben der
        Polizei" → Polizei, "einem Bericht des „Spiegel“" → Spiegel, "Informationen von
        Reuters und AFP" → both. Only a named author counts (an outlet, an organisation, a
        person the document named, a group of names); "Angaben eines Sprechers" keeps its
        description."""
        lex = self.lex
        if not mention.head or any(lex.role_of(w) for w in mention.head):
            return None
        if mention.head[-1] not in lex.statement_nouns:
            return self._compound_author(mention)
        genitive = mention.genitive or self._author_phrase(mention)
        if not genitive:
            return self._possessive_author(mention)
        mention = attrs.evolve(mention, genitive=genitive)
        first = mention.genitive[0]
        at = word_offset(mention.text, first, mention.text.find(mention.head[-1]))
        if at < 0:
            return None
        rest = mention.genitive[1:] if first.lower() in lex.genitive_links else mention.genitive
        determiner = rest[0].lower() if rest and rest[0].lower() in lex.genitive_links else ""
        words = rest[1:] if determiner else rest
        # A quoted genitive after the author is what the author said, not part of its name:
        # "Auffassung eines Gerichtes | des „Aufrufs zu Subversion“".
        cut = next(
            (
                k
                for k, w in enumerate(words)
                if k
                and w.lower() in lex.genitive_links
                and k + 1 < len(words)
                and words[k + 1][:1] in _OPENING_MARKS
            ),
            len(words),
        )
        words = words[:cut]
        # "des Schweizer Bundesamts | für Umwelt": the complement of an organisation's
        # name is read apart, and joined to the organisation's name found without it.
        joint = next(
            (
                k
                for k, w in enumerate(words)
                if k and w in lex.organization_complements and words[k + 1 : k + 2] != []
            ),
            len(words),
        )
        complement = words[joint:] if words[joint + 1 : joint + 2][:1] else ()
        complement = complement if complement and complement[1][:1].isupper() else ()
        words = words[:joint] if complement else words
        determiner = first.lower() if first.lower() in lex.genitive_links else ""
        # A role noun keeps its own genitive: "Angaben des Sprechers | der Feuerwehr".
        own = next(
            (k for k, w in enumerate(words) if k and w.lower() in lex.genitive_links),
            len(words),
        )
        if own < len(words) and not any(
            lex.role_of(self._nominative(w, determiner)) or lex.is_organization_word(w)
            for w in words[:own]
        ):
            own = len(words)
        head = tuple(
            self._nominative(w, determiner)
            for w in words[:own]
            if w[:1].isupper() or w.strip('„“”"»«')[:1].isupper()
        )
        if not head:
            return None
        # "der Deutschen Bahn": the capitalised adjective is the name's, not a head word.
        author = name_adjectives(
            attrs.evolve(
                mention,
                start=mention.start + at,
                text=mention.text[at:],
                head=head,
                determiner=determiner,
                genitive=tuple(words[own:]),
                apposition=(),
                adjectives=(),
            ),
            lex,
        )
        # The author's number is its own: "Angaben eines Sprechers" is one person, "Angaben
        # der Deutschen Bahn" one organisation (a name's adjective makes it a name).
        author = attrs.evolve(
            author,
            plural=mention.plural
            and determiner not in lex.genitive_articles
            and not author.adjectives,
        )
        entity = self._resolve(author)
        if entity.type == "organization" and complement and " für " not in f" {entity.name} ":
            return attrs.evolve(entity, name=" ".join([entity.name, *complement]))
        if entity.type in ("outlet", "organization"):
            return entity
        if entity.type == "group" and " und " in entity.name:
            return entity
        low = entity.name.lower()
        if entity.type == "group" and low.endswith(tuple(h + "n" for h in self._source_groups())):
            return attrs.evolve(entity, name=entity.name[:-1])  # "aus Regierungskreisen"
        if entity.type == "group" and low.endswith(self._source_groups()):
            return entity
        if entity.type == "person" and entity.name in self.memory.by_name and " " in entity.name:
            return entity
        if entity.type == "person" and entity.roles and not author.plural:
            return entity  # "Angaben eines Sprechers": the Sprecher, as "ein Sprecher sagte"
        if (
            entity.type == "person"
            and " " not in entity.name
            and mention.head[-1] in lex.study_nouns
            and first.lower() in lex.name_links
            and words[:1]
            and words[0][:1].isupper()
            # "von Forschern", "von Experten": role nouns in the plural are no institute.
            and not any(lex.role_of(words[0][: len(words[0]) - k]) for k in (0, 1, 2))
            and words[0] not in lex.group_words
        ):
            # "Einer Umfrage von Infratest dimap": a name no one in the document has is
            # the institute's, as written after "von".
            name = " ".join(w.strip(",") for w in words[:own])
            if name and all(w[:1].isalnum() for w in name.split()):
                return Entity(name, "organization")
        return None

    def _compound_author(self, mention: Mention) -> Entity | None:
        """The author a compound of a statement noun names in its first part: "nach
        Polizeiangaben" → Polizei, "laut UNO-Angaben" → UNO, "nach israelischen
        Armeeangaben" → israelische Armee, "nach Behördenangaben" → Behörden (a group
        word). Only where that part is an organisation or group word: resolving any other
        part would register it ("Kandidaten" only ends like "Daten", "DNA-Analyse" names
        no organisation)."""
        lex = self.lex
        if len(mention.head) != 1 or mention.genitive:
            return None
        word = mention.head[0]
        low = word.lower()
        noun = max(
            (n for n in lex.statement_nouns if low.endswith(n.lower()) and len(low) > len(n) + 2),
            key=len,
            default="",
        )
        prefix = word[: len(word) - len(noun)].rstrip("-") if noun else ""
        at = word_offset(mention.text, word, 0)
        if len(prefix) < 2 or at < 0:
            return None
        # A linking "s" is no part of the author: "Unternehmensangaben", "Regierungsangaben".
        parts = (prefix[:-1], prefix) if prefix.endswith("s") and "-" not in word else (prefix,)
        for part in parts:
            if not (lex.is_organization_word(part) or part in lex.group_words):
                continue
            author = attrs.evolve(
                mention,
                start=mention.start + at,
                end=mention.start + at + len(part),
                text=part,
                head=(part,),
                determiner="",
                genitive=(),
                apposition=(),
                plural=part in lex.group_words,
                subject=False,
                antecedent=None,
            )
            entity = self._resolve(author)
            if entity.type == "organization" and entity.name == part and mention.adjectives:
                # "nach israelischen Armeeangaben": the adjectives are the author's.
                gender = entity.gender or lex.noun_gender(part)
                name = organization_name_with(mention.adjectives, part, gender, lex)
                return attrs.evolve(entity, name=name, gender=gender)
            if entity.type in ("outlet", "organization") or (
                entity.type == "group" and part in lex.group_words
            ):
                return entity
        return None

    def _nominative(self, word: str, determiner: str) -> str:
        """A role noun after a genitive-only article without its genitive ending
        ("eines Sprechers" → Sprecher); any other word as written."""
        if determiner not in self.lex.genitive_articles or self.lex.role_of(word):
            return word
        # The genitive endings -es and -s, as in Lexicon.is_organization_word.
        stems = (word[:-2] if word.endswith("es") else "", word[:-1] if word.endswith("s") else "")
        return next((stem for stem in stems if stem and self.lex.role_of(stem)), word)

    def _author_phrase(self, mention: Mention) -> tuple[str, ...]:
        """The words after a statement noun that open with an author link but that the
        mention did not read as its genitive ("Angaben | aus Fraktionskreisen")."""
        head = mention.head[-1]
        at = mention.text.find(head)
        words = mention.text[at + len(head) :].split() if at >= 0 else []
        if len(words) < 2 or words[0].lower() not in self.lex.genitive_links:
            return ()
        return tuple(words)

    def _source_groups(self) -> tuple[str, ...]:
        """The group heads that name a source ("Kreise", "Quellen"), lower case."""
        return tuple(h.lower() for h in self.lex.group_heads)

    def description(self, mention: Mention, head: str) -> Entity | None:
        """A statement noun with the words after it, as written: "Angaben aus
        Fraktionskreisen" (None where nothing follows the noun)."""
        at = mention.text.find(head)
        if at < 0 or not mention.text[at + len(head) :].strip():
            return None
        return Entity(mention.text[at:].strip(), "unknown")

    def _possessive_author(self, mention: Mention) -> Entity | None:
        """The author a possessive names before a statement noun, resolved as its pronoun:
        "nach ihren Informationen" after "Gülsen Celebi gab an, …" → Gülsen Celebi. Only a
        named person or organisation counts."""
        determiner = mention.determiner.lower()
        pronoun = next(
            (p for stem, p in self.lex.possessive_authors.items() if determiner.startswith(stem)),
            None,
        )
        if pronoun is None:
            return None
        # The possessive itself stands for the pronoun (its number is the possessor's, not
        # the noun's: "ihren Angaben" may be one woman's).
        word = mention.text.split()[0] if mention.text.split() else ""
        at = mention.text.find(word)
        possessor = attrs.evolve(
            mention,
            start=mention.start + at,
            end=mention.start + at + len(word),
            text=word,
            pronoun=pronoun,
            head=(),
            genitive=(),
            determiner="",
            plural=False,
            antecedent=None,
        )
        entity = self._resolve_pronoun(possessor)
        if entity.type not in ("group", "unknown") and entity.name:
            return entity
        return None


_OPENING_MARKS = frozenset('„»"‚›')


def word_offset(text: str, word: str, after: int) -> int:
    """Where ``word`` first stands as a word of ``text`` after offset ``after``."""
    at = max(after, 0)
    while (at := text.find(word, at)) >= 0:
        before_ok = at == 0 or not text[at - 1].isalnum()
        end = at + len(word)
        if before_ok and (end == len(text) or not text[end].isalnum()):
            return at
        at += 1
    return -1
