"""An answer held down for being only loosely tied to its question says so, and only so: no sentence claims it
answers another question, and none says it covers no point while another lists the one it partly covers."""

from __future__ import annotations

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.services.practice import PracticeRequest, practise_offline

QUESTION = "Décrivez un désaccord que vous avez eu au sein d'une équipe. Comment l'avez-vous résolu ?"
# A short, real-sounding story whose link to the question the small model reads as weak (z ≈ +0.9) and
# that covers one expected point only partly: the case where the cap and the texts used to disagree.
ANSWER = (
    "Dans mon dernier poste, deux collègues n'étaient pas d'accord sur la date de mise en production. "
    "Je devais livrer la fonctionnalité de paiement avant la fin du trimestre. J'ai rencontré chacun d'eux "
    "séparément, j'ai écouté leurs arguments et j'ai proposé une première version plus petite. Au final, "
    "nous avons livré à temps et le nombre de tickets de support a baissé de 30 %."
)


def test_a_weakly_tied_answer_is_told_so_consistently() -> None:
    result = practise_offline(
        PracticeRequest(question=QUESTION, answer=ANSWER, language=Language.FR, question_type="behavioural")
    )
    assert result.method == "meaning"
    relevance = next(c for c in result.criteria if c["name"] == "relevance")
    texts = [str(relevance["explanation"]), *result.caps, *result.to_improve]
    assert any("vaguement liée" in t for t in texts), texts
    assert not any("autre question" in t for t in texts), texts
    assert any(p["status"] == "partly" for p in result.points)
    # "None fully", never "none", beside a list that names a point as partly covered.
    assert all("aucun" not in t or "entièrement" in t for t in texts), texts
