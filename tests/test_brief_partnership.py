"""A brief speaks for one partnership: with two councils' papers indexed it never puts
one council's priorities beside another's figures."""

from __future__ import annotations

from assistant.brief import make_brief, render
from ingest.knowledge import Knowledge
from ingest.types import Chunk, Fact, Where

A, B = "Safer Brackwater Partnership", "Ormsby Vale Community Safety Partnership"


def _chunk(n: int, partnership: str, text: str) -> Chunk:
    return Chunk(
        id=f"c{n}", text=text, embed_text=text, source=f"{partnership[:5]}.md", part="Plan",
        part_index=0, doc_type="plan", section="Priority 1: Safer streets", page=1,
        date="2024-04-01", partnership=partnership, start=0, end=len(text), dup_group=f"c{n}",
    )


def _fact(partnership: str, row: str, value: str) -> Fact:
    where = Where(f"{partnership[:5]}-sa.md", "Assessment", "Table 1", 2, "2024-12-01", partnership)
    return Fact("Table 1: Crime", row, "Change", value, float(value.rstrip("%")), "%", "", where,
                quote=f"{row}\t{value}")


def test_a_brief_over_two_partnerships_papers_quotes_one_of_them():
    chunks = [_chunk(n, A, f"Brackwater passage {n}") for n in range(3)]
    chunks.append(_chunk(9, B, "Ormsby passage"))
    facts = [_fact(A, r, v) for r, v in (("Robbery", "-30%"), ("Theft", "+4%"), ("Fraud", "-2%"))]
    facts += [_fact(B, r, v) for r, v in (("Arson", "+12%"), ("Drugs", "-5%"), ("Vandals", "+1%"))]
    knowledge = Knowledge(facts=facts)
    text = render(make_brief(knowledge, chunks))
    assert A in text.splitlines()[0] and "Safer.md" in text  # the partnership of most papers
    assert "Ormsb" not in text and "Arson" not in text
    other = render(make_brief(knowledge, chunks, partnership=B))
    assert "Ormsb.md" in other and "Safer.md" not in other and "Robbery" not in other
