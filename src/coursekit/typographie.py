"""Typographie française d'un texte déjà écrit : espaces insécables et signe moins.

Les nombres passent par :mod:`coursekit.format`, qui les écrit correctement ; ce module
corrige le texte autour (titres, phrases assemblées, Markdown ou HTML produits ailleurs).

>>> corriger("Prix : 12 € ; « vrai » ? ROI -12,5 %")
'Prix\\xa0: 12\\xa0€\\xa0; «\\xa0vrai\\xa0»\\xa0? ROI −12,5\\xa0%'
"""

from __future__ import annotations

import re

__all__ = ["corriger"]

_INSECABLE = "\u00a0"
_FINE = "\u202f"


def corriger(texte: str) -> str:
    """Espace insécable avant ``: ; ! ?``, après « et avant », avant % et € ; milliers en espace fine ;
    signe moins (U+2212) devant un nombre négatif. Les balises HTML ne sont pas touchées.

    >>> corriger("<b>Sexe :</b> femme, 2 000 abonnés")
    '<b>Sexe\\xa0:</b> femme, 2\\u202f000 abonnés'
    """
    morceaux = re.split(r"(<[^>]*>)", texte)
    return "".join(m if m.startswith("<") else _corriger_texte(m) for m in morceaux)


def _corriger_texte(texte: str) -> str:
    texte = re.sub(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))", _FINE, texte)
    texte = re.sub(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))", _FINE, texte)
    texte = re.sub(r"(?<=\d) (?=[%€])", _INSECABLE, texte)
    texte = re.sub(r" ([:;!?])(?=\s|$|[)*_»\"'<])", _INSECABLE + r"\1", texte)
    texte = texte.replace("« ", "«" + _INSECABLE).replace(" »", _INSECABLE + "»")
    texte = re.sub(r"(?:^|(?<=[\s(]))-(?=\d)", "\u2212", texte)
    return texte
