"""Tests for ingest.load: PDFs made on the fly (and the real samples in ../shared when they
are there), text files, corpus walking."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from fpdf import FPDF
from pypdf import PdfWriter
from pypdf.errors import DependencyError

from ingest.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    LoadError,
    NoTextLayer,
    NotUtf8,
    UnsupportedFile,
)
from ingest.load import SUPPORTED_SUFFIXES, iter_corpus, load

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples" / "pdf"

# What each sample must give (see the README next to them): text that must appear, or
# the LoadError subclass and the reason it must carry.
SAMPLE_TEXT = {
    "crazyones.pdf": "The Crazy Ones",
    "r2-empty-password.pdf": "pdf encryption test",
    "issue-297.pdf": "test example",  # broken xref; pypdf recovers the text
}
SAMPLE_ERRORS = {
    "encrypted-file.pdf": (EncryptedFile, "encrypted, needs a password"),
    "libreoffice-writer-password.pdf": (EncryptedFile, "encrypted, needs a password"),
    "r6-user-password.pdf": (EncryptedFile, "encrypted, needs a password"),
    "imagemagick-images.pdf": (NoTextLayer, "no text layer (scanned?)"),
    "truncated.pdf": (CorruptFile, "cannot be parsed as PDF ("),
    "empty.pdf": (EmptyFile, "empty file"),
}

PAGE_TEXTS = [
    "Page one: apologies for absence and declarations of interest.",
    "The partnership agreed to fund three new street wardens in Loughborough.",
    "Page three: date of the next meeting and any other business.",
]


def make_pdf(path: Path, page_texts: list[str]) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in page_texts:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text)
    pdf.output(str(path))
    return path


def encrypt(source: Path, target: Path, user: str, owner: str, algorithm: str) -> Path:
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    with target.open("wb") as out:
        writer.write(out)
    return target


# --- every kind of PDF the shared samples hold, made here; the samples too, when present ----

ONE_PAGE = "The Crazy Ones. Here's to the crazy ones, the misfits, the rebels."


def plain(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "plain.pdf", [ONE_PAGE])


def locked_with(user: str, owner: str, algorithm: str):
    def make(tmp_path: Path) -> Path:
        return encrypt(plain(tmp_path), tmp_path / "locked.pdf", user, owner, algorithm)

    return make


def user_password_only(tmp_path: Path) -> Path:
    """AES-256 (R6) with a user password and an EMPTY owner password, as
    r6-user-password.pdf: ``decrypt("")`` succeeds (as the owner), yet a viewer asks for
    the password. pypdf's writer takes an empty owner password to mean "same as the user
    password", so the owner values are recomputed for "" with the file's own key."""
    from pypdf._encryption import AlgV5
    from pypdf.generic import ByteStringObject, NameObject

    writer = PdfWriter(clone_from=plain(tmp_path))
    writer.encrypt(user_password="secret", owner_password="placeholder", algorithm="AES-256")
    enc = writer._encryption
    values = AlgV5.generate_values(enc.R, b"secret", b"", enc._key, enc.P, enc.EncryptMetadata)
    for key, value in values.items():
        writer._encrypt_entry[NameObject(key)] = ByteStringObject(value)
        setattr(enc.values, key.lstrip("/"), value)
    path = tmp_path / "r6-user-password.pdf"
    with path.open("wb") as out:
        writer.write(out)
    reader = pypdf.PdfReader(path)
    assert reader.decrypt("") == pypdf.PasswordType.OWNER_PASSWORD  # the trap is set
    return path


def broken_xref(tmp_path: Path) -> Path:
    """startxref points a few bytes off: pypdf warns, rebuilds the table, reads the text."""
    data = plain(tmp_path).read_bytes()
    at = list(re.finditer(rb"startxref\s+(\d+)", data))[-1]
    path = tmp_path / "broken-xref.pdf"
    path.write_bytes(data[: at.start(1)] + str(int(at[1]) + 7).encode() + data[at.end(1) :])
    return path


def truncated(tmp_path: Path) -> Path:
    """Cut inside the first page's content stream, as truncated.pdf is cut from crazyones."""
    data = plain(tmp_path).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: data.index(b"stream") + 20])
    return path


def image_only(tmp_path: Path) -> Path:
    return make_image_pdf(tmp_path / "images.pdf", pages=6)


def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.pdf"
    path.touch()
    return path


