"""Création de figures et conversion en PNG, sans pyplot (pas d'état global)."""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from coursekit.affichage import appliquer_theme


def nouvelle_figure(largeur: float = 7.0, hauteur: float = 3.8, **kwargs) -> tuple[Figure, object]:
    """Crée une figure au thème du cours et renvoie ``(figure, axes)``.

    La figure n'est pas attachée à pyplot : elle ne s'affiche que si on la rend
    en dernière ligne d'une cellule ou si un simulateur la convertit en image.
    """
    appliquer_theme()
    figure = Figure(figsize=(largeur, hauteur), layout="constrained")
    axes = figure.subplots(**kwargs)
    return figure, axes


def figure_en_png(figure: Figure, dpi: int = 100) -> bytes:
    """Image PNG reproductible d'une figure (sans date ni logiciel dans les métadonnées)."""
    tampon = io.BytesIO()
    figure.savefig(tampon, format="png", dpi=dpi, metadata={"Software": None})
    return tampon.getvalue()
