"""Chapitre 10 : analyser les statistiques d'un site et segmenter un fichier clients (RFM).

Calculateurs purs : des nombres ou des ``DataFrame`` en entrée, des nombres ou des
``DataFrame`` en sortie. Les taux sont en pour cent (``55.0`` veut dire 55 %), rien
n'est arrondi. Une saisie impossible lève :class:`coursekit.ErreurSaisie`.

>>> taux_rebond(sessions_engagees=268, sessions=500)
46.4
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

import pandas as pd

from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.kpi import taux_conversion

# ---------------------------------------------------------------------------
# Les indicateurs d'audience, un par un
# ---------------------------------------------------------------------------


def _sessions(sessions, pour: str) -> float:
    return v.strictement_positif(sessions, "Le nombre de sessions (sessions)", pour)


def pages_par_session(pages_vues: float, sessions: float) -> float:
    """Pages vues en moyenne pendant une session.

    >>> pages_par_session(pages_vues=1373, sessions=500)
    2.746
    """
    pages_vues = v.positif(pages_vues, "Le nombre de pages vues (pages_vues)")
    return pages_vues / _sessions(sessions, "pour calculer des pages par session")


def duree_moyenne_session(duree_totale_s: float, sessions: float) -> float:
    """Durée moyenne d'une session, en secondes (durée totale ÷ sessions).

    >>> duree_moyenne_session(duree_totale_s=46_000, sessions=500)
    92.0
    """
    duree = v.positif(duree_totale_s, "La durée totale des sessions (duree_totale_s)")
    return duree / _sessions(sessions, "pour calculer une durée moyenne")


def taux_engagement_sessions(sessions_engagees: float, sessions: float) -> float:
    """Part des sessions engagées, en %.

    Dans Google Analytics 4, une session est *engagée* si elle dure plus de
    10 secondes, ou affiche au moins deux pages, ou mène à une conversion.

    >>> taux_engagement_sessions(sessions_engagees=268, sessions=500)
    53.6
    """
    engagees = v.positif(sessions_engagees, "Le nombre de sessions engagées (sessions_engagees)")
    total = _sessions(sessions, "pour calculer un taux d'engagement")
    v.partie_du_tout(engagees, total, "Le nombre de sessions engagées", "Le nombre de sessions")
    return engagees * 100 / total


def taux_rebond(sessions_engagees: float, sessions: float) -> float:
    """Taux de rebond au sens de GA4, en % : 100 − taux d'engagement.

    >>> taux_rebond(sessions_engagees=300, sessions=500)
    40.0
    """
    return 100 - taux_engagement_sessions(sessions_engagees, sessions)


def part_nouveaux(nouveaux_utilisateurs: float, utilisateurs: float) -> float:
    """Part des nouveaux utilisateurs parmi les utilisateurs, en %.

    >>> part_nouveaux(nouveaux_utilisateurs=290, utilisateurs=400)
    72.5
    """
    nouveaux = v.positif(nouveaux_utilisateurs, "Le nombre de nouveaux utilisateurs (nouveaux_utilisateurs)")
    total = v.strictement_positif(
        utilisateurs, "Le nombre d'utilisateurs (utilisateurs)", "pour calculer une part de nouveaux"
    )
    v.partie_du_tout(nouveaux, total, "Le nombre de nouveaux utilisateurs", "Le nombre d'utilisateurs")
    return nouveaux * 100 / total


def taux_abandon_panier(commandes: float, paniers: float) -> float:
    """Part des paniers créés qui n'ont pas abouti à une commande, en % : (1 − commandes ÷ paniers) × 100.

    >>> round(taux_abandon_panier(commandes=5, paniers=18), 1)
    72.2
    """
    commandes = v.positif(commandes, "Le nombre de commandes (commandes)")
    paniers = v.strictement_positif(
        paniers, "Le nombre de paniers créés (paniers)", "pour calculer un taux d'abandon"
    )
    v.partie_du_tout(commandes, paniers, "Le nombre de commandes", "Le nombre de paniers créés")
    return (1 - commandes / paniers) * 100


def panier_moyen(chiffre_affaires: float, commandes: float) -> float:
    """Montant moyen d'une commande : chiffre d'affaires ÷ commandes.

    >>> panier_moyen(chiffre_affaires=250, commandes=5)
    50.0
    """
    ca = v.positif(chiffre_affaires, "Le chiffre d'affaires (chiffre_affaires)")
    return ca / v.strictement_positif(
        commandes, "Le nombre de commandes (commandes)", "pour calculer un panier moyen"
    )


def ca_par_session(chiffre_affaires: float, sessions: float) -> float:
    """Chiffre d'affaires rapporté en moyenne par une session (une visite).

    >>> ca_par_session(chiffre_affaires=250, sessions=500)
    0.5
    """
    ca = v.positif(chiffre_affaires, "Le chiffre d'affaires (chiffre_affaires)")
    return ca / _sessions(sessions, "pour calculer un chiffre d'affaires par session")


def evolution_conversion(
    commandes_avant: float, sessions_avant: float, commandes_apres: float, sessions_apres: float
) -> float:
    """Écart entre deux taux de conversion, en points : celui d'après moins celui d'avant.

    >>> round(evolution_conversion(80, 3500, 82, 4200), 2)
    -0.33
    """
    avant = taux_conversion(commandes_avant, sessions_avant)
    apres = taux_conversion(commandes_apres, sessions_apres)
    return apres - avant


def commandes_attendues(paniers: float, taux_abandon: float) -> float:
    """Commandes obtenues à partir des paniers créés pour un taux d'abandon donné (en %).

    >>> commandes_attendues(paniers=304, taux_abandon=68.75)
    95.0
    """
    paniers = v.positif(paniers, "Le nombre de paniers créés (paniers)")
    taux = v.pourcentage(taux_abandon, "Le taux d'abandon de panier (taux_abandon)")
    return paniers * (100 - taux) / 100


def ventes_supplementaires(
    paniers: float, taux_abandon: float, commandes: float, chiffre_affaires: float
) -> float:
    """Chiffre d'affaires gagné si le taux d'abandon avait été ``taux_abandon`` (en %), au panier moyen réel.

    Commandes attendues moins commandes réelles, multipliées par le panier moyen
    (``chiffre_affaires`` ÷ ``commandes``). Négatif si le taux donné est moins bon que le réel.

    >>> round(ventes_supplementaires(paniers=304, taux_abandon=68.75, commandes=82, chiffre_affaires=3700.92), 2)
    586.73
    """
    gagnees = commandes_attendues(paniers, taux_abandon) - v.positif(
        commandes, "Le nombre de commandes (commandes)"
    )
    return gagnees * panier_moyen(chiffre_affaires, commandes)


def note_moyenne(notes) -> float:
    """Moyenne de notes d'avis clients de 1 à 5.

    >>> note_moyenne([5, 4, 1, 2])
    3.0
    """
    notes = [
        v.note(n, "Les notes des avis (notes)", 1, 5)
        for n in v.liste_non_vide(notes, "Les notes des avis (notes)")
    ]
    return sum(notes) / len(notes)


def part_avis_negatifs(notes, seuil: int = 2) -> float:
    """Part des avis dont la note est au plus ``seuil`` (1 ou 2 sur 5 par défaut), en %.

    >>> part_avis_negatifs([5, 4, 1, 2])
    50.0
    """
    notes = [
        v.note(n, "Les notes des avis (notes)", 1, 5)
        for n in v.liste_non_vide(notes, "Les notes des avis (notes)")
    ]
    seuil = v.note(seuil, "Le seuil des avis négatifs (seuil)", 1, 5)
    return sum(n <= seuil for n in notes) / len(notes) * 100


# ---------------------------------------------------------------------------
# Un tableau de statistiques : une ligne par période et par source
# ---------------------------------------------------------------------------

COMPTEURS = (
    "sessions",
    "utilisateurs",
    "nouveaux_utilisateurs",
    "sessions_engagees",
    "pages_vues",
    "duree_totale_s",
    "paniers",
    "commandes",
    "chiffre_affaires",
)
COLONNES_STATISTIQUES = ("periode", "source", *COMPTEURS)

# (partie, tout) : la partie ne peut pas dépasser le tout sur une même ligne.
_INCLUSIONS = (
    ("utilisateurs", "sessions"),
    ("nouveaux_utilisateurs", "utilisateurs"),
    ("sessions_engagees", "sessions"),
    ("paniers", "sessions"),
    ("commandes", "paniers"),
)

INDICATEURS = {
    "sessions": "Sessions",
    "utilisateurs": "Utilisateurs",
    "part_nouveaux": "Nouveaux utilisateurs (%)",
    "pages_par_session": "Pages par session",
    "duree_moyenne_s": "Durée moyenne (s)",
    "taux_engagement": "Taux d'engagement (%)",
    "taux_rebond": "Taux de rebond (%)",
    "taux_conversion": "Taux de conversion (%)",
    "taux_abandon_panier": "Abandon de panier (%)",
    "panier_moyen": "Panier moyen",
    "ca_par_session": "CA par session",
}
"""Les indicateurs calculés par :func:`indicateurs`, avec leur libellé."""


def valider_statistiques(table: pd.DataFrame, nom: str = "le tableau") -> pd.DataFrame:
    """Vérifie un tableau de statistiques de site et le rend (copie), ou lève une erreur en français.

    Colonnes : ``periode``, ``source`` puis les compteurs de :data:`COMPTEURS`,
    tous positifs ; sur une ligne, les sessions engagées ne dépassent pas les
    sessions, les commandes ne dépassent pas les paniers, etc.

    >>> ligne = dict(periode="Mars", source="Direct", sessions=10, utilisateurs=8,
    ...     nouveaux_utilisateurs=3, sessions_engagees=12, pages_vues=30, duree_totale_s=900,
    ...     paniers=1, commandes=0, chiffre_affaires=0)
    >>> valider_statistiques(pd.DataFrame([ligne]))
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: Dans le tableau, ligne 1 (Mars, Direct) : sessions_engagees (12) dépasse sessions (10).
    """
    if not isinstance(table, pd.DataFrame):
        raise ErreurSaisie(f"{nom[:1].upper() + nom[1:]} doit être un tableau (DataFrame) de statistiques.")
    manquantes = [c for c in COLONNES_STATISTIQUES if c not in table.columns]
    if manquantes:
        raise ErreurSaisie(f"Dans {nom}, il manque les colonnes : {', '.join(manquantes)}.")
    if table.empty:
        raise ErreurSaisie(
            f"{nom[:1].upper() + nom[1:]} est vide : il faut au moins une ligne de statistiques."
        )
    for numero, ligne in enumerate(table.to_dict("records"), start=1):
        lieu = f"Dans {nom}, ligne {numero} ({ligne['periode']}, {ligne['source']})"
        for colonne in COMPTEURS:
            valeur = ligne[colonne]
            if isinstance(valeur, bool) or not isinstance(valeur, (int, float)) or math.isnan(valeur):
                raise ErreurSaisie(f"{lieu} : {colonne} doit être un nombre (reçu : {valeur!r}).")
            if valeur < 0:
                raise ErreurSaisie(f"{lieu} : {colonne} ne peut pas être négatif.")
        for partie, tout in _INCLUSIONS:
            if ligne[partie] > ligne[tout]:
                raise ErreurSaisie(f"{lieu} : {partie} ({ligne[partie]:g}) dépasse {tout} ({ligne[tout]:g}).")
    return table.copy()


def totaux(table: pd.DataFrame) -> dict[str, float]:
    """Les compteurs additionnés sur toutes les lignes d'un tableau de statistiques.

    >>> t = pd.DataFrame({"sessions": [10, 20], "commandes": [1, 0]})
    >>> totaux(t)["sessions"]
    30.0
    """
    return {c: float(table[c].sum()) for c in COMPTEURS if c in table.columns}


def indicateurs(compteurs: Mapping[str, float]) -> dict[str, float | None]:
    """Tous les indicateurs du chapitre à partir des compteurs d'une période (ou d'une source).

    Un indicateur impossible à calculer (aucune commande pour un panier moyen,
    aucun panier pour l'abandon) vaut ``None`` : il n'y a rien à mesurer.

    >>> r = indicateurs(dict(sessions=500, utilisateurs=426, nouveaux_utilisateurs=290,
    ...     sessions_engagees=268, pages_vues=1373, duree_totale_s=46356, paniers=18,
    ...     commandes=5, chiffre_affaires=250))
    >>> r["taux_conversion"], r["panier_moyen"], r["ca_par_session"]
    (1.0, 50.0, 0.5)
    """
    c = {cle: float(compteurs.get(cle, 0)) for cle in COMPTEURS}
    sessions = c["sessions"]
    _sessions(sessions, "pour calculer les indicateurs du site")
    return {
        "sessions": sessions,
        "utilisateurs": c["utilisateurs"],
        "part_nouveaux": part_nouveaux(c["nouveaux_utilisateurs"], c["utilisateurs"])
        if c["utilisateurs"]
        else None,
        "pages_par_session": pages_par_session(c["pages_vues"], sessions),
        "duree_moyenne_s": duree_moyenne_session(c["duree_totale_s"], sessions),
        "taux_engagement": taux_engagement_sessions(c["sessions_engagees"], sessions),
        "taux_rebond": taux_rebond(c["sessions_engagees"], sessions),
        "taux_conversion": taux_conversion(c["commandes"], sessions),
        "taux_abandon_panier": taux_abandon_panier(c["commandes"], c["paniers"]) if c["paniers"] else None,
        "panier_moyen": panier_moyen(c["chiffre_affaires"], c["commandes"]) if c["commandes"] else None,
        "ca_par_session": ca_par_session(c["chiffre_affaires"], sessions),
    }


def indicateurs_par(table: pd.DataFrame, cle: str = "source") -> pd.DataFrame:
    """Un tableau d'indicateurs, une ligne par ``source`` (ou par ``periode``), dans l'ordre des sessions.

    La colonne ``part_sessions`` donne le poids de chaque ligne dans le trafic (%).

    >>> t = pd.DataFrame(dict(periode=["M", "M"], source=["A", "B"], sessions=[30, 10],
    ...     utilisateurs=[25, 9], nouveaux_utilisateurs=[20, 2], sessions_engagees=[12, 8],
    ...     pages_vues=[60, 40], duree_totale_s=[1800, 1500], paniers=[2, 2], commandes=[0, 1],
    ...     chiffre_affaires=[0, 50]))
    >>> indicateurs_par(t)[["source", "part_sessions", "taux_conversion"]].values.tolist()
    [['A', 75.0, 0.0], ['B', 25.0, 10.0]]
    """
    v.choix(cle, "Le regroupement (cle)", ("source", "periode"))
    table = valider_statistiques(table)
    total = float(table["sessions"].sum())
    groupes = table.groupby(cle, sort=False, observed=True)[list(COMPTEURS)].sum()
    lignes = []
    for nom, compteurs in groupes.iterrows():
        ligne = {cle: nom, **indicateurs(compteurs.to_dict())}
        ligne["part_sessions"] = compteurs["sessions"] / total * 100
        lignes.append(ligne)
    resultat = pd.DataFrame(lignes)
    if cle == "source":
        resultat = resultat.sort_values("sessions", ascending=False, kind="stable")
    colonnes = [cle, "sessions", "part_sessions", *[k for k in INDICATEURS if k != "sessions"]]
    return resultat[colonnes].reset_index(drop=True)


def selection(table: pd.DataFrame, source: str | None = None, periode: str | None = None) -> dict[str, float]:
    """Les compteurs additionnés d'une source, d'une période, ou des deux (``None`` : tout).

    >>> t = pd.DataFrame(dict(periode=["S1", "S2"], source=["A", "A"], sessions=[3, 4]))
    >>> selection(t, periode="S2")["sessions"]
    4.0
    """
    masque = pd.Series(True, index=table.index)
    if source is not None:
        v.choix(source, "La source (source)", list(dict.fromkeys(table["source"])))
        masque &= table["source"] == source
    if periode is not None:
        v.choix(periode, "La période (periode)", [str(p) for p in dict.fromkeys(table["periode"])])
        masque &= table["periode"].astype(str) == periode
    return totaux(table[masque])


# ---------------------------------------------------------------------------
# L'entonnoir d'un site : engagement, mise au panier, finalisation
# ---------------------------------------------------------------------------

ETAPES_SITE = ("Engagement", "Mise au panier", "Finalisation")
"""Les trois étapes du parcours d'achat : sessions → sessions engagées → paniers → commandes."""


def etapes_site(compteurs: Mapping[str, float]) -> dict[str, float | None]:
    """Taux de passage d'une étape à l'autre, en % (``None`` si l'étape d'avant est vide).

    - Engagement : sessions engagées ÷ sessions ;
    - Mise au panier : paniers créés ÷ sessions engagées ;
    - Finalisation : commandes ÷ paniers (100 − abandon de panier).

    >>> etapes_site(dict(sessions=500, sessions_engagees=250, paniers=20, commandes=5))
    {'Engagement': 50.0, 'Mise au panier': 8.0, 'Finalisation': 25.0}
    """
    sessions = _sessions(float(compteurs.get("sessions", 0)), "pour tracer l'entonnoir du site")
    engagees = float(compteurs.get("sessions_engagees", 0))
    paniers = float(compteurs.get("paniers", 0))
    commandes = float(compteurs.get("commandes", 0))
    v.partie_du_tout(commandes, paniers, "Le nombre de commandes", "Le nombre de paniers créés")
    return {
        "Engagement": taux_engagement_sessions(engagees, sessions),
        "Mise au panier": paniers / engagees * 100 if engagees else None,
        "Finalisation": commandes / paniers * 100 if paniers else None,
    }


def maillon_faible_site(
    selectionne: Mapping[str, float], reference: Mapping[str, float]
) -> tuple[str, float] | None:
    """L'étape où la sélection décroche le plus par rapport au site, en points relatifs.

    Rend ``(étape, écart en % du taux de référence)`` pour l'étape la plus en retard, ou
    ``None`` si la sélection fait au moins aussi bien partout.

    >>> maillon_faible_site({"Engagement": 30, "Mise au panier": 10, "Finalisation": 30},
    ...                     {"Engagement": 50, "Mise au panier": 8, "Finalisation": 28})
    ('Engagement', -40.0)
    """
    pire = None
    for etape in ETAPES_SITE:
        a, b = selectionne.get(etape), reference.get(etape)
        if a is None or not b:
            continue
        ecart = (a - b) / b * 100
        if ecart < 0 and (pire is None or ecart < pire[1]):
            pire = (etape, ecart)
    return pire


# ---------------------------------------------------------------------------
# Segmentation RFM d'un fichier clients
# ---------------------------------------------------------------------------

COLONNES_CLIENTS = ("id_client", "date_dernier_achat", "commandes_12_mois", "montant_12_mois")

SEGMENTS_RFM = ("Champions", "Fidèles", "Prometteurs", "À surveiller", "À risque", "Perdus")
"""Les segments, du plus précieux au plus lointain."""


def valider_clients(table: pd.DataFrame, nom: str = "le fichier clients") -> pd.DataFrame:
    """Vérifie un fichier clients (dates lisibles, au moins une commande, montants positifs) et rend une copie.

    La colonne ``date_dernier_achat`` devient une vraie date.

    >>> t = pd.DataFrame(dict(id_client=["A"], date_dernier_achat=["2026-13-01"],
    ...     commandes_12_mois=[1], montant_12_mois=[40]))
    >>> valider_clients(t)
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: Dans le fichier clients, ligne 1 (A) : la date du dernier achat « 2026-13-01 » n'est pas une date AAAA-MM-JJ.
    """
    if not isinstance(table, pd.DataFrame):
        raise ErreurSaisie(f"{nom[:1].upper() + nom[1:]} doit être un tableau (DataFrame).")
    manquantes = [c for c in COLONNES_CLIENTS if c not in table.columns]
    if manquantes:
        raise ErreurSaisie(f"Dans {nom}, il manque les colonnes : {', '.join(manquantes)}.")
    if table.empty:
        raise ErreurSaisie(f"{nom[:1].upper() + nom[1:]} est vide : il faut au moins un client.")
    copie = table.copy()
    dates = []
    for numero, ligne in enumerate(table.to_dict("records"), start=1):
        lieu = f"Dans {nom}, ligne {numero} ({ligne['id_client']})"
        try:
            dates.append(date.fromisoformat(str(ligne["date_dernier_achat"])[:10]))
        except ValueError:
            raise ErreurSaisie(
                f"{lieu} : la date du dernier achat « {ligne['date_dernier_achat']} » n'est pas une date AAAA-MM-JJ."
            ) from None
        commandes = ligne["commandes_12_mois"]
        if isinstance(commandes, bool) or not isinstance(commandes, (int, float)) or not commandes >= 1:
            raise ErreurSaisie(f"{lieu} : commandes_12_mois doit être un nombre au moins égal à 1.")
        montant = ligne["montant_12_mois"]
        if isinstance(montant, bool) or not isinstance(montant, (int, float)) or not montant >= 0:
            raise ErreurSaisie(f"{lieu} : montant_12_mois doit être un montant positif.")
    copie["date_dernier_achat"] = dates
    return copie


def note_quintile(valeurs, plus_grand_meilleur: bool = True) -> pd.Series:
    """Note de 1 à 5 par quintiles : les 20 % les moins bons ont 1, les 20 % les meilleurs ont 5.

    Des clients à égalité reçoivent la même note (celle du premier d'entre eux dans le classement).

    >>> note_quintile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).tolist()
    [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    >>> note_quintile([1, 1, 1, 1, 2]).tolist()
    [1, 1, 1, 1, 5]
    """
    serie = pd.Series(v.liste_non_vide(valeurs, "Les valeurs à noter"), dtype=float)
    rangs = serie.rank(method="min", ascending=plus_grand_meilleur)
    return (rangs / len(serie) * 5).apply(math.ceil).clip(1, 5).astype(int)


def scores_rfm(clients: pd.DataFrame, date_reference: date) -> pd.DataFrame:
    """Ajoute au fichier clients la récence (jours) et les notes R, F et M de 1 à 5.

    - R (récence) : moins il y a de jours depuis le dernier achat, meilleure est la note ;
    - F (fréquence) : plus de commandes, meilleure note ;
    - M (montant) : plus de dépenses, meilleure note.

    >>> t = pd.DataFrame(dict(id_client=list("ABCDE"), date_dernier_achat=["2026-03-30", "2026-01-01",
    ...     "2025-06-01", "2026-03-01", "2025-12-01"], commandes_12_mois=[5, 2, 1, 3, 1],
    ...     montant_12_mois=[300, 90, 40, 150, 45]))
    >>> scores_rfm(t, date(2026, 4, 1))[["id_client", "recence_jours", "R", "F", "M"]].values.tolist()[0]
    ['A', 2, 5, 5, 5]
    """
    if not isinstance(date_reference, date):
        raise ErreurSaisie("La date de référence (date_reference) doit être une date.")
    table = valider_clients(clients)
    recence = [(date_reference - d).days for d in table["date_dernier_achat"]]
    if min(recence) < 0:
        raise ErreurSaisie(
            "La date de référence (date_reference) doit suivre tous les derniers achats du fichier."
        )
    table["recence_jours"] = recence
    table["R"] = note_quintile(table["recence_jours"], plus_grand_meilleur=False).to_numpy()
    table["F"] = note_quintile(table["commandes_12_mois"]).to_numpy()
    table["M"] = note_quintile(table["montant_12_mois"]).to_numpy()
    return table


def segment_rfm(recence_jours: float, note_r: int, note_f: int, seuil_recence: float = 180) -> str:
    """Le segment d'un client, d'après sa récence, ses notes R et F et le seuil d'inactivité (jours).

    - au-delà du seuil, le client est inactif : « À risque » s'il achetait souvent (F ≥ 3), sinon « Perdus » ;
    - sous le seuil : « Champions » (R ≥ 4 et F ≥ 4), « Fidèles » (F ≥ 3), « Prometteurs »
      (R ≥ 4, peu de commandes), sinon « À surveiller ».

    >>> segment_rfm(12, 5, 5), segment_rfm(200, 2, 4), segment_rfm(200, 2, 1, seuil_recence=250)
    ('Champions', 'À risque', 'À surveiller')
    """
    recence = v.positif(recence_jours, "La récence (recence_jours)")
    r = v.note(note_r, "La note de récence (note_r)", 1, 5)
    f = v.note(note_f, "La note de fréquence (note_f)", 1, 5)
    seuil = v.strictement_positif(seuil_recence, "Le seuil d'inactivité (seuil_recence)")
    if recence > seuil:
        return "À risque" if f >= 3 else "Perdus"
    if r >= 4 and f >= 4:
        return "Champions"
    if f >= 3:
        return "Fidèles"
    if r >= 4:
        return "Prometteurs"
    return "À surveiller"


def segmenter_rfm(scores: pd.DataFrame, seuil_recence: float = 180) -> pd.DataFrame:
    """Ajoute la colonne ``segment`` à un tableau rendu par :func:`scores_rfm`.

    >>> t = pd.DataFrame(dict(recence_jours=[10, 300], R=[5, 1], F=[5, 2]))
    >>> segmenter_rfm(t)["segment"].tolist()
    ['Champions', 'Perdus']
    """
    table = scores.copy()
    table["segment"] = [
        segment_rfm(r, nr, nf, seuil_recence)
        for r, nr, nf in zip(table["recence_jours"], table["R"], table["F"], strict=True)
    ]
    return table


def synthese_segments(segmente: pd.DataFrame) -> pd.DataFrame:
    """Une ligne par segment (tous, même vides, dans l'ordre de :data:`SEGMENTS_RFM`).

    Colonnes : ``segment``, ``clients``, ``part_clients`` (%), ``montant`` (somme dépensée),
    ``part_montant`` (%), ``recence_moyenne`` (jours) et ``commandes_moyennes``.

    >>> t = pd.DataFrame(dict(segment=["Champions", "Perdus", "Perdus"], montant_12_mois=[300, 50, 50],
    ...     recence_jours=[5, 300, 200], commandes_12_mois=[6, 1, 1]))
    >>> synthese_segments(t).set_index("segment").loc["Perdus", ["clients", "part_montant"]].tolist()
    [2.0, 25.0]
    """
    total_clients = len(segmente)
    total_montant = float(segmente["montant_12_mois"].sum())
    if total_clients == 0:
        raise ErreurSaisie("Le fichier segmenté est vide : il faut au moins un client.")
    lignes = []
    for nom in SEGMENTS_RFM:
        groupe = segmente[segmente["segment"] == nom]
        n = len(groupe)
        montant = float(groupe["montant_12_mois"].sum())
        lignes.append(
            {
                "segment": nom,
                "clients": float(n),
                "part_clients": n / total_clients * 100,
                "montant": montant,
                "part_montant": montant / total_montant * 100 if total_montant else 0.0,
                "recence_moyenne": float(groupe["recence_jours"].mean()) if n else None,
                "commandes_moyennes": float(groupe["commandes_12_mois"].mean()) if n else None,
            }
        )
    return pd.DataFrame(lignes)


def clients_du_segment(
    clients: pd.DataFrame, date_reference: date, segment: str, seuil_recence: float = 180
) -> float:
    """Nombre de clients d'un segment (pratique pour un exercice corrigé automatiquement).

    >>> t = pd.DataFrame(dict(id_client=["A", "B"], date_dernier_achat=["2026-03-30", "2025-05-01"],
    ...     commandes_12_mois=[4, 1], montant_12_mois=[200, 30]))
    >>> clients_du_segment(t, date(2026, 4, 1), "À risque")
    1.0
    """
    v.choix(segment, "Le segment (segment)", SEGMENTS_RFM)
    segmente = segmenter_rfm(scores_rfm(clients, date_reference), seuil_recence)
    return float((segmente["segment"] == segment).sum())


# ---------------------------------------------------------------------------
# Et si le tunnel de commande s'améliorait ?
# ---------------------------------------------------------------------------


def simuler_tunnel(
    sessions: float, taux_panier: float, taux_abandon: float, panier_moyen: float
) -> dict[str, float]:
    """Des sessions aux ventes : paniers créés, commandes, chiffre d'affaires, conversion et CA par session.

    ``taux_panier`` : part des sessions qui créent un panier (%) ; ``taux_abandon`` : part
    des paniers abandonnés (%). Rien n'est arrondi (5,04 commandes restent 5,04).

    >>> r = simuler_tunnel(sessions=500, taux_panier=3.6, taux_abandon=72.2, panier_moyen=50)
    >>> round(r["commandes"], 2), round(r["chiffre_affaires"], 2), round(r["taux_conversion"], 2)
    (5.0, 250.2, 1.0)
    """
    sessions = v.strictement_positif(sessions, "Le nombre de sessions (sessions)", "pour simuler le tunnel")
    taux_panier = v.pourcentage(taux_panier, "Le taux de mise au panier (taux_panier)")
    taux_abandon = v.pourcentage(taux_abandon, "Le taux d'abandon de panier (taux_abandon)")
    panier = v.positif(panier_moyen, "Le panier moyen (panier_moyen)")
    paniers = sessions * taux_panier / 100
    commandes = commandes_attendues(paniers, taux_abandon)
    chiffre_affaires = commandes * panier
    return {
        "paniers": paniers,
        "commandes": commandes,
        "chiffre_affaires": chiffre_affaires,
        "taux_conversion": commandes / sessions * 100,
        "ca_par_session": chiffre_affaires / sessions,
    }
