"""Fixed texts the answer is compared with: other interview questions, and examples of each STAR part.

Distractors span the topics of the question bank so that a story answering another question is closer to
one of them than to the question asked. STAR examples are concrete, in English, French and Hindi.
"""

from __future__ import annotations

DISTRACTORS: tuple[str, ...] = (
    "Tell me about a time you disagreed with a colleague and how you resolved it.",
    "Describe a failure or mistake you made and what you learned from it.",
    "Tell me about a time you led a team through a difficult project.",
    "How do you handle tight deadlines and competing priorities?",
    "Tell me about a time you had to explain something complicated to a non-technical person.",
    "Describe a time you went beyond what was asked for a customer.",
    "Tell me about yourself and why you want this job.",
    "Where do you see yourself in five years?",
    "How would you find and fix a slow database query?",
    "How would you design a scalable web service that handles millions of requests?",
    "How do you test your code and make sure it is reliable?",
    "Explain the difference between a process and a thread.",
    "How do you secure a web application against common attacks?",
    "How would you set up continuous integration and deployment for a team?",
    "How do you analyse a new dataset before building a model?",
    "How would you reduce cloud infrastructure costs?",
    "How do you debug a production incident when the service is down?",
    "Explain how you would design a REST API for a mobile app.",
    "How do you prioritise a product roadmap with limited resources?",
    "How would you measure whether a marketing campaign worked?",
    "How do you manage your time when studying and working at the same time?",
    "Tell me about a time you had to learn a new technology quickly.",
    "How do you give difficult feedback to someone on your team?",
    "Describe how you adapted when priorities changed suddenly.",
    "Explain what a financial balance sheet shows.",
    "How do you review someone else's code?",
    "What motivates you at work?",
    "Tell me about your favourite holiday and your hobbies outside work.",
)

STAR_EXAMPLES: dict[str, tuple[str, ...]] = {
    "situation": (
        "Last year at my previous company our checkout service kept timing out during the holiday sale.",
        "In my final year project our team of four had six weeks left and the main feature did not work.",
        "L'an dernier, dans mon ancien poste, notre application perdait des clients à cause de pannes.",
        "पिछले साल मेरी पिछली कंपनी में हमारी टीम एक बड़े लॉन्च की तैयारी कर रही थी और समय बहुत कम था।",
    ),
    "task": (
        "My job was to find the cause and get the release out before the deadline.",
        "I was responsible for bringing the two teams to an agreement on the design.",
        "Mon rôle était de trouver la cause et de livrer avant la date prévue.",
        "मेरी ज़िम्मेदारी थी कि समस्या की वजह ढूँढूँ और समय पर रिलीज़ करूँ।",
    ),
    "action": (
        "I profiled the requests, rewrote the slowest query and added an index.",
        "I met each person separately, listened to their concerns and proposed a compromise.",
        "J'ai analysé les journaux, réécrit la requête et organisé une réunion avec l'équipe.",
        "मैंने लॉग देखे, धीमी क्वेरी दोबारा लिखी और टीम के साथ मीटिंग की।",
    ),
    "result": (
        "As a result the page loaded in under a second and sales rose by ten percent.",
        "We shipped on time, the client renewed the contract and I learned to ask for help earlier.",
        "Au final, le temps de réponse a baissé de moitié et le client a renouvelé son contrat.",
        "नतीजा यह हुआ कि पेज एक सेकंड से कम में खुलने लगा और बिक्री दस प्रतिशत बढ़ी।",
    ),
}

# Generic answer sentences on other subjects, per language: how close they come to a question or an expected
# point is that text's baseline for answers in that language, so similarities are read relative to it (e5
# cosines sit higher for some questions, and lower across languages).
GENERIC_ANSWERS: dict[str, tuple[str, ...]] = {
    "en": (
        *STAR_EXAMPLES["situation"][:2],
        *STAR_EXAMPLES["action"][:2],
        *STAR_EXAMPLES["result"][:2],
        "I would write unit tests for each function and run them in the build pipeline.",
        "We split the monolith into services and deployed them on Kubernetes with Helm.",
        "I prepared the quarterly budget in Excel and reconciled it with the accounts team.",
        "The campaign reached two million people and the cost per lead fell by a third.",
    ),
    "fr": (
        STAR_EXAMPLES["situation"][2],
        STAR_EXAMPLES["action"][2],
        STAR_EXAMPLES["result"][2],
        "J'ai organisé des entretiens avec les utilisateurs pour comprendre leurs besoins.",
        "Nous avons migré la base de données vers le cloud en un week-end.",
        "J'écrirais des tests unitaires pour chaque fonction et je les lancerais à chaque build.",
        "J'ai préparé le budget trimestriel dans Excel avec l'équipe comptable.",
        "La campagne a touché deux millions de personnes et le coût par contact a baissé d'un tiers.",
    ),
    "hi": (
        STAR_EXAMPLES["situation"][3],
        STAR_EXAMPLES["action"][3],
        STAR_EXAMPLES["result"][3],
        "मैंने नए कर्मचारियों के लिए एक प्रशिक्षण कार्यक्रम बनाया।",
        "हमने ग्राहकों की शिकायतें कम करने के लिए सहायता प्रक्रिया बदली।",
        "मैं हर function के लिए unit tests लिखूँगा और उन्हें build pipeline में चलाऊँगा।",
        "मैंने accounts team के साथ Excel में तिमाही बजट तैयार किया।",
        "Campaign बीस लाख लोगों तक पहुँचा और हर lead की लागत एक तिहाई कम हुई।",
    ),
}


def language_of(text: str) -> str:
    """en, fr or hi from the script and a few French function words: enough to pick a baseline."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(1 for c in letters if "\u0900" <= c <= "\u097f") / len(letters) > 0.3:
        return "hi"
    words = set(text.casefold().replace("'", " ").replace("’", " ").split())
    french = {"le", "la", "les", "des", "est", "une", "et", "je", "nous", "pour", "dans", "avec", "que", "qui"}
    return "fr" if len(words & french) >= 3 else "en"
