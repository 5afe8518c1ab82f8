"""The rules pipeline, one module per stage.

marks → quotations → cues → speakers → entities → outlets. Each stage reads the
immutable :class:`~quotes.document.Document` plus the earlier stages' frozen outputs and
returns frozen records of its own; :mod:`quotes.extractor` runs them in order and
assembles :class:`~quotes.records.Attribution` records.
"""
