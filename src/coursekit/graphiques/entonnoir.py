"""Graphiques du chapitre 05 : entonnoir centré, comparaison de canaux, satisfaction.

Chaque figure est dessinée une fois ; les fonctions ``afficher_*`` mettent à jour
ses éléments sur place à partir d'un tableau déjà calculé par
:mod:`coursekit.entonnoir` (aucun calcul métier ici).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.patches import Patch

from coursekit import format as fmt
from coursekit.affichage import COULEUR_MANQUE, COULEUR_PRINCIPALE, PALETTE
from coursekit.graphiques.base import nouvelle_figure

if TYPE_CHECKING:  # pandas seulement pour les annotations : ce module ne l'importe pas
    import pandas as pd

COULEUR_NEUTRE = PALETTE["gris"]
COULEURS_CANAUX = (PALETTE["bleu"], PALETTE["orange"], PALETTE["vert"], PALETTE["violet"], PALETTE["ciel"])


@dataclass
class ElementsEntonnoir:
    """Ce qu'un simulateur met à jour : une barre, un volume et un commentaire par étape."""

    figure: object
    axes: object
    barres: list
    volumes: list
    commentaires: list
    maillon_affiche: str | None = ""
    """Le maillon faible dont les noms d'étapes ont l'allure (« » : aucune encore)."""


def figure_entonnoir(etapes, titre: str = "") -> ElementsEntonnoir:
    """Entonnoir en barres horizontales centrées, une par étape (la première en haut)."""
    etapes = list(etapes)
    figure, axes = nouvelle_figure(8.5, 0.62 * len(etapes) + 1.3)
    positions = range(len(etapes))
    barres = list(axes.barh(positions, [0] * len(etapes), left=0, height=0.78, color=COULEUR_PRINCIPALE))
    axes.set_yticks(list(positions), etapes)
    axes.invert_yaxis()
    axes.grid(False)
    axes.set_xticks([])
    for cote in ("left", "bottom"):
        axes.spines[cote].set_visible(False)
    axes.tick_params(axis="y", length=0)
    volumes = [axes.text(0, y, "", ha="center", va="center", fontweight="bold") for y in positions]
    commentaires = [axes.text(0, y, "", ha="left", va="center", color=COULEUR_NEUTRE) for y in positions]
    if titre:
        axes.set_title(titre, loc="left")
    return ElementsEntonnoir(figure, axes, barres, volumes, commentaires)


def afficher_entonnoir(elements: ElementsEntonnoir, table: pd.DataFrame, maillon: str | None = None) -> None:
    """Met à jour l'entonnoir avec un tableau de :func:`coursekit.entonnoir.entonnoir`.

    Le maillon faible est peint dans la couleur d'alerte et son commentaire en gras.
    """
    largeur = float(table["volume"].max()) or 1.0
    elements.axes.set_xlim(-0.52 * largeur, 1.32 * largeur)
    colonne = 0.55 * largeur
    for rang, ligne in enumerate(table.itertuples(index=False)):
        barre, texte, commentaire = elements.barres[rang], elements.volumes[rang], elements.commentaires[rang]
        faible = ligne.etape == maillon
        barre.set_width(ligne.volume)
        barre.set_x(-ligne.volume / 2)
        barre.set_color(COULEUR_MANQUE if faible else COULEUR_PRINCIPALE)
        texte.set_text(fmt.nombre(ligne.volume))
        if ligne.volume >= 0.22 * largeur:
            texte.set_position((0, rang))
            texte.set_horizontalalignment("center")
            texte.set_color("white")
        else:
            texte.set_position((ligne.volume / 2 + 0.015 * largeur, rang))
            texte.set_horizontalalignment("left")
            texte.set_color("black")
        commentaire.set_position((colonne, rang))
        if rang == 0:
            commentaire.set_text("point de départ")
        else:
            commentaire.set_text(
                f"{fmt.pourcent(ligne.taux_etape)} gardés, {fmt.nombre(ligne.pertes)} "
                + ("perdu" if round(ligne.pertes, 1) < 2 else "perdus")
                + ("\n▲ maillon faible" if faible else "")
            )
        commentaire.set_color(COULEUR_MANQUE if faible else COULEUR_NEUTRE)
        commentaire.set_fontweight("bold" if faible else "normal")
    # Les noms d'étapes ne changent d'allure que si le maillon faible change : y toucher à chaque
    # geste obligerait à redessiner toutes les graduations (voir graphiques.calques).
    if elements.maillon_affiche != maillon:
        for rang, etiquette in enumerate(elements.axes.get_yticklabels()):
            faible = rang < len(table) and table["etape"].iloc[rang] == maillon
            etiquette.set_color(COULEUR_MANQUE if faible else "black")
            etiquette.set_fontweight("bold" if faible else "normal")
        elements.maillon_affiche = maillon


