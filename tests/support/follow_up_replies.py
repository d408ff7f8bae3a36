"""A follow-up reply scored through the interview's own path (`engine.offline.assess.score_turn`): a main bank
question with the candidate's first answer, then the offline interviewer's probe and its reply."""

from __future__ import annotations

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Language, QuestionKind, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.scoring import AnswerScore
from mockmate_desktop.engine.offline.assess import score_turn
from mockmate_desktop.engine.offline.bank import BankEntry, QuestionBank
from mockmate_desktop.engine.offline.follow_up_texts import probe, probe_points


def score_probe_reply(
    bank: QuestionBank, entry: BankEntry, language: Language, key: str, first: str, reply: str
) -> AnswerScore:
    """The reply to probe `key` after `first` was said to `entry`'s question, scored as the interview does."""
    config = InterviewConfig(job_title="Data Analyst", question_count=5, language=language)
    session = InterviewSession(config=config)
    main = Question(
        session_id=session.id,
        position=0,
        text=entry.text_in(language) or "",
        source=Source.OFFLINE,
        expected_points=list(entry.points_in(language)),
    )
    follow = Question(
        session_id=session.id,
        position=1,
        text=probe(key, language),
        source=Source.OFFLINE,
        kind=QuestionKind.FOLLOW_UP,
        parent_id=main.id,
        expected_points=probe_points(key, language),
        probe=key,
    )
    session.questions = [main, follow]
    session.answers = [
        Answer(session_id=session.id, question_id=main.id, transcript=first),
        Answer(session_id=session.id, question_id=follow.id, transcript=reply),
    ]
    _entry, _behavioural, score = score_turn(session, bank, follow, session.answers[1], [])
    return score
