"""Fidélisation : valeur d'un client (CLV), programme de points, paliers, parrainage, satisfaction.

Garder un client coûte moins cher que d'en trouver un nouveau, et un client fidèle
achète plus souvent et plus longtemps. Ce module chiffre ces idées. Les taux sont
**en pour cent** (80 veut dire 80 %), les montants dans la devise du cours ; rien
n'est arrondi ici : on arrondit à l'affichage.

>>> clv(panier_moyen=120, frequence=4, duree=3)
1440.0
>>> nps([10, 9, 8, 7, 3])
20.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.kpi import part_en_pourcent
from coursekit.schemas import TEXTE as _TEXTE

_POSITIF = {"type": "number", "minimum": 0}

SCHEMA_PROGRAMME = {
    "type": "object",
    "required": ["points_par_euro", "valeur_point", "paliers", "recompenses", "carte_membre", "operations"],
    "additionalProperties": False,
    "properties": {
        "points_par_euro": {"type": "number", "exclusiveMinimum": 0},
        "valeur_point": {"type": "number", "exclusiveMinimum": 0},
        "paliers": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["niveau", "points"],
                "additionalProperties": False,
                "properties": {"niveau": _TEXTE, "points": _POSITIF},
            },
        },
        "recompenses": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["points", "texte"],
                "additionalProperties": False,
                "properties": {"points": {"type": "number", "exclusiveMinimum": 0}, "texte": _TEXTE},
            },
        },
        "carte_membre": {
            "type": "object",
            "required": ["points", "points_par_euro", "port_offert_des"],
            "properties": {"points": _POSITIF, "points_par_euro": _POSITIF, "port_offert_des": _POSITIF},
        },
        "operations": {
            "type": "object",
            "required": ["achat", "echange"],
            "additionalProperties": False,
            "properties": {"achat": _TEXTE, "echange": _TEXTE},
        },
    },
}
"""Forme de la section ``programme`` du fichier de contenu du chapitre 07."""

SCHEMA_OBJECTIFS = {
    "type": "object",
    "required": ["retention", "attrition", "reachat", "nps", "csat", "engagement_programme"],
    "additionalProperties": {
        "type": "object",
        "required": ["valeur", "periode", "sens", "libelle"],
        "additionalProperties": False,
        "properties": {
            "valeur": {"type": "number"},
            "periode": _TEXTE,
            "sens": {"enum": ["hausse", "baisse"]},
            "libelle": _TEXTE,
        },
    },
}
"""Forme de la section ``objectifs`` : chaque objectif dit sa valeur, sa période et son sens."""

SCHEMA_NORMES = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["canal", "delai", "objectif"],
        "additionalProperties": False,
        "properties": {"canal": _TEXTE, "delai": _TEXTE, "objectif": _TEXTE},
    },
}

SCHEMA_BUDGET = {
    "type": "object",
    "required": ["minimum", "maximum", "moyen", "chiffre_affaires_en_plus", "roi_annonce"],
    "additionalProperties": False,
    "properties": {
        "minimum": _POSITIF,
        "maximum": _POSITIF,
        "moyen": {"type": "number", "exclusiveMinimum": 0},
        "chiffre_affaires_en_plus": _POSITIF,
        "roi_annonce": {"type": "number"},
    },
}

PROGRAMME = contenu.section("07", "programme", SCHEMA_PROGRAMME)
"""Le programme de fidélité de Graine de Ville (fichier de contenu du chapitre 07)."""

PALIERS = {p["niveau"]: p["points"] for p in PROGRAMME["paliers"]}
"""Paliers du programme par défaut : nom du niveau → points nécessaires."""

RECOMPENSES = tuple(r["points"] for r in PROGRAMME["recompenses"])
"""Seuils des récompenses de l'écran membre : bon d'achat, produit offert, expérience VIP."""

BUDGET_LANCEMENT = contenu.section("07", "budget_lancement", SCHEMA_BUDGET)
"""Le budget de lancement d'un programme de fidélité (exemple du cours), en euros."""

OPERATIONS = ("achat", "echange")


def objectifs_mensuels() -> dict[str, float]:
    """Les objectifs de rétention et d'attrition ramenés au mois, pour les comparer à des taux mensuels.

    70 % de clients gardés sur un an demandent environ 97,1 % chaque mois ; l'attrition
    mensuelle visée est le complément. Le réachat (une part des clients actifs) ne change pas.

    >>> {k: round(x, 1) for k, x in objectifs_mensuels().items()}
    {'retention': 97.1, 'attrition': 2.9, 'reachat': 40.0}
    """
    retention = retention_mensuelle_equivalente(OBJECTIFS["retention"])
    return {"retention": retention, "attrition": 100 - retention, "reachat": OBJECTIFS["reachat"]}


