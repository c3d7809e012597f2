"""The web app: one Gradio page with tabs over `assistant.service.Service`.

Chat (answers with numbered citations and a sources panel, optional filters, examples; with
an LLM configured its wording streams in, and is replaced by the grounded answer with a
notice when it fails the checks or the server fails or is slow),
Registers (filterable tables, CSV download), Figures (printed values, a chart where the
papers give a series), Documents (what is indexed; upload, remove, re-index) and Brief
(for a meeting or a PCC visit; Markdown and DOCX). A JSON route, `/answer`, returns
{"answer", "citations", "covered"}. This module is only the Gradio layer: it lays out the
tabs, renders answers as escaped Markdown and turns typed errors into messages.

    python app.py            # http://127.0.0.1:7860 (CSP_PORT, CSP_APP_HOST to change)
"""

from __future__ import annotations

import os

# Before gradio (and anything that may pull in the hub or Chroma) is imported.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import html  # noqa: E402
import re  # noqa: E402
from collections.abc import Callable, Iterable, Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import gradio as gr  # noqa: E402
import pandas as pd  # noqa: E402

from assistant import source_page  # noqa: E402
from assistant.api import answer_record, filters_from  # noqa: E402
from assistant.brief import AUDIENCES, DEFAULT_AUDIENCE, NOTHING, Brief  # noqa: E402
from assistant.registers import NAMES as REGISTER_NAMES  # noqa: E402
from assistant.retrieve import Filters  # noqa: E402
from assistant.service import Service  # noqa: E402
from assistant.stream import Update, grounded_only  # noqa: E402
from ingest.errors import CspError  # noqa: E402
from ingest.types import SEARCHABLE_TYPES, Answer, Citation  # noqa: E402

TITLE = "Community Safety Partnership assistant"
DESCRIPTION = (
    "Ask about the partnership's agendas, minutes, plans and assessments. "
    "Every answer cites the papers it comes from."
)
ANY = "any"
DOC_TYPE_CHOICES = (ANY, *SEARCHABLE_TYPES)
# One of each kind of question the assistant settles: a decision, a figure, a register, a brief.
EXAMPLES = (
    "What was agreed on community triggers?",
    "How much did shoplifting change in 2023/24?",
    "Which recommendations are still outstanding?",
    "Prepare a brief for the Police and Crime Commissioner's visit",
)
DEFAULT_PORT = 7860
API_NAME = "chat"
ANSWER_API = "answer"
SEARCHING = "Searching the papers…"
WORDING = "Found the sources; the language model is wording the answer…"
STREAMING = " ▍"  # after a reply still arriving
NO_SOURCES = "Sources of the latest answer appear here."
UPLOAD_TYPES = [".pdf", ".txt", ".md", ".csv"]
OPEN_PASSAGE = "Open the passage"  # the sources panel's link to a citation's passage
CITED_AT = "cited at"  # the register rows' column saying where each entry is printed

Ask = Callable[[str, Filters], Answer]
Answers = Callable[[str, Filters], Iterable[Update]]

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")


def long_date(iso: str) -> str:
    """'2023-01-26' -> '26 January 2023'; anything unparseable is returned as it is."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def _inline(text: str) -> str:
    """Text shown literally inside a Markdown line: no HTML, no emphasis, no links."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))


def citation_line(c: Citation) -> str:
    """'source — part — section — p. N — 26 January 2023', leaving out what is missing."""
    fields = [c.source, c.part, c.section]
    if c.page is not None:
        fields.append(f"p. {c.page}")
    if c.date:
        fields.append(long_date(c.date))
    return " — ".join(_inline(f) for f in fields if f)


def _body(text: str) -> str:
    """The answer's text for the chat's Markdown: document HTML shown as text, and no
    document text made a link ("[x](javascript:...)", "https://..."); our own layout
    (lists, headings, [n] markers) is kept."""
    text = html.escape(text, quote=False)
    text = text.replace("](", "]&#40;").replace("://", ":&#47;&#47;")
    return re.sub(r"(?i)\b(javascript|data|vbscript):", r"\1&#58;", text)


