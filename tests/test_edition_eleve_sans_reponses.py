"""L'édition élève ne montre aucune réponse : ni correction, ni résultat attendu, ni bonne réponse de QCM.

On fabrique l'édition élève comme le fait ``python -m coursekit.editions eleve`` puis on y cherche,
pour chaque exercice des fichiers de contenu, sa correction, sa réponse chiffrée écrite à la française
(sauf les petits entiers, qui apparaissent partout) et, pour un QCM, l'explication de la bonne réponse ;
pour chaque question rédigée, sa réponse possible et ce que le correcteur attend.
"""

from __future__ import annotations

import nbformat
import pytest

from coursekit import contenu, editions, quiz
from coursekit import format as fmt


@pytest.fixture(scope="module")
def edition_eleve(tmp_path_factory):
    dossier = tmp_path_factory.mktemp("eleve")
    textes = {}
    for chemin in editions.edition("eleve", dossier):
        carnet = nbformat.read(chemin, as_version=4)
        morceaux = [c.source for c in carnet.cells]
        for cellule in carnet.cells:
            for sortie in cellule.get("outputs", []):
                morceaux.append(sortie.get("text", ""))
                morceaux.extend(
                    str(v) for k, v in sortie.get("data", {}).items() if not k.startswith("image/")
                )
        textes[chemin.stem] = "\n".join(morceaux)
    return textes


def _ecritures(valeur: float) -> set[str]:
    """Les façons dont un élève lirait ce nombre dans le texte : ``12,5``, ``12,50``, ``1 440``."""
    if float(valeur).is_integer():
        # « 3 », « 20 », « 240 » : trop communs pour être une fuite ; « 1 440 » ne l'est pas.
        return {fmt.nombre(valeur, 0)} if abs(valeur) >= 1000 else set()
    decimales = 1 if round(valeur, 1) == round(valeur, 6) else 2  # écrit comme l'écrirait l'élève
    return {fmt.nombre(valeur, decimales)}


def _reponses(donnees: dict):
    for ident, exercice in donnees.get("exercices", {}).items():
        yield ident, "correction", exercice["explication"] if exercice["type"] == "nombre" else None
        if exercice["type"] == "nombre":
            for ecrit in _ecritures(quiz.valeur_attendue(exercice, donnees)):
                yield ident, "réponse", ecrit
        else:
            bonne = next(p for p in exercice["propositions"] if p.get("juste"))
            yield ident, "bonne réponse expliquée", bonne["explication"]
    for ident, ouverte in quiz.questions_ouvertes(donnees["chapitre"]).items():
        yield ident, "réponse possible", ouverte.get("reponse_possible")
        for attendu in ouverte["attendus"]:
            if len(attendu) >= 40:  # « le nombre de clients inactifs » peut figurer dans un énoncé
                yield ident, "attendu du correcteur", attendu


@pytest.mark.parametrize("chapitre", contenu.chapitres())
def test_aucune_reponse_dans_l_edition_eleve(edition_eleve, chapitre):
    donnees = contenu.charger(chapitre)
    texte = edition_eleve[chapitre]
    fuites = [
        f"{ident} ({genre}) : {valeur!r}"
        for ident, genre, valeur in _reponses(donnees)
        if valeur and valeur in texte
    ]
    assert not fuites, "réponses visibles dans l'édition élève : " + " ; ".join(fuites)


def test_le_controle_voit_une_fuite(edition_eleve):
    """Le contrôle n'est pas aveugle : une correction recopiée dans une cellule est trouvée."""
    donnees = contenu.charger("06")
    correction = donnees["exercices"]["cpa"]["explication"]
    texte = edition_eleve["06-kpi"] + "\n" + correction
    assert any(v and v in texte for _, _, v in _reponses(donnees))


def test_le_controle_voit_une_reponse_possible_recopiee(edition_eleve):
    """La réponse possible d'une question rédigée, recopiée dans une cellule, est trouvée."""
    donnees = contenu.charger("10")
    modele = quiz.questions_ouvertes("10")["e5-q3"]["reponse_possible"]
    texte = edition_eleve["10-analyse-site-e5"] + "\n" + modele
    assert ("e5-q3", "réponse possible", modele) in [r for r in _reponses(donnees) if r[2] and r[2] in texte]
