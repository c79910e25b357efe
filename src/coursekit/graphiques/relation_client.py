"""Graphiques du chapitre 09 (relation client à distance) : une fonction par graphique.

Chaque fonction dessine la figure une fois et rend les éléments que le simulateur met à jour
sur place (courbes, repères, barres, étiquettes). Aucun calcul métier ici : les valeurs viennent
de :mod:`coursekit.relation_client`.
"""

from __future__ import annotations

from matplotlib.ticker import FuncFormatter, MaxNLocator

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ACCENT, COULEUR_ATTEINT, COULEUR_MANQUE, COULEUR_PRINCIPALE, PALETTE
from coursekit.graphiques.base import nouvelle_figure
from coursekit.graphiques.kpi import figer_mise_en_page


def figure_centre_contacts(conseillers_max: int = 30, objectif: float = 80):
    """Taux de service et taux de décroché selon le nombre de conseillers, avec l'objectif 80/20.

    Rend ``(figure, courbe_service, courbe_decroche, repere)`` : ``set_ydata`` met à jour les deux
    courbes (une valeur par nombre de conseillers, de 1 à ``conseillers_max``) et ``set_xdata``
    déplace la ligne verticale qui marque l'équipe choisie.
    """
    figure, axes = nouvelle_figure(7.0, 3.8)
    x = list(range(1, conseillers_max + 1))
    (service,) = axes.plot(
        x, [0] * len(x), color=COULEUR_PRINCIPALE, linewidth=2.5, label="décrochés en 20 s"
    )
    (decroche,) = axes.plot(
        x, [0] * len(x), color=COULEUR_ACCENT, linewidth=2, linestyle="-.", label="décrochés (estimation)"
    )
    axes.axhline(
        objectif,
        color=PALETTE["noir"],
        linestyle="--",
        linewidth=1.2,
        label=f"objectif {fmt.pourcent(objectif)}",
    )
    repere = axes.axvline(1, color=PALETTE["gris"], linewidth=6, alpha=0.35, label="équipe choisie")
    axes.set_xlim(0.5, conseillers_max + 0.5)
    axes.set_ylim(0, 105)
    axes.set_xlabel("conseillers en ligne")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _p: fmt.pourcent(y, 0)))
    axes.set_title("Part des appels servis selon l'équipe")
    figure.legend(loc="outside lower center", ncols=2, fontsize="small", frameon=False)
    figer_mise_en_page(figure)
    return figure, service, decroche, repere


def figure_flux(titres: list[str]):
    """Barres horizontales : chiffre d'affaires supplémentaire de chaque flux sur 90 jours.

    Rend ``(figure, barres, etiquettes)`` ; ``set_width`` et ``set_text`` les mettent à jour.
    """
    figure, axes = nouvelle_figure(7.0, 3.6)
    positions = list(range(len(titres)))
    barres = axes.barh(positions, [0] * len(titres), color=COULEUR_PRINCIPALE, height=0.6)
    axes.set_yticks(positions, titres)
    axes.invert_yaxis()
    etiquettes = [axes.text(0, i, "", va="center", ha="left", fontsize="medium") for i in positions]
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: fmt.monnaie(x, 0)))
    axes.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 5, 10]))
    axes.grid(axis="y", visible=False)
    axes.set_title("Chiffre d'affaires en plus sur 90 jours, par flux")
    axes.set_xlim(0, 10_000)
    figer_mise_en_page(figure)
    return figure, barres, etiquettes


def figure_avant_apres(indicateurs: list[str], evolutions: list[float], baisse_souhaitee: list[bool]):
    """Évolution (en %) de chaque indicateur d'un cas « avant → après », en vert quand elle va
    dans le bon sens (une attrition qui baisse est une bonne nouvelle)."""
    figure, axes = nouvelle_figure(7.0, 3.2)
    couleurs = [
        COULEUR_ATTEINT if (e < 0) == baisse else COULEUR_MANQUE
        for e, baisse in zip(evolutions, baisse_souhaitee, strict=True)
    ]
    positions = list(range(len(indicateurs)))
    axes.barh(positions, evolutions, color=couleurs, height=0.6)
    axes.set_yticks(positions, indicateurs)
    axes.invert_yaxis()
    axes.axvline(0, color=PALETTE["noir"], linewidth=1)
    for i, e in enumerate(evolutions):
        axes.text(e, i, f" {fmt.pourcent(e, 0, signe=True)} ", va="center", ha="left" if e >= 0 else "right")
    axes.set_xlim(min(evolutions) * 1.6, max(evolutions) * 1.4)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: fmt.pourcent(x, 0, signe=True)))
    axes.grid(axis="y", visible=False)
    axes.set_title("Le club de course à pied : l'évolution de chaque indicateur")
    return figure
