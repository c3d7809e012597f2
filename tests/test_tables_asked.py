"""Questions answered from a table's own structure (issue 6, session 8), on a newsletter of
an invented partnership in the real index with the word-hash embedder and the gate off:
the Total row answers "the total X" of the table named X; a rate "per head" is read from
the rate column, not from a column the question's words name ("population"); a who's who
table gives the holder beside the role; a rating asked in words ("rated red") finds the
row whose status is the key's letter for it."""

from __future__ import annotations

import pytest
from conftest import assistant_over

from assistant.engine import Assistant

NEWSLETTER = """# Safer Pennock News

**Pennock Community Safety Partnership – partnership highlight report**
**Issue 3 · Quarter 2 2025/26 · published 9 October 2025**

## 1. Funding

**Table 1: Community safety funding 2025/26**

| Funding stream | 2025/26 |
|---|---|
| Community Safety Fund | £58,000 |
| Serious Violence Duty grant | £16,200 |
| Safer Streets Fund | £91,500 |
| Total | £165,700 |

## 2. Wards

**Table 2: Serious violence by ward, 2024/25**

| Ward | Population | Offences | Rate per 1,000 |
|---|---|---|---|
| Abbeyfield | 9,800 | 41 | 4.18 |
| Marl Cross | 4,100 | 52 | 12.68 |
| Sandgate | 7,300 | 38 | 5.21 |
| Tiverley | 11,200 | 30 | 2.68 |

## 3. Workstreams

Status key: **G** on track · **A** some slippage · **R** off track, Board help needed

| Workstream | Lead | Status | Progress this quarter |
|---|---|---|---|
| Violence and VAWG | Domestic Abuse Coordinator | A | Hub referrals up 9% |
| Exploitation and drugs | Youth Justice Manager | R | Only 1 of 5 school sessions held |
| Retail crime | Town Centre Manager | G | Pilot live with 22 shops |

Referrals to the QRT panel rose again this quarter.

## 4. Who's who

| Role | Name |
|---|---|
| Chair of the Board | Councillor Imogen Farrant |
| Vice-chair of the Board | Superintendent Colm Ashdown, Pennock Police |
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    return assistant_over(
        tmp_path_factory.mktemp("pennock"), {"pennock-csp-newsletter-q2-2025-26.md": NEWSLETTER}
    )


def test_the_total_row_answers_the_total_of_the_table(assistant: Assistant) -> None:
    answer = assistant.ask("What is Pennock's total community safety funding for 2025/26?")
    assert answer.text.startswith("Total — 2025/26: £165,700"), answer.text


def test_per_head_is_read_from_the_rate_column(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Which Pennock ward is worst for serious violence per head of population?"
    )
    assert answer.text.startswith("Marl Cross has the highest in “Rate per 1,000”: 12.68"), (
        answer.text
    )


def test_a_whos_who_table_gives_the_holder_beside_the_role(assistant: Assistant) -> None:
    answer = assistant.ask("Who is vice-chair of the Pennock Community Safety Partnership Board?")
    assert "Colm Ashdown" in answer.text[:300], answer.text


def test_a_rating_asked_in_words_finds_the_keys_letter(assistant: Assistant) -> None:
    answer = assistant.ask("Which Pennock workstream is rated red in the Quarter 2 report?")
    first = answer.text[:400]
    assert "Exploitation and drugs" in first, answer.text
    assert "Retail crime" not in first


POSITIONS = """# Pennock Community Safety Partnership: strategic assessment 2023/24

## 3. Family group positions

**Table 4: Position in the most similar family group**

| Crime type | Position 31st October 2022 | Position 31st October 2023 |
|---|---|---|
| Robbery | 4/15 | 2/15 |
| Shoplifting | 6/15 | 9/15 |
| Residential burglary | 12/15 | 15/15 |
| Vehicle crime | 15/15 | 11/15 |
"""


def test_bottom_of_a_family_group_is_the_last_position_of_the_date_asked(tmp_path) -> None:
    assistant = assistant_over(tmp_path, {"pennock-csp-strategic-assessment-2023-24.md": POSITIONS})
    answer = assistant.ask(
        "For which crime type is Pennock CSP bottom of its most similar family group at "
        "31 October 2023?"
    )
    assert answer.text.startswith("Residential burglary"), answer.text
    assert "15/15" in answer.text[:200]
    top = assistant.ask(
        "Which crime type was Pennock's best position in its family group in October 2022?"
    )
    assert top.text.startswith("Robbery"), top.text


BEATS = """# Pennock Community Safety Partnership: strategic assessment 2023/24

## 4. Crime by beat

Table 5: All crime per police beat

Beat\t2019/20\t2020/21\t2021/22\t2022/23\t2023/24\tPerformance to date
Beat 11\t812\t640\t700\t733\t690\t-5.9%
Beat 12\t475\t420\t414\t440\t526\t+19.6%
Beat 13\t1,020\t915\t990\t1,004\t1,066\t+6.2%
"""


def test_a_steep_jump_asks_for_the_largest_rise(tmp_path) -> None:
    assistant = assistant_over(tmp_path, {"pennock-csp-beats-2023-24.md": BEATS})
    answer = assistant.ask("Which Pennock beat has had the steepest jump in all crime this year?")
    assert answer.text.startswith("Beat 12 has the largest rise in “Performance to date”: +19.6%")


def test_compared_with_the_year_before_quotes_both_years_and_the_change(tmp_path) -> None:
    assistant = assistant_over(tmp_path, {"pennock-csp-beats-2023-24.md": BEATS})
    answer = assistant.ask(
        "In Pennock's 2023/24 strategic assessment, how did crime on Beat 12 compare with the "
        "year before?"
    )
    first = answer.text.split("”")[0]  # the first quote: the row asked, not the whole table
    assert "526" in first and "440" in first and "+19.6%" in first, answer.text
    assert "2019/20" not in first


def test_an_acronym_before_a_noun_never_spelled_out_is_declined(assistant: Assistant) -> None:
    answer = assistant.ask("In the Pennock highlight report, what does the QRT panel stand for?")
    assert not answer.covered and "QRT" in answer.text, answer.text


SPEND = """# Pennock Community Safety Partnership: grant monitoring return 2024/25

## C. Spend by project

The 2023/24 underspend of £3,000 was returned to the Commissioner.

**Table C1: Spend by project, 2024/25 (£)**

| Project | Allocated 2024/25 | Spent in year | Variance |
|---|---|---|---|
| P1 Detached youth outreach | 12,000 | 12,000 | 0 |
| P2 Street pastors | 8,000 | 7,400 | -600 |
| P3 Shop watch radios | 4,500 | 4,500 | 0 |
"""


def test_a_row_printed_for_another_year_does_not_answer_the_year_asked(tmp_path) -> None:
    # the section names 2023/24, but the table's columns are 2024/25's
    assistant = assistant_over(tmp_path, {"pennock-csp-grant-return-2024-25.md": SPEND})
    answer = assistant.ask("How much did Pennock spend on detached youth outreach in 2023/24?")
    assert "12,000" not in answer.text, answer.text
    asked = assistant.ask("How much did Pennock spend on detached youth outreach in 2024/25?")
    assert "12,000" in asked.text[:300], asked.text
