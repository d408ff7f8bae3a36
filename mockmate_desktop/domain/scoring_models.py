"""The records of the answer rubric: its input, each criterion, and the scored answer.

`AnswerScore` is read by the follow-up logic (off_topic, star, covered_points, missing_points, numbers):
fields are only ever added, never renamed or given a new meaning.
"""

from __future__ import annotations

from pydantic import Field

from .delivery import DeliveryMetrics
from .meaning import MeaningSignals
from .probe_evidence import ProbeReply
from .records import Model
from .reports import StarPresence
from .scoring_meaning import PointCoverage


class Criterion(Model):
    name: str
    score: float = Field(ge=0.0, le=10.0)
    weight: float
    explanation: str
    evidence: list[str] = Field(default_factory=list)


class AnswerScore(Model):
    score: float = Field(ge=0.0, le=10.0)
    criteria: list[Criterion]
    caps: list[str] = Field(default_factory=list, description="why the score was held down, if it was")
    word_count: int
    star: StarPresence | None = None
    covered_points: list[str] = Field(default_factory=list)
    missing_points: list[str] = Field(default_factory=list)
    jd_terms_used: list[str] = Field(default_factory=list)
    tools: list[str] = Field(default_factory=list)
    numbers: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    thin: bool = False
    vague: bool = False
    off_topic: bool = False
    method: str = Field(
        default="keywords", description="'meaning' (embedding model) or 'keywords' (fallback)"
    )
    model: str = Field(default="", description="the embedding model when method is 'meaning'")
    points: list[PointCoverage] = Field(
        default_factory=list, description="each expected point: covered / partly / missing, with its quote"
    )
    relevance_margin: float | None = Field(
        default=None,
        description="z of the cosine to the question among the cosines to other interview questions",
    )
    wrong_question: bool = Field(default=False, description="closer to another interview question")
    loosely_related: bool = Field(
        default=False,
        description="held down as off the question because it is only loosely tied to it and covers no expected "
        "point, not because another question fits it better",
    )
    partly_on_question: bool = Field(
        default=False,
        description="not held down as off the question, but the learned reading puts it on the question asked "
        "with a probability below scoring_learned.CLEARLY_ON_QUESTION, which lowers its score",
    )
    dont_know: bool = False
    stuffed: bool = Field(default=False, description="a list of keywords or STAR labels, not a story")
    padded: bool = Field(default=False, description="repeated or filler text")
    keyword_share: float = Field(
        default=0.0, description="share of words in fragments of three words or fewer"
    )
    star_labels: int = Field(default=0, description="STAR headings ('Situation:') in the answer")
    repeated_share: float = Field(default=0.0, description="share of the text that repeats earlier text")
    filler_share: float = Field(default=0.0, description="filler words per word")

    def criterion(self, name: str) -> Criterion | None:
        return next((c for c in self.criteria if c.name == name), None)

    @property
    def missed_question(self) -> bool:
        """The answer does not answer the question asked: off topic, to another question, "I don't know", or a
        list of keywords. One reading for every view, so a report that lists an answer as missed never
        praises it as on the question, whichever scorer made it (the keyword scorer's `off_topic` does not
        include "I don't know")."""
        return self.off_topic or self.wrong_question or self.dont_know or self.stuffed

    @property
    def star_missing(self) -> list[str]:
        if self.star is None:
            return []
        return [part for part, present in self.star.model_dump().items() if not present]


class ScoringInput(Model):
    question: str
    expected_points: list[str] = Field(default_factory=list)
    jd_terms: list[str] = Field(default_factory=list, description="skills named in the job description")
    behavioural: bool = False
    transcript: str = ""
    delivery: DeliveryMetrics | None = None
    context: str = Field(
        default="",
        description="the earlier answer a follow-up completes; counts for STAR parts and ties a probe's reply to "
        "it, never quoted",
    )
    reference: str = Field(default="", description="the model answer, compared by meaning when available")
    probe: str = Field(
        default="",
        description="for a follow-up, the probe whose rubric `expected_points` are (its key in the offline "
        "follow-up texts): its points are also read from the reply's structure; empty for any other question",
    )
    topic: str = Field(
        default="",
        description="with `probe`: what it digs into (the main question, its rubric and model answer); the "
        "reply must be tied to it or to `context` for its structure to count",
    )

    @property
    def probe_reply(self) -> ProbeReply | None:
        """The probe this answer replies to, with what it digs into; None for any other question."""
        if not self.probe:
            return None
        return ProbeReply(probe=self.probe, topic=self.topic, answered=self.context)

    meaning: MeaningSignals | None = Field(
        default=None, description="similarities from the embedding adapter; None scores by keywords"
    )
