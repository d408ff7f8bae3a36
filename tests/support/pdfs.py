"""Real PDF files made with reportlab (and pypdf for encryption) for the resume tests.

Each builder returns the bytes of a complete PDF. The resume text is realistic on purpose: the parser
and the analyzer are measured on it.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

NAME = "Asha Verma"
EMAIL = "asha.verma@example.com"
PHONE = "+44 7700 900123"
LINK = "https://github.com/ashaverma"

SUMMARY = "Backend engineer with 6 years building Python services and data pipelines."

EXPERIENCE = [
    (
        "Senior Backend Engineer",
        "Northwind Analytics",
        "2021 - Present",
        [
            "Built Python microservices on Kubernetes (k8s) serving 2M requests a day.",
            "Cut PostgreSQL query latency by 40% through indexing and query tuning.",
            "Owned CI/CD pipelines in GitHub Actions; deploys went from weekly to daily.",
            "Mentored four junior engineers and led design reviews.",
        ],
    ),
    (
        "Software Engineer",
        "Contoso Retail",
        "2018 - 2021",
        [
            "Wrote REST APIs in Django for the order system used by 300 stores.",
            "Moved batch jobs to Airflow and AWS, saving 20 hours of manual work a week.",
        ],
    ),
]
EDUCATION = [("BSc Computer Science", "University of Leeds", "2014 - 2018")]
SKILLS = ["Python", "Django", "PostgreSQL", "Kubernetes", "Docker", "AWS", "Airflow", "Git", "Linux"]
SOFT_SKILLS = ["Mentoring", "Communication", "Stakeholder management"]
CERTIFICATIONS = ["AWS Certified Developer - Associate (2022)", "Certified Kubernetes Application Developer"]
PROJECTS = [("OpenMetrics Exporter", "Open-source Prometheus exporter written in Go for queue metrics.")]
AWARDS = ["Engineering Excellence Award, Northwind Analytics, 2023"]

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _lines_single_column() -> list[tuple[str, str]]:
    """(style, text) pairs: style is 'name', 'head' or 'body'."""
    lines: list[tuple[str, str]] = [
        ("name", NAME),
        ("body", f"{EMAIL} | {PHONE} | {LINK}"),
        ("head", "Summary"),
        ("body", SUMMARY),
        ("head", "Experience"),
    ]
    for title, org, period, bullets in EXPERIENCE:
        lines.append(("body", f"{title}, {org}    {period}"))
        lines += [("body", f"- {b}") for b in bullets]
    lines.append(("head", "Education"))
    lines += [("body", f"{q}, {i}    {p}") for q, i, p in EDUCATION]
    lines += [
        ("head", "Skills"),
        ("body", ", ".join(SKILLS)),
        ("body", "Soft skills: " + ", ".join(SOFT_SKILLS)),
    ]
    lines += [("head", "Certifications")] + [("body", c) for c in CERTIFICATIONS]
    lines += [("head", "Projects")] + [("body", f"{n}: {d}") for n, d in PROJECTS]
    lines += [("head", "Awards")] + [("body", a) for a in AWARDS]
    return lines


def _draw_lines(
    pdf: canvas.Canvas,
    lines: list[tuple[str, str]],
    x: float,
    top: float,
    width: float,
    font: str = "Helvetica",
) -> float:
    y = top
    for style, text in lines:
        size = {"name": 18, "head": 13, "body": 10}[style]
        bold = f"{font}-Bold" if font == "Helvetica" and style != "body" else font
        pdf.setFont(bold, size)
        for chunk in _wrap(text, bold, size, width):
            if y < 20 * mm:
                pdf.showPage()
                pdf.setFont(bold, size)
                y = A4[1] - 20 * mm
            pdf.drawString(x, y, chunk)
            y -= size * 1.45
        if style == "head":
            y -= 2
    return y


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if pdfmetrics.stringWidth(trial, font, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def single_column_resume(extra_lines: list[str] | None = None) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(f"{NAME} resume")
    lines = _lines_single_column() + [("body", line) for line in extra_lines or []]
    _draw_lines(pdf, lines, 20 * mm, A4[1] - 20 * mm, A4[0] - 40 * mm)
    pdf.save()
    return buffer.getvalue()


def two_column_resume(*, row_by_row: bool = False) -> bytes:
    """A narrow left column (contact, skills, education) beside a wide right one (experience).

    `row_by_row` draws the columns interleaved line by line (as some word processors export them), so
    the file's content order mixes the columns and only the page geometry separates them.
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    top = A4[1] - 20 * mm
    left: list[tuple[str, str]] = [
        ("name", NAME),
        ("body", EMAIL),
        ("body", PHONE),
        ("head", "Skills"),
        *[("body", s) for s in SKILLS],
        ("head", "Soft skills"),
        *[("body", s) for s in SOFT_SKILLS],
        ("head", "Education"),
        *[("body", part) for edu in EDUCATION for part in edu],
        ("head", "Certifications"),
        *[("body", c) for c in CERTIFICATIONS],
    ]
    right: list[tuple[str, str]] = [("head", "Summary"), ("body", SUMMARY), ("head", "Experience")]
    for title, org, period, bullets in EXPERIENCE:
        right += [("body", f"{title}, {org}"), ("body", period), *[("body", f"- {b}") for b in bullets]]
    right += [("head", "Projects"), *[("body", f"{n}: {d}") for n, d in PROJECTS]]
    right += [("head", "Awards"), *[("body", a) for a in AWARDS]]
    if row_by_row:
        rows_left = [(st, part) for st, text in left for part in _wrap(text, "Helvetica", 10, 55 * mm)]
        rows_right = [
            (st, part) for st, text in right for part in _wrap(text, "Helvetica", 10, A4[0] - 95 * mm)
        ]
        for index in range(max(len(rows_left), len(rows_right))):
            y = top - index * 14.5
            for column, x in ((rows_left, 15 * mm), (rows_right, 80 * mm)):
                if index < len(column):
                    style, text = column[index]
                    pdf.setFont("Helvetica-Bold" if style != "body" else "Helvetica", 10)
                    pdf.drawString(x, y, text)
    else:
        _draw_lines(pdf, left, 15 * mm, top, 55 * mm)
        _draw_lines(pdf, right, 80 * mm, top, A4[0] - 95 * mm)
    pdf.save()
    return buffer.getvalue()


