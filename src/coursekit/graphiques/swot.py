"""Graphique du chapitre 02 : la matrice SWOT en 2 × 2, lisible au projecteur.

Lignes : facteurs internes (l'entreprise) puis externes (son environnement) ;
colonnes : positifs puis négatifs. Chaque case a sa couleur (palette lisible par
les personnes daltoniennes), sa lettre et son titre : la couleur n'est jamais le
seul repère. Les textes longs passent à la ligne ; un texte très long est coupé
par « … » **dans la figure seulement** (l'analyse, elle, garde tout).
"""

from __future__ import annotations

import textwrap

from matplotlib.colors import to_rgba
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch
from matplotlib.transforms import offset_copy

from coursekit import format as fmt
from coursekit.affichage import PALETTE, projecteur_actif
from coursekit.graphiques.base import nouvelle_figure
from coursekit.swot import LETTRES, QUADRANTS, SINGULIERS, TITRES, Swot, abreger

COULEURS_SWOT = {
    "forces": PALETTE["vert"],
    "faiblesses": PALETTE["vermillon"],
    "opportunites": PALETTE["bleu"],
    "menaces": PALETTE["orange"],
}
LARGEUR, HAUTEUR = 10.0, 6.6
# Coin bas gauche (x, y) de chaque case, en coordonnées de l'axe (0 à 1).
_MARGE_GAUCHE, _HAUT, _ECART = 0.055, 0.93, 0.012
_L = (1 - _MARGE_GAUCHE - _ECART) / 2
_H = (_HAUT - _ECART) / 2
_POSITIONS = {
    "forces": (_MARGE_GAUCHE, _H + _ECART),
    "faiblesses": (_MARGE_GAUCHE + _L + _ECART, _H + _ECART),
    "opportunites": (_MARGE_GAUCHE, 0.0),
    "menaces": (_MARGE_GAUCHE + _L + _ECART, 0.0),
}
LIGNES_PAR_ENTREE = 3


# Au projecteur, les lettres sont plus grandes : la matrice est plus haute et ses
# constats un peu moins gros que les titres, pour que trois constats tiennent par case.
HAUTEUR_PROJECTEUR = 8.25


def _mise_en_page(taille: float, hauteur: float = HAUTEUR) -> tuple[int, int]:
    """(caractères par ligne, lignes par case) pour une taille de police en points."""
    largeur_points = _L * LARGEUR * 72 * 0.94
    hauteur_points = (_H - 0.105) * hauteur * 0.93 * 72
    return max(12, int(largeur_points / (0.6 * taille))), max(2, int(hauteur_points / (1.3 * taille)))


def texte_quadrant(entrees: list[str], quadrant: str, largeur: int, lignes_max: int) -> str:
    """Le texte d'une case : puces, retours à la ligne, « … » pour ce qui ne tient pas.

    >>> print(texte_quadrant(["une offre claire", "des photos soignées"], "forces", 40, 5))
    • une offre claire
    • des photos soignées
    """
    if not entrees:
        return f"(vide : ajoutez une {SINGULIERS[quadrant]})"
    lignes: list[str] = []
    for rang, entree in enumerate(entrees):
        morceaux = textwrap.wrap(
            abreger(entree, largeur * LIGNES_PAR_ENTREE - 4),
            width=largeur - 2,
            break_long_words=True,
            break_on_hyphens=False,
        )
        restantes = len(entrees) - rang
        place = lignes_max - len(lignes) - (1 if restantes > 1 else 0)
        if len(morceaux) > place:
            if place >= 1 and restantes == 1:
                morceaux = morceaux[:place]
                morceaux[-1] = abreger(morceaux[-1] + " …", largeur - 2)
            else:
                lignes.append(f"… et {restantes} autre{'s' if restantes > 1 else ''}")
                break
        lignes += ["• " + morceaux[0]] + ["  " + m for m in morceaux[1:]]
    return "\n".join(lignes)


