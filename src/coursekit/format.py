"""Affichage des nombres à la française, avec Babel.

Les calculateurs renvoient des nombres bruts ; on arrondit et on met en forme
seulement au moment d'afficher. La devise est un réglage de tout le cours :
l'euro par défaut, le dirham marocain pour les classes de l'OFPPT
(``definir_devise("MAD")`` ou la variable d'environnement ``COURSEKIT_DEVISE``).

Tous les montants du cours (données, textes, calculs) sont écrits **en euros**, la
monnaie de référence. En dirhams, la conversion se fait ici et nulle part ailleurs,
au moment d'afficher : :func:`convertir` (un montant calculé), :func:`prix_naturel`
(un montant de référence écrit dans un texte), :func:`texte_local` (les « 300 € »
d'un texte) et, dans l'autre sens, :func:`vers_reference` (un montant tapé en DH).
Le même taux s'applique à tous les montants : CPC, ROI, ROAS et marges ne changent pas.

>>> monnaie(1440)
'1\\u202f440\\xa0€'
>>> pourcent(16.666)
'16,7\\xa0%'
"""

from __future__ import annotations

import os
import re

from babel.numbers import format_currency, format_decimal, format_percent

from coursekit import validation
from coursekit.erreurs import ErreurSaisie

LOCALE = "fr_FR"
DEVISES = {"EUR": "euro", "MAD": "dirham marocain"}
TAUX = {"EUR": 1, "MAD": 10}
"""Combien vaut 1 € de référence dans chaque devise (1 € ≈ 10 DH : des prix plausibles au Maroc)."""
SYMBOLES = {"EUR": "€", "MAD": "DH"}
"""Le symbole écrit après les montants ; « DH » est l'usage courant au Maroc."""
NOMS = {"EUR": ("euro", "euros"), "MAD": ("dirham", "dirhams")}
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
    """Symbole affiché après les montants : ``€`` ou ``DH``."""
    return SYMBOLES[devise()]


def taux() -> float:
    """Le taux de la devise du cours : ce que vaut 1 € de référence (1, ou 10 en dirhams)."""
    return TAUX[devise()]


def convertir(montant: float) -> float:
    """Un montant calculé en euros de référence, dans la devise du cours (sans arrondi).

    >>> definir_devise("MAD"); convertir(0.75); definir_devise("EUR")
    'MAD'
    7.5
    'EUR'
    """
    return montant * taux()


def vers_reference(montant: float) -> float:
    """Un montant tapé dans la devise du cours, ramené en euros de référence (pour les calculs)."""
    return montant / taux()


def dh(montant: float) -> float:
    """Un montant écrit en dirhams dans une cellule de code de l'édition marocaine, en euros de référence.

    ``ck.kpi.cout_par_clic(cout=ck.dh(3_000), clics=600)`` : l'élève lit 3 000 DH, le
    calculateur reçoit la référence (300 €) et ``ck.monnaie`` réaffiche des dirhams.

    >>> dh(3_000)
    300.0
    """
    return montant / TAUX["MAD"]


def prix_naturel(montant: float) -> float:
    """Un montant de référence (en euros) converti puis arrondi comme un prix affiché.

    En dirhams (× 10) : 49,90 € → 499 DH, 0,50 € → 5 DH, 0,75 € → 7,50 DH. Au-delà de
    100 DH on arrondit au dirham, en dessous aux 10 centimes. Les montants du cours
    sont ronds : l'arrondi ne change rien à leurs rapports.

    >>> definir_devise("MAD"); prix_naturel(49.90), prix_naturel(0.50), prix_naturel(0.75); definir_devise("EUR")
    'MAD'
    (499.0, 5.0, 7.5)
    'EUR'
    """
    valeur = convertir(montant)
    if taux() == 1:
        return valeur
    return float(round(valeur)) if abs(valeur) >= 100 else round(valeur, 1)