MADE_TEXT = {  # name: (how it is made, text that must appear)
    "plain": (plain, "The Crazy Ones"),
    "rc4-40-empty-user-password": (locked_with("", "owner", "RC4-40"), "The Crazy Ones"),
    "rc4-128-empty-user-password": (locked_with("", "owner", "RC4-128"), "The Crazy Ones"),
    "aes-128-empty-user-password": (locked_with("", "owner", "AES-128"), "The Crazy Ones"),
    "aes-256-empty-user-password": (locked_with("", "owner", "AES-256"), "The Crazy Ones"),
    "broken-xref": (broken_xref, "The Crazy Ones"),
}
MADE_ERRORS = {  # name: (how it is made, error, reason)
    "rc4-40-user-password": (
        locked_with("secret", "owner", "RC4-40"),
        EncryptedFile,
        "encrypted, needs a password",
    ),
    "rc4-128-user-password": (
        locked_with("secret", "owner", "RC4-128"),
        EncryptedFile,
        "encrypted, needs a password",
    ),
    "aes-128-user-password": (
        locked_with("secret", "owner", "AES-128"),
        EncryptedFile,
        "encrypted, needs a password",
    ),
    "aes-256-user-password": (
        locked_with("secret", "owner", "AES-256"),
        EncryptedFile,
        "encrypted, needs a password",
    ),
    "aes-256-user-password-empty-owner": (
        user_password_only,
        EncryptedFile,
        "encrypted, needs a password",
    ),
    "image-only": (image_only, NoTextLayer, "no text layer (scanned?)"),
    "truncated": (truncated, CorruptFile, "cannot be parsed as PDF ("),
    "empty": (empty, EmptyFile, "empty file"),
}
# Each shared sample and the PDF made here that shows the same behaviour.
SAMPLE_TWINS = {
    "crazyones.pdf": "plain",
    "r2-empty-password.pdf": "rc4-40-empty-user-password",
    "issue-297.pdf": "broken-xref",
    "encrypted-file.pdf": "rc4-128-user-password",
    "libreoffice-writer-password.pdf": "rc4-128-user-password",
    "r6-user-password.pdf": "aes-256-user-password-empty-owner",
    "imagemagick-images.pdf": "image-only",
    "truncated.pdf": "truncated",
    "empty.pdf": "empty",
}


def test_every_sample_behaviour_is_also_made_here() -> None:
    assert set(SAMPLE_TWINS) == set(SAMPLE_TEXT) | set(SAMPLE_ERRORS)
    for sample, twin in SAMPLE_TWINS.items():
        assert (sample in SAMPLE_TEXT) == (twin in MADE_TEXT), sample
        if sample in SAMPLE_ERRORS:
            assert SAMPLE_ERRORS[sample] == MADE_ERRORS[twin][1:], sample
    if SAMPLES.is_dir():  # every sample on disk has an expectation
        assert {p.name for p in SAMPLES.glob("*.pdf")} == set(SAMPLE_TWINS)


def cases(made: dict, samples: dict) -> list:
    """The PDFs made here, and the shared samples when ../shared is there (no skips)."""
    found = [pytest.param("made", n, id=f"made-{n}") for n in sorted(made)]
    if SAMPLES.is_dir():
        found += [pytest.param("sample", n, id=f"sample-{n}") for n in sorted(samples)]
    return found


def pdf_of(kind: str, name: str, tmp_path: Path) -> Path:
    if kind == "sample":
        return SAMPLES / name
    make = {**MADE_TEXT, **MADE_ERRORS}[name][0]
    return make(tmp_path)


@pytest.mark.parametrize(("kind", "name"), cases(MADE_TEXT, SAMPLE_TEXT))
def test_pdf_is_ingested_with_its_text(tmp_path: Path, kind: str, name: str) -> None:
    text = MADE_TEXT[name][1] if kind == "made" else SAMPLE_TEXT[name]
    path = pdf_of(kind, name, tmp_path)
    loaded = load(path)
    assert text in loaded.text
    assert (loaded.kind, loaded.name) == ("pdf", path.name)
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [p.number for p in loaded.pages] == [1]
    assert loaded.page_at(loaded.text.index(text)) == 1


