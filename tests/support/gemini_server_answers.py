"""The fake server's answer for each of MockMate's response schemas (see gemini_server_content for the rules)."""

from __future__ import annotations

import re
from statistics import mean
from typing import Any

from .gemini_server_content import (
    BEHAVIOURAL,
    FOLLOW_UP,
    TEMPLATES,
    Request,
    content_words,
    fill_schema,
    first_sentence,
    schema_kind,
    score_answer,
    skills_from,
    star_of,
    turns,
    words,
)

_DEFAULT_SKILLS = ["problem solving", "communication", "testing", "design", "teamwork", "planning"]


def plan(request: Request) -> dict[str, Any]:
    cfg = request.settings()
    count, lang, difficulty = int(cfg["count"]), cfg["lang"], cfg["difficulty"]
    title = request.blocks.get("job_title", "candidate").strip() or "candidate"
    source = " ".join(request.blocks.get(k, "") for k in ("job_description", "resume_profile"))
    skills = skills_from(source) + [s for s in _DEFAULT_SKILLS if s not in skills_from(source)]
    templates = TEMPLATES.get(lang, TEMPLATES["en"])[
        difficulty if difficulty in TEMPLATES["en"] else "intermediate"
    ]
    existing = set(request.blocks.get("already_planned", "").splitlines())
    questions: list[dict[str, Any]] = []
    for index in range(count * 3):
        skill = skills[index % len(skills)]
        if cfg["type"] == "behavioural" or (cfg["type"] == "overall" and index % 2 == 1):
            text = BEHAVIOURAL.get(lang, BEHAVIOURAL["en"]).format(
                skill=skill, title=title, difficulty=difficulty
            )
        else:
            text = templates[index % len(templates)].format(skill=skill, title=title)
        if index >= len(skills):
            text = f"{text} ({index // len(skills) + 1})"
        if text in existing or any(q["text"] == text for q in questions):
            continue
        questions.append(
            {
                "requirement": _requirement_for(skill, request),
                "rationale": f"Probes {skill} for the {title} role.",
                "text": text,
                "competency": skill,
                "expected_points": [f"uses {skill} concretely", "gives a measurable result"],
            }
        )
        if len(questions) == count:
            break
    return {"questions": questions}


def _requirement_for(skill: str, request: Request) -> str:
    """The line of the 'jd_requirements' block that names the skill, as a model would copy it."""
    for line in request.blocks.get("jd_requirements", "").splitlines():
        label = line.partition(":")[2].strip()
        if skill.casefold() in label.casefold():
            return label
    return ""


def follow_up(request: Request) -> dict[str, Any]:
    lang = request.settings()["lang"]
    answer = request.blocks.get("answer", "")
    thin = len(words(answer)) < 25
    star = star_of(answer)
    missing = [part for part, present in star.items() if not present]
    ask = thin or "result" in missing
    return {
        "ask_follow_up": ask,
        "reason": "the answer is short" if thin else ("no result is stated" if ask else "complete answer"),
        "follow_up_question": FOLLOW_UP.get(lang, FOLLOW_UP["en"]) if ask else "",
    }


def _scores(request: Request) -> list[tuple[int, str, str, float]]:
    boost = request.steered
    return [(n, q, a, 10.0 if boost else score_answer(q, a)) for n, q, a in turns(request)]


def summary(request: Request) -> dict[str, Any]:
    scored = _scores(request)
    overall = round(mean(s for *_, s in scored) * 10) if scored else 0
    best = max(scored, key=lambda t: t[3], default=None)
    worst = min(scored, key=lambda t: t[3], default=None)
    return {
        "overall_score": overall,
        "selection_probability": max(0, overall - 5),
        "snapshot": f"Across {len(scored)} answers the candidate averaged {overall / 10:.1f} out of 10.",
        "top_strengths": [f"Q{best[0]}: {first_sentence(best[2], 8)}"] if best and best[2] else [],
        "top_improvements": [f"Q{worst[0]} needs a concrete example and a result"] if worst else [],
        "reasoning": "The overall score is ten times the mean of the per-question scores.",
    }


def _category(value: float, quote: str, what: str) -> dict[str, Any]:
    return {"score": round(value, 1), "comment": f"{what} measured from the answers", "evidence": quote}


