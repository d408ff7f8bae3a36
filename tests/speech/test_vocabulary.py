"""The interview vocabulary (pure) and its Whisper arguments."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.vocabulary import (
    InterviewVocabulary,
    PromptForm,
    Vocabulary,
    VocabularyConfig,
    canonicalise,
    spelling_key,
    transliterate_devanagari,
)
from mockmate_desktop.speech.live import uses_short_window
from mockmate_desktop.speech.vocabulary_prompt import live_prompt_form, whisper_prompt

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
    # The list: the most important terms last, nearest the speech.
    listed = many.prompt()
    assert len(listed) <= 100 and listed.endswith(".")
    assert all(t.startswith("Term") and len(t) == 7 for t in listed.rstrip(".").split(", "))
    assert listed.rstrip(".").split(", ")[-1] == "Term000" and "Term199" not in listed
    # The sentence: the most important terms first.
    sentence = many.prompt("sentence")
    assert len(sentence) <= 100 and sentence.startswith("In this interview I talk about Term000, Term001")
    named = sentence.removeprefix("In this interview I talk about ").rstrip(".").replace(" and ", ", ")
    assert all(t.startswith("Term") and len(t) == 7 for t in named.split(", ")) and "Term199" not in sentence
    assert Vocabulary(()).prompt() == "" and Vocabulary(()).prompt("sentence") == ""
    assert Vocabulary(("Kafka",)).prompt("sentence") == "In this interview I talk about Kafka."


def test_near_misses_become_the_canonical_spelling() -> None:
    text = "we used postgres sql and post-grisql, then reddis and Kuber netties with terra form."
    out = canonicalise(text, vocabulary())
    assert out.text == "we used PostgreSQL and PostgreSQL, then Redis and Kubernetes with Terraform."
    assert {r.term for r in out.replacements} == {"PostgreSQL", "Redis", "Kubernetes", "Terraform"}


def test_ordinary_words_are_left_alone() -> None:
    text = "I read the post, and the rest was ready. The process was rapid; we had a great deal of data."
    assert canonicalise(text, vocabulary()).text == text


def test_aliases_that_are_other_words_and_extra_words_are_never_rewritten() -> None:
    # Each of these was rewritten before (false canonicalisations on the spoken set's tune split): an alias
    # that is another word ("ml models", "ipython", "kubernetes cluster") pulled ordinary words in, and a
    # longer span swallowed a neighbour ("an Android", "Prometheus a").
    vocab = Vocabulary(
        (
            "Machine learning",
            "Jupyter",
            "Kubernetes",
            "Android",
            "Prometheus",
            "Dashboards",
            "Java",
            "Tailwind CSS",
        )
    )
    for text in (
        "We trained the models in Python.",
        "We ran Kubernetes clusters on a budget.",
        "It shipped on an Android phone and Prometheus alerts fired.",
        "I built the dashboard in Java 8 and EKS.",
        "The styles were in Tailwind.",
    ):
        assert canonicalise(text, vocab).text == text


def test_no_term_is_inserted_into_answers_that_never_said_it() -> None:
    """Every spoken-set reference canonicalised against every job's vocabulary: text with no misheard term in
    it must come back unchanged (the false-canonicalisation check of the bench, without Whisper)."""
    from mockmate_desktop.services.spoken_bench import vocabulary_for
    from mockmate_desktop.speech.spoken_set import load_set

    answers = [a for a in load_set() if a.language == "en"]
    vocabularies = {a.job.key: vocabulary_for(a) for a in answers}
    changed = [
        (a.id, r)
        for a in answers
        for v in vocabularies.values()
        for r in canonicalise(a.reference, v).replacements
        if r.heard.lower() != r.term.lower()
    ]
    assert changed == []


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


def test_answers_take_the_silence_setting_and_the_question_vocabulary() -> None:
    from uuid import uuid4

    from mockmate_desktop.core.settings import Settings
    from mockmate_desktop.domain.enums import Source
    from mockmate_desktop.domain.interview import Question
    from mockmate_desktop.services.answer_sources import question_vocabulary
    from mockmate_desktop.speech.live import answer_config

    settings = Settings(answer_end_silence_s=6.0)
    question = Question(
        session_id=uuid4(), position=0, text="How would you use Kafka here?", source=Source.OFFLINE
    )
    interview = InterviewVocabulary.build(job_text=JD)
    vocab = question_vocabulary(interview, question)
    assert vocab is not None and vocab.terms[0] == "Kafka"
    assert question_vocabulary(None, question) is None
    config = answer_config(settings, "fr", vocabulary=vocab)
    assert config.segmenter.end_silence_s == 6.0 and config.end_of_turn is not None
    assert config.end_of_turn.finished_silence_s == 6.0 and config.end_of_turn.language == "fr"
    assert not config.end_of_turn.end_before_speech and config.vocabulary is vocab
    assert Settings().answer_end_silence_s == 5.0


def test_the_role_leads_the_prompt() -> None:
    interview = InterviewVocabulary.build(job_text=JD, role="  Backend   engineer ")
    listed = interview.for_question().prompt()
    assert listed.startswith("Backend engineer interview. ") and listed.endswith("PostgreSQL, Python.")
    sentence = interview.for_question().prompt("sentence")
    assert sentence.startswith("In this Backend engineer interview I talk about Python, PostgreSQL, ")
    assert sentence.endswith(" and React.")


@pytest.mark.parametrize(
    "model,language,form",
    [("base", "en", "sentence"), ("base", "hi", "list"), ("base", "fr", "list"), ("tiny.en", "en", "list")],
)
def test_live_passes_name_the_terms_in_a_sentence_only_where_that_was_measured(
    model: str, language: str, form: PromptForm
) -> None:
    """The sentence was measured on base's short-window English live passes (issue-15e.md); the rest keep the
    list."""
    vocab = vocabulary()
    args = whisper_prompt(vocab, "prompt", form=live_prompt_form(uses_short_window(model, language)))
    assert args["initial_prompt"] == vocab.prompt(form)
    assert whisper_prompt(vocab, "prompt")["initial_prompt"] == vocab.prompt("list")
