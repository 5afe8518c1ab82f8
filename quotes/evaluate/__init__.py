"""Score ``quotes`` (or any system's output) against annotated gold documents.

* :mod:`quotes.evaluate.corpus` reads and writes the German Wikinews quotation corpus format
  and turns :class:`quotes.Attribution` records into its annotations;
* :mod:`quotes.evaluate.metric` is the corpus's own metric (Hungarian pairing; Messages,
  Roles, Joint, Type, Medium, for all and for top-level quotes) plus stricter measures;
* :mod:`quotes.evaluate.errors` lists missed, spurious and disagreeing quotes;
* :mod:`quotes.evaluate.render` prints the tables.

The command line is ``quotes evaluate`` (see README.md, "Evaluating").
"""