# --- Valeur d'un client -----------------------------------------------------------------


def clv(panier_moyen, frequence, duree) -> float:
    """Valeur d'un client sur toute la relation (CLV, en chiffre d'affaires).

    CLV = panier moyen × nombre d'achats par an × durée de la relation en années.
    C'est une CLV « en chiffre d'affaires » : elle ne retire pas les coûts.

    >>> clv(100, 1, 1)
    100.0
    >>> clv(120, 4, 3)
    1440.0
    """
    panier_moyen = v.positif(panier_moyen, "Le panier moyen (panier_moyen)")
    frequence = v.positif(frequence, "Le nombre d'achats par an (frequence)")
    duree = v.positif(duree, "La durée de la relation en années (duree)")
    return panier_moyen * frequence * duree


def clv_marge(marge_annuelle, taux_retention, taux_actualisation) -> float:
    """CLV en marge, avec fidélité et actualisation : m × r ÷ (1 + d − r).

    ``marge_annuelle`` (m) est la marge que le client laisse chaque année,
    ``taux_retention`` (r) la part des clients qui restent d'une année sur l'autre
    et ``taux_actualisation`` (d) le taux qui ramène l'argent futur à sa valeur
    d'aujourd'hui ; r et d sont en pour cent.

    >>> round(clv_marge(marge_annuelle=100, taux_retention=80, taux_actualisation=10), 2)
    266.67
    """
    marge = v.positif(marge_annuelle, "La marge annuelle (marge_annuelle)")
    r = v.pourcentage(taux_retention, "Le taux de rétention (taux_retention)") / 100
    d = v.positif(taux_actualisation, "Le taux d'actualisation (taux_actualisation)") / 100
    if 1 + d - r <= 0:
        raise ErreurSaisie(
            "Avec 100 % de rétention et 0 % d'actualisation, le client resterait pour toujours : "
            "la CLV serait infinie. Baissez le taux de rétention (taux_retention) ou "
            "augmentez le taux d'actualisation (taux_actualisation)."
        )
    return marge * r / (1 + d - r)


def rentabilite_client(valeur_client, cout_acquisition) -> dict:
    """Ce qu'un client rapporte une fois payé son coût d'acquisition (CAC).

    Rend ``{"solde": CLV − CAC, "ratio": CLV ÷ CAC}``.

    >>> rentabilite_client(1440, 40)
    {'solde': 1400.0, 'ratio': 36.0}
    """
    valeur = v.positif(valeur_client, "La valeur du client (valeur_client)")
    cac = v.strictement_positif(
        cout_acquisition, "Le coût d'acquisition (cout_acquisition)", "pour comparer la CLV au CAC"
    )
    return {"solde": valeur - cac, "ratio": valeur / cac}


# --- Satisfaction -----------------------------------------------------------------------


def _notes(notes, minimum: int, maximum: int) -> list[int]:
    libelle = "La liste des notes (notes)"
    valeurs = v.liste_non_vide(notes, libelle)
    return [v.note(n, libelle, minimum, maximum) for n in valeurs]


def repartition_nps(notes) -> dict:
    """Compte les promoteurs (9-10), les passifs (7-8) et les détracteurs (0-6).

    Les notes sont des entiers de 0 à 10 (« Recommanderiez-vous… ? »).

    >>> repartition_nps([10, 9, 8, 7, 3])
    {'promoteurs': 2, 'passifs': 2, 'detracteurs': 1}
    """
    valeurs = _notes(notes, 0, 10)
    return {
        "promoteurs": sum(n >= 9 for n in valeurs),
        "passifs": sum(7 <= n <= 8 for n in valeurs),
        "detracteurs": sum(n <= 6 for n in valeurs),
    }


def nps_effectifs(promoteurs, passifs, detracteurs) -> float:
    """NPS à partir des effectifs de chaque groupe : % promoteurs − % détracteurs.

    >>> nps_effectifs(promoteurs=50, passifs=30, detracteurs=20)
    30.0
    """
    promoteurs = v.entier_positif(promoteurs, "Le nombre de promoteurs (promoteurs)")
    passifs = v.entier_positif(passifs, "Le nombre de passifs (passifs)")
    detracteurs = v.entier_positif(detracteurs, "Le nombre de détracteurs (detracteurs)")
    total = promoteurs + passifs + detracteurs
    if total == 0:
        raise ErreurSaisie("Il faut au moins une réponse pour calculer un NPS.")
    return (promoteurs - detracteurs) * 100 / total


