"""A session's reports as Markdown (for `mockmate report --format md`, sharing, printing). Pure.

Headings and labels follow the interview's language (English, Hindi, French); the report contents are shown
as the engine wrote them. Every part says which engine made it; demo content says so at the top.
"""

from __future__ import annotations

from . import numbers
from .delivery import DeliveryMetrics, GuidanceBand
from .enums import Language
from .interview import InterviewSession
from .numbering import delivery_labels, feedback_labels
from .report_headings import colon, heading, labelled, metric_name, quoted
from .report_words import meta_words, selection_word, source_label, word
from .reports import CategoryScore, EngineMade, ReportSet
from .scoring_texts import band as band_words
from .scoring_texts import unit

# Markdown is plain text: straight quotation marks, as the engine's English sentences use.
STRAIGHT = ('"', '"')

_LABELS: dict[str, dict[str, str]] = {
    "title": {"en": "Interview report", "hi": "इंटरव्यू रिपोर्ट", "fr": "Rapport d'entretien"},
    "demo": {
        "en": "DEMO: shipped demo content, not a real candidate's interview.",
        "hi": "DEMO: साथ आई डेमो सामग्री, किसी असली उम्मीदवार का इंटरव्यू नहीं।",
        "fr": "DÉMO : contenu de démonstration fourni, pas l'entretien d'un vrai candidat.",
    },
    "summary": {"en": "Summary", "hi": "सारांश", "fr": "Synthèse"},
    "performance": {"en": "Performance", "hi": "प्रदर्शन", "fr": "Performance"},
    "questions": {"en": "Questions", "hi": "प्रश्न", "fr": "Questions"},
    "delivery": {"en": "Delivery", "hi": "प्रस्तुति", "fr": "Élocution"},
    "overall": {"en": "Overall score", "hi": "कुल स्कोर", "fr": "Note globale"},
    "selection": {"en": "Selection probability", "hi": "चयन की संभावना", "fr": "Probabilité de sélection"},
    "strengths": {"en": "Strengths", "hi": "ताकतें", "fr": "Points forts"},
    "improvements": {"en": "To improve", "hi": "सुधार के लिए", "fr": "À améliorer"},
    "strong_skills": {"en": "Strong skills", "hi": "मज़बूत कौशल", "fr": "Compétences solides"},
    "skill_gaps": {"en": "Skill gaps", "hi": "कौशल की कमियाँ", "fr": "Lacunes"},
    "categories": {"en": "Category scores", "hi": "श्रेणी स्कोर", "fr": "Notes par catégorie"},
    "comparative": {"en": "Comparative analysis", "hi": "तुलनात्मक विश्लेषण", "fr": "Analyse comparative"},
    "quantitative": {"en": "Quantitative analysis", "hi": "मात्रात्मक विश्लेषण", "fr": "Analyse quantitative"},
    "qualitative": {"en": "Qualitative analysis", "hi": "गुणात्मक विश्लेषण", "fr": "Analyse qualitative"},
    "cultural_fit": {"en": "Cultural fit", "hi": "सांस्कृतिक तालमेल", "fr": "Adéquation culturelle"},
    "final": {"en": "Final remarks", "hi": "अंतिम टिप्पणी", "fr": "Remarques finales"},
    "answer": {"en": "Answer", "hi": "उत्तर", "fr": "Réponse"},
    "score": {"en": "Score", "hi": "स्कोर", "fr": "Note"},
    "went_well": {"en": "Went well", "hi": "अच्छा रहा", "fr": "Réussi"},
    "model_answer": {"en": "Model answer", "hi": "मॉडल उत्तर", "fr": "Réponse modèle"},
    "criteria": {"en": "Criteria", "hi": "मापदंड", "fr": "Critères"},
    "expected_points": {"en": "Expected points", "hi": "अपेक्षित बिंदु", "fr": "Points attendus"},
    "covered": {"en": "covered", "hi": "पूरा", "fr": "couvert"},
    "partly": {"en": "partly", "hi": "आंशिक", "fr": "en partie"},
    "point_missing": {"en": "missing", "hi": "छूटा", "fr": "manquant"},
    "nothing_yet": {
        "en": "Nothing yet: see what to improve.",
        "hi": "अभी कुछ नहीं: सुधार के सुझाव देखें।",
        "fr": "Rien pour l'instant : voyez ce qui est à améliorer.",
    },
    "evidence": {"en": "Evidence", "hi": "प्रमाण", "fr": "Citations"},
    "follow_up": {"en": "Follow-up", "hi": "अनुवर्ती प्रश्न", "fr": "Relance"},
    "no_answer": {"en": "(no answer)", "hi": "(कोई उत्तर नहीं)", "fr": "(pas de réponse)"},
    "made_by": {"en": "Made by", "hi": "द्वारा बनाया गया", "fr": "Produit par"},
    "missing": {"en": "Not generated yet.", "hi": "अभी तैयार नहीं।", "fr": "Pas encore produit."},
    "notes": {"en": "Engine notes", "hi": "इंजन टिप्पणियाँ", "fr": "Notes du moteur"},
    "pace": {"en": "Pace", "hi": "गति", "fr": "Débit"},
    "fillers": {"en": "Fillers", "hi": "भराव शब्द", "fr": "Mots de remplissage"},
    "pauses": {"en": "Long pauses", "hi": "लंबे ठहराव", "fr": "Longues pauses"},
    "words": {"en": "Words", "hi": "शब्द", "fr": "Mots"},
}
_CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "communication": {"en": "Communication", "hi": "संवाद", "fr": "Communication"},
    "technical_knowledge": {
        "en": "Technical knowledge",
        "hi": "तकनीकी ज्ञान",
        "fr": "Connaissances techniques",
    },
    "problem_solving": {"en": "Problem solving", "hi": "समस्या समाधान", "fr": "Résolution de problèmes"},
    "cultural_fit": {"en": "Cultural fit", "hi": "सांस्कृतिक तालमेल", "fr": "Adéquation culturelle"},
    "confidence_clarity": {
        "en": "Confidence and clarity",
        "hi": "आत्मविश्वास और स्पष्टता",
        "fr": "Assurance et clarté",
    },
}


