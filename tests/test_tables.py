"""Tables to facts (issue 3): every printed cell of the corpus's tables, documents of other
shapes (Markdown, column-aligned text, label/figure lines, PDFs whose cells come out one per
line or single-spaced, money tables with wrapped headers), prose that must give nothing, and
the invariants every fact keeps: its value is in its quote and its quote is in the file."""

from __future__ import annotations

import functools
import hashlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ingest.dating import date_file
from ingest.load import load
from ingest.segment import segment
from ingest.table_cells import is_figure, parse_number, unit_of
from ingest.tables import extract_facts
from ingest.types import Fact, LoadedFile

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
DATA = Path(__file__).resolve().parent / "data" / "tables"
ASSESSMENT = "charnwood-strategic-assessment-2023-24.md"
PACK_2014 = "charnwood-csp-agenda-pack-2014-12-18.txt"
PACK_2023 = "charnwood-csp-agenda-pack-2023-04-20.txt"
MINUTES = "charnwood-csp-minutes-2023-01-26.md"


# --- helpers -------------------------------------------------------------------------------


def facts_of(doc: LoadedFile) -> list[Fact]:
    parts = segment(doc)
    date_file(doc.text, parts)
    return extract_facts(doc, parts)


@functools.cache
def corpus(name: str) -> tuple[LoadedFile, tuple[Fact, ...]]:
    doc = load(CORPUS / name)
    return doc, tuple(facts_of(doc))


def text_doc(text: str, name: str = "test.md") -> LoadedFile:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return LoadedFile(name, Path(name), digest, "text", text)


def pdf_doc(data: bytes, name: str = "test.pdf", tmp: Path | None = None) -> LoadedFile:
    assert tmp is not None
    path = tmp / name
    path.write_bytes(data)
    return load(path)


def cell(facts, row: str, column: str, table: str = "") -> Fact:
    """The one fact at row × column (of the table whose name starts with ``table``)."""
    found = [f for f in facts if f.row == row and f.column == column and f.table.startswith(table)]
    assert len(found) == 1, (row, column, table, [(f.table, f.value) for f in found])
    return found[0]


def grid(facts) -> dict[tuple[str, str], str]:
    return {(f.row, f.column): f.value for f in facts}


def check_invariants(doc: LoadedFile, facts) -> None:
    for f in facts:
        assert f.value and f.value in f.quote, f
        assert f.quote in doc.text, f
        assert doc.text[f.where.start :].startswith(f.quote), f
        assert f.where.source == doc.name
        assert f.row and f.column is not None and f.table
        if f.unit:
            assert is_figure(f.value) and f.number == parse_number(f.value), f
        else:
            assert f.number is None, f


# --- the corpus: Table 1, crime performance (printed twice in the assessment) ---------------

T1_COLUMNS = (
    "Performance to Date",
    "Total Crime as at 5th Dec 2022",
    "Total Crime as at 5th Dec 2023",
    "Diff",
    "Family Group Position 31st October 2022",
)
T1_ROWS = {
    "All Crime": ("-6.1%", "10,195", "9568", "-627", "12/15 ↔"),
    "Violence with Injury": ("-4.3%", "1,185", "1133", "-52", "14/15 ↔"),
    "Burglary – Residential": ("+3.9%", "358", "372", "+14", "15/15 ↓"),
    "Burglary – Business": ("-2.1%", "189", "185", "-4", "13/15 ↓"),
    "Theft of Vehicles": ("+2.5%", "243", "249", "+6", "7/15 ↑"),
    "Theft from Vehicles": ("-8.2%", "474", "435", "-39", "11/15 ↑"),
    "Robbery": ("-30%", "57", "40", "-17", "2/15 ↑"),
    "Cycle Theft": ("-1%", "297", "294", "-3", "14/15 ↔"),
    "Shoplifting": ("+43%", "515", "736", "+221", "6/15 ↔"),
}
T1_NUMBERS = {
    "All Crime": (-6.1, 10195, 9568, -627, 12),
    "Violence with Injury": (-4.3, 1185, 1133, -52, 14),
    "Burglary – Residential": (3.9, 358, 372, 14, 15),
    "Burglary – Business": (-2.1, 189, 185, -4, 13),
    "Theft of Vehicles": (2.5, 243, 249, 6, 7),
    "Theft from Vehicles": (-8.2, 474, 435, -39, 11),
    "Robbery": (-30, 57, 40, -17, 2),
    "Cycle Theft": (-1, 297, 294, -3, 14),
    "Shoplifting": (43, 515, 736, 221, 6),
}
T1_UNITS = ("%", "count", "count", "count", "rank")
T1_CAPTIONS = (
    "Table 1: Overview Crime Performance from the 1st April 2023 to 5th December 2023",
    "Table 1: Charnwood CSP Crime Performance Data: 2022/23 compared to 2023/24",
)


