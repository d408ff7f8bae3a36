"""The practice plan in the interview's language: a French or Hindi interview's plan used to say "Strengthen your
technical knowledge answers ... Q2 follow-up scored 0.7/10" around its French points. Its titles, reasons,
question references, delivery targets and tick-off evidence now read like its report; English is unchanged,
and a plan stored before keeps the words it was written in."""

from __future__ import annotations

import json
import re
from uuid import UUID

import pytest

from mockmate_desktop.domain.attempts import PracticeAttempt
from mockmate_desktop.domain.delivery import DeliveryMetrics
from mockmate_desktop.domain.delivery_metrics import guidance_bands
from mockmate_desktop.domain.enums import AnswerMode, Language, Source
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.numbering import feedback_labels
from mockmate_desktop.domain.practice_plan import PracticePlan, build_plan, question_results
from mockmate_desktop.domain.reports import AnswerDelivery, DeliveryReport
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingError, CoachingService
from mockmate_desktop.storage.sqlite_store import SqliteStore

from .conftest import reported_session
from .test_plan import FILLERY

# What the plan wrote in English between a French or Hindi interview's points.
ENGLISH = re.compile(
    r"Strengthen|Polish|scored|follow-up|between|at most|at least|Show |The job asks|piece of work|"
    r"re-answered|offline rubric|technical knowledge|fillers|words per minute|per minute|per 100 words|wpm"
)


def _spoken(engine: OfflineEngine, language: Language) -> InterviewSession:
    """A weak interview in `language` with a follow-up to its second question and too many fillers."""
    session = reported_session(engine, language=language, follow_up_to=1)
    session.reports.delivery = DeliveryReport(
        source=session.reports.summary.source,  # type: ignore[union-attr]
        overall=FILLERY,
        per_answer=[AnswerDelivery(question_id=a.question_id, metrics=FILLERY) for a in session.answers],
    )
    return session


def _planned(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService, language: Language
) -> tuple[InterviewSession, PracticePlan]:
    """`_spoken` in `language`, stored, and the plan the coaching service makes for it."""
    session = _spoken(engine, language)
    store.save_session(session)
    return session, coaching.plan(session.id)


def _pass_spoken(store: SqliteStore, session_id: UUID, question_ids: list[UUID]) -> None:
    """A spoken re-answer of each question at 8.2/10 with 1.5 fillers a minute: enough to tick a drill."""
    for question_id in question_ids:
        store.save_attempt(
            PracticeAttempt(
                session_id=session_id,
                question_id=question_id,
                mode=AnswerMode.VOICE,
                transcript="measured attempt",
                score=8.2,
                delivery=DeliveryMetrics(fillers_per_minute=1.5),
                source=Source.OFFLINE,
            )
        )


def _plan_text(plan: PracticePlan) -> list[str]:
    """Every sentence the plan writes itself (its points come from the question bank)."""
    out: list[str] = []
    for drill in plan.drills:
        out += [drill.title, drill.reason, *drill.question_refs, drill.done_evidence]
        if drill.delivery_target is not None:
            out.append(drill.delivery_target.label)
        if drill.key.startswith("gap:"):
            out.append(drill.points[0])
    return out


