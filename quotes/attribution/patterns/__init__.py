"""One module per attribution pattern; each is a function of a :class:`Syntax`, the
compiled :class:`AttributionRules`, a :class:`Candidate` and (for verb patterns) the cue
verb, returning a :class:`Finding` or None, and can be tested on its own.

* :mod:`.subject`: the subject of the cue verb, with coordination ("X und Y sagten",
  "X kam und sagte") and relative clauses ("Putin, der … sagte");
* :mod:`.agent`: the passive's von-agent ("wurde von X zitiert"); object speakers
  ("zitiert X mit den Worten");
* :mod:`.source`: "so X", "laut X", "X zufolge", "nach Angaben X";
* :mod:`.intro`: colon intros whose cue is not a verb ("… mit den Worten:") and
  impersonal frames ("heißt es in dem Schreiben");
* :mod:`.nested`: a direct quote inside indirect speech takes that speech's speaker;
* :mod:`.colon`: a colon intro without a verb of saying ("Er schließt sich … an: „…“").

New patterns (e.g. from new detectors) add a module here and one line in
:data:`quotes.attribution.engine.VERB_PATTERNS` or the engine's dispatch.
"""