@pytest.mark.parametrize("caption", T1_CAPTIONS)
def test_crime_performance_table_every_cell(caption: str) -> None:
    _, facts = corpus(ASSESSMENT)
    table = [f for f in facts if f.table.startswith(caption)]
    assert {(f.row, f.column) for f in table} == {
        (row, col) for row in T1_ROWS for col in T1_COLUMNS
    }
    for row, values in T1_ROWS.items():
        for col, value, number, unit in zip(T1_COLUMNS, values, T1_NUMBERS[row], T1_UNITS):
            fact = cell(table, row, col)
            assert (fact.value, fact.number, fact.unit) == (value, number, unit)
            assert fact.quote.startswith(row + "\t") and value in fact.quote.split("\t")
            assert fact.where.source == ASSESSMENT
            assert "Table 1" in fact.where.section
            assert fact.where.date == "2023-12-05"
            assert fact.where.doc_type == "strategic assessment"


def test_crime_performance_periods_come_from_columns_then_caption() -> None:
    _, facts = corpus(ASSESSMENT)
    overview = [f for f in facts if f.table.startswith(T1_CAPTIONS[0])]
    shop = {f.column: f.period for f in overview if f.row == "Shoplifting"}
    assert shop == {
        "Performance to Date": "1st April 2023 to 5th December 2023",
        "Total Crime as at 5th Dec 2022": "as at 5th Dec 2022",
        "Total Crime as at 5th Dec 2023": "as at 5th Dec 2023",
        "Diff": "1st April 2023 to 5th December 2023",
        "Family Group Position 31st October 2022": "31st October 2022",
    }
    scanning = cell(facts, "Robbery", "Performance to Date", T1_CAPTIONS[1])
    assert scanning.period == "2022/23 compared to 2023/24"


# --- Table 2, crimes per police beat ------------------------------------------------------

BEAT_YEARS = ("2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24")
BEATS = {
    "Beat 56": ("639", "521", "545", "559", "577", "627", "+8.7%"),
    "Beat 57": ("336", "307", "425", "393", "398", "367", "-7.8%"),
    "Beat 58": ("268", "301", "228", "317", "331", "326", "-1.5%"),
    "Beat 59": ("867", "798", "835", "836", "816", "732", "-10.3%"),
    "Beat 60": ("475", "480", "420", "414", "440", "526", "+19.6%"),
    "Beat 61": ("1338", "1405", "1390", "1611", "1641", "1511", "-7.9%"),
    "Beat 62": ("2343", "2023", "1629", "2165", "2183", "1963", "-10%"),
    "Beat 63": ("698", "701", "693", "745", "825", "768", "-7%"),
    "Beat 64": ("1134", "1007", "1004", "1067", "1340", "1246", "-7%"),
    "Beat 65": ("1442", "1417", "1450", "1693", "1669", "1535", "-8%"),
}


def test_crimes_per_beat_table_every_cell() -> None:
    _, facts = corpus(ASSESSMENT)
    table = [f for f in facts if f.table.startswith("Table 2: All Crimes per Police Beat")]
    columns = (*BEAT_YEARS, "Performance to date")
    expected = {(b, c): v for b, vals in BEATS.items() for c, v in zip(columns, vals)}
    assert grid(table) == expected
    for f in table:
        if f.column in BEAT_YEARS:
            assert f.period == f.column and f.unit == "count"
        else:
            assert f.unit == "%" and f.period == "April 2018 to 5th December 2023"
        assert "Table 2" in f.where.section and f.where.date == "2023-12-05"
    beat62 = cell(table, "Beat 62", "2021/22")
    assert (beat62.value, beat62.number, beat62.period) == ("2165", 2165.0, "2021/22")
    assert beat62.quote == "Beat 62\t2343\t2023\t1629\t2165\t2183\t1963\t-10%"
    # A blank line parts Beat 63 from Beat 64 in the file: still one table.
    assert cell(table, "Beat 64", "2023/24").value == "1246"


