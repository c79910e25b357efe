"""La jauge de complétude d'une fiche persona (chapitre 03).

Une barre par famille de critères et une barre pour la fiche entière. La figure
est dessinée une fois par :func:`figure_completude` ; :func:`remplir_completude`
met ensuite à jour la largeur des barres et les textes, sans rien recalculer :
les pourcentages viennent de :meth:`coursekit.personas.Persona.completude_par_groupe`.
"""

from __future__ import annotations

from matplotlib.ticker import FuncFormatter

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ACCENT, COULEUR_ATTEINT, COULEUR_PRINCIPALE, PALETTE
from coursekit.graphiques.base import nouvelle_figure
from coursekit.messages import BAREME, TITRES_CRITERES, AnalyseMessage
from coursekit.personas import GROUPES, Persona

LIBELLE_TOTAL = "Fiche entière"


def _couleur(valeur: float, total: bool) -> str:
    if valeur >= 100:
        return COULEUR_ATTEINT
    return COULEUR_ACCENT if total else COULEUR_PRINCIPALE


def figure_completude(persona: Persona | None = None):
    """Dessine la jauge et rend ``(figure, éléments)`` ; les éléments servent à :func:`remplir_completude`."""
    figure, axes = nouvelle_figure(7.6, 3.6)
    libelles = [*GROUPES, LIBELLE_TOTAL]
    positions = list(range(len(libelles)))[::-1]
    axes.barh(positions, [100] * len(libelles), color="#e9e9e9", height=0.62, zorder=1)
    barres = axes.barh(positions, [0] * len(libelles), color=COULEUR_PRINCIPALE, height=0.62, zorder=2)
    textes = [
        axes.text(2, y, "", va="center", ha="left", fontweight="bold", color=PALETTE["noir"], zorder=3)
        for y in positions
    ]
    axes.set_yticks(positions, libelles)
    axes.get_yticklabels()[-1].set_fontweight("bold")
    axes.set_xlim(0, 100)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: fmt.pourcent(x, 0)))
    axes.grid(axis="y", visible=False)
    axes.axhline(positions[-1] + 0.5, color=PALETTE["gris"], linewidth=1)
    titre = axes.set_title("", loc="left")
    elements = {"barres": barres, "textes": textes, "titre": titre, "libelles": libelles}
    remplir_completude(elements, persona if persona is not None else Persona())
    return figure, elements


def remplir_completude(elements: dict, persona: Persona) -> None:
    """Met la jauge à jour pour ``persona`` (largeurs, couleurs, pourcentages, titre)."""
    valeurs = [*persona.completude_par_groupe().values(), persona.completude()]
    for rang, (barre, texte, valeur) in enumerate(
        zip(elements["barres"], elements["textes"], valeurs, strict=True)
    ):
        total = rang == len(valeurs) - 1
        barre.set_width(valeur)
        barre.set_color(_couleur(valeur, total))
        texte.set_text(fmt.pourcent(valeur, 0))
        # le pourcentage s'écrit dans la barre quand elle est assez longue, sinon juste après
        if valeur >= 18:
            texte.set_x(valeur - 2)
            texte.set_ha("right")
            texte.set_color(PALETTE["noir"] if total and valeur < 100 else "white")
        else:
            texte.set_x(valeur + 1.5)
            texte.set_ha("left")
            texte.set_color(PALETTE["noir"])
    nom = persona.nom.strip()
    debut = f"Complétude de la fiche de {nom}" if nom and len(nom) <= 30 else "Complétude de la fiche"
    elements["titre"].set_text(f"{debut} : {fmt.pourcent(persona.completude(), 0)}")


# --- le relecteur de message ---------------------------------------------------------------------


def figure_message(analyse: AnalyseMessage | None = None):
    """Points obtenus par critère (sur le barème de :data:`coursekit.messages.BAREME`) ; rend ``(figure, éléments)``."""
    figure, axes = nouvelle_figure(7.6, 3.4)
    criteres = list(BAREME)
    positions = list(range(len(criteres)))[::-1]
    maximums = [BAREME[c] for c in criteres]
    axes.barh(positions, maximums, color="#e9e9e9", height=0.62, zorder=1)
    barres = axes.barh(positions, [0] * len(criteres), color=COULEUR_PRINCIPALE, height=0.62, zorder=2)
    textes = [
        axes.text(m + 0.6, y, "", va="center", ha="left", zorder=3)
        for m, y in zip(maximums, positions, strict=True)
    ]
    axes.set_yticks(positions, [TITRES_CRITERES[c] for c in criteres])
    axes.set_xlim(0, max(maximums) + 9)
    axes.set_xlabel("points obtenus par critère")
    axes.grid(axis="y", visible=False)
    titre = axes.set_title("", loc="left")
    elements = {"barres": barres, "textes": textes, "titre": titre, "criteres": criteres}
    if analyse is not None:
        remplir_message(elements, analyse)
    return figure, elements


def remplir_message(elements: dict, analyse: AnalyseMessage) -> None:
    """Met à jour les barres et le titre pour une nouvelle analyse."""
    par_critere = {r.critere: r for r in analyse.remarques}
    for barre, texte, critere in zip(
        elements["barres"], elements["textes"], elements["criteres"], strict=True
    ):
        remarque = par_critere[critere]
        barre.set_width(remarque.points)
        barre.set_color(COULEUR_ATTEINT if remarque.ok else PALETTE["vermillon"])
        texte.set_text(f"{remarque.points}/{remarque.maximum}")
    elements["titre"].set_text(f"{analyse.verdict} : {analyse.score}/100")


def vider_message(elements: dict) -> None:
    """Remet la figure à zéro (message vide)."""
    for barre, texte in zip(elements["barres"], elements["textes"], strict=True):
        barre.set_width(0)
        texte.set_text("")
    elements["titre"].set_text("Écrivez un message pour le relire")
