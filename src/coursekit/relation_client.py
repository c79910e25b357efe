"""Relation client à distance et automatisation : KPI d'un centre de contacts, file d'attente,
réponses écrites, retours, flux automatisés, fidélisation chiffrée.

Les taux sont **en pour cent** (90 veut dire 90 %), les durées **en secondes**, les montants dans
la devise du cours ; rien n'est arrondi ici : on arrondit à l'affichage. Les données du cours
(listes de mots du correcteur, délais légaux, hypothèses des flux) viennent du fichier de contenu
``contenu/09-relation-client-automatisation.yaml`` ; chaque fonction les reçoit aussi en argument,
ce qui la garde pure et facile à tester.

>>> taux_decroche(appels_decroches=432, appels_recus=480)
90.0
>>> round(centre_contacts(60, 6, 240)["taux_service"], 1)
75.9
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.kpi import part_en_pourcent
from coursekit.personas import normaliser

CHAPITRE = "09"


def donnees(cle: str):
    """Une section de données du fichier de contenu du chapitre 09 (``donnees("journee_service")``).

    >>> donnees("eshop")["clients"]
    2500
    """
    return contenu.section(CHAPITRE, cle)


# --- 1. Les KPI de la relation client à distance --------------------------------------------


def taux_decroche(appels_decroches, appels_recus) -> float:
    """Taux de décroché en % : appels décrochés ÷ appels reçus × 100.

    >>> taux_decroche(450, 500)
    90.0
    """
    return part_en_pourcent(
        appels_decroches,
        appels_recus,
        "Le nombre d'appels décrochés (appels_decroches)",
        "Le nombre d'appels reçus (appels_recus)",
        "pour calculer un taux de décroché",
    )


def taux_abandon(appels_abandonnes, appels_recus) -> float:
    """Taux d'abandon en % : appels où le client a raccroché avant d'être servi ÷ appels reçus × 100.

    >>> taux_abandon(48, 480)
    10.0
    """
    return part_en_pourcent(
        appels_abandonnes,
        appels_recus,
        "Le nombre d'appels abandonnés (appels_abandonnes)",
        "Le nombre d'appels reçus (appels_recus)",
        "pour calculer un taux d'abandon",
    )


def temps_moyen_attente(attente_totale, appels_decroches) -> float:
    """Temps moyen d'attente en secondes : attente cumulée des appels décrochés ÷ appels décrochés.

    >>> temps_moyen_attente(15_120, 432)
    35.0
    """
    attente = v.positif(attente_totale, "L'attente cumulée (attente_totale)")
    appels = v.strictement_positif(
        appels_decroches,
        "Le nombre d'appels décrochés (appels_decroches)",
        "pour calculer une attente moyenne",
    )
    return attente / appels


def duree_moyenne_traitement(conversation_totale, post_traitement_totale, appels_traites) -> float:
    """DMT en secondes : (conversation + post-traitement) ÷ appels traités.

    Le post-traitement est le travail fait juste après l'appel (notes dans le CRM, e-mail de suivi).

    >>> duree_moyenne_traitement(77_760, 25_920, 432)
    240.0
    """
    conversation = v.positif(conversation_totale, "Le temps de conversation cumulé (conversation_totale)")
    post = v.positif(post_traitement_totale, "Le temps de post-traitement cumulé (post_traitement_totale)")
    appels = v.strictement_positif(
        appels_traites, "Le nombre d'appels traités (appels_traites)", "pour calculer une DMT"
    )
    return (conversation + post) / appels


def taux_resolution_premier_contact(resolus_premier_contact, demandes_traitees) -> float:
    """Taux de résolution au premier contact (FCR, *first contact resolution*) en %.

    >>> taux_resolution_premier_contact(324, 432)
    75.0
    """
    return part_en_pourcent(
        resolus_premier_contact,
        demandes_traitees,
        "Le nombre de demandes réglées au premier contact (resolus_premier_contact)",
        "Le nombre de demandes traitées (demandes_traitees)",
        "pour calculer un taux de résolution",
    )


def taux_joignabilite(contacts_utiles, appels_emis) -> float:
    """Appels sortants : contacts utiles (la bonne personne au bout du fil) ÷ appels émis × 100.

    >>> taux_joignabilite(210, 600)
    35.0
    """
    return part_en_pourcent(
        contacts_utiles,
        appels_emis,
        "Le nombre de contacts utiles (contacts_utiles)",
        "Le nombre d'appels émis (appels_emis)",
        "pour calculer un taux de joignabilité",
    )


def taux_transformation(ventes, contacts_utiles) -> float:
    """Appels sortants : ventes ÷ contacts utiles × 100.

    >>> taux_transformation(42, 210)
    20.0
    """
    return part_en_pourcent(
        ventes,
        contacts_utiles,
        "Le nombre de ventes (ventes)",
        "Le nombre de contacts utiles (contacts_utiles)",
        "pour calculer un taux de transformation",
    )


def kpi_journee(j: Mapping) -> dict:
    """Tous les KPI d'une journée de service client (clés du fichier de contenu, section ``journee_service``).

    >>> r = kpi_journee({"appels_recus": 100, "appels_decroches": 90, "appels_abandonnes": 10,
    ...     "attente_totale": 1800, "conversation_totale": 18000, "post_traitement_totale": 3600,
    ...     "resolus_premier_contact": 72, "appels_emis": 50, "contacts_utiles": 20, "ventes": 5})
    >>> r["taux_decroche"], r["dmt"], r["taux_transformation"]
    (90.0, 240.0, 25.0)
    """
    v.partie_du_tout(
        j["appels_decroches"] + j["appels_abandonnes"],
        j["appels_recus"],
        "Les appels décrochés et abandonnés ensemble",
        "Le nombre d'appels reçus",
    )
    return {
        "taux_decroche": taux_decroche(j["appels_decroches"], j["appels_recus"]),
        "taux_abandon": taux_abandon(j["appels_abandonnes"], j["appels_recus"]),
        "attente_moyenne": temps_moyen_attente(j["attente_totale"], j["appels_decroches"]),
        "dmt": duree_moyenne_traitement(
            j["conversation_totale"], j["post_traitement_totale"], j["appels_decroches"]
        ),
        "taux_fcr": taux_resolution_premier_contact(j["resolus_premier_contact"], j["appels_decroches"]),
        "taux_joignabilite": taux_joignabilite(j["contacts_utiles"], j["appels_emis"]),
        "taux_transformation": taux_transformation(j["ventes"], j["contacts_utiles"]),
    }


# --- 2. La file d'attente d'un centre de contacts (modèle d'Erlang C) -----------------------


def trafic_erlangs(appels_par_heure, dmt) -> float:
    """Trafic en erlangs : appels par heure × DMT (s) ÷ 3 600, soit le nombre de conseillers
    occupés en permanence si les appels arrivaient parfaitement réguliers.

    >>> trafic_erlangs(60, 240)
    4.0
    """
    appels = v.positif(appels_par_heure, "Le nombre d'appels par heure (appels_par_heure)")
    duree = v.strictement_positif(dmt, "La durée moyenne de traitement (dmt)", "pour calculer un trafic")
    return appels * duree / 3600


def erlang_c(trafic, conseillers) -> float:
    """Probabilité d'attendre (en %) d'après la formule d'Erlang C.

    Modèle standard des centres d'appels (file M/M/N) : appels qui arrivent au hasard (loi de
    Poisson), durées de traitement exponentielles, ``conseillers`` conseillers, aucun appelant ne
    raccroche. Calcul stable par la récurrence d'Erlang B :
    ``B(0) = 1``, ``B(k) = A·B(k−1) ÷ (k + A·B(k−1))``, puis ``C = N·B ÷ (N − A·(1 − B))``.
    Avec autant de conseillers que d'erlangs ou moins, la file s'allonge sans fin : 100 %.

    >>> round(erlang_c(2, 3), 4)  # 4/9
    44.4444
    >>> erlang_c(4, 4)
    100.0
    """
    a = v.positif(trafic, "Le trafic (trafic)")
    n = v.entier_positif(conseillers, "Le nombre de conseillers (conseillers)")
    if n == 0 or a >= n:
        return 100.0
    b = 1.0
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return 100 * n * b / (n - a * (1 - b))


def part_abandons(appels_par_heure, conseillers, dmt, patience=60) -> float:
    """Part des appelants (en %) qui raccrochent avant d'être servis, d'après le modèle d'Erlang A.

    Erlang A (ou modèle de Palm) complète Erlang C : chaque appelant a une patience au hasard
    (loi exponentielle de moyenne ``patience`` secondes) et raccroche quand elle est épuisée. La
    file est une chaîne de naissance et de mort : avec ``k`` appels présents, il en arrive au rythme
    λ et il en part ``min(k, N) ÷ DMT`` (servis) + ``max(k − N, 0) ÷ patience`` (raccrochés). La part
    des abandons vaut alors (attendants moyens ÷ patience) ÷ λ. Contrairement à Erlang C, la file
    reste finie même quand l'équipe est trop petite.

    >>> round(part_abandons(60, 5, 240), 1), round(part_abandons(60, 8, 240), 1)
    (15.0, 1.7)
    """
    lam = v.positif(appels_par_heure, "Le nombre d'appels par heure (appels_par_heure)") / 3600
    n = v.entier_positif(conseillers, "Le nombre de conseillers (conseillers)")
    mu = 1 / v.strictement_positif(dmt, "La durée moyenne de traitement (dmt)", "pour calculer une file")
    theta = 1 / v.strictement_positif(
        patience, "La patience des appelants (patience)", "pour estimer les abandons"
    )
    if lam == 0:
        return 0.0
    logs = [0.0]
    haut = 0.0
    for k in range(1, n + 100_000):
        sortie = min(k, n) * mu + max(k - n, 0) * theta
        logs.append(logs[-1] + math.log(lam / sortie))
        haut = max(haut, logs[-1])
        if k > n and sortie > lam and logs[-1] < haut - 40:
            break
    poids = [math.exp(x - haut) for x in logs]
    total = sum(poids)
    attendants = sum(max(k - n, 0) * p for k, p in enumerate(poids)) / total
    return 100 * theta * attendants / lam


def centre_contacts(
    appels_par_heure,
    conseillers,
    dmt,
    seuil_attente=20,
    patience=60,
    cout_horaire=25,
) -> dict:
    """Ce que donne une heure de centre de contacts, d'après les modèles d'Erlang C et d'Erlang A.

    Entrées : appels reçus par heure, conseillers en ligne, DMT en secondes, seuil du taux de
    service (décroché en moins de ``seuil_attente`` secondes), ``patience`` moyenne des appelants
    (en secondes) et coût horaire chargé d'un conseiller.

    Rend un dict : ``trafic`` (erlangs), ``stable`` (la file d'Erlang C se vide-t-elle ?),
    ``probabilite_attente`` (%), ``attente_moyenne`` (s, sur tous les appels), ``taux_service``
    (% décrochés avant le seuil), ``taux_decroche`` (% des appelants servis, les autres ayant
    raccroché : :func:`part_abandons`), ``taux_occupation`` (% du temps des conseillers passé à
    traiter), ``appels_decroches`` et ``cout_par_contact`` (coût des conseillers ÷ appels décrochés).

    Attente et taux de service suivent Erlang C (personne ne raccroche : c'est l'hypothèse
    prudente) ; quand la file n'est pas stable, l'attente est sans fin et le taux de service nul.

    >>> r = centre_contacts(60, 5, 240)
    >>> round(r["probabilite_attente"], 1), round(r["attente_moyenne"]), round(r["taux_decroche"])
    (55.4, 133, 85)
    """
    a = trafic_erlangs(appels_par_heure, dmt)
    n = v.entier_positif(conseillers, "Le nombre de conseillers (conseillers)")
    seuil = v.positif(seuil_attente, "Le seuil d'attente (seuil_attente)")
    cout = v.positif(cout_horaire, "Le coût horaire d'un conseiller (cout_horaire)")
    abandons = part_abandons(appels_par_heure, n, dmt, patience)
    appels = float(appels_par_heure)
    stable = n > a
    if appels == 0:
        c, attente, taux_service = 0.0, 0.0, 100.0
    elif stable:
        c = erlang_c(a, n) / 100
        marge = (n - a) / float(dmt)  # vitesse à laquelle la file se vide, par seconde
        attente = c / marge  # C × DMT ÷ (N − A)
        taux_service = 100 * (1 - c * math.exp(-marge * seuil))
    else:
        c, attente, taux_service = 1.0, math.inf, 0.0
    decroches = appels * (100 - abandons) / 100
    occupation = 100 * decroches * float(dmt) / 3600 / n if n else 0.0
    return {
        "trafic": a,
        "stable": stable,
        "probabilite_attente": 100 * c,
        "attente_moyenne": attente,
        "taux_service": taux_service,
        "taux_decroche": 100 - abandons,
        "taux_occupation": min(100.0, occupation),
        "appels_decroches": decroches,
        "cout_par_contact": n * cout / decroches if decroches else math.inf,
        "conseillers": n,
    }


def conseillers_necessaires(appels_par_heure, dmt, objectif_service=80, seuil_attente=20) -> int:
    """Le plus petit nombre de conseillers qui décroche ``objectif_service`` % des appels en moins de
    ``seuil_attente`` secondes (la norme « 80/20 » des centres d'appels).

    >>> conseillers_necessaires(60, 240)
    7
    """
    objectif = v.pourcentage(objectif_service, "L'objectif de taux de service (objectif_service)")
    if objectif >= 100:
        raise ErreurSaisie(
            "L'objectif de taux de service (objectif_service) doit rester sous 100 % : aucune équipe "
            "ne garantit que tous les appels seront décrochés à temps."
        )
    a = trafic_erlangs(appels_par_heure, dmt)
    n = max(1, math.floor(a) + 1)
    while centre_contacts(appels_par_heure, n, dmt, seuil_attente)["taux_service"] < objectif:
        n += 1
    return n


def duree_lisible(secondes: float) -> str:
    """Une durée en secondes écrite pour un humain : ``35 s``, ``2 min 13 s``, ``4 min``.

    >>> duree_lisible(133.2), duree_lisible(240), duree_lisible(7.6)
    ('2\\xa0min\\xa013\\xa0s', '4\\xa0min', '8\\xa0s')
    """
    if isinstance(secondes, float) and secondes == math.inf:
        return "sans fin"
    s = v.positif(secondes, "La durée (secondes)")
    s = round(s)
    minutes, reste = divmod(s, 60)
    if minutes == 0:
        return f"{reste}\xa0s"
    if reste == 0:
        return f"{minutes}\xa0min"
    return f"{minutes}\xa0min\xa0{reste}\xa0s"


# --- 3. Le correcteur de réponses écrites ----------------------------------------------------

SCHEMA_REDACTION = {
    "type": "object",
    "required": [
        "mots_outils",
        "sujets",
        "repetition_max",
        "densite_max",
        "part_mots_outils_min",
        "empathie",
        "politesse",
        "salutations",
        "ton_negatif",
        "familier",
        "delai_mots",
        "contact_mots",
    ],
    "properties": {
        "repetition_max": {"type": "integer", "minimum": 1},
        "densite_max": {"type": "number", "minimum": 0, "maximum": 100},
        "part_mots_outils_min": {"type": "number", "minimum": 0, "maximum": 100},
    },
    "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
}
CRITERES = ("prenom", "empathie", "action", "delai", "contact", "signature", "ton")
SCHEMA_SITUATIONS = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {
        "type": "object",
        "required": ["titre", "canal", "prenom", "criteres", "action", "mots_max"],
        "properties": {
            "titre": {"type": "string", "minLength": 1},
            "canal": {"enum": ["chat", "email", "avis"]},
            "prenom": {"type": "string", "minLength": 1},
            "criteres": {"type": "array", "minItems": 1, "items": {"enum": list(CRITERES)}},
            "action": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            "mots_max": {"type": "integer", "minimum": 10},
        },
    },
}
SCHEMA_CRITERES = {
    "type": "object",
    "required": list(CRITERES),
    "additionalProperties": {
        "type": "object",
        "required": ["titre", "manque", "present"],
        "properties": {k: {"type": "string", "minLength": 1} for k in ("titre", "manque", "present")},
    },
}

_DELAI_CHIFFRE = re.compile(
    r"(?i)\b\d+\s*(?:h\b|heures?\b|min\b|minutes?\b|jours?\b|j\b|semaines?\b)|\bj\s*\+\s*\d+"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TELEPHONE = re.compile(r"(?:\+\d{2,3}[\s.]?)?(?:\d[\s.]?){9,}")
_MAJUSCULES = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{3,}\b")
_SIGLES = {"NPS", "SMS", "CRM", "TTC", "FAQ", "SAV", "CGV", "RGPD"}


def regles_redaction() -> dict:
    """Les listes de mots du correcteur (fichier de contenu du chapitre 09, section ``redaction``)."""
    return contenu.section(CHAPITRE, "redaction", SCHEMA_REDACTION)


def situations() -> dict:
    """Les situations de réponse du chapitre 09 (chat, e-mail, avis), validées."""
    return contenu.section(CHAPITRE, "situations", SCHEMA_SITUATIONS)


def textes_criteres() -> dict:
    """Titre et phrases du correcteur pour chaque critère."""
    return contenu.section(CHAPITRE, "criteres_reponse", SCHEMA_CRITERES)


def mots(texte: str) -> list[str]:
    """Les mots d'un texte, apostrophes comprises (``l'étiquette`` compte pour un mot).

    >>> mots("Bonjour Camille, voici -10 % !")
    ['Bonjour', 'Camille', 'voici', '10']
    """
    return re.findall(r"\w+(?:['’]\w+)*", texte)


def phrases(texte: str) -> list[str]:
    """Les phrases d'un texte (coupées aux points, points d'exclamation ou d'interrogation, sauts de ligne).

    >>> phrases("Bonjour Yanis. Je suis désolé !\\nCordialement")
    ['Bonjour Yanis', 'Je suis désolé', 'Cordialement']
    """
    return [p.strip(" ,;:—-") for p in re.split(r"[.!?…]+(?:\s|$)|\n+", texte) if p.strip(" ,;:—-")]


def _est_expression(entree: str) -> bool:
    return not re.fullmatch(r"\w+", entree)


def _citation(entree: str, texte: str) -> str:
    """L'entrée telle que l'élève l'a écrite (accents et majuscules compris), si on la retrouve."""
    norm = normaliser(texte)
    if len(norm) == len(texte):
        debut = norm.find(normaliser(entree))
        if debut >= 0:
            return texte[debut : debut + len(entree)]
    return entree


def _trouver(entrees: Sequence[str], texte: str) -> list[str]:
    """Les entrées présentes : un mot seul est un début de mot, une expression est cherchée telle quelle.

    La comparaison ignore majuscules et accents.
    """
    norm = normaliser(texte)
    jetons = [normaliser(m) for m in mots(texte)]
    trouves = []
    for entree in entrees:
        cle = normaliser(entree)
        if _est_expression(cle):
            if re.search(r"(?<!\w)" + re.escape(cle), norm):
                trouves.append(entree)
        elif any(j.startswith(cle) for j in jetons):
            trouves.append(entree)
    return trouves


@dataclass(frozen=True)
class Element:
    """Un élément attendu dans la réponse : présent ou non, et la phrase du correcteur."""

    critere: str
    titre: str
    ok: bool
    texte: str


@dataclass(frozen=True)
class AnalyseReponse:
    """Le résultat de :func:`analyser_reponse`."""

    situation: str
    elements: tuple[Element, ...]
    bourrage: bool
    remarques: tuple[str, ...]
    nombre_mots: int

    @property
    def manquants(self) -> list[Element]:
        """Les éléments absents (tous, si la réponse aligne des mots-clés)."""
        return [e for e in self.elements if not e.ok]

    @property
    def score(self) -> int:
        """Nombre d'éléments présents."""
        return sum(e.ok for e in self.elements)

    @property
    def complete(self) -> bool:
        """Vrai quand tous les éléments sont là, sans bourrage de mots-clés."""
        return not self.manquants and not self.bourrage

    def resume(self) -> str:
        """Une phrase qui nomme ce qui manque."""
        if self.bourrage:
            return self.remarques[0]
        if not self.manquants:
            return f"Réponse complète : les {len(self.elements)} éléments attendus sont là."
        noms = [e.titre.lower() for e in self.manquants]
        liste = noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]
        return f"{self.score} éléments sur {len(self.elements)}. Il manque : {liste}."


