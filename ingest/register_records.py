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

from ingest.register_conventions import RegisterConventions, _key
from ingest.register_tables import Row, collapse

_MARKER = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s+)?(?:[*_]{1,2})?"  # a list's number before it or not
    r"(?P<ref>[A-Za-z]{1,6}[/.-]?\d{1,3}(?:[/.-]\d{1,3})?[a-z]?"
    r"|(?:Recommendation|Rec\.?|Action|Decision)\s\d{1,3}[a-z]?)"
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
    paras = [(start + m.start("para"), m.group("para")) for m in
             re.finditer(r"(?:^|\n)(?P<para>(?:[^\n]*\S[^\n]*(?:\n|$))+)", text[start:end])]
    k = 0
    while k < len(paras):
        at, para = paras[k]
        head = _HEADED.match(para.strip())
        if head and conv.reference.match(head.group("ref")) and re.search(r"\d", head.group("ref")):
            # a reference alone as a heading: the record is the paragraphs under it
            body = []
            j = k + 1
            while j < len(paras) and not _HEADING_LINE.match(paras[j][1].strip()) and not (
                _opens_record(paras[j][1])  # the next record, opened by its own marker
            ):
                body.append(paras[j][1].strip())
                j += 1
            row = _record(f"{head.group('ref')}. " + "\n".join(body), at, conv, own,
                          skip=len(head.group("ref")) + 2)
            if row is not None:
                out.append((row, paras[j - 1][0] + len(paras[j - 1][1].rstrip())))
                k = j
                continue
        row = _record(para, at, conv, own)
        if row is not None:
            out.append((row, at + len(para.rstrip())))
        k += 1
    return out


def _opens_record(para: str) -> bool:
    m = _MARKER.match(re.sub(r"[ \t]+", " ", para).strip())
    return bool(m) and bool(re.search(r"[A-Za-z]", m.group("ref"))) and bool(
        re.search(r"\d", m.group("ref")))


# a heading line that is a reference alone ("### Recommendation 3", "**R3**")
_HEADED = re.compile(r"^(?:#{1,6}\s+|\*\*)(?P<ref>[^\n*#]{2,30}?)(?:\*\*)?\s*$")
_HEADING_LINE = re.compile(r"^(?:#{1,6}\s+\S|\*\*[^*\n]{2,80}\*\*\s*$)")


def _record(
    para: str, at: int, conv: RegisterConventions, own: dict[str, str] | None,
    skip: int = 0,
) -> Row | None:
    # its lines kept, each without its indent: a label opens one or not
    flat = re.sub(r"\n ", "\n", re.sub(r"[ \t]+", " ", para)).strip()
    if skip:  # a heading's reference ("Recommendation 3"), the words on the lines under it
        m = re.match(r"^(?P<ref>.{1,30}?)\. (?P<rest>\S.*)$", flat, re.S)
    else:
        m = _MARKER.match(flat)
        if m and not re.search(r"[A-Za-z]", m.group("ref")):
            return None
        if m and any(_MARKER.match(ln) or re.match(r"\s*(?:[-*•]|\d{1,2}[.)])\s", ln)
                     for ln in flat.split("\n")[1:]):
            return None  # a list of items, each its own (a list reader's), not one record
    if not m or not re.search(r"\d", m.group("ref")):
        return None
    rest = re.sub(r"(?<=:)[*_]{1,2}|[*_]{1,2}(?=[A-Z][^*_\n]{1,30}:)", "",
                  m.group("rest"))  # labels set in bold or italics
    cells: dict[str, str] = {"reference": m.group("ref")}
    quoted = _QUOTED.match(rest)
    labels = [x for x in _LABEL.finditer(rest) if conv.column_role(x.group("label")) in _FIELDS]
    said = [x for x in _LABEL.finditer(rest) if _key(x.group("label")) in conv.response_labels]
    if quoted:
        words, after = quoted.group("words"), quoted.end()
        labels = [x for x in labels if x.start() >= after]
    elif labels:  # the words run to the first field, or the response before it
        after = min(x.start() for x in (*labels, *said))
        words = rest[:after]
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
    if "status" not in cells:  # a response opening with a status word ("Accepted. ...")
        for x in _LABEL.finditer(rest):
            if x.start() < after or _key(x.group("label")) not in conv.response_labels:
                continue
            value = re.split(r"(?<=[.;])\s+(?=[A-Z][A-Za-z/ ()-]{1,30}?:\s)", rest[x.end():])[0]
            word = conv.status_word(value.strip(), own).rstrip(" .;,")
            if word:
                cells["status"] = word
                said = value.strip()[len(word):].lstrip(" .;:–—-").strip()
                if said and not cells.get("update"):
                    cells["update"] = said.rstrip(". ")
                field_end = max(field_end, x.end() + len(value))
            break
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
    kind = "recommendation" if _PROPOSING.match(words) else "action"
    return Row(cells, at, kind)


