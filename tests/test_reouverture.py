"""Un simulateur ou un quiz rouvert sans noyau dit en français de réexécuter le notebook.

La phrase voyage dans l'état enregistré des widgets ; elle est cachée tant que le widget est relié
au noyau et n'apparaît que sous la classe ``jupyter-widgets-disconnected`` qu'ipywidgets pose sur
les vues restaurées sans noyau (vu dans le navigateur : tests/navigateur/test_navigateur_reouverture.py).
"""

import re

from coursekit import quiz
from coursekit.widgets.base import NOTE_REOUVERTURE, note_reouverture
from coursekit.widgets.introduction import SimulateurInfluence


def _regles(html: str) -> dict[str, str]:
    style = re.search(r"<style>(.*?)</style>", html, flags=re.S).group(1)
    return dict(re.findall(r"([^{}]+)\{([^}]*)\}", style))


def test_la_phrase_est_cachee_tant_que_le_noyau_repond():
    regles = _regles(note_reouverture())
    assert regles[".coursekit-reouverture"] == "display:none"
    assert regles[".jupyter-widgets-disconnected .coursekit-reouverture"].startswith("display:block")
    assert "class='coursekit-reouverture'" in note_reouverture()


def test_simulateur_et_quiz_portent_la_phrase():
    simulateur = SimulateurInfluence()
    entete = simulateur.children[0].value
    assert "Ce simulateur montre son dernier état enregistré" in entete
    assert "réexécutez le notebook (menu Exécution → Exécuter toutes les cellules)" in entete
    assert "coursekit-reouvrable" in simulateur._dom_classes
    chapitre = quiz.chapitre("06")
    assert "Ce quiz montre son dernier état" in chapitre.children[0].value
    assert "«" not in NOTE_REOUVERTURE and "\xa0:" in note_reouverture()  # typographie française


def test_exercice_seul_et_question_redigee_portent_la_phrase_une_fois():
    """Un exercice seul (``ck.quiz.exercice``) a la phrase ; réuni dans un quiz, seul le quiz l'a."""
    for question, debut in (
        (quiz.exercice("06", "cpa"), "Cet exercice montre son dernier état enregistré"),
        (quiz.question_ouverte("10", "e5-q3"), "Cette question montre son dernier état enregistré"),
    ):
        assert "coursekit-reouvrable" in question._dom_classes
        assert question.children[0] is question.enonce
        html_enonce = question.enonce.value
        assert debut in html_enonce and html_enonce.count("class='coursekit-reouverture'") == 1
        assert _regles(html_enonce)[".coursekit-reouverture"] == "display:none"
    groupe = quiz.exercices("06", ["ctr", "cpc"], "Deux calculs")
    notes = [groupe.children[0].value, *(q.enonce.value for q in groupe.questions)]
    assert sum(n.count("class='coursekit-reouverture'") for n in notes) == 1
    assert "Ce quiz montre son dernier état" in notes[0]
