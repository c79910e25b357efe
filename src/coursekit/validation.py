"""Contrôles de saisie partagés par tous les calculateurs.

Chaque contrôle reçoit la valeur et un *libellé* qui nomme le paramètre pour
l'élève, par exemple ``"Le nombre de visites (visites)"``. En cas de problème, il
lève :class:`coursekit.ErreurSaisie` avec une phrase française qui dit ce qui est
attendu. Sinon il renvoie la valeur convertie en ``float`` (ou en ``int``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Integral, Real

from coursekit.erreurs import ErreurSaisie


def nombre(valeur, libelle: str) -> float:
    """Vérifie que ``valeur`` est un nombre fini (ni texte, ni booléen, ni NaN, ni infini)."""
    if isinstance(valeur, bool) or not isinstance(valeur, Real):
        raise ErreurSaisie(f"{libelle} doit être un nombre (reçu : {valeur!r}).")
    valeur = float(valeur)
    if math.isnan(valeur):
        raise ErreurSaisie(f"{libelle} est vide ou n'est pas un nombre : saisissez une valeur chiffrée.")
    if math.isinf(valeur):
        raise ErreurSaisie(f"{libelle} doit être un nombre fini.")
    return valeur


def positif(valeur, libelle: str) -> float:
    """Nombre fini supérieur ou égal à 0 (un volume, un coût, un montant)."""
    valeur = nombre(valeur, libelle)
    if valeur < 0:
        raise ErreurSaisie(
            f"{libelle} ne peut pas être négatif : saisissez une valeur supérieure ou égale à 0."
        )
    return valeur


def strictement_positif(valeur, libelle: str, pour: str = "") -> float:
    """Nombre fini supérieur à 0 (un dénominateur : on ne divise pas par zéro).

    ``pour`` complète la phrase : ``"pour calculer un taux de conversion"``.
    """
    valeur = nombre(valeur, libelle)
    if valeur <= 0:
        suite = f" {pour}" if pour else ""
        raise ErreurSaisie(f"{libelle} doit être supérieur à 0{suite}.")
    return valeur


def entier_positif(valeur, libelle: str) -> int:
    """Nombre entier supérieur ou égal à 0 (un nombre de clients, de points)."""
    valeur_float = positif(valeur, libelle)
    if not float(valeur_float).is_integer():
        raise ErreurSaisie(f"{libelle} doit être un nombre entier (reçu : {valeur!r}).")
    return int(valeur_float)


def pourcentage(valeur, libelle: str, minimum: float = 0.0, maximum: float = 100.0) -> float:
    """Taux saisi en pour cent, compris entre ``minimum`` et ``maximum``."""
    valeur = nombre(valeur, libelle)
    if not minimum <= valeur <= maximum:
        raise ErreurSaisie(
            f"{libelle} est un pourcentage : saisissez une valeur entre {_court(minimum)} et {_court(maximum)}."
        )
    return valeur


def partie_du_tout(partie: float, tout: float, libelle_partie: str, libelle_tout: str) -> None:
    """Refuse une partie plus grande que son tout (plus de conversions que de visites)."""
    if partie > tout:
        raise ErreurSaisie(f"{libelle_partie} ne peut pas dépasser {_minuscule(libelle_tout)}.")


def note(valeur, libelle: str, minimum: int, maximum: int) -> int:
    """Note entière sur une échelle fermée (0-10 pour le NPS, 1-5 pour le CSAT)."""
    if isinstance(valeur, bool) or not isinstance(valeur, Real):
        raise ErreurSaisie(f"{libelle} doit contenir des notes chiffrées (reçu : {valeur!r}).")
    if isinstance(valeur, float) and (math.isnan(valeur) or not valeur.is_integer()):
        raise ErreurSaisie(
            f"{libelle} doit contenir des notes entières de {minimum} à {maximum} (reçu : {valeur!r})."
        )
    if not isinstance(valeur, (Integral, float)) or not minimum <= valeur <= maximum:
        raise ErreurSaisie(f"{libelle} doit contenir des notes de {minimum} à {maximum} (reçu : {valeur!r}).")
    return int(valeur)


def liste_non_vide(valeurs, libelle: str) -> list:
    """Transforme ``valeurs`` en liste et refuse une liste vide ou un texte seul."""
    if isinstance(valeurs, (str, bytes)) or not isinstance(valeurs, Iterable):
        raise ErreurSaisie(f"{libelle} doit être une liste de valeurs.")
    valeurs = list(valeurs)
    if not valeurs:
        raise ErreurSaisie(f"{libelle} est vide : saisissez au moins une valeur.")
    return valeurs


def texte(valeur, libelle: str, obligatoire: bool = False) -> str:
    """Texte saisi par l'élève ; ``None`` devient une chaîne vide."""
    if valeur is None:
        valeur = ""
    if not isinstance(valeur, str):
        raise ErreurSaisie(f"{libelle} doit être un texte.")
    if obligatoire and not valeur.strip():
        raise ErreurSaisie(f"{libelle} est obligatoire : écrivez au moins un mot.")
    return valeur


def choix(valeur, libelle: str, possibles: Iterable[str]) -> str:
    """Valeur prise dans une liste fermée (une unité, un mode de calcul)."""
    possibles = tuple(possibles)
    if valeur not in possibles:
        liste = ", ".join(f"« {p} »" for p in possibles)
        raise ErreurSaisie(f"{libelle} doit valoir {liste} (reçu : {valeur!r}).")
    return valeur


def _court(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")


def _minuscule(libelle: str) -> str:
    return libelle[:1].lower() + libelle[1:]


def nombre_saisi(saisie, libelle: str) -> float:
    """Lit un nombre tapé par l'élève : ``"1 500"``, ``"12,5"``, ``"12.5"``, ``"15 %"``, ``"40 €"``.

    Le texte n'est pas modifié : seul le nombre lu est rendu.

    >>> nombre_saisi("1 500,5 €", "Le budget")
    1500.5
    """
    from babel.numbers import NumberFormatError, parse_decimal

    if isinstance(saisie, (int, float)) and not isinstance(saisie, bool):
        return nombre(saisie, libelle)
    if not isinstance(saisie, str):
        raise ErreurSaisie(f"{libelle} doit être un nombre.")
    nettoye = saisie.strip()
    for signe in ("€", "%", "MAD", "DH", "dh"):
        nettoye = nettoye.replace(signe, "")
    nettoye = "".join(nettoye.split()).replace("\u202f", "").replace("\xa0", "").replace("−", "-")
    if not nettoye:
        raise ErreurSaisie(f"{libelle} est vide : tapez un nombre, par exemple 1 500 ou 12,5.")
    if nettoye.count(".") == 1 and "," not in nettoye:
        nettoye = nettoye.replace(".", ",")
    try:
        valeur = float(parse_decimal(nettoye, locale="fr_FR", strict=False))
    except (NumberFormatError, ValueError):
        raise ErreurSaisie(
            f"{libelle} doit être un nombre : « {saisie} » n'en est pas un (exemple : 1 500 ou 12,5)."
        ) from None
    return nombre(valeur, libelle)