def _phrases_utiles(texte: str, regles: Mapping, signaux: Sequence[str]) -> list[str]:
    """Les vraies phrases : quatre mots au moins, un sujet ou un verbe courant (je, vous, est, voici…),
    et pas plus de la moitié de mots-signaux. Une suite de mots-clés n'en est pas une."""
    sujets = set(regles["sujets"])
    simples = [normaliser(s) for s in signaux if not _est_expression(normaliser(s))]
    utiles = []
    for p in phrases(texte):
        jetons = [normaliser(m) for m in mots(p)]
        signal = sum(any(j.startswith(s) for s in simples) for j in jetons)
        if len(jetons) >= 4 and any(j in sujets for j in jetons) and signal <= len(jetons) / 2:
            utiles.append(p)
    return utiles


def _bourrage(texte: str, regles: Mapping, signaux: Sequence[str]) -> str:
    """Un message d'alerte si le texte aligne des mots-clés au lieu de phrases ; sinon ``""``."""
    jetons = [normaliser(m) for m in mots(texte)]
    n = len(jetons)
    if n < 6:
        return ""
    outils = set(regles["mots_outils"])
    part_outils = 100 * sum(j in outils for j in jetons) / n
    simples = [normaliser(s) for s in signaux if not _est_expression(normaliser(s))]
    ecrits = {normaliser(m): m.lower() for m in mots(texte)}
    touches = [j for j in jetons if any(j.startswith(s) for s in simples)]
    for mot in sorted(set(touches)):
        if touches.count(mot) > regles["repetition_max"]:
            return (
                f"Le mot « {ecrits[mot]} » revient {touches.count(mot)} fois : on dirait une liste de mots-clés. "
                "Écrivez de vraies phrases, chaque idée une fois."
            )
    if part_outils < regles["part_mots_outils_min"]:
        return (
            "Votre texte aligne des mots-clés sans faire de phrases : le client lirait une liste. "
            "Écrivez des phrases complètes (sujet, verbe, complément)."
        )
    if 100 * len(touches) / n > regles["densite_max"]:
        return (
            "Presque chaque mot est un mot-clé : c'est du remplissage, pas une réponse. "
            "Dites les choses une fois, simplement, dans des phrases."
        )
    return ""


