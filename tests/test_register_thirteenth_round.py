# ruff: noqa: E501 - the papers print long lines
"""The thirteenth round of issue 10, on what the twelfth round's kept-aside pair showed, tried
on short papers invented for these tests (none is copied from a register test document).
Each mechanism is a kind of layout, not one paper's:

- records laid out as boxes: a PDF box of two columns and no header row, a code beside a
  sentence, under a title bar; the title names the rows' kind ("Decisions taken"), and a
  box whose title names none gives only its "That ..." proposals, as recommendations; a
  verb-first decision ("Agreed that the Housing Lead write ...") naming who acts is an
  action too;
- a table ends where a paragraph and another box's title stand between two of its rows,
  so the box's coded rows are not the table's;
- a log of other things (a risk log, by its header or its heading, `[registers]
  other_logs`) holds no entries, in a PDF or a text table;
- a key printed as a bulleted list of phrases and meanings is the paper's own key, and its
  words (or an "Outcome: <word>." line) never become entries;
- records printed one paragraph each, opened by a reference marker, their fields inline
  ("Responsible officer: X. Deadline: Y."), the status in a closing "Label: <key word>."
  sentence; a part dated by such a due field takes its heading's date;
- a key's meaning "held over" is carried forward, and a "Note" column is the update;
- the same kinds in text: coded lines under a title ("DM1  Approved ...", "AB1  That the
  Board ..."), a reference heading over its paragraphs ("### Recommendation 1") whose
  response field opens with the status ("Board response: Accepted. ..."), "... should ..."
  proposals as recommendations, and a log's heading ("5. Risks") never an entry.

Each paper is read by the real loader, segmenter and readers."""

from __future__ import annotations

from pathlib import Path

from ingest.register_conventions import current
from ingest.register_keys import status_key
from tests.conftest import read_registers


def _all(reg) -> list:  # noqa: ANN001
    entries = [*reg.decisions, *reg.actions, *reg.recommendations]
    return sorted(entries, key=lambda e: (e.where.start, e.kind))


# --- A PDF of boxes -------------------------------------------------------------------------

DECISIONS = [
    ("DT1", "Approved the revised terms of reference for the Hate Crime Working Group"),
    ("DT2", "Agreed that the Housing Lead write to every registered social landlord about the new reporting line by 3 May 2026"),
    ("DT3", "Authorised the Chair to sign the data-sharing agreement with the Probation Service"),
]
ACTIONS = [
    ("HC/12", "Map the reported hate incidents against the bus routes", "Data Analyst", "30/04/26", "Done", "Map shared in April."),
    ("HC/13", "Arrange awareness sessions for the taxi trade", "KM", "End of June", "Waiting", "Held back until the new licensing year."),
    ("HC/14", "Refresh the third-party reporting centre list", "All partners", "Next meeting", "Begun", ""),
]
ASKS = [
    ("AB1", "That the Board asks the county council to keep the reporting line open at weekends"),
    ("AB2", "That the Board writes to the police about the recording of repeat incidents"),
]
RISKS = [
    ("RK2", "The analyst post is vacant from May.", "Amber"),
    ("RK4", "The venue for the awareness sessions may not be free in June.", "Green"),
]
KEY = ("Key to the Progress column. Done: the action is finished and will be taken off the list. "
       "Begun: work has started and is not finished. Waiting: held over to a later quarter by the Group.")


def _boxes_pdf(path: Path, risk_heading: str = "Risks", risk_header: str = "Risk or issue") -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"].clone("c", fontSize=8.5, leading=10.5)

    def box(title: str, rows: list, widths: list, header: list | None = None) -> Table:
        data = [[Paragraph(title, style)] + [""] * (len(widths) - 1)]
        if header:
            data.append([Paragraph(h, style) for h in header])
        data += [[Paragraph(c, style) for c in r] for r in rows]
        table = Table(data, colWidths=widths)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ]))
        return table

    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("Elmbridge Vale Community Safety Partnership", style),
        Paragraph("Hate Crime Working Group highlight report to the Partnership Board, 12 May 2026", style),
        Spacer(1, 8),
        box("Decisions taken", [list(r) for r in DECISIONS], [40, 420]),
        Spacer(1, 8),
        box("Actions agreed", [list(r) for r in ACTIONS], [40, 150, 70, 60, 50, 90],
            ["Ref", "Action", "Who", "When", "Progress", "Note"]),
        Spacer(1, 8),
        Paragraph(KEY, style),
        Spacer(1, 8),
        box("Asks of the Board", [list(r) for r in ASKS], [40, 420]),
        Spacer(1, 8),
        box(risk_heading, [list(r) for r in RISKS], [40, 360, 60], ["ID", risk_header, "Rating"]),
        Spacer(1, 8),
        Paragraph("Next meeting of the Group: 9 June 2026.", style),
    ])


