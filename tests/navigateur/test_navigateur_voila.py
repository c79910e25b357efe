"""Chaque notebook dans Voilà (la vue que le professeur projette) : widgets affichés, sans
erreur, et chaque simulateur réagit au clavier comme pour une vraie personne."""

import pilote
import pytest

pytestmark = pytest.mark.navigateur
NOTEBOOKS = pilote.notebooks()


@pytest.mark.parametrize("chemin", NOTEBOOKS, ids=[c.stem for c in NOTEBOOKS])
def test_notebook_dans_voila(chemin, serveur_voila, page):
    attendu = pilote.attendu(chemin)
    pilote.ouvrir_voila(page, serveur_voila.url, chemin.name, attendu.vues)
    defauts = pilote.verifier_page(page, chemin, attendu.vues, attendu.simulateurs)
    assert not defauts, f"{chemin.name} dans Voilà :\n- " + "\n- ".join(defauts)