# Un montant écrit en euros dans un texte : « 300 € », « 1 440 € », « 0,50 € », « −3 € »,
# « 2 000 à 3 000 € » (les deux bornes), « 30 € ou 50 € ».
_CHIFFRE = r"[−-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
_MONTANT = re.compile(
    rf"(?<![\w+.,])(?P<a>{_CHIFFRE})(?:(?P<lien>\s*(?:à|et|ou|–|-)\s*)(?P<b>{_CHIFFRE}))?[ \u00a0\u202f]?€"
)
_EURO_SEUL = re.compile(r"€|\bEUR\b")
_EUROS_MOT = re.compile(r"\b(euro)(s?)\b")


def _lire_chiffre(texte: str) -> float:
    return float(
        texte.replace("−", "-").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(",", ".")
    )


def _ecrire_chiffre(valeur: float, modele: str) -> str:
    decimales = 0 if float(valeur).is_integer() else 2
    texte = _moins(format_decimal(valeur, format="#,##0" + (".00" if decimales else ""), locale=LOCALE))
    if " " in modele:  # garder l'espace du texte d'origine (normale ou insécable)
        texte = texte.replace("\u202f", " ")
    return texte


def texte_local(texte: str) -> str:
    """Les montants d'un texte écrits en euros, réécrits dans la devise du cours (un seul taux).

    ``« 300 € dépensés »`` devient ``« 3 000 DH dépensés »`` en dirhams ; « € » seul
    (« en € ») devient « DH » et « euros », « dirhams ». En euros, le texte ne change pas.

    >>> definir_devise("MAD"); texte_local("600 € ÷ 800 clics = 0,75 € par clic, en €"); definir_devise("EUR")
    'MAD'
    '6\u202f000\xa0DH ÷ 800 clics = 7,50\xa0DH par clic, en DH'
    'EUR'
    >>> definir_devise("MAD"); texte_local("3,5 € de ventes pour 1 € dépensé"); definir_devise("EUR")
    'MAD'
    '35\xa0DH de ventes pour 10\xa0DH dépensés'
    'EUR'
    """
    if devise() == "EUR" or not texte:
        return texte
    symbole = SYMBOLES[devise()]

    def montant(m: re.Match) -> str:
        if m["b"] is None:  # « 300 € »
            return f"{_ecrire_chiffre(prix_naturel(_lire_chiffre(m['a'])), m['a'])}\u00a0{symbole}"
        a = _ecrire_chiffre(prix_naturel(_lire_chiffre(m["a"])), m["a"])
        b = _ecrire_chiffre(prix_naturel(_lire_chiffre(m["b"])), m["b"])
        return f"{a}{m['lien']}{b}\u00a0{symbole}"

    texte = _MONTANT.sub(montant, texte)
    # « 1 € dépensé » devient « 10 DH dépensés » : le participe suit le pluriel.
    texte = re.sub(rf"(\xa0{symbole} )(dépensé|investi|gagné)(?![\wé])", r"\1\2s", texte)
    texte = _EURO_SEUL.sub(symbole, texte)
    singulier, pluriel = NOMS[devise()]
    return _EUROS_MOT.sub(lambda m: pluriel if m[2] else singulier, texte)


def monnaie(valeur: float, decimales: int | None = None) -> str:
    """Montant dans la devise du cours : ``1 440 €``, ``12,50 €``, ``−3 €`` (vrai signe moins).

    ``valeur`` est en euros de référence ; en dirhams elle est convertie
    (:func:`convertir`) : ``monnaie(1440)`` donne ``14 400 DH``. Sans ``decimales``,
    un montant rond s'affiche sans centimes et les autres avec deux décimales.
    """
    valeur = convertir(validation.nombre(valeur, "Le montant"))
    if decimales is None:
        decimales = 0 if round(valeur, 2).is_integer() else 2
    motif = "#,##0" + ("." + "0" * decimales if decimales else "") + "\xa0¤"
    texte = format_currency(
        round(valeur, decimales), devise(), format=motif, locale=LOCALE, currency_digits=False
    )
    # Babel écrit « MAD » pour le dirham ; au Maroc on écrit « DH ».
    texte = texte.replace(format_currency(0, devise(), format="¤", locale=LOCALE), symbole_devise())
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
