"""Tableaux affichés avec pandas Styler : nombres à la française, identifiants stables.

Le Styler tire un identifiant au hasard pour ses styles CSS ; on le fixe
(``set_uuid``) pour que nbval compare une sortie identique à chaque exécution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler

from coursekit.typographie import corriger


def identifiant(texte: str) -> str:
    """Identifiant CSS stable tiré d'un texte (``"Tableau de bord"`` → ``"tableau-de-bord"``)."""
    return re.sub(r"[^a-z0-9]+", "-", texte.lower()).strip("-") or "tableau"


def tableau(
    donnees: pd.DataFrame,
    formats: Mapping[str, Callable[[object], str]] | None = None,
    titre: str = "",
    entetes: Mapping[str, str] | None = None,
) -> Styler:
    """Styler à la française : ``formats`` associe une colonne à une fonction de ``coursekit.format``.

    ``entetes`` renomme les colonnes à l'affichage (les noms de code restent en ASCII).
    """
    vue = donnees.rename(columns=dict(entetes or {}))
    formats = {(entetes or {}).get(col, col): f for col, f in (formats or {}).items()}
    styler = vue.style.set_uuid(identifiant(titre or "tableau")).hide(axis="index")
    textes = [c for c in vue.columns if c not in formats and vue[c].dtype == object]
    if textes:  # les cellules de texte suivent la typographie française, comme les phrases
        styler = styler.format(lambda x: corriger(x) if isinstance(x, str) else x, subset=textes)
    if formats:
        styler = styler.format(formats)
    if titre:
        styler = styler.set_caption(corriger(titre))
    return styler.set_table_styles(
        [
            {
                "selector": "caption",
                "props": "font-size:1.15em;font-weight:bold;text-align:left;padding:0.3em 0",
            },
            {"selector": "th", "props": "text-align:left;padding:0.3em 0.8em;background:#eef4fb"},
            {"selector": "td", "props": "padding:0.3em 0.8em;text-align:left"},
        ]
    )


# ---------------------------------------------------------------------------
# Tableau de bord « objectif vs réalisé » (chapitre 06)
# ---------------------------------------------------------------------------

MOTS_RESULTAT = {True: "✔ Atteint", False: "✘ Non atteint"}


def valeur_selon_unite(valeur: float, unite: str) -> str:
    """Une valeur écrite à la française selon son unité : ``nombre``, ``euros``, ``pourcent`` ou ``ratio``.

    >>> valeur_selon_unite(17500, "nombre"), valeur_selon_unite(3.5, "ratio")
    ('17\\u202f500', '3,5:1')
    """
    from coursekit import format as fmt

    ecritures = {
        "nombre": lambda x: fmt.nombre(x, 0 if float(round(x, 1)).is_integer() else 1),
        "euros": fmt.monnaie,
        "pourcent": fmt.pourcent,
        "ratio": fmt.ratio,
    }
    if unite not in ecritures:
        from coursekit.erreurs import ErreurSaisie

        raise ErreurSaisie(
            f"L'unité (unite) doit valoir « nombre », « euros », « pourcent » ou « ratio » (reçu : {unite!r})."
        )
    return ecritures[unite](valeur)


def afficher_tableau_de_bord(
    tdb: pd.DataFrame, titre: str = "Tableau de bord : objectif et réalisé"
) -> Styler:
    """Styler d'un tableau de ``coursekit.kpi.tableau_de_bord`` : chiffres à la française, écart en %
    ou en points, et un mot « Atteint » / « Non atteint » sur fond de couleur lisible par tous.
    """
    from coursekit import format as fmt
    from coursekit.affichage import COULEUR_ATTEINT, COULEUR_MANQUE

    vue = pd.DataFrame(
        {
            "KPI": tdb["kpi"],
            "Objectif": [
                valeur_selon_unite(x, u) for x, u in zip(tdb["objectif"], tdb["unite"], strict=True)
            ],
            "Réalisé": [valeur_selon_unite(x, u) for x, u in zip(tdb["realise"], tdb["unite"], strict=True)],
            "Écart": [
                fmt.points(e) if u == "points" else fmt.pourcent(e, signe=True)
                for e, u in zip(tdb["ecart"], tdb["unite_ecart"], strict=True)
            ],
            "Résultat": [MOTS_RESULTAT[bool(a)] for a in tdb["atteint"]],
        }
    )
    couleurs = {
        mot: (COULEUR_ATTEINT if atteint else COULEUR_MANQUE) for atteint, mot in MOTS_RESULTAT.items()
    }

    def colorier(cellule: str) -> str:
        return f"background-color:{couleurs[cellule]};color:#000000;font-weight:bold"

    styler = tableau(vue, titre=titre).map(colorier, subset=["Résultat"])
    return styler.set_properties(subset=["Objectif", "Réalisé", "Écart"], **{"text-align": "right"})
