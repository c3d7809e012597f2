"""The web app driven in a real headless Chromium (Debian's chromium and chromium-driver,
through Selenium), as a person would: ask a public question and see the answer with its
sources, open Registers and download the CSV and open a row's passage from its 'cited at'
link, upload a PDF and find it in Documents and in an answer, build and download the brief,
and, with a stub LLM server configured, see its reply stream in (a piece shown before the
rest arrives) and one stating an unprinted figure replaced by the grounded answer with a
notice. Each step saves a screenshot in docs/screenshots/.

Skipped only where /usr/bin/chromium or /usr/bin/chromedriver is absent (a contributor's
laptop); CI installs both (.ci/run), and there a missing browser fails the test."""

from __future__ import annotations

import csv
import json
import os
import socket
import time
from pathlib import Path

import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import app
from assistant.engine import Assistant
from assistant.llm import OpenAICompatibleChat
from assistant.service import Service
from ingest.settings import Settings
from tests.conftest import CORPUS, REPO, WordHashEmbedder, ingest_settings
from tests.test_llm import stub_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = REPO / "docs" / "screenshots"
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--window-size=1400,1000"
).split()
WAIT = 60  # seconds for one step (the machine is shared)
PUBLIC = next(
    q
    for q in map(json.loads, (REPO / "tests/data/dev_questions.jsonl").read_text().splitlines())
    if q["id"] == "dec-community-triggers"
)
UPLOAD_TEXT = (
    "Heronsgate Safer Streets Panel, minutes of 14 March 2024. "
    "The panel agreed to fund the Lantern Walk scheme for the winter months. "
    "The Lantern Walk scheme pairs volunteers with residents walking home after dark."
)

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()) and not os.environ.get("CI"),
    reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
    "/usr/bin/chromedriver): apt-get install -y chromium chromium-driver",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("web-data")
    settings = Settings(data_dir=data, corpus_dir=CORPUS, upload_max_mb=0.5)
    embedder = WordHashEmbedder()
    ingest_settings(settings, embedder)
    service = Service(settings, Assistant(settings, embedder))
    port = free_port()
    demo = app.serve(service, port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/", settings, service
    finally:
        demo.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=DriverService(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, condition, what: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(lambda d: condition(d), message=what)


def text_of(driver, element_id: str) -> str:
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.ID, element_id)
    return found[0].text if found else ""


def shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    time.sleep(0.5)  # let the last render settle
    driver.save_screenshot(str(SHOTS / name))


def open_tab(driver, label: str) -> None:
    from selenium.webdriver.common.by import By

    def find(d):
        tabs = d.find_elements(By.CSS_SELECTOR, "button[role='tab']")
        return next((b for b in tabs if b.text.strip() == label), None)

    wait_for(driver, find, f"the {label} tab").click()


def ask(driver, question: str) -> None:
    from selenium.webdriver.common.by import By

    open_tab(driver, "Chat")
    box = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#question textarea"), "box")
    box.clear()
    box.send_keys(question)
    driver.find_element(By.ID, "ask").click()


def downloaded(driver, name: str) -> Path:
    path = driver.downloads / name

    def done(_):
        partial = list(driver.downloads.glob("*.crdownload"))
        return path.exists() and path.stat().st_size > 0 and not partial

    wait_for(driver, done, f"download of {name}")
    return path


def make_pdf(path: Path) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for sentence in UPLOAD_TEXT.split(". "):
        page.drawString(60, y, sentence.rstrip(".") + ".")
        y -= 20
    page.save()
    return path


def upload(driver, path: Path) -> None:
    from selenium.webdriver.common.by import By

    field = driver.find_element(By.CSS_SELECTOR, "#upload input[type='file']")
    field.send_keys(str(path))
    wait_for(driver, lambda d: path.stem in text_of(d, "upload"), "the file to be picked up")
    driver.find_element(By.ID, "upload-add").click()


def test_a_person_uses_every_tab(served, browser, tmp_path):
    url, settings, service = served
    browser.get(url)

    # 1. A public question: the answer, and its sources in the panel beside it.
    ask(browser, PUBLIC["question"])
    wait_for(
        browser, lambda d: PUBLIC["evidence"][0]["docs"][1] in text_of(d, "sources"), "sources"
    )
    answer = text_of(browser, "chatbot")
    assert all(any(alt in answer for alt in must.split("|")) for must in PUBLIC["must"])
    assert "26 January 2023" in text_of(browser, "sources")
    passages = browser.find_elements("css selector", "#sources a")
    assert passages and all("source?doc=" in a.get_attribute("href") for a in passages)
    shot(browser, "1-chat-answer-with-sources.png")

    # 2. Registers: the decisions, then the CSV download.
    open_tab(browser, "Registers")
    browser.find_element("css selector", "#registers-query textarea").send_keys(
        "community triggers"
    )
    browser.find_element("id", "registers-show").click()
    wait_for(browser, lambda d: "Community Triggers" in text_of(d, "registers-table"), "table")
    wait_for(
        browser, lambda d: d.find_element("css selector", "#registers-csv").is_enabled(), "csv"
    )
    browser.find_element("css selector", "#registers-csv").click()
    rows = list(csv.DictReader(downloaded(browser, "decisions.csv").open(encoding="utf-8")))
    assert any("Community Triggers" in r["text"] for r in rows)
    assert all(r["cited at"] and r["source"] for r in rows)
    shot(browser, "2-registers-csv.png")

    # 2b. A row's 'cited at' opens the passage it is printed in, the entry marked.
    decision = next(r for r in rows if "Community Triggers" in r["text"])
    open_source(browser, decision["source"])
    marked = browser.find_element("css selector", "mark").text
    assert " ".join(marked.split()) == " ".join(decision["text"].split())
    assert "26 January 2023" in browser.find_element("css selector", "p.where").text
    shot(browser, "7-register-row-source.png")
    browser.close()
    browser.switch_to.window(browser.window_handles[0])

    # 3. Documents: upload a PDF made here; it is listed, and answers a question.
    pdf = make_pdf(tmp_path / "heronsgate-panel-minutes-2024-03-14.pdf")
    open_tab(browser, "Documents")
    upload(browser, pdf)
    wait_for(browser, lambda d: "Index updated" in text_of(d, "documents-status"), "ingest")
    wait_for(browser, lambda d: pdf.name in text_of(d, "documents"), "the listing")
    assert (settings.uploads_dir / pdf.name).read_bytes() == pdf.read_bytes()
    shot(browser, "3-documents-upload.png")
    ask(browser, "What does the Lantern Walk scheme do?")
    wait_for(browser, lambda d: pdf.name in text_of(d, "sources"), "the upload cited")
    assert "pairs volunteers with residents" in text_of(browser, "chatbot")
    shot(browser, "4-answer-from-the-upload.png")

    # 4. A non-PDF renamed .pdf is refused with a clear message, and not stored.
    fake = tmp_path / "renamed.pdf"
    fake.write_text("this is plain text, not a PDF")
    open_tab(browser, "Documents")
    upload(browser, fake)
    wait_for(browser, lambda d: "is not a PDF" in text_of(d, "documents-status"), "refusal")
    assert not (settings.uploads_dir / "renamed.pdf").exists()
    shot(browser, "5-upload-refused.png")

    # 5. The brief: built, shown, downloaded as Markdown and DOCX.
    open_tab(browser, "Brief")
    browser.find_element("id", "brief-build").click()
    wait_for(browser, lambda d: "Open recommendations" in text_of(d, "brief-text"), "brief")
    assert "**" not in text_of(browser, "brief-text")
    wait_for(browser, lambda d: d.find_element("css selector", "#brief-md").is_enabled(), "md")
    browser.find_element("css selector", "#brief-md").click()
    markdown = downloaded(browser, "brief-pcc-visit.md").read_text(encoding="utf-8")
    assert markdown.startswith("Brief for the Police and Crime Commissioner's visit")
    browser.find_element("css selector", "#brief-docx").click()
    doc = Document(str(downloaded(browser, "brief-pcc-visit.docx")))
    assert any(p.text == "Open recommendations" for p in doc.paragraphs)
    shot(browser, "6-brief.png")

    # 6. With an LLM configured (a local stub server), its wording streams into the chat;
    # one stating a figure the papers do not print is replaced by the grounded answer.
    pieces = [
        "The partnership ",
        "agreed to look at ",
        "new ways to process ",
        "Community Triggers [1].",
    ]
    with stub_server(pieces=pieces, delays={k: 1.2 for k in range(1, 4)}) as stub:
        service.llm = OpenAICompatibleChat(Settings(llm_base_url=stub, llm_model="stub"))
        ask(browser, PUBLIC["question"])
        wait_for(browser, lambda d: "agreed to look at ▍" in text_of(d, "chatbot"), "a piece")
        assert "Community Triggers [1]." not in text_of(browser, "chatbot")  # still coming
        shot(browser, "8-chat-streaming.png")
        wait_for(browser, lambda d: "".join(pieces) in text_of(d, "chatbot"), "the whole reply")
        wait_for(
            browser,
            lambda d: "Sources" in text_of(d, "chatbot").split("".join(pieces))[-1],
            "its sources",
        )
    with stub_server(pieces=["Community Triggers were agreed in 1999 [1]."]) as stub:
        service.llm = OpenAICompatibleChat(Settings(llm_base_url=stub, llm_model="stub"))
        ask(browser, PUBLIC["question"])
        wait_for(browser, lambda d: "was not used" in text_of(d, "chatbot"), "the notice")
        last = text_of(browser, "chatbot").split("was not used")[-1]
        assert "in 1999" not in last and all(m.split("|")[0] in last for m in PUBLIC["must"])
    service.llm = None
    browser.execute_script(  # the notice heads the answer: scroll the chat to its start
        "const all = document.querySelectorAll('#chatbot .bot'), m = all[all.length - 1];"
        "let p = m.parentElement;"
        "while (p && p.scrollHeight <= p.clientHeight) p = p.parentElement;"
        "if (p) p.scrollTop += m.getBoundingClientRect().top - p.getBoundingClientRect().top - 40;"
    )
    shot(browser, "9-chat-llm-refused.png")


def open_source(driver, source: str) -> None:
    """Click the first 'cited at' link naming ``source`` and switch to the page it opens."""
    from selenium.webdriver.common.by import By

    def link(d):
        found = d.find_elements(By.CSS_SELECTOR, "#registers-table a")
        return next((a for a in found if a.is_displayed() and source in a.text), None)

    before = set(driver.window_handles)
    wait_for(driver, link, "a row's source link").click()
    wait_for(driver, lambda d: set(d.window_handles) - before, "the passage's tab")
    driver.switch_to.window((set(driver.window_handles) - before).pop())
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "mark"), "the passage")
