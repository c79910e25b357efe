"""Graphiques du chapitre 07 (fidélisation).

Les figures des simulateurs sont dessinées une fois ; les simulateurs mettent à
jour leurs éléments sur place (``set_height``, ``set_data``, ``set_text``) avec des
valeurs déjà calculées par :mod:`coursekit.fidelisation`. Les figures fixes
(paliers, enquête, indicateurs du mois) reçoivent des tableaux déjà calculés.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date
from matplotlib.ticker import FuncFormatter

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ACCENT, COULEUR_ATTEINT, COULEUR_MANQUE, COULEUR_PRINCIPALE, PALETTE
from coursekit.graphiques.base import nouvelle_figure

if TYPE_CHECKING:  # pandas seulement pour les annotations : ce module ne l'importe pas
    import pandas as pd

COULEURS_NIVEAUX = {
    "Bronze": "#A0522D",
    "Argent": PALETTE["gris"],
    "Or": PALETTE["orange"],
    "Platine": PALETTE["bleu"],
}
COULEURS_NPS = (COULEUR_MANQUE, PALETTE["gris"], COULEUR_ATTEINT)


def _euros(axe) -> None:
    axe.yaxis.set_major_formatter(FuncFormatter(lambda y, _p: fmt.monnaie(y, 0)))


def _pour_cent(axe, horizontal: bool = False) -> None:
    formateur = FuncFormatter(lambda y, _p: fmt.pourcent(y, 0))
    (axe.xaxis if horizontal else axe.yaxis).set_major_formatter(formateur)


def _texte(axes, *args, **kwargs):
    """Texte posé dans le graphique, hors de la mise en page (il ne la fait pas sauter quand il bouge)."""
    texte = axes.text(*args, **kwargs)
    texte.set_in_layout(False)
    return texte


@dataclass
class Elements:
    """Figure d'un simulateur et éléments à mettre à jour."""

    figure: object
    axes: object
    barres: list | None = None
    etiquettes: list | None = None
    lignes: list | None = None
    textes: list | None = None


def figure_clv(noms: tuple[str, str]) -> Elements:
    """Deux barres (la CLV de chaque profil) et une ligne horizontale pour le coût d'acquisition."""
    figure, axes = nouvelle_figure(7.5, 3.9)
    barres = list(axes.bar(noms, [0, 0], color=[PALETTE["ciel"], COULEUR_PRINCIPALE], width=0.55))
    etiquettes = [_texte(axes, i, 0, "", ha="center", va="bottom", fontweight="bold") for i in range(2)]
    ligne_cac = axes.axhline(0, color=COULEUR_MANQUE, linestyle="--", linewidth=2)
    # Fond blanc : l'étiquette du CAC chevauche souvent la barre bleue du client fidèle.
    texte_cac = _texte(
        axes,
        1.45,
        0,
        "",
        color=COULEUR_MANQUE,
        ha="right",
        va="bottom",
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
    )
    axes.set_title("Valeur d'un client sur toute la relation (CLV)")
    axes.set_xlim(-0.5, 1.5)
    axes.grid(axis="x", visible=False)
    _euros(axes)
    return Elements(
        figure, axes, barres=barres, etiquettes=etiquettes, lignes=[ligne_cac], textes=[texte_cac]
    )


def figure_clv_marge() -> Elements:
    """Courbe de la CLV en marge selon le taux de rétention, avec le point choisi."""
    figure, axes = nouvelle_figure(7.5, 3.9)
    (courbe,) = axes.plot([], [], color=COULEUR_PRINCIPALE, linewidth=2.5)
    (point,) = axes.plot([], [], "o", color=COULEUR_ACCENT, markersize=12)
    texte = _texte(axes, 0, 0, "", ha="right", va="bottom", fontweight="bold")
    axes.set_xlim(0, 100)
    axes.set_xlabel("Taux de rétention d'une année sur l'autre")
    axes.set_title("CLV en marge selon la fidélité des clients")
    _pour_cent(axes, horizontal=True)
    _euros(axes)
    return Elements(figure, axes, lignes=[courbe, point], textes=[texte])