def nps(notes) -> float:
    """Net Promoter Score : % de promoteurs (9-10) − % de détracteurs (0-6), de −100 à +100.

    Les notes sont des entiers de 0 à 10 ; les passifs (7-8) comptent dans le total.

    >>> nps([10, 10, 9, 8, 6])
    40.0
    """
    groupes = repartition_nps(notes)
    return nps_effectifs(**groupes)


def csat(notes, seuil=4) -> float:
    """Satisfaction client (CSAT) en % : part des notes au moins égales à ``seuil`` sur 1 à 5.

    >>> csat([5, 4, 4, 3, 1])
    60.0
    """
    valeurs = _notes(notes, 1, 5)
    seuil = v.note(seuil, "Le seuil de satisfaction (seuil)", 1, 5)
    return sum(n >= seuil for n in valeurs) * 100 / len(valeurs)


# --- Indicateurs de fidélité -------------------------------------------------------------


def taux_retention(clients_debut, clients_fin, nouveaux_clients) -> float:
    """Taux de rétention en % : (clients en fin de période − nouveaux) ÷ clients au début × 100.

    >>> taux_retention(clients_debut=200, clients_fin=210, nouveaux_clients=50)
    80.0
    """
    debut = v.strictement_positif(
        clients_debut, "Le nombre de clients au début (clients_debut)", "pour calculer un taux de rétention"
    )
    fin = v.positif(clients_fin, "Le nombre de clients à la fin (clients_fin)")
    nouveaux = v.positif(nouveaux_clients, "Le nombre de nouveaux clients (nouveaux_clients)")
    v.partie_du_tout(
        nouveaux,
        fin,
        "Le nombre de nouveaux clients (nouveaux_clients)",
        "Le nombre de clients à la fin (clients_fin)",
    )
    gardes = fin - nouveaux
    if gardes > debut:
        raise ErreurSaisie(
            "Les clients gardés (clients_fin − nouveaux_clients) ne peuvent pas dépasser "
            "le nombre de clients au début (clients_debut)."
        )
    return gardes * 100 / debut


def taux_attrition(clients_perdus, clients_debut) -> float:
    """Taux d'attrition (churn) en % : clients perdus ÷ clients au début × 100.

    >>> taux_attrition(clients_perdus=30, clients_debut=200)
    15.0
    """
    return part_en_pourcent(
        clients_perdus,
        clients_debut,
        "Le nombre de clients perdus (clients_perdus)",
        "Le nombre de clients au début (clients_debut)",
        "pour calculer un taux d'attrition",
    )


def taux_reachat(clients_reachat, total_clients) -> float:
    """Taux de réachat en % : clients ayant acheté au moins deux fois ÷ tous les clients × 100.

    >>> taux_reachat(clients_reachat=90, total_clients=200)
    45.0
    """
    return part_en_pourcent(
        clients_reachat,
        total_clients,
        "Le nombre de clients qui ont racheté (clients_reachat)",
        "Le nombre total de clients (total_clients)",
        "pour calculer un taux de réachat",
    )


def taux_engagement_programme(membres_actifs, membres) -> float:
    """Engagement dans le programme de fidélité en % : membres actifs ÷ membres inscrits × 100.

    Un membre actif a gagné ou utilisé des points sur la période.

    >>> taux_engagement_programme(membres_actifs=130, membres=200)
    65.0
    """
    return part_en_pourcent(
        membres_actifs,
        membres,
        "Le nombre de membres actifs (membres_actifs)",
        "Le nombre de membres inscrits (membres)",
        "pour calculer un taux d'engagement",
    )


def indicateurs_mensuels(table: pd.DataFrame) -> pd.DataFrame:
    """Ajoute rétention, attrition et réachat (en %) à un tableau de clients par mois.

    Colonnes attendues : ``mois``, ``clients_debut``, ``nouveaux_clients``,
    ``clients_perdus``, ``clients_fin``, ``clients_reachat``.

    >>> t = pd.DataFrame({"mois": ["janv."], "clients_debut": [200], "nouveaux_clients": [40],
    ...                   "clients_perdus": [20], "clients_fin": [220], "clients_reachat": [99]})
    >>> indicateurs_mensuels(t)[["retention", "attrition", "reachat"]].iloc[0].tolist()
    [90.0, 10.0, 45.0]
    """
    colonnes = [
        "mois",
        "clients_debut",
        "nouveaux_clients",
        "clients_perdus",
        "clients_fin",
        "clients_reachat",
    ]
    manquantes = [c for c in colonnes if c not in table.columns]
    if manquantes:
        raise ErreurSaisie(f"Le tableau des clients doit contenir les colonnes : {', '.join(manquantes)}.")
    resultat = table[colonnes].copy()
    resultat["retention"] = [
        taux_retention(d, f, n)
        for d, f, n in zip(
            table["clients_debut"], table["clients_fin"], table["nouveaux_clients"], strict=True
        )
    ]
    resultat["attrition"] = [
        taux_attrition(p, d) for p, d in zip(table["clients_perdus"], table["clients_debut"], strict=True)
    ]
    resultat["reachat"] = [
        taux_reachat(r, f) for r, f in zip(table["clients_reachat"], table["clients_fin"], strict=True)
    ]
    return resultat


