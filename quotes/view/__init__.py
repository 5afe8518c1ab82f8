"""HTML views of the results: an article view and an archive report.

>>> from quotes.view import ArticleView
>>> view = ArticleView.of("„Wir sind bereit“, sagte Olaf Scholz.")  # doctest: +SKIP
>>> open("article.html", "w", encoding="utf-8").write(view.html())  # doctest: +SKIP

Both pages are single self-contained files (style and script inline, nothing fetched),
rendered from Jinja2 templates with autoescaping, so the article text is always shown as
text. The report's charts need matplotlib (``pip install "quotes[view]"``).
"""

from quotes.view.article import ArticleView, article_html, articles_html

__all__ = ["ArticleView", "article_html", "articles_html"]
