"""Moteur de dessin Agg des simulateurs : mêmes pixels, textes gardés en mémoire.

Un simulateur redessine sa figure à chaque geste, et la plupart de ses textes (graduations,
titres, légende) sont les mêmes d'un dessin à l'autre ; ceux qui changent (« 12 600 € »)
reprennent les mêmes chiffres. Agg les recompose pourtant à chaque fois : mise en forme par
libraqm (~1 ms par texte) puis rendu de chaque glyphe par FreeType. C'était près de la moitié
du temps d'un dessin.

:class:`RenduCours` garde donc :

- la mise en forme de chaque texte (ses glyphes et leur décalage), pour une même police ;
- chaque glyphe rendu, pour une même police, une même taille, un même angle et la même
  position au 1/64 de pixel près (la précision de FreeType) : un glyphe décalé d'un nombre
  entier de pixels est recopié tel quel.

Les pixels sont exactement ceux d'Agg (``tests/test_graphiques_rendu.py``).
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import RenderMode

TAILLE_MEMOIRE = 8192
"""Nombre de textes mis en forme, ou de glyphes rendus, gardés (chaque mémoire est vidée d'un
coup au-delà : quelques Mo au plus)."""


class RenduCours(RendererAgg):
    """``RendererAgg`` qui garde en mémoire la mise en forme des textes, les glyphes rendus et
    les hauteurs de police."""

    dispositions: dict = {}
    glyphes: dict = {}
    hauteurs: dict = {}

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        options = get_hinting_flag()
        lisse = gc.get_antialiased()
        elements = self._disposition(s, prop, mtext, options)
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        hauteur = int(self.height)
        haut_texte = self.height - y  # FreeType compte y vers le haut
        taille = prop.get_size_in_points()
        for police, indice, dx, dy in elements:
            # Position du glyphe en 1/64 de pixel, exactement comme RendererAgg.
            x64 = round(0x40 * (x + dx * cos - dy * sin))
            y64 = round(0x40 * (haut_texte + dx * sin + dy * cos))
            cle = (police, taille, self.dpi, indice, x64 & 63, y64 & 63, angle, lisse, options)
            glyphe = self.glyphes.get(cle)
            if glyphe is None:
                glyphe = self._rendre(police, taille, indice, angle, x64, y64, lisse, options)
                if len(self.glyphes) >= TAILLE_MEMOIRE:
                    self.glyphes.clear()
                self.glyphes[cle] = glyphe
            image, gauche, haut = glyphe
            # draw_text_image : y vers le bas, côté bas de l'image.
            self._renderer.draw_text_image(
                image, gauche + (x64 >> 6), hauteur - (haut + (y64 >> 6)) + image.shape[0], 0, gc
            )

    def _disposition(self, s, prop, mtext, options) -> tuple:
        """Les glyphes de ``s`` et leur décalage depuis l'origine du texte (mise en forme par
        libraqm, la même quelle que soit la position du texte)."""
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        cle = (s, prop, features, language, options)
        disposition = self.dispositions.get(cle)
        if disposition is None:
            police = self._prepare_font(prop)
            disposition = tuple(
                (item.ft_object, item.glyph_index, item.x, item.y)
                for item in police._layout(s, flags=options, features=features, language=language)
            )
            if len(self.dispositions) >= TAILLE_MEMOIRE:
                self.dispositions.clear()
            # Une copie des propriétés : matplotlib les modifie sur place (set_fontsize…).
            self.dispositions[(s, prop.copy(), features, language, options)] = disposition
        return disposition

    def _rendre(self, police, taille, indice, angle, x64, y64, lisse, options):
        """Un glyphe rendu comme par ``RendererAgg`` : (image, gauche, haut), gauche et haut
        comptés depuis la partie entière de sa position (le rendu ne dépend que de la partie
        fractionnaire)."""
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        police.set_size(taille, self.dpi)
        police._set_transform((0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int), [x64, y64])
        rendu = police._render_glyph(indice, options, RenderMode.NORMAL if lisse else RenderMode.MONO)
        image = rendu.buffer.copy()
        if not lisse:
            image *= 0xFF
        return image, rendu.left - (x64 >> 6), rendu.top - (y64 >> 6)

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