def format_answer(answer: Answer) -> str:
    """The chat message for one answer: its text, then the numbered sources with quotes."""
    text = _body(answer.text.strip())
    if not answer.citations:  # a decline may still quote what the papers say of it
        return text
    lines = [text, "", "**Sources**", ""]
    for c in answer.citations:
        quote = _body(" ".join(c.quote.split()))
        lines += [
            f"**[{c.n}]** {citation_line(c)}",
            "",
            f"<details><summary>Quote</summary><blockquote>{quote}</blockquote></details>",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def sources_panel(answer: Answer) -> str:
    """The sources panel beside the chat: each citation's document, part, section, page,
    date and the quote, as escaped Markdown, and a link to the passage in the paper."""
    if not answer.citations:
        return "The papers do not cover this question, so there are no sources."
    out = []
    for c in answer.citations:
        out += [
            f"**[{c.n}] {_inline(c.source)}**  ",
            " — ".join(
                _inline(x)
                for x in (
                    c.part,
                    c.section,
                    f"p. {c.page}" if c.page is not None else "",
                    long_date(c.date) if c.date else "undated",
                )
                if x
            ),
            "",
            f"> {_body(' '.join(c.quote.split()))}",
            "",
            f"[{OPEN_PASSAGE}]({source_page.link(c.source, mark=c.quote)})",
            "",
        ]
    return "\n".join(out)


def _error(err: Exception) -> gr.Error:
    return gr.Error(str(err), print_exception=False)


def parse_filters(
    doc_type: str | None,
    since: str | None,
    until: str | None = None,
    partnership: str | None = None,
) -> Filters:
    """The chat's filter inputs as `Filters`; raises `gr.Error` on a value it cannot use."""
    try:
        return filters_from(doc_type, since, until, partnership)
    except CspError as err:
        raise _error(err) from None


def make_respond(ask: Ask) -> Callable[..., str]:
    """(message, history, doc_type, since, until, partnership) -> the answer as Markdown."""

    def respond(
        message: str,
        history: list,
        doc_type: str = ANY,
        since: str = "",
        until: str = "",
        partnership: str = "",
    ) -> str:
        question = (message or "").strip()
        if not question:
            raise gr.Error("Type a question first.", print_exception=False)
        filters = parse_filters(doc_type, since, until, partnership)
        try:
            answer = ask(question, filters)
        except CspError as err:
            raise _error(err) from err
        return format_answer(answer)

    return respond


def streamed_message(update: Update) -> str:
    """The chat message for one step of an answer: the reply so far while it streams,
    then the final answer with its sources (after the notice, when the LLM's was dropped)."""
    if update.final is None:
        return _body(update.text.rstrip()) + STREAMING if update.text else WORDING
    text = format_answer(update.final)
    return f"*{_inline(update.notice)}*\n\n{text}" if update.notice else text


def make_chat(answers: Answers) -> Callable[..., Iterator[tuple]]:
    """The chat's event: shows the question and a notice at once, then the answer as it
    streams, and its sources as soon as they are known (history is kept for the session by
    the Chatbot)."""

    def converse(message, history, doc_type, since, until, partnership):
        question = (message or "").strip()
        if not question:
            raise gr.Error("Type a question first.", print_exception=False)
        filters = parse_filters(doc_type, since, until, partnership)
        history = [*(history or []), {"role": "user", "content": _body(question)}]
        yield [*history, {"role": "assistant", "content": SEARCHING}], gr.update(), ""
        sources = None
        try:
            for update in answers(question, filters):
                panel = gr.update() if update.sources is sources else sources_panel(update.sources)
                sources = update.sources
                reply = {"role": "assistant", "content": streamed_message(update)}
                yield [*history, reply], panel, ""
        except CspError as err:
            raise _error(err) from err

    return converse


def make_answer_api(ask: Ask) -> Callable[..., dict]:
    def answer(
        question: str,
        doc_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        partnership: str | None = None,
    ) -> dict:
        """The answer as JSON: {"answer", "citations": [{"n", "source", "part", "section",
        "page", "date", "quote", "doc_type"}], "covered"}. Every filter is optional."""
        try:
            return answer_record(ask, question, doc_type, since, until, partnership)
        except CspError as err:
            raise _error(err) from err

    return answer


# --- the tabs other than the chat -----------------------------------------------------


def _frame(rows: list[dict], empty: str) -> pd.DataFrame:
    return pd.DataFrame(rows) if rows else pd.DataFrame({"": [empty]})


def brief_markdown(brief: Brief) -> str:
    """The brief on the page: escaped text, one citation per line, then the sources."""
    out = [f"## {_inline(brief.title)}", ""]
    for section in brief.sections:
        out += [f"### {_inline(section.title)}", ""]
        if not section.lines:
            out.append(_inline(NOTHING))
        for ln in section.lines:
            out.append(f"{'    ' * ln.indent}- {_inline(ln.text)} \\[{ln.citation.n}\\]")
        out.append("")
    if brief.citations:
        out += ["### Sources", ""]
        for c in brief.citations:
            quote = _inline(" ".join(c.quote.split()))
            out.append(f"\\[{c.n}\\] {citation_line(c)}: “{quote}”  ")
    return "\n".join(out)


def _report_text(report) -> str:
    skipped = "".join(f"\n- skipped {_inline(s.name)}: {_inline(s.reason)}" for s in report.skipped)
    return (
        f"Index updated: {report.files} documents, {report.chunks} passages "
        f"({report.embedded} embedded, {report.removed} removed)." + skipped
    )


def register_table(linked: list[tuple[dict, str]]):
    """The Registers table: each row's 'cited at' is a link to the page showing the
    passage it was read from (the one Markdown column; every other cell is plain text)."""
    if not linked:
        return gr.update(value=_frame([], "No entries match."), datatype="str")
    frame = pd.DataFrame(
        [{**row, CITED_AT: f"[{_inline(row[CITED_AT])}]({url})"} for row, url in linked]
    )
    kinds = ["markdown" if c == CITED_AT else "str" for c in frame.columns]
    return gr.update(value=frame, datatype=kinds)


def _registers_tab(service: Service) -> None:
    with gr.Row():
        name = gr.Dropdown(list(REGISTER_NAMES), value="decisions", label="Register")
        text = gr.Textbox(
            label="Only entries mentioning",
            placeholder="e.g. community triggers",
            elem_id="registers-query",
        )
        open_only = gr.Checkbox(label="Only open entries", value=False)
    show = gr.Button("Show register", elem_id="registers-show")
    table = gr.Dataframe(
        label="Entries (click a column to sort; 'cited at' opens the passage it is printed in)",
        interactive=False,
        wrap=True,
        show_search="filter",
        elem_id="registers-table",
    )
    download = gr.DownloadButton("Download CSV", elem_id="registers-csv", interactive=False)

    def fill(register: str, words: str, only_open: bool):
        try:
            linked = service.register_linked(register, words or "", only_open)
        except CspError as err:
            raise _error(err) from err
        path = service.export_csv(register, [row for row, _ in linked])
        return register_table(linked), gr.update(value=str(path), interactive=True)

    show.click(fill, [name, text, open_only], [table, download], api_visibility="private")


def _figures_tab(service: Service) -> None:
    with gr.Row():
        measure = gr.Textbox(label="A measure", placeholder="e.g. shoplifting 2023/24", scale=3)
        find = gr.Button("Find figures", scale=1)
    found = gr.Dataframe(label="Figures as printed", interactive=False, wrap=True)
    choose = gr.Dropdown(label="Or choose a table", choices=[], elem_id="figures-table-choice")
    grid = gr.Dataframe(label="The table as printed", interactive=False, wrap=True)
    chart = gr.LinePlot(
        x="period", y="value", color="row", label="Where the table gives a series", sort=None
    )

    def look_up(text: str):
        try:
            return _frame(service.measure(text or ""), "No table in the papers gives that.")
        except CspError as err:
            raise _error(err) from err

    def tables():
        try:
            labels = [t.label for t in service.tables()]
        except CspError:
            labels = []
        return gr.update(choices=labels, value=None)

    def show(label: str):
        if not label:
            return gr.update(), gr.update()
        headers, rows, points = service.table(label)
        frame = pd.DataFrame(rows, columns=headers)
        return frame, (pd.DataFrame(points) if points else None)

    find.click(look_up, [measure], [found], api_visibility="private")
    measure.submit(look_up, [measure], [found], api_visibility="private")
    choose.focus(tables, None, [choose], api_visibility="private")
    choose.change(show, [choose], [grid, chart], api_visibility="private")
    return tables, choose


def _documents_tab(service: Service):
    listing = gr.Dataframe(label="Indexed documents", interactive=False, elem_id="documents")
    skipped = gr.Dataframe(label="Files the last ingest skipped, and why", interactive=False)
    with gr.Row():
        upload = gr.File(
            label="Add a paper (PDF, TXT or MD)",
            file_types=UPLOAD_TYPES,
            file_count="single",
            type="filepath",
            elem_id="upload",
        )
        with gr.Column():
            add = gr.Button("Add to the index", variant="primary", elem_id="upload-add")
            reindex = gr.Button("Re-index the corpus and uploads")
            remove_name = gr.Dropdown(label="Remove a document", choices=[])
            remove = gr.Button("Remove", variant="stop")
    status = gr.Markdown(elem_id="documents-status")

    def refresh():
        rows = service.documents()
        names = [r["document"] for r in rows]
        gone = [{"file": s.name, "reason": s.reason} for s in service.skipped()]
        return (
            _frame(rows, "Nothing indexed yet: add a paper, or run python -m ingest."),
            _frame(gone, "None."),
            gr.update(choices=names, value=None),
        )

    def added(path: str | None, progress=gr.Progress()):  # noqa: B008 (Gradio injects it)
        if not path:
            return "Choose a file first.", *refresh(), None
        given = Path(path)  # Gradio's copy, under the data folder; named as the user's file
        try:
            report = service.upload(
                given.name,
                given.read_bytes(),
                lambda done, total: progress(done / max(total, 1), desc="embedding"),
            )
        except CspError as err:
            return f"**{_inline(str(err))}**", *refresh(), None
        return _report_text(report), *refresh(), None

    def removed(name: str | None):
        if not name:
            return "Choose a document to remove.", *refresh()
        try:
            report = service.remove(name)
        except CspError as err:
            return f"**{_inline(str(err))}**", *refresh()
        return f"Removed {_inline(name)}. " + _report_text(report), *refresh()

    def reindexed(progress=gr.Progress()):  # noqa: B008 (Gradio injects it)
        try:
            report = service.reindex(
                lambda done, total: progress(done / max(total, 1), desc="embedding")
            )
        except CspError as err:
            return f"**{_inline(str(err))}**", *refresh()
        return _report_text(report), *refresh()

    outputs = [status, listing, skipped, remove_name]
    add.click(added, [upload], [*outputs, upload], api_visibility="private")
    remove.click(removed, [remove_name], outputs, api_visibility="private")
    reindex.click(reindexed, None, outputs, api_visibility="private")
    return refresh, [listing, skipped, remove_name]


def _brief_tab(service: Service, partnership: gr.Dropdown) -> None:
    with gr.Row():
        audience = gr.Radio(
            list(AUDIENCES), value=DEFAULT_AUDIENCE, label="A brief for", elem_id="brief-for"
        )
        build = gr.Button("Build the brief", variant="primary", elem_id="brief-build")
    with gr.Row():
        markdown = gr.DownloadButton("Download Markdown", interactive=False, elem_id="brief-md")
        word = gr.DownloadButton("Download Word (DOCX)", interactive=False, elem_id="brief-docx")
    shown = gr.Markdown(elem_id="brief-text")

    def built(kind: str, council: str):
        try:
            filters = filters_from(partnership=council)
            brief = service.brief(kind or DEFAULT_AUDIENCE, filters)
        except CspError as err:
            raise _error(err) from err
        md, docx = service.brief_files(brief, kind or DEFAULT_AUDIENCE)
        return (
            brief_markdown(brief),
            gr.update(value=str(md), interactive=True),
            gr.update(value=str(docx), interactive=True),
        )

    build.click(built, [audience, partnership], [shown, markdown, word], api_visibility="private")


def build_app(service: Service, ask: Ask | None = None) -> gr.Blocks:
    """The page around ``service``; ``ask`` (default: the service's) answers the chat and
    the JSON route. The chat streams the service's answers (the LLM's wording as it comes,
    when one is configured) unless ``ask`` is given. Nothing is loaded until a tab asks."""
    answers: Answers = service.stream
    if ask is not None:
        given = ask

        def answers(question: str, filters: Filters) -> Iterable[Update]:
            return grounded_only(given(question, filters))

    ask = ask or service.ask
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"# {TITLE}\n{DESCRIPTION}")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="Answers", height=520, elem_id="chatbot")
                        with gr.Row():
                            message = gr.Textbox(
                                placeholder="e.g. What are the partnership's priorities?",
                                show_label=False,
                                scale=5,
                                elem_id="question",
                            )
                            send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                        with gr.Accordion("Filters (all optional)", open=False):
                            with gr.Row():
                                doc_type = gr.Dropdown(
                                    list(DOC_TYPE_CHOICES), value=ANY, label="Document type"
                                )
                                since = gr.Textbox(label="Since (YYYY-MM-DD)", max_lines=1)
                                until = gr.Textbox(label="Until (YYYY-MM-DD)", max_lines=1)
                                partnership = gr.Dropdown(
                                    [ANY], value=ANY, label="Partnership", allow_custom_value=True
                                )
                        gr.Examples([[q] for q in EXAMPLES], inputs=[message], label="Try")
                    with gr.Column(scale=2):
                        gr.Markdown("### Sources")
                        sources = gr.Markdown(NO_SOURCES, elem_id="sources")
                inputs = [message, chatbot, doc_type, since, until, partnership]
                outputs = [chatbot, sources, message]
                chat = make_chat(answers)
                send.click(chat, inputs, outputs, api_visibility="private")
                message.submit(chat, inputs, outputs, api_visibility="private")
            with gr.Tab("Registers", id="registers"):
                _registers_tab(service)
            with gr.Tab("Figures", id="figures"):
                load_tables, table_choice = _figures_tab(service)
            with gr.Tab("Documents", id="documents"):
                refresh_documents, document_outputs = _documents_tab(service)
            with gr.Tab("Brief", id="brief"):
                _brief_tab(service, partnership)
        # Program-facing routes: the Markdown chat answer, and the answer as JSON.
        gr.api(_chat_api(ask), api_name=API_NAME)
        gr.api(make_answer_api(ask), api_name=ANSWER_API)

        def on_load():
            councils = [ANY, *service.partnerships()]
            return gr.update(choices=councils, value=ANY), load_tables(), *refresh_documents()

        demo.load(
            on_load,
            None,
            [partnership, table_choice, *document_outputs],
            api_visibility="private",
        )
    return demo