# --- Programme de points ----------------------------------------------------------------


def _operation(operation, numero: int) -> tuple[str, float]:
    if isinstance(operation, (str, bytes)) or not isinstance(operation, Sequence) or len(operation) != 2:
        raise ErreurSaisie(
            f'L\'opération n° {numero} doit être un couple comme ("achat", 80) ou ("echange", 100).'
        )
    genre, valeur = operation
    if genre == "échange":
        genre = "echange"
    v.choix(genre, f"Le type de l'opération n° {numero}", OPERATIONS)
    if genre == "achat":
        montant = v.strictement_positif(
            valeur, f"Le montant de l'achat n° {numero}", "pour gagner des points"
        )
        return genre, montant
    points = v.entier_positif(valeur, f"Le nombre de points échangés (opération n° {numero})")
    if points == 0:
        raise ErreurSaisie(f"L'échange n° {numero} doit porter sur au moins 1 point.")
    return genre, points


def simuler_points(operations, points_par_euro=1, valeur_point=0.10) -> pd.DataFrame:
    """Rejoue un historique d'achats et d'échanges de points ; une ligne par opération.

    ``operations`` : suite de ``("achat", montant_en_euros)`` ou ``("echange", points)``.
    Un achat rapporte ``montant × points_par_euro`` points, arrondis à l'entier
    inférieur ; un échange retire des points et vaut ``points × valeur_point`` en bon
    d'achat. On ne peut pas échanger plus de points que le solde.

    Colonnes : ``operation``, ``montant`` (achat ou valeur du bon), ``points``
    (variation signée) et ``solde``.

    >>> t = simuler_points([("achat", 150), ("achat", 80), ("echange", 100), ("achat", 200)])
    >>> t["solde"].tolist()
    [150, 230, 130, 330]
    >>> float(t["montant"].iloc[2])
    10.0
    """
    liste = v.liste_non_vide(operations, "La liste des opérations (operations)")
    taux = v.strictement_positif(
        points_par_euro, "Le nombre de points par euro (points_par_euro)", "pour gagner des points"
    )
    valeur = v.strictement_positif(valeur_point, "La valeur d'un point (valeur_point)")
    lignes = []
    solde = 0
    for numero, brute in enumerate(liste, start=1):
        genre, quantite = _operation(brute, numero)
        if genre == "achat":
            # round(…, 6) évite qu'un calcul comme 100 × 1,2 = 119,999… ne perde un point.
            gagnes = math.floor(round(quantite * taux, 6))
            solde += gagnes
            lignes.append({"operation": "achat", "montant": quantite, "points": gagnes, "solde": solde})
        else:
            if quantite > solde:
                raise ErreurSaisie(
                    f"Échange impossible (opération n° {numero}) : vous demandez {quantite} points "
                    f"mais le solde n'est que de {solde} points."
                )
            solde -= quantite
            lignes.append(
                {"operation": "echange", "montant": quantite * valeur, "points": -quantite, "solde": solde}
            )
    return pd.DataFrame(lignes, columns=["operation", "montant", "points", "solde"])


def points_de_statut(historique: pd.DataFrame) -> int:
    """Points gagnés depuis le début (les échanges ne les font pas baisser) : ils fixent le niveau.

    >>> points_de_statut(simuler_points([("achat", 150), ("echange", 100), ("achat", 80)]))
    230
    """
    return int(historique.loc[historique["points"] > 0, "points"].sum())


