"""Dessin par calques pendant un geste : le fond gardé, seuls les éléments qui bougent redessinés.

Quand le professeur fait glisser un curseur, le simulateur ne change que quelques éléments de
son graphique (hauteurs de barres, étiquettes de valeur, une courbe, un titre chiffré) : les axes,
les graduations, la grille et la légende restent les mêmes. Les redessiner tous à chaque image
coûte l'essentiel du temps (matplotlib trace chaque graduation une à une).

:class:`DessinParCalques` garde donc, pendant un geste :

- un **fond** : l'image de la figure sans les éléments qui bougent ;
- la liste de ces **éléments mobiles** : ceux que le simulateur a modifiés (matplotlib les marque
  « périmés », ``stale``, à chaque modification).

L'image suivante recopie le fond et ne redessine que les éléments mobiles, tant que rien d'autre
n'a changé : mêmes éléments, mêmes graduations (et même allure de leurs étiquettes), et une échelle que les nouvelles valeurs ne
dépassent pas. Pendant le geste, l'échelle est en effet **gardée** tant que les limites demandées
par le simulateur tiennent dans celles du fond (et en couvrent au moins la moitié) : les barres
montent et descendent devant des graduations fixes, ce que l'œil suit mieux qu'une échelle qui
change à chaque image. Sinon, le fond est refait.

Les éléments mobiles sont dessinés par-dessus le fond, avec tout ce qui, dans leur axe, se
dessine au-dessus d'eux (cadres, repères, étiquettes) : l'image a les pixels d'un dessin complet
à la même échelle. La grille et les graduations restent dans le fond (elles sont sous les
données : ``axes.axisbelow``). L'image finale, elle, est toujours un dessin complet (voir
``ZoneGraphique`` dans ``coursekit.widgets.base``).
"""

from __future__ import annotations

import weakref
from contextlib import contextmanager

from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.spines import Spine
from matplotlib.ticker import FixedFormatter, FixedLocator

from coursekit.graphiques.base import dessiner_rapide
from coursekit.graphiques.rendu import ToileCours

PART_MINIMALE = 0.5
"""Part minimale de l'échelle du fond que les limites demandées doivent couvrir pour la garder."""


def _graduations(axe: Axis) -> tuple:
    """Ce qui fixe les graduations d'un axe, à limites égales (sans les calculer)."""
    localisateur, formateur = axe.get_major_locator(), axe.get_major_formatter()
    return (
        id(localisateur),
        tuple(localisateur.locs) if isinstance(localisateur, FixedLocator) else None,
        id(formateur),
        tuple(formateur.seq) if isinstance(formateur, FixedFormatter) else None,
        axe.get_visible(),
        axe.get_scale(),
    )


def _enfants(figure: Figure) -> list:
    """Les éléments qu'un simulateur modifie : enfants des axes et de la figure (hors axes,
    graduations et cadres, suivis à part)."""
    elements = []
    for axes in figure.axes:
        elements.extend(
            enfant
            for enfant in axes.get_children()
            if enfant is not axes.patch and not isinstance(enfant, (Axis, Spine))
        )
    elements.extend(figure.texts + figure.legends + figure.lines + figure.patches + figure.images)
    return elements


def _contient(fond: tuple[float, float], demande: tuple[float, float]) -> bool:
    bas, haut = sorted(fond)
    dbas, dhaut = sorted(demande)
    etendue = haut - bas
    marge = etendue * 1e-9
    return bas - marge <= dbas and dhaut <= haut + marge and (dhaut - dbas) >= PART_MINIMALE * etendue


MARGE_CROISSANCE = 0.5
"""Quand les valeurs sortent de l'échelle pendant un geste, elle s'agrandit de cette part de
l'étendue demandée en plus, du côté où elles sortent (partagée si elles sortent des deux côtés) :
les images suivantes du geste y tiennent encore."""


