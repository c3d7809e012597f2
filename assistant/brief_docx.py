"""The brief as a Word document (python-docx): the same sections, lines and sources as
`assistant.brief.render`, with real headings and list bullets."""

from __future__ import annotations

import io

from assistant.brief import NOTHING, Brief, source_line
from ingest.dates import long_form


def brief_docx(brief: Brief) -> bytes:
    from docx import Document  # only when a DOCX is asked for

    doc = Document()
    doc.add_heading(brief.title, level=1)
    as_of = f" Newest paper: {long_form(brief.as_of)}." if brief.as_of else ""
    doc.add_paragraph(f"From the partnership's papers; every line cites its source.{as_of}")
    for section in brief.sections:
        doc.add_heading(section.title, level=2)
        if not section.lines:
            doc.add_paragraph(NOTHING)
        for ln in section.lines:
            style = "List Bullet 2" if ln.indent else "List Bullet"
            doc.add_paragraph(f"{ln.text} [{ln.citation.n}]", style=style)
    if brief.citations:
        doc.add_heading("Sources", level=2)
        for c in brief.citations:
            doc.add_paragraph(source_line(c))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
