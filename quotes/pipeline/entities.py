"""Stage 5: resolve speaker mentions to entities within one document.

A document introduces people with their full names ("US-Außenminister Marco Rubio",
"Maria Sacharowa, die Sprecherin des russischen Außenministeriums") and then refers back
to them by surname ("Rubio", "zu Guttenberg"), by role ("der Präsident", "der bayerische
CSU-Chef") or by pronoun ("er", "ihm"). :class:`MentionResolver` is built once per
extractor; ``resolver.resolve(doc, mentions)`` reads the document once for its names
(:mod:`quotes.pipeline.entity_scan`) and resolves the mentions in text order, each against
what came before it. It is a pure step: nothing outside the call changes. The stages of
the pipeline resolve their mentions in turn (direct speakers, then indirect ones, which may
refer back to them): each gets the document's :class:`Resolution` so far, passes it to
``resolver.extend(resolution, mentions)`` and hands the resolution that returns to the next
stage. The rules, one per resolution:

* **names:** a mention that contains a full name, in its head or in an apposition ("Der
  Vorsitzende der Ministerpräsidentenkonferenz, Boris Rhein (CDU)") → that person; two
  names joined by "und" → the group of both; a surname, with or without its particle
  ("Guttenberg", "zu Guttenberg") → the person last named with it;
* **roles:** a role noun with a definite article ("der Präsident", "die Kanzlerin") → the
  person last named with that role or a compatible one (``role_groups`` in
  ``persons.toml``); a party compound ("der CSU-Chef", "die Linken-Politikerin") → the
  person last named with that party;
* **pronouns:** agree in gender and number ("sie sagten" is plural), then salience: the
  last speaker or subject in the last sentences before other mentions, then the most
  recent mention, then names in oblique slots ("mit Xi Jinping"); organisations by their
  grammatical gender ("der Konzern … er"), from ``genders.toml``;
* **organisations** keep their complements ("Bundesamt für Migration und Flüchtlinge");
  an organisation class before a name gives the name ("die Gewerkschaft GEW" → GEW);
  outlets → their canonical names;
* **anonymous speakers** keep their description ("Sprecher der Bundesnetzagentur"), which
  later definite mentions ("der Sprecher") resolve to.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotes.document import Document
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.entity_scan import Entity
from quotes.pipeline.mention import Mention
from quotes.pipeline.outlets import OutletFinder
from quotes.pipeline.resolution import Resolution
from quotes.pipeline.resolution_run import ResolutionRun
from quotes.rules import RuleData

__all__ = ["Entity", "Lexicon", "Mention", "MentionResolver", "Resolution"]


@attrs.frozen
class MentionResolver:
    """Resolves the speaker mentions of a document; built once, holds no document state.

    Two ways to use it: :meth:`resolve` resolves a set of mentions in text order, in one
    pure call; :meth:`start` and :meth:`extend` let the stages of the pipeline resolve
    their mentions in turn, each seeing those resolved before it, with the state passed
    from stage to stage as an immutable :class:`Resolution`.
    """

    lexicon: Lexicon
    outlets: OutletFinder

    @classmethod
    def from_rules(cls, rules: RuleData, outlets: OutletFinder) -> MentionResolver:
        return cls(Lexicon.from_rules(rules), outlets)

    def resolve(self, doc: Document, mentions: Sequence[Mention]) -> tuple[Entity, ...]:
        """The entity of each mention, aligned with ``mentions``.

        The mentions are resolved in text order, each against the document's names and
        the mentions before it; equal mentions (same offsets) get the same entity.
        """
        resolution = self.start(doc)
        _check_mentions(mentions)
        if not mentions:
            return ()
        ordered: list[Mention] = []
        seen: set[tuple[int, int]] = set()
        for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
            key = (mention.start, mention.end)
            if key not in seen:
                seen.add(key)
                ordered.append(mention)
        entities, _ = self.extend(resolution, ordered)
        done = {(m.start, m.end): e for m, e in zip(ordered, entities, strict=True)}
        return tuple(done[(m.start, m.end)] for m in mentions)

    def start(self, doc: Document) -> Resolution:
        """The resolution of ``doc`` before any mention is resolved."""
        if not isinstance(doc, Document):
            raise TypeError(f"doc must be a Document, not {type(doc).__name__}")
        return Resolution.start(doc)

    def extend(
        self, resolution: Resolution, mentions: Sequence[Mention]
    ) -> tuple[tuple[Entity, ...], Resolution]:
        """The entities of ``mentions``, resolved in the order given after those already
        in ``resolution``, and the resolution that includes them (``resolution`` itself
        is unchanged: extending it again gives the same answer)."""
        if not isinstance(resolution, Resolution):
            raise TypeError(f"resolution must be a Resolution, not {type(resolution).__name__}")
        _check_mentions(mentions)
        if not mentions:
            return (), resolution
        run = resolution.take_state(self)
        if not isinstance(run, ResolutionRun):
            # An older resolution extended again: replay its mentions.
            run = ResolutionRun(resolution.doc, self.lexicon, self.outlets)
            for mention in resolution.mentions:
                run.resolve(mention)
        # Equal entities are one object: the entities are all kept until the caller has
        # read them, and a text of many quotations names the same few ("er", unknown, a
        # hundred thousand times in issue 9's dateline lines).
        shared: dict[Entity, Entity] = {}
        entities = tuple(shared.setdefault(e, e) for e in map(run.resolve, mentions))
        return entities, resolution.extended(tuple(mentions), run, self)


def _check_mentions(mentions: Sequence[Mention]) -> None:
    for mention in mentions:
        if not isinstance(mention, Mention):
            raise TypeError(f"mentions must be Mention records, not {type(mention).__name__}")
