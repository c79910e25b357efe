"""Le moteur de dessin des simulateurs (glyphes gardés en mémoire) donne les pixels d'Agg."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from benchmarks.cout_mise_a_jour import fabriques
from coursekit.graphiques.base import nouvelle_figure
from coursekit.graphiques.rendu import RenduCours, ToileCours


def _pixels(toile) -> np.ndarray:
    toile.draw()
    return np.asarray(toile.buffer_rgba()).copy()


def _memes_pixels(figure) -> None:
    attendu = _pixels(FigureCanvasAgg(figure))
    toile = ToileCours(figure)
    premier = _pixels(toile)  # glyphes rendus puis gardés
    second = _pixels(toile)  # glyphes recopiés de la mémoire
    assert isinstance(toile.get_renderer(), RenduCours)
    np.testing.assert_array_equal(premier, attendu)
    np.testing.assert_array_equal(second, attendu)


def test_textes_varies_memes_pixels():
    figure, axes = nouvelle_figure(ncols=2)
    axes[0].bar(["Dépense", "Chiffre\nd'affaires"], [1200, 3400])
    axes[0].set_title("Ventes : 12 500 €")
    axes[0].text(0.2, 2000, "tourné à 37°", rotation=37)
    axes[0].text(0.5, 500, "non lissé", antialiased=False)
    axes[1].plot([0, 1, 2], [3, 1, 2], label="réalisé")
    axes[1].set_xticks([0, 1, 2], ["janv.", "févr.", "mars"], rotation=90)
    axes[1].set_xlabel("mois (2026)")
    axes[1].legend(loc="upper right")
    axes[1].text(1, 2, r"$\frac{a}{b}$")  # écriture mathématique : chemin d'Agg inchangé
    _memes_pixels(figure)


def test_texte_agrandi_sur_place_redessine_a_la_nouvelle_taille():
    figure, axes = nouvelle_figure()
    titre = axes.set_title("Titre")
    toile = ToileCours(figure)
    _pixels(toile)
    titre.set_fontsize(30)  # matplotlib modifie ses propriétés de police sur place
    np.testing.assert_array_equal(_pixels(toile), _pixels(FigureCanvasAgg(figure)))


@pytest.mark.parametrize(("nom", "fabrique"), fabriques(), ids=[n for n, _f in fabriques()])
def test_graphique_de_chaque_simulateur_memes_pixels(nom, fabrique):
    simulateur = fabrique()
    _memes_pixels(simulateur.graphique.figure)