def test_family_group_positions_table() -> None:
    _, facts = corpus(ASSESSMENT)
    table = [f for f in facts if "family group" in f.table.lower()]
    expected = {
        "Violence with Injury": ("12/15", "14/15"),
        "All Crime": ("12/15", "12/15"),
        "Theft of Motor Vehicle": ("10/15", "7/15"),
        "Robbery": ("4/15", "2/15"),
        "Shoplifting": ("6/15", "6/15"),
        "Theft from Motor Vehicle": ("11/15", "11/15"),
        "Cycle Theft": ("14/15", "14/15"),
        "Burglary – Residential": ("13/15", "15/15"),
        "Burglary – Business": ("14/15", "13/15"),
    }
    columns = ("31st Oct 2022", "31st Oct 2023")
    assert grid(table) == {(r, c): v for r, vals in expected.items() for c, v in zip(columns, vals)}
    before = cell(table, "Theft of Motor Vehicle", "31st Oct 2022")
    after = cell(table, "Theft of Motor Vehicle", "31st Oct 2023")
    assert (before.number, before.unit, before.period) == (10.0, "rank", "31st Oct 2022")
    assert (after.number, after.unit, after.period) == (7.0, "rank", "31st Oct 2023")
    assert all(not f.table.startswith("Table 1") for f in table)  # not the caption above


def test_other_assessment_tables() -> None:
    _, facts = corpus(ASSESSMENT)
    violent = cell(
        facts, "Violence with Injury", "Violent Crime as at 5th Dec 2022", "Table 2: Rep"
    )
    assert (violent.value, violent.period) == ("1,185", "as at 5th Dec 2022")
    oaq = [f for f in facts if f.table.startswith("Table 3: 2023/2024 OAQ Performance")]
    assert grid(oaq)[("Shoplifting", "OAQ Crime as at 5th Dec 2023")] == "736"
    assert grid(oaq)[("Bicycle Theft", "Performance to Date")] == "-1%"
    # A header-less data row: its label is the one-cell line above the column header.
    asb = [f for f in facts if f.row == "Incidents Year to Date"]
    assert grid(asb) == {
        ("Incidents Year to Date", "2022/23"): "1593",
        ("Incidents Year to Date", "2023/24"): "1495",
        ("Incidents Year to Date", "%"): "-6.2%",
    }
    assert {f.period for f in asb if f.column != "%"} == {"2022/23", "2023/24"}
    assert all("Anti-Social Behaviour" in f.where.section for f in asb)


def test_assessment_label_figure_lines() -> None:
    _, facts = corpus(ASSESSMENT)
    lcdg = [f for f in facts if f.row == "LCDG (Beat 62)"]
    assert grid(lcdg) == {
        ("LCDG (Beat 62)", "recorded crimes"): "1,963",
        ("LCDG (Beat 62)", "share of All Crime"): "21%",
    }
    reductions = [f for f in facts if "reductions in the following crime categories" in f.table]
    assert {f.row: f.value for f in reductions} == {
        "Violence with Injury": "-4.3%",
        "Burglary – Business": "-2.1%",
        "Theft From Vehicles": "-8.2%",
        "Robbery": "-30%",
        "Cycle Theft": "-1%",
    }
    assert {f.period for f in reductions} == {"2023/24"}


def test_assessment_recommendations_table_keeps_words() -> None:
    _, facts = corpus(ASSESSMENT)
    recs = [f for f in facts if f.table == "2022/23 Charnwood PSA Recommendations"]
    assert {f.row for f in recs} == {str(n) for n in range(1, 10)}
    update = cell(recs, "7", "Updates")
    assert update.value.startswith("The CSP now has 10 officers")
    assert (update.unit, update.number) == ("", None)


# --- the 2014 funding table (single-spaced £ rows, header wrapped over four lines) ---------

