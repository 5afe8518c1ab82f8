"""Stage 2: pair quotation marks into quoted spans and classify each span.

Pairing walks the marks once, paragraph by paragraph, with a stack: an opener is pushed,
a closer pops the nearest opener it pairs with (looking at most ``search_depth`` entries
down, so a stray opener in between costs a bounded amount of work and is dropped), and
the stack never grows beyond ``max_depth``. Every mark is handled in constant time and
each character ends up inside at most ``max_depth + 1`` quotes, so the stage is linear in
the length of the text whatever the input.

Repairs, each recorded in :attr:`Quoted.flags`:

* ``multi_paragraph``: German style repeats the opener at the start of each continued
  paragraph and closes only at the end („para1 ¶ „para2 ¶ „para3.“); a quotation left open
  at the end of a paragraph also runs on when the next paragraph closes it with no opener.
* ``lost_opener``: a paragraph after an introduction ending in a colon that closes a
  quotation it never opened ("Auf X schrieb Costa: ¶ In diesen Zeiten … unterstützen.“")
  is quoted from its first character; so is the clause after a colon in the same
  paragraph. A stray closer anywhere else is ignored.
* ``unclosed``: an opener never closed quotes the rest of its paragraph.

Classification (:attr:`Quoted.category`) looks only at the words right around the marks
(a few words before the opener, one after the closer), so it costs the same for every
quote. A title noun before the opener (Zeitung „…“, Nachrichtenagentur „…“, Film „…“), or
a name-shaped quote in a nominal slot (die „Epoch Times“, laut „Spiegel“, „Tass“ meldete)
makes a title; so does a title noun before a genitive (die Online-Ausgabe des „Spiegel“),
a quote that starts with a title noun („Gesetz zur Änderung des Passgesetzes“) and a short
quote in another language („Piper at the Gates of Dawn“). "Motto" makes a term of a quote
of any length. A term marker (sogenannte „…“, ein solcher „…“), a noun such as Begriff or
Motto, a gloss (kurz „GTA“, Kapitelzeichen („Bookmarks“)), a hyphen compound
(„Jamaika“-Koalition) or gilt als „…“ / wird als „…“ bezeichnet makes a term. Everything
else is speech, including "bezeichnete die Pläne als „Wortbruch“": somebody's words.
Later stages reclassify speech that has no speaker as a term, so "term" here needs
positive evidence. The lexicons are data in ``rules/<lang>/quotations.toml``.

Modules: :mod:`~quotes.pipeline.quotations.records` (:class:`Quoted`),
:mod:`~quotes.pipeline.quotations.pairing` (:func:`find_quotations` and the pairing pass)
and :mod:`~quotes.pipeline.quotations.classifier` (:class:`QuotedClassifier`).
"""

from quotes.pipeline.quotations.classifier import QuotedClassifier, quoted_classifier
from quotes.pipeline.quotations.pairing import find_quotations
from quotes.pipeline.quotations.records import Category, Quoted

__all__ = ["Category", "Quoted", "QuotedClassifier", "find_quotations", "quoted_classifier"]
