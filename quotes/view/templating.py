"""The one Jinja2 environment the views render with (autoescaping always on)."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup, escape

__all__ = ["render", "text_filter"]


def text_filter(value: str) -> Markup:
    """Article text as HTML that reads back as exactly the same characters.

    Autoescaping handles ``<``, ``&`` and quotes; beyond that, the HTML parser would turn
    CR LF into LF, so a CR is written as a character reference, and a lone surrogate
    (which no UTF-8 file can hold) is shown as U+FFFD.
    """
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return Markup(str(escape(value)).replace("\r", "&#13;"))


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("quotes.view", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["text"] = text_filter
    return env


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)
