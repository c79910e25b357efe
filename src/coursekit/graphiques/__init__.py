"""Graphiques du cours : une fonction par graphique, chacune rend une ``Figure``.

Les fonctions propres à un chapitre vivent dans ``graphiques/<chapitre>.py`` ;
ce module regroupe ce qui sert à tous.
"""

from coursekit.graphiques.base import figure_en_png, nouvelle_figure

__all__ = ["figure_en_png", "nouvelle_figure"]