def _paliers(paliers) -> list[tuple[str, float]]:
    if paliers is None:
        paliers = PALIERS
    if isinstance(paliers, Mapping):
        paliers = list(paliers.items())
    liste = v.liste_non_vide(paliers, "La liste des paliers (paliers)")
    propres = []
    for element in liste:
        if isinstance(element, (str, bytes)) or not isinstance(element, Sequence) or len(element) != 2:
            raise ErreurSaisie('Chaque palier doit être un couple (nom, points), par exemple ("Or", 500).')
        nom, seuil = element
        nom = v.texte(nom, "Le nom d'un palier", obligatoire=True)
        propres.append((nom, v.positif(seuil, f"Le seuil du palier « {nom} »")))
    propres.sort(key=lambda p: p[1])
    seuils = [s for _, s in propres]
    if seuils[0] != 0:
        raise ErreurSaisie("Le premier palier doit commencer à 0 point : tout client a un niveau.")
    if len(set(seuils)) != len(seuils):
        raise ErreurSaisie("Deux paliers ne peuvent pas avoir le même seuil de points.")
    return propres


def niveau_fidelite(points, paliers=None) -> tuple:
    """Niveau atteint avec ``points``, niveau suivant et points qui manquent pour l'atteindre.

    Paliers par défaut : Bronze 0, Argent 200, Or 500, Platine 1 000 points.
    Au niveau le plus haut, le niveau suivant est ``None`` et il ne manque rien.

    >>> niveau_fidelite(245)
    ('Argent', 'Or', 255)
    >>> niveau_fidelite(1200)
    ('Platine', None, 0)
    """
    points = v.positif(points, "Le nombre de points (points)")
    liste = _paliers(paliers)
    rang = max(i for i, (_, seuil) in enumerate(liste) if points >= seuil)
    niveau = liste[rang][0]
    if rang == len(liste) - 1:
        return niveau, None, 0
    suivant, seuil = liste[rang + 1]
    manque = seuil - points
    return niveau, suivant, int(manque) if float(manque).is_integer() else manque


def prochaine_recompense(solde, seuils=RECOMPENSES) -> tuple:
    """Prochain seuil de récompense au-dessus du solde, points manquants et avancement en %.

    Rend ``(seuil, points_manquants, avancement)`` ; quand tous les seuils sont
    atteints, ``(None, 0, 100.0)``. C'est l'effet « presque arrivé » : à 95 points
    sur 100, l'avancement est de 95 %.

    >>> prochaine_recompense(95)
    (100, 5, 95.0)
    """
    solde = v.positif(solde, "Le solde de points (solde)")
    liste = sorted(
        v.strictement_positif(s, "Un seuil de récompense (seuils)")
        for s in v.liste_non_vide(seuils, "La liste des seuils (seuils)")
    )
    for seuil in liste:
        if solde < seuil:
            seuil_affiche = int(seuil) if seuil.is_integer() else seuil
            manque = seuil - solde
            return seuil_affiche, int(manque) if float(manque).is_integer() else manque, solde * 100 / seuil
    return None, 0, 100.0


# --- Parrainage -------------------------------------------------------------------------


def cout_parrainage(credit_parrain, credit_filleul, taux_transformation=100) -> float:
    """Coût d'un client recruté par parrainage : (crédit parrain + crédit filleul) ÷ (taux ÷ 100).

    ``taux_transformation`` (en %) est la part des parrainages payés qui amènent
    vraiment un nouveau client. À 100 %, chaque client coûte les deux crédits.

    >>> cout_parrainage(20, 20)
    40.0
    >>> cout_parrainage(20, 20, taux_transformation=80)
    50.0
    """
    parrain = v.positif(credit_parrain, "Le crédit du parrain (credit_parrain)")
    filleul = v.positif(credit_filleul, "Le crédit du filleul (credit_filleul)")
    taux = v.pourcentage(taux_transformation, "Le taux de transformation (taux_transformation)")
    if taux == 0:
        raise ErreurSaisie(
            "Le taux de transformation (taux_transformation) doit être supérieur à 0 % : "
            "sans aucun client recruté, le coût par client ne se calcule pas."
        )
    return (parrain + filleul) / (taux / 100)


# --- Paliers et loi de Pareto -------------------------------------------------------------


def courbe_pareto(montants) -> pd.DataFrame:
    """Part cumulée du chiffre d'affaires quand on range les clients du plus au moins dépensier.

    Rend un tableau ``rang``, ``part_clients`` et ``part_ca`` (en %, cumulées).

    >>> courbe_pareto([10, 50, 40])["part_ca"].tolist()
    [50.0, 90.0, 100.0]
    """
    valeurs = [
        v.positif(m, "Un montant dépensé (montants)")
        for m in v.liste_non_vide(montants, "La liste des montants (montants)")
    ]
    total = sum(valeurs)
    if total == 0:
        raise ErreurSaisie("Le chiffre d'affaires total est nul : la courbe de Pareto ne se calcule pas.")
    tries = sorted(valeurs, reverse=True)
    n = len(tries)
    cumul = 0.0
    lignes = []
    for rang, montant in enumerate(tries, start=1):
        cumul += montant
        lignes.append({"rang": rang, "part_clients": rang * 100 / n, "part_ca": cumul * 100 / total})
    return pd.DataFrame(lignes)