def figure_entonnoir_tableau(table: pd.DataFrame, maillon: str | None = None, titre: str = ""):
    """Figure toute prête d'un entonnoir déjà calculé (pour les exemples du cours)."""
    elements = figure_entonnoir(table["etape"], titre)
    afficher_entonnoir(elements, table, maillon)
    return elements.figure


@dataclass
class ElementsCanaux:
    """Barres groupées (taux d'étape par canal) et barres de taux de conversion."""

    figure: object
    axes_etapes: object
    axes_conversion: object
    barres_etapes: dict
    barres_conversion: dict
    etiquettes_conversion: dict
    etapes: tuple


def _coupure(etape: str, longueur: int = 10) -> str:
    """Coupe un nom d'étape trop long en deux lignes, avec un trait d'union (« Recom-/mandation »)."""
    if len(etape) <= longueur:
        return etape
    milieu = len(etape) // 2 - 2
    return f"{etape[:milieu]}-\n{etape[milieu:]}"


def figure_canaux(canaux, etapes) -> ElementsCanaux:
    """Deux panneaux : taux de chaque étape par canal (maillon faible hachuré) et taux de conversion."""
    canaux, etapes = list(canaux), tuple(etapes)
    # les deux panneaux l'un sous l'autre, dans 8,6 pouces : la zone graphique s'arrête à 860 pixels,
    # une figure plus large serait réduite et son texte deviendrait illisible au projecteur
    figure, (gauche, droite) = nouvelle_figure(8.6, 7.4, nrows=2, height_ratios=[3, 1.7])
    barres_etapes, barres_conversion, etiquettes = {}, {}, {}
    for rang, canal in enumerate(canaux):
        couleur = COULEURS_CANAUX[rang % len(COULEURS_CANAUX)]
        barres_etapes[canal] = list(
            gauche.bar(range(len(etapes)), [0] * len(etapes), width=0.1, color=couleur)
        )
        barres_conversion[canal] = droite.barh(rang, 0, height=0.7, color=couleur)[0]
        etiquettes[canal] = droite.text(0, rang, "", va="center", ha="left")
    # les noms longs (« Recommandation ») passent sur deux lignes pour ne pas toucher leur voisin
    gauche.set_xticks(range(len(etapes)), [_coupure(etape) for etape in etapes])
    gauche.set_ylim(0, 105)
    gauche.set_xlim(-0.5, len(etapes) - 0.5)
    gauche.yaxis.set_major_formatter(lambda valeur, _p: fmt.pourcent(valeur, 0))
    gauche.set_title("Taux de chaque étape (part de l'étape d'avant)", loc="left")
    gauche.grid(axis="x", visible=False)
    droite.set_title("Taux de conversion")
    droite.invert_yaxis()
    droite.set_xticks([])
    droite.grid(False)
    droite.spines["bottom"].set_visible(False)
    droite.tick_params(axis="y", length=0)
    return ElementsCanaux(figure, gauche, droite, barres_etapes, barres_conversion, etiquettes, etapes)


