"""The interview's summary and its Markdown export do not contradict themselves: a strength is never listed
beside an improvement that says the opposite, a short sentence is not called a keyword list, and a typed
interview's delivery section does not read as measured zeros, and the weakest part of an answer comes with what
to do about it."""

from __future__ import annotations

from mockmate_desktop.domain.answer_quality import assess_text
from mockmate_desktop.domain.enums import AnswerMode, Language, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.report_text import render_markdown
from mockmate_desktop.domain.reports import ReportSet
from mockmate_desktop.domain.scoring_models import AnswerScore, Criterion
from mockmate_desktop.engine.offline import texts
from mockmate_desktop.engine.offline.assess import Turn
from mockmate_desktop.engine.offline.feedback_texts import weakest_hint
from mockmate_desktop.engine.offline.report_builder import strengths_and_improvements
from mockmate_desktop.services.practice import PracticeRequest, practise_offline
from mockmate_desktop.services.reports import delivery_report
from tests.support.offline_sessions import answered_session

STAY_ON_QUESTION = texts.STRENGTH_OF["relevance"]["en"]


def _turn(
    number: int, relevance: float, *, off_topic: bool = False, dont_know: bool = False, score: float | None = None
) -> Turn:
    question = Question(position=number - 1, text=f"Question {number}?", source=Source.OFFLINE)
    criteria = [
        Criterion(name=name, score=relevance if name == "relevance" else 7.0, weight=0.25, explanation="-")
        for name in ("relevance", "structure", "specificity", "completeness")
    ]
    return Turn(
        number=number,
        label=f"Q{number}",
        question=question,
        answer=Answer(question_id=question.id, transcript="An answer that was given."),
        entry=None,
        behavioural=False,
        score=AnswerScore(
            score=relevance / 2 if score is None else score, criteria=criteria, off_topic=off_topic, dont_know=dont_know, word_count=5
        ),
    )


def test_staying_on_the_question_is_no_strength_when_an_answer_missed_it() -> None:
    turns = [_turn(1, 9.5), _turn(2, 9.5), _turn(3, 2.0, off_topic=True)]
    strengths, improvements = strengths_and_improvements(turns, Language.EN)
    assert any("Q3" in line and "missed it" in line for line in improvements), improvements
    assert not any(STAY_ON_QUESTION in line for line in strengths), strengths


def test_a_keyword_scored_dont_know_is_listed_as_missed_and_never_as_a_strong_answer() -> None:
    # The keyword scorer marks "I don't know" without marking it off topic; the summary says it names such
    # answers, so it must list them, and a high score from elsewhere must not make it a "strong answer".
    turns = [_turn(1, 9.5), _turn(2, 9.5), _turn(3, 9.5, dont_know=True, score=7.0)]
    strengths, improvements = strengths_and_improvements(turns, Language.EN)
    assert any("Q3" in line and "missed it" in line for line in improvements), improvements
    assert not any("Q3" in line for line in strengths), strengths
    assert not any(STAY_ON_QUESTION in line for line in strengths), strengths


def test_staying_on_the_question_is_a_strength_when_every_answer_did() -> None:
    strengths, _ = strengths_and_improvements([_turn(1, 9.5), _turn(2, 8.0)], Language.EN)
    assert any(STAY_ON_QUESTION in line for line in strengths), strengths
    # Written as the category scores are: "7/10", not "7.0/10"; a mean keeps one decimal.
    assert any(line.endswith("(7/10)") for line in strengths), strengths
    assert any(line.endswith("(8.8/10)") for line in strengths), strengths


def test_one_short_sentence_is_not_a_keyword_list_but_a_list_is() -> None:
    for sentence in ("I don't know.", "Again, I prioritised.", "Je ne sais pas.", "मुझे नहीं पता।"):
        assert not assess_text(sentence).stuffed, sentence
    for listing in ("Python, SQL, Docker", "Situation: team. Task: deliver. Action: Agile, Scrum, Jira."):
        assert assess_text(listing).stuffed, listing


def _typed_session() -> InterviewSession:
    session, engine = answered_session(
        {"job_title": "Backend", "job_description": "Python, PostgreSQL", "language": "en"},
        "I would use PostgreSQL with an index and check the query plan first.",
        AnswerMode.TYPED,
    )
    session.reports = ReportSet(summary=engine.summary_report(session), delivery=delivery_report(session))
    return session