def analyser_reponse(
    texte: str,
    situation: Mapping,
    regles: Mapping | None = None,
    textes: Mapping | None = None,
) -> AnalyseReponse:
    """Relit une réponse écrite à un client et dit quels éléments attendus sont là.

    ``situation`` décrit le cas (prénom du client, canal, critères demandés, mots d'une action
    concrète) ; ``regles`` et ``textes`` viennent du fichier de contenu. Un élément ne compte que
    s'il figure dans une vraie phrase (quatre mots au moins, avec un sujet ou un verbe courant
    comme « je », « vous », « est », et pas plus de moitié de mots-clés) ; le prénom doit venir dans
    la première phrase et la signature à la fin. Un texte qui aligne ou répète des mots-clés, ou
    qui en est presque entièrement fait, ne gagne rien : le correcteur le dit. C'est une relecture
    automatique, pas un jugement : elle repère des signaux, le professeur juge le fond.

    >>> s = situations()["produit_defectueux"]
    >>> a = analyser_reponse("Bonjour Yanis, je suis désolé pour cette fuite. Une nouvelle gourde "
    ...     "part aujourd'hui. Écrivez-moi à aide@grainedeville.fr. Cordialement, Léa", s)
    >>> a.complete
    True
    >>> analyser_reponse("Yanis désolé remplacement aujourd'hui contact cordialement", s).score
    0
    """
    texte = v.texte(texte, "La réponse (texte)")
    regles = regles if regles is not None else regles_redaction()
    textes = textes if textes is not None else textes_criteres()
    prenom = normaliser(situation["prenom"])
    liste_mots = mots(texte)
    n = len(liste_mots)
    signaux = [
        *regles["empathie"],
        *regles["politesse"],
        *regles["delai_mots"],
        *regles["contact_mots"],
        *situation["action"],
    ]
    alerte = _bourrage(texte, regles, signaux) if n else ""
    utiles = _phrases_utiles(texte, regles, signaux)
    if n and not utiles and not alerte:
        alerte = (
            "Aucune phrase complète : un client attend des phrases avec un sujet et un verbe "
            "(« Je vous envoie… », « Vous recevrez… »), pas une suite de mots."
        )
    corps = "\n".join(utiles)
    toutes = phrases(texte)
    trouve: dict[str, bool] = {}

    premiere = normaliser(" ".join(mots(toutes[0]))) if toutes else ""
    trouve["prenom"] = bool(re.search(r"(?<!\w)" + re.escape(prenom) + r"(?!\w)", premiere))
    trouve["empathie"] = bool(_trouver(regles["empathie"], corps))
    trouve["action"] = bool(_trouver(situation["action"], corps))
    trouve["delai"] = bool(_DELAI_CHIFFRE.search(corps) or _trouver(regles["delai_mots"], corps))
    trouve["contact"] = bool(
        _EMAIL.search(texte)
        and corps
        or _TELEPHONE.search(texte)
        and corps
        or _trouver(regles["contact_mots"], corps)
    )
    fin = toutes[-2:] if len(toutes) >= 2 else toutes
    derniere = toutes[-1] if toutes else ""
    mots_fin = mots(derniere)
    trouve["signature"] = bool(
        len(mots_fin) <= 8
        and any(m[:1].isupper() and normaliser(m) != prenom for m in mots_fin)
        and not any(normaliser(m) in regles["sujets"] for m in mots_fin)
        and not _trouver(regles["salutations"], derniere)
    ) or bool(_trouver(["l'equipe", "service client"], "\n".join(fin)))
    negatif = _trouver(regles["ton_negatif"], texte) + _trouver(regles["familier"], texte)
    cries = [m for m in _MAJUSCULES.findall(texte) if m not in _SIGLES]
    courtois = bool(_trouver(regles["politesse"], texte) or _trouver(regles["salutations"], texte))
    trouve["ton"] = courtois and not negatif and len(cries) < 2 and "!!" not in texte

    elements = []
    for critere in situation["criteres"]:
        ok = trouve[critere] and not alerte and n > 0
        phrase = textes[critere]["present" if ok else "manque"].replace("{prenom}", situation["prenom"])
        if critere == "ton" and not ok and negatif and not alerte:
            phrase = f"À éviter : « {_citation(negatif[0], texte)} ». " + phrase
        elements.append(Element(critere, textes[critere]["titre"], ok, phrase))
    remarques = [alerte] if alerte else []
    if not n:
        remarques.append("La réponse est vide : écrivez votre message au client.")
    elif n > situation["mots_max"]:
        remarques.append(
            f"{n} mots : c'est long pour ce canal ({situation['mots_max']} mots au plus). Allez à l'essentiel."
        )
    return AnalyseReponse(situation["titre"], tuple(elements), bool(alerte), tuple(remarques), n)