def _read_boxes(tmp_path: Path, **kw):  # noqa: ANN003, ANN202
    folder = tmp_path / "papers"
    folder.mkdir()
    _boxes_pdf(folder / "elmbridge-vale-hate-crime-highlight-report-2026-05-12.pdf", **kw)
    return read_registers(tmp_path)


def test_a_box_of_coded_sentences_under_a_title_naming_decisions(tmp_path: Path) -> None:
    reg = _read_boxes(tmp_path)
    assert [(d.reference, d.text) for d in reg.decisions] == [(c, t) for c, t in DECISIONS]
    assert [(d.owner, d.due) for d in reg.decisions] == [
        ("", ""), ("Housing Lead", "3 May 2026"), ("", "")]


def test_a_boxed_decision_naming_who_acts_is_an_action_too(tmp_path: Path) -> None:
    reg = _read_boxes(tmp_path)
    coded = [(a.reference, a.text, a.owner, a.due) for a in reg.actions if a.reference.startswith("DT")]
    assert coded == [("DT2", DECISIONS[1][1], "Housing Lead", "3 May 2026")]


def test_a_box_whose_title_names_no_kind_gives_its_proposals_as_recommendations(tmp_path: Path) -> None:
    reg = _read_boxes(tmp_path)
    assert [(r.reference, r.text, r.state) for r in reg.recommendations] == [
        (c, t, "not stated") for c, t in ASKS]


def test_a_table_ends_where_a_paragraph_and_a_boxs_title_stand_between_rows(tmp_path: Path) -> None:
    reg = _read_boxes(tmp_path)
    assert [a.reference for a in reg.actions if not a.reference.startswith("DT")] == [
        "HC/12", "HC/13", "HC/14"]
    assert not any(e.reference.startswith("AB") for e in [*reg.actions, *reg.decisions])


def test_a_key_meaning_held_over_and_a_note_column(tmp_path: Path) -> None:
    reg = _read_boxes(tmp_path)
    rows = [(a.status, a.state, a.update) for a in reg.actions if a.reference.startswith("HC")]
    assert rows == [
        ("Done", "done", "Map shared in April"),
        ("Waiting", "carried forward", "Held back until the new licensing year"),
        ("Begun", "in progress", ""),
    ]


def test_a_risk_log_by_its_header_holds_no_entries(tmp_path: Path) -> None:
    reg = _read_boxes(tmp_path, risk_heading="Watch list")
    assert not any(e.reference.startswith("RK") for e in _all(reg))


def test_a_risk_log_by_its_heading_holds_no_entries(tmp_path: Path) -> None:
    reg = _read_boxes(tmp_path, risk_heading="Risk register", risk_header="Description")
    assert not any(e.reference.startswith("RK") for e in _all(reg))


PIPE_LOG = """\
# Elmbridge Vale Community Safety Partnership: delivery group notes, 12 May 2026

## Actions

| Ref | Action | Owner | Due | Status |
|---|---|---|---|---|
| EV/07 | Write to the bus operator about the late service | Transport Lead | June 2026 | Open |

## Risks

| ID | Risk or issue | Owner | Due | Rating |
|---|---|---|---|---|
| R3 | The funding for the youth bus ends in March | Youth Service Manager | March 2027 | Red |
"""


def test_a_risk_log_in_a_text_table_holds_no_entries(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "elmbridge-vale-delivery-notes-2026-05-12.md", PIPE_LOG)
    assert [a.reference for a in reg.actions] == ["EV/07"]


# --- Records one paragraph each, and a bulleted key -----------------------------------------

OUTCOMES = """\
# Fernhill Borough Council

**Overview and Scrutiny Panel**

**Wednesday 20 May 2026, 7.00 pm, Committee Room 2**

## Item 5: Outcomes of the street drinking review – Fernhill Community Safety Partnership

Report of: Democratic Services Officer

## 1. How outcomes are judged

1.1 The last sentence of each item gives the Panel's judgement, in one of four phrases:

- *Done in full* – the recommendation has been carried out and the change can be seen.
- *Partly done* – work has started and some of it is done, but not all.
- *Not started* – accepted, but the work has not begun.
- *Moved to 2027/28* – moved into the Partnership's 2027/28 plan by agreement, to be
  reported on next year.

## 2. Outcomes

**SD1.** *"That the Partnership sets up one referral route for street drinkers into
treatment."*
Responsible officer: Substance Misuse Lead. Target date: 31 January 2026.
The route opened in December and 41 people have been referred. Outcome: Done in full.

**SD2.** *"That the council reviews the designated public place order for the town
centre."* Responsible officer: Licensing Manager.
Deadline: summer 2026.
The consultation closed in April. Outcome: Partly
done.

SD3. *"That the Partnership funds an outreach worker for the station area."*
Responsible officer: Community Safety Manager. Deadline: none set.
No funding was found this year. Outcome: Moved to 2027/28.
"""


