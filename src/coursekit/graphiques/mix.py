"""Graphiques du chapitre 01 (mix marketing digital).

Les données viennent de :mod:`coursekit.mix` ; ces fonctions ne font que dessiner.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.patches import Rectangle

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ACCENT, COULEUR_PRINCIPALE, PALETTE
from coursekit.graphiques.base import nouvelle_figure
from coursekit.mix import FORMATS_BANNIERES, HISTORIQUE

COULEUR_ECARTE = "#c9c9c9"

# Position (coin haut gauche, en pixels) de chaque format sur la « page » dessinée.
_POSITIONS = {
    "Méga-bannière": (20, 20),
    "Bannière classique": (20, 150),
    "Pavé": (20, 250),
    "Gratte-ciel": (820, 20),
}


def figure_bannieres():
    """Les quatre formats de bannières dessinés à la même échelle, dimensions écrites dessus.

    >>> figure = figure_bannieres()
    >>> len(figure.axes[0].patches)
    5
    """
    figure, axes = nouvelle_figure(8.0, 5.6)
    axes.add_patch(
        Rectangle((0, 0), 960, 640, facecolor="#f7f7f7", edgecolor=PALETTE["gris"], linestyle="--")
    )
    couleurs = [PALETTE["bleu"], PALETTE["orange"], PALETTE["vert"], PALETTE["violet"]]
    for format_banniere, couleur in zip(FORMATS_BANNIERES, couleurs, strict=True):
        x, y = _POSITIONS[format_banniere.nom]
        largeur, hauteur = format_banniere.largeur, format_banniere.hauteur
        axes.add_patch(Rectangle((x, y), largeur, hauteur, facecolor=couleur, alpha=0.85, edgecolor="black"))
        texte = f"{format_banniere.nom}\n{format_banniere.dimensions} px"
        vertical = hauteur > largeur
        axes.text(
            x + largeur / 2,
            y + hauteur / 2,
            texte,
            ha="center",
            va="center",
            color="white",
            fontweight="bold",
            rotation=90 if vertical else 0,
        )
    axes.set_xlim(-10, 970)
    axes.set_ylim(650, -10)  # l'axe vertical descend, comme sur une page web
    axes.set_aspect("equal")
    axes.set_axis_off()
    axes.set_title("Les formats de bannières, à l'échelle (une page de 960 × 640 pixels)")
    return figure


def figure_historique():
    """Frise des grandes étapes du marketing, de 1940 à 2000.

    >>> len(figure_historique().axes[0].texts)
    12
    """
    figure, axes = nouvelle_figure(9.0, 2.8)
    annees = [annee for annee, _, _ in HISTORIQUE]
    axes.plot(annees, [0] * len(annees), color=PALETTE["gris"], linewidth=2, zorder=1)
    axes.scatter(annees, [0] * len(annees), s=120, color=COULEUR_PRINCIPALE, zorder=2)
    for rang, (annee, ere, _idee) in enumerate(HISTORIQUE):
        haut = 1 if rang % 2 == 0 else -1
        cote = "bottom" if haut > 0 else "top"
        axes.text(annee, 0.18 * haut, str(annee), ha="center", va=cote)
        axes.text(annee, 0.55 * haut, ere, ha="center", va=cote, fontweight="bold")
    axes.set_xlim(1932, 2008)
    axes.set_ylim(-1.0, 1.0)
    axes.set_axis_off()
    axes.set_title("Du marketing de production au marketing 2.0")
    return figure


def figure_adequation(noms: Sequence[str]):
    """Barres horizontales : adéquation (en %) de chaque levier à l'objectif et à la cible.

    Rend ``(figure, barres, etiquettes)`` ; le simulateur règle la longueur
    (``set_width``), la couleur et le texte de chaque barre sur place.
    """
    figure, axes = nouvelle_figure(8.0, 4.4)
    positions = list(range(len(noms)))
    barres = axes.barh(positions, [0] * len(noms), color=COULEUR_ECARTE)
    axes.set_yticks(positions, list(noms))
    axes.invert_yaxis()
    axes.set_xlim(0, 118)
    axes.set_xticks([0, 25, 50, 75, 100], [fmt.pourcent(x, 0) for x in (0, 25, 50, 75, 100)])
    axes.set_xlabel("Adéquation à l'objectif et à la cible")
    axes.grid(axis="y", visible=False)
    etiquettes = [axes.text(0, i, "", va="center", ha="left") for i in positions]
    axes.set_title("Leviers recommandés (en couleur) et écartés (en gris)")
    return figure, barres, etiquettes


def figure_budget(canaux: Sequence[str]):
    """Barres horizontales : montant de chaque canal ; la dernière barre est la réserve.

    Rend ``(figure, barres, etiquettes)`` ; le simulateur met à jour longueurs et
    étiquettes, puis l'échelle (``barres[0].axes.set_xlim``).
    """
    figure, axes = nouvelle_figure(8.0, 0.55 * len(canaux) + 1.6)
    positions = list(range(len(canaux)))
    couleurs = [COULEUR_PRINCIPALE] * (len(canaux) - 1) + [COULEUR_ACCENT]
    barres = axes.barh(positions, [0] * len(canaux), color=couleurs)
    axes.set_yticks(positions, list(canaux))
    axes.invert_yaxis()
    axes.grid(axis="y", visible=False)
    axes.set_xticks([])  # chaque barre porte son montant : pas besoin de graduations
    axes.spines["bottom"].set_visible(False)
    etiquettes = [axes.text(0, i, "", va="center", ha="left") for i in positions]
    axes.set_title("Répartition du budget")
    return figure, barres, etiquettes
