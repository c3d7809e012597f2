"""The web app's `/source` page: the passage a register row or a citation points at, as
plain escaped HTML, with what was cited marked in it.

    /source?doc=<file>&at=<offset in the file's text>&mark=<the text as cited>

An unknown document is a 404; with a login configured, only a signed-in browser (Gradio's
session cookie) sees a passage. `route(service)` is added to the app Gradio serves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute

from assistant.documents import Passage
from ingest.errors import IndexMissing

PATH = "/source"
MARK_CHARS = 300  # of the cited text carried in a link: enough to find it in the passage
STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1f2937}p.where{color:#4b5563}"
    "blockquote{white-space:pre-wrap;border-left:4px solid #9ca3af;margin:1rem 0;"
    "padding:.5rem 1rem;background:#f9fafb}mark{background:#fde68a}"
)

Find = Callable[[str, int | None, str], Passage | None]


def link(source: str, at: int | None = None, mark: str = "") -> str:
    """The page's address (relative, so it works under any root path) for what is printed
    at offset ``at`` of document ``source``; ``mark`` is the text cited there."""
    query: dict[str, str | int] = {"doc": source}
    if at is not None:
        query["at"] = at
    if mark:
        query["mark"] = " ".join(mark.split())[:MARK_CHARS]
    return f"{PATH.lstrip('/')}?{urlencode(query)}"


def _long_date(iso: str | None) -> str:
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return iso or "undated"
    return f"{day.day} {day:%B %Y}"


def marked(text: str, mark: str) -> str:
    """``text`` escaped for HTML, with the first place it prints ``mark`` (whitespace and
    case aside; else its first eight words) in <mark>."""
    words = mark.split()
    for wanted in (words, words[:8]):
        if not wanted:
            break
        pattern = r"\s+".join(re.escape(w) for w in wanted)
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            before, hit, after = text[: found.start()], found.group(), text[found.end() :]
            return f"{html.escape(before)}<mark>{html.escape(hit)}</mark>{html.escape(after)}"
    return html.escape(text)


def page(passage: Passage, mark: str = "") -> str:
    """The whole HTML page for ``passage``; every text from the papers is escaped."""
    where = [passage.part, passage.section, f"p. {passage.page}" if passage.page else ""]
    where.append(_long_date(passage.date))
    place = " — ".join(html.escape(w) for w in where if w)
    return _html(
        passage.source,
        f"<h1>{html.escape(passage.source)}</h1><p class='where'>{place}</p>"
        f"<blockquote>{marked(passage.text, mark)}</blockquote>",
    )


def _html(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def _message(status: int, title: str, text: str) -> HTMLResponse:
    body = f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
    return HTMLResponse(_html(title, body), status_code=status)


def signed_in(request: Request) -> bool:
    """True without a login; with one, when the request carries a session cookie Gradio
    issued (``request.app`` is Gradio's app, which keeps them)."""
    app = request.app
    if getattr(app, "auth", None) is None and getattr(app, "auth_dependency", None) is None:
        return True
    cookie = getattr(app, "cookie_id", "")
    token = request.cookies.get(f"access-token-{cookie}") or request.cookies.get(
        f"access-token-unsecure-{cookie}"
    )
    return token is not None and token in getattr(app, "tokens", {})


def route(find: Find) -> APIRoute:
    """GET /source over ``find`` (document, offset, cited text -> passage or None)."""

    def source(request: Request, doc: str, at: int | None = None, mark: str = ""):
        if not signed_in(request):
            return _message(401, "Sign in first", "Open the assistant's page and sign in.")
        try:
            passage = find(doc, at, mark)
        except IndexMissing as err:
            return _message(404, "Nothing indexed", str(err))
        if passage is None:
            return _message(404, "Not found", f"No indexed document is called {doc!r}.")
        return HTMLResponse(page(passage, mark))

    return APIRoute(PATH, source, methods=["GET"], response_class=HTMLResponse)
