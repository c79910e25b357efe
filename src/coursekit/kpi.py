"""Indicateurs clés de performance (KPI) : taux, coûts, ROI, ROAS, tableau de bord.

Les taux sont rendus **en pour cent** (5.8 veut dire 5,8 %), les coûts dans la
devise du cours, le ROAS en ratio simple (3.5 veut dire 3,5 € de chiffre
d'affaires pour 1 € dépensé). Rien n'est arrondi ici : on arrondit à l'affichage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie

UNITES = ("nombre", "euros", "pourcent", "ratio")
SENS = ("hausse", "baisse")


def _taux(partie, tout, libelle_partie: str, libelle_tout: str, pour: str) -> float:
    partie = v.positif(partie, libelle_partie)
    tout = v.strictement_positif(tout, libelle_tout, pour)
    v.partie_du_tout(partie, tout, libelle_partie, libelle_tout)
    return partie * 100 / tout


def _cout_unitaire(cout, quantite, libelle_quantite: str, pour: str) -> float:
    cout = v.positif(cout, "Le coût (cout)")
    quantite = v.strictement_positif(quantite, libelle_quantite, pour)
    return cout / quantite


def taux_clic(clics, impressions) -> float:
    """Taux de clic (CTR) en % : clics ÷ impressions × 100.

    >>> taux_clic(150, 10_000)
    1.5
    """
    return _taux(
        clics,
        impressions,
        "Le nombre de clics (clics)",
        "Le nombre d'impressions (impressions)",
        "pour calculer un taux de clic",
    )


def taux_conversion(conversions, visites) -> float:
    """Taux de conversion en % : conversions ÷ visites × 100.

    La définition standard divise par les visites (ou sessions) ; certaines
    sources divisent par les impressions, ce qui donne un autre indicateur.

    >>> taux_conversion(58, 1000)
    5.8
    """
    return _taux(
        conversions,
        visites,
        "Le nombre de conversions (conversions)",
        "Le nombre de visites (visites)",
        "pour calculer un taux de conversion",
    )


def taux_ouverture(ouvertures, envois) -> float:
    """Taux d'ouverture d'un e-mailing en % : ouvertures ÷ e-mails envoyés × 100.

    >>> taux_ouverture(450, 2000)
    22.5
    """
    return _taux(
        ouvertures,
        envois,
        "Le nombre d'ouvertures (ouvertures)",
        "Le nombre d'e-mails envoyés (envois)",
        "pour calculer un taux d'ouverture",
    )


def taux_engagement(interactions, abonnes) -> float:
    """Taux d'engagement en % : interactions ÷ abonnés × 100.

    Il peut dépasser 100 % (un abonné peut aimer, commenter et partager).

    >>> taux_engagement(100, 2000)
    5.0
    """
    interactions = v.positif(interactions, "Le nombre d'interactions (interactions)")
    abonnes = v.strictement_positif(
        abonnes, "Le nombre d'abonnés (abonnes)", "pour calculer un taux d'engagement"
    )
    return interactions * 100 / abonnes


def cout_par_clic(cout, clics) -> float:
    """Coût par clic (CPC) : coût ÷ clics.

    >>> cout_par_clic(300, 600)
    0.5
    """
    return _cout_unitaire(cout, clics, "Le nombre de clics (clics)", "pour calculer un coût par clic")


def cout_par_mille(cout, impressions) -> float:
    """Coût pour mille impressions (CPM) : coût ÷ impressions × 1 000.

    >>> cout_par_mille(50, 10_000)
    5.0
    """
    return (
        _cout_unitaire(cout, impressions, "Le nombre d'impressions (impressions)", "pour calculer un CPM")
        * 1000
    )


def cout_par_lead(cout, leads) -> float:
    """Coût par lead (CPL) : coût ÷ nombre de prospects obtenus.

    Un lead est un contact intéressé, pas encore forcément un client.

    >>> cout_par_lead(3000, 200)
    15.0
    """
    return _cout_unitaire(cout, leads, "Le nombre de leads (leads)", "pour calculer un coût par lead")


def cout_par_acquisition(cout, acquisitions) -> float:
    """Coût par acquisition (CPA) : coût ÷ nombre de clients (ou ventes) obtenus.

    >>> cout_par_acquisition(1000, 40)
    25.0
    """
    return _cout_unitaire(
        cout,
        acquisitions,
        "Le nombre d'acquisitions (acquisitions)",
        "pour calculer un coût par acquisition",
    )


def roi(gain, cout) -> float:
    """Retour sur investissement en % : (gain − coût) ÷ coût × 100.

    Le *gain* est ce que l'action rapporte (souvent la marge, pas tout le chiffre
    d'affaires). Un ROI négatif veut dire que l'action coûte plus qu'elle ne rapporte.

    >>> roi(3500, 1000)
    250.0
    """
    gain = v.nombre(gain, "Le gain (gain)")
    cout = v.strictement_positif(cout, "Le coût (cout)", "pour calculer un ROI")
    return (gain - cout) * 100 / cout


def roas(chiffre_affaires, cout) -> float:
    """Retour sur dépenses publicitaires (ROAS) : chiffre d'affaires ÷ coût, en ratio.

    Un ROAS de 4 s'écrit aussi « 4:1 » : 4 € de ventes pour 1 € de publicité.
    Certaines sources l'appellent ROI ; ce n'est pas le même calcul.

    >>> roas(3500, 1000)
    3.5
    """
    chiffre_affaires = v.positif(chiffre_affaires, "Le chiffre d'affaires (chiffre_affaires)")
    cout = v.strictement_positif(cout, "Le coût (cout)", "pour calculer un ROAS")
    return chiffre_affaires / cout


def evolution(reference, valeur) -> float:
    """Évolution en % entre une référence et une valeur : (valeur − référence) ÷ référence × 100.

    >>> round(evolution(15_000, 17_500), 2)
    16.67
    """
    reference = v.nombre(reference, "La valeur de référence (reference)")
    valeur = v.nombre(valeur, "La valeur comparée (valeur)")
    if reference == 0:
        raise ErreurSaisie(
            "La valeur de référence (reference) doit être différente de 0 pour calculer une évolution en %."
        )
    return (valeur - reference) * 100 / abs(reference)


def ecart_points(reference, valeur) -> float:
    """Écart en points de pourcentage entre deux taux donnés en % : valeur − référence.

    Un taux qui passe de 5 % à 5,8 % gagne 0,8 point (et non 0,8 %).

    >>> round(ecart_points(5, 5.8), 2)
    0.8
    """
    reference = v.nombre(reference, "Le taux de référence (reference)")
    valeur = v.nombre(valeur, "Le taux comparé (valeur)")
    return valeur - reference


def tableau_de_bord(lignes: Iterable[Mapping]) -> pd.DataFrame:
    """Tableau de bord « objectif vs réalisé », une ligne par KPI.

    Chaque ligne d'entrée est un dictionnaire avec ``kpi``, ``objectif``,
    ``realise``, ``unite`` (``"nombre"``, ``"euros"``, ``"pourcent"`` ou
    ``"ratio"``) et, en option, ``sens`` (``"hausse"`` par défaut ; ``"baisse"``
    pour un coût comme le CPL, où moins c'est mieux).

    Colonnes rendues : ``kpi``, ``objectif``, ``realise``, ``unite``, ``sens``,
    ``ecart`` (en % pour les nombres, montants et ratios ; en points pour les taux),
    ``unite_ecart`` (``"%"`` ou ``"points"``) et ``atteint`` (booléen).

    >>> tdb = tableau_de_bord([{"kpi": "Sessions", "objectif": 15000, "realise": 17500, "unite": "nombre"}])
    >>> float(round(tdb.loc[0, "ecart"], 1)), bool(tdb.loc[0, "atteint"])
    (16.7, True)
    """
    lignes = v.liste_non_vide(lignes, "La liste des KPI (lignes)")
    resultat = []
    for numero, ligne in enumerate(lignes, start=1):
        if not isinstance(ligne, Mapping):
            raise ErreurSaisie(f"La ligne {numero} du tableau de bord doit être un dictionnaire.")
        manquantes = [cle for cle in ("kpi", "objectif", "realise", "unite") if cle not in ligne]
        if manquantes:
            raise ErreurSaisie(
                f"La ligne {numero} du tableau de bord doit préciser : {', '.join(manquantes)}."
            )
        nom = v.texte(ligne["kpi"], f"Le nom du KPI de la ligne {numero} (kpi)", obligatoire=True)
        unite = v.choix(ligne["unite"], f"L'unité du KPI « {nom} » (unite)", UNITES)
        sens = v.choix(ligne.get("sens", "hausse"), f"Le sens du KPI « {nom} » (sens)", SENS)
        objectif = v.nombre(ligne["objectif"], f"L'objectif du KPI « {nom} » (objectif)")
        realise = v.nombre(ligne["realise"], f"Le réalisé du KPI « {nom} » (realise)")
        if unite == "pourcent":
            ecart, unite_ecart = ecart_points(objectif, realise), "points"
        else:
            ecart, unite_ecart = evolution(objectif, realise), "%"
        atteint = realise >= objectif if sens == "hausse" else realise <= objectif
        resultat.append(
            {
                "kpi": nom,
                "objectif": objectif,
                "realise": realise,
                "unite": unite,
                "sens": sens,
                "ecart": ecart,
                "unite_ecart": unite_ecart,
                "atteint": atteint,
            }
        )
    return pd.DataFrame(resultat)