@pytest.mark.parametrize(("kind", "name"), cases(MADE_ERRORS, SAMPLE_ERRORS))
def test_pdf_is_skipped_with_a_clear_reason(tmp_path: Path, kind: str, name: str) -> None:
    error, reason = MADE_ERRORS[name][1:] if kind == "made" else SAMPLE_ERRORS[name]
    with pytest.raises(error) as caught:
        load(pdf_of(kind, name, tmp_path))
    message = str(caught.value)
    assert message.startswith(reason)
    assert "\n" not in message and "Traceback" not in message
    assert "cryptography" not in message and "AES" not in message


@pytest.mark.parametrize(
    ("kind", "name"), cases({"broken-xref": ONE_PAGE}, {"issue-297.pdf": "test example"})
)
def test_pypdf_warnings_do_not_reach_the_terminal(tmp_path: Path, kind: str, name: str) -> None:
    path = pdf_of(kind, name, tmp_path)
    warned = subprocess.run(
        [sys.executable, "-c", f"import pypdf; pypdf.PdfReader({str(path)!r}).pages[0]"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "startxref" in warned.stderr  # pypdf on its own does warn about this file
    script = (
        "from pathlib import Path; from ingest.load import load; "
        f"print(load(Path({str(path)!r})).text)"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == (ONE_PAGE if kind == "made" else "test example")
    assert run.stderr == ""


# --- more PDFs made in the test ---------------------------------------------------------


def test_page_numbers_follow_the_pdf_pages(tmp_path: Path) -> None:
    loaded = load(make_pdf(tmp_path / "minutes.pdf", PAGE_TEXTS))
    assert [p.number for p in loaded.pages] == [1, 2, 3]
    assert loaded.page_at(loaded.text.index("three new street wardens")) == 2
    assert loaded.page_at(loaded.text.index("apologies for absence")) == 1
    assert loaded.page_at(loaded.text.index("any other business")) == 3
    assert loaded.page_at(len(loaded.text) - 1) == 3
    for page, text in zip(loaded.pages, PAGE_TEXTS):
        assert loaded.text[page.start :].startswith(text)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_a_user_password_is_refused(tmp_path: Path, algorithm: str) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", PAGE_TEXTS)
    locked = encrypt(plain, tmp_path / "locked.pdf", "secret", "owner-secret", algorithm)
    with pytest.raises(EncryptedFile, match=r"^encrypted, needs a password$"):
        load(locked)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_an_empty_user_password_opens(tmp_path: Path, algorithm: str) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", PAGE_TEXTS)
    opened = encrypt(plain, tmp_path / "open.pdf", "", "owner-secret", algorithm)
    loaded = load(opened)
    assert loaded.page_at(loaded.text.index("three new street wardens")) == 2


def test_missing_crypto_library_is_still_a_password_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", PAGE_TEXTS)
    locked = encrypt(plain, tmp_path / "aes.pdf", "secret", "owner-secret", "AES-256")

    def no_crypto(self: pypdf.PdfReader, password: str) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pypdf.PdfReader, "decrypt", no_crypto)
    with pytest.raises(EncryptedFile, match=r"^encrypted, needs a password"):
        load(locked)


def test_pdf_of_blank_pages_has_no_text_layer(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayer, match="no text layer"):
        load(make_pdf(tmp_path / "scan.pdf", ["", "", ""]))


@pytest.mark.parametrize("cut", [0.5, 0.05])
def test_truncated_pdf_is_corrupt_in_one_line(tmp_path: Path, cut: float) -> None:
    data = make_pdf(tmp_path / "whole.pdf", PAGE_TEXTS).read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: int(len(data) * cut)])
    try:
        loaded = load(broken)
    except LoadError as err:  # anything but a LoadError fails the test
        assert isinstance(err, (CorruptFile, NoTextLayer))
        assert "\n" not in str(err)
    else:  # pypdf may rebuild enough of a half file to read its pages
        assert loaded.text.strip()


def test_not_a_pdf_at_all_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("just some words, no PDF header\n")
    with pytest.raises(CorruptFile, match=r"^cannot be parsed as PDF \(.+\)$"):
        load(path)


# --- image-only PDFs, junk text layers, ligatures ---------------------------------------

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}


