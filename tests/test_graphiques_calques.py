"""Dessin par calques pendant un geste : fond gardé, éléments modifiés seuls redessinés."""

from __future__ import annotations

import numpy as np

from coursekit.graphiques.base import dessiner_rapide, nouvelle_figure
from coursekit.graphiques.calques import DessinParCalques


def _figure():
    figure, axes = nouvelle_figure()
    barres = axes.bar(["Dépense", "Ventes"], [300, 500])
    etiquette = axes.text(1, 500, "500 €", ha="center", va="bottom")
    axes.set_title("Dépense et ventes")
    axes.set_ylim(0, 1000)
    dessiner_rapide(figure, figer=False)  # premier dessin complet, comme à l'affichage
    return figure, axes, barres, etiquette


def _geste_commence():
    """Un geste commencé : la première barre a bougé, le fond est fait sans elle."""
    figure, axes, barres, _etiquette = _figure()
    calques = DessinParCalques(figure)
    barres[0].set_height(200)
    calques.dessiner()
    return figure, axes, barres, calques


def _pixels(toile) -> np.ndarray:
    return np.asarray(toile.buffer_rgba()).copy()


def _complet(figure) -> np.ndarray:
    return _pixels(dessiner_rapide(figure, figer=True))


def test_image_par_calques_memes_pixels_qu_un_dessin_complet():
    figure, _axes, barres, etiquette = _figure()
    calques = DessinParCalques(figure)
    barres[1].set_height(600)
    etiquette.set_y(600)
    calques.dessiner()  # le fond est fait sans la barre et l'étiquette modifiées
    assert (calques.fonds_refaits, calques.images_par_calques) == (1, 0)
    barres[1].set_height(420)
    etiquette.set_y(420)
    etiquette.set_text("420 €")
    image = _pixels(calques.dessiner())
    assert (calques.fonds_refaits, calques.images_par_calques) == (1, 1)
    np.testing.assert_array_equal(image, _complet(figure))


def test_echelle_gardee_pendant_le_geste_puis_rendue():
    figure, axes, barres, calques = _geste_commence()
    barres[0].set_height(100)
    axes.set_ylim(0, 700)  # le simulateur resserre l'échelle : elle tient dans celle du fond
    image = _pixels(calques.dessiner())
    assert calques.images_par_calques == 1
    assert axes.get_ylim() == (0, 700)  # la limite demandée reste celle de la figure
    axes.set_ylim(0, 1000)
    np.testing.assert_array_equal(image, _complet(figure))  # dessinée à l'échelle du fond


def test_fond_refait_quand_l_echelle_grandit_ou_se_resserre_trop():
    figure, axes, barres, calques = _geste_commence()
    barres[0].set_height(1500)
    axes.set_ylim(0, 1800)  # les valeurs sortent de l'échelle du fond : agrandie, avec une marge
    calques.dessiner()
    assert (calques.fonds_refaits, calques.images_par_calques) == (2, 0)
    assert axes.get_ylim() == (0, 1800)
    barres[0].set_height(1900)
    axes.set_ylim(0, 2280)  # tient dans la marge (1 800 + 50 %) : pas de fond refait
    calques.dessiner()
    assert (calques.fonds_refaits, calques.images_par_calques) == (2, 1)
    barres[0].set_height(100)
    axes.set_ylim(0, 120)  # moins de la moitié de l'échelle : on la refait, exacte
    calques.dessiner()
    assert (calques.fonds_refaits, calques.images_par_calques) == (3, 1)
    np.testing.assert_array_equal(_pixels(figure.canvas), _complet(figure))


def test_fond_refait_quand_un_autre_element_ou_les_graduations_changent():
    figure, axes, barres, etiquette = _figure()
    calques = DessinParCalques(figure)
    etiquette.set_text("520 €")  # l'étiquette bouge : elle et ce qui est au-dessus d'elle
    calques.dessiner()
    etiquette.set_text("530 €")
    calques.dessiner()
    assert (calques.fonds_refaits, calques.images_par_calques) == (1, 1)
    barres[0].set_height(200)  # une barre, dessous : pas dans le calque mobile
    calques.dessiner()
    assert calques.fonds_refaits == 2
    axes.set_yticks([0, 250, 500, 750, 1000])  # mêmes limites, autres graduations
    calques.dessiner()
    assert calques.fonds_refaits == 3
    axes.text(0, 900, "nouveau")
    calques.dessiner()
    assert calques.fonds_refaits == 4
    barres[0].set_height(150)
    calques.dessiner()
    assert calques.fonds_refaits == 4  # rien d'autre n'a changé : par calques
    axes.get_xticklabels()[1].set_color("red")  # une étiquette de graduation (maillon faible…)
    calques.dessiner()
    assert calques.fonds_refaits == 5
    np.testing.assert_array_equal(_pixels(figure.canvas), _complet(figure))


def test_oublier_refait_le_fond():
    _fig, _axes, barres, calques = _geste_commence()
    calques.oublier()
    barres[0].set_height(250)
    calques.dessiner()
    assert (calques.fonds_refaits, calques.images_par_calques) == (2, 0)


def test_fond_prepare_apres_un_geste_sert_a_la_touche_suivante_si_l_echelle_est_la_meme():
    figure, axes, barres, etiquette = _figure()
    calques = DessinParCalques(figure)
    barres[1].set_height(600)
    etiquette.set_y(600)
    calques.dessiner()
    dessiner_rapide(figure, figer=False)  # la fin du geste : dessin complet
    calques.preparer()
    barres[1].set_height(450)  # une touche →, mêmes limites
    etiquette.set_y(450)
    image = _pixels(calques.dessiner(garder_echelle=False))
    assert (calques.fonds_refaits, calques.images_par_calques) == (2, 1)
    np.testing.assert_array_equal(image, _complet(figure))
    axes.set_ylim(0, 800)  # une touche qui change l'échelle : jamais celle du fond
    barres[1].set_height(500)
    calques.dessiner(garder_echelle=False)
    assert (calques.fonds_refaits, calques.images_par_calques) == (3, 1)
    np.testing.assert_array_equal(_pixels(figure.canvas), _complet(figure))


def test_seuls_les_fonds_des_derniers_simulateurs_sont_gardes():
    from coursekit.graphiques.calques import FONDS_GARDES

    dessins = []
    for _ in range(FONDS_GARDES + 2):
        figure, _axes, barres, _etiquette = _figure()
        dessin = DessinParCalques(figure)
        barres[0].set_height(200)
        dessin.dessiner()
        dessins.append(dessin)
    assert [d._fond is not None for d in dessins] == [False, False] + [True] * FONDS_GARDES


def test_un_element_fixe_au_dessus_d_une_barre_mobile_y_reste():
    figure, axes, barres, _etiquette = _figure()
    axes.axhline(350, color="black", linewidth=3, zorder=5)  # objectif, par-dessus les barres
    axes.text(0, 350, "objectif", zorder=6, bbox={"facecolor": "white"})
    dessiner_rapide(figure, figer=False)
    calques = DessinParCalques(figure)
    barres[0].set_height(420)
    calques.dessiner()
    barres[0].set_height(380)
    image = _pixels(calques.dessiner())
    assert calques.images_par_calques == 1
    np.testing.assert_array_equal(image, _complet(figure))
