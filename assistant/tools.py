"""Every look-up as a LangChain tool with a clear name, description and typed arguments,
ready for an LLM to call. Each returns plain JSON-able data with its citation fields."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Literal

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from assistant.facts import find_facts
from assistant.registers import flat, query
from assistant.retrieve import Filters
from ingest.types import SEARCHABLE_TYPES

if TYPE_CHECKING:
    from assistant.engine import Assistant

DocType = Literal[SEARCHABLE_TYPES]  # a tuple subscript gives Literal["agenda", ...]


class FigureArgs(BaseModel):
    measure: str = Field(description="What is measured, e.g. 'shoplifting', 'Beat 62 crimes'")
    period: str = Field("", description="Year or period, e.g. '2021/22'; empty for any")
    partnership: str = Field("", description="Partnership name; empty for any")


class SearchArgs(BaseModel):
    query: str = Field(description="What to look for in the documents")
    doc_type: DocType | None = Field(None, description="Only this kind of document")
    since: str | None = Field(None, description="Only documents dated on/after YYYY-MM-DD")
    until: str | None = Field(None, description="Only documents dated on/before YYYY-MM-DD")


class RegisterArgs(BaseModel):
    query: str = Field("", description="Only entries mentioning these words; empty for all")
    open_only: bool = Field(False, description="Only entries still open")


class GlossaryArgs(BaseModel):
    term: str = Field(description="An acronym, e.g. 'JAG'")


def _where(entry: Any) -> dict:
    return {k: v for k, v in dataclasses.asdict(entry.where).items() if k != "start"}


def build_tools(assistant: Assistant) -> list[BaseTool]:
    def figures(measure: str, period: str = "", partnership: str = "") -> list[dict]:
        rows = find_facts(assistant.knowledge.facts, measure, period, partnership)
        return [
            {
                "row": r.first.row,
                "table": r.first.table,
                "cells": {f.column: f.value for f in r.facts},
                "period": r.first.period,
                **_where(r.first),
                "quote": r.first.quote,
            }
            for r in rows[:5]
        ]

    def search(
        query: str, doc_type: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[dict]:
        hits = assistant.search(query, 5, Filters(doc_type, since, until))
        return [
            {
                "source": h.chunk.source,
                "part": h.chunk.part,
                "section": h.chunk.section,
                "page": h.chunk.page,
                "date": h.chunk.date,
                "text": h.chunk.text,
            }
            for h in hits
        ]

    def register(name: str):
        def look(query_text: str = "", open_only: bool = False) -> list[dict]:
            return [
                flat(e)
                for e in query(
                    assistant.knowledge,
                    name,
                    query_text,
                    open_only,
                    threshold=0.99 if query_text else 0,
                )
            ]

        return look

    def glossary(term: str) -> list[dict]:
        return [flat(g) for g in assistant.knowledge.glossary if g.term.upper() == term.upper()]

    def tool(func, name: str, description: str, schema: type[BaseModel]) -> BaseTool:
        return StructuredTool.from_function(
            func=func, name=name, description=description, args_schema=schema
        )

    def register_tool(name: str, description: str) -> BaseTool:
        look = register(name)
        return tool(
            lambda query="", open_only=False: look(query, open_only),
            f"{name}_register",
            description,
            RegisterArgs,
        )

    return [
        tool(
            figures,
            "find_figures",
            "Exact figures from the documents' tables (crime performance, crimes per police "
            "beat, family-group positions, funding): value as printed, column, table, "
            "period and citation. Use for any 'how many / how much / change' question.",
            FigureArgs,
        ),
        tool(
            search,
            "search_documents",
            "Passages of the partnership's papers most relevant to a query, with document, "
            "part, section, page and date, optionally filtered by type and date.",
            SearchArgs,
        ),
        register_tool("decisions", "Resolutions AGREED at meetings: meeting date, item, text."),
        register_tool(
            "actions",
            "Who is to do what, from resolutions and minutes, with "
            "meeting date, due date, status and the latest word on it.",
        ),
        register_tool(
            "recommendations",
            "Numbered recommendations of strategic assessments "
            "and reports, with year, latest update and status.",
        ),
        register_tool("forward", "Forward programme items: item, detail, date, who acts."),
        tool(
            glossary,
            "glossary_lookup",
            "What an acronym stands for, from glossaries and inline definitions.",
            GlossaryArgs,
        ),
    ]