def figure_points(paliers: dict[str, float]) -> Elements:
    """Solde de points (en escalier) et points de statut après chaque opération, avec les paliers."""
    figure, axes = nouvelle_figure(8.0, 4.0)
    (solde,) = axes.step(
        [], [], where="post", color=COULEUR_PRINCIPALE, linewidth=2.5, label="Solde de points"
    )
    (statut,) = axes.plot(
        [], [], color=COULEUR_ACCENT, linestyle="--", linewidth=2, marker="o", label="Points gagnés (statut)"
    )
    reperes = []
    for nom, seuil in paliers.items():
        if seuil > 0:
            ligne = axes.axhline(
                seuil, color=COULEURS_NIVEAUX.get(nom, PALETTE["gris"]), linestyle=":", linewidth=1.5
            )
            texte = _texte(
                axes,
                0.99,
                seuil,
                f"{nom} ({fmt.nombre(seuil, 0)} points)",
                ha="right",
                va="bottom",
                color=ligne.get_color(),
                clip_on=True,
                transform=axes.get_yaxis_transform(),
            )
            reperes.append((seuil, ligne, texte))
    axes.set_xlabel("Opérations")
    axes.set_ylabel("Points")
    axes.set_title("Votre compte fidélité, opération après opération")
    axes.legend(loc="upper left")
    axes.set_xlim(0, 5)
    axes.set_ylim(0, 300)
    return Elements(figure, axes, lignes=[solde, statut], textes=reperes)


def figure_ca_par_niveau(table: pd.DataFrame):
    """Part des clients et part du chiffre d'affaires de chaque niveau (table de ``ca_par_niveau``)."""
    figure, axes = nouvelle_figure(8.0, 4.0)
    positions = range(len(table))
    largeur = 0.38
    barres_clients = axes.bar(
        [p - largeur / 2 for p in positions],
        table["part_clients"],
        largeur,
        color=PALETTE["ciel"],
        label="Part des clients",
    )
    barres_ca = axes.bar(
        [p + largeur / 2 for p in positions],
        table["part_ca"],
        largeur,
        color=COULEUR_PRINCIPALE,
        label="Part du chiffre d'affaires",
    )
    for barre in [*barres_clients, *barres_ca]:
        _texte(
            axes,
            barre.get_x() + barre.get_width() / 2,
            barre.get_height(),
            fmt.pourcent(barre.get_height(), 0),
            ha="center",
            va="bottom",
        )
    axes.set_xticks(list(positions), table["niveau"])
    axes.set_ylim(0, max(table["part_clients"].max(), table["part_ca"].max()) * 1.2)
    axes.set_title("Part des clients et du chiffre d'affaires, par niveau")
    axes.legend(loc="upper center")
    axes.grid(axis="x", visible=False)
    _pour_cent(axes)
    return figure


def figure_pareto(courbe: pd.DataFrame) -> Elements:
    """Courbe cumulée « part des clients → part du chiffre d'affaires », avec la diagonale d'égalité."""
    figure, axes = nouvelle_figure(7.5, 4.2)
    x = [0, *courbe["part_clients"]]
    y = [0, *courbe["part_ca"]]
    axes.plot(x, y, color=COULEUR_PRINCIPALE, linewidth=2.5, label="Graine de Ville")
    axes.plot([0, 100], [0, 100], color=PALETTE["gris"], linestyle=":", label="Si tous dépensaient autant")
    (repere,) = axes.plot([], [], color=COULEUR_ACCENT, linestyle="--", linewidth=1.5)
    (point,) = axes.plot([], [], "o", color=COULEUR_ACCENT, markersize=12)
    texte = _texte(axes, 0, 0, "", ha="left", va="top", fontweight="bold")
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 105)
    axes.set_xlabel("Part des clients (les plus dépensiers d'abord)")
    axes.set_ylabel("Part du CA cumulée")
    axes.set_title("Peu de clients font une grande partie des ventes")
    axes.legend(loc="lower right")
    _pour_cent(axes)
    _pour_cent(axes, horizontal=True)
    return Elements(figure, axes, lignes=[repere, point], textes=[texte])