# --- 4. Retours et droit de rétractation -----------------------------------------------------

SCHEMA_RETRACTATION = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {
        "type": "object",
        "required": ["jours", "texte"],
        "properties": {"jours": {"type": "integer", "minimum": 0}, "texte": {"type": "string"}},
    },
}


def delais_legaux() -> dict:
    """Délai légal de rétractation par pays (fichier de contenu, section ``retractation``)."""
    return contenu.section(CHAPITRE, "retractation", SCHEMA_RETRACTATION)


def jours_de_retour(pays, jours_offerts=0, delais: Mapping | None = None) -> int:
    """Jours dont dispose le client pour renvoyer un article : délai légal du pays + jours offerts.

    >>> jours_de_retour("France", 16), jours_de_retour("Maroc")
    (30, 7)
    """
    delais = delais if delais is not None else delais_legaux()
    pays = v.choix(pays, "Le pays (pays)", list(delais))
    offerts = v.entier_positif(jours_offerts, "Les jours offerts par la boutique (jours_offerts)")
    return delais[pays]["jours"] + offerts


def date_limite_retour(date_reception: date, pays, jours_offerts=0, delais: Mapping | None = None) -> date:
    """Dernier jour pour se rétracter, en comptant à partir du lendemain de la réception.

    >>> date_limite_retour(date(2026, 3, 2), "France")
    datetime.date(2026, 3, 16)
    """
    if not isinstance(date_reception, date):
        raise ErreurSaisie("La date de réception (date_reception) doit être une date.")
    return date_reception + timedelta(days=jours_de_retour(pays, jours_offerts, delais))


