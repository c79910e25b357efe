"""Le vocabulaire du marketing digital : sigle, forme développée et définition.

Les termes vivent dans ``contenu/00-introduction.yaml`` (section ``glossaire``).

>>> chercher("sea").sigle
'SEA'
>>> chercher("roi").developpe
'Return On Investment (retour sur investissement)'
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import TEXTE as _TEXTE


@dataclass(frozen=True)
class Terme:
    """Une entrée du glossaire."""

    sigle: str
    developpe: str
    definition: str
    chapitre: str


SCHEMA = {
    "type": "object",
    "required": ["termes"],
    "additionalProperties": False,
    "properties": {
        "synonymes": {"type": "object", "additionalProperties": _TEXTE},
        "termes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["sigle", "developpe", "definition", "chapitre"],
                "additionalProperties": False,
                "properties": {
                    "sigle": _TEXTE,
                    "developpe": _TEXTE,
                    "definition": _TEXTE,
                    "chapitre": {"type": "string", "pattern": "^[0-9]{2}-[a-z0-9-]+$"},
                },
            },
        },
    },
}
"""La forme de la section ``glossaire`` de ``contenu/00-introduction.yaml``."""

_DONNEES = contenu.section("00", "glossaire", SCHEMA)
GLOSSAIRE: tuple[Terme, ...] = tuple(Terme(**terme) for terme in _DONNEES["termes"])
"""Les termes du glossaire, dans l'ordre du fichier de contenu."""
SYNONYMES: dict[str, str] = dict(_DONNEES.get("synonymes", {}))
"""Autres sigles qui mènent au même terme (``PPC`` → ``CPC``)."""


def _cle(texte: str) -> str:
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return "".join(sans_accents.split()).upper()


def chercher(requete: str) -> Terme:
    """Le terme dont le sigle correspond à ``requete`` (majuscules, accents et espaces ignorés).

    Un sigle inconnu lève une :class:`~coursekit.ErreurSaisie` qui propose les sigles proches.
    """
    requete = v.texte(requete, "Le terme cherché", obligatoire=True)
    index = {_cle(t.sigle): t for t in GLOSSAIRE}
    for autre, sigle in SYNONYMES.items():
        if _cle(sigle) in index:
            index.setdefault(_cle(autre), index[_cle(sigle)])
    cle = _cle(requete)
    if cle in index:
        return index[cle]
    proches = difflib.get_close_matches(cle, list(index), n=3, cutoff=0.5)
    suggestion = f" Vouliez-vous dire\u00a0: {', '.join(proches)}\u00a0?" if proches else ""
    raise ErreurSaisie(f"«\u00a0{requete.strip()}\u00a0» n'est pas dans le glossaire du cours.{suggestion}")


def sigles() -> list[str]:
    """Les sigles du glossaire, dans l'ordre alphabétique."""
    return sorted(t.sigle for t in GLOSSAIRE)


SCHEMA_METIERS = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["metier", "mission", "indicateur"],
        "additionalProperties": False,
        "properties": {"metier": _TEXTE, "mission": _TEXTE, "indicateur": _TEXTE},
    },
}
"""La forme de la section ``metiers`` de ``contenu/00-introduction.yaml``."""


def tableau_metiers():
    """Les métiers du marketing digital : ce que fait chacun et l'indicateur qu'il suit de près.

    >>> tableau_metiers().columns.tolist()
    ['metier', 'mission', 'indicateur']
    """
    import pandas as pd

    return pd.DataFrame(contenu.section("00", "metiers", SCHEMA_METIERS))