FUNDING = [  # (row, Funding Received, Amount Allocated) as printed; None: cell left empty
    ("Total Carried Forward", "£15861.15", None),
    ("ASB › Roadshows", "£500", "£500"),
    ("ASB › Diversionary Activities", "£2,000", "£2,000"),
    ("ASB › Mentoring through Twenty Twenty", "£1,500", "£1,500"),
    ("ASB › Pride Awards", "£2,000", "£2,000"),
    ("ASB › Total", "£6,000", "£6,000"),
    ("Hate Crime › Awareness Raising", "£1,000", "£1,000"),
    ("Crime Reduction › Publicity Material", "£1,000", "£1,000"),
    ("Crime Reduction › Advan Campaigns", "£2,500", "£2,500"),
    ("Crime Reduction › Community Engagement", "£500", "£500"),
    ("Crime Reduction › Property and Personal Safety Equipment", "£2,000", "£2,000"),
    ("Crime Reduction › Safe Haven", "£1,000", "£1,000"),
    ("Crime Reduction › Street Pastors", "£2,000", "£2,000"),
    ("Crime Reduction › Alcohol Harm Initiatives", "£1,000", "£1,000"),
    ("Crime Reduction › Total", "£10,000", "£10,000"),
    ("Domestic Abuse › Outreach Service", "£10,000", "£10,000"),
    ("Funding for County Wide Campaigns", "£1,000", "£1,000"),
    ("Crime Stoppers – Alcohol Crime Reduction Initiatives", "£5,200", "£5,200"),
    ("Street Pastors", "£5,000", "£5,000"),
    ("Integrated Offender Management", "£12,000", "£12,000"),
    ("Total", "£22,200", "£22,200"),
    ("Asset Bid", None, "£4,000"),
    ("Total unallocated funding", "£11,861.15", None),
]


def test_funding_table_every_row() -> None:
    _, facts = corpus(PACK_2014)
    table = [f for f in facts if f.column in ("Funding Received", "Amount Allocated")]
    assert {f.table for f in table} == {"9 FUNDING PROPOSALS"}  # no caption: the item's title
    expected = {}
    for row, received, allocated in FUNDING:
        if received:
            expected[(row, "Funding Received")] = received
        if allocated:
            expected[(row, "Amount Allocated")] = allocated
    assert grid(table) == expected
    for f in table:
        assert f.unit == "£" and f.number == float(f.value[1:].replace(",", ""))
        assert f.where.source == PACK_2014 and "FUNDING PROPOSALS" in f.where.section
        assert f.where.part == "Item 9 Funding Proposals" and f.where.date == "2014-12-18"
    wrapped = cell(
        table, "Crime Stoppers – Alcohol Crime Reduction Initiatives", "Amount Allocated"
    )
    assert wrapped.quote.startswith("Crime Stoppers") and wrapped.quote.endswith("£5,200 £5,200")
    total = cell(table, "Total unallocated funding", "Funding Received")
    assert (total.value, total.number) == ("£11,861.15", 11861.15)


def test_funding_table_adds_up() -> None:
    """Money in (PCC grant + carried forward) = allocated + unallocated, to the penny."""
    _, facts = corpus(PACK_2014)
    pcc = cell(facts, "Police and Crime Commissioner", "amount")
    assert (pcc.value, pcc.number, pcc.unit) == ("£50,200", 50200.0, "£")
    assert pcc.table == "The funds currently received by the CSP"
    table = [f for f in facts if f.column in ("Funding Received", "Amount Allocated")]
    allocated = sum(
        f.number for f in table if f.column == "Amount Allocated" and "Total" not in f.row
    )
    carried = cell(table, "Total Carried Forward", "Funding Received").number
    unallocated = cell(table, "Total unallocated funding", "Funding Received").number
    assert round(pcc.number + carried - allocated, 2) == unallocated


def test_asb_interventions_label_figure_lines() -> None:
    _, facts = corpus(PACK_2014)
    rows = [f for f in facts if f.column == "count"]  # the only plain counts in the pack
    values = {f.row: f.value for f in rows}
    assert values["Verbal Advice Given"] == "556"
    assert values["Section 59"] == "3"
    assert values["Total Number of ASB Interventions"] == "1185"
    assert len(values) == 15 and {f.table for f in rows} == {rows[0].table}
    assert "Aim 6" in rows[0].where.section and rows[0].where.date == "2014-12-18"
    parts = sum(f.number for f in rows if not f.row.startswith("Total"))
    assert parts == 1185


def test_2023_pack_beat_and_violence_lines() -> None:
    _, facts = corpus(PACK_2023)
    beat62 = {f.column: f for f in facts if f.row == "Beat 62"}
    assert beat62["recorded crimes"].value == "2,183"
    assert beat62["share of All Crime"].value == "21%"
    assert beat62["share of All Crime"].unit == "%"
    assert beat62["recorded crimes"].table.startswith("Figure 1")
    assert beat62["recorded crimes"].where.date == "2023-04-20"
    beat61 = cell(facts, "Beat 61", "recorded crimes")
    assert (beat61.value, beat61.number) == ("1, 641", 1641.0)  # printed with a stray space
    violence = {f.row: f.value for f in facts if f.column == "recorded offences"}
    assert violence == {
        "Violence with Injury offences": "1,185",
        "Violence without Injury offences": "2,517",
        "Public Disorder": "1,333",
    }