def _echelle_du_geste(fond: tuple[float, float], demande: tuple[float, float], echelle: str):
    """L'échelle d'un axe pour le fond refait en plein geste : celle du fond si les limites
    demandées y tiennent, agrandie de :data:`MARGE_CROISSANCE` si les valeurs en sortent,
    celle demandée sinon (échelle bien plus resserrée, ou non linéaire)."""
    if _contient(fond, demande):
        return fond
    bas, haut = sorted(fond)
    dbas, dhaut = sorted(demande)
    if echelle != "linear" or (dhaut - dbas) < PART_MINIMALE * (haut - bas):
        return demande
    # Ce que le fond couvrait reste couvert ; la marge se partage entre les côtés qui débordent.
    cotes = (dbas < bas) + (dhaut > haut)
    marge = MARGE_CROISSANCE * (dhaut - dbas) / cotes
    nouvelle = (dbas - marge if dbas < bas else bas, dhaut + marge if dhaut > haut else haut)
    return nouvelle if demande[0] <= demande[1] else nouvelle[::-1]


@contextmanager
def _limites_provisoires(figure: Figure, echelles: list, limites: list):
    """Donne aux axes l'échelle du geste le temps d'un dessin, puis les limites demandées."""
    changes = [
        (axes, echelle, limite)
        for axes, echelle, limite in zip(figure.axes, echelles, limites, strict=True)
        if echelle != limite
    ]
    for axes, (x, y), _limite in changes:
        axes.set_xlim(x, emit=False)
        axes.set_ylim(y, emit=False)
    try:
        yield
    finally:
        for axes, _echelle, (x, y) in changes:
            axes.set_xlim(x, emit=False)
            axes.set_ylim(y, emit=False)


FONDS_GARDES = 2
"""Nombre de fonds gardés dans un noyau (~1 Mo chacun) : ceux des derniers simulateurs utilisés ;
le professeur ne fait glisser qu'un curseur à la fois."""

_derniers: list = []


def _garder_parmi_les_derniers(dessin: DessinParCalques) -> None:
    """Note ``dessin`` comme le dernier qui a fait un fond ; oublie le fond des plus anciens."""
    global _derniers
    _derniers = [ref for ref in _derniers if ref() is not None and ref() is not dessin]
    _derniers.append(weakref.ref(dessin))
    while len(_derniers) > FONDS_GARDES:
        ancien = _derniers.pop(0)()
        if ancien is not None:
            ancien.oublier()


def _calque_mobile(figure: Figure, choisis: set[int]) -> list:
    """Les éléments à redessiner à chaque image, dans l'ordre d'un dessin complet : ceux de
    ``choisis`` (des ``id``) et, dans chaque axe qui en a, tout ce qui se dessine au-dessus d'eux
    (cadres, lignes de repère, étiquettes, légende…). Ainsi l'image par calques a exactement les
    pixels d'un dessin complet : rien de fixe ne passe sous un élément qui bouge."""
    calque = []
    for axes in figure.axes:
        enfants = [e for e in axes.get_children() if e is not axes.patch and not isinstance(e, Axis)]
        if not any(id(e) in choisis for e in enfants):
            continue
        # L'ordre de dessin d'un axe : par zorder, puis dans l'ordre des enfants (tri stable).
        ordre = sorted(enfants, key=lambda e: e.get_zorder())
        premier = next(i for i, e in enumerate(ordre) if id(e) in choisis)
        calque.extend(ordre[premier:])
    dans_les_axes = {id(e) for e in calque}
    # Éléments de la figure elle-même (légende sous le graphique…), dessinés après les axes.
    calque.extend(e for e in _enfants(figure) if id(e) in choisis and id(e) not in dans_les_axes)
    return calque