def calendrier_post_achat(date_commande: date, etapes: Sequence[Mapping]) -> pd.DataFrame:
    """Les dates de la séquence après l'achat (J0, J+3, J+7, J+10, J+30) pour une commande donnée.

    >>> calendrier_post_achat(date(2026, 3, 2), [{"jour": 0, "canal": "e-mail", "message": "merci"},
    ...     {"jour": 7, "canal": "e-mail", "message": "avis"}])["date"].tolist()
    [datetime.date(2026, 3, 2), datetime.date(2026, 3, 9)]
    """
    if not isinstance(date_commande, date):
        raise ErreurSaisie("La date de commande (date_commande) doit être une date.")
    etapes = v.liste_non_vide(etapes, "La séquence (etapes)")
    lignes = []
    for e in etapes:
        jour = v.entier_positif(e["jour"], "Le jour d'un message (jour)")
        lignes.append(
            {
                "moment": "J0" if jour == 0 else f"J+{jour}",
                "date": date_commande + timedelta(days=jour),
                "canal": e["canal"],
                "message": e["message"],
            }
        )
    return pd.DataFrame(lignes)


# --- 5. Flux automatisés ---------------------------------------------------------------------

SCHEMA_FLUX = {
    "type": "object",
    "required": ["horizon", "panier_moyen", "clients", "sensibilite_remise", "push", "types"],
    "properties": {
        "horizon": {"type": "integer", "minimum": 1},
        "panier_moyen": {"type": "number", "exclusiveMinimum": 0},
        "clients": {"type": "integer", "minimum": 1},
        "sensibilite_remise": {"type": "number", "minimum": 0},
        "push": {
            "type": "object",
            "required": ["abonnes", "conversion", "maximum_conseille", "perte_par_push_en_trop"],
        },
        "types": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": [
                    "titre",
                    "personnes",
                    "conversion",
                    "unite",
                    "delai_ideal",
                    "tolerance",
                    "delai",
                    "delai_max",
                    "remise",
                    "explication",
                ],
                "properties": {
                    "personnes": {"type": "number", "minimum": 0},
                    "conversion": {"type": "number", "minimum": 0, "maximum": 100},
                    "tolerance": {"type": "number", "exclusiveMinimum": 0},
                    "unite": {"enum": ["heures", "jours"]},
                },
            },
        },
    },
}


