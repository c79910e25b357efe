"""Thème graphique du cours, palette lisible par tous et mode projecteur.

La palette est celle d'Okabe et Ito, distinguable par les personnes daltoniennes.
``mode_projecteur()`` agrandit le texte des graphiques et des widgets pour une
salle de classe ; ``preparer_notebook()`` est appelée par la cellule de
préparation de chaque chapitre.
"""

from __future__ import annotations

import os
import re

from IPython.display import HTML, display

from coursekit.typographie import corriger

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
    import matplotlib as mpl  # ici : le script de démarrage des noyaux importe ce module sans dessiner

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
            # La grille sous les données (barres, courbes), jamais par-dessus : plus lisible, et
            # l'image d'un geste (éléments mobiles dessinés sur le fond) est celle du dessin complet.
            "axes.axisbelow": True,
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
    """Prépare un chapitre : thème, images reproductibles, mode projecteur si demandé ; le noyau ne
    garde pas l'historique des résultats (``Out``, ``_``), qui retiendrait chaque figure affichée.

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
        # Pas d'historique des résultats (Out, _, __…) : il garderait en vie chaque tableau, figure
        # et simulateur affiché, même remplacé (~5 Mo par chapitre, un noyau par élève : issue 11).
        ipython.displayhook.cache_size = 0
        erreurs_en_francais(ipython)
        impressions_a_la_francaise()
        _etat["origines"] = origines_des_noms(_chemin_du_notebook(ipython))
    if _etat["projecteur"]:
        display(HTML(style_widgets_html()))


PREPARATION = "la cellule de préparation, tout en haut du notebook"
MENU_AU_DESSUS = "menu Exécution → Exécuter tout au-dessus de la cellule sélectionnée"


def _chemin_du_notebook(ipython) -> str | None:
    """Le notebook de ce noyau : JupyterLab le donne au noyau (``JPY_SESSION_NAME``, ``__session__``)."""
    return os.environ.get("JPY_SESSION_NAME") or getattr(ipython, "user_ns", {}).get("__session__")


def _noms_crees(source: str) -> set[str]:
    """Les noms qu'une cellule de code crée (affectation, import, def, class, for, with)."""
    import ast

    try:
        arbre = ast.parse(source)
    except SyntaxError:
        return set()
    noms = set()
    for noeud in ast.walk(arbre):
        if isinstance(noeud, ast.Name) and isinstance(noeud.ctx, ast.Store):
            noms.add(noeud.id)
        elif isinstance(noeud, ast.alias):
            noms.add((noeud.asname or noeud.name).split(".")[0])
        elif isinstance(noeud, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            noms.add(noeud.name)
    return noms


def origines_des_noms(chemin) -> dict[str, str]:
    """Pour chaque nom créé par une cellule du notebook ``chemin``, où est la cellule à exécuter d'abord :
    la cellule de préparation, ou la partie dont le titre est au-dessus d'elle. Le premier endroit compte.

    >>> import nbformat, tempfile, pathlib
    >>> carnet = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import coursekit as ck"),
    ...     nbformat.v4.new_markdown_cell("## 2. Le **simulateur**"), nbformat.v4.new_code_cell("outil = 1")])
    >>> chemin = pathlib.Path(tempfile.mkdtemp()) / "essai.ipynb"; nbformat.write(carnet, chemin)
    >>> origines_des_noms(chemin)["outil"], origines_des_noms(chemin)["ck"] == PREPARATION
    ('la partie « 2. Le simulateur »', True)
    """
    import json

    # Lu comme du JSON, sans nbformat : nbformat importe jsonschema et son analyseur
    # d'adresses IRI (~20 Mo dans chaque noyau, pour un message d'erreur ; issue 11).
    try:
        with open(chemin, encoding="utf-8") as fichier:
            cellules = json.load(fichier)["cells"]
    except Exception:  # noqa: BLE001 - pas de notebook lisible : le message reste général
        return {}
    origines: dict[str, str] = {}
    partie = PREPARATION
    for cellule in cellules:
        source = cellule.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if cellule.get("cell_type") == "markdown":
            for ligne in source.splitlines():
                if re.match(r"#{1,6}\s", ligne):
                    titre = re.sub(r"[*_`]", "", ligne.lstrip("#")).strip()
                    partie = f"la partie « {titre} »"
        elif cellule.get("cell_type") == "code":
            for nom in _noms_crees(source):
                origines.setdefault(nom, partie)
    return origines


def message_erreur(erreur: BaseException) -> str | None:
    """La phrase française montrée à l'élève à la place d'une trace Python, ou ``None``.

    >>> message_erreur(NameError("name 'simulateur' is not defined", name="simulateur")).startswith("«\\xa0simulateur")
    True

    """
    from coursekit.erreurs import ErreurSaisie
    from coursekit.widgets.base import typographie

    if isinstance(erreur, SyntaxError):
        return message_syntaxe(erreur)
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
                f"(la préparation, repliée en haut de la page), puis cette cellule-ci. Le plus simple : {MENU_AU_DESSUS}."
            )
        origine = _etat.get("origines", {}).get(nom)
        if origine:
            return (
                f"« {nom} » n'existe pas encore : il est créé par une cellule de {origine}. Exécutez d'abord "
                f"les cellules au-dessus de celle-ci, dans l'ordre ({MENU_AU_DESSUS}), puis cette cellule-ci."
            )
        return (
            f"« {nom} » n'existe pas encore : exécutez d'abord les cellules au-dessus de celle-ci, "
            f"dans l'ordre ({MENU_AU_DESSUS}), puis cette cellule-ci."
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

    ipython.set_custom_exc((NameError, ErreurSaisie, SyntaxError), gerer)


#: Les règles d'écriture d'un calcul en Python. Le même texte (typographie française comprise) est
#: rappelé au-dessus de chaque cellule « remplacez None » des chapitres (un test y veille) et dans
#: le message d'une cellule que Python ne sait pas lire.
REGLES_CALCUL = corriger(
    "En Python, × s'écrit `*`, ÷ s'écrit `/`, la virgule décimale est un point (`2.5`), "
    "et l'on n'écrit ni espace dans les nombres (`400000`), ni `%`, ni `€` : 2 % s'écrit `2 / 100`."
)


_CORRECTIONS_CALCUL = (
    (r"[×✕]", "*", "× s'écrit *"),
    (r"÷", "/", "÷ s'écrit /"),
    (r"[−–]", "-", "le signe moins s'écrit -"),
    (r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", "pas d'espace dans les nombres"),
    (r"(?<=\d),(?=\d)", ".", "la virgule décimale est un point"),
    (r"(\d+(?:\.\d+)?)\s*%", r"(\1 / 100)", "un pourcentage s'écrit divisé par 100"),
    (r"\s*(?:€|\bEUR\b|\bDH\b|\bMAD\b)", "", "pas de symbole de monnaie"),
)


def corriger_calcul(ligne: str) -> tuple[str, list[str]]:
    """La ligne de calcul réécrite en Python, et ce qui a été changé (pour l'expliquer à l'élève).

    Le commentaire éventuel (après ``#``) est laissé tel quel.

    >>> corriger_calcul("reponse = 6000 ÷ (400 000 × 2 %)")
    ('reponse = 6000 / (400000 * (2 / 100))', ["× s'écrit *", "÷ s'écrit /", "pas d'espace dans les nombres", "un pourcentage s'écrit divisé par 100"])
    >>> corriger_calcul("reponse = 0,05 €  # en euros")
    ('reponse = 0.05  # en euros', ['la virgule décimale est un point', 'pas de symbole de monnaie'])
    """
    code, diese, commentaire = ligne.strip().partition("#")
    changes = []
    for motif, remplacement, explication in _CORRECTIONS_CALCUL:
        nouveau = re.sub(motif, remplacement, code)
        if nouveau != code:
            changes.append(explication)
            code = nouveau
    if not diese:
        return code.rstrip(), changes
    return f"{code.rstrip()}  #{commentaire}" if code.strip() else f"#{commentaire}", changes


def message_syntaxe(erreur: SyntaxError) -> str:
    """La phrase française pour une cellule que Python ne sait pas lire, avec la ligne corrigée si possible.

    >>> erreur = SyntaxError("invalid character", ("<cellule>", 1, 15, "reponse = 6000 ÷ 12\\n"))
    >>> message_syntaxe(erreur).splitlines()
    ['Python ne sait pas lire la ligne 1\\xa0: reponse = 6000 ÷ 12', 'Écrivez-la ainsi\\xa0: reponse = 6000 / 12', "(÷ s'écrit /), puis exécutez de nouveau la cellule."]
    """
    ligne = (erreur.text or "").strip()
    numero = f"la ligne {erreur.lineno}" if erreur.lineno else "une ligne"
    entete = corriger(f"Python ne sait pas lire {numero} : ") + ligne
    corrigee, changes = corriger_calcul(ligne) if ligne else ("", [])
    if changes and _se_lit(corrigee):
        return (
            f"{entete}\n{corriger('Écrivez-la ainsi : ')}{corrigee}\n"
            f"({corriger(', '.join(changes))}), puis exécutez de nouveau la cellule."
        )
    return f"{entete}\n{REGLES_CALCUL.replace('`', '')} Vérifiez aussi que chaque parenthèse ouverte est refermée."


def _se_lit(code: str) -> bool:
    try:
        compile(code, "<cellule>", "exec")
    except (SyntaxError, ValueError):
        return False
    return True


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
