"""Les fichiers de contenu : valides, lus par les quiz, et qui disent en français ce qui ne va pas."""

import pytest

from coursekit import contenu, quiz
from coursekit.contenu import ErreurContenu, valider_texte

CHAPITRES = contenu.chapitres()


def test_un_fichier_par_chapitre():
    assert [c[:2] for c in CHAPITRES] == [f"{n:02d}" for n in range(len(CHAPITRES))]
    assert len(CHAPITRES) >= 9


@pytest.mark.parametrize("chapitre", CHAPITRES)
def test_chaque_fichier_est_valide_et_donne_son_quiz(chapitre):
    donnees = contenu.charger(chapitre)
    assert donnees["chapitre"] == chapitre
    for nom, description in donnees.get("quiz", {}).items():
        widget = quiz.chapitre(chapitre[:2], nom)
        assert len(widget.questions) == len(description["questions"])
    for ident in donnees.get("exercices", {}):
        assert quiz.exercice(chapitre[:2], ident).ident == ident


def test_chapitre_par_numero_ou_par_nom():
    assert contenu.fichier_du_chapitre("6") == contenu.fichier_du_chapitre("06-kpi") == "06-kpi.yaml"
    with pytest.raises(ErreurContenu, match="Aucun fichier de contenu pour le chapitre « 42 »"):
        contenu.fichier_du_chapitre("42")


QCM_VALIDE = """
chapitre: 99-essai
quiz:
  fin:
    titre: Quiz
    questions:
      - id: q1
        type: qcm
        question: Le CPM est…
        propositions:
          - {texte: un coût par clic, explication: Non.}
          - {texte: un coût pour mille, explication: Oui., juste: true}
"""


def test_un_fichier_valide_passe():
    assert valider_texte(QCM_VALIDE)["quiz"]["fin"]["questions"][0]["id"] == "q1"


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("quiz: [1\n", "n'est pas du YAML valide (ligne"),
        ("autre: 1\n", "il manque « chapitre »"),
        ("chapitre: x\nquiz: {}\n", "« quiz » : la section ne doit pas être vide"),
        (
            QCM_VALIDE.replace("juste: true", "juste: oui"),
            "quiz → fin → questions → n° 1 → propositions → n° 2 → juste » : on attend true ou false",
        ),
        (
            QCM_VALIDE.replace(", juste: true", ""),
            "exactement une proposition marquée « juste: true » (ici 0)",
        ),
        (QCM_VALIDE.replace("        question: Le CPM est…\n", ""), "il manque « question »"),
        (QCM_VALIDE.replace("type: qcm", "type: vrai-faux"), "valeurs permises : « qcm », « nombre »"),
        (QCM_VALIDE.replace("titre: Quiz", "titre: Quiz\n    couleur: rouge"), "clé inconnue : « couleur »"),
        (
            "chapitre: x\nexercices:\n  cpa:\n    type: nombre\n    question: Le CPA\n    explication: 600 ÷ 12.\n",
            "exercices → cpa » : l'entrée ne correspond à aucune des formes permises",
        ),
    ],
)
def test_un_fichier_mal_forme_dit_ou_et_quoi(texte, attendu):
    with pytest.raises(ErreurContenu) as erreur:
        valider_texte(texte, "99-essai.yaml")
    message = str(erreur.value)
    assert "« 99-essai.yaml »" in message
    assert attendu in message


def test_identifiants_en_double_refuses():
    double = QCM_VALIDE + QCM_VALIDE.split("questions:\n", 1)[1]
    with pytest.raises(ErreurContenu, match="deux fois l'identifiant « q1 »"):
        valider_texte(double, "99-essai.yaml")


def test_section_validee_par_son_schema(monkeypatch):
    monkeypatch.setattr(contenu, "_charger_fichier", lambda _f: {"chapitre": "06-kpi", "mots": ["a", 3]})
    schema = {"type": "array", "items": {"type": "string"}}
    with pytest.raises(ErreurContenu, match="« mots → n° 2 » : on attend un texte"):
        contenu.section("06", "mots", schema)
    with pytest.raises(ErreurContenu, match="n'a pas de section « absente »"):
        contenu.section("06", "absente")


def test_calcul_nomme_un_calculateur_du_cours():
    assert quiz.valeur_attendue({"calcul": "kpi.roi", "arguments": {"gain": 300, "cout": 200}}) == 50
    with pytest.raises(ErreurContenu, match="ne vient pas d'un module de calcul"):
        quiz.valeur_attendue({"calcul": "os.system", "arguments": {}})
    with pytest.raises(ErreurContenu, match="n'existe pas"):
        quiz.valeur_attendue({"calcul": "kpi.inconnu", "arguments": {}})
    with pytest.raises(ErreurContenu, match="ne conviennent pas"):
        quiz.valeur_attendue({"calcul": "kpi.roi", "arguments": {"benefice": 3}})
