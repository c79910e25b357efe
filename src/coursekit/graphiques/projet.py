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
    # Le seuil est nommé au-dessus du trait : en légende d'axe, la phrase sortait de l'image au projecteur.
    axes.text(
        mots_minimum,
        1.01,
        f"étape rédigée ({mots_minimum} mots)",
        transform=axes.get_xaxis_transform(),
        ha="center",
        va="bottom",
        fontsize="small",
    )
    axes.set_xlabel("Mots écrits")
    axes.grid(axis="y", visible=False)
    return figure, axes, barres
