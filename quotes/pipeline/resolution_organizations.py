"""The organisation and outlet rules of a resolution run: an outlet by its canonical name
(die „Berliner Zeitung“), an organisation with its complement ("das Bundesamt für
Migration und Flüchtlinge"), the name after a class noun ("die Gewerkschaft GEW" → GEW),
and a definite class noun back to the organisation last named with it ("die
Gewerkschaft", "das Ministerium")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from itertools import pairwise

import attrs

from quotes.document import Document
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.entity_scan import Entity, joined, organization_name_with, unquoted
from quotes.pipeline.mention import Mention
from quotes.pipeline.outlets import OutletFinder
from quotes.pipeline.resolution_memory import Memory
from quotes.pipeline.resolution_mentions import name_adjectives

__all__ = ["Organizations"]

# How many words before "(DKG)" may spell out the abbreviation.
_SPELLED_OUT_WORDS = 6


class Organizations:
    """The organisation rules over one document's :class:`Memory`."""

    def __init__(
        self, doc: Document, lexicon: Lexicon, outlets: OutletFinder, memory: Memory
    ) -> None:
        self.doc = doc
        self.lex = lexicon
        self.outlets = outlets
        self.memory = memory

    def outlet(self, mention: Mention) -> Entity | None:
        """The outlet the mention names, by its canonical name."""
        # The mention as written, without article and marks: die „Berliner Zeitung“.
        bare = " ".join(
            w.strip('„“”"»«') for w in mention.text.split() if w.lower() != mention.determiner
        ).strip()
        found = self.outlets.lookup(bare, ambiguous=False) if bare else None
        if found is not None:
            return Entity(found[0], "outlet", "n")
        for size in range(len(mention.head), 0, -1):
            for i in range(len(mention.head) - size + 1):
                found = self.outlets.lookup(" ".join(mention.head[i : i + size]), ambiguous=False)
                if found is not None:
                    return Entity(found[0], "outlet", "n")
        return None

    def aliased(self, mention: Mention) -> Entity | None:
        """An organisation whose name is one of ``organization_aliases``, in any of its
        forms, as the whole mention ("Die Vereinten Nationen", "der Weiße Ring"); a plural
        name is no group of people."""
        words = " ".join([*mention.adjectives, *mention.head])
        canonical = self.lex.organization_aliases.get(words)
        if canonical is None or mention.apposition or mention.genitive:
            return None
        head = canonical.split()[-1]
        return Entity(canonical, "organization", self.lex.noun_gender(head))

    def class_name(self, mention: Mention) -> Entity | None:
        """ "die Gewerkschaft GEW" → GEW: a class noun, then the organisation's name."""
        head = mention.head
        for i, word in enumerate(head[:-1]):
            if not self.lex.is_organization_class(word):
                continue
            rest = head[i + 1 :]
            if any(self.lex.role_of(w) or w in self.lex.not_speakers for w in rest):
                return None
            if all(w in self.lex.organization_name_words for w in rest):
                return None  # "die Allianz SE": a legal form, the class noun is the name
            if not _follows(mention.text, word, rest[0]):
                return None  # "des Instituts der deutschen Wirtschaft": a genitive, no name
            if self.lex.is_organization_word(rest[-1]) and not (
                rest[-1] in self.lex.organization_names or rest[-1].isupper()
            ):
                return None  # "die Partei Bundesregierung"? not a name after a class noun
            name = " ".join(rest)
            return Entity(name, "organization", self.lex.noun_gender(word))
        return None

    def named(self, mention: Mention) -> Entity | None:
        """An organisation that a word of its name says is one, though its last word is no
        organisation word: a name word anywhere in a name of two words or more ("Die
        Deutsche Bahn AG", "Amnesty International"), a noun after a capitalised adjective
        of the name ("Das Deutsche Rote Kreuz", "Die Grüne Jugend"; "Frau Kreuz" is a
        person), an
        organisation noun before a place or name ("Die Handelskammer Bremen", "Die
        Technische Universität München"), an abbreviation alone ("Die DKG": the name the
        document wrote before "(DKG)", if it did). No mention with a role word ("Bahnchef
        Richard Lutz"). The mention's number does not count: a parser may read a place
        as a plural ("Universität Dresden"), and a plural organisation noun is none
        ("Gewerkschaften")."""
        lex = self.lex
        if not mention.head or any(lex.role_of(w) for w in mention.head):
            return None
        split = name_adjectives(mention, lex)
        head = split.head
        capitalised = [w for w in split.adjectives if w[:1].isupper()] if split.determiner else []
        # The head's words stand together in the text: "Institut | für Wirtschaftsforschung"
        # is a name with a complement, read elsewhere.
        together = unquoted(" ".join(head)) in unquoted(mention.text)  # "Organisation „X“"
        if together and (
            (len(head) > 1 and any(w in lex.organization_name_words for w in head))
            or (capitalised and head[-1] in lex.organization_adjective_heads)
        ):
            return self.organization(split)
        # "der Industrie- und Handelskammer Kassel": truncated words open the noun.
        lead = next((k for k, w in enumerate(head) if not w.endswith("-")), len(head) - 1)
        rest = head[lead + 1 :]
        if (
            rest
            and (together or lead)
            and lex.is_organization_word(head[lead])
            # Places may look like common words ("Hamburg", "Kiel", "Bremen" like a
            # plural): only a group word says the words after the noun are no name ("die
            # Polizei Beamte").
            and all(
                w[:1].isupper()
                and w not in lex.not_speakers
                and w not in lex.group_words
                and not lex.is_organization_word(w)
                for w in rest
            )
        ):
            # The organisation noun gives the gender ("die Handelskammer Bremen").
            gender = lex.noun_gender(head[lead])
            first = self._name(attrs.evolve(split, head=head[: lead + 1]), gender)
            return Entity(" ".join([first, *rest]), "organization", gender)
        word = head[0]
        if len(head) == 1 and len(word) > 1 and word.isalpha() and word.isupper():
            for offset, written in reversed(self.memory.roster.organizations.get(word, ())):
                # Only a name the abbreviation stood after in brackets; the scan also files
                # a name under its own head ("SPD für den kommenden Wahlkampf": no name).
                if offset < mention.start and written.split()[0] != word:
                    # "(DIW)" after "Institut für Wirtschaftsforschung", read by the scan;
                    # with the adjectives a speaker mention gave it ("Deutsches Institut …").
                    fuller = next(
                        (
                            e
                            for name, e in self.memory.by_name.items()
                            if e.type == "organization" and name.endswith(" " + written)
                        ),
                        None,
                    )
                    gender = lex.noun_gender(written.split()[0])
                    return fuller or Entity(written, "organization", gender)
            named = self.memory.by_name.get(word)
            if named is not None and named.type == "organization" and named.name != word:
                return named  # "Das IW" after "Das Institut der deutschen Wirtschaft (IW)"
            full = self._spelled_out(word, mention.start)
            if full:
                known = self.memory.by_name.get(full)
                if known is not None and known.type == "organization":
                    return known
                return Entity(full, "organization", lex.noun_gender(full.split()[-1]))
            if split.determiner or mention.subject:
                # "Die DKG erklärte", "BKA erklärte": an abbreviation that speaks itself;
                # not one inside a phrase ("laut DNA-Analyse" names no organisation).
                return Entity(word, "organization", lex.article_genders.get(split.determiner, ""))
        return None

    def _spelled_out(self, abbreviation: str, before: int) -> str:
        """The name the document wrote right before "(DKG)", earlier than ``before``: the
        capitalised words after its determiner, in the form without article ("der
        Deutschen Krankenhausgesellschaft (DKG)" → "Deutsche Krankenhausgesellschaft");
        its first letter must be the abbreviation's. "" where there is none."""
        text = self.doc.text
        at = text.rfind(f"({abbreviation})", 0, before)
        if at < 0:
            return ""
        lex = self.lex
        words = text[max(0, at - 200) : at].split()
        name: list[str] = []
        determiner = ""
        for k in range(len(words) - 1, max(-1, len(words) - 1 - _SPELLED_OUT_WORDS), -1):
            word = words[k]
            if word.lower() in lex.determiners_nominative | lex.determiners_oblique:
                determiner = word.lower()
                break
            if word in lex.group_joints and name and k > 0 and words[k - 1].endswith("-"):
                continue  # "Industrie- und Handelskammer": the joint of a truncated word
            if not (word[:1].isupper() and word.replace("-", "").isalpha()):
                break
            name.insert(0, word)
        if not name or name[0][:1] != abbreviation[:1] or lex.role_of(name[-1]):
            return ""
        if not determiner and len(name) > 1:
            # Without an article the adjectives' case is unknown ("durch Internationalem
            # Währungsfonds (IWF)"): the abbreviation is the surer name.
            return ""
        spelled = Mention(
            at,
            at,
            text[max(0, at - 200) : at].strip(),
            head=(name[-1],),
            determiner=determiner,
            adjectives=tuple(name[:-1]),
        )
        return self._name(spelled)

    def inside(self, mention: Mention) -> Entity | None:
        """An organisation the document named with its complement where the mention
        starts: "das Bundesamt für Migration und Flüchtlinge", however it was chunked."""
        text = self.doc.text
        spans = self.memory.roster.organization_spans
        index = bisect_left(spans, (mention.start, ""))
        determiners = self.lex.determiners_nominative | self.lex.determiners_oblique
        while index < len(spans) and spans[index][0] < mention.end:
            offset, full = spans[index]
            index += 1
            lead = text[mention.start : offset].split()
            determiner = lead[0].lower() if lead and lead[0].lower() in determiners else ""
            named = lead[1:] if determiner else lead
            if all(self.lex.is_name_adjective(w) for w in named):
                # "Das Deutsche Institut für Wirtschaftsforschung": its capitalised
                # adjectives are the name's, in the form without article.
                first, *others = full.split()
                if named and determiner in self.lex.genitive_articles:
                    # "des Deutschen Instituts für …": the scan saw no article before the
                    # noun, which keeps its genitive ending.
                    bare = attrs.evolve(mention, head=(first,), adjectives=())
                    first = self._name(attrs.evolve(bare, determiner=determiner))
                full = " ".join([first, *others])
                gender = self.lex.noun_gender(first)
                ending = self.lex.strong_adjective_endings.get(gender)
                oblique = determiner in self.lex.oblique_case_articles
                if named and ending is None:
                    continue
                words = [
                    w
                    if oblique and not w.endswith("en")
                    else _strong(w, ending or "", self.lex.noun_genders, short=True)
                    for w in named
                ]
                return Entity(" ".join([*words, full]), "organization", gender)
        return None

    def is_organization(self, mention: Mention) -> bool:
        """The mention's head is an organisation word ("Bundesamt", "Ministerium"), or
        one followed by its acronym ("die Hafenbehörde HPA")."""
        head = mention.head
        if not head:
            return False
        if len(head) > 1 and head[-1].isupper() and head[-1].isalpha():
            return self.lex.is_organization_word(head[-2])
        return self.lex.is_organization_word(head[-1])

    def organization(self, mention: Mention, gender: str = "") -> Entity:
        """An organisation with its complement, as written in the mention or right after
        it ("das Bundesamt für Migration und Flüchtlinge"), or as the document named it
        before ("das Bundesamt" after "Bundesamt für Migration …"). ``gender`` is the
        name's where no dictionary knows it ("der Nabu": its article's)."""
        name = self._name(mention, gender)
        head = name.split()[-1] if name else ""
        gender = (self.lex.noun_gender(head) if head else "") or gender
        definite = mention.determiner in self.lex.definite_articles
        for offset, full in reversed(self.memory.roster.organizations.get(head, ())):
            inside = mention.start <= offset < mention.end
            earlier = (
                offset < mention.start
                and len(name.split()) == 1
                and not self._genitive_of_name(mention)
            )
            if inside or (earlier and definite):
                return Entity(full, "organization", gender)
        if self._genitive_of_name(mention):
            # The genitive is part of the organisation's name ("der Zentralverband des
            # Deutschen Handwerks", "die Regierung der Ukraine"), as it is of a role's.
            return Entity(joined([name, *mention.genitive]), "organization", gender)
        if definite and len(mention.head) == 1 and name == head:
            earlier_one = self.classed_before(mention) or self._ending_in(head, mention.start)
            if earlier_one is not None:
                return earlier_one
            name = organization_name_with(mention.adjectives, head, gender, self.lex)
        return Entity(name, "organization", gender)

    def classed_before(self, mention: Mention) -> Entity | None:
        """ "die Gewerkschaft" after "Die Gewerkschaft GEW", "der Konzern" after "Der
        Autokonzern Volkswagen": the organisation last named with that class noun."""
        noun = mention.head[-1].lower()
        for offset, cls, name in reversed(self.memory.roster.classed):
            if offset < mention.start and cls.endswith(noun):
                return self.memory.by_name.get(name) or Entity(name, "organization")
        return None

    def _ending_in(self, head: str, offset: int) -> Entity | None:
        """ "das Ministerium" after "das polnische Innenministerium"."""
        low = head.lower()
        for entity in self.memory.before(offset):
            if entity.type == "organization" and entity.name != head:
                last = self.head_word(entity.name).lower()
                if last.endswith(low) and " für " not in entity.name:
                    return entity
        return None

    def _genitive_of_name(self, mention: Mention) -> bool:
        """Whether the mention's genitive belongs to the organisation's name. Not after a
        name that is complete in itself ("wirft die OSZE der Wahlkommission vor": a dative
        object the chunk ran into) and not where it is a time ("Angaben der Polizei vom
        Dienstag")."""
        if not mention.genitive or not mention.head:
            return False
        head = mention.head[-1]
        if head in self.lex.organization_names or head.isupper():
            return False
        return not any(w in self.lex.not_speakers for w in mention.genitive)

    def head_word(self, name: str) -> str:
        """The head noun of an organisation's name, before the genitive that may be part
        of it ("Zentralverband des Deutschen Handwerks" → "Zentralverband")."""
        words = name.split()
        links = self.lex.genitive_articles | self.lex.role_genitive_articles
        cut = next((k for k, w in enumerate(words) if k and w in links), len(words))
        return words[cut - 1] if words else ""

    def _name(self, mention: Mention, gender: str = "") -> str:
        aliases = self.lex.organization_aliases
        words = [*mention.adjectives, *mention.head]
        joined = " ".join(words)
        for alias, canonical in aliases.items():
            if joined.endswith(alias):
                return canonical
        head = mention.head[-1]
        if (
            mention.determiner in self.lex.genitive_articles
            and head.endswith("s")
            and len(head) > 4
        ):
            head = head[:-2] if head.endswith("es") and not head.endswith("ses") else head[:-1]
        # Capitalised adjectives after an article are part of the name ("das Statistische
        # Bundesamt"); lower-case ones are not ("das zuständige Bundesamt").
        named = [w for w in mention.adjectives if w[:1].isupper()] if mention.determiner else []
        before = [*named, *mention.head[:-1]]
        ending = self.lex.strong_adjective_endings.get(self.lex.noun_gender(head) or gender)
        if mention.determiner and ending is not None:
            # "des Statistischen Bundesamts" → "Statistisches Bundesamt": a capitalised
            # adjective of the name takes the nominative ending of its noun.
            # After "des", "dem", "einen" … an adjective ends in "-en": "des
            # Verbraucherzentrale Bundesverbands" has a noun, not an adjective, first.
            oblique = mention.determiner in self.lex.oblique_case_articles
            # An adjective the mention itself reads as one may be short ("Rote" of "das
            # Deutsche Rote Kreuz" → "Deutsches Rotes Kreuz").
            before = [
                w
                if oblique and not w.endswith("en")
                else _strong(
                    w,
                    ending,
                    self.lex.noun_genders,
                    short=k < len(named) and self.lex.is_name_adjective(w),
                )
                for k, w in enumerate(before)
            ]
        return " ".join(self._joined_truncations([*before, head], mention.text))

    def _joined_truncations(self, words: list[str], text: str) -> list[str]:
        """The words with the joint the text writes after a truncated word: "Industrie-
        und Handelskammer" (the parts keep "Industrie-" and "Handelskammer" only)."""
        out: list[str] = []
        for k, word in enumerate(words):
            out.append(word)
            if not word.endswith("-") or k + 1 >= len(words):
                continue
            joint = next((j for j in self.lex.group_joints if f"{word} {j} " in text), None)
            if joint is not None:
                out.append(joint)
        return out


def _follows(text: str, word: str, after: str) -> bool:
    """Whether ``after`` is the next word after ``word`` in ``text``."""
    words = text.split()
    return any(a == word and b == after for a, b in pairwise(words))


def _strong(word: str, ending: str, nouns: Mapping[str, str], *, short: bool = False) -> str:
    """A capitalised adjective of a name in the form without article ("Statistischen",
    "Statistische" → "Statistisches"); other words as they are. A word of six letters or
    fewer only where ``short`` says it is an adjective ("Rote")."""
    if word.lower() in nouns or (len(word) <= 6 and not short):
        return word
    if word.endswith("en"):
        return word[:-2] + ending
    if word.endswith("e"):
        return word[:-1] + ending
    return word