def label(key: str, language: Language) -> str:
    return _LABELS[key].get(language.value) or _LABELS[key]["en"]


def _made_by(report: EngineMade, language: Language) -> str:
    name = f" · {report.model_name}" if report.model_name else ""
    return f"_{label('made_by', language)}{colon(language)}{source_label(report.source, language)}{name}_"


def _bullets(items: list[str]) -> list[str]:
    return [f"- {item}" for item in items] or ["- —"]


def _delivery_line(metrics: DeliveryMetrics, language: Language) -> str:
    return (
        f"{label('words', language)}{colon(language)}{metrics.word_count} · {label('pace', language)}{colon(language)}"
        f"{numbers.decimal(metrics.words_per_minute, language, 0)} {unit('words_per_minute', 'wpm', language.value)} · {label('fillers', language)}{colon(language)}{metrics.filler_count} · "
        f"{label('pauses', language)}{colon(language)}{len(metrics.long_pauses)}"
    )


def _summary(reports: ReportSet, lang: Language) -> list[str]:
    out = [f"## {label('summary', lang)}", ""]
    s = reports.summary
    if s is None:
        return [*out, label("missing", lang), ""]
    out += [
        _made_by(s, lang),
        "",
        f"**{label('overall', lang)}{colon(lang)}{s.overall_score}/100** · {label('selection', lang)}{colon(lang)}"
        f"{numbers.percent(s.selection_probability, lang)} ({selection_word(s.selection_label, lang)})",
        "",
        s.snapshot,
        "",
        f"**{label('strengths', lang)}**",
        *_bullets(s.top_strengths),
        "",
        f"**{label('improvements', lang)}**",
        *_bullets(s.top_improvements),
        "",
    ]
    return out


def category_name(key: str, lang: Language) -> str:
    return _CATEGORY_NAMES[key].get(lang.value) or _CATEGORY_NAMES[key]["en"]


def _category(name: str, score: CategoryScore, lang: Language) -> list[str]:
    title = category_name(name, lang)
    line = [f"- **{title}{colon(lang)}{numbers.out_of(score.score, 10, lang)}**{colon(lang)}{score.comment}"]
    if score.evidence:
        line.append(f"  > {quoted(score.evidence, lang, STRAIGHT)}")
    return line