def skills_table_resume() -> bytes:
    """Skills laid out as a bordered table: category in one column, the skills in the next."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = _draw_lines(pdf, _lines_single_column()[:6], 20 * mm, A4[1] - 20 * mm, A4[0] - 40 * mm)
    rows = [
        ["Area", "Skills", "Years"],
        ["Languages", "Python, SQL, Go", "6"],
        ["Platforms", "Kubernetes, Docker, AWS", "4"],
        ["Data", "PostgreSQL, Airflow, Kafka", "5"],
        ["Practices", "CI/CD, code review, TDD", "5"],
    ]
    table = Table(rows, colWidths=[35 * mm, 90 * mm, 20 * mm])
    table.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]
        )
    )
    _, height = table.wrapOn(pdf, A4[0], A4[1])
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(20 * mm, y - 10, "Skills")
    table.drawOn(pdf, 20 * mm, y - 20 - height)
    pdf.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A scanned page: a picture of a resume and no text layer at all."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    for row, (_, text) in enumerate(_lines_single_column()[:20]):
        draw.text((80, 80 + row * 40), text, fill="black")
    png = io.BytesIO()
    image.save(png, format="PNG")
    png.seek(0)
    from reportlab.lib.utils import ImageReader

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(ImageReader(png), 0, 0, width=A4[0], height=A4[1])
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf(user_password: str = "s3cret", owner_password: str = "owner") -> bytes:
    """An encrypted copy of the single-column resume (AES-256). An empty user password opens freely."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(single_column_resume())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = single_column_resume()
    return data[: len(data) // 2]


def corrupt_pdf() -> bytes:
    """Starts and ends like a PDF, garbage between: no objects, no cross-reference table."""
    return b"%PDF-1.7\n" + bytes((i * 37 + 11) % 256 for i in range(4000)) + b"\n%%EOF\n"


def scrambled_pdf() -> bytes:
    """A real resume whose middle 40% (fonts, page objects) is overwritten: header and trailer intact."""
    good = single_column_resume()
    start, end = int(len(good) * 0.3), int(len(good) * 0.7)
    return good[:start] + bytes((i * 91 + 7) % 256 for i in range(end - start)) + good[end:]


def decompression_bomb_pdf(expanded_mb: int = 240) -> bytes:
    """One page whose content stream inflates from ~0.3 MB to hundreds of MB."""
    import zlib

    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    stream = StreamObject()
    stream.set_data(b"")
    stream._data = zlib.compress(b"0 0 m " * (expanded_mb * 1024 * 1024 // 6), 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def not_a_pdf() -> bytes:
    """A PNG renamed .pdf."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, format="PNG")
    return out.getvalue()


def many_pages_pdf(pages: int = 300) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(
            20 * mm, A4[1] - 20 * mm, f"Page {number + 1}: Python, Kubernetes and PostgreSQL work log."
        )
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def unicode_resume() -> bytes:
    """Accents, a right-to-left line, CJK, ligature-prone words and typographic punctuation."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    font = "Helvetica"
    if _DEJAVU.exists():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(_DEJAVU)))
        font = "DejaVuSans"
    lines = [
        ("name", "José Ñúñez-Zoë"),
        ("body", "jose.nunez@example.org · +33 6 12 34 56 78"),
        ("head", "Expérience"),
        ("body", "Ingénieur logiciel — Société Générale, 2019–2024"),
        ("body", "• Développé des microservices en Python et Kubernetes (k8s) — “zero-downtime” deploys"),
        ("body", "• Efficient offloading; ﬁnancial dashboards in Power BI"),
        ("head", "Compétences"),
        ("body", "Python, PostgreSQL, Docker, français, English, Русский, Ελληνικά"),
    ]
    _draw_lines(pdf, lines, 20 * mm, A4[1] - 20 * mm, A4[0] - 40 * mm, font=font)
    pdf.save()
    return buffer.getvalue()


JOB_DESCRIPTION = """Senior Backend Engineer - Platform team

About the role
You will build and run the services behind our analytics product.

Requirements (must have):
- 5+ years of professional Python
- Production experience with Kubernetes
- Strong PostgreSQL and SQL skills
- CI/CD and automated testing
- Experience with AWS
- Clear communication with non-technical stakeholders

Nice to have:
- Terraform or other infrastructure as code
- Kafka or another event streaming platform
- GraphQL
- Mentoring engineers

Benefits: remote-first, learning budget.
"""


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A hand-assembled PDF (objects numbered from 1, object 1 the catalog) with a correct xref table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def cyclic_page_tree_pdf() -> bytes:
    """A page tree that contains itself: a naive reader walks it forever."""
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ])  # fmt: skip


def self_referencing_form_pdf() -> bytes:
    """A form XObject that draws itself: infinite recursion for a naive text extractor."""
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 4 0 R >> >> "
        b"/Length 8 >>\nstream\n/X1 Do  \nendstream",
        b"<< /Length 6 >>\nstream\n/X1 Do\nendstream",
    ])  # fmt: skip


def winansi_resume() -> bytes:
    """Base-14 Helvetica (WinAnsi encoding, no embedded font) with accents, the euro sign and dashes."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    lines = [
        ("name", "Jürgen Müller"),
        ("head", "Berufserfahrung"),
        ("body", "Experience"),
        ("body", "Entwickler – Straße & Söhne GmbH, 2019 – 2024"),
        ("body", "• Cut cloud costs by 30 000 € with Terraform — naïve café-grade “quick wins” avoided"),
        ("head", "Skills"),
        ("body", "Python, Go, Terraform, Kubernetes"),
    ]
    _draw_lines(pdf, lines, 20 * mm, A4[1] - 20 * mm, A4[0] - 40 * mm)
    pdf.save()
    return buffer.getvalue()
