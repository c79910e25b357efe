"""Chaque simulateur à curseurs, après une rafale de valeurs venues du navigateur (un glisser),
finit dans l'état de la position finale : même phrase, mêmes chiffres, même image (le PNG d'un
dessin complet) qu'un simulateur neuf réglé directement sur ces valeurs.

La rafale passe par le chemin du noyau (boucle d'événements en marche) : dessins à mise en page
figée, par calques, images JPEG, puis la finition ; le témoin est dessiné sans boucle (dessins
complets). Les simulateurs sont ceux du banc de mesure ``benchmarks/cout_mise_a_jour.py``.
"""

from __future__ import annotations

import io

import numpy as np
import PIL.Image
import pytest
from boucle_isolee import dans_sa_boucle

from benchmarks.cout_mise_a_jour import curseurs, fabriques, valeurs_d_un_glisser
from coursekit.graphiques.base import figure_en_png_rapide
from coursekit.widgets.base import TravailDiffere

SIMULATEURS = fabriques()


def _travaux(simulateur) -> list[TravailDiffere]:
    """Les travaux différés du simulateur et de ses graphiques."""
    travaux = [v for v in vars(simulateur).values() if isinstance(v, TravailDiffere)]
    return travaux + [zone._finition for zone in simulateur.graphiques]


def _etat(simulateur) -> dict:
    sorties = {nom: getattr(simulateur, nom).value for nom in simulateur.sorties if hasattr(simulateur, nom)}
    return {
        "curseurs": [c.value for c in curseurs(simulateur)],
        "message": simulateur.message.value,
        "sorties": sorties,
    }


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(PIL.Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def _proches(png: bytes, attendu: bytes) -> bool:
    """Même image, à l'arrondi près de la mise en page automatique : selon le chemin suivi, elle
    peut finir à un centième de pixel près (des pixels d'antialiasing qui diffèrent d'au plus
    quelques niveaux sur 255). Une image d'un autre état a des pixels qui changent du tout au tout."""
    image, reference = _pixels(png), _pixels(attendu)
    if image.shape != reference.shape:
        return False
    ecart = np.abs(image - reference)
    return ecart.max() <= 8 and (ecart.sum(axis=2) > 0).mean() < 0.02


@pytest.mark.parametrize(("nom", "fabrique"), SIMULATEURS, ids=[nom for nom, _f in SIMULATEURS])
def test_rafale_etat_final_celui_de_la_position_finale(nom, fabrique):
    finales: list = []

    async def scenario():
        simulateur = fabrique()
        for curseur in curseurs(simulateur):
            valeurs = valeurs_d_un_glisser(curseur, 5)
            # un glisser aller-retour, sans revenir au départ : la position finale est nouvelle
            for valeur in valeurs[:-2]:
                curseur.curseur.set_state({"value": valeur})
        for travail in _travaux(simulateur):
            await travail.attendre()
        finales.extend(c.value for c in curseurs(simulateur))
        return simulateur

    simulateur = dans_sa_boucle(scenario)
    temoin = fabrique()
    for curseur, valeur in zip(curseurs(temoin), finales, strict=True):
        curseur.value = valeur
    assert _etat(simulateur) == _etat(temoin)
    for zone, zone_temoin in zip(simulateur.graphiques, temoin.graphiques, strict=True):
        assert zone.format == zone_temoin.format == "png"
        assert _proches(bytes(zone.value), bytes(zone_temoin.value))
        # l'image envoyée est celle d'un dessin complet de l'état final
        assert _proches(bytes(zone.value), figure_en_png_rapide(zone.figure))