def _performance(reports: ReportSet, lang: Language) -> list[str]:
    out = [f"## {label('performance', lang)}", ""]
    p = reports.performance
    if p is None:
        return [*out, label("missing", lang), ""]
    out += [_made_by(p, lang), "", f"**{label('strengths', lang)}**", *_bullets(p.strengths), ""]
    out += [f"**{label('strong_skills', lang)}**{colon(lang)}{', '.join(p.strong_skills) or '—'}", ""]
    out += [f"**{label('skill_gaps', lang)}**{colon(lang)}{', '.join(p.skill_gaps) or '—'}", ""]
    out += [f"### {label('categories', lang)}", ""]
    for name in _CATEGORY_NAMES:
        out += _category(name, getattr(p.category_scores, name), lang)
    comp = p.comparative_analysis
    out += ["", f"### {label('comparative', lang)}", ""]
    out += [
        f"- {word(k, lang)}{colon(lang)}{v}"
        for k, v in comp.model_dump().items()
        if v
    ]
    for key, text in (
        ("quantitative", p.quantitative_analysis),
        ("qualitative", p.qualitative_analysis),
        ("cultural_fit", p.cultural_fit),
        ("final", p.final_remarks),
    ):
        out += ["", f"### {label(key, lang)}", "", text]
    return [*out, ""]


def _questions(session: InterviewSession, lang: Language) -> list[str]:
    out = [f"## {label('questions', lang)}", ""]
    q = session.reports.questions
    if q is None:
        return [*out, label("missing", lang), ""]
    out += [_made_by(q, lang), ""]
    labels = feedback_labels(session)
    for item, number in zip(q.items, labels, strict=True):
        out += [f"### {number}{colon(lang)}{item.question}", ""]
        out += [
            f"**{label('answer', lang)}**{colon(lang)}{item.answer_transcript or label('no_answer', lang)}",
            "",
        ]
        out += [f"**{label('score', lang)}{colon(lang)}{numbers.out_of(item.score, 10, lang)}**", ""]
        if item.star is not None:
            parts = " ".join(f"{k[0].upper()}{'✓' if v else '✗'}" for k, v in item.star.model_dump().items())
            out += [f"STAR{colon(lang)}{parts}", ""]
        if item.went_well:
            out += [f"**{label('went_well', lang)}**", *_bullets(item.went_well), ""]
        if item.to_improve:
            out += [f"**{label('improvements', lang)}**", *_bullets(item.to_improve), ""]
        if item.evidence:
            out += [f"**{label('evidence', lang)}**", *[f"> {quoted(e, lang, STRAIGHT)}" for e in item.evidence], ""]
        if item.delivery is not None:
            out += [_delivery_line(item.delivery, lang), ""]
        out += [f"**{label('model_answer', lang)}**{colon(lang)}{item.model_answer}", ""]
    return out


def _delivery(session: InterviewSession, lang: Language) -> list[str]:
    out = [f"## {label('delivery', lang)}", ""]
    d = session.reports.delivery
    if d is None:
        return [*out, label("missing", lang), ""]
    # As the window says it: a typed interview has no figures, and "Pace: 0 wpm" would read as a measurement.
    measured = _delivery_line(d.overall, lang) if d.per_answer else heading("no_spoken_answers", lang)
    out += [_made_by(d, lang), "", measured, ""]
    for number, item in zip(delivery_labels(session), d.per_answer, strict=True):
        out.append(f"- {number}{colon(lang)}{_delivery_line(item.metrics, lang)}")
    if d.per_answer:
        out.append("")
    out += [f"- {_band_line(band, lang)}" for band in d.bands]
    return [*out, ""]


def _band_line(band: GuidanceBand, lang: Language) -> str:
    # As the window and the PDF word it, in every language: the export listed "words_per_minute: 100–165 wpm"
    # and "fillers_per_minute: –5 per minute" (for "at most 5").
    span = band_words(band.metric, band.low, band.high, band.unit, lang.value)
    return f"{labelled(metric_name(band.metric, lang), span, lang)}. {band.note} ({band.source})"


def render_markdown(session: InterviewSession) -> str:
    lang = session.config.language
    config = session.config
    out = [f"# {label('title', lang)}{colon(lang)}{config.job_title}", ""]
    if session.is_demo:
        out += [f"> **{label('demo', lang)}**", ""]
    out += [
        " · ".join(
            [
                *meta_words(config.interview_type.value, config.difficulty.value, lang, session.status, lang),
                str(session.id),
            ]
        ),
        "",
    ]
    if session.engine_notes:
        out += [f"**{label('notes', lang)}**", *_bullets(session.engine_notes), ""]
    out += _summary(session.reports, lang)
    out += _performance(session.reports, lang)
    out += _questions(session, lang)
    out += _delivery(session, lang)
    return "\n".join(out).rstrip() + "\n"