# --- the whole corpus: invariants, and nothing from prose ----------------------------------

FILES = [ASSESSMENT, PACK_2014, PACK_2023, MINUTES]


@pytest.mark.parametrize("name", FILES)
def test_every_fact_quotes_its_row(name: str) -> None:
    doc, facts = corpus(name)
    assert facts
    check_invariants(doc, facts)


def test_figures_per_corpus_file() -> None:
    """Regression: how many figures each file gives. A new junk fact changes a count."""
    counts = {name: sum(1 for f in corpus(name)[1] if f.unit) for name in FILES}
    assert counts == {ASSESSMENT: 213, PACK_2014: 59, PACK_2023: 11, MINUTES: 0}


def test_no_figures_from_prose_in_the_corpus() -> None:
    for name in FILES:
        _, facts = corpus(name)
        for f in facts:
            if not f.unit:
                continue
            assert len(f.row.split()) <= 10, f.row
            assert not f.row.lower().startswith(("aim", "the ", "in ", "date")), f.row
            assert "hrs" not in f.quote and "attached at page" not in f.quote
    pack = corpus(PACK_2023)[1]
    assert not [f for f in pack if f.row == "Beat" or "Covers" in f.row]  # locality list


# --- documents of other shapes ------------------------------------------------------------


def test_markdown_pipe_table_fixture() -> None:
    doc = load(DATA / "ward-report.md")
    facts = facts_of(doc)
    check_invariants(doc, facts)
    table = [f for f in facts if f.table.startswith("Table 4: Incidents by Ward")]
    assert grid(table) == {
        ("North Ward", "2022/23"): "412",
        ("North Ward", "2023/24"): "398",
        ("North Ward", "Change"): "-3.4%",
        ("South Ward", "2022/23"): "1,020",
        ("South Ward", "2023/24"): "1,105",
        ("South Ward", "Change"): "+8.3%",  # printed **+8.3%**: emphasis is not the value
        ("East Ward", "2023/24"): "77",  # "n/a" and "-" are no figures
    }
    change = cell(table, "North Ward", "Change")
    assert change.period == "1st April 2023 to 31st March 2024"
    assert cell(table, "South Ward", "2022/23").number == 1020.0


def test_label_figure_lines_fixture() -> None:
    doc = load(DATA / "ward-report.md")
    facts = facts_of(doc)
    wards = [f for f in facts if f.row.startswith("Ward ")]
    assert grid(wards) == {
        ("Ward 3", "incidents"): "412",
        ("Ward 7", "incidents"): "380",
        ("Ward 7", "share of all incidents"): "12%",
        ("Ward 9", "incidents"): "211",
    }
    assert {f.table for f in wards} == {"The wards with the most calls for service"}
    # The commentary repeats 412 and 12% in sentences: nothing more comes of them.
    assert sum(f.value == "412" for f in facts) == 2  # the table cell and Ward 3's line


def test_column_aligned_text_with_two_line_header() -> None:
    text = (
        "Quarterly Monitoring Report\n\nDate: 3 July 2024\n\n2. Fire service performance\n\n"
        "The figures for the quarter were:\n\n"
        "                     Incidents     Incidents\n"
        "Category             Q1 2023       Q1 2024      Change\n"
        "Deliberate fires     112           98           -12.5%\n"
        "Accidental fires     64            71           +10.9%\n"
        "False alarms         1,204         1,187        -1.4%\n\n"
        "Performance will be reviewed in October 2024, when 3 new posts start.\n"
    )
    doc = text_doc(text, "fire.txt")
    facts = facts_of(doc)
    check_invariants(doc, facts)
    assert grid(facts) == {
        ("Deliberate fires", "Incidents Q1 2023"): "112",
        ("Deliberate fires", "Incidents Q1 2024"): "98",
        ("Deliberate fires", "Change"): "-12.5%",
        ("Accidental fires", "Incidents Q1 2023"): "64",
        ("Accidental fires", "Incidents Q1 2024"): "71",
        ("Accidental fires", "Change"): "+10.9%",
        ("False alarms", "Incidents Q1 2023"): "1,204",
        ("False alarms", "Incidents Q1 2024"): "1,187",
        ("False alarms", "Change"): "-1.4%",
    }
    assert cell(facts, "False alarms", "Incidents Q1 2024").period == "Q1 2024"
    assert {f.table for f in facts} == {"The figures for the quarter"}