def figure_parrainage(cac_min: float, cac_max: float) -> Elements:
    """Coût d'un client recruté par parrainage, face à la fourchette du coût d'acquisition habituel."""
    figure, axes = nouvelle_figure(7.5, 3.8)
    axes.axhspan(cac_min, cac_max, color=PALETTE["jaune"], alpha=0.45)
    _texte(
        axes,
        1.48,
        (cac_min + cac_max) / 2,
        f"CAC habituel en e-commerce\n{fmt.monnaie(cac_min)} à {fmt.monnaie(cac_max)}",
        ha="right",
        va="center",
    )
    barres = list(axes.bar(["Parrainage"], [0], color=COULEUR_PRINCIPALE, width=0.5))
    etiquette = _texte(axes, 0, 0, "", ha="center", va="bottom", fontweight="bold")
    axes.set_xlim(-0.5, 1.5)
    axes.set_title("Coût d'un client recruté par parrainage")
    axes.grid(axis="x", visible=False)
    _euros(axes)
    return Elements(figure, axes, barres=barres, etiquettes=[etiquette])


def figure_nps() -> Elements:
    """Part des détracteurs, passifs et promoteurs, et le NPS en titre."""
    figure, axes = nouvelle_figure(7.5, 3.8)
    noms = ["Détracteurs\n(0 à 6)", "Passifs\n(7 et 8)", "Promoteurs\n(9 et 10)"]
    barres = list(axes.bar(noms, [0, 0, 0], color=COULEURS_NPS, width=0.6))
    etiquettes = [_texte(axes, i, 0, "", ha="center", va="bottom", fontweight="bold") for i in range(3)]
    axes.set_ylim(0, 100)
    axes.grid(axis="x", visible=False)
    _pour_cent(axes)
    return Elements(figure, axes, barres=barres, etiquettes=etiquettes)


def figure_notes_enquete(notes: pd.Series):
    """Nombre de réponses pour chaque note de 0 à 10, colorées par groupe du NPS."""
    figure, axes = nouvelle_figure(8.0, 3.8)
    comptes = notes.value_counts().reindex(range(11), fill_value=0)
    couleurs = [
        COULEURS_NPS[0] if n <= 6 else COULEURS_NPS[1] if n <= 8 else COULEURS_NPS[2] for n in range(11)
    ]
    axes.bar(range(11), comptes.values, color=couleurs)
    axes.set_xticks(range(11))
    axes.set_xlabel("Note de recommandation (0 = pas du tout, 10 = tout à fait)")
    axes.set_ylabel("Réponses")
    axes.set_title("Enquête de Graine de Ville : qui recommanderait la boutique ?")
    axes.grid(axis="x", visible=False)
    return figure


def figure_indicateurs_mois(table: pd.DataFrame, objectifs: dict[str, float]):
    """Rétention, attrition et réachat mois par mois (table de ``indicateurs_mensuels``), avec les objectifs.

    Les taux tracés sont mensuels : ``objectifs`` doit donc être ramené au mois
    (:func:`coursekit.fidelisation.objectifs_mensuels`), pas les objectifs annuels.
    """
    figure, axes = nouvelle_figure(8.5, 4.2)
    # Mois en toutes lettres abrégées (« janv. », « févr. ») : lisibles sans rotation au projecteur.
    mois = [format_date(date(int(m[:4]), int(m[5:7]), 1), "MMM", locale="fr_FR") for m in table["mois"]]
    series = (
        ("retention", "Rétention", COULEUR_PRINCIPALE),
        ("attrition", "Attrition", COULEUR_MANQUE),
        ("reachat", "Réachat", COULEUR_ATTEINT),
    )
    for colonne, nom, couleur in series:
        axes.plot(mois, table[colonne], marker="o", color=couleur, linewidth=2, label=nom)
        axes.axhline(objectifs[colonne], color=couleur, linestyle=":", linewidth=1.5)
    axes.set_ylim(0, 100)
    axes.set_title("Indicateurs de fidélité mois par mois (pointillés : objectifs ramenés au mois)")
    axes.legend(loc="center right", ncols=3, bbox_to_anchor=(1, 0.6))
    _pour_cent(axes)
    return figure
