"""Indirect, reported and free indirect speech, read off a parse.

One pass over the sentences of the Document finds, per sentence, the candidates a cue
licenses, keeps the best ones that do not overlap, and then a second walk in text order
turns them into :class:`~quotes.pipeline.speakers.Frame` records, resolving speakers as it
goes and carrying speech on into following Konjunktiv sentences.

What counts as what follows the Wikinews quotation corpus (Petersen-Frey & Biemann 2024):

* **indirect**: a content clause after (or before) a cue: "Der Minister sagte, | er sei
  überzeugt …", "Laut Polizei | wurde niemand verletzt", "…, | so der Sprecher". The quote
  is the content clause without the final full stop; the frame is the rest of the sentence
  (the reporting clause, with its comma); the cue the verb with its particle and auxiliaries
  ("hat … angekündigt", "teilte … mit"), the preposition ("laut", "zufolge", "nach"), "so"
  or "wie … mitteilte"; the speaker the cue verb's subject (the agent in the passive) or the
  preposition's noun phrase ("nach Angaben der Polizei" → "Angaben der Polizei").
* **reported**: a speech act with an object and no content clause ("Die Opposition
  kritisierte den Plan."). The corpus marks the whole sentence as the quote, with a speaker
  and no cue or frame.
* **indirect_free_indirect**: Konjunktiv sentences that go on with what the speaker of the
  speech before said, without a cue of their own; consecutive ones form one quote. The
  speaker is the mention the speech before had. A Konjunktiv I sentence with no speech
  shortly before is taken as the same (speech whose cue was missed; ``[continuation]``
  in the rules says what to do with it).
* **free_indirect**: hearsay "sollen" with a perfect infinitive ("Er soll geholfen
  haben"), a claim with no cue and no Konjunktiv; whole sentence, no cue.
* **direct** quotations come from the rules pipeline: their marks are never cues or
  subjects here, content that is all quotation is theirs, and a partly quoted content
  ("er sei „sehr zufrieden“") stays indirect speech with the direct quote nested inside.

The corpus cuts a quote around a frame in its middle ("Ein Tatverdacht bestehe | nach
Angaben der Bundesanwaltschaft | nicht mehr") into two parts; an Attribution has one quote
span, so such quotes include the frame.

The work is split by job (each module says what it reads and returns):

* :mod:`.detector`: :class:`IndirectDetector`, the dispatch of each sentence's tokens to
  the cue patterns and the choice among their candidates;
* :mod:`.scan`: :class:`~.scan.DocumentScan` (the per-document view: sentences, which
  tokens are inside direct quotations) and the :class:`~.scan.Candidate` record;
* :mod:`.cue_verbs`: cue matching (lexicon verb, particle, auxiliaries, needed words);
* :mod:`.clauses`: clause grammar (relative, adverbial, main, zu-infinitive, Konjunktiv);
* :mod:`.content`: span rules (where a cue's content starts and ends);
* :mod:`.subjects`: speaker and addressee phrases of verb cues;
* :mod:`.verb_cues`: candidates of verbs of saying and of reported speech;
* :mod:`.source_cues`: candidates of "laut", "zufolge", "nach Angaben", "so", source
  adverbs and reporting nouns;
* :mod:`.continuation`: candidates to frames, speakers resolved, speech carried into the
  Konjunktiv sentences that follow.
"""

from __future__ import annotations

from quotes.detectors.indirect.detector import IndirectDetector, detect

__all__ = ["IndirectDetector", "detect"]
