"""Thème graphique du cours, palette lisible par tous et mode projecteur.

La palette est celle d'Okabe et Ito, distinguable par les personnes daltoniennes.
``mode_projecteur()`` agrandit le texte des graphiques et des widgets pour une
salle de classe ; ``preparer_notebook()`` est appelée par la cellule de
préparation de chaque chapitre.
"""

from __future__ import annotations

import os

import matplotlib as mpl
from IPython.display import HTML, display

PALETTE = {
    "bleu": "#0072B2",
    "orange": "#E69F00",
    "vert": "#009E73",
    "vermillon": "#D55E00",
    "violet": "#CC79A7",
    "ciel": "#56B4E9",
    "jaune": "#F0E442",
    "noir": "#000000",
    "gris": "#6E6E6E",
}
COULEUR_ATTEINT = PALETTE["vert"]
COULEUR_MANQUE = PALETTE["vermillon"]
COULEUR_PRINCIPALE = PALETTE["bleu"]
COULEUR_ACCENT = PALETTE["orange"]

TAILLES = {
    "normal": {"texte": 11, "titre": 13, "widgets": 14},
    "projecteur": {"texte": 16, "titre": 19, "widgets": 20},
}
_etat = {"projecteur": os.environ.get("COURSEKIT_PROJECTEUR", "") in {"1", "oui", "true"}}


def projecteur_actif() -> bool:
    """Vrai quand le mode projecteur est allumé."""
    return _etat["projecteur"]


def taille_texte() -> int:
    """Taille de police (en points) des graphiques dans le mode en cours."""
    return TAILLES["projecteur" if _etat["projecteur"] else "normal"]["texte"]


def appliquer_theme() -> None:
    """Règle matplotlib pour tout le cours : palette, polices, axes épurés."""
    tailles = TAILLES["projecteur" if _etat["projecteur"] else "normal"]
    mpl.rcParams.update(
        {
            "axes.prop_cycle": mpl.cycler(color=list(PALETTE.values())),
            "font.size": tailles["texte"],
            "axes.titlesize": tailles["titre"],
            "axes.labelsize": tailles["texte"],
            "xtick.labelsize": tailles["texte"],
            "ytick.labelsize": tailles["texte"],
            "legend.fontsize": tailles["texte"],
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.formatter.use_locale": False,
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "svg.hashsalt": "coursekit",
        }
    )


def style_widgets_html() -> str:
    """Feuille de style qui agrandit le texte des widgets et des sorties (mode projecteur).

    Elle couvre les libellés, curseurs, boutons, champs et zones de texte, les titres
    d'onglets et le texte imprimé par les cellules (les chiffres des exemples).
    """
    taille = TAILLES["projecteur"]["widgets"]
    return (
        "<style>"
        f":root {{ --jp-widgets-font-size: {taille}px; --jp-ui-font-size1: {taille}px;"
        f" --jp-content-font-size1: {taille}px; --jp-code-font-size: {taille}px;"
        f" --jp-widgets-inline-height: {taille * 2}px; }}"
        f".jupyter-widgets, .widget-label, .widget-readout, .widget-html-content,"
        f" .widget-radio-box label, .widget-text input, .widget-textarea textarea, .widget-button,"
        f" .widget-dropdown select, .lm-TabBar-tab, .jp-RenderedHTMLCommon, .jp-OutputArea-output pre"
        f" {{ font-size: {taille}px !important; line-height: 1.4 !important; }}"
        ".lm-TabBar-tab { min-width: max-content !important; }"
        # Aucun libellé coupé (« Voir mon sc… ») : les libellés passent à la ligne, les boutons
        # prennent la largeur de leur texte.
        ".jupyter-widgets .widget-label-basic, .widget-checkbox label, .widget-radio-box label"
        " { white-space: normal !important; overflow: visible !important; text-overflow: clip !important;"
        " height: auto !important; }"
        ".widget-checkbox { height: auto !important; min-height: var(--jp-widgets-inline-height); }"
        ".jupyter-widgets button.widget-button, .jupyter-widgets .widget-toggle-button"
        " { min-width: max-content !important; overflow: visible !important; }"
        ".coursekit-libelle { white-space: normal; }"
        "</style>"
    )


