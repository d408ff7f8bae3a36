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

DISTRACTORS_FR: tuple[str, ...] = (
    "Parlez-moi d'une fois où vous étiez en désaccord avec un collègue et comment vous l'avez résolu.",
    "Décrivez un échec ou une erreur et ce que vous en avez appris.",
    "Parlez-moi d'une fois où vous avez dirigé une équipe dans un projet difficile.",
    "Comment gérez-vous les délais serrés et les priorités concurrentes ?",
    "Parlez-moi d'une fois où vous avez dû expliquer quelque chose de compliqué à une personne non technique.",
    "Décrivez une fois où vous êtes allé au-delà de ce qui était demandé pour un client.",
    "Parlez-moi de vous et de la raison pour laquelle vous voulez ce poste.",
    "Où vous voyez-vous dans cinq ans ?",
    "Comment trouveriez-vous et corrigeriez-vous une requête de base de données lente ?",
    "Comment concevriez-vous un service web qui supporte des millions de requêtes ?",
    "Comment testez-vous votre code pour vous assurer qu'il est fiable ?",
    "Expliquez la différence entre un processus et un thread.",
    "Comment sécurisez-vous une application web contre les attaques courantes ?",
    "Comment mettriez-vous en place l'intégration et le déploiement continus pour une équipe ?",
    "Comment analysez-vous un nouveau jeu de données avant de construire un modèle ?",
    "Comment réduiriez-vous les coûts d'infrastructure cloud ?",
    "Comment déboguez-vous un incident de production quand le service est en panne ?",
    "Comment concevriez-vous une API REST pour une application mobile ?",
    "Comment priorisez-vous une feuille de route produit avec des ressources limitées ?",
    "Comment mesureriez-vous si une campagne marketing a fonctionné ?",
    "Comment gérez-vous votre temps quand vous étudiez et travaillez en même temps ?",
    "Parlez-moi d'une fois où vous avez dû apprendre une nouvelle technologie rapidement.",
    "Comment donnez-vous un retour difficile à une personne de votre équipe ?",
    "Décrivez comment vous vous êtes adapté quand les priorités ont changé soudainement.",
    "Expliquez ce que montre un bilan comptable.",
    "Comment relisez-vous le code de quelqu'un d'autre ?",
    "Qu'est-ce qui vous motive au travail ?",
    "Parlez-moi de vos vacances préférées et de vos loisirs en dehors du travail.",
)
DISTRACTORS_HI: tuple[str, ...] = (
    "ऐसा समय बताइए जब आप किसी सहकर्मी से असहमत थे और आपने उसे कैसे सुलझाया।",
    "किसी असफलता या गलती के बारे में बताइए और आपने उससे क्या सीखा।",
    "ऐसा समय बताइए जब आपने एक मुश्किल project में टीम का नेतृत्व किया।",
    "आप कम समय और एक साथ कई प्राथमिकताओं को कैसे संभालते हैं?",
    "ऐसा समय बताइए जब आपको किसी non-technical व्यक्ति को कोई जटिल बात समझानी पड़ी।",
    "ऐसा समय बताइए जब आपने किसी ग्राहक के लिए उम्मीद से ज़्यादा किया।",
    "अपने बारे में बताइए और आप यह नौकरी क्यों चाहते हैं।",
    "आप खुद को पाँच साल बाद कहाँ देखते हैं?",
    "आप धीमी डेटाबेस क्वेरी को कैसे खोजेंगे और ठीक करेंगे?",
    "आप लाखों requests संभालने वाली web service कैसे design करेंगे?",
    "आप अपने code को कैसे test करते हैं ताकि वह भरोसेमंद रहे?",
    "process और thread में क्या अंतर है, समझाइए।",
    "आप web application को आम हमलों से कैसे सुरक्षित करते हैं?",
    "आप टीम के लिए continuous integration और deployment कैसे सेट करेंगे?",
    "model बनाने से पहले आप नए dataset का विश्लेषण कैसे करते हैं?",
    "आप cloud infrastructure का ख़र्च कैसे कम करेंगे?",
    "जब production में service बंद हो तो आप incident को कैसे debug करते हैं?",
    "आप mobile app के लिए REST API कैसे design करेंगे?",
    "सीमित संसाधनों में आप product roadmap को कैसे प्राथमिकता देते हैं?",
    "आप कैसे मापेंगे कि marketing campaign सफल रहा?",
    "पढ़ाई और नौकरी साथ करते हुए आप अपना समय कैसे संभालते हैं?",
    "ऐसा समय बताइए जब आपको कोई नई technology जल्दी सीखनी पड़ी।",
    "आप अपनी टीम के किसी व्यक्ति को कठिन feedback कैसे देते हैं?",
    "जब प्राथमिकताएँ अचानक बदलीं तो आपने ख़ुद को कैसे ढाला?",
    "balance sheet क्या दिखाती है, समझाइए।",
    "आप किसी और का code review कैसे करते हैं?",
    "काम पर आपको क्या प्रेरित करता है?",
    "अपनी पसंदीदा छुट्टी और काम के बाहर के शौक़ के बारे में बताइए।",
)
DISTRACTORS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": DISTRACTORS,
    "fr": DISTRACTORS_FR,
    "hi": DISTRACTORS_HI,
}

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


# General claims that say nothing concrete, in en/fr/hi, written for this list (not taken from the development
# set): an answer sentence this close to one of them is a claim, not content.
CLAIMS: tuple[str, ...] = (
    "I am a hard-working team player and I always give my best.",
    "This is a very important topic and it is good practice to take it seriously.",
    "I always make sure the quality of my work is high and I follow best practices.",
    "Communication and teamwork are the keys to success in any company.",
    "In general it depends on the situation, but I try to handle it well.",
    "Je suis quelqu'un de travailleur, j'ai l'esprit d'équipe et je donne toujours le meilleur de moi-même.",
    "C'est un sujet très important et c'est une bonne pratique de le prendre au sérieux.",
    "Je veille toujours à la qualité de mon travail et je suis les bonnes pratiques.",
    "La communication et le travail d'équipe sont les clés du succès.",
    "मैं मेहनती हूँ, टीम में अच्छा काम करता हूँ और हमेशा अपना best देता हूँ।",
    "यह बहुत ज़रूरी विषय है और इसे गंभीरता से लेना अच्छी practice है।",
    "मैं हमेशा ध्यान रखता हूँ कि मेरे काम की quality अच्छी हो और best practices follow करूँ।",
    "Communication और teamwork हर कंपनी में सफलता की कुंजी हैं।",
)


def language_of(text: str) -> str:
    """en, fr or hi from the script and a few French function words: enough to pick a baseline."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(1 for c in letters if "\u0900" <= c <= "\u097f") / len(letters) > 0.3:
        return "hi"
    words = set(text.casefold().replace("'", " ").replace("’", " ").replace("-", " ").split())
    french = {
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "est",
        "une",
        "un",
        "et",
        "je",
        "nous",
        "vous",
        "pour",
        "dans",
        "avec",
        "que",
        "qui",
        "sur",
        "au",
        "aux",
        "ce",
        "cette",
        "pas",
        "comment",
        "quel",
        "quelle",
        "avez",
    }
    accents = sum(1 for c in text if c in "éèêàçùâîôû")
    return "fr" if len(words & french) >= 2 or accents >= 2 else "en"