def test_aligned_columns_with_an_empty_cell() -> None:
    text = (
        "Table 7: Referrals\n\n"
        "Service              2022      2023      2024\n"
        "Outreach             40        52        61\n"
        "Sanctuary                      12        15\n"
        "Mediation            9         -         11\n"
    )
    facts = facts_of(text_doc(text))
    assert grid(facts) == {
        ("Outreach", "2022"): "40",
        ("Outreach", "2023"): "52",
        ("Outreach", "2024"): "61",
        ("Sanctuary", "2023"): "12",
        ("Sanctuary", "2024"): "15",
        ("Mediation", "2022"): "9",
        ("Mediation", "2024"): "11",
    }
    assert {f.period for f in facts if f.row == "Outreach"} == {"2022", "2023", "2024"}


MONEY = (
    "3. Grants\n\n"
    "The grants available to the service are:  \n"
    " Home Office  - £12,000 \n \n"
    "Project  Budget \nRequested \n\nBudget \nApproved \n\n"
    "Youth Shelter £2,500 £2,000 \n\n"
    "   \n"
    "Home Safety   \n"
    "Smoke Alarms £1,200 £1,200 \n"
    "Fire Safety Visits £3,000 £2,750 \n"
    "Total £4,200 £3,950 \n"
    "   \n"
    "Water Safety Campaign – Summer Schools and \nColleges \n\n£900 £900 \n"
    "   \n"
    "Reserve Fund   £1,000 \n"
    "   \n"
    "Balance to carry forward  £5,350  \n\n"
    "Home safety checks completed      1,312\n\n"
    "Smoke alarms fitted      2,045\n"
)


def test_money_table_with_wrapped_header_groups_and_wrapped_label() -> None:
    doc = text_doc(MONEY, "grants.txt")
    facts = facts_of(doc)
    check_invariants(doc, facts)
    grants = [f for f in facts if f.column in ("Budget Requested", "Budget Approved")]
    assert grid(grants) == {
        ("Youth Shelter", "Budget Requested"): "£2,500",
        ("Youth Shelter", "Budget Approved"): "£2,000",
        ("Home Safety › Smoke Alarms", "Budget Requested"): "£1,200",
        ("Home Safety › Smoke Alarms", "Budget Approved"): "£1,200",
        ("Home Safety › Fire Safety Visits", "Budget Requested"): "£3,000",
        ("Home Safety › Fire Safety Visits", "Budget Approved"): "£2,750",
        ("Home Safety › Total", "Budget Requested"): "£4,200",
        ("Home Safety › Total", "Budget Approved"): "£3,950",
        ("Water Safety Campaign – Summer Schools and Colleges", "Budget Requested"): "£900",
        ("Water Safety Campaign – Summer Schools and Colleges", "Budget Approved"): "£900",
        ("Reserve Fund", "Budget Approved"): "£1,000",  # one blank cell printed before it
        ("Balance to carry forward", "Budget Requested"): "£5,350",  # and one after it
    }
    office = cell(facts, "Home Office", "amount")
    assert (office.value, office.table) == ("£12,000", "The grants available to the service")
    counts = {f.row: f.value for f in facts if f.column == "count"}
    assert counts == {"Home safety checks completed": "1,312", "Smoke alarms fitted": "2,045"}


def test_single_figure_without_a_clear_column_is_not_guessed() -> None:
    """Without pypdf's one-blank-per-cell pattern, a lone figure's column is left open."""
    text = MONEY.replace(" \n", "\n").replace("  \n", "\n")
    facts = facts_of(text_doc(text, "grants.txt"))
    reserve = cell(facts, "Reserve Fund", "Budget Requested or Budget Approved")
    assert reserve.value == "£1,000"


