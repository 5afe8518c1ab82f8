"""The article view: one article with its quotations marked in the text.

Every quotation is highlighted by kind; its cue, speaker mention, addressee and the outlet
mentions of its chain are marked too. Hovering or focusing a quotation shows the
resolved speaker, the chain, the kind, medium and confidence; a side list holds the same
for every quotation. Quoted spans that were not taken as speech (titles of works, scare
quotes) are shown in their own style, so a reader sees what was rejected.

The page is rendered with Jinja2 (autoescaping on), is one self-contained file with its
CSS and script inline, and fetches nothing. The text is escaped everywhere: an article
holding ``<script>`` shows it as text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from quotes.errors import check_text
from quotes.records import Attribution
from quotes.view.layers import Layer, Segment, segment
from quotes.view.templating import render

__all__ = ["ArticleView", "article_html", "articles_html"]

#: Longest quotation shown in full in the side list.
_SIDE_WIDTH = 160


@attrs.frozen
class ArticleView:
    """One article and what was found in it, ready to render.

    ``rejected`` holds ``(start, end, category)`` for quoted spans that are not speech
    ("title", "term"). Build one from results you have (``ArticleView(text,
    attributions)``) or let :meth:`of` run an extractor. In a Jupyter notebook the view
    shows itself (``_repr_html_``).
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    attributions: tuple[Attribution, ...] = attrs.field(converter=tuple, default=())
    rejected: tuple[tuple[int, int, str], ...] = attrs.field(converter=tuple, default=())
    title: str | None = None

    def __attrs_post_init__(self) -> None:
        for attribution in self.attributions:
            if not isinstance(attribution, Attribution):
                raise TypeError(
                    f"attributions must be Attribution records, not {type(attribution).__name__}"
                )
            quote = attribution.quote
            if self.text[quote.start : quote.end] != quote.text:
                raise ValueError(
                    f"attribution {quote.start}:{quote.end} does not match the text; "
                    "was it extracted from another text?"
                )

    @classmethod
    def of(
        cls,
        text: str,
        extractor: Any = None,
        *,
        publisher: str | None = None,
        title: str | None = None,
    ) -> ArticleView:
        """Analyse ``text`` (with ``extractor``, default: the default backend's) and wrap it."""
        text = check_text(text)
        if extractor is None:
            extractor = _default_extractor()
        analysis = extractor.analyze(text, publisher)
        speech = {(a.quote.start, a.quote.end) for a in analysis.attributions}
        rejected = tuple(
            (q.quote.start, q.quote.end, q.category)
            for q in analysis.quoted
            if q.category != "speech" and (q.quote.start, q.quote.end) not in speech
        )
        return cls(text, analysis.attributions, rejected, title)

    # -- model -------------------------------------------------------------------------
    def layers(self) -> list[Layer]:
        """Every marked span of the view."""
        layers: list[Layer] = []
        for index, a in enumerate(self.attributions):
            layers.append(Layer(a.quote.start, a.quote.end, "quote", a.kind, index))
            if a.cue is not None:
                layers.extend(Layer(p.start, p.end, "cue", "", index) for p in a.cue.parts)
            if a.speaker is not None and a.speaker.mention is not None:
                m = a.speaker.mention
                layers.append(Layer(m.start, m.end, "speaker", a.speaker.type, index))
            if a.addressee is not None:
                layers.append(Layer(a.addressee.start, a.addressee.end, "addressee", "", index))
            for source in a.via:
                if source.mention is not None:
                    m = source.mention
                    layers.append(Layer(m.start, m.end, "outlet", source.type, index))
        layers.extend(
            Layer(start, end, "rejected", category) for start, end, category in self.rejected
        )
        return layers

    def segments(self) -> list[Segment]:
        return segment(self.text, self.layers())

    def quotations(self) -> list[dict[str, Any]]:
        """What the side list and the tooltips show, one dict per quotation."""
        rows = []
        for index, a in enumerate(self.attributions):
            speaker = a.speaker
            rows.append(
                {
                    "index": index,
                    "kind": a.kind,
                    "start": a.quote.start,
                    "end": a.quote.end,
                    "quote": _shorten(a.content.text or a.quote.text),
                    "speaker": speaker.name if speaker else None,
                    "speaker_type": speaker.type if speaker else None,
                    "mention": speaker.mention.text if speaker and speaker.mention else None,
                    "chain": str(a.chain) if speaker or a.via else None,
                    "cue": a.cue.text if a.cue else None,
                    "medium": a.medium,
                    "confidence": round(a.confidence, 2),
                }
            )
        return rows

    # -- output ------------------------------------------------------------------------
    def fragment(self, anchor: str = "article") -> str:
        """The view as an HTML fragment (its style scoped to it), for embedding."""
        return render(
            "article.html.j2",
            views=[self._context(anchor)],
            full_page=False,
            page_title=self.title or "quotes",
        )

    def html(self) -> str:
        """The view as one self-contained HTML page."""
        return articles_html([self])

    def _repr_html_(self) -> str:
        return self.fragment()

    def _context(self, anchor: str) -> dict[str, Any]:
        return {
            "anchor": anchor,
            "title": self.title,
            "text_length": len(self.text),
            "segments": [_segment_context(seg) for seg in self.segments()],
            "quotations": self.quotations(),
            "rejected": len(self.rejected),
        }


@functools.cache
def _default_extractor() -> Any:
    """One extractor of the default backend for every view made without one."""
    from quotes.extractor import Extractor, default_backend

    return Extractor(default_backend())


def articles_html(views: Sequence[ArticleView], page_title: str | None = None) -> str:
    """Several article views in one self-contained HTML page, one section each."""
    contexts = [view._context(f"article-{n}") for n, view in enumerate(views)]
    title = page_title or (views[0].title if len(views) == 1 and views[0].title else "quotes")
    return render("article.html.j2", views=contexts, full_page=True, page_title=title)


def article_html(
    text: str,
    attributions: Iterable[Attribution] | None = None,
    *,
    extractor: Any = None,
    publisher: str | None = None,
    title: str | None = None,
) -> str:
    """The article view of ``text`` as a self-contained HTML page.

    With ``attributions`` the view shows those; otherwise ``extractor`` (default: the
    default backend's) analyses the text, and rejected titles and terms are shown too.
    """
    if attributions is not None:
        view = ArticleView(check_text(text), tuple(attributions), (), title)
    else:
        view = ArticleView.of(text, extractor, publisher=publisher, title=title)
    return view.html()


def _segment_context(seg: Segment) -> dict[str, Any]:
    """A segment as the template writes it: its CSS classes and the quotations it is in."""
    classes: list[str] = []
    for layer in seg.layers:
        if layer.role == "quote":
            classes.append(f"q k-{layer.label}")
        elif layer.role == "rejected":
            classes.append(f"rej rej-{layer.label}")
        else:
            classes.append(_ROLE_CLASS[layer.role])
    quotes = seg.quotes
    if quotes:
        classes.append(f"depth-{min(len(quotes), 3)}")
    # The segment where a quotation starts takes keyboard focus for it.
    starts = [
        layer.index
        for layer in seg.layers
        if layer.role == "quote" and layer.start == seg.start and layer.index is not None
    ]
    return {
        "text": seg.text,
        "start": seg.start,
        "classes": " ".join(dict.fromkeys(" ".join(classes).split())),
        "quotes": " ".join(str(i) for i in quotes),
        "focus": starts[-1] if starts else None,
    }


_ROLE_CLASS = {"cue": "cue", "speaker": "spk", "addressee": "adr", "outlet": "out"}


def _shorten(text: str, width: int = _SIDE_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 2].rstrip() + " …"