def test_a_french_interview_gets_a_french_plan(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session, plan = _planned(store, engine, coaching, Language.FR)
    assert 3 <= len(plan.drills) <= 5
    english = [text for text in _plan_text(plan) if ENGLISH.search(text)]
    assert not english, english
    titles = [d.title for d in plan.drills]
    assert "Renforcez vos réponses en connaissances techniques" in titles, titles
    for drill in plan.drills:
        assert re.search(r"\d(,\d)?/10", drill.reason) and not re.search(r"\d\.\d/10", drill.reason), drill.reason
    # The references are the report's own labels, the follow-up's included.
    refs = [ref for d in plan.drills for ref in d.question_refs]
    assert set(refs) <= set(feedback_labels(session)) and "Q2 relance" in refs, refs
    target = plan.drills[0].delivery_target
    assert target is not None and target.language is Language.FR
    assert target.label == "mots de remplissage par minute au plus 5 par minute"
    # The follow-up can be practised by the label the plan shows.
    assert coaching.find_question(session, "Q2 relance").parent_id == session.questions[1].id
    # A label that is not there is answered with the labels the French report shows.
    with pytest.raises(CoachingError, match="choose one of: Q1, Q2, Q2 relance"):
        coaching.find_question(session, "Q9")


def test_a_french_gap_drill_and_its_tick_off_evidence(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session, plan = _planned(store, engine, coaching, Language.FR)
    gap = next(d for d in plan.drills if d.key == "gap:Python")
    assert gap.title == "Montrez Python par un exemple concret"
    assert re.fullmatch(
        r"Le poste demande Python et l'entretien n'en a montré aucune preuve \(Q\d( relance)? notée \d+(,\d)?/10\)",
        gap.reason,
    ), gap.reason
    assert gap.points[0] == "Un travail réel où vous avez utilisé Python, avec son résultat"

    _pass_spoken(store, session.id, plan.drills[0].question_ids)
    ticked = coaching.plan(session.id).drills[0]
    assert ticked.done, ticked
    first = ticked.done_evidence.split(" ; ")[0]
    assert re.fullmatch(
        r"Q\d( relance)? reprise le \d{4}-\d\d-\d\d : 8,2/10 par la grille hors ligne, "
        r"mots de remplissage par minute 1,5 par minute",
        first,
    ), first


def test_a_hindi_interview_gets_a_hindi_plan(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session, plan = _planned(store, engine, coaching, Language.HI)
    english = [text for text in _plan_text(plan) if ENGLISH.search(text)]
    assert not english, english
    titles = [d.title for d in plan.drills]
    assert "तकनीकी ज्ञान वाले अपने उत्तर मज़बूत कीजिए" in titles, titles
    refs = [ref for d in plan.drills for ref in d.question_refs]
    # References are the report's own labels; the follow-up is labelled in Hindi wherever a drill names it.
    assert set(refs) <= set(feedback_labels(session)) and "Q2 अनुवर्ती" in feedback_labels(session), refs
    assert all(re.search(r"\d+(\.\d)?/10 मिले", d.reason) for d in plan.drills), [d.reason for d in plan.drills]
    target = plan.drills[0].delivery_target
    assert target is not None and target.label == "प्रति मिनट भराव शब्द अधिकतम 5 प्रति मिनट"


def test_an_english_plan_reads_as_before(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    """A guard, not a fix: the English wording is pinned to what the plan said before, except that a score
    is written as the report writes it ("0/10", "6.5/10"), not "0.0/10"."""
    session, plan = _planned(store, engine, coaching, Language.EN)
    by_key = {d.key: d for d in plan.drills}
    assert by_key["competency:technical knowledge"].title == "Strengthen your technical knowledge answers"
    assert re.fullmatch(r"Q\d( follow-up)? scored \d+(\.\d)?/10(, Q\d( follow-up)? scored \d+(\.\d)?/10)?",
                        by_key["competency:technical knowledge"].reason)  # fmt: skip
    gap = by_key["gap:Python"]
    assert gap.title == "Show Python with a concrete example"
    assert re.fullmatch(
        r"The job asks for Python and the interview showed no evidence of it \(Q\d( follow-up)? scored \d+(\.\d)?/10\)",
        gap.reason,
    ), gap.reason
    assert gap.points[0] == "A real piece of work where you used Python, with its result"
    target = plan.drills[0].delivery_target
    assert target is not None and target.label == "fillers per minute at most 5 per minute"
    assert "Q2 follow-up" in [r.ref for r in question_results(session)]


def test_a_plan_stored_before_keeps_its_english_words(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    """A plan is stored whole: one written in English before, for a French interview, loads (its targets have
    no language) and keeps its words; only the evidence of drills ticked from now on is in French."""
    session = _spoken(engine, Language.FR)
    store.save_session(session)
    old = build_plan(
        session.id,
        question_results(session),
        session.reports.performance.skill_gaps,  # type: ignore[union-attr]
        FILLERY,
        guidance_bands("fr"),
    )
    data = json.loads(old.model_dump_json())
    for drill in data["drills"]:
        if drill["delivery_target"] is not None:
            drill["delivery_target"].pop("language", None)  # as a plan stored before the field existed
    store.save_plan(old)
    with store._db.transaction() as conn:
        conn.execute(
            "UPDATE practice_plans SET data = ? WHERE session_id = ?", (json.dumps(data), str(session.id))
        )
    loaded = coaching.plan(session.id)
    assert [d.title for d in loaded.drills] == [d.title for d in old.drills]
    target = loaded.drills[0].delivery_target
    assert target is not None and target.language is Language.EN
    assert target.label == "fillers per minute at most 5 per minute"
    _pass_spoken(store, session.id, loaded.drills[0].question_ids)
    ticked = coaching.plan(session.id).drills[0]
    assert ticked.done and ticked.title == old.drills[0].title
    assert " reprise le " in ticked.done_evidence and "8,2/10 par la grille hors ligne" in ticked.done_evidence