def _chat_api(ask: Ask) -> Callable[..., str]:
    respond = make_respond(ask)

    def chat(
        message: str,
        doc_type: str | None = ANY,
        since: str | None = "",
        until: str | None = "",
        partnership: str | None = "",
    ) -> str:
        """The chat's answer as Markdown, with its numbered sources."""
        return respond(message, [], doc_type or ANY, since or "", until or "", partnership or "")

    return chat


def server_port() -> int:
    raw = os.environ.get("CSP_PORT") or os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"CSP_PORT must be a port number, not {raw!r}.") from None


def launch_options(settings) -> dict:
    """Where to listen, the optional login, the largest upload Gradio accepts (ours is
    checked again, with a clearer message) and the folders it may serve files from."""
    auth = None
    if settings.app_user or settings.app_password:
        if not (settings.app_user and settings.app_password):
            raise SystemExit("Set both CSP_APP_USER and CSP_APP_PASSWORD for a login, or neither.")
        auth = (settings.app_user, settings.app_password)
    return {
        "server_name": settings.app_host,
        "auth": auth,
        "max_file_size": f"{max(1, int(settings.upload_max_mb * 4))}mb",
        "allowed_paths": [str(settings.data_dir / "exports")],
    }


def serve(service: Service, port: int, **launch) -> gr.Blocks:
    """Uploads land under the data folder, Gradio's own copies too. Beside Gradio's own
    routes the server has `/source`, the passage a register row or a citation links to."""
    os.environ.setdefault("GRADIO_TEMP_DIR", str(service.settings.data_dir / "gradio-tmp"))
    demo = build_app(service)
    routes = {"routes": [source_page.route(service.passage)]}
    demo.launch(server_port=port, app_kwargs=routes, **launch_options(service.settings), **launch)
    return demo


def main() -> None:
    from assistant.engine import Assistant
    from ingest.settings import Settings

    port = server_port()
    settings = Settings()
    try:
        assistant = Assistant(settings)
    except CspError as err:
        raise SystemExit(str(err)) from None
    serve(Service(settings, assistant), port)


if __name__ == "__main__":
    main()
