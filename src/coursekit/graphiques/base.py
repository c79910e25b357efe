"""Création de figures et conversion en PNG, sans pyplot (pas d'état global).

Les figures du cours sont des :class:`FigureCours` : au moment d'être dessinées,
leurs graduations numériques passent à l'écriture française (``25 000``,
``0,2``), sauf si un graphique a choisi son propre formateur (euros, %…).
"""

from __future__ import annotations

import io

import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, ScalarFormatter

from coursekit import format as fmt
from coursekit.affichage import appliquer_theme


def _graduation_francaise(valeur: float, _position=None) -> str:
    return fmt.nombre(valeur, 3)


def franciser(figure: Figure) -> None:
    """Remplace les graduations numériques par défaut (``25000``, ``0.2``) par ``25 000``, ``0,2``."""
    for axes in figure.axes:
        for axe in (axes.xaxis, axes.yaxis):
            if type(axe.get_major_formatter()) is ScalarFormatter:
                axe.set_major_formatter(FuncFormatter(_graduation_francaise))


class FigureCours(Figure):
    """Figure dont les graduations s'écrivent à la française à chaque dessin."""

    def draw(self, renderer):
        franciser(self)
        return super().draw(renderer)


def nouvelle_figure(largeur: float = 7.0, hauteur: float = 3.8, **kwargs) -> tuple[Figure, object]:
    """Crée une figure au thème du cours et renvoie ``(figure, axes)``.

    La figure n'est pas attachée à pyplot : elle ne s'affiche que si on la rend
    en dernière ligne d'une cellule ou si un simulateur la convertit en image.
    Les arguments nommés vont à ``Figure.subplots`` (``ncols=2``…).
    """
    appliquer_theme()
    figure = FigureCours(figsize=(largeur, hauteur), layout="constrained")
    axes = figure.subplots(**kwargs)
    return figure, axes


def figure_en_png_rapide(figure: Figure) -> bytes:
    """Les mêmes pixels que :func:`figure_en_png`, en deux fois moins de temps.

    Pour les simulateurs, qui redessinent à chaque geste : dessin direct par Agg (sans
    le détour de ``savefig``) et compression PNG légère (fichier ~10 % plus gros,
    encodage ~2 fois plus rapide). Reproductible : ni date ni logiciel dans le fichier.
    Une figure dont la résolution n'est pas 100 dpi passe par :func:`figure_en_png`.
    """
    if figure.dpi != 100:
        return figure_en_png(figure)
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()
    largeur, hauteur = canvas.get_width_height()
    tampon = io.BytesIO()
    image = PIL.Image.frombuffer("RGBA", (largeur, hauteur), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image.save(tampon, format="png", compress_level=1)
    return tampon.getvalue()


def figure_en_png(figure: Figure, dpi: int = 100) -> bytes:
    """Image PNG reproductible d'une figure (sans date ni logiciel dans les métadonnées)."""
    tampon = io.BytesIO()
    figure.savefig(tampon, format="png", dpi=dpi, metadata={"Software": None})
    return tampon.getvalue()
