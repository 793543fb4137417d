"""Web pages: the main text and metadata (title, date, url, site name) of an HTML article."""

from __future__ import annotations

import logging
from dataclasses import dataclass

__all__ = ["HtmlArticle", "extract_html"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What trafilatura finds in a page; ``text`` is None when the page has no main text."""

    text: str | None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def extract_html(html: str) -> HtmlArticle:
    """The main text and metadata of one HTML page (offline; no link is followed).

    The date is the page's own publication date from its metadata; none is guessed from the text.
    """
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many kinds of errors on broken markup
        log.warning("trafilatura could not parse a page: %s: %s", type(exc).__name__, exc)
        return HtmlArticle(None)
    if found is None:
        return HtmlArticle(None)
    get = found.get if isinstance(found, dict) else lambda key: getattr(found, key, None)
    text = get("text")
    return HtmlArticle(text=text if isinstance(text, str) and text.strip() else None,
                       title=_clean(get("title")), date=_clean(get("date")), url=_clean(get("url")),
                       sitename=_clean(get("sitename")))
