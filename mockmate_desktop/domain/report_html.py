"""A session's whole report as one HTML document plus the data of its charts, for printing to PDF. Pure.

The PDF renderer (ui/report/pdf.py) paints each chart into an image named by `ChartData.key`, which the
HTML references as `<img src="KEY">`, then prints the document. Headings follow the interview's language like
the Markdown (report_text.py); every part says which engine made it and a demo says so on its first line.
Every string from a transcript or an engine is escaped, so nothing said in an answer can inject markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from . import numbers
from .delivery import DeliveryMetrics, GuidanceBand
from .enums import Language
from .interview import InterviewSession
from .numbering import delivery_labels, feedback_labels
from .report_headings import colon, heading, labelled, metric_name, quoted, short_date
from .report_text import category_name, label
from .report_words import meta_words, provenance_sentences, selection_word, source_label, word
from .reports import EngineMade, PerformanceReport, QuestionFeedback
from .scoring_texts import band as band_words
from .scoring_texts import part as star_part

CATEGORIES = (
    ("communication", "Communication"),
    ("technical_knowledge", "Technical knowledge"),
    ("problem_solving", "Problem solving"),
    ("cultural_fit", "Cultural fit"),
    ("confidence_clarity", "Confidence & clarity"),
)


@dataclass(frozen=True)
class ChartData:
    key: str  # the image name the HTML refers to
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    band: tuple[float | None, float | None] = (None, None)  # guidance range drawn behind the bars
    fixed_max: float | None = None  # a fixed scale (0-10 scores) so reports compare at a glance
    horizontal: bool = False


@dataclass(frozen=True)
class ReportDocument:
    title: str
    html: str
    charts: tuple[ChartData, ...]


def esc(text: str) -> str:
    return html.escape(text or "")


def bullets(items: Iterable[str], empty: str = "None noted.") -> str:
    listed = [f"<li>{esc(item)}</li>" for item in items if item]
    return f"<ul>{''.join(listed)}</ul>" if listed else f"<p><i>{esc(empty)}</i></p>"


def section(heading: str, body: str) -> str:
    return f"<h3>{esc(heading)}</h3>{body}"


def para(text: str, empty: str = "Not available.") -> str:
    return f"<p>{esc(text)}</p>" if text else f"<p><i>{esc(empty)}</i></p>"


def provenance_text(session: InterviewSession) -> str:
    """Which engine made this report, in one sentence per engine in the interview's language; a demo says so
    first."""
    parts = provenance_sentences(set(session.sources), session.is_demo, session.config.language)
    parts.extend(session.engine_notes)
    return " ".join(parts)


def find_band(bands: list[GuidanceBand], *keys: str) -> GuidanceBand | None:
    for band in bands:
        name = band.metric.lower()
        if any(key in name for key in keys):
            return band
    return None


def band_range(band: GuidanceBand | None) -> tuple[float | None, float | None]:
    return (None, None) if band is None else (band.low, band.high)


def delivery_charts(session: InterviewSession) -> tuple[ChartData, ...]:
    """Pace and fillers per answer, labelled Q1, Q1 follow-up... with their guidance bands."""
    report = session.reports.delivery
    if report is None or not report.per_answer:
        return ()
    lang = session.config.language
    labels = tuple(delivery_labels(session))
    pace = find_band(report.bands, "pace", "words_per_minute", "wpm")
    fillers = find_band(report.bands, "filler")
    return (
        ChartData(
            "chart-pace",
            heading("chart_pace", lang),
            labels,
            tuple(i.metrics.words_per_minute for i in report.per_answer),
            band_range(pace),
        ),
        ChartData(
            "chart-fillers",
            metric_name("fillers_per_minute", lang),
            labels,
            tuple(i.metrics.fillers_per_minute for i in report.per_answer),
            band_range(fillers),
        ),
    )


def category_names(lang: Language) -> tuple[str, ...]:
    """The five categories as the report names them: the window's English names, else the language's."""
    return tuple(english if lang is Language.EN else category_name(key, lang) for key, english in CATEGORIES)


def category_chart(report: PerformanceReport, lang: Language = Language.EN) -> ChartData:
    return ChartData(
        "chart-categories",
        heading("chart_categories", lang),
        category_names(lang),
        tuple(getattr(report.category_scores, key).score for key, _name in CATEGORIES),
        fixed_max=10.0,
        horizontal=True,
    )


def made_by_text(part: EngineMade, lang: Language) -> str:
    """ "Made by: Offline engine (heuristic) · offline-rubric-v1", in the interview's language."""
    model = f" · {part.model_name}" if part.model_name else ""
    return labelled(label("made_by", lang), source_label(part.source, lang) + model, lang)


def _made_by(part: EngineMade, lang: Language) -> str:
    return f"<p class='made'>{esc(made_by_text(part, lang))}</p>"


