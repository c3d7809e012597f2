"""What a paper speaks of as still to come is no finding, and a meeting's decision on the
subject asked comes first (issue 6, session 7), on the papers
of an invented partnership in the real index (Chroma, bm25s, SQLite) with the word-hash
embedder and the gate off, so the checks themselves decide: a deep-dive the report asks
the Board to receive on a later day has found nothing yet, and "which of its
recommendations ..." of a review that has not reported is declined with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assistant_over

from assistant.engine import Assistant

REPORT = """# Corrowdale Community Safety Partnership Board

## Quarter 3 performance report 2024/25

Report date: 31 December 2024

### 1. Recommendations

1.3 The Board is asked to:

(a) note performance to the end of Quarter 3;

(b) agree that the Violence Delivery Group presents a knife crime deep-dive to the Board on
10 April 2025;

(c) approve the transfer of £5,000 from the uncommitted fund to the night-time economy
pilot.

### 2. Night-time economy

2.1 Recommendation 4: The Partnership reviews the findings of the Corrowdale night-time
economy pilot with a view to adopting its recommendations.

2.2 Street pastors patrolled on 48 Friday and Saturday nights between April and December
2024.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    paper = {"corrowdale-csp-q3-performance-2024-12-31.md": REPORT}
    return assistant_over(tmp_path_factory.mktemp("corrowdale"), paper)


def test_what_is_dated_after_its_paper_has_found_nothing_yet(assistant: Assistant) -> None:
    answer = assistant.ask("What did the Corrowdale knife crime deep-dive find?")
    assert not answer.covered and not answer.citations


def test_what_a_review_still_to_report_recommends_is_declined_with_it(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(
        "What did the Corrowdale night-time economy pilot find, and which of its "
        "recommendations has the partnership adopted?"
    )
    assert not answer.covered and not answer.citations


def test_when_it_is_due_is_still_answered(assistant: Assistant) -> None:
    answer = assistant.ask("When will the knife crime deep-dive come to the Corrowdale Board?")
    assert answer.covered and "10 April 2025" in answer.text


MINUTES = """CORROWDALE COMMUNITY SAFETY PARTNERSHIP

Minutes of the meeting held on 12 March 2025

1. APPOINTMENT OF VICE-CHAIR

AGREED that Sergeant Idris Penhale be appointed Vice-Chair for the remainder of 2024/25.

2. SMALL GRANTS

AGREED that the bid from Corrowdale Street Pastors for £1,200 be approved.

3. TERMS OF REFERENCE

The revised Terms of Reference were presented.

AGREED that the revised Terms of Reference be adopted, with delegated authority to the
Chair and Vice-Chair to make minor amendments.
"""


def test_a_meeting_and_a_subject_named_give_that_subjects_decision(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"corrowdale-csp-minutes-2025-03-12.txt": MINUTES})
    answer = assistant.ask(
        "What was agreed about the Terms of Reference at the March 2025 Corrowdale meeting?"
    )
    assert "delegated authority" in answer.text.split("\n\n")[0]  # the subject's decision first
    assert "Vice-Chair for the remainder" not in answer.text.split("\n\n")[0]
    everything = assistant.ask("What was agreed at the March 2025 Corrowdale meeting?")
    assert all(w in everything.text for w in ("Penhale", "£1,200", "delegated authority"))