def hypotheses_flux() -> dict:
    """Les hypothèses des flux de Graine de Ville (fichier de contenu, section ``flux``)."""
    return contenu.section(CHAPITRE, "flux", SCHEMA_FLUX)


def conversion_flux(conversion, delai, delai_ideal, tolerance, remise, sensibilite_remise=3) -> float:
    """Taux de conversion (en %) d'un flux selon son délai d'envoi et son offre.

    Hypothèse du cours : la conversion de base vaut au délai idéal ; elle est divisée par
    ``1 + écart ÷ tolérance`` quand on s'en éloigne (deux fois moindre à une tolérance d'écart) ;
    chaque point de remise l'augmente de ``sensibilite_remise`` % en valeur relative. Plafond : 100 %.

    >>> conversion_flux(10, 1, 1, 4, 0), conversion_flux(10, 5, 1, 4, 0), round(conversion_flux(10, 1, 1, 4, 10), 1)
    (10.0, 5.0, 13.0)
    """
    base = v.pourcentage(conversion, "La conversion de base (conversion)")
    d = v.positif(delai, "Le délai d'envoi (delai)")
    ideal = v.positif(delai_ideal, "Le délai idéal (delai_ideal)")
    tol = v.strictement_positif(tolerance, "La tolérance (tolerance)")
    r = v.pourcentage(remise, "La remise (remise)")
    s = v.positif(sensibilite_remise, "La sensibilité à la remise (sensibilite_remise)")
    return min(100.0, base / (1 + abs(d - ideal) / tol) * (1 + s * r / 100))


