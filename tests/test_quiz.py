import html

import pytest

from coursekit import ErreurSaisie
from coursekit.quiz import QCM, QuestionChiffree, Quiz, corriger_nombre, corriger_qcm


def test_corriger_qcm():
    explications = ["Non, c'est le CPC.", "Oui : coût pour mille impressions."]
    assert corriger_qcm(1, 1, explications).juste
    retour = corriger_qcm(0, 1, explications)
    assert not retour.juste and "CPC" in retour.explication
    assert not corriger_qcm(None, 1, explications).juste
    with pytest.raises(ErreurSaisie):
        corriger_qcm(5, 1, explications)


def test_corriger_nombre():
    assert corriger_nombre("16,7", 16.667, 0.1).juste
    assert "trop élevée" in corriger_nombre("20", 16.667, 0.1).explication
    assert "trop faible" in corriger_nombre("2", 16.667, 0.1).explication
    faux = corriger_nombre("seize", 16.667)
    assert not faux.juste and "n'en est pas un" in faux.explication


def test_widgets_de_quiz():
    qcm = QCM("Le CPM est…", ["un coût par clic", "un coût pour mille impressions"], 1, ["Non.", "Oui."])
    chiffre = QuestionChiffree("CTR de 150 clics sur 10 000 impressions ?", 1.5, 0.05, "%")
    quiz = Quiz("Quiz", [qcm, chiffre])
    assert quiz.compter() == 0
    qcm.choix.value = "un coût pour mille impressions"
    chiffre.saisie.value = "1,5"
    assert quiz.compter() == 2
    assert "2 sur 2" in quiz.score.texte
    chiffre.saisie.value = "un et demi"
    assert not chiffre.verifier().juste
    assert chiffre.saisie.value == "un et demi"
    assert "n'en est pas un" in chiffre.retour.texte
    assert repr(quiz).startswith("Quiz (2 questions")


def test_indice_puis_correction():
    question = QuestionChiffree(
        "CPA ?",
        50,
        0.01,
        "€",
        explication="600 € ÷ 12 ventes = 50 €.",
        indice="Divisez la dépense par les ventes.",
    )
    question.saisie.value = "12"
    assert not question.verifier().juste
    assert "Divisez la dépense" in question.retour.texte
    assert "600 € ÷ 12" not in question.retour.texte  # pas de correction au premier essai
    assert question.bouton_correction.layout.display is None  # le bouton « Voir la correction » apparaît
    question.saisie.value = "60"
    question.verifier()
    assert "Correction : 600\xa0€ ÷ 12 ventes = 50\xa0€." in question.retour.texte
    question.saisie.value = "50"
    assert question.verifier().juste


def test_voir_la_correction_a_la_demande():
    qcm = QCM("Le CPM est…", ["un coût par clic", "un coût pour mille"], 1, ["Non : c'est le CPC.", "Oui."])
    assert "« un coût pour mille »" in qcm.montrer_correction()
    assert "un coût pour mille" in qcm.retour.texte


def test_qcm_sans_reponse_ne_compte_pas_un_essai():
    qcm = QCM("Le CPM est…", ["un coût par clic", "un coût pour mille"], 1, ["Non.", "Oui."])
    qcm.verifier()
    assert qcm.essais == 0 and "Choisissez d'abord" in qcm.retour.texte


def test_virgule_decimale_dans_une_cellule_de_code():
    retour = corriger_nombre((0, 75), 0.75)
    assert not retour.juste
    assert "remplacez chaque virgule décimale par un point" in retour.explication


def test_virgule_decimale_la_ligne_corrigee_vient_du_texte_tape():
    from coursekit.quiz import lire_reponse

    with pytest.raises(ErreurSaisie, match=r"écrivez reponse = 0\.75 "):
        lire_reponse((0, 75), source="reponse = 0,75\nck.quiz.verifier('06', 'cpa', reponse)")
    with pytest.raises(ErreurSaisie, match=r"écrivez reponse = 1\.00 "):
        lire_reponse((1, 0), source="reponse = 1,00")