def afficher_canaux(elements: ElementsCanaux, tables: dict, comparaison: pd.DataFrame) -> None:
    """Montre les canaux de ``comparaison`` (dans son ordre) et cache les autres.

    ``tables`` associe un canal à son tableau d'entonnoir ; la première étape
    (les visites) n'a pas de barre.
    """
    choisis = list(comparaison["canal"])
    largeur = 0.8 / len(choisis)
    maximum = float(comparaison["taux_conversion"].max()) or 1.0
    for canal, barres in elements.barres_etapes.items():
        visible = canal in choisis
        elements.barres_conversion[canal].set_visible(visible)
        elements.etiquettes_conversion[canal].set_visible(visible)
        for barre in barres:
            barre.set_visible(visible)
        if not visible:
            continue
        rang = choisis.index(canal)
        ligne = comparaison.iloc[rang]
        taux = dict(zip(tables[canal]["etape"], tables[canal]["taux_etape"], strict=True))
        for position, (barre, etape) in enumerate(zip(barres, elements.etapes, strict=True)):
            barre.set_x(position - 0.4 + rang * largeur)
            barre.set_width(largeur)
            barre.set_height(taux[etape])
            faible = etape == ligne["maillon_faible"]
            barre.set_hatch("//" if faible else "")
            barre.set_edgecolor("black" if faible else barre.get_facecolor())
            barre.set_linewidth(1.5 if faible else 0)
        barre_conversion = elements.barres_conversion[canal]
        barre_conversion.set_y(rang - 0.35)
        barre_conversion.set_width(ligne["taux_conversion"])
        etiquette = elements.etiquettes_conversion[canal]
        etiquette.set_position((ligne["taux_conversion"] + 0.03 * maximum, rang))
        etiquette.set_text(fmt.pourcent(ligne["taux_conversion"]))
    elements.axes_conversion.set_yticks(range(len(choisis)), choisis)
    elements.axes_conversion.set_ylim(len(choisis) - 0.5, -0.5)
    elements.axes_conversion.set_xlim(0, maximum * 1.45)
    poignees = [Patch(facecolor=elements.barres_conversion[c].get_facecolor(), label=c) for c in choisis] + [
        Patch(facecolor="white", edgecolor="black", hatch="//", label="maillon faible")
    ]
    elements.axes_etapes.legend(
        handles=poignees,
        loc="upper center",
        bbox_to_anchor=(0.4, -0.2),  # un peu à gauche : centrée sur la figure, pas sur les axes
        ncols=3,
        frameon=False,
        columnspacing=1.2,
        handlelength=1.6,
    )


@dataclass
class ElementsSatisfaction:
    """Deux barres (attentes, expérience vécue) et l'écart écrit à droite."""

    figure: object
    axes: object
    barres: list
    ecart: object


def figure_satisfaction() -> ElementsSatisfaction:
    """Attentes et expérience vécue sur une échelle de 0 à 10."""
    figure, axes = nouvelle_figure(7.5, 2.4)
    barres = list(axes.barh([0, 1], [0, 0], height=0.6, color=[COULEUR_NEUTRE, COULEUR_PRINCIPALE]))
    axes.set_yticks([0, 1], ["Attentes", "Expérience vécue"])
    axes.invert_yaxis()
    axes.set_xlim(0, 13.5)
    axes.set_xticks(range(0, 11, 2))
    axes.grid(axis="y", visible=False)
    ecart = axes.text(12.6, 0.5, "", ha="center", va="center", fontweight="bold")
    return ElementsSatisfaction(figure, axes, barres, ecart)


def afficher_satisfaction(
    elements: ElementsSatisfaction, attentes: float, vecue: float, ecart: float
) -> None:
    """Met à jour les deux barres et l'écart (vert si positif ou nul, couleur d'alerte sinon)."""
    elements.barres[0].set_width(attentes)
    elements.barres[1].set_width(vecue)
    couleur = PALETTE["vert"] if ecart >= 0 else COULEUR_MANQUE
    elements.barres[1].set_color(couleur)
    elements.ecart.set_text(f"écart\n{fmt.nombre(ecart, 1, signe=True)}")
    elements.ecart.set_color(couleur)