def _missing(lang: Language) -> str:
    return f"<p><i>{esc(label('missing', lang))}</i></p>"


def _summary(session: InterviewSession, lang: Language) -> str:
    s = session.reports.summary
    out = f"<h2>{esc(label('summary', lang))}</h2>"
    if s is None:
        return out + _missing(lang)
    return (
        out
        + _made_by(s, lang)
        + f"<p class='score'>{esc(label('overall', lang) + colon(lang))}<b>{s.overall_score}/100</b> · "
        f"{esc(label('selection', lang) + colon(lang))}<b>{numbers.percent(s.selection_probability, lang)}</b> "
        f"({esc(selection_word(s.selection_label, lang))})</p>"
        + para(s.snapshot)
        + section(label("strengths", lang), bullets(s.top_strengths, word("none_noted", lang)))
        + section(label("improvements", lang), bullets(s.top_improvements, word("none_noted", lang)))
    )


def _performance(session: InterviewSession, lang: Language) -> str:
    p = session.reports.performance
    out = f"<h2>{esc(label('performance', lang))}</h2>"
    if p is None:
        return out + _missing(lang)
    return out + _made_by(p, lang) + "<p><img src='chart-categories' width='560'></p>" + performance_body(p, lang)


def performance_body(p: PerformanceReport, lang: Language) -> str:
    """The performance report below its chart, one text for the window's tab and the PDF: each category as
    "Technical: 6.9/10." with its comment and quote, then strengths, skills, comparison and remarks."""
    rows = []
    for (key, _english), name in zip(CATEGORIES, category_names(lang), strict=True):
        item = getattr(p.category_scores, key)
        quote = f"<br><i>{quoted(esc(item.evidence), lang)}</i>" if item.evidence else ""
        rows.append(
            f"<li><b>{esc(labelled(name, numbers.out_of(item.score, 10, lang) + '.', lang))}</b> {esc(item.comment)}{quote}</li>"
        )
    comparative = "".join(
        f"<li><b>{esc(name + colon(lang).rstrip())}</b> {esc(text)}</li>"
        for name, text in (
            (word("approach", lang), p.comparative_analysis.approach),
            (word("complexity", lang), p.comparative_analysis.complexity),
            (word("stack", lang), p.comparative_analysis.stack),
            (word("star", lang), p.comparative_analysis.star),
        )
        if text
    )
    none, missing = word("none_noted", lang), word("not_available", lang)
    return (
        section(label("categories", lang), f"<ul>{''.join(rows)}</ul>")
        + section(label("strengths", lang), bullets(p.strengths, none))
        + section(label("strong_skills", lang), bullets(p.strong_skills, none))
        + section(label("skill_gaps", lang), bullets(p.skill_gaps, none))
        + (section(label("comparative", lang), f"<ul>{comparative}</ul>") if comparative else "")
        + section(label("quantitative", lang), para(p.quantitative_analysis, missing))
        + section(label("qualitative", lang), para(p.qualitative_analysis, missing))
        + section(label("cultural_fit", lang), para(p.cultural_fit, missing))
        + section(label("final", lang), para(p.final_remarks, missing))
    )


def delivery_line(metrics: DeliveryMetrics, lang: Language = Language.EN) -> str:
    return word("delivery_line", lang).format(
        wpm=numbers.decimal(metrics.words_per_minute, lang, 0),
        fillers=metrics.filler_count,
        pauses=metrics.pause_count,
        seconds=numbers.decimal(metrics.duration_s, lang, 0),
    )


def star_html(item: QuestionFeedback, lang: Language = Language.EN) -> str:
    if item.star is None:
        return ""
    chips = []
    for part in ("situation", "task", "action", "result"):
        present = getattr(item.star, part)
        colour = "#2e7d32" if present else "#9e9e9e"
        chips.append(
            f"<span style='color:{colour}'>{'✔' if present else '✘'} {esc(star_part(part, lang.value).capitalize())}</span>"
        )
    return section(word("star_structure", lang), "<p>" + " &nbsp; ".join(chips) + "</p>")


def feedback_html(item: QuestionFeedback, number: str, lang: Language, *, heading: str = "h3") -> str:
    """One question's feedback; the report page shows the same HTML for the selected question."""
    delivery = (
        section(label("delivery", lang), para(delivery_line(item.delivery, lang))) if item.delivery else ""
    )
    evidence = (
        section(label("evidence", lang), bullets(quoted(e, lang) for e in item.evidence)) if item.evidence else ""
    )
    return (
        f"<{heading}>{esc(labelled(number, item.question, lang))}</{heading}>"
        f"<p>{esc(label('score', lang) + colon(lang))}<b>{numbers.out_of(item.score, 10, lang)}</b> · {esc(source_label(item.source, lang))}</p>"
        + section(label("answer", lang), para(item.answer_transcript or label("no_answer", lang)))
        + section(label("went_well", lang), bullets(item.went_well, word("none_noted", lang)))
        + section(label("improvements", lang), bullets(item.to_improve, word("none_noted", lang)))
        + section(label("model_answer", lang), para(item.model_answer, word("not_available", lang)))
        + star_html(item, lang)
        + evidence
        + delivery
    )