def make_image_pdf(path: Path, pages: int = 6, text_layer: str = "") -> Path:
    """Pages that are only a picture, as a scanner makes them; ``text_layer`` is drawn
    invisibly on each page, as a poor OCR pass leaves it."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = ImageReader(Image.new("RGB", (240, 160), (190, 40, 40)))
    pdf = canvas.Canvas(str(path))
    for _ in range(pages):
        pdf.drawImage(picture, 60, 420, 360, 240)
        if text_layer:
            text = pdf.beginText(60, 380)
            text.setTextRenderMode(3)  # invisible
            text.setFont("Helvetica", 10)
            text.textLine(text_layer)
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def make_mapped_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF written by hand whose font maps one byte per character through a
    ToUnicode CMap, so any character (ligatures, ², ½) reaches the text layer exactly."""
    chars = sorted({c for line in lines for c in line if ord(c) >= 0x7F})
    code = {c: 0x80 + i for i, c in enumerate(chars)}
    pairs = [f"<{b:02X}> <{b:04X}>" for b in range(0x20, 0x7F)]
    pairs += [f"<{code[c]:02X}> <{ord(c):04X}>" for c in chars]
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def "
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(pairs)} beginbfchar\n" + "\n".join(pairs) + "\nendbfchar endcmap "
        "CMapName currentdict /CMap defineresource pop end end"
    ).encode()

    def encoded(line: str) -> bytes:
        raw = bytes(code[c] if c in code else ord(c) for c in line)
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    content = (
        b"BT /F1 12 Tf 50 700 Td 16 TL "
        + b" ".join(b"(" + encoded(line) + b") '" for line in lines)
        + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayer, match=r"^no text layer \(scanned\?\)$"):
        load(make_image_pdf(tmp_path / "scan.pdf"))


@pytest.mark.parametrize(
    "junk",
    ["..,;:", ".,;:-|" * 20, ". , ; : ' ` - _ = + * / \\ | ~ ^ ° • · … – —" * 4, "l1|I !.,i;" * 10],
    ids=["short", "punctuation", "symbols", "stray-letters"],
)
def test_image_pdf_with_a_junk_text_layer_has_no_usable_text(tmp_path: Path, junk: str) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf", text_layer=junk)
    assert junk.split()[0] in pypdf.PdfReader(path).pages[0].extract_text()  # the layer is there
    with pytest.raises(NoTextLayer, match=r"^no (usable )?text layer") as caught:
        load(path)
    assert "\n" not in str(caught.value)


def test_a_page_of_figures_with_few_words_is_still_text(tmp_path: Path) -> None:
    loaded = load(
        make_pdf(
            tmp_path / "table.pdf", ["Theft of vehicles 2021/22: 1,234 (+12.5%); 2022/23: 1,388"]
        )
    )
    assert "1,388" in loaded.text


def test_every_ligature_in_a_pdf_becomes_its_letters(tmp_path: Path) -> None:
    lines = ["The mis\ufb01ts \ufb02ed", "e\ufb00ort o\ufb03ce ba\ufb04e \ufb05 \ufb06"]
    path = make_mapped_pdf(tmp_path / "ligatures.pdf", lines)
    assert "\ufb01" in pypdf.PdfReader(path).pages[0].extract_text()  # pypdf keeps them
    loaded = load(path)
    assert "The misfits fled" in loaded.text
    assert "effort office baffle st st" in loaded.text
    assert not set(LIGATURES) & set(loaded.text)


def test_figures_survive_ligature_replacement(tmp_path: Path) -> None:
    """No NFKC: it would turn ² into 2 and ½ into 1⁄2, changing printed figures."""
    figures = "Area 12m\u00b2, \u00bd of 0123456789, \u00b3 \u00bc \u00be \u2153 \u00b9"
    figures += " \u2070 \u2082 \u2163 \u2460 \uff11"  # ⁰ ₂ Ⅳ ① １: NFKC changes every one
    lines = [figures, "e\ufb03cient"]
    loaded = load(make_mapped_pdf(tmp_path / "figures.pdf", lines))
    assert figures in loaded.text and "efficient" in loaded.text
    md = tmp_path / "figures.md"
    md.write_text(f"{figures}\n\n" + "".join(LIGATURES) + "\n", encoding="utf-8")
    assert load(md).text == f"{figures}\n\n" + "".join(LIGATURES.values()) + "\n"


@pytest.mark.parametrize(("ligature", "letters"), sorted(LIGATURES.items()))
def test_each_ligature_in_a_text_file_becomes_its_letters(
    tmp_path: Path, ligature: str, letters: str
) -> None:
    path = tmp_path / "notes.md"
    path.write_text(f"a{ligature}b 2\u00b2\n", encoding="utf-8")
    assert load(path).text == f"a{letters}b 2\u00b2\n"