def test_a_bulleted_key_of_phrases_is_the_papers_key() -> None:
    start = OUTCOMES.index("- *Done")
    end = OUTCOMES.index("## 2.")
    assert status_key(OUTCOMES[start:end], current()) == {
        "done in full": "done", "partly done": "in progress", "not started": "open",
        "moved to 2027/28": "carried forward",
    }


def test_a_bulleted_list_whose_meanings_do_not_all_give_a_state_is_no_key() -> None:
    text = "- *Estates* – the estates team, whose survey is complete.\n- *Police* – the neighbourhood team.\n- *Health* – the drug and alcohol service.\n"
    assert status_key(text, current()) == {}


def test_records_one_paragraph_each_opened_by_a_marker(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "fernhill-scrutiny-outcomes-2026-05-20.md", OUTCOMES)
    got = [(r.reference, r.text, r.owner, r.due, r.status, r.state) for r in reg.recommendations]
    assert got == [
        ("SD1", "That the Partnership sets up one referral route for street drinkers into treatment",
         "Substance Misuse Lead", "31 January 2026", "Done in full", "done"),
        ("SD2", "That the council reviews the designated public place order for the town centre",
         "Licensing Manager", "summer 2026", "Partly done", "in progress"),
        ("SD3", "That the Partnership funds an outreach worker for the station area",
         "Community Safety Manager", "", "Moved to 2027/28", "carried forward"),
    ]
    assert [r.update for r in reg.recommendations] == [
        "The route opened in December and 41 people have been referred",
        "The consultation closed in April",
        "No funding was found this year",
    ]


def test_a_keys_words_and_outcome_lines_are_never_entries(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "fernhill-scrutiny-outcomes-2026-05-20.md", OUTCOMES)
    assert not reg.decisions and not reg.actions


def test_a_due_field_does_not_date_the_paper(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "fernhill-scrutiny-outcomes-2026-05-20.md", OUTCOMES)
    assert {r.where.date for r in reg.recommendations} == {"2026-05-20"}


def test_a_record_block_of_one_field_a_line_stays_the_block_readers(tmp_path: Path) -> None:
    text = ("# Fernhill Community Safety Partnership: actions, 20 May 2026\n\n"
            "FH/04 Clear the alley behind Mill Street\nLead: Street Scene Team\nDue: 30 June 2026\nStatus: Open\n")
    reg = read_registers(tmp_path, "fernhill-actions-2026-05-20.md", text)
    assert [(a.reference, a.text, a.owner, a.due, a.status) for a in reg.actions] == [
        ("FH/04", "Clear the alley behind Mill Street", "Street Scene Team", "30 June 2026", "Open")]


def test_a_status_word_alone_after_a_label_is_no_entry(tmp_path: Path) -> None:
    text = ("# Fernhill Community Safety Partnership: progress notes, 20 May 2026\n\n"
            "## 3. Alley gating\n\nThe gates on Mill Street were fitted in April.\n\nOutcome: Complete.\n\n"
            "## 4. Youth bus\n\nOutcome: The Partnership agreed to fund the youth bus until March 2027.\n")
    reg = read_registers(tmp_path, "fernhill-progress-notes-2026-05-20.md", text)
    assert [d.text.rstrip(".") for d in reg.decisions] == [
        "The Partnership agreed to fund the youth bus until March 2027"]


# --- Coded lines and headed records in text -------------------------------------------------

CODED_MINUTES = """\
Lanford Community Safety Partnership
Executive Group minutes, 2 April 2026

4. Youth violence

The Group discussed the summer plan.

Decisions made
DM1  Approved the summer diversion programme for 2026.
DM2  Agreed that the Community Safety Manager circulate the revised plan to partners
     by 30 April 2026.
DM3  Authorised the Chair to sign the grant agreement.

Asks of the Board
The Group asks the Board to consider the following:
AB1  That the Board funds a second youth worker from April 2027.
AB2  The Group notes that the venue lease ends in March.

5. Risks

RK1  The funding may end in March 2027.  Amber
"""


