"""What one resolution run remembers of a document: the entities named so far, the
surnames that refer to them, and where each was mentioned with what salience (a subject,
a plain mention, an oblique one). :class:`~quotes.pipeline.resolution_run.ResolutionRun`
reads antecedents from it ("der Präsident", "er", "Beide Seiten") and notes each mention
it resolves."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

import attrs

from quotes.document import Document
from quotes.pipeline.entity_lexicon import Gender, Lexicon
from quotes.pipeline.entity_scan import OBLIQUE, PLAIN, SUBJECT, Entity, Roster
from quotes.pipeline.mention import Mention

__all__ = ["Memory"]

# How many earlier mentions a pronoun or role noun may reach back to.
_LOOK_BACK = 64
# How many sentences back a subject is preferred over a nearer plain mention.
_SUBJECT_SENTENCES = 2
# How many sentences back "Beide Seiten" looks for the two persons it means.
_PAIR_SENTENCES = 2


class Memory:
    """The entities of one document named so far, from its roster and the resolved mentions."""

    def __init__(self, doc: Document, lexicon: Lexicon, roster: Roster) -> None:
        self.doc = doc
        self.lex = lexicon
        self.roster = roster
        #: Every entity by its name: the roster's, then those resolved.
        self.by_name = dict(roster.entities)
        self._surnames = {k: list(v) for k, v in roster.surnames.items()}
        self._offsets = [n.offset for n in roster.notes]
        self._names_at = [n.name for n in roster.notes]
        self._salience = [n.salience for n in roster.notes]

    def surnames(self, word: str) -> list[str] | None:
        """The full names of the persons with surname ``word``, if any."""
        return self._surnames.get(word)

    # -- salience ---------------------------------------------------------------------
    def note(self, offset: int, name: str, salience: int) -> None:
        """Remember that ``name`` was mentioned at ``offset``."""
        index = bisect_left(self._offsets, offset)
        if index < len(self._offsets) and self._offsets[index] == offset:
            self._names_at[index] = name
            self._salience[index] = max(salience, self._salience[index])
            return
        self._offsets.insert(index, offset)
        self._names_at.insert(index, name)
        self._salience.insert(index, salience)

    def noted_between(self, start: int, end: int) -> bool:
        """Whether a name or a resolved mention stands between the two offsets."""
        return bisect_left(self._offsets, end) > bisect_left(self._offsets, start)

    def before(self, offset: int, *, by_salience: bool = False) -> Iterable[Entity]:
        """Entities mentioned shortly before ``offset``, most recent first.

        Only the last ``_LOOK_BACK`` mentions count: an antecedent further away is no
        antecedent, and the bound keeps resolution linear in the document's length. With
        ``by_salience``, subjects of the last sentences come first, oblique mentions last.
        """
        index = bisect_left(self._offsets, offset)
        order = list(range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1))
        if by_salience:
            here = self.doc.sentence_index(offset)
            near = [
                i
                for i in order
                if self._salience[i] == SUBJECT
                and here - self.doc.sentence_index(self._offsets[i]) <= _SUBJECT_SENTENCES
            ]
            plain = [i for i in order if self._salience[i] >= PLAIN and i not in near]
            order = near + plain + [i for i in order if self._salience[i] == OBLIQUE]
        seen: set[str] = set()
        for i in order:
            name = self._names_at[i]
            if name not in seen:
                seen.add(name)
                yield self.by_name[name]

    def last_person(self, offset: int, sentences: int) -> Entity | None:
        """The person named by full name last before ``offset``, if that mention is at
        most ``sentences`` sentences back and no other person's stands after it."""
        index = bisect_left(self._offsets, offset)
        here = self.doc.sentence_index(offset)
        for i in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            if here - self.doc.sentence_index(self._offsets[i]) > sentences:
                return None
            entity = self.by_name[self._names_at[i]]
            if entity.type == "person":
                return entity if " " in entity.name and entity.name[:1].isupper() else None
        return None

    def persons_within(self, offset: int, sentences: int) -> list[tuple[Entity, int]]:
        """The persons mentioned before ``offset`` in its sentence and the ``sentences``
        sentences before it, most recent first, each once, with the offset of its last
        mention."""
        index = bisect_left(self._offsets, offset)
        here = self.doc.sentence_index(offset)
        found: dict[str, tuple[Entity, int]] = {}
        for i in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            if here - self.doc.sentence_index(self._offsets[i]) > sentences:
                break
            entity = self.by_name[self._names_at[i]]
            if entity.type == "person":
                found.setdefault(entity.name, (entity, self._offsets[i]))
        return list(found.values())

    def only_organization_before(self, offset: int, sentences: int) -> Entity | None:
        """The one organisation mentioned in the last ``sentences`` sentences before
        ``offset`` (and in the sentence of ``offset``), if exactly one; None where two or
        more could be meant."""
        index = bisect_left(self._offsets, offset)
        here = self.doc.sentence_index(offset)
        found: Entity | None = None
        for i in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            if here - self.doc.sentence_index(self._offsets[i]) > sentences:
                break
            entity = self.by_name[self._names_at[i]]
            if entity.type != "organization":
                continue
            if found is not None and found.name != entity.name:
                return None
            found = entity
        return found

    def with_affiliation(self, entity: Entity, affiliation: str) -> Entity:
        """``entity`` known by one more party or organisation from now on."""
        entity = attrs.evolve(entity, affiliations=entity.affiliations | {affiliation})
        self.by_name[entity.name] = entity
        return entity

    def most_recent(self, names: list[str], offset: int) -> str:
        """Of ``names``, the one mentioned last before ``offset`` (else the first)."""
        for entity in self.before(offset):
            if entity.name in names:
                return entity.name
        return names[0]

    def only_person_before(self, offset: int) -> Entity | None:
        """The one person the document has named before ``offset`` by name (full name
        or surname), if exactly one; anonymous descriptions do not count."""
        index = bisect_left(self._offsets, offset)
        person: Entity | None = None
        for i in range(index):
            entity = self.by_name[self._names_at[i]]
            if entity.type != "person":
                continue
            if " " not in entity.name or entity.name[:1].islower():
                return None  # an anonymous description ("Sprecher der …") or unclear
            if person is not None and person.name != entity.name:
                return None
            person = entity
        return person

    def last_pair(self, offset: int) -> Entity | None:
        """ "Beide Seiten" after "X und Y": the pair last named as a group, else the two
        persons of the last sentences when they name exactly two."""
        for entity in self.before(offset):
            if entity.type == "group" and " und " in entity.name:
                return entity
        here = self.doc.sentence_index(offset)
        index = bisect_left(self._offsets, offset)
        persons: list[str] = []
        for i in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            if here - self.doc.sentence_index(self._offsets[i]) > _PAIR_SENTENCES:
                break
            name = self._names_at[i]
            entity = self.by_name[name]
            if entity.type == "person" and " " in name and name not in persons:
                persons.append(name)
        if len(persons) != 2:
            return None
        return Entity(" und ".join(reversed(persons)), "group", "pl")

    def name_right_before(self, offset: int) -> Entity | None:
        """The person whose full name ends just before ``offset``, followed by a comma."""
        spans = self.roster.full_names
        index = bisect_right(spans, (offset, offset, "")) - 1
        while index >= 0 and spans[index][1] > offset:
            index -= 1
        if index < 0:
            return None
        _, end, name = spans[index]
        if self.doc.text[end:offset].strip() != ",":
            return None
        return self.by_name.get(name)

    # -- entities ---------------------------------------------------------------------
    def register(
        self, name: str, gender: Gender, roles: set[str], offset: int, *, named: bool = True
    ) -> Entity:
        """The person ``name``, with what is known of it and ``roles``; remembered. The
        last word of a ``named`` person's name is a surname for later mentions; that of a
        description ("ukrainischer Diplomat") is not."""
        old = self.by_name.get(name)
        entity = Entity(
            name,
            "person",
            gender or (old.gender if old else ""),
            (old.roles if old else frozenset()) | frozenset(roles),
            (old.affiliations if old else frozenset())
            | self.lex.known_parties.get(name, frozenset()),
        )
        self.by_name[name] = entity
        if named and " " in name:
            bucket = self._surnames.setdefault(name.split()[-1], [])
            if name not in bucket:
                bucket.append(name)
        return entity

    def with_role(self, entity: Entity, mention: Mention) -> Entity:
        """``entity`` with the roles its mention names ("Kanzler Merz"); remembered."""
        roles = {
            found[0] for w in (*mention.head, *mention.apposition) if (found := self.lex.role_of(w))
        }
        if roles - entity.roles:
            entity = attrs.evolve(entity, roles=entity.roles | roles)
            self.by_name[entity.name] = entity
        return entity
