"""A sentence a PDF's text breaks across a blank line is quoted whole (issue 6, session 7):
the extraction of some agenda packs puts a blank line after every printed line, and a line
ending in "the" goes on after it though the next line opens with a capital."""

from __future__ import annotations

from pathlib import Path

from conftest import assistant_over

FOREWORD = """SAFER PELMARSH PARTNERSHIP PLAN 2025-2028

1. Foreword

Welcome to the partnership's plan for the next three years. It was written with the help of

the residents, businesses and community groups who answered our survey last autumn, and of

the officers of every agency who work together in the partnership week in, week out.

The plan reflects the cross cutting priorities that the relevant authorities forming the

Pelmarsh Community Safety Partnership are currently facing. It was agreed by the Board on

4 March 2025 and will be reviewed each year.

1.1 That the Board:

(a) notes the plan for 2025-2028; and

(b) requests a report on rural crime for its meeting in July 2025.

2. Introduction

The partnership meets four times a year.
"""


def test_a_sentence_broken_across_a_blank_line_is_quoted_whole(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"pelmarsh-partnership-plan-2025-28.txt": FOREWORD})
    answer = assistant.ask("What priorities does the Pelmarsh plan reflect?")
    assert "forming the Pelmarsh Community Safety Partnership are currently facing." in answer.text
    assert "agreed by the Board on 4 March 2025" in answer.text
    # "(a) notes the plan; and" ends an item: the next item stays on a line of its own
    assert any("; and\n(b) requests a report" in c.text for c in assistant.chunks)
