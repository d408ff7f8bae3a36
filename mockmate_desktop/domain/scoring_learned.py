"""The learned combination of the rubric by meaning: how the criteria and the relevance readings become one
score, with coefficients fitted on the training four fifths of the development set
(`python -m tests.support.fit_scoring`, grouped cross-validation by question).

Two small linear parts, both readable:
- how likely the answer is to be on the question asked (a logistic model over the bank margin, the bank z and
  the z against other interview questions);
- how good it is if it is (a linear model with non-negative weights over structure, specificity,
  completeness and length, and a non-positive one over the share of general claims), on the 1-5 grade scale,
  with no intercept: an answer with no structure, specifics, coverage or length is grade 1 and earns 0.

The score is the second mapped to 0-10, times a floor plus the rest of the first (an answer the readings
are unsure about keeps part of its quality); the caps of `scoring_by_meaning.apply_caps`
(keyword lists, padding, "I don't know", another question) then hold gaming down as before. Every input is
also a criterion or a reading the report shows with its evidence, so the score can always be explained.

Cosines sit higher in French than in English or Hindi, so each input is first moved onto a common scale with
the per-language mean and spread measured on the training answers (`LanguageScale`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .meaning import MeaningSignals
from .scoring_meaning import MeaningFeatures

# From this probability the answer is read as on the question asked: below it the report says the answer is
# only partly tied to the question (the probability multiplies its score), and only from it is "answers the
# question asked" said. On the development set's training answers, 34 of 36 excellent answers and 2 of 36
# right answers to the wrong question reach it (docs/issue-notes/issue-13e.md, where it was chosen as the
# praise threshold 8/10).
CLEARLY_ON_QUESTION = 0.8
# Below an even chance the learned reading finds the answer likelier off the question than on it, so "partly
# tied" would overstate it: a four-word "I would ask someone." read at 1% was called partly tied. Such an
# answer is too short to be held down as off topic (`MeaningModel.off_topic_min_words`), so the wording alone
# says it.
HARDLY_ON_QUESTION = 0.5

# The inputs, each on a bounded scale so that one extreme reading cannot dominate.
ON_QUESTION_INPUTS = ("bank_margin", "bank_z", "relevance_z")
QUALITY_INPUTS = ("structure", "specificity", "completeness", "length", "claims")


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def inputs(signals: MeaningSignals, f: MeaningFeatures, criteria: dict[str, float]) -> dict[str, float]:
    """The model's raw inputs. `criteria` holds the 0-10 criterion scores by name."""
    # With neither expected points nor a model answer there is nothing to be complete against (no such
    # criterion): the other two content criteria stand in for it rather than a zero that would sink the score.
    completeness = criteria.get(
        "completeness", (criteria.get("structure", 0.0) + criteria.get("specificity", 0.0)) / 2
    )
    return {
        # Without bank vectors the bank readings are neutral (0): the distractor z then decides alone.
        "bank_margin": _clip(signals.bank_margin or 0.0, -0.3, 0.3) / 0.3,
        "bank_z": _clip(signals.bank_z or 0.0, -2.0, 4.0) / 4.0,
        "relevance_z": _clip(f.margin / 4.0, -1.0, 1.0),
        "structure": criteria.get("structure", 0.0) / 10,
        "specificity": criteria.get("specificity", 0.0) / 10,
        "completeness": completeness / 10,
        "length": f.length,
        "claims": f.claim_share,
    }


@dataclass(frozen=True)
class LanguageScale:
    """x -> x * scale + shift per language and input: the language's training mean and spread mapped onto
    those of all training answers. A language not listed uses English's."""

    by_language: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)

    def apply(self, language: str, values: dict[str, float]) -> dict[str, float]:
        table = self.by_language.get(language) or self.by_language.get("en") or {}
        return {k: v * table.get(k, (1.0, 0.0))[0] + table.get(k, (1.0, 0.0))[1] for k, v in values.items()}


@dataclass(frozen=True)
class LearnedModel:
    scale: LanguageScale
    on_intercept: float
    on_weights: dict[str, float]  # logistic, on the scaled inputs
    quality_intercept: float
    quality_weights: dict[str, float]  # grade 1-5 scale, on the scaled inputs
    # Share of the quality kept whatever the probability: an answer the readings are unsure about keeps some
    # credit (the caps, not this product, hold down answers that are clearly to another question).
    on_floor: float = 0.0
    # Share of the score that delivery outside the bands can take off (never add): delivery is not in the
    # typed development set, so this is set by hand.
    delivery_share: float = 0.10

    def on_question(self, x: dict[str, float]) -> float:
        z = self.on_intercept + sum(w * x[k] for k, w in self.on_weights.items())
        return 1.0 / (1.0 + math.exp(-_clip(z, -30.0, 30.0)))

    def quality(self, x: dict[str, float]) -> float:
        grade = self.quality_intercept + sum(w * x[k] for k, w in self.quality_weights.items())
        return _clip(10.0 * (grade - 1.0) / 4.0, 0.0, 10.0)

    def score(self, language: str, raw: dict[str, float]) -> tuple[float, float, float]:
        """(score 0-10 before caps and delivery, probability of being on the question, quality 0-10)."""
        x = self.scale.apply(language, raw)
        p = self.on_question(x)
        q = self.quality(x)
        return q * (self.on_floor + (1.0 - self.on_floor) * p), p, q


# Fitted by `python -m tests.support.fit_scoring` on the 360 training answers, hi/fr questions scored with their
# translated points and the English wording of each point (nested cross-validated Spearman 0.794; see the
# issue note): on-question penalty 10, quality penalty 30 and floor 0.0 chosen by 4-fold grouped CV (0.802).
# Refitted in issue 13g after the French and Hindi reasoning cues; the on-question part did not change.
# Replace with that script's printout after any change to the inputs.
DEFAULT_LEARNED = LearnedModel(
    scale=LanguageScale(
        {
            "en": {
                "bank_margin": (1.0017, 0.0048),
                "bank_z": (1.0369, -0.0586),
                "relevance_z": (0.9919, -0.0675),
                "structure": (0.9907, -0.0136),
                "specificity": (0.8768, -0.0211),
                "completeness": (0.9749, -0.0055),
                "length": (0.967, 0.0247),
                "claims": (0.864, -0.0027),
            },
            "fr": {
                "bank_margin": (1.0505, -0.0237),
                "bank_z": (0.9765, 0.033),
                "relevance_z": (1.0387, 0.0391),
                "structure": (0.9789, 0.0144),
                "specificity": (1.0296, 0.0027),
                "completeness": (1.0219, 0.0002),
                "length": (1.0987, -0.1142),
                "claims": (1.035, 0.0031),
            },
            "hi": {
                "bank_margin": (0.961, 0.0178),
                "bank_z": (0.9971, 0.0182),
                "relevance_z": (1.0056, 0.015),
                "structure": (1.036, -0.003),
                "specificity": (1.2203, 0.0054),
                "completeness": (1.0078, 0.0038),
                "length": (0.987, 0.0445),
                "claims": (1.1815, -0.0035),
            },
        }
    ),
    on_intercept=0.7395,
    on_weights={
        "bank_margin": 3.5101,
        "bank_z": 2.3884,
        "relevance_z": 1.5172,
    },
    quality_intercept=1.0,
    quality_weights={
        "structure": 1.1301,
        "specificity": 0.9097,
        "completeness": 0.9434,
        "length": 1.0721,
        "claims": -0.358,
    },
    on_floor=0.0,
)