def test_page_offsets_count_the_replaced_letters(tmp_path: Path) -> None:
    """ﬃ is one character and ffi three: page starts must be counted after replacing."""
    pdf = tmp_path / "two.pdf"
    writer = PdfWriter()
    for lines in (["o\ufb03ce \ufb03 \ufb03 \ufb03 page one"], ["second page text here"]):
        writer.append(make_mapped_pdf(tmp_path / "one.pdf", lines))
    writer.write(pdf)
    loaded = load(pdf)
    assert loaded.text[loaded.pages[1].start :].startswith("second page")
    assert loaded.page_at(loaded.text.index("second page")) == 2


# --- text files -------------------------------------------------------------------------


def test_markdown_is_kept_verbatim(tmp_path: Path) -> None:
    text = "# Minutes — 26 January 2023\n\n*  Item 5: £12,000 for CCTV  \n\tindented\n"
    path = tmp_path / "minutes.md"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert loaded.text == text
    assert (loaded.kind, loaded.name, loaded.pages) == ("text", "minutes.md", ())
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.page_at(5) is None


def test_bom_is_dropped_and_crlf_becomes_lf(tmp_path: Path) -> None:
    path = tmp_path / "agenda.TXT"
    path.write_bytes(b"\xef\xbb\xbfAgenda\r\n1. Apologies\r\n")
    assert load(path).text == "Agenda\n1. Apologies\n"


@pytest.mark.parametrize(("prefix", "offset"), [(b"", 3), (b"\xef\xbb\xbf", 6)])
def test_latin1_text_is_refused_with_the_byte_offset(
    tmp_path: Path, prefix: bytes, offset: int
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(prefix + "Café budget".encode("latin-1"))
    with pytest.raises(NotUtf8) as caught:
        load(path)
    assert str(caught.value) == (
        f"not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8"
    )


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_zero_byte_file_is_empty(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"nothing{suffix}"
    path.touch()
    with pytest.raises(EmptyFile, match=r"^empty file$"):
        load(path)


@pytest.mark.parametrize("name", ["minutes.docx", "notes", "scan.PNG"])
def test_unsupported_suffix_is_named(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 whatever")
    shown = Path(name).suffix or "(none)"
    with pytest.raises(UnsupportedFile) as caught:
        load(path)
    assert str(caught.value) == f"unsupported file type '{shown}' (only .pdf, .txt, .md, .csv)"


def test_unreadable_path_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="cannot be read"):
        load(tmp_path / "gone.txt")


# --- walking the corpus -----------------------------------------------------------------


def test_iter_corpus_skips_readmes_hidden_files_and_manifests(tmp_path: Path) -> None:
    root = tmp_path / ".corpus"  # a hidden root given explicitly is still walked
    files = [
        "b.txt", "a.md", "README.md", "manifest.toml", ".DS_Store", "old.docx",
        "2023/minutes.pdf", "2023/README.md", "2023/manifest.toml",
        ".git/config.txt", "sub/.cache/x.md", "sub/Readme.md", "sub/z.md",
    ]  # fmt: skip
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    found = iter_corpus([root])
    assert [p.relative_to(root).as_posix() for p in found] == [
        "2023/minutes.pdf", "a.md", "b.txt", "old.docx", "sub/z.md",
    ]  # fmt: skip


def test_iter_corpus_keeps_explicit_files_as_given(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("b.md", "a.md"):
        (folder / name).write_text("x")
    readme, docx = tmp_path / "README.md", tmp_path / "plan.docx"
    assert iter_corpus([docx, folder, readme, folder / "a.md"]) == [
        docx, folder / "a.md", folder / "b.md", readme,
    ]  # fmt: skip


def test_a_csv_export_is_read_as_tab_separated_rows(tmp_path: Path) -> None:
    path = tmp_path / "action-log.csv"
    path.write_text(
        'Ref,Action,Owner,Due,Status\n'
        'A1,"Write to the landlord, and report back",Jo Reed,31/03/2025,Open\n'
        'A2,"Review the\nCCTV map",All partners,Next meeting,"Complete"\n',
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.text.splitlines() == [
        "Ref\tAction\tOwner\tDue\tStatus",
        "A1\tWrite to the landlord, and report back\tJo Reed\t31/03/2025\tOpen",
        "A2\tReview the CCTV map\tAll partners\tNext meeting\tComplete",
    ]
