"""Entonnoir de conversion et modèle AIDAR : volumes, taux, pertes, maillon faible.

Un entonnoir suit des personnes d'étape en étape (visite, intérêt, panier,
commande…). Chaque passage d'une étape à la suivante est une micro-conversion,
mesurée par un **taux d'étape** (en pour cent de l'étape précédente). Le
**maillon faible** est l'étape qui garde la plus petite part de la précédente :
c'est là qu'une amélioration rapporte le plus vite.

Les taux sont en pour cent (``40`` veut dire 40 %) et rien n'est arrondi ici.

>>> maillon_faible({"Visites": 500, "Paniers": 25, "Commandes": 5})
'Paniers'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import TEXTE as _TEXTE

SCHEMA_AIDAR = {"type": "array", "minItems": 5, "maxItems": 5, "items": _TEXTE}
SCHEMA_SATISFACTION = {
    "type": "object",
    "required": ["depassee", "tenue", "decue"],
    "additionalProperties": False,
    "properties": {"depassee": _TEXTE, "tenue": _TEXTE, "decue": _TEXTE},
}
SCHEMA_ACTIONS = {
    "type": "array",
    "minItems": 2,
    "items": {
        "type": "object",
        "required": ["action", "etape"],
        "additionalProperties": False,
        "properties": {"action": _TEXTE, "etape": _TEXTE},
    },
}

_CHAPITRE = "05"
AIDAR = tuple(contenu.section(_CHAPITRE, "aidar", SCHEMA_AIDAR))
"""Les cinq étapes du modèle AIDAR : le modèle AIDA complété par la Recommandation."""
_SATISFACTION = contenu.section(_CHAPITRE, "satisfaction", SCHEMA_SATISFACTION)

COLONNES = ("etape", "volume", "taux_etape", "taux_global", "pertes")


def _paires(etapes) -> list[tuple[str, float]]:
    """Liste de ``(nom, volume)`` vérifiée, dans l'ordre de l'entonnoir."""
    if isinstance(etapes, Mapping):
        etapes = list(etapes.items())
    etapes = v.liste_non_vide(etapes, "La liste des étapes (etapes)")
    paires: list[tuple[str, float]] = []
    vus: set[str] = set()
    for rang, paire in enumerate(etapes, start=1):
        if isinstance(paire, (str, bytes)) or not isinstance(paire, Sequence) or len(paire) != 2:
            raise ErreurSaisie(
                f'L\'étape n° {rang} doit être un couple (nom, volume), par exemple ("Visites", 500).'
            )
        nom, volume = paire
        nom = v.texte(nom, f"Le nom de l'étape n° {rang}", obligatoire=True).strip()
        if nom in vus:
            raise ErreurSaisie(
                f"L'étape « {nom} » apparaît deux fois : donnez un nom différent à chaque étape."
            )
        vus.add(nom)
        volume = v.positif(volume, f"Le volume de l'étape « {nom} »")
        if paires and volume > paires[-1][1]:
            precedente, avant = paires[-1]
            raise ErreurSaisie(
                f"Le volume de l'étape « {nom} » ({_n(volume)}) dépasse celui de l'étape précédente "
                f"« {precedente} » ({_n(avant)}) : dans un entonnoir, chaque étape ne garde qu'une partie "
                "des personnes de la précédente. Vérifiez l'ordre des étapes et les volumes."
            )
        paires.append((nom, volume))
    return paires


def _n(x: float) -> str:
    from coursekit.format import nombre

    return nombre(x)


def entonnoir(etapes) -> pd.DataFrame:
    """Tableau de l'entonnoir : une ligne par étape, dans l'ordre.

    ``etapes`` est un dictionnaire ou une liste de couples ``(nom, volume)``.
    Colonnes : ``etape``, ``volume``, ``taux_etape`` (en % de l'étape
    précédente ; 100 pour la première), ``taux_global`` (en % de la première
    étape) et ``pertes`` (personnes perdues depuis l'étape précédente ; 0 pour
    la première). Une étape vide après une étape vide a un taux de 0 %.

    >>> t = entonnoir({"Visites": 500, "Paniers": 25, "Commandes": 5})
    >>> t["taux_etape"].tolist()
    [100.0, 5.0, 20.0]
    >>> t["pertes"].tolist()
    [0.0, 475.0, 20.0]
    """
    paires = _paires(etapes)
    premier = paires[0][1]
    if premier <= 0:
        raise ErreurSaisie(
            f"Le volume de la première étape « {paires[0][0]} » doit être supérieur à 0 "
            "pour calculer les taux de l'entonnoir."
        )
    lignes = []
    precedent = premier
    for rang, (nom, volume) in enumerate(paires):
        if rang == 0:
            taux_etape, pertes = 100.0, 0.0
        else:
            taux_etape = volume * 100 / precedent if precedent > 0 else 0.0
            pertes = precedent - volume
        lignes.append((nom, volume, taux_etape, volume * 100 / premier, pertes))
        precedent = volume
    return pd.DataFrame(lignes, columns=list(COLONNES))


def maillon_faible(etapes) -> str:
    """Nom de l'étape (hors première) qui a le plus petit taux d'étape ; la plus tôt en cas d'égalité.

    >>> maillon_faible([("Visites", 500), ("Attention", 250), ("Intérêt", 100), ("Désir", 25)])
    'Désir'
    """
    table = entonnoir(etapes)
    if len(table) < 2:
        raise ErreurSaisie(
            "Il faut au moins deux étapes pour chercher un maillon faible : ajoutez l'étape suivante."
        )
    # Arrondi à 9 décimales : deux taux égaux au calcul près (25 % et 25,000000000000004 %) sont égaux.
    suite = table.iloc[1:]
    return str(suite.loc[suite["taux_etape"].round(9).idxmin(), "etape"])


def taux_maillon_faible(etapes) -> float:
    """Le taux d'étape (en %) du maillon faible : la part de l'étape précédente qu'il garde.

    >>> taux_maillon_faible({"Visites": 2_000, "Attention": 400, "Intérêt": 280})
    20.0
    """
    table = entonnoir(etapes)
    faible = maillon_faible(etapes)
    return float(table.loc[table["etape"] == faible, "taux_etape"].iloc[0])


def _liste_taux(taux) -> list[float]:
    taux = v.liste_non_vide(taux, "La liste des taux (taux)")
    return [v.pourcentage(t, f"Le taux n° {rang} (taux)") for rang, t in enumerate(taux, start=1)]


def simuler_entonnoir(volume_initial, taux) -> list[float]:
    """Volumes d'un entonnoir : on part de ``volume_initial`` et chaque taux (en %) garde une part de l'étape d'avant.

    >>> simuler_entonnoir(500, [50, 40, 25, 20, 40])
    [500.0, 250.0, 100.0, 25.0, 5.0, 2.0]
    """
    volume = v.positif(volume_initial, "Le volume de départ (volume_initial)")
    volumes = [volume]
    for t in _liste_taux(taux):
        volume = volume * t / 100
        volumes.append(volume)
    return volumes


def _noms_etapes(etapes, nombre_taux: int) -> tuple[str, ...]:
    noms = tuple(
        v.texte(n, "Le nom d'une étape", obligatoire=True)
        for n in v.liste_non_vide(etapes, "La liste des étapes (etapes)")
    )
    if len(noms) != nombre_taux:
        raise ErreurSaisie(f"Il faut un taux par étape : {len(noms)} étapes pour {nombre_taux} taux.")
    return noms


def entonnoir_simule(volume_initial, taux, etapes=AIDAR, depart: str = "Visites") -> pd.DataFrame:
    """Tableau de l'entonnoir obtenu par :func:`simuler_entonnoir` (une étape de départ, puis une par taux).

    >>> entonnoir_simule(500, [50, 40, 25, 20, 40])["volume"].tolist()
    [500.0, 250.0, 100.0, 25.0, 5.0, 2.0]
    """
    volumes = simuler_entonnoir(volume_initial, taux)
    noms = _noms_etapes(etapes, len(volumes) - 1)
    return entonnoir(list(zip((depart, *noms), volumes, strict=True)))


@dataclass(frozen=True)
class Amelioration:
    """Effet d'un gain de quelques points sur une étape de l'entonnoir."""

    etape: str
    taux_avant: float
    taux_apres: float
    clients_avant: float
    clients_apres: float
    ca_en_plus: float
    derniere_avant: float
    derniere_apres: float

    @property
    def clients_en_plus(self) -> float:
        """Clients gagnés (volume de l'étape des clients, après moins avant)."""
        return self.clients_apres - self.clients_avant

    @property
    def points_gagnes(self) -> float:
        """Points réellement gagnés (un taux ne dépasse pas 100 %)."""
        return self.taux_apres - self.taux_avant


def ameliorer_etape(
    volume_initial,
    taux,
    etape: str,
    points,
    panier_moyen=0,
    etapes=AIDAR,
    etape_clients: str = "Action",
) -> Amelioration:
    """Et si l'étape ``etape`` gagnait ``points`` points de taux ? Clients et chiffre d'affaires en plus.

    Les clients sont le volume de l'étape ``etape_clients`` ; le chiffre
    d'affaires en plus vaut clients en plus × ``panier_moyen``. Un taux ne
    dépasse jamais 100 % : le gain est plafonné.

    >>> gain = ameliorer_etape(500, [50, 40, 25, 20, 40], "Action", 10, panier_moyen=40)
    >>> gain.clients_en_plus, gain.ca_en_plus
    (2.5, 100.0)
    """
    taux = _liste_taux(taux)
    noms = _noms_etapes(etapes, len(taux))
    etape = v.choix(etape, "L'étape à améliorer (etape)", noms)
    etape_clients = v.choix(etape_clients, "L'étape des clients (etape_clients)", noms)
    points = v.positif(points, "Le gain en points (points)")
    panier_moyen = v.positif(panier_moyen, "Le panier moyen (panier_moyen)")
    rang = noms.index(etape)
    rang_clients = noms.index(etape_clients) + 1
    nouveaux = list(taux)
    nouveaux[rang] = min(100.0, taux[rang] + points)
    avant = simuler_entonnoir(volume_initial, taux)
    apres = simuler_entonnoir(volume_initial, nouveaux)
    return Amelioration(
        etape=etape,
        taux_avant=taux[rang],
        taux_apres=nouveaux[rang],
        clients_avant=avant[rang_clients],
        clients_apres=apres[rang_clients],
        ca_en_plus=(apres[rang_clients] - avant[rang_clients]) * panier_moyen,
        derniere_avant=avant[-1],
        derniere_apres=apres[-1],
    )


# --- Comparer des canaux d'acquisition ---------------------------------------------------------


def entonnoirs_par_canal(donnees: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Un entonnoir par canal, à partir d'un tableau long (colonnes ``canal``, ``etape``, ``volume``).

    Les lignes d'un canal sont lues dans l'ordre du tableau (l'ordre de l'entonnoir).

    >>> table = pd.DataFrame({"canal": ["SEO"] * 3, "etape": ["Visites", "Désir", "Action"],
    ...                       "volume": [390, 40, 3]})
    >>> entonnoirs_par_canal(table)["SEO"]["taux_global"].round(1).tolist()
    [100.0, 10.3, 0.8]
    """
    if not isinstance(donnees, pd.DataFrame):
        raise ErreurSaisie("Les données des canaux doivent être un tableau (DataFrame).")
    manquantes = [c for c in ("canal", "etape", "volume") if c not in donnees.columns]
    if manquantes:
        raise ErreurSaisie(f"Le tableau des canaux doit contenir les colonnes : {', '.join(manquantes)}.")
    if donnees.empty:
        raise ErreurSaisie("Le tableau des canaux est vide : il faut au moins un canal.")
    resultat = {}
    for canal, lignes in donnees.groupby("canal", sort=False):
        try:
            resultat[str(canal)] = entonnoir(
                list(zip(lignes["etape"], lignes["volume"].tolist(), strict=True))
            )
        except ErreurSaisie as erreur:
            raise ErreurSaisie(f"Canal « {canal} » : {erreur}") from None
    return resultat


def comparer_canaux(
    donnees: pd.DataFrame, canaux: Iterable[str] | None = None, etape_clients: str = "Action"
) -> pd.DataFrame:
    """Une ligne par canal : visites, clients, taux de conversion, taux global, maillon faible.

    ``taux_conversion`` = clients (volume de ``etape_clients``) ÷ volume de la
    première étape × 100 ; ``taux_global`` = dernière étape ÷ première × 100.
    Les lignes suivent l'ordre de ``canaux`` (ou celui du tableau).

    >>> table = pd.DataFrame({"canal": ["A"] * 3 + ["B"] * 3, "etape": ["Visites", "Action", "Recommandation"] * 2,
    ...                       "volume": [100, 2, 1, 50, 2, 0]})
    >>> comparer_canaux(table)["taux_conversion"].tolist()
    [2.0, 4.0]
    """
    tous = entonnoirs_par_canal(donnees)
    if canaux is None:
        canaux = list(tous)
    else:
        canaux = v.liste_non_vide(canaux, "La liste des canaux à comparer (canaux)")
        for canal in canaux:
            v.choix(canal, "Chaque canal à comparer", tous)
    lignes = []
    for canal in canaux:
        table = tous[canal]
        if etape_clients not in set(table["etape"]):
            raise ErreurSaisie(f"Le canal « {canal} » n'a pas d'étape « {etape_clients} ».")
        clients = float(table.loc[table["etape"] == etape_clients, "volume"].iloc[0])
        faible = maillon_faible(list(zip(table["etape"], table["volume"], strict=True)))
        lignes.append(
            {
                "canal": canal,
                "visites": float(table["volume"].iloc[0]),
                "clients": clients,
                "taux_conversion": clients * 100 / table["volume"].iloc[0],
                "taux_global": float(table["taux_global"].iloc[-1]),
                "maillon_faible": faible,
                "taux_maillon_faible": float(table.loc[table["etape"] == faible, "taux_etape"].iloc[0]),
            }
        )
    return pd.DataFrame(lignes)


def meilleur_canal(comparaison: pd.DataFrame, critere: str = "taux_conversion") -> str:
    """Le canal qui a la plus forte valeur de ``critere`` (le premier en cas d'égalité).

    >>> meilleur_canal(pd.DataFrame({"canal": ["A", "B"], "taux_conversion": [2.0, 4.0]}))
    'B'
    """
    v.choix(critere, "Le critère de comparaison (critere)", [c for c in comparaison.columns if c != "canal"])
    if comparaison.empty:
        raise ErreurSaisie("Aucun canal à comparer : choisissez-en au moins un.")
    return str(comparaison.loc[comparaison[critere].idxmax(), "canal"])


# --- Satisfaction -------------------------------------------------------------------------------


def satisfaction(experience_vecue, attentes) -> float:
    """Satisfaction = expérience vécue − attentes (deux notes de 0 à 10).

    Positive : les attentes sont dépassées ; nulle : tenues ; négative : déçues.

    >>> satisfaction(experience_vecue=8, attentes=9)
    -1.0
    """
    vecue = v.pourcentage(experience_vecue, "L'expérience vécue (experience_vecue)", 0, 10)
    attentes = v.pourcentage(attentes, "Les attentes (attentes)", 0, 10)
    return vecue - attentes


def lire_satisfaction(ecart) -> str:
    """Verdict en quelques mots pour un écart expérience vécue − attentes.

    >>> lire_satisfaction(2).startswith("client enchanté")
    True
    """
    ecart = v.nombre(ecart, "L'écart de satisfaction (ecart)")
    if ecart > 0:
        return _SATISFACTION["depassee"]
    if ecart == 0:
        return _SATISFACTION["tenue"]
    return _SATISFACTION["decue"]


# --- Exercice de diagnostic ---------------------------------------------------------------------

ACTIONS = {
    ligne["action"]: ligne["etape"]
    for ligne in contenu.section(_CHAPITRE, "actions_diagnostic", SCHEMA_ACTIONS)
}
"""Actions proposées dans l'exercice de diagnostic, avec l'étape que chacune améliore d'abord."""


@dataclass(frozen=True)
class Diagnostic:
    """Correction d'un diagnostic d'entonnoir."""

    maillon_juste: bool
    actions_justes: int
    explications: tuple[str, ...]

    @property
    def juste(self) -> bool:
        """Tout est juste : le bon maillon et deux actions qui le visent."""
        return self.maillon_juste and self.actions_justes == 2


def corriger_diagnostic(
    etapes, etape_choisie, actions_choisies, catalogue: Mapping[str, str] = ACTIONS
) -> Diagnostic:
    """Corrige un diagnostic : le maillon faible désigné et deux actions choisies dans ``catalogue``.

    >>> d = corriger_diagnostic({"Visites": 100, "Attention": 20, "Action": 10}, "Attention",
    ...                         ["Accélérer l'affichage des pages sur smartphone",
    ...                          "Reprendre sur la page d'arrivée la promesse de la publicité (même visuel, même offre)"])
    >>> d.juste
    True
    """
    table = entonnoir(etapes)
    bon = maillon_faible(etapes)
    noms = list(table["etape"])
    if etape_choisie is None or etape_choisie == "":
        raise ErreurSaisie("Choisissez d'abord l'étape qui vous semble être le maillon faible.")
    etape_choisie = v.choix(etape_choisie, "L'étape choisie", noms[1:])
    actions = list(actions_choisies or [])
    if len(actions) != 2:
        raise ErreurSaisie(f"Choisissez exactement deux actions (vous en avez coché {len(actions)}).")
    for action in actions:
        v.choix(action, "Chaque action", catalogue)
    taux = dict(zip(table["etape"], table["taux_etape"], strict=True))
    from coursekit.format import pourcent

    explications = []
    if etape_choisie == bon:
        explications.append(
            f"Bon diagnostic : « {bon} » ne garde que {pourcent(taux[bon])} des personnes de l'étape "
            "précédente, c'est le plus petit taux d'étape de l'entonnoir."
        )
    else:
        explications.append(
            f"Pas tout à fait : « {etape_choisie} » garde {pourcent(taux[etape_choisie])} de l'étape "
            f"précédente, alors que « {bon} » n'en garde que {pourcent(taux[bon])}. Le maillon faible se "
            "juge au taux d'étape, pas au volume restant."
        )
    justes = 0
    for action in actions:
        cible = catalogue[action]
        if cible == bon:
            justes += 1
            explications.append(f"« {action} » : bien vu, cette action vise l'étape {bon}.")
        else:
            explications.append(
                f"« {action} » : utile, mais elle agit d'abord sur l'étape {cible}, pas sur le maillon faible."
            )
    return Diagnostic(etape_choisie == bon, justes, tuple(explications))
