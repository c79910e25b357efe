"""Moteur de dessin Agg des simulateurs : mêmes pixels, textes gardés en mémoire.

Un simulateur redessine sa figure à chaque geste, et la plupart de ses textes (graduations,
titres, légende) sont les mêmes d'un dessin à l'autre. Agg les recompose pourtant à chaque
fois, glyphe par glyphe (mise en forme par libraqm puis rendu par FreeType) : c'était près de
la moitié du temps d'un dessin.

:class:`RenduCours` garde les glyphes rendus de chaque texte, pour une même police, une même
taille, un même angle et la même position au 1/64 de pixel près (la précision de FreeType) :
le texte suivant au même endroit, ou décalé d'un nombre entier de pixels, est recopié tel
quel. Les pixels sont exactement ceux d'Agg (``tests/test_graphiques_rendu.py``).
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import RenderMode

TAILLE_MEMOIRE = 4096
"""Nombre de textes gardés (vidée d'un coup au-delà : quelques Mo au plus)."""


class RenduCours(RendererAgg):
    """``RendererAgg`` qui garde en mémoire les glyphes rendus et les hauteurs de police."""

    glyphes: dict = {}
    hauteurs: dict = {}

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        options = get_hinting_flag()
        lisse = gc.get_antialiased()
        # Position en 1/64 de pixel, comme FreeType (y vers le haut).
        x64 = round(0x40 * x)
        y64 = round(0x40 * (self.height - y))
        cle = (s, prop, angle, lisse, options, self.dpi, features, language, x64 & 63, y64 & 63)
        glyphes = self.glyphes.get(cle)
        if glyphes is None:
            glyphes = self._rendre(x, y, s, prop, angle, features, language, options, lisse, x64, y64)
            if len(self.glyphes) >= TAILLE_MEMOIRE:
                self.glyphes.clear()
            # Une copie des propriétés : matplotlib les modifie sur place (set_fontsize…).
            self.glyphes[(s, prop.copy(), *cle[2:])] = glyphes
        dx, dy = x64 >> 6, y64 >> 6
        hauteur = int(self.height)
        for image, gauche, haut in glyphes:
            # draw_text_image : y vers le bas, côté bas de l'image.
            self._renderer.draw_text_image(image, gauche + dx, hauteur - (haut + dy) + image.shape[0], 0, gc)

    def _rendre(self, x, y, s, prop, angle, features, language, options, lisse, x64, y64):
        """Les glyphes de ``s`` rendus comme ``RendererAgg.draw_text`` : (image, gauche, haut),
        gauche et haut comptés depuis la partie entière de la position du texte."""
        police = self._prepare_font(prop)
        taille = prop.get_size_in_points()
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        rotation = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        glyphes = []
        for item in police._layout(s, flags=options, features=features, language=language):
            police_glyphe = item.ft_object
            police_glyphe.set_size(taille, self.dpi)
            police_glyphe._set_transform(
                rotation,
                [
                    round(0x40 * (x + item.x * cos - item.y * sin)),
                    round(0x40 * (self.height - y + item.x * sin + item.y * cos)),
                ],
            )
            rendu = police_glyphe._render_glyph(
                item.glyph_index, options, RenderMode.NORMAL if lisse else RenderMode.MONO
            )
            image = rendu.buffer.copy()
            if not lisse:
                image *= 0xFF
            glyphes.append((image, rendu.left - (x64 >> 6), rendu.top - (y64 >> 6)))
        return tuple(glyphes)

    def _get_font_height_metrics(self, prop):
        """Hauteurs de la police (ascendante, descendante, interligne), gardées en mémoire.

        Matplotlib (``Text._get_layout``) demande ce crochet au moteur avant de relire les
        tables de la police pour chaque texte ; on lui rend les mêmes nombres, calculés une fois."""
        cle = (prop, self.dpi)
        try:
            return self.hauteurs[cle]
        except KeyError:
            pass
        police = get_font(fontManager._find_fonts_by_props(prop))
        resultat = (None, None, None)
        for table, interligne, haut, bas in (
            ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
            ("hhea", "lineGap", "ascent", "descent"),
        ):
            valeurs = police.get_sfnt_table(table)
            if valeurs is None:
                continue
            echelle = prop.get_size_in_points() * self.dpi / 72 / police.get_sfnt_table("head")["unitsPerEm"]
            resultat = (valeurs[haut] * echelle, -valeurs[bas] * echelle, valeurs[interligne] * echelle)
            break
        if len(self.hauteurs) >= TAILLE_MEMOIRE:
            self.hauteurs.clear()
        self.hauteurs[(prop.copy(), self.dpi)] = resultat
        return resultat


class ToileCours(FigureCanvasAgg):
    """Toile Agg qui dessine avec :class:`RenduCours`."""

    def get_renderer(self):
        largeur, hauteur = self.get_width_height(physical=True)
        cle = largeur, hauteur, self.figure.dpi
        if self._lastKey != cle:
            self.renderer = RenduCours(largeur, hauteur, self.figure.dpi)
            self._lastKey = cle
        return self.renderer