def test_prose_with_numbers_gives_no_facts() -> None:
    text = (
        "Annual Report\n\nDate: 4 June 2024\n\n1. Summary\n\n"
        "In 2023 there were 412 incidents in Ward 3, a rise of 12% on the 368 recorded "
        "in 2022.\n"
        "The partnership spent £48,000 on 14 projects, and 3 of them ended early.\n"
        "Officers attended 27 meetings: 12 in spring and 15 in autumn.\n"
        "Total spend: £48,000 was allocated to 14 projects\n"
        "Outcome: 3 of the 5 cases closed\n"
        "Meeting on 12th October 2023 at 10am\n"
        "13th July 2023:         10.00 hrs\n"
        "Aim 1\n\nAim  2  Reduce Violent Crime\n"
        "See page 23.\n"
        "Crimes fell by 4.3% (Violence with Injury), 2.1% (Burglary) and 8.2% (Theft).\n"
        "Ringing the Police on 101\n\nRinging the Council on 01509 634533\n"
    )
    assert facts_of(text_doc(text)) == []


# --- PDFs ----------------------------------------------------------------------------------

WARD_ROWS = [
    ("Ward", "2022/23", "2023/24", "Change"),
    ("Ward 1", "412", "398", "-3.4%"),
    ("Ward 2", "1,020", "1,105", "+8.3%"),
    ("Ward 3", "77", "80", "+3.9%"),
]
WARD_GRID = {
    (r[0], col): value for r in WARD_ROWS[1:] for col, value in zip(WARD_ROWS[0][1:], r[1:])
}


def reportlab_table_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    out = io.BytesIO()
    style = getSampleStyleSheet()["Normal"]
    story = [
        Paragraph("Ward Report", style),
        Paragraph("Date: 12 March 2024", style),
        Paragraph("The wards are compared below over two years of recorded incidents.", style),
        PageBreak(),
        Paragraph("Summary", style),  # short lines before the table, one per line too
        Paragraph("Wards", style),
        Paragraph("Table 4: Incidents per Ward", style),
        Table(WARD_ROWS),
    ]
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def fpdf_table_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "Table 4: Incidents per Ward 2022/23 to 2023/24", new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for values in WARD_ROWS:
            row = table.row()
            for value in values:
                row.cell(value)
    return bytes(pdf.output())


def test_pdf_table_cells_one_per_line(tmp_path: Path) -> None:
    data = reportlab_table_pdf()
    page = PdfReader(io.BytesIO(data)).pages[1].extract_text()
    lines = [ln.strip() for ln in page.splitlines()]
    at = lines.index("Ward 1")
    assert lines[at : at + 4] == ["Ward 1", "412", "398", "-3.4%"]  # really one cell a line
    doc = pdf_doc(data, "wards.pdf", tmp_path)
    facts = facts_of(doc)
    check_invariants(doc, facts)
    assert grid(facts) == WARD_GRID
    assert {f.table for f in facts} == {"Table 4: Incidents per Ward"}
    assert {f.where.page for f in facts} == {2}
    ward2 = cell(facts, "Ward 2", "2022/23")
    assert (ward2.number, ward2.unit, ward2.period) == (1020.0, "count", "2022/23")
    assert ward2.quote.split("\n")[0].strip() == "Ward 2"


def test_pdf_table_rows_single_spaced(tmp_path: Path) -> None:
    data = fpdf_table_pdf()
    page = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Ward 2 1,020 1,105 +8.3%" in page.splitlines()
    doc = pdf_doc(data, "wards.pdf", tmp_path)
    facts = facts_of(doc)
    check_invariants(doc, facts)
    assert grid(facts) == WARD_GRID  # "Ward 2 1,020 ...": the 2 belongs to the label
    assert cell(facts, "Ward 3", "Change").period == "2022/23 to 2023/24"
    assert {f.where.page for f in facts} == {1}


@pytest.mark.parametrize("make", [reportlab_table_pdf, fpdf_table_pdf])
def test_pdf_layout_mode_text_is_read_as_aligned_columns(make) -> None:
    reader = PdfReader(io.BytesIO(make()))
    text = "\n\n".join(p.extract_text(extraction_mode="layout") for p in reader.pages)
    doc = text_doc(text, "wards-layout.txt")
    facts = facts_of(doc)
    check_invariants(doc, facts)
    assert grid(facts) == WARD_GRID


# --- properties: generated tables in every form --------------------------------------------

