"""Facts and registers: the SQLite round trip, tolerant figure look-ups, register queries,
and the LangChain tools over them — on hand-built entries, so no model is needed."""

from __future__ import annotations

from pathlib import Path

from assistant.facts import answer_figures, find_facts, normalise_period
from assistant.question import understand
from assistant.registers import answer_actions, answer_decisions, answer_outstanding, flat, query
from ingest.knowledge import Knowledge, read, write
from ingest.types import Action, Decision, Fact, GlossaryEntry, Recommendation, Where

SA = Where(
    "sa.md",
    "Strategic Assessment 2023/24",
    "Section 3 › Table 1: Crime",
    None,
    "2023-12-05",
    "Charnwood Community Safety Partnership",
    "strategic assessment",
)
MIN = Where(
    "minutes.md",
    "Minutes",
    "8 PARTNERSHIP STRATEGIC ASSESSMENT",
    3,
    "2023-01-26",
    "Charnwood Community Safety Partnership",
    "minutes",
)


def fact(
    row: str,
    column: str,
    value: str,
    number: float | None,
    unit: str = "count",
    period: str = "",
    table: str = "Table 1: Crime",
    where: Where = SA,
) -> Fact:
    return Fact(table, row, column, value, number, unit, period, where, quote=f"{row}\t{value}")


FACTS = [
    fact(
        "Theft of Vehicles",
        "Total Crime as at 5th Dec 2023",
        "249",
        249,
        period="as at 5th Dec 2023",
    ),
    fact("Theft of Vehicles", "Performance to Date", "+2.5%", 2.5, "%"),
    fact("Shoplifting", "Total Crime as at 5th Dec 2022", "515", 515),
    fact("Shoplifting", "Total Crime as at 5th Dec 2023", "736", 736),
    fact("Shoplifting", "Performance to Date", "+43%", 43, "%"),
    fact("Beat 62", "2020/21", "1629", 1629, period="2020/21", table="Table 2: Beats"),
    fact("Beat 62", "2021/22", "2165", 2165, period="2021/22", table="Table 2: Beats"),
    fact("All Crime", "Performance to Date", "-6.1%", -6.1, "%"),
]


def knowledge() -> Knowledge:
    return Knowledge(
        facts=FACTS,
        decisions=[
            Decision(
                "2023-01-26",
                "8",
                "PARTNERSHIP STRATEGIC ASSESSMENT",
                "That the information be noted.",
                MIN,
            ),
            Decision(
                "2023-01-26",
                "8",
                "PARTNERSHIP STRATEGIC ASSESSMENT",
                "That Andy Thomas consider new and effective ways to process Community "
                "Triggers in line with legislation.",
                MIN,
            ),
        ],
        actions=[
            Action(
                "Andy Thomas", "contact Gurjit Samra-Rai", "2023-01-26", "7", "", "open", "", MIN
            )
        ],
        recommendations=[
            Recommendation("2022/23", 4, "Beat 61 and 64 standing items", "Repeated", "open", SA),
            Recommendation("2022/23", 1, "Commission a plan", "Plan adopted", "done", SA),
        ],
        glossary=[GlossaryEntry("JAG", "Joint Action Group", SA, "JAG Joint Action Group")],
    )


def test_round_trip_through_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "knowledge.sqlite"
    write(path, knowledge())
    back = read(path)
    assert back == knowledge()
    assert read(tmp_path / "missing.sqlite") == Knowledge()


def test_figures_tolerate_wording_and_period_spelling() -> None:
    rows = find_facts(FACTS, "theft of motor vehicles")
    assert rows and rows[0].first.row == "Theft of Vehicles"
    rows = find_facts(FACTS, "crimes on Beat 62 in 2021-22")
    assert [c.value for c in rows[0].facts] == ["2165"]
    assert normalise_period("2021 to 2022") == "2021/22"


def test_all_crime_needs_both_words() -> None:
    """'crime' alone must not pull in the All Crime row."""
    assert not [
        r for r in find_facts(FACTS, "how many crimes on beat 62") if r.first.row == "All Crime"
    ]


def test_figure_answer_quotes_values_as_printed_with_table_citation() -> None:
    answer = answer_figures("How much did shoplifting change?", FACTS)
    assert answer is not None
    assert "+43%" in answer.text and "515" in answer.text and "736" in answer.text
    assert answer.citations[0].source == "sa.md"
    assert "Table 1" in answer.text


def test_unknown_measure_gets_no_figure() -> None:
    assert answer_figures("How many burglaries of garden sheds were there?", FACTS) is None


def test_register_queries_and_routes() -> None:
    k = knowledge()
    found = query(k, "decisions", "community triggers")
    assert len(found) == 1 and "new and effective ways" in found[0].text
    answer = answer_decisions("What was agreed on community triggers?", k)
    assert answer and "26 January 2023" in answer.text and "item 8" in answer.text
    assert "information be noted" not in answer.text
    actions = answer_actions("What actions does Andy Thomas have?", k)
    assert actions and "Gurjit Samra-Rai" in actions.text
    outstanding = answer_outstanding(understand("Which recommendations are still outstanding?"), k)
    assert outstanding and "Recommendation 4" in outstanding.text
    assert "Commission a plan" not in outstanding.text
    assert [r.number for r in query(k, "recommendations", open_only=True)] == [4]


def test_flat_rows_carry_their_citation() -> None:
    row = flat(knowledge().actions[0])
    assert row["owner"] == "Andy Thomas" and row["source"] == "minutes.md"
    assert row["date"] == "2023-01-26" and row["page"] == 3


def test_tools_have_names_descriptions_and_typed_arguments() -> None:
    from assistant.tools import build_tools

    class Stub:
        def __init__(self) -> None:
            self.knowledge = knowledge()

    tools = {t.name: t for t in build_tools(Stub())}
    assert {
        "find_figures",
        "search_documents",
        "decisions_register",
        "actions_register",
        "recommendations_register",
        "forward_register",
        "glossary_lookup",
    } <= set(tools)
    assert all(t.description for t in tools.values())
    rows = tools["find_figures"].invoke({"measure": "shoplifting"})
    assert rows[0]["cells"]["Performance to Date"] == "+43%" and rows[0]["source"] == "sa.md"
    got = tools["decisions_register"].invoke({"query": "community triggers"})
    assert len(got) == 1 and got[0]["date"] == "2023-01-26"
    assert tools["glossary_lookup"].invoke({"term": "jag"})[0]["meaning"] == "Joint Action Group"
