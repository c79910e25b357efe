"""Chaque notebook dans JupyterLab, toutes cellules exécutées : widgets affichés, sans erreur,
et chaque simulateur réagit. Le notebook n'est jamais enregistré (pas d'enregistrement
automatique, noyau arrêté à la fin) : le test vérifie que le fichier n'a pas bougé."""

import pilote
import pytest

pytestmark = pytest.mark.navigateur
NOTEBOOKS = pilote.notebooks()


@pytest.mark.parametrize("chemin", NOTEBOOKS, ids=[c.stem for c in NOTEBOOKS])
def test_notebook_dans_jupyterlab(chemin, serveur_lab, page):
    attendu = pilote.attendu(chemin)
    date = chemin.stat().st_mtime_ns
    try:
        pilote.ouvrir_lab(page, serveur_lab.url, chemin.name, attendu.vues)
        defauts = pilote.verifier_page(page, chemin, attendu.vues, attendu.simulateurs)
    finally:
        pilote.fermer_lab(page)
    assert not defauts, f"{chemin.name} dans JupyterLab :\n- " + "\n- ".join(defauts)
    assert chemin.stat().st_mtime_ns == date, "JupyterLab a réécrit le notebook"