def _questions(session: InterviewSession, lang: Language) -> str:
    q = session.reports.questions
    out = f"<h2>{esc(label('questions', lang))}</h2>"
    if q is None:
        return out + _missing(lang)
    labels = feedback_labels(session)
    return (
        out
        + _made_by(q, lang)
        + "".join(feedback_html(item, number, lang) for item, number in zip(q.items, labels, strict=True))
    )


def _delivery(session: InterviewSession, lang: Language) -> str:
    d = session.reports.delivery
    out = f"<h2>{esc(label('delivery', lang))}</h2>"
    if d is None:
        return out + _missing(lang)
    bands = [f"<li>{esc(band_text(b, lang))}</li>" for b in d.bands]
    guidance = section(heading("guidance", lang), f"<ul>{''.join(bands)}</ul>") if bands else ""
    if not d.per_answer:
        # A typed interview: a row of zeros would read as a measured silence (the window says the same).
        return out + _made_by(d, lang) + para(heading("no_spoken_answers", lang)) + guidance
    charts = "".join(f"<p><img src='{c.key}' width='560'></p>" for c in delivery_charts(session))
    columns = ("col_duration", "col_wpm", "col_fillers", "col_long_pauses")
    head = "<th></th>" + "".join(f"<th>{esc(heading(h, lang))}</th>" for h in columns)
    rows = [(heading("whole_interview", lang), d.overall)]
    rows += list(zip(delivery_labels(session), (i.metrics for i in d.per_answer), strict=True))
    body = "".join(
        f"<tr><td>{esc(name)}</td><td>{numbers.decimal(m.duration_s, lang, 0)} s</td><td>{numbers.decimal(m.words_per_minute, lang, 0)}</td>"
        f"<td>{m.filler_count}</td><td>{len(m.long_pauses)}</td></tr>"
        for name, m in rows
    )
    return (
        out
        + _made_by(d, lang)
        + charts
        + f"<table class='metrics' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"
        # Qt's printer sets a heading right against a table's bottom edge: an empty line keeps them apart.
        + "<p>&nbsp;</p>"
        + guidance
    )


def band_span(band: GuidanceBand, lang: Language = Language.EN) -> str:
    if lang is not Language.EN:  # the scorer's wording of a band, so the feedback and the guidance agree
        return band_words(band.metric, band.low, band.high, band.unit, lang.value)
    if band.low is not None and band.high is not None:
        return f"{band.low:g}–{band.high:g} {band.unit}"
    if band.high is not None:
        return f"under {band.high:g} {band.unit}"
    if band.low is not None:
        return f"over {band.low:g} {band.unit}"
    return band.unit


def band_text(band: GuidanceBand, lang: Language = Language.EN) -> str:
    name = metric_name(band.metric, lang)
    return f"{labelled(name, band_span(band, lang), lang)}. {band.note} ({band.source})"


_STYLE = """
body { font-size: 10pt; color: #202124; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 14pt; color: #1a4fa0; margin-top: 14pt; border-bottom: 1px solid #c0c8d8; }
h3 { font-size: 11pt; margin-top: 8pt; margin-bottom: 2pt; }
p.made { color: #5f6368; font-style: italic; }
p.demo { background: #fff3cd; color: #6b4e00; font-weight: bold; padding: 4pt; }
p.meta { color: #5f6368; }
table.metrics th { background: #eef1f6; text-align: left; }
table.metrics td, table.metrics th { border: 1px solid #c0c8d8; }
"""


def report_document(session: InterviewSession) -> ReportDocument:
    """The whole report (summary, performance, every question, delivery) and its charts."""
    lang = session.config.language
    config = session.config
    title = labelled(label("title", lang), config.job_title, lang)
    when = short_date(session.started_at or session.created_at, lang)
    demo = f"<p class='demo'>{esc(label('demo', lang))}</p>" if session.is_demo else ""
    meta = " · ".join(
        [*meta_words(config.interview_type.value, config.difficulty.value, lang, session.status, lang), when]
    )
    charts = list(delivery_charts(session))
    if session.reports.performance is not None:
        charts.insert(0, category_chart(session.reports.performance, lang))
    body = (
        f"<h1>{esc(title)}</h1>{demo}<p class='meta'>{esc(meta)}</p><p>{esc(provenance_text(session))}</p>"
        + _summary(session, lang)
        + _performance(session, lang)
        + _questions(session, lang)
        + _delivery(session, lang)
    )
    document = f"<html><head><style>{_STYLE}</style></head><body>{body}</body></html>"
    return ReportDocument(title=title, html=document, charts=tuple(charts))
