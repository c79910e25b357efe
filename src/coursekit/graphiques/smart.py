"""Graphiques du chapitre 04 (objectifs SMART).

Ces fonctions dessinent ; les chiffres viennent de :mod:`coursekit.smart`.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from matplotlib.patches import FancyBboxPatch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ACCENT, COULEUR_ATTEINT, COULEUR_MANQUE, COULEUR_PRINCIPALE, PALETTE
from coursekit.graphiques.base import nouvelle_figure
from coursekit.smart import NIVEAUX, SEUIL_ALERTE

if TYPE_CHECKING:  # pandas seulement pour les annotations : ce module ne l'importe pas
    import pandas as pd


def _pourcent_axe(valeur: float, _position=None) -> str:
    return fmt.pourcent(valeur, 0)


class GraduationMois(MaxNLocator):
    """Graduations des mois : des entiers, aussi nombreux que la largeur de l'axe le permet
    sans que leurs étiquettes (un ou deux chiffres) se touchent, à la taille de police du mode
    en cours (normal ou projecteur) ; le pas est un nombre rond de mois (1, 2, 3, 4, 5, 6, 10…).

    ``nbins="auto"`` de matplotlib suppose des étiquettes trois fois plus larges que hautes, ce
    qui laisse deux graduations sur le petit panneau au projecteur : un mois tient en deux
    chiffres, on en met une fois et demie plus.

    >>> from coursekit.graphiques.base import nouvelle_figure
    >>> figure, axe = nouvelle_figure(4, 3)
    >>> axe.xaxis.set_major_locator(GraduationMois())
    >>> axe.set_xlim(0.5, 17.5)
    (0.5, 17.5)
    >>> all(float(t).is_integer() for t in axe.get_xticks())
    True
    """

    RESSERREMENT = 1.5

    def __init__(self):
        super().__init__(integer=True, steps=[1, 2, 3, 4, 5, 6, 10])

    def tick_values(self, vmin, vmax):
        if self.axis is not None:
            self.set_params(nbins=max(2, int(self.axis.get_tick_space() * self.RESSERREMENT)))
        return super().tick_values(vmin, vmax)


def figure_trajectoires():
    """Deux panneaux : la valeur visée chaque mois (linéaire et composée) et la hausse de chaque mois.

    Rend ``(figure, elements)`` ; ``elements`` est un dict d'objets matplotlib que le
    simulateur met à jour sur place : ``lineaire``, ``composee`` (courbes de gauche),
    ``hausse_lineaire``, ``hausse_composee`` (courbes de droite), ``repere`` (trait
    vertical du mois lu), ``points`` (les deux valeurs du mois lu), ``seuil`` (ligne
    d'alerte), ``gauche`` et ``droite`` (les axes).
    """
    # 7,7 pouces : au projecteur, la colonne du résultat (environ 770 px à 1 280 × 720) la montre
    # sans la réduire, donc avec des caractères à leur taille.
    figure, (gauche, droite) = nouvelle_figure(7.7, 3.9, ncols=2, width_ratios=[1.35, 1])
    (lineaire,) = gauche.plot([], [], marker="o", color=COULEUR_PRINCIPALE, lw=2.5, label="Linéaire")
    (composee,) = gauche.plot([], [], marker="s", color=COULEUR_ACCENT, lw=2.5, ls="--", label="Composée")
    repere = gauche.axvline(0, color=PALETTE["gris"], lw=1.2, ls=":")
    (points,) = gauche.plot([], [], "o", ms=11, mfc="none", mec=PALETTE["noir"], mew=1.8)
    gauche.set_title("Valeur visée chaque mois")
    gauche.set_xlabel("mois")

    (hausse_lineaire,) = droite.plot([], [], marker="o", color=COULEUR_PRINCIPALE, lw=2.5)
    (hausse_composee,) = droite.plot([], [], marker="s", color=COULEUR_ACCENT, lw=2.5, ls="--")
    seuil = droite.axhline(
        SEUIL_ALERTE,
        color=COULEUR_MANQUE,
        lw=1.5,
        ls="-.",
        label=f"Alerte\xa0: {fmt.pourcent(SEUIL_ALERTE, 0)} par mois",
    )
    figure.legend(loc="outside lower center", ncol=3, frameon=False)
    droite.set_title("Hausse par mois")
    droite.set_xlabel("mois")
    droite.yaxis.set_major_formatter(FuncFormatter(_pourcent_axe))
    for axe in (gauche, droite):
        axe.xaxis.set_major_locator(GraduationMois())
    elements = {
        "lineaire": lineaire,
        "composee": composee,
        "hausse_lineaire": hausse_lineaire,
        "hausse_composee": hausse_composee,
        "repere": repere,
        "points": points,
        "seuil": seuil,
        "gauche": gauche,
        "droite": droite,
    }
    return figure, elements


def figure_objectifs(bilan: pd.DataFrame):
    """Barres horizontales : croissance mensuelle composée qu'exige chaque objectif.

    ``bilan`` : le tableau de :func:`coursekit.smart.bilan_objectifs`. La ligne rouge
    marque le seuil d'alerte du cours ; chaque barre porte son taux et son niveau.
    """
    figure, axe = nouvelle_figure(8.5, 0.9 + 0.75 * len(bilan))
    noms = [textwrap.fill(nom, 28) for nom in bilan["objectif"]]
    couleurs = [COULEUR_MANQUE if niveau == "alerte" else COULEUR_ATTEINT for niveau in bilan["niveau"]]
    positions = range(len(bilan))
    axe.barh(list(positions), bilan["mensuelle"], color=couleurs)
    axe.set_yticks(list(positions), noms)
    axe.invert_yaxis()
    axe.axvline(SEUIL_ALERTE, color=PALETTE["noir"], lw=1.5, ls="--", zorder=1)
    for position, (taux, niveau) in enumerate(zip(bilan["mensuelle"], bilan["niveau"], strict=True)):
        axe.text(
            taux,
            position,
            f" {fmt.pourcent(taux, signe=True)} ({NIVEAUX[niveau]})",
            va="center",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
    axe.set_xlim(0, max(bilan["mensuelle"].max(), SEUIL_ALERTE) * 1.45)
    axe.xaxis.set_major_formatter(FuncFormatter(_pourcent_axe))
    axe.set_title("Croissance à tenir chaque mois (composée)")
    axe.grid(axis="y", visible=False)
    return figure


def figure_hierarchie(mission: str, strategiques: list[str], operationnels: list[str]):
    """Trois étages : la mission (long terme), les objectifs stratégiques (moyen terme),
    les objectifs opérationnels (court terme). Le texte est renvoyé à la ligne."""
    figure, axe = nouvelle_figure(10.0, 6.0)
    axe.set_axis_off()
    axe.set_xlim(0, 1)
    axe.set_ylim(0, 1)
    etages = [
        ("Mission · long terme", [mission], COULEUR_PRINCIPALE, 0.30),
        ("Objectifs stratégiques · moyen terme", strategiques, PALETTE["ciel"], 0.16),
        ("Objectifs opérationnels · court terme", operationnels, COULEUR_ACCENT, 0.02),
    ]
    hauteur = 0.29
    for rang, (titre, textes, couleur, marge) in enumerate(etages):
        bas = 1 - (rang + 1) * (hauteur + 0.04)
        axe.add_patch(
            FancyBboxPatch(
                (marge, bas),
                1 - 2 * marge,
                hauteur,
                boxstyle="round,pad=0.005,rounding_size=0.02",
                facecolor=couleur,
                alpha=0.22,
                edgecolor=couleur,
                lw=2,
            )
        )
        largeur = int(80 * (1 - 2 * marge))
        textes = [t[:1].upper() + t[1:] for t in textes]
        corps = "\n".join(textwrap.fill("• " + t if len(textes) > 1 else t, largeur) for t in textes)
        axe.text(0.5, bas + hauteur - 0.015, titre, ha="center", va="top", weight="bold")
        axe.text(0.5, bas + hauteur / 2 - 0.035, corps, ha="center", va="center")
    return figure


def _html(styler):
    """Le tableau en HTML : sa représentation texte ne porte pas d'adresse mémoire (nbval la compare)."""
    from IPython.display import HTML

    return HTML(styler.to_html())


def tableau_trajectoires(depart, cible, mois):
    """Tableau à la française des valeurs visées chaque mois, linéaire et composée (HTML affichable)."""
    from coursekit.smart import tableau_trajectoires as calcul
    from coursekit.tableaux import tableau

    entier = lambda x: fmt.nombre(x, 0 if max(abs(depart), abs(cible)) >= 100 else 1)  # noqa: E731
    return _html(
        tableau(
            calcul(depart, cible, mois),
            formats={"lineaire": entier, "composee": entier, "ecart": entier},
            titre="Valeur visée chaque mois",
            entetes={"mois": "Mois", "lineaire": "Linéaire", "composee": "Composée", "ecart": "Écart"},
        )
    )


def tableau_bilan(bilan: pd.DataFrame):
    """Tableau à la française du bilan des objectifs (:func:`coursekit.smart.bilan_objectifs`), en HTML."""
    from coursekit.tableaux import tableau

    signe = lambda x: fmt.pourcent(x, signe=True)  # noqa: E731
    return _html(
        tableau(
            bilan[["objectif", "depart", "cible", "mois", "totale", "mensuelle", "niveau"]],
            formats={
                "depart": fmt.nombre,
                "cible": fmt.nombre,
                "totale": signe,
                "mensuelle": signe,
                "niveau": NIVEAUX.get,
            },
            titre="Ce que chaque objectif exige",
            entetes={
                "objectif": "Objectif",
                "depart": "Départ",
                "cible": "Cible",
                "mois": "Mois",
                "totale": "Hausse totale",
                "mensuelle": "Par mois (composée)",
                "niveau": "Niveau",
            },
        )
    )