# --- Coded lines under a title: a box of text ------------------------------------------------

_CODED = re.compile(
    r"^(?P<indent>\s*)(?:[-*•]\s+)?(?:\*\*|__)?(?P<ref>[A-Za-z]{1,6}[/.-]?\d{1,3}(?:[/.-]\d{1,3})?[a-z]?)"
    r"(?:\*\*|__)?(?:[.:)]|\s[–—-])?(?:\*\*|__)?(?P<gap>\t+|\s+)(?P<words>[A-Z\"“].*\S)\s*$"
)
_TITLE = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)?(?:\d{1,2}\.?\s+)?"
                    r"(?P<title>[A-Z][^.;!?]{2,80}?)(?:\*\*|__)?:?(?:\*\*|__)?\s*$")
_PROPOSING = re.compile(r"^(?:That\s+\S|(?:\S+\s+){1,6}should\s+[a-z])")


def coded_lines(
    text: str, start: int, end: int, conv: RegisterConventions,
) -> list[Row]:
    """Lines each opening with a code of letters and figures beside a sentence ("D1  Approved
    the plan.", "**E2.** That the Board ...") under a title line ("Decisions made",
    "Escalations to the Board", a lead-in line ending in ":" between them or not): the
    title's kind is the rows' kind; under a title naming no kind, only the rows proposing
    ("That ...", "... should ...") are entries, as recommendations. Two coded lines or more
    make such a list (blank lines between them or not); a line that is neither coded nor
    indented under its row's words ends it."""
    from ingest.register_columns import named_kind

    lines: list[tuple[int, str]] = []
    pos = start
    for raw in text[start:end].split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    out: list[Row] = []
    i = 0
    while i < len(lines):
        m = _CODED.match(lines[i][1])
        if not m or not re.search(r"[A-Za-z]", m.group("ref")):
            i += 1
            continue
        run: list[tuple[int, re.Match[str]]] = []
        j = i
        words_at = m.start("words")
        while j < len(lines):
            off, raw = lines[j]
            mm = _CODED.match(raw)
            if mm and re.search(r"[A-Za-z]", mm.group("ref")) and (
                not run or len(mm.group("indent")) == len(run[0][1].group("indent"))
            ):
                run.append((off, mm))
                words_at = mm.start("words")
                j += 1
                continue
            if not raw.strip():
                if j + 1 < len(lines) and _CODED.match(lines[j + 1][1]):
                    j += 1
                    continue
                break
            if run and len(raw) - len(raw.lstrip()) >= min(words_at, 2) and not _CODED.match(raw):
                off0, m0 = run[-1]
                run[-1] = (off0, _Joined(m0, raw.strip()))
                j += 1
                continue
            break
        if len(run) >= 2:
            title = _title_above(lines, i)
            kind = named_kind(title, conv) if title else ""
            for off, mm in run:
                words = re.sub(r"[\s.;,]+$", "", collapse(mm.group("words"))).strip("*_ ")
                words = words.strip("\"“”")
                row_kind = kind
                if not row_kind:
                    if not _PROPOSING.match(words):
                        continue
                    row_kind = "recommendation"
                cells = {"reference": mm.group("ref"), "text": words}
                if row_kind == "action":
                    from ingest.register_lines import due_in, owner_to

                    cells["owner"], cells["due"] = owner_to(words), due_in(words, conv)
                out.append(Row({k: v for k, v in cells.items() if v},
                               off + mm.start("words"), row_kind))
        i = max(j, i + 1)
    return out


class _Joined:
    """A coded line's match with a wrapped line's words added to its words."""

    def __init__(self, m: re.Match[str] | _Joined, more: str) -> None:
        self._m, self._more = m, more

    def group(self, name: str) -> str:
        value = self._m.group(name)
        return f"{value} {self._more}" if name == "words" else value

    def start(self, name: str) -> int:
        return self._m.start(name)


def _title_above(lines: list[tuple[int, str]], i: int) -> str:
    """The title printed over line ``i``: the nearest line above that is not blank, or the
    one above that when the nearest is a lead-in ending in ":"."""
    seen = 0
    for k in range(i - 1, max(-1, i - 6), -1):
        raw = lines[k][1].strip()
        if not raw:
            continue
        seen += 1
        t = _TITLE.match(raw)
        if t and len(t.group("title").split()) <= 10:
            return t.group("title")
        if seen >= 2 or not raw.endswith(":"):
            return ""
    return ""
