"""The interview vocabulary (pure) and its Whisper arguments."""

from __future__ import annotations

from mockmate_desktop.domain.vocabulary import (
    InterviewVocabulary,
    Vocabulary,
    VocabularyConfig,
    canonicalise,
    spelling_key,
    transliterate_devanagari,
)
from mockmate_desktop.speech.vocabulary_prompt import whisper_prompt

JD = "Backend engineer: Python, PostgreSQL, Redis, Kafka, Kubernetes, Docker, AWS, GraphQL, React."
RESUME = "Built services in Django and Terraform at Acme."


def vocabulary(question: str = "How did you scale PostgreSQL?") -> Vocabulary:
    interview = InterviewVocabulary.build(job_text=JD, resume_text=RESUME, extra=["Acme Corp"])
    return interview.for_question(question)


def test_question_terms_come_first_then_the_job_then_employers_then_the_resume() -> None:
    terms = vocabulary("Tell me about Terraform and Kafka.").terms
    assert terms[:2] == ("Terraform", "Kafka")
    assert terms.index("Python") < terms.index("Acme Corp") < terms.index("Django")
    assert len(terms) == len(set(terms))
    # Refreshed per question: another question puts its own terms first.
    assert vocabulary("What did you do with React?").terms[0] == "React"


def test_the_prompt_keeps_whole_terms_within_the_budget() -> None:
    many = Vocabulary(tuple(f"Term{i:03d}" for i in range(200)), VocabularyConfig(max_prompt_chars=100))
    prompt = many.prompt()
    assert len(prompt) <= 100 and prompt.endswith(".")
    assert all(t.startswith("Term") and len(t) == 7 for t in prompt.rstrip(".").split(", "))
    assert Vocabulary(()).prompt() == ""


def test_near_misses_become_the_canonical_spelling() -> None:
    text = "we used postgres sql and post-grisql, then reddis and Kuber netties with terra form."
    out = canonicalise(text, vocabulary())
    assert out.text == "we used PostgreSQL and PostgreSQL, then Redis and Kubernetes with Terraform."
    assert {r.term for r in out.replacements} == {"PostgreSQL", "Redis", "Kubernetes", "Terraform"}


def test_ordinary_words_are_left_alone() -> None:
    text = "I read the post, and the rest was ready. The process was rapid; we had a great deal of data."
    assert canonicalise(text, vocabulary()).text == text


def test_terms_outside_the_vocabulary_are_not_forced_in() -> None:
    # "Kotlin" is not in this interview's vocabulary: a near-miss of it stays as heard.
    assert canonicalise("we wrote it in cotlin", vocabulary()).text == "we wrote it in cotlin"


def test_hindi_transliterations_of_terms_are_canonicalised() -> None:
    out = canonicalise("हमने पायथन और कुबेरनेटीस इस्तेमाल किया", vocabulary())
    assert out.text == "हमने Python और Kubernetes इस्तेमाल किया"
    assert transliterate_devanagari("पायथन") == "payathan"
    assert spelling_key("Post-gre SQL") == "postgresql"


def test_french_near_misses_are_canonicalised() -> None:
    out = canonicalise("nous avons utilisé postgres sql et kubernetès", vocabulary())
    assert out.text == "nous avons utilisé PostgreSQL et Kubernetes"


def test_whisper_arguments_by_mode() -> None:
    v = vocabulary()
    assert whisper_prompt(v, "prompt") == {"initial_prompt": v.prompt(), "hotwords": None}
    assert whisper_prompt(v, "hotwords") == {"initial_prompt": None, "hotwords": v.prompt()}
    both = whisper_prompt(v, "both", "Um, uh.")
    assert both["hotwords"] == v.prompt() and both["initial_prompt"] == f"{v.prompt()} Um, uh."
    assert whisper_prompt(None, "prompt") == {"initial_prompt": None, "hotwords": None}