WORDS = ["North", "South", "Harbour", "Castle", "Mill", "Green", "Station", "Park", "Lane"]
labels = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True).map(" ".join),
    min_size=2,
    max_size=6,
    unique=True,
)
counts = st.integers(0, 250_000).map(lambda n: f"{n:,}" if n > 9999 else str(n))
percent = st.decimals(-99, 400, places=1).map(lambda d: f"{'+' if d > 0 else ''}{d}%")
money = st.integers(1, 90_000).map(lambda n: f"£{n:,}")
PERIODS = [["2019/20", "2020/21", "2021/22"], ["2021", "2022", "2023"], ["Q1 2023", "Q2 2023"]]


@st.composite
def tables(draw):
    rows = draw(labels)
    columns = draw(st.sampled_from(PERIODS))
    kind = draw(st.sampled_from([counts, money]))
    values = [[draw(kind) for _ in columns] + [draw(percent)] for _ in rows]
    return rows, columns, values


def render(form: str, rows, columns, values) -> str:
    header = ["Area", *columns, "Change"]
    body = [[r, *v] for r, v in zip(rows, values)]
    if form == "tab":
        lines = ["\t".join(x) for x in [header, *body]]
    elif form == "pipe":
        rule = ["---"] * len(header)
        lines = ["| " + " | ".join(x) + " |" for x in [header, rule, *body]]
    elif form == "aligned":
        widths = [max(len(x[c]) for x in [header, *body]) + 3 for c in range(len(header))]
        lines = ["".join(c.ljust(w) for c, w in zip(x, widths)).rstrip() for x in [header, *body]]
    else:  # single spaces, as pypdf's plain mode prints a table
        lines = [" ".join(x) for x in [header, *body]]
    return "Table 5: Generated figures\n\n" + "\n".join(lines) + "\n\nThat is all.\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from(["tab", "pipe", "aligned", "spaced"]))
def test_generated_tables_come_back_cell_for_cell(table, form) -> None:
    rows, columns, values = table
    doc = text_doc(render(form, rows, columns, values))
    facts = facts_of(doc)
    check_invariants(doc, facts)
    expected = {(r, c): v for r, vs in zip(rows, values) for c, v in zip([*columns, "Change"], vs)}
    assert grid(facts) == expected
    assert {f.table for f in facts} == {"Table 5: Generated figures"}
    for f in facts:
        assert f.period == (f.column if f.column in columns else "")
        assert f.unit == unit_of(f.value) and f.number == parse_number(f.value)


sentences = st.sampled_from(
    [
        "In {y} the partnership recorded {n} incidents, {p} more than in the year before.",
        "Officers made {n} arrests and seized {m} in cash during the operation.",
        "A total of {n} residents attended, and {p} said they felt safer.",
        "Funding of {m} was agreed for {n} projects starting in {y}.",
        "The review found that {p} of cases were closed within {n} days.",
        "Note: {n} of the figures are provisional.",
        "Update: {n} officers have been trained since {y}.",
        "Budget: {m} for {n} schemes",
        "Result: {n} arrests, {p} fewer than last year",
        "Violent crime in the town centre rose {p}",
        "- {n} incidents were reported in the town centre.",
        "the   partnership   recorded   {n}",
        "Between {y} and 2031, crime fell by {p}.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=6), counts, percent, money, st.integers(2000, 2030))
def test_generated_prose_gives_no_facts(lines, n, p, m, y) -> None:
    text = "\n".join(s.format(n=n, p=p, m=m, y=y) for s in lines) + "\n"
    assert facts_of(text_doc(text)) == []


def test_a_two_row_header_names_each_column_by_both_rows() -> None:
    """Years over "Number / Rate per 1,000": a rate is the year's rate, not any Number."""
    doc = text_doc(
        "# Plan\n\n**Table 1: Crime in Brackwater**\n\n"
        "| Measure | 2023/24 | | 2024/25 | | Change |\n"
        "|---|---|---|---|---|---|\n"
        "| | Number | Rate per 1,000 | Number | Rate per 1,000 | % |\n"
        "| All recorded crime | 7,904 | 66.8 | 7,512 | 63.4 | -5.0% |\n"
        "| Shoplifting | 604 | 5.1 | 781 | 6.6 | +29.3% |\n"
    )
    shop = {f.column: f.value for f in facts_of(doc) if f.row == "Shoplifting"}
    assert shop == {
        "2023/24 Number": "604",
        "2023/24 Rate per 1,000": "5.1",
        "2024/25 Number": "781",
        "2024/25 Rate per 1,000": "6.6",
        "Change %": "+29.3%",
    }
