"""Affichage des nombres à la française, avec Babel.

Les calculateurs renvoient des nombres bruts ; on arrondit et on met en forme
seulement au moment d'afficher. La devise est un réglage de tout le cours :
l'euro par défaut, le dirham marocain pour les classes de l'OFPPT
(``definir_devise("MAD")`` ou la variable d'environnement ``COURSEKIT_DEVISE``).

>>> monnaie(1440)
'1\\u202f440\\xa0€'
>>> pourcent(16.666)
'16,7\\xa0%'
"""

from __future__ import annotations

import os

from babel.numbers import format_currency, format_decimal, format_percent

from coursekit import validation
from coursekit.erreurs import ErreurSaisie

LOCALE = "fr_FR"
DEVISES = {"EUR": "euro", "MAD": "dirham marocain"}
_reglage = {"devise": os.environ.get("COURSEKIT_DEVISE", "EUR").upper()}
if _reglage["devise"] not in DEVISES:
    _reglage["devise"] = "EUR"


def definir_devise(code: str) -> str:
    """Choisit la devise de tout le cours : ``"EUR"`` (euro) ou ``"MAD"`` (dirham)."""
    code = str(code).upper()
    if code not in DEVISES:
        raise ErreurSaisie("La devise doit être « EUR » (euro) ou « MAD » (dirham marocain).")
    _reglage["devise"] = code
    return code


def devise() -> str:
    """Code de la devise en cours (``"EUR"`` ou ``"MAD"``)."""
    return _reglage["devise"]


def symbole_devise() -> str:
    """Symbole affiché après les montants : ``€`` ou ``MAD``."""
    return monnaie(0).split("\xa0")[-1]


def monnaie(valeur: float, decimales: int | None = None) -> str:
    """Montant dans la devise du cours : ``1 440 €``, ``12,50 €``, ``−3 €`` (vrai signe moins).

    Sans ``decimales``, un montant rond s'affiche sans centimes et les autres
    avec deux décimales.
    """
    valeur = validation.nombre(valeur, "Le montant")
    if decimales is None:
        decimales = 0 if round(valeur, 2).is_integer() else 2
    motif = "#,##0" + ("." + "0" * decimales if decimales else "") + "\xa0¤"
    texte = format_currency(
        round(valeur, decimales), devise(), format=motif, locale=LOCALE, currency_digits=False
    )
    return _moins(texte)


def pourcent(valeur: float, decimales: int = 1, signe: bool = False) -> str:
    """Pourcentage donné **en pour cent** : ``pourcent(16.666)`` → ``16,7 %``.

    Les zéros inutiles disparaissent (``30 %``). Avec ``signe=True`` une hausse
    s'écrit ``+16,7 %``.
    """
    valeur = validation.nombre(valeur, "Le pourcentage")
    motif = "#,##0" + ("." + "#" * decimales if decimales else "") + "\xa0%"
    texte = format_percent(round(valeur, decimales) / 100, format=motif, locale=LOCALE)
    return _signer(texte, valeur, signe, decimales)


def nombre(valeur: float, decimales: int = 1, signe: bool = False) -> str:
    """Nombre à la française : ``15 000``, ``3,5`` (zéros inutiles retirés)."""
    valeur = validation.nombre(valeur, "Le nombre")
    motif = "#,##0" + ("." + "#" * decimales if decimales else "")
    texte = format_decimal(round(valeur, decimales), format=motif, locale=LOCALE)
    return _signer(texte, valeur, signe, decimales)


def points(valeur: float, decimales: int = 1, signe: bool = True) -> str:
    """Écart en points de pourcentage : ``+0,8 point``, ``-2 points``.

    En français, « point » reste au singulier sous 2.
    """
    valeur = validation.nombre(valeur, "L'écart en points")
    unite = "point" if abs(round(valeur, decimales)) < 2 else "points"
    return f"{nombre(valeur, decimales, signe)}\xa0{unite}"


def ratio(valeur: float, decimales: int = 1) -> str:
    """Ratio écrit « pour 1 » : ``3,5:1`` (3,5 € de chiffre d'affaires pour 1 € dépensé)."""
    return f"{nombre(valeur, decimales)}:1"


MOINS = "\u2212"


def _moins(texte: str) -> str:
    """Le signe moins typographique (−, U+2212) à la place du trait d'union de Babel.

    >>> _moins("-12,5 %") == "\u221212,5 %"
    True
    """
    return MOINS + texte[1:] if texte.startswith("-") else texte


def _signer(texte: str, valeur: float, signe: bool, decimales: int) -> str:
    texte = _moins(texte)
    if signe and round(valeur, decimales) > 0:
        return "+" + texte
    return texte
