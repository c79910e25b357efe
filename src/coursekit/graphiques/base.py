"""Création de figures et conversion en PNG, sans pyplot (pas d'état global).

Les figures du cours sont des :class:`FigureCours` : au moment d'être dessinées,
leurs graduations numériques passent à l'écriture française (``25 000``,
``0,2``), sauf si un graphique a choisi son propre formateur (euros, %…).

Pour les simulateurs, qui redessinent à chaque geste, trois économies (mêmes pixels) :

- les glyphes des textes sont gardés en mémoire par le moteur de dessin
  (:class:`~coursekit.graphiques.rendu.RenduCours`) ;

- les textes des graduations sont gardés en mémoire (:class:`_Memoire`) : matplotlib
  les redemande une vingtaine de fois par dessin, et chaque écriture à la française
  passe par Babel ;
- la mise en page automatique (« constrained », près de la moitié du temps de dessin)
  peut être **figée** le temps d'un dessin (:func:`dessiner_rapide`) : les axes gardent
  leur place ; :func:`verifier_mise_en_page` la recalcule ensuite et dit si elle a bougé.

Pendant un geste, seuls les éléments qui bougent sont redessinés sur un fond gardé
(:mod:`coursekit.graphiques.calques`) et l'image envoyée est un JPEG (:func:`toile_en_image`,
encodé dix fois plus vite) ; l'image finale est le PNG exact d'un dessin complet.
"""

from __future__ import annotations

import io

import PIL.Image
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import FuncFormatter, ScalarFormatter

from coursekit import format as fmt
from coursekit.affichage import appliquer_theme
from coursekit.graphiques.rendu import ToileCours


def _graduation_francaise(valeur: float, _position=None) -> str:
    return fmt.nombre(valeur, 3)


class _Memoire:
    """Formateur de graduation gardé en mémoire : même valeur, même texte, sans recalcul.

    La devise en cours fait partie de la clé (``definir_devise`` change les textes)."""

    def __init__(self, fonction):
        self.fonction = fonction
        self.textes: dict = {}

    def __call__(self, valeur, position=None):
        cle = (valeur, position, fmt.devise())
        try:
            return self.textes[cle]
        except KeyError:
            if len(self.textes) > 4096:
                self.textes.clear()
            texte = self.textes[cle] = self.fonction(valeur, position)
            return texte


def franciser(figure: Figure) -> None:
    """Remplace les graduations numériques par défaut (``25000``, ``0.2``) par ``25 000``, ``0,2``.

    Les formateurs de fonction (``FuncFormatter``) sont gardés en mémoire au passage."""
    for axes in figure.axes:
        for axe in (axes.xaxis, axes.yaxis):
            formateur = axe.get_major_formatter()
            if type(formateur) is ScalarFormatter:
                axe.set_major_formatter(FuncFormatter(_Memoire(_graduation_francaise)))
            elif type(formateur) is FuncFormatter and not isinstance(formateur.func, _Memoire):
                formateur.func = _Memoire(formateur.func)


class MiseEnPageCours(ConstrainedLayoutEngine):
    """La mise en page « constrained », qu'un dessin rapide peut sauter (axes laissés en place)."""

    def execute(self, fig):
        if getattr(fig, "_mise_en_page_figee", False):
            return None
        return super().execute(fig)


class FigureCours(Figure):
    """Figure dont les graduations s'écrivent à la française à chaque dessin."""

    _mise_en_page_figee = False

    def draw(self, renderer):
        franciser(self)
        return super().draw(renderer)


def _positions(figure: Figure) -> list[tuple[float, ...]]:
    return [tuple(axes.get_position().bounds) for axes in figure.axes]


def dessiner_rapide(figure: Figure, figer: bool) -> ToileCours:
    """Dessine la figure avec Agg ; ``figer=True`` garde la mise en page du dessin précédent."""
    canvas = figure.canvas if isinstance(figure.canvas, ToileCours) else ToileCours(figure)
    if figer and isinstance(figure, FigureCours):
        figure._mise_en_page_figee = True
        # Les titres restent aussi où le dessin précédent les a mis : leur placement
        # automatique mesure toutes les graduations du haut de l'axe (~10 % du dessin),
        # et aucun graphique du cours n'a de graduations en haut.
        # Les noms des axes (« mois », « € ») aussi : les placer mesure toutes les graduations
        # de l'axe et de ses voisins (~15 % du dessin).
        titres = [(axes, axes._autotitlepos) for axes in figure.axes]
        noms = [(axe, axe._autolabelpos) for axes in figure.axes for axe in (axes.xaxis, axes.yaxis)]
        for axes, _auto in titres:
            axes._autotitlepos = False
        for axe, _auto in noms:
            axe._autolabelpos = False
        try:
            canvas.draw()
        finally:
            figure._mise_en_page_figee = False
            for axes, auto in titres:
                axes._autotitlepos = auto
            for axe, auto in noms:
                axe._autolabelpos = auto
    else:
        canvas.draw()
    return canvas


