"""Simulateurs interactifs : une coquille mince autour des calculateurs.

Les pièces communes sont dans ``widgets/base.py`` ; chaque chapitre a son module
``widgets/<chapitre>.py``.
"""

from coursekit.widgets.base import (
    ChampNombre,
    Curseur,
    SelectionVide,
    Simulateur,
    TravailDiffere,
    ZoneGraphique,
    ZoneMessage,
)

__all__ = [
    "ChampNombre",
    "Curseur",
    "SelectionVide",
    "Simulateur",
    "TravailDiffere",
    "ZoneGraphique",
    "ZoneMessage",
]