def part_du_ca(montants, part_clients) -> float:
    """Part du chiffre d'affaires (en %) faite par les ``part_clients`` % meilleurs clients.

    Le nombre de clients retenus est arrondi à l'entier le plus proche (au moins un).

    >>> part_du_ca([10, 50, 40, 0], part_clients=25)
    50.0
    """
    courbe = courbe_pareto(montants)
    part = v.pourcentage(part_clients, "La part des meilleurs clients (part_clients)")
    if part == 0:
        return 0.0
    nombre_clients = max(1, round(part * len(courbe) / 100))
    return float(courbe["part_ca"].iloc[nombre_clients - 1])


def ca_par_niveau(clients: pd.DataFrame, paliers=None) -> pd.DataFrame:
    """Clients et chiffre d'affaires par niveau de fidélité, avec leurs parts en %.

    ``clients`` contient au moins les colonnes ``niveau`` et ``ca_12_mois``. Rend
    une ligne par niveau (dans l'ordre des paliers) : ``niveau``, ``clients``,
    ``part_clients``, ``ca``, ``part_ca``, ``depense_moyenne``.

    >>> t = pd.DataFrame({"niveau": ["Bronze", "Bronze", "Or"], "ca_12_mois": [50, 50, 300]})
    >>> ca_par_niveau(t)["part_ca"].tolist()
    [25.0, 0.0, 75.0, 0.0]
    """
    for colonne in ("niveau", "ca_12_mois"):
        if colonne not in clients.columns:
            raise ErreurSaisie(f"Le fichier clients doit contenir la colonne « {colonne} ».")
    if clients.empty:
        raise ErreurSaisie("Le fichier clients est vide.")
    noms = [nom for nom, _ in _paliers(paliers)]
    inconnus = sorted(set(clients["niveau"]) - set(noms))
    if inconnus:
        raise ErreurSaisie(f"Niveau inconnu dans le fichier clients : {', '.join(map(str, inconnus))}.")
    montants = [v.positif(m, "Le chiffre d'affaires d'un client (ca_12_mois)") for m in clients["ca_12_mois"]]
    total_ca = sum(montants)
    if total_ca == 0:
        raise ErreurSaisie("Le chiffre d'affaires total est nul : les parts ne se calculent pas.")
    lignes = []
    for nom in noms:
        selection = [m for m, n in zip(montants, clients["niveau"], strict=True) if n == nom]
        ca = sum(selection)
        lignes.append(
            {
                "niveau": nom,
                "clients": len(selection),
                "part_clients": len(selection) * 100 / len(montants),
                "ca": ca,
                "part_ca": ca * 100 / total_ca,
                "depense_moyenne": ca / len(selection) if selection else 0.0,
            }
        )
    return pd.DataFrame(lignes)


def _ligne_niveau(par_niveau: pd.DataFrame, niveau: str) -> pd.Series:
    if not isinstance(par_niveau, pd.DataFrame) or "niveau" not in par_niveau.columns:
        raise ErreurSaisie("Le tableau par niveau (par_niveau) doit venir de ca_par_niveau().")
    lignes = par_niveau[par_niveau["niveau"] == niveau]
    if lignes.empty:
        possibles = ", ".join(map(str, par_niveau["niveau"]))
        raise ErreurSaisie(f"Le niveau « {niveau} » n'existe pas ; niveaux possibles : {possibles}.")
    return lignes.iloc[0]


def rapport_depense(par_niveau: pd.DataFrame, niveau: str, reference: str = "Bronze") -> float:
    """Combien de fois un client de ``niveau`` dépense plus, en moyenne, qu'un client de ``reference``.

    ``par_niveau`` est le tableau rendu par :func:`ca_par_niveau`.

    >>> t = ca_par_niveau(pd.DataFrame({"niveau": ["Bronze", "Bronze", "Or"], "ca_12_mois": [50, 50, 150]}))
    >>> rapport_depense(t, "Or")
    3.0
    """
    base = _ligne_niveau(par_niveau, reference)["depense_moyenne"]
    if base == 0:
        raise ErreurSaisie(f"Aucun client « {reference} » ne dépense : la comparaison est impossible.")
    return float(_ligne_niveau(par_niveau, niveau)["depense_moyenne"] / base)