def simuler_flux(reglages: Mapping, push_par_semaine=2, hypotheses: Mapping | None = None) -> dict:
    """Commandes et chiffre d'affaires supplémentaires des flux automatisés sur l'horizon (90 jours).

    ``reglages`` associe un flux (``bienvenue``, ``panier``, ``reconquete``, ``anniversaire``,
    ``reassort``) à ``{"actif": bool, "delai": …, "remise": …}`` ; un flux absent garde ses
    réglages par défaut et reste actif. ``push_par_semaine`` règle les notifications push
    promotionnelles : au-delà du maximum conseillé (3), une part des abonnés coupe les notifications
    chaque semaine.

    Rend un dict : ``flux`` (DataFrame, une ligne par flux : personnes, conversion, commandes,
    chiffre d'affaires, coût des remises), ``commandes_push``, ``abonnes_perdus``, ``commandes``,
    ``chiffre_affaires``, ``cout_remises``, ``push_trop_nombreux``.

    >>> r = simuler_flux({}, 2)
    >>> round(r["commandes"]), round(r["chiffre_affaires"])
    (87, 4059)
    """
    h = hypotheses if hypotheses is not None else hypotheses_flux()
    semaines = h["horizon"] / 7
    lignes = []
    for cle, t in h["types"].items():
        choix = dict(reglages.get(cle, {}))
        actif = choix.get("actif", True)
        if not isinstance(actif, bool):
            raise ErreurSaisie(f"Le réglage « actif » du flux {t['titre']} doit valoir vrai ou faux.")
        delai = choix.get("delai", t["delai"])
        remise = choix.get("remise", t["remise"])
        v.positif(delai, f"Le délai du flux {t['titre']} (delai)")
        if delai > t["delai_max"]:
            raise ErreurSaisie(
                f"Le délai du flux {t['titre']} (delai) ne peut pas dépasser {t['delai_max']} {t['unite']}."
            )
        taux = conversion_flux(
            t["conversion"], delai, t["delai_ideal"], t["tolerance"], remise, h["sensibilite_remise"]
        )
        commandes = t["personnes"] * taux / 100 if actif else 0.0
        brut = commandes * h["panier_moyen"]
        lignes.append(
            {
                "flux": cle,
                "titre": t["titre"],
                "actif": actif,
                "personnes": t["personnes"] if actif else 0,
                "conversion": taux if actif else 0.0,
                "commandes": commandes,
                "chiffre_affaires": brut * (1 - remise / 100),
                "cout_remises": brut * remise / 100,
            }
        )
    table = pd.DataFrame(lignes)
    push = h["push"]
    f = v.positif(push_par_semaine, "Le nombre de push par semaine (push_par_semaine)")
    if f > 14:
        raise ErreurSaisie("Le nombre de push par semaine (push_par_semaine) ne peut pas dépasser 14.")
    abonnes = float(push["abonnes"])
    commandes_push = 0.0
    en_trop = max(0.0, f - push["maximum_conseille"])
    perte = min(1.0, push["perte_par_push_en_trop"] * en_trop / 100)
    restants = abonnes
    for _ in range(int(round(semaines))):
        commandes_push += restants * f * push["conversion"] / 100
        restants *= 1 - perte
    ca_push = commandes_push * h["panier_moyen"]
    return {
        "flux": table,
        "commandes_push": commandes_push,
        "chiffre_affaires_push": ca_push,
        "abonnes_push": abonnes,
        "abonnes_perdus": abonnes - restants,
        "push_trop_nombreux": f > push["maximum_conseille"],
        "commandes": float(table["commandes"].sum()) + commandes_push,
        "chiffre_affaires": float(table["chiffre_affaires"].sum()) + ca_push,
        "cout_remises": float(table["cout_remises"].sum()),
        "horizon": h["horizon"],
    }


# --- 6. Newsletter, budget, groupes VIP ------------------------------------------------------


def plan_newsletter(blocs, parts: Sequence[Mapping]) -> pd.DataFrame:
    """Répartit ``blocs`` blocs d'une newsletter selon les parts des sections (40/30/20/10 %).

    Méthode du plus fort reste : les blocs entiers suivent les parts au plus près, et leur somme
    fait toujours ``blocs``.

    >>> plan_newsletter(10, [{"section": "A", "part": 40}, {"section": "B", "part": 30},
    ...     {"section": "C", "part": 20}, {"section": "D", "part": 10}])["blocs"].tolist()
    [4, 3, 2, 1]
    """
    n = v.entier_positif(blocs, "Le nombre de blocs (blocs)")
    parts = v.liste_non_vide(parts, "Les sections (parts)")
    total = sum(v.positif(p["part"], "La part d'une section (part)") for p in parts)
    if abs(total - 100) > 0.01:
        raise ErreurSaisie(f"Les parts des sections doivent faire 100 % (ici {total:g} %).")
    exacts = [n * p["part"] / 100 for p in parts]
    entiers = [math.floor(x) for x in exacts]
    for i in sorted(range(len(parts)), key=lambda i: -(exacts[i] - entiers[i]))[: n - sum(entiers)]:
        entiers[i] += 1
    return pd.DataFrame(
        {"section": [p["section"] for p in parts], "part": [p["part"] for p in parts], "blocs": entiers}
    )