def verifier_mise_en_page(figure: Figure) -> bool:
    """Recalcule la mise en page (sans dessiner) ; vrai si un axe a changé de place.

    Après des dessins où elle était figée : si rien n'a bougé, l'image envoyée est déjà
    celle d'un dessin complet, il n'y a rien à renvoyer."""
    moteur = figure.get_layout_engine()
    if not isinstance(moteur, ConstrainedLayoutEngine) or not figure.axes:
        return False
    avant = _positions(figure)
    franciser(figure)
    moteur.execute(figure)
    apres = _positions(figure)
    largeur, hauteur = figure.get_size_inches() * figure.dpi
    seuil = 0.25 / max(largeur, hauteur, 1.0)  # un quart de pixel
    return any(
        abs(a - b) > seuil for pa, pb in zip(avant, apres, strict=True) for a, b in zip(pa, pb, strict=True)
    )


def nouvelle_figure(largeur: float = 7.0, hauteur: float = 3.8, **kwargs) -> tuple[Figure, object]:
    """Crée une figure au thème du cours et renvoie ``(figure, axes)``.

    La figure n'est pas attachée à pyplot : elle ne s'affiche que si on la rend
    en dernière ligne d'une cellule ou si un simulateur la convertit en image.
    Les arguments nommés vont à ``Figure.subplots`` (``ncols=2``…).
    """
    appliquer_theme()
    figure = FigureCours(figsize=(largeur, hauteur), layout=MiseEnPageCours())
    axes = figure.subplots(**kwargs)
    return figure, axes


def figure_en_png_rapide(figure: Figure, figer: bool = False) -> bytes:
    """Les mêmes pixels que :func:`figure_en_png`, en deux fois moins de temps.

    Pour les simulateurs, qui redessinent à chaque geste : dessin direct par Agg (sans
    le détour de ``savefig``) et compression PNG légère (fichier ~10 % plus gros,
    encodage ~2 fois plus rapide). Reproductible : ni date ni logiciel dans le fichier.
    ``figer=True`` garde la mise en page du dessin précédent (voir :func:`dessiner_rapide`).
    Une figure dont la résolution n'est pas 100 dpi passe par :func:`figure_en_png`.
    """
    if figure.dpi != 100:
        return figure_en_png(figure)
    return toile_en_image(dessiner_rapide(figure, figer), "png")


QUALITE_APERCU = 90
"""Qualité JPEG des images envoyées pendant un geste (l'image finale est un PNG)."""


def toile_en_image(toile: ToileCours, format_image: str) -> bytes:
    """L'image d'une toile déjà dessinée, en ``"png"`` (compression légère) ou en ``"jpeg"``.

    Le JPEG (qualité :data:`QUALITE_APERCU`) s'encode en ~1 ms contre 7 à 10 ms pour le PNG le
    plus léger ; sur une image qui bouge, la différence ne se voit pas. Il sert aux images d'un
    geste en cours ; quand le geste s'arrête, le simulateur envoie le PNG exact."""
    largeur, hauteur = toile.get_width_height()
    tampon = io.BytesIO()
    image = PIL.Image.frombuffer("RGBA", (largeur, hauteur), toile.buffer_rgba(), "raw", "RGBA", 0, 1)
    if format_image == "jpeg":
        image.convert("RGB").save(tampon, format="jpeg", quality=QUALITE_APERCU)
    else:
        image.save(tampon, format="png", compress_level=1)
    return tampon.getvalue()


def figure_en_png(figure: Figure, dpi: int = 100) -> bytes:
    """Image PNG reproductible d'une figure (sans date ni logiciel dans les métadonnées)."""
    tampon = io.BytesIO()
    figure.savefig(tampon, format="png", dpi=dpi, metadata={"Software": None})
    return tampon.getvalue()