def poids_niveau(par_niveau: pd.DataFrame, niveau: str) -> tuple[float, float]:
    """Le poids d'un niveau : ``(part des clients, part du chiffre d'affaires)``, en %.

    >>> t = ca_par_niveau(pd.DataFrame({"niveau": ["Bronze", "Bronze", "Or"], "ca_12_mois": [50, 50, 300]}))
    >>> poids_niveau(t, "Or")
    (33.333333333333336, 75.0)
    """
    ligne = _ligne_niveau(par_niveau, niveau)
    return float(ligne["part_clients"]), float(ligne["part_ca"])


def lire_operation(genre: str, saisie, libelle: str = "Le montant ou les points") -> tuple[str, float]:
    """Transforme un montant tapé (``"80"``, ``"12,5 €"``) en opération ``(genre, valeur)``.

    >>> lire_operation("achat", "80 €")
    ('achat', 80.0)
    """
    v.choix(genre, "Le type d'opération", OPERATIONS)
    valeur = v.nombre_saisi(saisie, libelle)
    return genre, valeur


# --- Objectifs et normes de service ------------------------------------------------------

OBJECTIFS_DETAILLES = contenu.section("07", "objectifs", SCHEMA_OBJECTIFS)
"""Objectifs usuels d'un programme de fidélité, avec leur période (fichier de contenu du chapitre 07)."""

OBJECTIFS = {cle: float(o["valeur"]) for cle, o in OBJECTIFS_DETAILLES.items()}
"""Objectifs usuels (taux en %, NPS en points de −100 à +100). Rétention et attrition sont
**annuelles** : on ne les compare pas à un taux mensuel sans l'enchaîner sur douze mois."""

NORMES_SERVICE = tuple(contenu.section("07", "normes_service", SCHEMA_NORMES))
"""Délais de réponse et objectifs de satisfaction par canal du service client."""


# --- Taux mensuels et annuels -----------------------------------------------------------


def retention_sur_periode(taux_mensuels, mois: int = 12) -> float:
    """Rétention sur ``mois`` mois quand on enchaîne des rétentions mensuelles (en %).

    Chaque mois ne garde qu'une part des clients du mois d'avant : les taux se
    **multiplient**, ils ne s'additionnent pas. Avec moins (ou plus) de mois relevés
    que ``mois``, on garde le rythme moyen observé (moyenne géométrique).

    >>> round(retention_sur_periode([95] * 12), 1)
    54.0
    >>> round(retention_sur_periode([90, 90], mois=2), 1)
    81.0
    """
    liste = [
        v.pourcentage(t, "Un taux de rétention mensuel (taux_mensuels)")
        for t in v.liste_non_vide(taux_mensuels, "La liste des taux de rétention mensuels (taux_mensuels)")
    ]
    mois = v.strictement_positif(mois, "Le nombre de mois (mois)", "pour enchaîner des taux mensuels")
    produit = math.prod(t / 100 for t in liste)
    return produit ** (mois / len(liste)) * 100


def retention_mensuelle_equivalente(taux_annuel) -> float:
    """Rétention mensuelle qui, enchaînée douze mois, donne ``taux_annuel`` (en %).

    >>> round(retention_mensuelle_equivalente(70), 2)
    97.07
    """
    taux = v.pourcentage(taux_annuel, "Le taux de rétention annuel (taux_annuel)")
    return (taux / 100) ** (1 / 12) * 100


def normes_service() -> pd.DataFrame:
    """Les normes de service client du cours, un canal par ligne.

    >>> normes_service()["canal"].iloc[0]
    'Chat en direct'
    """
    return pd.DataFrame(list(NORMES_SERVICE))


def objectifs_fidelite(retention, attrition, reachat, nps_obtenu=None, csat_obtenu=None) -> pd.DataFrame:
    """Tableau de bord « objectif vs réalisé » des indicateurs de fidélité.

    S'appuie sur :func:`coursekit.kpi.tableau_de_bord` avec les objectifs usuels :
    rétention annuelle > 70 %, attrition annuelle < 30 %, réachat > 40 %, NPS > 50,
    CSAT > 85 %. ``retention`` et ``attrition`` sont donc des taux **sur un an**.
    Le NPS est une différence de deux pourcentages : son écart se lit en points.

    >>> objectifs_fidelite(80, 10, 35)["atteint"].tolist()
    [True, True, False]
    """
    from coursekit.kpi import tableau_de_bord

    lignes = [
        {
            "kpi": "Taux de rétention sur un an",
            "objectif": OBJECTIFS["retention"],
            "realise": retention,
            "unite": "pourcent",
        },
        {
            "kpi": "Taux d'attrition sur un an",
            "objectif": OBJECTIFS["attrition"],
            "realise": attrition,
            "unite": "pourcent",
            "sens": "baisse",
        },
        {"kpi": "Taux de réachat", "objectif": OBJECTIFS["reachat"], "realise": reachat, "unite": "pourcent"},
    ]
    if nps_obtenu is not None:
        lignes.append(
            {"kpi": "NPS", "objectif": OBJECTIFS["nps"], "realise": nps_obtenu, "unite": "pourcent"}
        )
    if csat_obtenu is not None:
        lignes.append(
            {"kpi": "CSAT", "objectif": OBJECTIFS["csat"], "realise": csat_obtenu, "unite": "pourcent"}
        )
    return tableau_de_bord(lignes)


