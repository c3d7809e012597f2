"""Entries printed after a reference of their own, with no label word: ``**D1** The Board
approved ...``, ``> **D4** The Board noted ...`` (a blockquote), ``- **A3** PO to write to
... by 5 May``, ``D2 – That the report be noted.``.

The marker is a reference (the conventions' `registers.reference` or `list_references`
pattern: "D1", "A3", "Min 40", "CSP/24/07") in bold, or a letter code ("D1") followed by a
colon, full stop or dash; a row of a table (tab-separated or lined up) is no marker line.
What the entry is comes first from the paper's own key - "decisions are numbered D1, D2
...", "D = decision; A = action" (the kind words of `[registers.kinds]`) - by the marker's
letters; where the paper says nothing, from its sentence:

- a decision: "That ... be noted", "The <body> approved / agreed / noted ..." (the
  conventions' decision verbs), or a verb-first record ("Approved the plan");
- an action: "X to ..." (who, then what), its owner X and its due the date phrase.

Anything else after a marker (a recommendation, a heading, a count) is left to the other
readers, and so is a marker a label reader reads ("**AP1** – ...", "Action 3: ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.register_conventions import RegisterConventions, _key
from ingest.register_keys import kind_key
from ingest.register_lines import Found, _label_pattern, due_in, owner_to, tidy_text
from ingest.register_text import unwrap
from ingest.types import LoadedFile, Part

_QUOTE = re.compile(r"^(?:>\s?)+")
_BOLD = re.compile(
    r"^(?:[-*•]\s+)?\*\*(?P<ref>[^*\n]{1,16}?)[.:]?\*\*[.:]?\s*(?:[–—-]\s+)?(?P<text>\S.*)$"
)
_CODE = re.compile(
    r"^(?:[-*•]\s+)?(?P<ref>[A-Z]{1,4}\d{1,3}[a-z]?)(?:[.:]\s|\s[–—-]\s)\s?(?P<text>\S.*)$"
)
_NUMBERED_AS = re.compile(
    r"\b(?P<word>[A-Za-z]+?)s?\s+(?:are|is)\s+(?:numbered|referenced|labelled|labeled|marked|"
    r"coded|shown\s+as|given\s+as)\s+(?P<code>[A-Z]{1,4})\s?\d"
)


def marker_key(text: str, conv: RegisterConventions) -> dict[str, str]:
    """The letters a paper numbers each kind of entry with: "decisions are numbered D1, D2
    ..." → {"d": "decision"}, and its code key ("A = action"), by `[registers.kinds]`."""
    key = dict(kind_key(text, conv))
    for m in _NUMBERED_AS.finditer(text):
        kind = conv.kinds.get(_key(m.group("word"))) or conv.kinds.get(_key(m.group("word")) + "s")
        if kind:
            key.setdefault(_key(m.group("code")), kind)
    return key


@lru_cache(maxsize=8)
def _decision_opening(conv: RegisterConventions) -> re.Pattern[str]:
    bodies = "|".join(re.escape(b) for b in conv.recommendation_bodies)
    verbs = "|".join(re.escape(v) for v in {*conv.decision_verbs, *conv.decision_cell_verbs})
    return re.compile(
        rf"^(?:That\s+.+\bbe\s+[a-z]+(?:ed|en|t)\b"  # "That the report be noted"
        rf"|(?:The\s+)?(?:[A-Z][\w-]*\s+){{0,3}}(?:{bodies})\s+(?:(?:unanimously|formally)\s+)?"
        rf"(?:{verbs})\b)",  # "The Board approved ...", "The Executive Group agreed ..."
        re.S,
    )


def decision_opening(text: str, conv: RegisterConventions) -> bool:
    """Words that record a decision: "That ... be noted", "The Board approved ...", or a
    verb-first record ("Approved the plan")."""
    return bool(_decision_opening(conv).match(text)) or conv.is_decision_cell(text)


def _is_reference(ref: str, conv: RegisterConventions) -> bool:
    return bool(conv.reference.match(ref)) or any(p.fullmatch(ref) for p in conv.list_references)


def _kind(ref: str, text: str, key: dict[str, str], conv: RegisterConventions) -> str:
    letters = re.match(r"[A-Za-z]+", ref)
    if letters and _key(letters.group(0)) in key:
        return key[_key(letters.group(0))]
    if decision_opening(text, conv):
        return "decision"
    if owner_to(text):
        return "action"
    return ""


def marker_entries(doc: LoadedFile, part: Part, conv: RegisterConventions) -> list[Found]:
    """The decisions and actions printed after a marker of their own (the module's rule)."""
    from ingest.register_actions import owner_of_resolution

    key = marker_key(doc.text, conv)
    labels = (_label_pattern(conv.decision_labels), _label_pattern(conv.action_labels),
              _label_pattern(conv.recommendation_labels))
    lines: list[tuple[int, str]] = []
    pos = part.start
    for raw in doc.text[part.start : part.end].split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    out: list[Found] = []
    for i, (off, raw) in enumerate(lines):
        quoted = _QUOTE.match(raw.strip())
        line = raw.strip()[quoted.end() if quoted else 0 :].strip()
        if "\t" in line or re.search(r"\S\s{3,}\S", line):
            continue  # a table's row (tab-separated or lined up in columns), not a marker
        m = _BOLD.match(line) or _CODE.match(line)
        if not m or any(p.match(line) for p in labels):
            continue
        ref = re.sub(r"\s+", " ", m.group("ref")).strip()
        if not _is_reference(ref, conv) or not re.search(r"\d", ref):
            continue
        acc = [m.group("text")]
        for _, nxt_raw in lines[i + 1 :]:
            nq = _QUOTE.match(nxt_raw.strip())
            nxt = nxt_raw.strip()[nq.end() if nq else 0 :].strip()
            if not nxt or _BOLD.match(nxt) or _CODE.match(nxt):
                break
            acc.append(nxt)
        text = tidy_text(unwrap("\n".join(acc)))
        kind = _kind(ref, text, key, conv)
        if kind not in ("decision", "action") or len(text) < 12:
            continue
        start = raw.find(m.group("text")[:20])
        at = off + max(start, 0)
        owner = due = ""
        kinds = [kind]
        if kind == "action":
            owner, due = owner_to(text), due_in(text, conv)
        else:
            who = owner_of_resolution(text)
            if who:  # a decision naming who acts is an action too
                owner, due = who[0], due_in(text, conv)
                kinds.append("action")
        out.extend(Found(k, text, at, owner=owner, due=due, reference=ref, own_reference=True)
                   for k in kinds)
    return out
