"""Similarities by meaning between an answer and what was asked, computed by an embedding adapter.

The domain never embeds anything: `engine/semantic` fills this record from its model and the scorer reads it.
Every list is indexed by the answer sentences (`sentences`), so a quote can always be shown.
"""

from __future__ import annotations

from pydantic import Field

from .records import Model

STAR_PARTS = ("situation", "task", "action", "result")


class MeaningSignals(Model):
    model: str = Field(description="the embedding model that produced these similarities")
    sentences: list[str] = Field(description="the answer sentences, verbatim, in order")
    question: float = Field(description="cosine of the whole answer (mean of its sentences) to the question")
    question_by_sentence: list[float] = Field(default_factory=list)
    distractor: float = Field(
        description="the highest cosine of the answer to other interview questions (not the one asked)"
    )
    distractor_mean: float = Field(default=0.0, description="mean cosine of the answer to those questions")
    distractor_spread: float = Field(default=0.0, description="their standard deviation")
    points: list[list[float]] = Field(
        default_factory=list, description="per expected point, its cosine to every answer sentence"
    )
    star: dict[str, list[float]] = Field(
        default_factory=dict, description="per STAR part, each sentence's cosine to examples of that part"
    )
    reference: float | None = Field(default=None, description="cosine of the answer to the model answer")
    baseline: list[tuple[float, float]] = Field(
        default_factory=list,
        description="for the question, then each point: mean and spread of its cosines to generic answers",
    )
    language: str = Field(
        default="en", description="the answer's language (en, fr, hi) as the adapter read it"
    )
    claims: list[float] = Field(
        default_factory=list,
        description="per sentence, its highest cosine to examples of general claims that say nothing concrete",
    )
    bank_margin: float | None = Field(
        default=None,
        description="how much better the answer fits the question asked than the best-fitting other question "
        "of the bank (question, points and model answer together); negative: another question fits better",
    )
    bank_rival: str = Field(default="", description="that best-fitting other bank question")
    bank_z: float | None = Field(
        default=None,
        description="how many standard deviations the fit to the question asked stands above the fits to all "
        "other bank questions: near 0 for an answer about nothing in particular",
    )