def test_a_typed_interviews_analysis_counts_no_unmeasured_zeros() -> None:
    session, engine = answered_session(
        {"job_title": "Backend", "job_description": "Python, PostgreSQL", "language": "en"},
        "I would use PostgreSQL with an index and check the query plan first.",
        AnswerMode.TYPED,
    )
    text = engine.performance_report(session).quantitative_analysis
    assert "pace: not measured (typed); fillers: —; long pauses: —;" in text, text
    assert "named tools: 1." in text, text


def test_a_typed_interviews_pdf_has_no_table_of_zeros() -> None:
    from mockmate_desktop.domain.report_html import report_document

    page = report_document(_typed_session()).html
    delivery = page.split("Delivery</h2>", 1)[1]
    assert "No spoken answers in this interview" in delivery
    assert "Whole interview" not in delivery and "<table" not in delivery and "0 s" not in delivery
    assert "Pace: 100–165 wpm" in delivery


def test_a_typed_interview_exports_no_measured_zeros_and_names_its_bands() -> None:
    markdown = render_markdown(_typed_session())
    delivery = markdown.split("## Delivery", 1)[1]
    assert "No spoken answers in this interview" in delivery
    assert "Pace: 0" not in delivery and "Words: 0" not in delivery
    # The bands are named as the window names them, not by their ids, and "at most 5" is not "–5".
    assert "words_per_minute" not in delivery and "fillers_per_minute" not in delivery
    assert "Pace: 100-165 wpm" in delivery and "at most 5 per minute" in delivery
    assert "–5" not in delivery


def test_the_weakest_part_comes_with_what_to_do_about_it() -> None:
    """An answer that needs nothing else was told only "Structure 7.3/10 is the weakest part of this answer"."""
    result = practise_offline(
        PracticeRequest(
            question="How did you make a slow API endpoint faster?",
            answer=(
                "Last year our checkout API got slow at peak. I profiled it and found an N plus one query in the "
                "order history endpoint. I rewrote it with a join and added an index on customer id, then cached "
                "the hot results in Redis for sixty seconds. The slowest five percent went from eight seconds to "
                "400 milliseconds, and the error budget stopped burning."
            ),
            language=Language.EN,
            question_type="technical",  # type: ignore[arg-type]
        )
    )
    assert result.to_improve == [
        "Structure 7.3/10 is the weakest part of this answer: give the steps in order and say why "
        "(first…, then…, because…)"
    ], result.to_improve
    for language in Language:
        for criterion in ("relevance", "structure", "specificity", "completeness", "delivery"):
            assert weakest_hint(criterion, language, behavioural=False)
        assert weakest_hint("structure", language, True) != weakest_hint("structure", language, False)


def test_named_tools_are_listed_in_the_answers_own_words() -> None:
    """"named tools or skills: (Caching, Redis, Site reliability engineering)" named a skill the candidate
    never said; the evidence is now what they said."""
    result = practise_offline(
        PracticeRequest(
            question="How did you make a slow API endpoint faster?",
            answer=(
                "I profiled the endpoint, cached the hot results in Redis for sixty seconds, and the error budget "
                "stopped burning within a week."
            ),
            language=Language.EN,
            question_type="technical",  # type: ignore[arg-type]
        )
    )
    specificity = next(c for c in result.criteria if c["name"] == "specificity")
    assert "(cached, Redis, error budget)" in str(specificity["explanation"]), specificity
    assert "Site reliability engineering" not in str(specificity["explanation"])


def test_delivery_advice_names_the_band_that_was_missed_and_no_other() -> None:
    # A fast answer without a filler or a long pause: "fewer fillers and long pauses" contradicted the
    # delivery tab, so the line says which band was missed, with its figure.
    from mockmate_desktop.domain.delivery import DeliveryMetrics

    fast = DeliveryMetrics(duration_s=15, speaking_time_s=15, word_count=60, words_per_minute=240)
    turns = []
    for number in (1, 2):
        turn = _turn(number, 8.0)
        turn.answer.delivery = fast
        turn.score.criteria.append(Criterion(name="delivery", score=5.0, weight=0.2, explanation="-"))
        turns.append(turn)
    for language, said in (
        (Language.EN, "Work on your delivery: Pace: 240 wpm, outside the 100-165 wpm band"),
        (Language.FR, "Travaillez votre élocution : Débit : 240"),
    ):
        _, improvements = strengths_and_improvements(turns, language)
        improvements = [line.replace("\u00a0", " ") for line in improvements]  # French puts a no-break space
        delivery = [line for line in improvements if line.startswith(said.split(":")[0])]
        assert len(delivery) == 1 and delivery[0].startswith(said), improvements
        assert "filler" not in delivery[0] and "remplissage" not in delivery[0] and "/10" not in delivery[0]
