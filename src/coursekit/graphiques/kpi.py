"""Graphiques du chapitre 06 (KPI) : une fonction par graphique.

Chaque fonction dessine la figure une fois et rend les éléments que le
simulateur met à jour sur place (hauteurs de barres, textes, points).
"""

from __future__ import annotations

import math

from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import FuncFormatter

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ACCENT, COULEUR_ATTEINT, COULEUR_PRINCIPALE, PALETTE
from coursekit.graphiques.base import nouvelle_figure

BARRES_CAMPAGNE = ("Dépense", "Chiffre\nd'affaires", "Marge")


def figer_mise_en_page(figure) -> None:
    """Calcule une fois la mise en page, puis la fige : les mises à jour suivantes n'ont plus à la refaire.

    La mise en page automatique prend près de la moitié du temps de dessin ; un simulateur
    dont les axes gardent la même place répond ainsi deux fois plus vite.
    """
    figure.draw_without_rendering()
    figure.set_layout_engine("none")


def figure_campagne():
    """Barres « dépense, chiffre d'affaires, marge » d'une campagne, et la ligne de la dépense à couvrir.

    Rend ``(figure, barres, etiquettes, ligne_depense)`` : trois barres, leurs trois
    étiquettes de valeur et la ligne horizontale pointillée au niveau de la dépense.
    """
    figure, axes = nouvelle_figure(7.0, 3.8)
    barres = axes.bar(
        BARRES_CAMPAGNE, [0, 0, 0], color=[PALETTE["gris"], COULEUR_PRINCIPALE, COULEUR_ATTEINT], width=0.6
    )
    # Pas de gras : la police sans empattement n'a pas toujours sa graisse grasse installée.
    etiquettes = [
        axes.text(
            i,
            0,
            "",
            ha="center",
            va="bottom",
            fontsize="large",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        )
        for i in range(3)
    ]
    ligne_depense = axes.axhline(
        0, color=PALETTE["noir"], linestyle="--", linewidth=1.5, label="dépense à couvrir par la marge"
    )
    # Légende sous le graphique : en haut à droite, elle cachait l'étiquette de la plus haute barre.
    figure.legend(loc="outside lower center", fontsize="small", frameon=False)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _p: fmt.monnaie(y, 0)))
    axes.grid(axis="x", visible=False)
    # Titre court : au projecteur, la version longue sortait de l'image.
    axes.set_title("Dépense, ventes et marge")
    # Place réservée pour les plus longues graduations (« 1 000 000 € ») avant de figer.
    axes.set_ylim(0, 1_000_000)
    figer_mise_en_page(figure)
    return figure, barres, etiquettes, ligne_depense


def figure_tendances(mois: list[str], series: dict, objectifs: dict, titres: dict, formats: dict):
    """Quatre petits graphiques (un par KPI) : le réalisé mois par mois et l'objectif en pointillé.

    ``series`` associe une clé de KPI à ses valeurs mensuelles ; ``objectifs``,
    ``titres`` et ``formats`` (fonction d'écriture des graduations) ont les mêmes clés.
    Rend ``(figure, reperes)`` : pour chaque KPI, le point qui marque le mois choisi
    (``set_data`` le déplace).
    """
    figure, grille = nouvelle_figure(8.6, 5.2, nrows=2, ncols=2)
    positions = list(range(len(mois)))
    reperes = {}
    for axes, (cle, valeurs) in zip(grille.flat, series.items(), strict=True):
        axes.plot(positions, valeurs, marker="o", color=COULEUR_PRINCIPALE, linewidth=2, label="réalisé")
        axes.axhline(objectifs[cle], color=COULEUR_ACCENT, linestyle="--", linewidth=2, label="objectif")
        (reperes[cle],) = axes.plot(
            [],
            [],
            marker="o",
            markersize=14,
            markerfacecolor="none",
            markeredgecolor=PALETTE["noir"],
            markeredgewidth=2.5,
            linestyle="none",
        )
        axes.set_title(titres[cle])
        axes.set_xticks(positions, mois)
        formateur = formats[cle]
        axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _p, f=formateur: f(y)))
        bas = min(min(valeurs), objectifs[cle])
        haut = max(max(valeurs), objectifs[cle])
        marge = (haut - bas) * 0.15 or 1
        axes.set_ylim(max(0, bas - marge), haut + marge)
    grille.flat[0].legend(loc="lower right", fontsize="small")
    figer_mise_en_page(figure)
    return figure, reperes


ETAPES_BOUCLE = ("Créer", "Publier", "Mesurer", "Analyser", "Améliorer", "Recommencer")


def figure_boucle(etapes=ETAPES_BOUCLE):
    """La boucle d'amélioration continue : six étapes en cercle, reliées par des flèches."""
    figure, axes = nouvelle_figure(5.6, 4.4)
    axes.set_axis_off()
    axes.set_xlim(-1.6, 1.6)
    axes.set_ylim(-1.3, 1.3)
    axes.set_aspect("equal")
    n = len(etapes)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    points = [(math.cos(a), math.sin(a)) for a in angles]
    couleurs = [
        COULEUR_PRINCIPALE,
        PALETTE["ciel"],
        COULEUR_ACCENT,
        PALETTE["vermillon"],
        COULEUR_ATTEINT,
        PALETTE["violet"],
    ]
    for i, ((x, y), etape) in enumerate(zip(points, etapes, strict=True)):
        axes.text(
            x,
            y,
            f"{i + 1}. {etape}",
            ha="center",
            va="center",
            fontweight="bold",
            bbox={
                "boxstyle": "round,pad=0.4",
                "facecolor": "white",
                "edgecolor": couleurs[i % 6],
                "linewidth": 2.5,
            },
        )
        x2, y2 = points[(i + 1) % n]
        axes.add_patch(
            FancyArrowPatch(
                (x, y),
                (x2, y2),
                connectionstyle="arc3,rad=-0.25",
                arrowstyle="-|>",
                mutation_scale=18,
                shrinkA=30,
                shrinkB=30,
                color=PALETTE["gris"],
                linewidth=1.8,
            )
        )
    axes.text(0, 0, "piloter\npar les KPI", ha="center", va="center", style="italic")
    return figure
