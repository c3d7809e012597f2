"""Rankings and figures read from tables as printed (issue 6, session 7), on papers of an invented
partnership in the real index (Chroma, bm25s, SQLite) with the word-hash embedder and the
gate off: a PDF table whose cells come out one a line with a rank before the row's name
and a "Movement" printed in words ("up 3"); a Markdown table with a two-row header; a
question that names the partnership and a ranking but no measure; a sentence that only
says where the figures are printed ("... is set out in Table 3")."""

from __future__ import annotations

import io

import pytest
from conftest import assistant_over

from assistant.engine import Assistant

WARDS = [
    ("Rank 2024/25", "Ward", "Population", "Crimes 2024/25", "Rate per 1,000", "Rank 2023/24",
     "Movement"),
    ("1", "Quayside", "5,120", "1,402", "273.8", "1", "no change"),
    ("2", "Mill Green", "6,300", "901", "143.0", "4", "up 2"),
    ("3", "Tannery Fields", "7,010", "799", "114.0", "2", "down 1"),
    ("4", "Sorrel Hill", "6,880", "612", "89.0", "3", "down 1"),
    ("5", "Heron Marsh", "5,540", "402", "72.6", "9", "up 4"),
    ("6", "Abbot's Walk", "7,900", "455", "57.6", "5", "down 1"),
]

PLAN = """# Brantleigh Community Safety Partnership: plan refresh 2025

## 6. How we are doing

**Table 1: Crime in Brantleigh, 2023/24 and 2024/25**

| Measure | 2023/24 | | 2024/25 | | Change |
|---|---|---|---|---|---|
| | Number | Rate per 1,000 | Number | Rate per 1,000 | % |
| All recorded crime | 6,904 | 61.8 | 6,512 | 58.3 | -5.7% |
| Residential burglary | 402 | 3.6 | 310 | 2.8 | -22.9% |
| Vehicle offences | 588 | 5.3 | 561 | 5.0 | -4.6% |
| Shoplifting | 640 | 5.7 | 812 | 7.3 | +26.9% |
| Sexual offences | 231 | 2.1 | 249 | 2.2 | +7.8% |

**Progress on the 2024/25 targets**

| Target set in 2024 | Outcome 2024/25 | Status |
|---|---|---|
| Reduce residential burglary by 10% | Down 22.9% | Achieved |
| Hold shoplifting at 2023/24 level | Up 26.9% | Not achieved |
| Street pastors out every Friday | Out on 40 of 52 Fridays | Partly achieved |
| Open two hate reporting centres | Two open | Achieved |

## 7. Funding 2024/25

7.1 The Partnership's funding for 2024/25 is set out in Table 3. The Council is the
accountable body for all partnership funds.

**Table 3: Community safety funding 2024/25**

| Funding stream | 2024/25 |
|---|---|
| Police and Crime Commissioner grant | £61,400 |
| Council core budget | £48,250 |
| Serious Violence Duty grant | £17,900 |
| Total | £127,550 |
"""


def assessment_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    out = io.BytesIO()
    style = getSampleStyleSheet()["Normal"]
    story = [
        Paragraph("Brantleigh Community Safety Partnership - Strategic Assessment 2024/25", style),
        Paragraph("4. Crime by ward", style),
        Paragraph("Table 2: Wards ranked by crime rate per 1,000 residents, 2024/25", style),
        Table(WARDS),
        Paragraph("A movement of up means the ward has moved up the ranking.", style),
    ]
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    return assistant_over(
        tmp_path_factory.mktemp("brantleigh"),
        {
            "brantleigh-csp-strategic-assessment-2024-25.pdf": assessment_pdf(),
            "brantleigh-csp-plan-refresh-2025.md": PLAN,
        },
    )


def test_a_rank_before_the_name_does_not_shift_the_columns(assistant: Assistant) -> None:
    # the rate is read from the rate column, not from the column beside it
    answer = assistant.ask("Which ward has the highest crime rate in the Brantleigh assessment?")
    assert answer.text.startswith("Quayside has the highest in “Rate per 1,000”: 273.8")


def test_a_movement_printed_in_words_ranks_as_a_change(assistant: Assistant) -> None:
    answer = assistant.ask("Which Brantleigh ward moved furthest up the crime rate ranking?")
    assert answer.text.startswith("Heron Marsh has the largest rise in “Movement”: up 4")


def test_a_rise_with_no_measure_named_reads_the_change_column(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Which measure in the Brantleigh performance table went up the most between "
        "2023/24 and 2024/25?"
    )
    assert answer.text.startswith("Shoplifting has the largest rise in “Change %”: +26.9%")
    fell = assistant.ask("For Brantleigh, which measure fell the most in percentage terms?")
    assert fell.text.startswith("Residential burglary has the largest fall in “Change %”: -22.9%")


def test_a_rate_asked_is_read_from_the_rate_column_not_the_year_named(assistant: Assistant) -> None:
    # "Crimes 2024/25" names the year asked, "Rate per 1,000" the measure asked
    answer = assistant.ask("Which Brantleigh ward had the lowest crime rate in 2024/25?")
    assert answer.text.startswith("Abbot's Walk has the lowest in “Rate per 1,000”: 57.6")


def test_a_sentence_that_only_points_to_a_table_is_not_the_answer(assistant: Assistant) -> None:
    answer = assistant.ask("How is the Brantleigh Community Safety Partnership funded in 2024/25?")
    first = answer.text.split("\n\n")[0]  # the opening quote gives the figures
    assert "£61,400" in first and "£127,550" in first
    assert "set out in Table 3" not in first


def test_a_captioned_table_gives_the_rows_whose_status_is_asked(assistant: Assistant) -> None:
    # the caption is quoted with its rows, never alone; "missed" asks for "Not achieved"
    answer = assistant.ask("Which Brantleigh targets for 2024/25 were missed or only partly met?")
    first = answer.text.split("\n\n")[0]
    assert "Hold shoplifting" in first and "Street pastors" in first
    assert "Reduce residential burglary" not in first
    assert not first.rstrip().endswith("Progress on the 2024/25 targets” [1]")
