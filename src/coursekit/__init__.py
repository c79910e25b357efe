"""coursekit : les outils du cours de marketing digital (BTS NDRC, OFPPT).

Les notebooks importent ce paquet dans leur cellule de préparation :

>>> import coursekit as ck
>>> ck.monnaie(1440)
'1\\u202f440\\xa0€'
"""

from coursekit.affichage import PALETTE, mode_projecteur, preparer_notebook
from coursekit.erreurs import ErreurSaisie
from coursekit.format import definir_devise, devise, dh, monnaie, nombre, points, pourcent, ratio

__all__ = [
    "PALETTE",
    "ErreurSaisie",
    "definir_devise",
    "devise",
    "dh",
    "mode_projecteur",
    "monnaie",
    "nombre",
    "points",
    "pourcent",
    "preparer_notebook",
    "ratio",
]
__version__ = "0.1.0"

_SOUS_MODULES = {
    "analyse_site",
    "cas",
    "classe",
    "contenu",
    "donnees",
    "editions",
    "entonnoir",
    "fidelisation",
    "format",
    "glossaire",
    "graphiques",
    "influence",
    "kpi",
    "messages",
    "mix",
    "personas",
    "progres",
    "projet",
    "quiz",
    "relation_client",
    "schemas",
    "smart",
    "swot",
    "tableaux",
    "typographie",
    "travaux",
    "validation",
    "widgets",
}


def __getattr__(nom: str):
    """Donne accès aux modules du cours sans tout importer d'avance : ``ck.kpi.roi(...)``."""
    if nom in _SOUS_MODULES:
        import importlib

        return importlib.import_module(f"coursekit.{nom}")
    raise AttributeError(f"module 'coursekit' has no attribute {nom!r}")
