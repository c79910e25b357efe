"""Graphiques du chapitre 10 (analyse d'un site, segmentation RFM) : une fonction par graphique.

Les figures des simulateurs sont dessinées une fois ; la fonction rend les éléments
que le simulateur met ensuite à jour sur place (hauteurs, largeurs, textes).
"""

from __future__ import annotations

from matplotlib.ticker import FuncFormatter

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ACCENT, COULEUR_ATTEINT, COULEUR_MANQUE, COULEUR_PRINCIPALE, PALETTE
from coursekit.analyse_site import SEGMENTS_RFM
from coursekit.graphiques.base import nouvelle_figure
from coursekit.graphiques.kpi import figer_mise_en_page

_BOITE = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}


def figure_sources(sources: list[str], parts_sessions: list[float], conversions: list[float]):
    """Deux barres horizontales par source : part du trafic et taux de conversion (deux panneaux).

    Rend une ``Figure`` (graphique fixe de la leçon).
    """
    figure, (gauche, droite) = nouvelle_figure(8.6, 3.9, ncols=2, sharey=True)
    positions = list(range(len(sources)))[::-1]
    gauche.barh(positions, parts_sessions, color=COULEUR_PRINCIPALE)
    droite.barh(positions, conversions, color=COULEUR_ATTEINT)
    for axes, valeurs, titre in (
        (gauche, parts_sessions, "Part des sessions"),
        (droite, conversions, "Taux de conversion"),
    ):
        axes.set_title(titre)
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: fmt.pourcent(x, 0)))
        axes.grid(axis="y", visible=False)
        axes.set_xlim(0, max(valeurs) * 1.35 or 1)
        for y, valeur in zip(positions, valeurs, strict=True):
            axes.text(valeur, y, " " + fmt.pourcent(valeur), va="center", fontsize="small")
    gauche.set_yticks(positions, sources)
    return figure


def figure_etapes():
    """L'entonnoir du site en trois étapes : la sélection (couleur) face à la moyenne du site (gris).

    Rend ``(figure, barres_selection, barres_site, etiquettes, titre)`` : les largeurs des
    barres et les textes se changent sur place.
    """
    figure, axes = nouvelle_figure(7.4, 3.6)
    positions = [2, 1, 0]
    barres_site = axes.barh(
        [p - 0.2 for p in positions], [0] * 3, height=0.38, color=PALETTE["gris"], label="moyenne du site"
    )
    barres = axes.barh(
        [p + 0.2 for p in positions], [0] * 3, height=0.38, color=COULEUR_PRINCIPALE, label="sélection"
    )
    etiquettes = [
        axes.text(0, p + 0.2, "", va="center", fontsize="small", bbox=_BOITE) for p in positions
    ] + [axes.text(0, p - 0.2, "", va="center", fontsize="small", bbox=_BOITE) for p in positions]
    axes.set_yticks(
        positions,
        [
            "Engagement\n(engagées ÷ sessions)",
            "Mise au panier\n(paniers ÷ engagées)",
            "Finalisation\n(commandes ÷ paniers)",
        ],
    )
    axes.set_xlim(0, 118)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: fmt.pourcent(x, 0)))
    axes.grid(axis="y", visible=False)
    titre = axes.set_title(" ")
    figure.legend(loc="outside lower center", ncols=2, fontsize="small", frameon=False)
    figer_mise_en_page(figure)
    return figure, barres, barres_site, etiquettes, titre


def maj_barres_etapes(barres, etiquettes, valeurs, decalage: int, couleurs=None) -> None:
    """Met à jour des barres d'étapes (``None`` : étape vide, barre nulle et mention « aucun »)."""
    for i, (barre, valeur) in enumerate(zip(barres, valeurs, strict=True)):
        barre.set_width(valeur or 0)
        if couleurs:
            barre.set_color(couleurs[i])
        texte = etiquettes[decalage + i]
        texte.set_x((valeur or 0) + 1)
        texte.set_text(fmt.pourcent(valeur) if valeur is not None else "aucun panier")


def figure_segments():
    """Les segments RFM en barres horizontales (nombre de clients), avec leur part du chiffre d'affaires.

    Rend ``(figure, barres, etiquettes)``.
    """
    figure, axes = nouvelle_figure(7.4, 3.8)
    positions = list(range(len(SEGMENTS_RFM)))[::-1]
    couleurs = [
        COULEUR_ATTEINT,
        COULEUR_PRINCIPALE,
        PALETTE["ciel"],
        COULEUR_ACCENT,
        COULEUR_MANQUE,
        PALETTE["gris"],
    ]
    barres = axes.barh(positions, [0] * len(SEGMENTS_RFM), color=couleurs, height=0.65)
    etiquettes = [axes.text(0, p, "", va="center", fontsize="small", bbox=_BOITE) for p in positions]
    axes.set_yticks(positions, list(SEGMENTS_RFM))
    axes.set_xlabel("clients")
    axes.grid(axis="y", visible=False)
    axes.set_title("Clients par segment (et leur part du chiffre d'affaires)")
    axes.set_xlim(0, 300)
    figer_mise_en_page(figure)
    return figure, barres, etiquettes


def figure_tunnel():
    """Chiffre d'affaires du mois : celui mesuré et celui du scénario. Rend ``(figure, barres, etiquettes)``."""
    figure, axes = nouvelle_figure(6.4, 3.4)
    barres = axes.bar(
        ["Mesuré\n(mars)", "Scénario"], [0, 0], color=[PALETTE["gris"], COULEUR_PRINCIPALE], width=0.55
    )
    etiquettes = [
        axes.text(i, 0, "", ha="center", va="bottom", fontsize="large", bbox=_BOITE) for i in range(2)
    ]
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _p: fmt.monnaie(y, 0)))
    axes.grid(axis="x", visible=False)
    axes.set_title("Chiffre d'affaires du mois")
    axes.set_ylim(0, 100_000)
    figer_mise_en_page(figure)
    return figure, barres, etiquettes
