"""Records printed as one paragraph each, opened by a reference marker: "**REF1.** *"That
the Partnership adopts ..."* Lead officer: X. Target date: 31 March 2026. <what happened>.
Outcome: Fully implemented."

A paragraph (the lines up to a blank line, hard-wrapped or not) is such a record when it
opens with a code of letters and figures ("ASB1.", "**NTE4.**", "HR-2:"), bold or not, and
holds two fields or more among an owner, a due and a status:

- the words are the quoted sentence after the marker (quotation marks and emphasis off),
  else the words up to the first field label;
- a field is a "Label: value." run inside the paragraph whose label names a register
  column in the conventions (`[registers.columns]` owner, due, status, update): "Lead
  officer:", "Target date:", "Status:"; its value runs to the next label or the end of its
  sentence; an empty value ("none set", "-") is none;
- the status is also the paragraph's closing "Label: value." sentence whose value is a
  status word of the conventions or of the paper's own key, whatever the label ("Outcome:
  Partly implemented.", wrapped or not);
- the update is what the paragraph says between its fields and its closing status;
- a record proposing "That ..." is a recommendation, else an action.
"""

from __future__ import annotations

import re

from ingest.register_conventions import RegisterConventions
from ingest.register_tables import Row, collapse

_MARKER = re.compile(
    r"^\s*(?:[*_]{1,2})?(?P<ref>[A-Za-z]{1,6}[/.-]?\d{1,3}(?:[/.-]\d{1,3})?[a-z]?)"
    r"(?:[*_]{1,2})?[.:]?(?:[*_]{1,2})?[.:]?\s+(?P<rest>\S.*)$",
    re.S,
)
_QUOTED = re.compile(r"^[*_]{0,2}[\"“‘'](?P<words>.+?)[\"”’'][*_]{0,2}(?=\s|$)", re.S)
# a field's label opens a line or a sentence ("... Manager. Target date: 31 March 2026.")
_LABEL = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[.;*_\"”’] ))(?P<label>[A-Z][A-Za-z/ ()-]{1,30}?):\s+")
_CLOSING = re.compile(r"(?:^|(?<=[.!?])\s+)(?P<label>[A-Z][A-Za-z ]{1,30}?):\s*"
                      r"(?P<value>[^.:]{2,60}?)\.?\s*$")
_DASH = re.compile(r"^[-–—]+$")
_FIELDS = ("owner", "due", "status", "update")


def marked_records(
    text: str, start: int, end: int, conv: RegisterConventions,
    own: dict[str, str] | None = None,
) -> list[tuple[Row, int]]:
    """(the record as a table row, where its paragraph ends) of every marked paragraph in
    ``text[start:end]`` (see the module's docstring)."""
    out: list[tuple[Row, int]] = []
    for m in re.finditer(r"(?:^|\n)(?P<para>(?:[^\n]*\S[^\n]*(?:\n|$))+)", text[start:end]):
        para = m.group("para")
        at = start + m.start("para")
        row = _record(para, at, conv, own)
        if row is not None:
            out.append((row, at + len(para.rstrip())))
    return out


def _record(
    para: str, at: int, conv: RegisterConventions, own: dict[str, str] | None
) -> Row | None:
    flat = re.sub(r"[ \t]+", " ", para).strip()  # its lines kept: a label opens one or not
    m = _MARKER.match(flat)
    if not m or not re.search(r"[A-Za-z]", m.group("ref")) or not re.search(r"\d", m.group("ref")):
        return None
    rest = m.group("rest")
    cells: dict[str, str] = {"reference": m.group("ref")}
    quoted = _QUOTED.match(rest)
    labels = [x for x in _LABEL.finditer(rest) if conv.column_role(x.group("label")) in _FIELDS]
    if quoted:
        words, after = quoted.group("words"), quoted.end()
        labels = [x for x in labels if x.start() >= after]
    elif labels:
        words, after = rest[: labels[0].start()], labels[0].start()
    else:
        return None
    words = re.sub(r"^[*_\s]+|[*_\s.;,]+$", "", words)
    closing = _CLOSING.search(rest, after)
    status_at, closing_at = len(rest), None
    if closing and (conv.is_status(closing.group("value"), own)
                    or conv.column_role(closing.group("label")) == "status"):
        cells["status"] = closing.group("value").strip()
        status_at = closing_at = closing.start("label")
        labels = [x for x in labels if x.start() < status_at]
    field_end = after
    for n, x in enumerate(labels):
        role = conv.column_role(x.group("label"))
        stop = labels[n + 1].start() if n + 1 < len(labels) else status_at
        value = rest[x.end(): stop]
        sentence = re.search(r"\.(?:\s|$)", value)
        dash = re.match(r"^\s*[-–—](?=\s|$)", value)
        if dash and role != "update":
            value = value[: dash.end()]  # a dash is no value, what follows none of it
        elif sentence and role != "update":
            value = value[: sentence.start()]
        field_end = max(field_end, x.end() + len(value) + 1)
        value = value.strip().rstrip(".;,").strip()
        if role not in cells and value and not conv.is_empty(value) and not _DASH.match(value):
            cells[role] = value
        cells.setdefault(role, "")
    if sum(1 for r in ("owner", "due", "status") if r in cells) < 2:
        return None  # a paragraph that opens with a code, not a record
    inline = any(rest[x.start() - 1] != "\n" for x in labels if x.start()) or (
        closing_at is not None and closing_at > 0 and rest[closing_at - 1] != "\n")
    if not quoted and not inline:
        return None  # one field a line under the words: a record block's (`record_blocks`)
    update = rest[field_end:status_at].strip()
    if update and not cells.get("update"):
        cells["update"] = update.rstrip(". ")
    cells = {k: collapse(v) for k, v in cells.items() if v}
    words = collapse(words)
    if not words:
        return None
    cells["text"] = words
    kind = "recommendation" if re.match(r"^That\s+\S", words) else "action"
    return Row(cells, at, kind)