def budget_lancement(postes: Sequence[Mapping]) -> dict:
    """Totaux d'un budget en fourchette : ``minimum``, ``maximum`` et ``milieu``.

    >>> budget_lancement([{"minimum": 400, "maximum": 800}, {"minimum": 1000, "maximum": 2000}])
    {'minimum': 1400.0, 'maximum': 2800.0, 'milieu': 2100.0}
    """
    postes = v.liste_non_vide(postes, "Les postes du budget (postes)")
    mini = sum(v.positif(p["minimum"], "Le budget minimum d'un poste (minimum)") for p in postes)
    maxi = sum(v.positif(p["maximum"], "Le budget maximum d'un poste (maximum)") for p in postes)
    v.partie_du_tout(mini, maxi, "Le budget minimum", "Le budget maximum")
    return {"minimum": mini, "maximum": maxi, "milieu": (mini + maxi) / 2}


def duree_relation(taux_retention) -> float:
    """Durée moyenne de la relation, en années : 1 ÷ (1 − r), r étant la rétention annuelle en %.

    Chaque année, une part ``r`` des clients reste : en moyenne, un client reste 1 ÷ (1 − r) ans.

    >>> duree_relation(50), duree_relation(60)
    (2.0, 2.5)
    """
    r = v.pourcentage(taux_retention, "Le taux de rétention (taux_retention)")
    if r >= 100:
        raise ErreurSaisie(
            "Le taux de rétention (taux_retention) doit rester sous 100 % : sinon, personne ne part jamais."
        )
    return 1 / (1 - r / 100)


def comparer_vip(depense_annuelle, hausse_depense=45, retention_vip=85, retention_moyenne=60) -> dict:
    """Valeur d'un membre VIP face à un client moyen : dépense annuelle × durée moyenne de la relation.

    >>> r = comparer_vip(100)
    >>> round(r["valeur_moyenne"]), round(r["valeur_vip"]), round(r["rapport"], 2)
    (250, 967, 3.87)
    """
    depense = v.strictement_positif(depense_annuelle, "La dépense annuelle (depense_annuelle)")
    hausse = v.nombre(hausse_depense, "La hausse de dépense des VIP (hausse_depense)")
    moyenne = depense * duree_relation(retention_moyenne)
    vip = depense * (1 + hausse / 100) * duree_relation(retention_vip)
    return {
        "depense_vip": depense * (1 + hausse / 100),
        "duree_moyenne": duree_relation(retention_moyenne),
        "duree_vip": duree_relation(retention_vip),
        "valeur_moyenne": moyenne,
        "valeur_vip": vip,
        "rapport": vip / moyenne,
    }


# --- 7. Le club de course à pied et l'e-shop de cosmétiques ----------------------------------


def avant_apres(indicateurs: Sequence[Mapping]) -> pd.DataFrame:
    """Le tableau avant → après d'un cas : après = avant × (1 + évolution ÷ 100).

    Pour un taux, l'écart est aussi donné en points (``ecart_points``, ``None`` sinon) ; ``sens``
    (``"hausse"`` par défaut, ``"baisse"`` pour une attrition) dit dans quel sens l'indicateur s'améliore.

    >>> t = avant_apres([{"indicateur": "Rétention", "unite": "pourcent", "avant": 55, "evolution": 36}])
    >>> round(float(t["apres"][0]), 1), round(float(t["ecart_points"][0]), 1)
    (74.8, 19.8)
    """
    indicateurs = v.liste_non_vide(indicateurs, "Les indicateurs (indicateurs)")
    lignes = []
    for i in indicateurs:
        avant = v.nombre(i["avant"], f"La valeur avant de « {i['indicateur']} » (avant)")
        evolution = v.nombre(i["evolution"], f"L'évolution de « {i['indicateur']} » (evolution)")
        apres = avant * (1 + evolution / 100)
        lignes.append(
            {
                "indicateur": i["indicateur"],
                "unite": i["unite"],
                "avant": avant,
                "evolution": evolution,
                "apres": apres,
                "ecart_points": apres - avant if i["unite"] == "pourcent" else None,
                "sens": i.get("sens", "hausse"),
            }
        )
    return pd.DataFrame(lignes)


def frequence_achat(chiffre_affaires, clients, panier_moyen) -> float:
    """Commandes par client et par an : chiffre d'affaires ÷ clients ÷ panier moyen.

    >>> round(frequence_achat(300_000, 2_500, 65), 2)
    1.85
    """
    ca = v.positif(chiffre_affaires, "Le chiffre d'affaires annuel (chiffre_affaires)")
    n = v.strictement_positif(
        clients, "Le nombre de clients (clients)", "pour calculer une fréquence d'achat"
    )
    panier = v.strictement_positif(
        panier_moyen, "Le panier moyen (panier_moyen)", "pour calculer une fréquence"
    )
    return ca / n / panier


def valeur_client(chiffre_affaires, clients, panier_moyen, taux_retention) -> dict:
    """Fréquence d'achat, durée de la relation et CLV (panier × fréquence × durée) d'un client moyen.

    >>> r = valeur_client(300_000, 2_500, 65, 50)
    >>> round(r["frequence"], 3), r["duree"], round(r["clv"])
    (1.846, 2.0, 240)
    """
    frequence = frequence_achat(chiffre_affaires, clients, panier_moyen)
    duree = duree_relation(taux_retention)
    return {
        "frequence": frequence,
        "duree": duree,
        "depense_annuelle": frequence * float(panier_moyen),
        "clv": float(panier_moyen) * frequence * duree,
    }
