"""Builds answers.jsonl and questions.json from the hand-written answers (authored_*.json) and the question bank.

Run from the repository root: `python tests/data/scoring/build_set.py`. Deterministic: no randomness, so the
files it writes are reproducible. See README.md for the kinds and the grading rubric.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
BANK = HERE.parents[2] / "assets" / "question_bank"

# kind -> grade, from the rubric in README.md
GRADES = {
    "excellent": 5,
    "synonym": 5,
    "good": 4,
    "short": 4,
    "partial": 3,
    "vague": 2,
    "padded": 2,
    "stuffed": 1,
    "wrong_question": 1,
    "off_topic": 1,
}

_STUFF = {
    "en": [
        "Situation: {a}. Task: {b}. Action: I analysed, prioritised, coordinated, optimised and delivered {c}. "
        "Tools: {tools}. Result: 100% success, {d}, best practices, high impact.",
        "{a}, {b}, {c}, {d}, {tools}, scalability, best practices, stakeholder alignment, synergy, agile, "
        "data-driven, ownership, results.",
        "Key points: {a}; {b}; {c}; {d}. Skills: {tools}, leadership, communication, problem solving. "
        "STAR: situation, task, action, result. Impact: 100%.",
    ],
    "fr": [
        "Situation : {a}. Tâche : {b}. Action : j'ai analysé, priorisé, coordonné, optimisé et livré {c}. "
        "Outils : {tools}. Résultat : 100 % de réussite, {d}, bonnes pratiques, fort impact.",
        "{a}, {b}, {c}, {d}, {tools}, scalabilité, bonnes pratiques, alignement des parties prenantes, agilité, "
        "pilotage par la donnée, résultats.",
        "Points clés : {a} ; {b} ; {c} ; {d}. Compétences : {tools}, leadership, communication, résolution "
        "de problèmes. STAR : situation, tâche, action, résultat. Impact : 100 %.",
    ],
    "hi": [
        "स्थिति: {a}। कार्य: {b}। कार्रवाई: analysis, prioritisation, coordination, optimisation, delivery, {c}। "
        "Tools: {tools}। परिणाम: 100% success, {d}, best practices, high impact।",
        "{a}, {b}, {c}, {d}, {tools}, scalability, best practices, stakeholder alignment, agile, data-driven, "
        "ownership, results।",
        "मुख्य बातें: {a}; {b}; {c}; {d}। Skills: {tools}, leadership, communication, problem solving। "
        "STAR: situation, task, action, result। Impact: 100%।",
    ],
}
_TOOLS = "Python, Java, Go, SQL, PostgreSQL, Kafka, Docker, Kubernetes, AWS, Jira"

_PAD = {
    "en": (
        "Um, so, basically, that is a really good question, and, you know, it is a very important topic. ",
        " Like I said, basically, {first} And, um, yes, I think that is really, really important in every "
        "company, you know, because it is important. So, yeah, {first} That is basically it, I think.",
    ),
    "fr": (
        "Euh, alors, en fait, c'est une très bonne question, et, bon, c'est un sujet vraiment important. ",
        " Comme je disais, en fait, {first} Et, euh, voilà, je pense que c'est vraiment, vraiment important "
        "dans toutes les entreprises, quoi, parce que c'est important. Donc voilà, {first} C'est ça en fait.",
    ),
    "hi": (
        "अं, तो, मतलब, यह बहुत अच्छा सवाल है, और, यानी, यह बहुत ज़रूरी topic है। ",
        " जैसा मैंने कहा, मतलब, {first} और, अं, हाँ, मुझे लगता है यह हर company में बहुत, बहुत ज़रूरी है, "
        "यानी, क्योंकि यह ज़रूरी है। तो हाँ, {first} बस यही है, मतलब।",
    ),
}
_OFF_TOPIC = {
    "en": [
        "I don't know, sorry. I have never done that.",
        "Honestly I would rather talk about my hobbies: I play football on Sundays and I love cooking Italian food for my friends.",
        "I am not sure what you mean. Can we move to the next question?",
        "My favourite holiday was in Goa last year; the beaches were beautiful and the food was amazing.",
        "I don't know much about this, I never heard of it, but I am a fast learner.",
    ],
    "fr": [
        "Je ne sais pas, désolé. Je n'ai jamais fait ça.",
        "Franchement, je préfère parler de mes loisirs : je joue au football le dimanche et j'adore cuisiner pour mes amis.",
        "Je ne vois pas trop ce que vous voulez dire. On peut passer à la question suivante ?",
        "Mes meilleures vacances, c'était en Bretagne l'an dernier, les plages étaient magnifiques et on a très bien mangé.",
        "Je ne connais pas bien ce sujet, je n'en ai jamais entendu parler, mais j'apprends vite.",
    ],
    "hi": [
        "मुझे नहीं पता, माफ़ कीजिए। मैंने ऐसा कभी नहीं किया।",
        "सच कहूँ तो मैं अपने शौक़ के बारे में बात करना चाहूँगा: मैं रविवार को क्रिकेट खेलता हूँ और दोस्तों के लिए खाना बनाना पसंद करता हूँ।",
        "मुझे समझ नहीं आया आप क्या पूछ रहे हैं। क्या हम अगले सवाल पर चल सकते हैं?",
        "पिछले साल मेरी सबसे अच्छी छुट्टी गोवा में थी, समुद्र तट बहुत सुंदर थे और खाना भी बढ़िया था।",
        "इस बारे में मुझे ज़्यादा नहीं पता, कभी सुना नहीं, लेकिन मैं जल्दी सीखता हूँ।",
    ],
}


def _bank() -> dict[str, dict]:
    entries: dict[str, dict] = {}
    for path in sorted(BANK.glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            entries[entry["id"]] = entry
    return entries


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?।])\s+", text.strip())[0]


def _stuffed(language: str, index: int, points: list[str]) -> str:
    short = [re.split(r"[,:(]", p)[0].strip().lower() for p in points] + ["impact", "quality", "speed", "scale"]
    template = _STUFF[language][index % 3]
    return template.format(a=short[0], b=short[1], c=short[2], d=short[3], tools=_TOOLS)


def _translations() -> dict[str, dict[str, dict]]:
    found: dict[str, dict[str, dict]] = {}
    for language in ("fr", "hi"):
        path = BANK / "i18n" / f"{language}.json"
        if path.is_file():
            found[language] = json.loads(path.read_text(encoding="utf-8"))
    return found


def build() -> tuple[list[dict], list[dict]]:
    bank = _bank()
    translated = _translations()
    questions: list[dict] = []
    answers: list[dict] = []
    for language in ("en", "fr", "hi"):
        authored: dict[str, dict[str, str]] = json.loads(
            (HERE / f"authored_{language}.json").read_text(encoding="utf-8")
        )
        ids = list(authored)
        for index, qid in enumerate(ids):
            entry = bank[qid]
            questions.append(
                {
                    "id": qid,
                    "language": language,
                    "type": entry["type"],
                    "difficulty": entry["difficulty"],
                    "competency": entry["competency"],
                    "question": entry["text"][language],
                    # In the answers' language where the bank has them translated, as an interview in that
                    # language scores against them (the stuffed answers below keep the English keywords).
                    "expected_points": translated.get(language, {}).get(qid, {}).get(
                        "expected_points", entry["expected_points"]
                    ),
                    "model_answer": translated.get(language, {}).get(qid, {}).get(
                        "model_answer", entry["model_answer"]
                    ),
                    **({"english_points": entry["expected_points"]} if qid in translated.get(language, {}) else {}),
                }
            )
            texts = dict(authored[qid])
            # Right answer to the wrong question: the excellent answer of the next question of the same type.
            same_type = [q for q in ids if bank[q]["type"] == entry["type"]]
            other = same_type[(same_type.index(qid) + 1) % len(same_type)]
            texts["wrong_question"] = authored[other]["excellent"]
            opening, closing = _PAD[language]
            texts["padded"] = opening + texts["partial"] + closing.format(first=_first_sentence(texts["partial"]))
            texts["stuffed"] = _stuffed(language, index, entry["expected_points"])
            texts["off_topic"] = _OFF_TOPIC[language][index % len(_OFF_TOPIC[language])]
            for kind in GRADES:
                answers.append(
                    {
                        "id": f"{qid}:{language}:{kind}",
                        "question_id": qid,
                        "language": language,
                        "kind": kind,
                        "grade": GRADES[kind],
                        "text": texts[kind],
                    }
                )
    return questions, answers


def main() -> None:
    questions, answers = build()
    (HERE / "questions.json").write_text(json.dumps(questions, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with (HERE / "answers.jsonl").open("w", encoding="utf-8") as out:
        for row in answers:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(questions)} questions, {len(answers)} answers")


if __name__ == "__main__":
    main()
