"""Les progrès de l'élève : enregistrés à chaque vérification, relus la semaine suivante."""

import sqlite3

import pytest

from coursekit import format as fmt
from coursekit import progres, quiz


@pytest.fixture
def base(tmp_path, monkeypatch):
    chemin = tmp_path / "progres.sqlite"
    monkeypatch.setenv("COURSEKIT_PROGRES", str(chemin))
    return chemin


def test_chaque_verification_est_enregistree(base):
    exercice = quiz.exercice("06", "cpa")
    exercice.saisie.value = "40"
    exercice.verifier()
    exercice.saisie.value = "50"
    exercice.verifier()
    table = progres.reponses("06")
    assert table[["chapitre", "question", "juste", "reponse"]].values.tolist() == [
        ["06-kpi", "cpa", False, "40"],
        ["06-kpi", "cpa", True, "50"],
    ]


def test_la_cellule_de_code_est_enregistree_aussi(base, capsys):
    quiz.verifier("06", "cpa", 50)
    assert progres.derniere_reponse("06-kpi", "cpa") == {
        "reponse": 50,
        "juste": True,
        "essais": 1,
        "horodatage": pytest.approx(progres.reponses().horodatage.iloc[0]),
    }


def test_un_quiz_rouvert_montre_les_reponses_et_le_score(base):
    premier = quiz.chapitre("06")
    premier.questions[0].choix.index = 0  # fausse
    premier.questions[0].verifier()
    premier.questions[1].choix.index = 1  # juste
    premier.questions[1].verifier()
    rouvert = quiz.chapitre("06")  # la semaine suivante : un nouveau widget, la même base
    assert rouvert.questions[0].retour.texte.startswith("Déjà répondu : « un ROI")
    assert "(à revoir, 1 essai)" in rouvert.questions[0].retour.texte
    assert "(juste, 1 essai)" in rouvert.questions[1].retour.texte
    assert rouvert.questions[2].retour.texte == ""
    assert f"2 question(s) sur {len(rouvert.questions)}, dont 1 juste(s)" in rouvert.score.texte


def test_sans_base_rien_n_est_affiche(base):
    assert not base.exists()
    assert quiz.exercice("06", "cpa").retour.texte == ""


def test_desactive(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_PROGRES", "non")
    quiz.verifier("06", "cpa", 50)
    assert progres.chemin_progres() is None
    assert progres.reponses().empty


def test_par_defaut_dans_le_dossier_personnel(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEKIT_PROGRES")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert progres.chemin_progres() == tmp_path / ".coursekit" / "progres.sqlite"


def test_une_base_abimee_n_empeche_pas_le_quiz(base):
    base.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    question = quiz.exercice("06", "cpa")  # pas de souvenir, pas d'erreur
    question.saisie.value = "50"
    assert question.verifier().juste
    with pytest.raises(sqlite3.DatabaseError):
        progres.reponses()


def test_ecriture_transactionnelle(base):
    progres.enregistrer("06", "cpa", True, 50)
    # Un autre notebook de l'élève tient la base en écriture : l'enregistrement attend, puis passe.
    connexion = sqlite3.connect(base, timeout=0)
    connexion.execute("BEGIN IMMEDIATE")
    ancien, progres.DELAI_VERROU = progres.DELAI_VERROU, 0.2
    try:
        with pytest.raises(sqlite3.OperationalError):
            progres.enregistrer("06", "cpa", False, 1)
    finally:
        progres.DELAI_VERROU = ancien
        connexion.rollback()
        connexion.close()
    assert len(progres.reponses()) == 1  # rien d'écrit à moitié


def test_mon_bilan_par_chapitre(base):
    quiz.verifier("06", "cpa", 40)
    quiz.verifier("06", "cpa", 50)
    table = progres.bilan().set_index("chapitre")
    assert table.loc["06-kpi"].tolist() == [1, 1, len(progres.questions_du_chapitre("06")), 2]
    assert table.loc["02-swot", "faites"] == 0
    html = progres.mon_bilan().to_html()
    part = fmt.pourcent(100 / len(progres.questions_du_chapitre("06")), decimales=0)
    assert "Mon bilan" in html and "Questions faites" in html and part in html


def test_erreurs_frequentes_et_avancement():
    import pandas as pd

    table = pd.DataFrame(
        {
            "eleve": ["a", "a", "b", "b", "c"],
            "chapitre": ["06-kpi"] * 5,
            "question": ["q1", "q1", "q1", "cpa", "q1"],
            "juste": [False, True, False, True, True],
        }
    )
    erreurs = progres.erreurs_frequentes(table)
    assert erreurs.values.tolist() == [["06-kpi", "q1", 3, 2, 1]]
    avancement = progres.avancement_classe(table, ["a", "b", "c", "d"]).set_index("eleve")
    total = len(progres.questions_du_chapitre("06"))
    assert avancement.loc[["a", "b", "c", "d"], "06-kpi"].tolist() == [f"1/{total}"] * 3 + ["—"]