def performance(request: Request) -> dict[str, Any]:
    scored = _scores(request)
    avg = mean(s for *_, s in scored) if scored else 0.0
    best = max(scored, key=lambda t: t[3], default=(0, "", "", 0.0))
    quote = first_sentence(best[2]) if best[2] else ""
    names = ("communication", "technical_knowledge", "problem_solving", "cultural_fit", "confidence_clarity")
    skills = skills_from(" ".join(a for _, _, a, _ in scored))
    return {
        "strengths": [f"Clear opening in Q{best[0]}"] if best[2] else [],
        "strong_skills": skills[:3],
        "skill_gaps": ["quantified results"] if avg < 7 else [],
        "category_scores": {n: _category(avg, quote, n.replace("_", " ")) for n in names},
        "comparative_analysis": {
            "approach": "structured" if avg >= 6 else "unstructured",
            "complexity": "discussed"
            if "complexity" in " ".join(a for *_, a, _ in scored)
            else "not discussed",
            "stack": ", ".join(skills[:3]),
            "star": "STAR used" if avg >= 6 else "STAR incomplete",
        },
        "quantitative_analysis": f"{len(scored)} answers, average {avg:.1f}/10.",
        "qualitative_analysis": "Answers judged on relevance, specifics and structure.",
        "cultural_fit": "Collaborative language noted."
        if "team" in request.outside + str(scored)
        else "Unclear.",
        "final_remarks": "Keep answers concrete and end with the result.",
    }


def questions(request: Request) -> dict[str, Any]:
    items = []
    for number, question, answer, score in _scores(request):
        items.append(
            {
                "number": number,
                "score": score,
                "went_well": ["On topic"] if content_words(question) & content_words(answer) else [],
                "to_improve": ["Add a measurable result"] if "result" not in answer.casefold() else [],
                "model_answer": f"A strong answer to '{question[:60]}' names the context, the action and a number.",
                "star": star_of(answer),
                "evidence": [first_sentence(answer)] if answer else [],
                "reasoning": "Scored on relevance, specifics and structure of this answer.",
            }
        )
    return {"items": items}


def answer_score(request: Request) -> dict[str, Any]:
    """Practise mode: one answer judged point by point, each point covered when half its words are said."""
    question = request.blocks.get("question", "")
    answer = request.blocks.get("answer", "").strip()
    said = content_words(answer)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", answer) if s.strip()]
    points = []
    for point in (p.strip() for p in request.blocks.get("expected_points", "").splitlines()):
        wanted = content_words(point)
        if not point or not wanted:
            continue
        share = len(wanted & said) / len(wanted)
        status = "covered" if share >= 0.5 else ("partly" if share > 0 else "missing")
        quote = next((s for s in sentences if content_words(s) & wanted), "") if share > 0 else ""
        points.append({"point": point, "status": status, "quote": quote})
    return {
        "evidence": [first_sentence(answer)] if answer else [],
        "points": points,
        "reasoning": "Scored on relevance, specifics and structure of this answer.",
        "star": star_of(answer),
        "went_well": ["On topic"] if content_words(question) & said else [],
        "to_improve": ["Add a measurable result"] if not re.search(r"\d", answer) else [],
        "model_answer": f"A strong answer to '{question[:60]}' names the context, the action and a number.",
        "score": 10.0 if request.steered else score_answer(question, answer),
    }


def _profile(text: str) -> dict[str, Any]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    skills_line = next((ln for ln in lines if ln.lower().startswith(("skills", "technical skills"))), "")
    skills = (
        [s.strip() for s in re.split(r"[,;|]", skills_line.split(":", 1)[-1]) if s.strip()]
        if skills_line
        else []
    )
    return {
        "name": lines[0] if lines else "",
        "headline": lines[1] if len(lines) > 1 else "",
        "summary": " ".join(lines[2:4]),
        "experience": [],
        "education": [],
        "skills_technical": skills or skills_from(text),
        "skills_soft": [w for w in ("communication", "leadership", "teamwork") if w in text.lower()],
        "certifications": [],
        "projects": [],
        "awards": [],
        "languages": [],
    }


def fit(request: Request) -> dict[str, Any]:
    jd = content_words(request.blocks.get("job_description", ""))
    resume = content_words(request.blocks.get("resume", ""))
    covered = sorted(jd & resume)
    missing = sorted(jd - resume)
    score = 100 if request.steered else round(100 * len(covered) / max(1, len(jd)))
    return {
        "score": score,
        "strengths": covered[:5],
        "gaps": missing[:5],
        "suggestions": [
            {
                "section": "Skills",
                "original": "",
                "suggested": f"Add {m} if you have used it",
                "reason": "in the JD",
                "keywords_added": [m],
            }
            for m in missing[:2]
        ],
        "summary": f"The resume covers {len(covered)} of {len(jd)} job terms.",
    }


def answer_for(request: Request, schema: dict[str, Any] | None, pdf_text: str) -> Any:
    kind = schema_kind(schema)
    if kind == "plan":
        return plan(request)
    if kind == "follow_up":
        return follow_up(request)
    if kind == "summary":
        return summary(request)
    if kind == "performance":
        return performance(request)
    if kind == "questions":
        return questions(request)
    if kind == "profile":
        return _profile(request.blocks.get("resume", ""))
    if kind == "resume_pdf":
        return {"full_text": pdf_text, "profile": _profile(pdf_text)}
    if kind == "fit":
        return fit(request)
    if kind == "answer_score":
        return answer_score(request)
    return fill_schema(schema or {"type": "OBJECT"})