@pytest.mark.parametrize(
    ("couple", "source"),
    [((2, 20), "reponse = 2,5 * 4"), ((0, 5), ""), ((10, 7), "reponse = (10,7)")],
)
def test_virgule_decimale_sans_nombre_devine(couple, source):
    """Le couple seul ne dit pas ce qui a été tapé : aucun nombre proposé (2.20, 0.5, 10.7 seraient faux)."""
    from coursekit.quiz import lire_reponse

    with pytest.raises(ErreurSaisie) as erreur:
        lire_reponse(couple, source=source)
    message = str(erreur.value)
    assert "remplacez chaque virgule décimale par un point" in message
    assert f"{couple[0]}.{couple[1]}" not in message and "écrivez reponse =" not in message


def test_verifier_lit_le_contenu(capsys):
    from coursekit import quiz

    quiz._TENTATIVES.clear()
    quiz.verifier("06", "cpa", None)
    assert "Remplacez None" in capsys.readouterr().out
    quiz.verifier("06", "cpa", 40)
    premier = capsys.readouterr().out
    assert "✘" in premier and "Indice" in premier and "Correction" not in premier
    quiz.verifier("06", "cpa", 40)
    assert "Correction" in capsys.readouterr().out
    quiz.verifier("06", "cpa", (12, 5))
    sortie = capsys.readouterr().out
    assert "remplacez chaque virgule décimale par un point" in sortie and "12.5" not in sortie
    quiz.verifier("06", "cpa", 50)
    assert "✔" in capsys.readouterr().out


def test_question_ouverte_on_ecrit_d_abord_on_compare_ensuite(tmp_path, monkeypatch):
    from coursekit import progres, quiz

    monkeypatch.setenv(progres.VARIABLE, str(tmp_path / "progres.sqlite"))
    question = quiz.question_ouverte("06", "rentabilite")
    assert "rentable" in question.question and question.zone.value == ""
    assert question.bouton.disabled  # rien d'écrit : pas de comparaison
    assert question.comparer() == "" and question.comparaison.value == ""
    question.zone.value = "Oui."  # trop court
    assert question.bouton.disabled
    texte = "Oui, le ROAS de 3:1 dépasse le seuil et le ROI est positif."
    question.zone.value = texte
    assert not question.bouton.disabled
    question.bouton.click()
    attendus = quiz.questions_ouvertes("06")["rentabilite"]["attendus"]
    assert "Ce que le correcteur attend" in question.comparaison.value
    assert "Une réponse possible" in question.comparaison.value
    assert html.escape(attendus[0]) in question.comparaison.value
    assert question.zone.value == texte  # le clic n'efface rien
    # Rouvert plus tard (nouveau widget, nouveau noyau) : le texte revient.
    assert quiz.question_ouverte("06", "rentabilite").zone.value == texte
    assert "rentabilite" in progres.questions_du_chapitre("06")


def test_question_ouverte_inconnue_ou_mal_decrite():
    from coursekit import contenu, quiz

    with pytest.raises(contenu.ErreurContenu, match="Pas de question rédigée « nulle » .*rentabilite"):
        quiz.question_ouverte("06", "nulle")
    mauvais = {"q": {"question": "Pourquoi ?", "attendus": "une liste"}}
    with pytest.raises(contenu.ErreurContenu, match="questions_ouvertes → q → attendus"):
        contenu._valider(mauvais, quiz.SCHEMA_QUESTIONS_OUVERTES, "essai.yaml", ("questions_ouvertes",))


def test_toutes_les_questions_ouvertes_du_contenu_se_construisent():
    from coursekit import contenu, quiz

    vues = 0
    for chapitre in contenu.chapitres():
        for ident in quiz.questions_ouvertes(chapitre):
            question = quiz.question_ouverte(chapitre, ident)
            assert question.attendus and question.bouton.disabled
            vues += 1
    assert vues >= 9
