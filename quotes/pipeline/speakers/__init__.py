"""Stage 4: the frame of each speech quotation: cue, speaker mention, addressee.

Without a parser, the speaker is found from German word order and closed-class words:

* after the quote: „…“, sagte Außenministerin Annalena Baerbock / „…“, so der Beamte /
  „…“, fügte er hinzu (the subject follows the verb);
* in an intro that ends in a colon, in the same sentence or the one before: "Trump
  schloss zudem … aus: „…“" (subject before the finite verb) or "Auf X schrieb Costa:"
  (an adverbial first, the subject right after the finite verb);
* in the sentence around a partial quote: "lobte ihren „Pragmatismus“", "Laut ihm …",
  "da russische Führer betonen, dass … die „Grundursachen“ …" (subordinate clause: the
  subject follows the conjunction);
* in the next sentence: „…“ Mit diesen Worten reagierte Finanzminister X …;
* an interrupted quote („…“, sagte X, „…“) gives both parts to X;
* headline style: "Merz: „…“".

Partial quotes with no cue and no speaker anywhere near are terms, not speech: this
stage gives them their final category.

Modules: :mod:`~quotes.pipeline.speakers.frame` (the :class:`Frame` record),
:mod:`~quotes.pipeline.speakers.finder` (:class:`SpeakerFinder`, where around a quote its
frame stands), :mod:`~quotes.pipeline.speakers.subjects` (the subject of a cue verb) and
:mod:`~quotes.pipeline.speakers.noun_phrases` (the noun-phrase chunker).
"""

from quotes.pipeline.speakers.finder import SpeakerFinder
from quotes.pipeline.speakers.frame import Frame, carries_across

__all__ = ["Frame", "SpeakerFinder", "carries_across"]
