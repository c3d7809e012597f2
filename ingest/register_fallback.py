"""The last reader: resolutions and "X to ..." actions wherever they are printed, in a
layout no other reader knows (minutes the segmenter did not type as minutes, a paper of
no known kind, a board's notes).

- A **resolution** is a line that opens with a resolution word of the conventions
  (`registers.resolution_words`, in capitals or in sentence case: "RESOLVED that ...",
  "Resolved:", "Agreed –", "The Board AGREED:") followed by what was resolved or by its
  numbered, lettered or bulleted items; each item is a decision, and one that names who is
  to act ("That the Chair write to ...") an action as well. A body's verb in lower case is
  a label only in bold ("**The Group decided** to note ...", "**The Group decided:**") or
  ending its line over items ("The Board agreed:"); "The Board agreed that the minutes ..."
  is narrative.
- An **action** is a line (a paragraph's first, or a list item) that opens with who is to
  act and "to" and a verb: initials ("JW to circulate ..."), a person ("M. Adeyemi to
  ..."), a role ("The Community Safety Manager to ..."); or "X agreed to ..." with the
  agreed verbs of the conventions. Its due is the date phrase in it.

Narrative that only says something was agreed ("The minutes were agreed as a correct
record.") is neither: a resolution word must open the line and be followed by ":", "that",
a dash or the end of the line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.register_actions import owner_of_resolution
from ingest.register_conventions import RegisterConventions
from ingest.register_decisions import RESOLUTION, _resolutions, _tidy
from ingest.register_lines import Found, Items, due_in, tidy_text
from ingest.register_text import NAME, ROLE, clean, lines_of, unwrap
from ingest.types import LoadedFile, Part

# "to" and a verb, not "to the Police" (a heading) nor "to be" (passive: no one named).
_VERB = r"(?!(?:the|a|an|this|that|these|those|their|its|his|her|our|all|be|date)\b)(?=[a-z]{2,}\b)"
_MARK = r"(?:[-*•▪]\s+|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)?"
_INITIALS = r"[A-Z]{2,4}(?:\s*(?:/|&|and)\s*[A-Z]{2,4})*"
_GROUP = r"(?:All|Each|Every)(?:\s+[a-z][\w'’-]*){1,3}"  # "All members", "Each partner"
_OWNER_TO = re.compile(
    rf"^{_MARK}(?:\*\*)?(?P<owner>{_INITIALS}|{NAME}(?:\s+(?:and|&)\s+{NAME})*|{ROLE}|{_GROUP})"
    rf"(?:\*\*)?\s+to\s+{_VERB}"
)


@lru_cache(maxsize=8)
def _lead_in(conv: RegisterConventions) -> re.Pattern[str]:
    words = sorted({w for w in conv.resolution_words} | {w.capitalize() for w in
                   conv.resolution_words}, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    lower = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words)
    body = r"The\s+(?:[A-Z][\w-]*\s+){1,4}"
    return re.compile(
        # "RESOLVED (unanimously) that ...": a bracket after the word is no part of it
        rf"^{_MARK}(?:\*\*)?(?:{body})?(?:{alts})(?:\*\*)?(?:\s*\([^()]{{1,40}}\))?"
        rf"(?:\s*[:–—-]+|\s+that\b|\s*$)\s*(?P<rest>.*)$"
        # in sentence case a body's verb is a label only in bold ("**The Group decided** to
        # note ...") or as a lead-in ending its line ("The Group decided:"), never narrative
        rf"|^{_MARK}(?:\*\*{body}(?:{lower})(?::\*\*|\*\*:?)(?=\s+(?:to|that)\s|\s*$)"
        rf"|{body}(?:{lower}):(?:\*\*)?\s*$"
        rf"|It\s+was\s+(?:{lower}):(?:\*\*)?\s*$)\s*(?P<rest2>.*)$"  # "It was agreed:" / items
    )


@lru_cache(maxsize=8)
def _agreed(conv: RegisterConventions) -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in conv.agreed_verbs)
    return re.compile(
        rf"^{_MARK}(?P<owner>{_INITIALS}|{NAME}|{ROLE})\s+(?:{verbs})\s+to\s+{_VERB}"
    )


def fallback_entries(
    doc: LoadedFile, part: Part, conv: RegisterConventions, items: Items, minutes: bool
) -> list[Found]:
    """The resolutions and "X to ..." actions of a part (in minutes, the resolutions in
    capitals are the minutes reader's)."""
    lines = lines_of(doc.text, part.start, part.end)
    lead_in, agreed = _lead_in(conv), _agreed(conv)
    out: list[Found] = []
    previous_blank = True
    for i, line in enumerate(lines):
        text = line.text
        starts_paragraph, previous_blank = previous_blank, not text
        if not text:
            continue
        col = len(line.raw) - len(line.raw.lstrip())
        m = lead_in.match(text)
        if m is None and "**" in line.raw:  # a bold label: "**The Group decided** to ..."
            m = lead_in.match(line.raw.strip())
        if m and minutes and RESOLUTION.match(text):
            continue
        if m:
            rest = clean(m.group("rest") if m.group("rest") is not None else m.group("rest2"))
            for offset, said in _resolutions(lines, i, rest):
                said = tidy_text(_tidy(said))
                if said and not said.endswith(":"):
                    out.extend(_decision(offset, said, items, conv))
            continue
        m = _OWNER_TO.match(text) or agreed.match(text)
        if not m or not (starts_paragraph or _is_item(text)):
            continue
        marker = re.match(_MARK, text)
        body = tidy_text(_paragraph(lines, i)[marker.end() if marker else 0 :])
        if not body or body.endswith(":"):
            continue
        item, title = items.at(line.start)
        at = line.start + col + (marker.end() if marker else 0)
        out.append(Found("action", body, at, owner=re.sub(r"^[Tt]he\s+", "", m.group("owner")),
                         due=due_in(body, conv), reference=item, item=item, item_title=title,
                         fallback=True))
    return out


def _is_item(text: str) -> bool:
    """A list item: it opens with its marker."""
    return bool(re.match(r"^(?:[-*•▪]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s", text))


def _paragraph(lines: list, i: int) -> str:
    """The line's text and its wrapped lines, to the end of its sentence or paragraph."""
    acc = [lines[i].text]
    j = i + 1
    while j < len(lines) and lines[j].text and not re.search(r"[.!?]$", acc[-1]):
        if _OWNER_TO.match(lines[j].text) or _is_item(lines[j].text):
            break
        acc.append(lines[j].text)
        j += 1
    return unwrap("\n".join(acc))


def _decision(offset: int, text: str, items: Items, conv: RegisterConventions) -> list[Found]:
    item, title = items.at(offset)
    common = dict(reference=item, item=item, item_title=title)
    who = owner_of_resolution(text)
    owner, due = (who[0], due_in(text, conv)) if who else ("", "")
    out = [Found("decision", text, offset, owner=owner, due=due, fallback=True, **common)]
    if who:
        out.append(Found("action", text, offset, owner=owner, due=due, fallback=True, **common))
    return out
