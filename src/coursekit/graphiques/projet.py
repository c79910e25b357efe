"""Graphique du chapitre 08 : l'avancement du plan, étape par étape."""

from __future__ import annotations

from coursekit.affichage import PALETTE
from coursekit.graphiques.base import nouvelle_figure


def figure_avancement(titres: list[str], mots_minimum: int):
    """Barres horizontales : nombre de mots écrits par étape, avec le seuil d'une étape complète.

    Rend ``(figure, axes, barres)`` ; les barres se mettent à jour sur place.
    """
    figure, axes = nouvelle_figure(7.5, 4.2)
    rangs = list(range(len(titres)))[::-1]
    barres = axes.barh(rangs, [0] * len(titres), color=PALETTE["gris"])
    axes.set_yticks(rangs, [f"{i + 1}. {t}" for i, t in enumerate(titres)])
    axes.axvline(mots_minimum, color=PALETTE["noir"], linestyle="--", linewidth=1)
    axes.set_xlabel("Mots écrits (trait pointillé : étape complète)")
    axes.grid(axis="y", visible=False)
    return figure, axes, barres
