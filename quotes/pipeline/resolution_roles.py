"""The role-noun rules of a resolution run: a role mention ("der Präsident", "die
SPD-Politikerin", "der 34-Jährige") → the person last named with that role, with that
party or nearest of that gender, else the anonymous person it describes ("ein Sprecher
der Polizei"). :class:`~quotes.pipeline.resolution_run.ResolutionRun` holds one
:class:`Roles` over its :class:`~quotes.pipeline.resolution_memory.Memory`."""

from __future__ import annotations

import re

from quotes.document import Document
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.entity_scan import Entity, joined, normal_affiliation
from quotes.pipeline.mention import Mention
from quotes.pipeline.resolution_memory import Memory
from quotes.pipeline.resolution_mentions import description_name

__all__ = ["Roles"]

# How many sentences back a party role ("die SPD-Politikerin") may name the person last
# named, whose party the document had not given.
_PARTY_SENTENCES = 2
# How many sentences back an age noun ("der 34-Jährige") may name the person it refers
# to (and another person of its gender there makes it ambiguous).
_NEAREST_PERSON_SENTENCES = 2
# Punctuation around a word of the text ("Richter," "(SPD)").
_WORD_EDGES = ",.;:!?()[]„“”\"»«'"


class Roles:
    """The role-noun rules over one document's :class:`Memory`."""

    def __init__(self, doc: Document, lexicon: Lexicon, memory: Memory) -> None:
        self.doc = doc
        self.lex = lexicon
        self.memory = memory

    def resolve(self, mention: Mention, role_word: str) -> Entity:
        """The person a role mention refers to, or the anonymous one it describes."""
        lex = self.lex
        role, gender = lex.role_gender(role_word, mention.determiner) or ("", "")
        named = self.memory.name_right_before(mention.start)
        if named is not None:
            # "Maria Sacharowa, die Sprecherin …": the role phrase is an apposition.
            return self.memory.with_role(named, mention)
        party = (
            normal_affiliation(role_word.rsplit("-", 1)[0])
            if "-" in role_word
            and role_word.rsplit("-", 1)[1][:1].isupper()
            and not role_word[:1].isdigit()  # "der 34-Jährige": an age, no party "34"
            else ""
        ) or normal_affiliation(lex.party_members.get(role, ""))  # "der Republikaner"
        definite = mention.determiner in self.lex.role_articles and not mention.plural
        if definite and role in lex.nearest_person_roles:
            nearest = self._nearest_person(mention.start, gender) if gender else None
            if nearest is not None:
                return self.memory.with_role(nearest, mention)
            # An age names no office: no other rule may link it (the last person called
            # "der 34-Jährige" is no "der 61-Jährige").
            definite = False
        if definite:
            for entity in self.memory.before(mention.start):
                if entity.type != "person" or (gender and entity.gender not in ("", gender)):
                    continue
                if mention.genitive and not party and not self._named_as(entity, role_word):
                    # "Der Sprecher der ukrainischen Luftwaffe" after "Kremlsprecher
                    # Dmitri Peskow": the genitive names whose office it is; only a
                    # person named by this very role word may hold it ("Informations-
                    # minister Barnaba Marial … Der Informationsminister des Südsudans").
                    continue
                if party:
                    if party in {normal_affiliation(a) for a in entity.affiliations} and (
                        role in lex.affiliation_roles or lex.roles_compatible(role, entity.roles)
                    ):
                        return entity
                    continue
                if lex.roles_compatible(role, entity.roles):
                    return entity
            if party and role in lex.affiliation_roles:
                last = self.memory.last_person(mention.start, _PARTY_SENTENCES)
                if (
                    last is not None
                    and not self._in_a_party(last, by_member_noun=role in lex.party_members)
                    and last.gender in ("", gender)
                ):
                    # "Senatorin Melanie Leonhard äußerte sich. …, erklärte die
                    # SPD-Politikerin": the party of the person just named, known now.
                    return self.memory.with_affiliation(last, party)
            only = self.memory.only_person_before(mention.start)
            if (
                only is not None
                and not lex.is_demonym(role)  # "der Lette" is no Landrat named before
                and (not only.gender or only.gender == gender)
                and not party
                and not mention.genitive  # "Der Sprecher der Luftwaffe": someone new
                and not self._other_office(role, only)
            ):
                # "Karl-Theodor zu Guttenberg … Der frühere Verteidigungsminister …": with
                # one person named so far, a definite role noun refers to that person,
                # unless the text named that person by another office ("Premierminister
                # Michel Barnier … Der Fraktionschef sagte": someone else).
                return self.memory.with_role(only, mention)
        description = description_name(mention, lex.group_heads, lex.noun_genders)
        if mention.plural:
            return Entity(description, "group", "pl", frozenset({role}))
        indefinite = mention.determiner.lower() in lex.indefinite_articles
        if indefinite and mention.adjectives:
            # "ein ukrainischer Diplomat": a role noun alone is no one's name.
            description = joined([*mention.adjectives, description])
        return self.memory.register(
            description, gender, {role}, mention.start, named=not indefinite
        )

    def _named_as(self, entity: Entity, role_word: str) -> bool:
        """Whether the text wrote ``role_word`` itself, not as part of a compound
        ("Kremlsprecher" is no "Sprecher" here), right before ``entity``'s full name."""
        pattern = rf"(?<![\w-]){re.escape(role_word)}\s+{re.escape(entity.name)}(?!\w)"
        return re.search(pattern, self.doc.text) is not None

    def _in_a_party(self, entity: Entity, *, by_member_noun: bool) -> bool:
        """Whether the text named ``entity`` with an affiliation. For a party member's
        noun ("der Republikaner") only a party counts: "US-Senator Lindsey Graham" has
        the affiliation "US", which names no party."""
        if not by_member_noun:
            return bool(entity.affiliations)
        lex = self.lex
        parties = {
            normal_affiliation(p) for p in (*lex.organization_names, *lex.party_members.values())
        }
        return any(normal_affiliation(a) in parties for a in entity.affiliations)

    def _nearest_person(self, offset: int, gender: str) -> Entity | None:
        """The person mentioned last before ``offset`` in the last sentences whose known
        gender is ``gender`` ("Der Angeklagte Markus L. … sagte der 34-Jährige"); a person
        of the other gender in between is passed over. None where another person may be
        meant: one of that gender or of unknown gender in those sentences ("Richter Hans
        Hoffmann befragte Markus L. …": either may be 34), or a role noun after the
        person's last mention ("Laut Sprecher Joachim Banke … wollte der Richter … Der
        39-Jährige"), which may name someone the document never named."""
        persons = self.memory.persons_within(offset, _NEAREST_PERSON_SENTENCES)
        fitting = [(e, at) for e, at in persons if e.gender in ("", gender)]
        if len(fitting) != 1 or fitting[0][0].gender != gender:
            return None
        nearest, at = fitting[0]
        own = set(nearest.name.split())
        for word in self.doc.text[at:offset].split():
            word = word.strip(_WORD_EDGES)
            if word[:1].isupper() and word not in own and self.lex.role_of(word):
                return None
        return nearest

    def _other_office(self, role: str, entity: Entity) -> bool:
        """Whether ``role`` and a role ``entity`` was named by are two offices that cannot
        name one person: both in ``persons.toml`` ``role_groups`` and in no group together
        ("fraktionschef" for a "minister"). A role outside the groups ("der 23-jährige
        Sportler" after "Formel-1-Fahrer Christian Klien") may describe anyone."""
        groups = self.lex.role_groups
        if role not in groups or not any(held in groups for held in entity.roles):
            return False
        return not self.lex.roles_compatible(role, entity.roles)