def figure_swot(swot: Swot | None = None):
    """Dessine la matrice SWOT ; rend ``(figure, elements)``.

    ``elements`` associe à chaque quadrant son texte (``matplotlib.text.Text``) et
    à ``"titre"`` le titre : :func:`remplir_swot` les met à jour sur place.
    """
    projecteur = projecteur_actif()
    figure, axes = nouvelle_figure(LARGEUR, HAUTEUR_PROJECTEUR if projecteur else HAUTEUR)
    # Mise en page fixe : la matrice occupe toute la figure, quel que soit le texte saisi.
    figure.set_layout_engine("none")
    axes.set_position((0.005, 0.005, 0.99, 0.93))
    axes.set_axis_off()
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    elements = {}
    taille_titre = FontProperties(size="x-large").get_size_in_points()
    for quadrant in QUADRANTS:
        x, y = _POSITIONS[quadrant]
        couleur = COULEURS_SWOT[quadrant]
        axes.add_patch(
            FancyBboxPatch(
                (x, y),
                _L,
                _H,
                boxstyle="round,pad=0,rounding_size=0.015",
                facecolor=to_rgba(couleur, 0.12),
                edgecolor=couleur,
                linewidth=2.5,
            )
        )
        axes.text(
            x + 0.012,
            y + _H - 0.015,
            f" {LETTRES[quadrant]} ",
            ha="left",
            va="top",
            fontweight="bold",
            color="white",
            fontsize="large",
            bbox={"boxstyle": "round,pad=0.2", "facecolor": couleur, "edgecolor": couleur},
        )
        axes.text(
            x + 0.012,
            y + _H - 0.015,
            TITRES[quadrant],
            transform=offset_copy(axes.transData, figure, x=2.2 * taille_titre, units="points"),
            ha="left",
            va="top",
            fontweight="bold",
            fontsize="x-large",
            color=PALETTE["noir"],
        )
        elements[quadrant] = axes.text(
            x + 0.015,
            y + _H - 0.09,
            "",
            ha="left",
            va="top",
            linespacing=1.3,
            color=PALETTE["noir"],
            fontsize="medium" if projecteur else "large",
            clip_on=True,
        )
    gris = PALETTE["gris"]
    axes.text(
        _MARGE_GAUCHE + _L / 2, 0.965, "Positif (+)", ha="center", va="center", color=gris, fontweight="bold"
    )
    axes.text(
        _MARGE_GAUCHE + 1.5 * _L + _ECART,
        0.965,
        "Négatif (−)",
        ha="center",
        va="center",
        color=gris,
        fontweight="bold",
    )
    axes.text(
        0.02,
        _H + _ECART + _H / 2,
        "Interne\n(l'entreprise)",
        rotation=90,
        ha="center",
        va="center",
        color=gris,
        fontweight="bold",
    )
    axes.text(
        0.02,
        _H / 2,
        "Externe\n(l'environnement)",
        rotation=90,
        ha="center",
        va="center",
        color=gris,
        fontweight="bold",
    )
    elements["titre"] = figure.text(
        0.005, 0.995, "", ha="left", va="top", fontweight="bold", fontsize="x-large"
    )
    remplir_swot(elements, swot if swot is not None else Swot())
    return figure, elements


def remplir_swot(elements: dict, swot: Swot) -> None:
    """Met à jour sur place les textes de la matrice (ni nouvelle figure, ni nouvel axe)."""
    taille = elements["forces"].get_fontsize()
    largeur, lignes_max = _mise_en_page(taille, elements["forces"].figure.get_figheight())
    for quadrant in QUADRANTS:
        entrees = swot.quadrant(quadrant)
        texte = elements[quadrant]
        texte.set_text(texte_quadrant(entrees, quadrant, largeur, lignes_max))
        texte.set_color(PALETTE["noir"] if entrees else PALETTE["gris"])
        texte.set_fontstyle("normal" if entrees else "italic")
    nom = abreger(swot.entreprise, 60) if swot.entreprise.strip() else ""
    elements["titre"].set_text(f"Analyse SWOT : {nom}" if nom else "Analyse SWOT")


def dessiner_swot(swot: Swot):
    """La matrice d'une analyse, prête à afficher en dernière ligne d'une cellule."""
    figure, _elements = figure_swot(swot)
    return figure


def figure_interaction(faible: float, fort: float):
    """Jauge du taux d'interaction d'un concurrent, sur trois zones repères.

    Rend ``(figure, axes, barre, etiquette)`` ; la barre et son étiquette se mettent à jour sur place.
    """
    figure, axes = nouvelle_figure(8.0, 2.6)
    zones = []
    for debut, fin, couleur, nom in (
        (0, faible, PALETTE["vermillon"], f"moins de {fmt.pourcent(faible, 0)} : peu impliquée"),
        (faible, fort, PALETTE["gris"], f"{fmt.nombre(faible, 0)} à {fmt.pourcent(fort, 0)} : moyenne"),
        (fort, 1_000, PALETTE["vert"], f"{fmt.pourcent(fort, 0)} et plus : active"),
    ):
        zones.append(axes.axvspan(debut, fin, color=couleur, alpha=0.2, linewidth=0, label=nom))
    # Légende à droite, une zone par ligne : sur une seule ligne, elle dépasse la figure
    # en mode projecteur et écrase la jauge.
    axes.legend(handles=zones, loc="center left", bbox_to_anchor=(1.01, 0.5), ncols=1, frameon=False)
    barre = axes.barh([0], [0], height=0.35, color=PALETTE["bleu"])[0]
    etiquette = axes.text(0, 0, "", va="center", ha="left", fontweight="bold")
    axes.set_yticks([])
    axes.set_ylim(-0.5, 0.8)
    axes.set_xlabel("Taux d'interaction (%)")
    axes.grid(axis="y", visible=False)
    return figure, axes, barre, etiquette
