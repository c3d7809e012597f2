"""A paper's title and kind from its opening lines, whatever its layout (issue 6, session 8):
the line that names the paper's kind, not a web page's navigation, a protective marking,
a cover field ("Report of: the Chair ..."), a body's name alone, or another paper the text
mentions most often. Invented papers, read by the real loader and segmenter."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assistant_over

from ingest.load import load
from ingest.segment import segment

NEWSLETTER = """# Safer Brookhythe News

**Brookhythe Community Safety Partnership – partnership highlight report and newsletter**
**Issue 9 · Quarter 2 2025/26 · published 14 October 2025**

---

## From the chair

Our Partnership Hate Crime Action Plan 2025–2027 was agreed in June. The Partnership Hate
Crime Action Plan 2025–2027 sets out four aims; the Partnership Hate Crime Action Plan
2025–2027 is on our website.

## The quarter in numbers

- 412 ASB incidents reported, down 6%
"""

WEB_RECORD = """Skip to main content
Office of the Police and Crime Commissioner for Eastwold
Menu
Home   About   Police and Crime Plan   Funding   Contact us
Search this site

Home > Transparency > Decisions > 2025

Decision record PCC/DR/2025/031
Safer Kelmarsh Partnership: street pastors grant 2025/26

Published: 3 July 2025

1. Executive summary

1.1 The Commissioner has approved a grant of £24,000 to the Safer Kelmarsh Partnership for
street pastors in Kelmarsh town centre on Friday and Saturday nights.

2. Decision

2.1 The Commissioner has decided to approve a grant of £24,000 for 2025/26.
"""

COUNCIL_REPORT = """# Harrowgate Borough Council

## Full Council – 22 July 2025 – Agenda item 11

# Harrowgate Community Safety Partnership: Annual Report 2024/25

**Report of:** the Chair of the Harrowgate Community Safety Partnership
**Wards affected:** all wards

## 1. Purpose

1.1 This report gives the Partnership's annual report for 2024/25 to Council.
"""

CABINET_ITEM = """# Yelverton District Council

## Cabinet, Tuesday 11 March 2025

## Agenda item 9: Public space CCTV - future delivery options

**Report of:** Strategic Director - Place

## 1. Summary

1.1 This report sets out three options for the future of the council's CCTV service.
"""

CASE_REVIEW = """# Wendover Vale Community Safety Partnership

## ASB Case Review Annual Report 2024/25

**Report to:** Wendover Vale Community Safety Partnership Executive, 9 July 2025 (agenda item 6)
**Prepared by:** the ASB Case Review Coordinator

## 1. Summary

1.1 The Partnership received 14 applications for an ASB Case Review in 2024/25.
"""


def first_part(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    parts = segment(load(path))
    return [p for p in parts if p.title][-1] if len(parts) > 1 else parts[0]


@pytest.mark.parametrize(
    ("name", "text", "title", "kind"),
    [
        ("brookhythe-newsletter-q2.md", NEWSLETTER,
         "Brookhythe Community Safety Partnership – partnership highlight report and newsletter,"
         " Quarter 2 2025/26", "report"),  # (the period the line under the title names)
        ("harrowgate-annual-report.md", COUNCIL_REPORT,
         "Harrowgate Community Safety Partnership: Annual Report 2024/25", "report"),
        ("yelverton-cabinet-cctv.md", CABINET_ITEM,
         "Item 9 Public space CCTV - future delivery options", "report"),
        ("wendover-case-review-report.md", CASE_REVIEW, "ASB Case Review Annual Report 2024/25",
         "report"),
    ],
)
def test_the_title_is_the_opening_line_that_names_the_papers_kind(
    tmp_path: Path, name: str, text: str, title: str, kind: str
) -> None:
    part = first_part(tmp_path, name, text)
    assert (part.title, part.doc_type) == (title, kind)


def test_a_web_pages_navigation_is_not_its_title(tmp_path: Path) -> None:
    titles = [(p.title, p.doc_type) for p in segment(load_text(tmp_path, WEB_RECORD))]
    assert ("Decision record PCC/DR/2025/031", "report") in titles
    assert not any("Crime Plan" in t for t, _ in titles)


def load_text(tmp_path: Path, text: str):
    path = tmp_path / "eastwold-pcc-decision-record-kelmarsh-2025-031.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_an_official_record_is_not_flagged_as_an_unofficial_source(tmp_path: Path) -> None:
    assistant = assistant_over(
        tmp_path, {"eastwold-pcc-decision-record-kelmarsh-2025-031.txt": WEB_RECORD}
    )
    answer = assistant.ask("How much did the Commissioner approve for the Kelmarsh street pastors?")
    assert "£24,000" in answer.text[:600], answer.text
    assert "not minutes, a report or a plan" not in answer.text


RECOMMENDATIONS = """# Eastmere Community Safety Partnership

## Needs assessment recommendations and Board response, 12 March 2025

### R1 Strengthen the referral pathway

**Board response:** Accepted
Lead: Domestic Abuse Coordinator
Target date: 30 June 2026
"""


def test_an_actions_target_date_does_not_date_the_paper(tmp_path: Path) -> None:
    papers = {"eastmere-csp-needs-assessment-response.md": RECOMMENDATIONS}
    assistant = assistant_over(tmp_path, papers)
    assert {c.date for c in assistant.chunks} == {"2025-03-12"}
