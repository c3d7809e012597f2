"""Lines a PDF prints on every page (a running header or footer, "Page 3 of 12") are
the page's furniture, not its text: kept where they first appear, dropped from the pages
after, so a table carried over a page break reads on, a part is not titled from a header,
and a header's date is not taken for a figure. An upper-case masthead stays: in a pack it
opens the next paper."""

from __future__ import annotations

import re
from collections import Counter

EDGE_LINES = 3  # a running header or footer sits in a page's first or last lines
_PAGE_NUMBER = re.compile(
    r"^\s*[-–—]?\s*(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*[-–—]?\s*$", re.I
)


def _key(line: str) -> str:
    """A line with its page number blanked: "Report — page 3" and "... page 4" match."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _upper(key: str, texts: list[str]) -> bool:
    for text in texts:
        for line in text.split("\n"):
            if _key(line) == key:
                letters = [c for c in line if c.isalpha()]
                return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.9
    return False


def strip_running_lines(texts: list[str], share: float) -> list[str]:
    """``texts`` (one per page) without the lines that open or close at least ``share`` of
    the pages, and without bare page numbers, from the second page on."""
    if len(texts) < 2:
        return texts
    edges: Counter[str] = Counter()
    for text in texts:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        edges.update({_key(ln) for ln in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    # An upper-case masthead ("BLABY COMMUNITY SAFETY PARTNERSHIP") opens each paper of a
    # pack: it starts a part, so it stays; a mixed-case running header is furniture.
    # A line of no letters ("187", "-4.1%") is a table's cell that happens to open or close
    # a page, never a running line (only this page's own number is furniture).
    running = {
        k
        for k, n in edges.items()
        if n >= max(2, share * len(texts))
        and any(c.isalpha() for c in k)
        and not _upper(k, texts)
    }
    out = [texts[0]]
    for number, text in enumerate(texts[1:], start=2):
        lines = text.split("\n")
        keep = []
        for k, line in enumerate(lines):
            at_edge = k < EDGE_LINES + 2 or k >= len(lines) - EDGE_LINES - 2
            page = _PAGE_NUMBER.match(line)  # "Page 3", "3 of 12", or this page's number
            furniture = _key(line) in running or (page and int(page.group(1)) == number)
            if line.strip() and at_edge and furniture:
                continue
            keep.append(line)
        out.append("\n".join(keep))
    return out
