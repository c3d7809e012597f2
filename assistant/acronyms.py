"""What an acronym stands for, when no glossary register has it: a glossary line
("JAG  Joint Action Group") or an inline definition ("Most Similar Family Group (MSFG)")
anywhere in the documents, the initials checked."""

from __future__ import annotations

import re

from ingest.dates import long_form
from ingest.types import Answer, Chunk, Citation

_DEFINED_AT_LINE_START = r"(?m)^[-•▪*\s]*{a}\**\s*(?:[–:=-]\s*)?\**\s*([A-Z][^\n]{{2,90}})$"
_DEFINED_INLINE = r"((?:[A-Z][\w’'&/-]*\s+(?:(?:of|and|for|the|&)\s+)?){{1,7}})\(\s*{a}\s*\)"


def _initials(words: str) -> str:
    return "".join(
        w[0]
        for w in re.findall(r"[A-Za-z][\w’']*", words)  # "Multi-Agency": M, A
        if w.lower() not in {"of", "and", "for", "the", "to", "in", "on"}
    ).upper()


def define(acronym: str, chunks: list[Chunk]) -> Answer | None:
    """'What does JAG stand for?': a glossary line ("JAG  Joint Action Group") or an inline
    definition ("Most Similar Family Group (MSFG)") found anywhere in the documents."""
    a = re.escape(acronym)
    found: list[tuple[int, str, Chunk, str]] = []
    for c in chunks:
        for hit in re.finditer(_DEFINED_AT_LINE_START.format(a=a), c.text):
            meaning = hit.group(1).strip()
            glossary = "glossary" in c.section.lower()
            if _initials(meaning).startswith(acronym[:2]) or glossary:
                found.append((0 if glossary else 1, meaning, c, hit.group(0).strip()))
        for hit in re.finditer(_DEFINED_INLINE.format(a=a), c.text):
            words = hit.group(1).split()
            for k in range(len(words)):
                if _initials(" ".join(words[k:])) == acronym.upper():
                    meaning = re.sub(r"^(?:The|A|An)\s+", "", " ".join(words[k:]))
                    found.append((2, meaning, c, hit.group(0).strip()))
                    break
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[2].source, f[2].start))
    rank, meaning, c, quote = found[0]
    when = long_form(c.date)
    where = f"{c.part}" + (f" ({when})" if when else "") + f", {c.section}"
    text = f"{acronym} stands for {meaning}. {where}: “{quote}” [1]"
    return Answer(
        text,
        (Citation.at(1, c, quote),),
        covered=True,
    )
