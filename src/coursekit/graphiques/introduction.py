"""Graphiques du chapitre 00 (introduction)."""

from __future__ import annotations

from coursekit.affichage import COULEUR_ACCENT, COULEUR_PRINCIPALE
from coursekit.graphiques.base import nouvelle_figure


def figure_influence(noms: tuple[str, str]):
    """Deux panneaux : interactions obtenues avec le budget, et coût d'une interaction.

    Rend ``(figure, barres_interactions, barres_couts, etiquettes)`` ; les barres et
    les étiquettes se mettent à jour sur place.
    """
    figure, (gauche, droite) = nouvelle_figure(8.0, 3.6, ncols=2)
    couleurs = [COULEUR_PRINCIPALE, COULEUR_ACCENT]
    barres_interactions = gauche.bar(noms, [0, 0], color=couleurs)
    barres_couts = droite.bar(noms, [0, 0], color=couleurs)
    gauche.set_title("Interactions avec le budget")
    droite.set_title("Coût d'une interaction")
    etiquettes = [axe.text(i, 0, "", ha="center", va="bottom") for axe in (gauche, droite) for i in range(2)]
    for axe in (gauche, droite):
        axe.grid(axis="x", visible=False)
    return figure, barres_interactions, barres_couts, etiquettes