def mode_projecteur(actif: bool = True) -> HTML:
    """Allume (ou éteint) le mode projecteur : grands caractères partout.

    Les graphiques créés ensuite utilisent des polices plus grandes ; la feuille
    de style rendue agrandit les curseurs, boutons et textes des widgets.
    """
    _etat["projecteur"] = bool(actif)
    appliquer_theme()
    return HTML(style_widgets_html() if actif else "<style></style>")


def preparer_notebook() -> None:
    """Prépare un chapitre : thème, images reproductibles, mode projecteur si demandé.

    Le mode projecteur s'allume aussi par la variable d'environnement
    ``COURSEKIT_PROJECTEUR=1`` (c'est ce que fait le lanceur de présentation).
    """
    appliquer_theme()
    try:
        from IPython import get_ipython

        ipython = get_ipython()
    except ImportError:  # pragma: no cover - IPython est une dépendance
        ipython = None
    if ipython is not None:
        ipython.run_line_magic("matplotlib", "inline")
        ipython.run_line_magic(
            "config",
            "InlineBackend.print_figure_kwargs = {'metadata': {'Software': None}, 'bbox_inches': 'tight'}",
        )
        erreurs_en_francais(ipython)
        impressions_a_la_francaise()
    if _etat["projecteur"]:
        display(HTML(style_widgets_html()))


def message_erreur(erreur: BaseException) -> str | None:
    """La phrase française montrée à l'élève à la place d'une trace Python, ou ``None``.

    >>> message_erreur(NameError("name 'simulateur' is not defined", name="simulateur")).startswith("«\\xa0simulateur")
    True

    """
    from coursekit.erreurs import ErreurSaisie
    from coursekit.widgets.base import typographie

    texte = _message_brut(erreur, ErreurSaisie)
    return typographie(texte) if texte else None


def _message_brut(erreur: BaseException, ErreurSaisie) -> str | None:  # noqa: N803
    if isinstance(erreur, ErreurSaisie):
        return f"À corriger : {erreur}"
    if isinstance(erreur, NameError):
        nom = getattr(erreur, "name", None) or str(erreur).split("'")[1 if "'" in str(erreur) else 0]
        if nom == "ck":
            return (
                "Le cours n'est pas encore chargé : exécutez d'abord la toute première cellule du notebook "
                "(la préparation, repliée en haut de la page), puis cette cellule-ci. Le plus simple : "
                "menu Exécuter → Exécuter toutes les cellules au-dessus."
            )
        return (
            f"« {nom} » n'existe pas encore : exécutez d'abord les cellules au-dessus de celle-ci, "
            "dans l'ordre (menu Exécuter → Exécuter toutes les cellules au-dessus), puis cette cellule-ci."
        )
    return None


def erreurs_en_francais(ipython) -> None:
    """Une cellule exécutée trop tôt, ou une saisie impossible, donne une phrase française, pas une trace."""

    def gerer(shell, type_erreur, erreur, trace, tb_offset=None):
        message = message_erreur(erreur)
        if message is None:  # pragma: no cover - seules les erreurs enregistrées arrivent ici
            return shell.InteractiveTB.structured_traceback(type_erreur, erreur, trace, tb_offset=tb_offset)
        # La cellule reste « en erreur » (elle arrête un « tout exécuter ») ; on n'en montre que la phrase.
        shell._showtraceback(type_erreur, erreur, [message])
        return [message]

    from coursekit.erreurs import ErreurSaisie

    ipython.set_custom_exc((NameError, ErreurSaisie), gerer)


def impressions_a_la_francaise() -> None:
    """Ce que les cellules impriment (``print``) suit la typographie française (espaces insécables).

    Une seule règle, :func:`coursekit.typographie.corriger`, pour les phrases imprimées
    des exemples comme pour les messages des simulateurs.
    """
    import sys

    from coursekit.typographie import corriger

    sortie = sys.stdout
    if getattr(sortie, "_coursekit_typographie", False):
        return
    ecrire = sortie.write

    def write(texte):
        return ecrire(corriger(texte) if isinstance(texte, str) else texte)

    try:
        sortie.write = write
        sortie._coursekit_typographie = True
    except (AttributeError, TypeError):  # pragma: no cover - flux sans attributs modifiables
        pass
