"""Tableaux affichés avec pandas Styler : nombres à la française, identifiants stables.

Le Styler tire un identifiant au hasard pour ses styles CSS ; on le fixe
(``set_uuid``) pour que nbval compare une sortie identique à chaque exécution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler


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
    if formats:
        styler = styler.format(formats)
    if titre:
        styler = styler.set_caption(titre)
    return styler.set_table_styles(
        [
            {
                "selector": "caption",
                "props": "font-size:1.15em;font-weight:bold;text-align:left;padding:0.3em 0",
            },
            {"selector": "th", "props": "text-align:left;padding:0.3em 0.8em;background:#eef4fb"},
            {"selector": "td", "props": "padding:0.3em 0.8em"},
        ]
    )
