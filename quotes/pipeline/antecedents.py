"""The subject that opens a sentence with a role or organisation noun ("Die Ministerin rief
zur Mäßigung auf.", "Der Verband wies die Forderung zurück."): the antecedent of a subject
pronoun in the next sentence that no earlier speaker or name gives ("Sie sagte, …" → die
Ministerin; such a subject is often a reported speaker, which the resolver meets only after
the direct quotations it is resolving), and a sentence that puts someone else between a
speaker and a quotation that might carry on that speaker's words."""

from __future__ import annotations

import attrs

from quotes.document import Document
from quotes.pipeline.entity_lexicon import Gender, Lexicon
from quotes.pipeline.mention import Mention

__all__ = ["opens_with_speaker", "subject_before"]

# How many adjectives may stand between the article and the noun.
_ADJECTIVES = 3
# How many words of the genitive and the name in commas after the noun are read.
_ATTRIBUTE = 9
# How many words a name in commas may have ("Jurij Ihnat", "Anna-Lena von Berg").
_NAME_WORDS = 4


@attrs.frozen
class _Opening:
    article: str
    adjectives: tuple[str, ...]
    noun: str
    gender: Gender
    #: The genitive attribute after the noun ("der ukrainischen Luftwaffe").
    genitive: tuple[str, ...] = ()
    #: A name in commas after the noun or its genitive (", Jurij Ihnat,").
    apposition: tuple[str, ...] = ()
    #: The phrase's last word as written (where the mention ends).
    last: str = ""


def _opening(lex: Lexicon, text: str) -> _Opening | None:
    """A singular role or organisation noun with its article ("Die Ministerin", "Der
    zuständige Verband") that opens ``text``, followed by a lower-case word (its verb),
    not by a name or a preposition."""
    words = text.split(maxsplit=_ADJECTIVES + _ATTRIBUTE + 3)
    if len(words) < 3 or words[0].lower() not in lex.article_genders:
        return None
    k = 1
    while k < len(words) - 1 and k <= _ADJECTIVES and words[k][:1].islower():
        k += 1
    noun = words[k]
    if k + 1 >= len(words) or not noun[:1].isupper() or not noun.replace("-", "").isalpha():
        return None
    after = words[k + 1]
    if not after[:1].islower() or after.lower() in lex.prepositions:
        return None
    role = lex.role_gender(noun, words[0])
    if role is not None:
        gender = role[1]
    elif lex.is_organization_word(noun):
        gender = lex.noun_gender(noun)
    else:
        return None
    genitive, apposition, last = _attributes(lex, words, k + 1)
    return _Opening(words[0], tuple(words[1:k]), noun, gender, genitive, apposition, last or noun)


def _named_opening(lex: Lexicon, text: str) -> _Opening | None:
    """A role noun without article and the name it stands before ("Umweltministerin Thekla
    Walker (Grüne) sagte …") that open ``text``: two or more capitalised words, maybe a
    party in brackets, then a lower-case word that is no preposition. The role gives the
    gender; a name the document scan missed is still the subject a pronoun refers to."""
    words = text.split(maxsplit=_NAME_WORDS + 3)
    if len(words) < 4 or words[0][:1].islower() or words[0].lower() in lex.article_genders:
        return None
    role = lex.role_of(words[0])
    if role is None or not role[1]:
        return None
    k = 1
    while k < len(words) - 1 and k <= _NAME_WORDS and _name_word(words[k]):
        k += 1
    names = tuple(words[1:k])
    if len(names) < 2 or any(lex.role_of(n) for n in names):
        return None
    if words[k].startswith("(") and words[k].endswith(")") and k + 1 < len(words):
        k += 1  # "(Grüne)"
    after = words[k]
    if not after[:1].islower() or after.lower() in lex.prepositions:
        return None
    return _Opening("", (), words[0], role[1], (), names, names[-1])


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha()


def _attributes(
    lex: Lexicon, words: list[str], k: int
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The genitive attribute that follows the noun at ``words[k]`` ("der ukrainischen
    Luftwaffe") and a name in commas after it (", Jurij Ihnat,"), with the last word of
    the phrase as written; empty where none follows. The genitive names whose office the
    role is, the name its holder: both are part of the subject a pronoun refers back to."""
    genitive: tuple[str, ...] = ()
    last = ""
    if k < len(words) and words[k] in lex.genitive_articles | lex.role_genitive_articles:
        g = k + 1
        while g < len(words) and g - k <= _ADJECTIVES and words[g][:1].islower():
            g += 1
        word = words[g].rstrip(",") if g < len(words) else ""
        if not word[:1].isupper() or not word.replace("-", "").isalpha():
            return (), (), ""
        genitive = (*words[k:g], word)
        last = words[g]
        k = g + 1
    before = words[k - 1]
    if not before.endswith(","):
        return genitive, (), last
    names: list[str] = []
    for word in words[k : k + _NAME_WORDS]:
        bare = word.rstrip(",")
        if not bare[:1].isupper() or not bare.replace("-", "").isalpha():
            break
        names.append(bare)
        if word.endswith(","):
            if len(names) >= 2 and not any(lex.role_of(n) for n in names):
                return genitive, tuple(names), bare
            break
    return genitive, (), last


def opens_with_speaker(lex: Lexicon, text: str) -> bool:
    """Whether ``text`` (a sentence) opens with a role or organisation noun as its
    subject: someone who may speak."""
    return _opening(lex, text.lstrip()) is not None


def subject_before(doc: Document, lex: Lexicon, offset: int, gender: Gender) -> Mention | None:
    """The mention of the role or organisation noun that opens the sentence right before
    the one at ``offset``, where its gender is ``gender`` (m or f); None otherwise."""
    if gender not in ("m", "f"):
        return None
    here = doc.sentence_index(offset)
    if here == 0:
        return None
    sentence = doc.sentences[here - 1]
    found = _opening(lex, sentence.text) or _named_opening(lex, sentence.text.lstrip())
    if found is None or found.gender != gender:
        return None
    start = sentence.start + sentence.text.find(found.article or found.noun)
    end = doc.text.find(found.noun, start) + len(found.noun)
    if found.last != found.noun:
        # Through the genitive and the name in commas ("Der Sprecher der ukrainischen
        # Luftwaffe, Jurij Ihnat"): the words after the noun, in order.
        for word in (*found.genitive, *found.apposition):
            end = doc.text.find(word, end) + len(word)
    if not found.article:
        # "Umweltministerin Thekla Walker": the name is part of the head, as a frame's
        # speaker mention has it.
        return Mention(start, end, doc.text[start:end], head=(found.noun, *found.apposition))
    return Mention(
        start,
        end,
        doc.text[start:end],
        head=(found.noun,),
        determiner=found.article.lower(),
        adjectives=found.adjectives,
        genitive=found.genitive,
        apposition=found.apposition,
    )