def test_coded_lines_under_a_title_are_its_kind(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "lanford-executive-minutes-2026-04-02.txt", CODED_MINUTES)
    assert [(d.reference, d.text.rstrip("."), d.owner, d.due) for d in reg.decisions] == [
        ("DM1", "Approved the summer diversion programme for 2026", "", ""),
        ("DM2", "Agreed that the Community Safety Manager circulate the revised plan to partners by 30 April 2026",
         "Community Safety Manager", "30 April 2026"),
        ("DM3", "Authorised the Chair to sign the grant agreement", "", ""),
    ]
    assert [(a.reference, a.owner) for a in reg.actions] == [("DM2", "Community Safety Manager")]


def test_coded_lines_under_a_title_naming_no_kind_give_only_proposals(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "lanford-executive-minutes-2026-04-02.txt", CODED_MINUTES)
    assert [(r.reference, r.text.rstrip(".")) for r in reg.recommendations] == [
        ("AB1", "That the Board funds a second youth worker from April 2027")]
    assert not any(e.reference.startswith("RK") or e.text.rstrip(".") == "Risks"
                   for e in _all(reg))


HEADED = """\
# Lanford Community Safety Partnership

## Board response to the domestic abuse needs assessment, 2 April 2026

### Recommendation 1

The Partnership should commission a perpetrator programme.

**Board response:** Accepted. The tender opens in May. **Lead:** Domestic Abuse Coordinator. **Timescale:** March 2027.

### Recommendation 2

The Partnership should train all frontline staff in routine enquiry.

**Board response:** Partly accepted. **Lead:** Workforce Lead. **Timescale:** Q3 2026/27.

**DA3.** The Partnership should publish an annual report. Lead: Community Safety Manager. Timescale: June 2026. Status: Not started.
"""


def test_a_reference_heading_over_paragraphs_is_one_record(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "lanford-da-board-response-2026-04-02.md", HEADED)
    got = [(r.reference, r.text, r.owner, r.due, r.status, r.state) for r in reg.recommendations]
    assert got == [
        ("Recommendation 1", "The Partnership should commission a perpetrator programme",
         "Domestic Abuse Coordinator", "March 2027", "Accepted", "open"),
        ("Recommendation 2", "The Partnership should train all frontline staff in routine enquiry",
         "Workforce Lead", "Q3 2026/27", "Partly accepted", "open"),
        ("DA3", "The Partnership should publish an annual report", "Community Safety Manager",
         "June 2026", "Not started", "open"),
    ]
    assert reg.recommendations[0].update == "The tender opens in May"
    assert not reg.actions and not reg.decisions


VERB_FIRST = """\
Harrowgate Community Safety Partnership
Executive minutes, 1 May 2026

5. Serious violence duty

The Executive received the strategy.

Decisions:
- Approved the strategy for publication.
- Agreed that the Community Safety Manager send the strategy to the Home Office by 30 June 2026.
"""


def test_a_verb_first_decision_naming_who_acts_keeps_its_words_as_the_action(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "harrowgate-executive-minutes-2026-05-01.txt", VERB_FIRST)
    words = "Agreed that the Community Safety Manager send the strategy to the Home Office by 30 June 2026"
    assert [(d.text.rstrip("."), d.owner, d.due) for d in reg.decisions] == [
        ("Approved the strategy for publication", "", ""),
        (words, "Community Safety Manager", "30 June 2026"),
    ]
    assert [(a.text.rstrip("."), a.owner, a.due) for a in reg.actions] == [
        (words, "Community Safety Manager", "30 June 2026")]


LISTED_RECORDS = """\
# Tollbridge Community Safety Partnership

## Domestic abuse needs assessment: the Board's response, 1 June 2026

1. **Recommendation 1:** The Partnership should commission a specialist service for older victims.
   *Board response:* Agreed. *Owner:* DA Strategic Lead. *By:* March 2027.

2. **Recommendation 2:** The Partnership should review the MARAC threshold.
   *Board response:* Agreed in part. The review will wait for the county's. *Owner:* MARAC Chair. *By:* Q2 2026/27.
"""


def test_a_numbered_item_opening_with_its_reference_is_one_record(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "tollbridge-da-board-response-2026-06-01.md", LISTED_RECORDS)
    assert [(r.reference, r.text, r.owner, r.due, r.status, r.update) for r in reg.recommendations] == [
        ("Recommendation 1", "The Partnership should commission a specialist service for older victims",
         "DA Strategic Lead", "March 2027", "Agreed", ""),
        ("Recommendation 2", "The Partnership should review the MARAC threshold", "MARAC Chair",
         "Q2 2026/27", "Agreed in part", "The review will wait for the county's"),
    ]
    assert not reg.actions