class DessinParCalques:
    """Fond gardé et éléments mobiles d'une figure, le temps d'un geste (voir le module)."""

    def __init__(self, figure: Figure):
        self.figure = figure
        self.fonds_refaits = 0
        """Nombre de fonds dessinés (images complètes, à mise en page figée)."""
        self.images_par_calques = 0
        """Nombre d'images faites en recopiant le fond (seuls les éléments mobiles redessinés)."""
        self.oublier()

    def oublier(self) -> None:
        """Oublie le fond : la prochaine image refait un dessin (à la fin d'un geste, par exemple)."""
        self._fond = None
        self._mobiles: list = []
        self._limites: list = []
        self._signature = None
        self._graduations: list = []

    def _signature_figure(self, enfants: list) -> tuple:
        toile = self.figure.canvas
        return (
            tuple(map(id, enfants)),
            tuple(_graduations(axe) for axes in self.figure.axes for axe in (axes.xaxis, axes.yaxis)),
            toile.get_width_height() if isinstance(toile, ToileCours) else None,
            self.figure.dpi,
        )

    def preparer(self) -> None:
        """Après un dessin complet (fin d'un geste) : refait le fond, sans les éléments mobiles du
        geste, à l'échelle exacte. Le geste suivant (une touche →) sera dessiné par calques s'il
        ne touche qu'à ces éléments et garde les mêmes limites."""
        mobiles = self._mobiles
        self.oublier()
        if mobiles:
            self._mobiles = mobiles
            self._refaire_fond([], [(axes.get_xlim(), axes.get_ylim()) for axes in self.figure.axes], False)

    def dessiner(self, garder_echelle: bool = True) -> ToileCours:
        """Dessine l'état en cours (mise en page figée) ; rend la toile, prête à être encodée.

        ``garder_echelle=False`` (premier geste après une pause) : l'image est celle de l'échelle
        demandée, jamais de celle du fond."""
        enfants = _enfants(self.figure)
        modifies = [enfant for enfant in enfants if enfant.stale]
        limites = [(axes.get_xlim(), axes.get_ylim()) for axes in self.figure.axes]
        signature = self._signature_figure(enfants)
        mobiles = set(map(id, self._mobiles))
        if (
            self._fond is not None
            and signature == self._signature
            and not any(graduation.stale for graduation in self._graduations)
            and all(id(element) in mobiles for element in modifies)
            and (
                all(
                    _contient(fx, dx) and _contient(fy, dy)
                    for (fx, fy), (dx, dy) in zip(self._limites, limites, strict=True)
                )
                if garder_echelle
                else limites == self._limites
            )
        ):
            return self._par_calques(limites)
        return self._refaire_fond(modifies, limites, garder_echelle)

    def _refaire_fond(self, modifies: list, limites: list, garder_echelle: bool) -> ToileCours:
        presents = set(map(id, _enfants(self.figure)))
        # Les éléments déjà mobiles le restent (s'ils sont toujours là) : le geste continue.
        choisis = {id(e) for e in modifies} | {id(e) for e in self._mobiles if id(e) in presents}
        mobiles = _calque_mobile(self.figure, choisis)
        echelles = limites
        if garder_echelle and self._limites and len(self._limites) == len(limites):
            echelles = [
                (_echelle_du_geste(fx, dx, axes.get_xscale()), _echelle_du_geste(fy, dy, axes.get_yscale()))
                for axes, (fx, fy), (dx, dy) in zip(self.figure.axes, self._limites, limites, strict=True)
            ]
        for element in mobiles:
            element.set_animated(True)
        try:
            with _limites_provisoires(self.figure, echelles, limites):
                toile = dessiner_rapide(self.figure, figer=True)
        finally:
            for element in mobiles:
                element.set_animated(False)
        self._fond = toile.copy_from_bbox(self.figure.bbox)
        _garder_parmi_les_derniers(self)
        self._mobiles = mobiles
        self._limites = echelles
        self._signature = self._signature_figure(_enfants(self.figure))
        # Les graduations dessinées dans le fond : si le simulateur en change une (couleur, gras
        # d'une étiquette…), le fond est refait. Celles qui restent « périmées » après le dessin
        # sont hors de l'échelle (non dessinées) : elles ne comptent pas.
        self._graduations = [
            graduation
            for axes in self.figure.axes
            for axe in (axes.xaxis, axes.yaxis)
            for graduation in (*axe.majorTicks, *axe.minorTicks)
            if not graduation.stale
        ]
        self.fonds_refaits += 1
        with _limites_provisoires(self.figure, echelles, limites):
            self._dessiner_mobiles()
        return toile

    def _par_calques(self, limites: list) -> ToileCours:
        toile = self.figure.canvas
        toile.restore_region(self._fond)
        with _limites_provisoires(self.figure, self._limites, limites):
            self._dessiner_mobiles()
        self.images_par_calques += 1
        return toile

    def _dessiner_mobiles(self) -> None:
        rendu = self.figure.canvas.get_renderer()
        for element in self._mobiles:
            element.draw(rendu)