def bilan_fidelite(mois: pd.DataFrame, nps_obtenu=None, csat_obtenu=None) -> pd.DataFrame:
    """Objectifs de fidélité d'une année, à partir des mois de :func:`indicateurs_mensuels`.

    Les objectifs de rétention et d'attrition sont annuels : les rétentions mensuelles
    sont donc **enchaînées** sur douze mois (:func:`retention_sur_periode`), et
    l'attrition annuelle est son complément (100 − rétention annuelle). Le réachat est
    la moyenne des parts mensuelles ; le NPS et le CSAT, s'ils sont donnés, viennent
    d'une enquête. Rend le tableau de :func:`objectifs_fidelite`.

    >>> t = indicateurs_mensuels(pd.DataFrame({"mois": ["janv.", "févr."], "clients_debut": [200, 220],
    ...     "nouveaux_clients": [40, 10], "clients_perdus": [20, 22], "clients_fin": [220, 208],
    ...     "clients_reachat": [99, 83.2]}))
    >>> bilan_fidelite(t)["realise"].round(1).tolist()
    [28.2, 71.8, 42.5]
    """
    if not isinstance(mois, pd.DataFrame) or mois.empty:
        raise ErreurSaisie(
            "Le tableau des mois (mois) doit venir de indicateurs_mensuels() et n'être pas vide."
        )
    manquantes = [c for c in ("retention", "attrition", "reachat") if c not in mois.columns]
    if manquantes:
        raise ErreurSaisie(
            f"Le tableau des mois (mois) doit contenir : {', '.join(manquantes)} (voir indicateurs_mensuels())."
        )
    annuelle = retention_sur_periode(list(mois["retention"]), 12)
    return objectifs_fidelite(
        annuelle,
        100 - annuelle,
        float(mois["reachat"].mean()),
        nps_obtenu=nps_obtenu,
        csat_obtenu=csat_obtenu,
    )


def effort_nps(promoteurs, passifs, detracteurs, cible=50) -> int | None:
    """Nombre de clients à faire changer d'avis pour atteindre un NPS ``cible``.

    On convertit d'abord des détracteurs en promoteurs (chacun compte double),
    puis des passifs. Rend 0 si la cible est déjà atteinte, ``None`` si elle est
    hors d'atteinte (au-delà de 100).

    >>> effort_nps(50, 30, 20, cible=50)
    10
    """
    depart = nps_effectifs(promoteurs, passifs, detracteurs)
    cible = v.nombre(cible, "Le NPS visé (cible)")
    if cible > 100:
        return None
    p, pa, d = int(promoteurs), int(passifs), int(detracteurs)
    changes = 0
    score = depart
    while score < cible - 1e-9:
        if d > 0:
            d -= 1
        elif pa > 0:
            pa -= 1
        else:
            return None
        p += 1
        changes += 1
        score = nps_effectifs(p, pa, d)
    return changes


__all__ = [
    "PALIERS",
    "bilan_fidelite",
    "poids_niveau",
    "rapport_depense",
    "RECOMPENSES",
    "ca_par_niveau",
    "clv",
    "clv_marge",
    "courbe_pareto",
    "cout_parrainage",
    "csat",
    "effort_nps",
    "normes_service",
    "objectifs_fidelite",
    "NORMES_SERVICE",
    "OBJECTIFS",
    "indicateurs_mensuels",
    "lire_operation",
    "niveau_fidelite",
    "nps",
    "nps_effectifs",
    "part_du_ca",
    "points_de_statut",
    "prochaine_recompense",
    "rentabilite_client",
    "repartition_nps",
    "retention_mensuelle_equivalente",
    "objectifs_mensuels",
    "retention_sur_periode",
    "BUDGET_LANCEMENT",
    "OBJECTIFS_DETAILLES",
    "PROGRAMME",
    "simuler_points",
    "taux_attrition",
    "taux_engagement_programme",
    "taux_reachat",
    "taux_retention",
]
