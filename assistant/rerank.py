"""Rerank retrieved passages by how much of the question's distinctive vocabulary they
carry.

The small embedding model ranks a passage that is about the question's theme above one
that holds its rare word ("quorate", "Project 360"); reciprocal-rank fusion then lets the
theme win. A passage's share of the question's IDF-weighted terms (in its text and the
section it sits in) is added to its fused score, so the passage that says the thing asked
about comes first, while the fused order still decides between passages that carry as much.
"""

from __future__ import annotations

import dataclasses

from assistant.answer import Scorer
from assistant.retrieve import Hit

# Weight of term coverage beside the fused score (scaled so the best fused score is 1).
COVERAGE_WEIGHT = 0.6


def rerank(question: str, hits: list[Hit], scorer: Scorer) -> list[Hit]:
    if not hits:
        return hits
    terms = scorer.terms(question)
    if not terms:
        return hits
    top = max(h.score for h in hits) or 1.0
    scored = [
        (
            h.score / top
            + COVERAGE_WEIGHT * Scorer.coverage(terms, f"{h.chunk.section} {h.chunk.text}"),
            n,
            h,
        )
        for n, h in enumerate(hits)
    ]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [dataclasses.replace(h, score=s) for s, _, h in scored]
