"""Objectifs SMART : croissance à viser, trajectoire mois par mois, vérificateur de formulation.

Les taux sont **en pour cent** (9.14 veut dire 9,14 %) et rien n'est arrondi :
on arrondit à l'affichage.

>>> c = croissance_requise(10_000, 13_000, 3)
>>> round(c["totale"], 2), round(c["mensuelle"], 2)
(30.0, 9.14)
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

import pandas as pd

from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie

CRITERES = {
    "S": "Spécifique",
    "M": "Mesurable",
    "A": "Atteignable",
    "R": "Réaliste",
    "T": "Temporel",
}
MODES = ("lineaire", "composee")

# Repères du cours pour une croissance mensuelle composée (en % par mois). Ce ne sont pas
# des lois : un point de départ très bas (500 visites) supporte des taux plus forts.
SEUIL_AMBITIEUX = 5.0
SEUIL_TRES_AMBITIEUX = 10.0
SEUIL_ALERTE = 20.0

LIBELLE_DEPART = "Le point de départ (depart)"
LIBELLE_CIBLE = "La cible (cible)"
LIBELLE_MOIS = "Le nombre de mois (mois)"


# ---------------------------------------------------------------------------
# Croissance et trajectoire
# ---------------------------------------------------------------------------


def _mois(mois) -> int:
    mois = v.nombre(mois, LIBELLE_MOIS)
    if not mois.is_integer():
        raise ErreurSaisie(f"{LIBELLE_MOIS} doit être un nombre entier de mois (reçu : {_court(mois)}).")
    if mois < 1:
        raise ErreurSaisie(f"{LIBELLE_MOIS} doit être au moins 1 : un objectif se fixe sur une durée.")
    return int(mois)


def _court(x: float) -> str:
    return str(x).replace(".", ",")


def croissance_requise(depart, cible, mois) -> dict[str, float]:
    """Croissance qu'exige un objectif : ``totale`` sur la période et ``mensuelle`` (composée), en %.

    La croissance mensuelle composée est le taux *constant* qui, appliqué chaque
    mois au résultat du mois précédent, mène du départ à la cible :
    ``(cible ÷ depart) ** (1 ÷ mois) − 1``.

    >>> c = croissance_requise(500, 2_000, 6)
    >>> round(c["totale"]), round(c["mensuelle"], 1)
    (300, 26.0)
    """
    depart = v.strictement_positif(depart, LIBELLE_DEPART, "pour calculer une croissance")
    cible = v.positif(cible, LIBELLE_CIBLE)
    mois = _mois(mois)
    rapport = cible / depart
    return {
        "totale": (cible - depart) / depart * 100,
        "mensuelle": (rapport ** (1 / mois) - 1) * 100,
    }


def trajectoire(depart, cible, mois, mode="lineaire") -> list[float]:
    """Les ``mois + 1`` valeurs à viser, du départ (mois 0) à la cible (dernier mois).

    ``mode="lineaire"`` : la même hausse chaque mois (en nombre) ;
    ``mode="composee"`` : le même taux chaque mois (en %).

    >>> trajectoire(10_000, 13_000, 3)
    [10000.0, 11000.0, 12000.0, 13000.0]
    >>> [round(x) for x in trajectoire(10_000, 13_000, 3, mode="composee")]
    [10000, 10914, 11911, 13000]
    """
    mode = v.choix(mode, "Le mode de calcul (mode)", MODES)
    mois = _mois(mois)
    if mode == "lineaire":
        depart = v.positif(depart, LIBELLE_DEPART)
        cible = v.positif(cible, LIBELLE_CIBLE)
        pas = (cible - depart) / mois
        valeurs = [depart + pas * k for k in range(mois)]
    else:
        depart = v.strictement_positif(depart, LIBELLE_DEPART, "pour une croissance composée")
        cible = v.strictement_positif(cible, LIBELLE_CIBLE, "pour une croissance composée")
        facteur = (cible / depart) ** (1 / mois)
        valeurs = [depart * facteur**k for k in range(mois)]
    return [*valeurs, cible]


def hausses_mensuelles(valeurs) -> list[float]:
    """Hausse de chaque mois par rapport au mois précédent, en % (une valeur de moins).

    Sur une trajectoire linéaire, la hausse en % diminue de mois en mois : on
    ajoute toujours autant, mais à une base plus grande.

    >>> [round(x, 1) for x in hausses_mensuelles([10_000, 11_000, 12_000, 13_000])]
    [10.0, 9.1, 8.3]
    """
    valeurs = [
        v.positif(x, "Chaque valeur de la trajectoire") for x in v.liste_non_vide(valeurs, "La trajectoire")
    ]
    hausses = []
    for avant, apres in zip(valeurs[:-1], valeurs[1:], strict=True):
        if avant == 0:
            raise ErreurSaisie(
                "Une valeur de la trajectoire vaut 0 : la hausse en % ne peut pas se calculer."
            )
        hausses.append((apres - avant) / avant * 100)
    return hausses


def rythme_mensuel(total, mois) -> float:
    """Quantité à obtenir chaque mois pour atteindre un total cumulé (300 leads en 6 mois → 50).

    >>> rythme_mensuel(300, 6)
    50.0
    """
    total = v.positif(total, "Le total à atteindre (total)")
    return total / _mois(mois)


def niveau_realisme(mensuelle) -> dict[str, object]:
    """Juge une croissance mensuelle composée (en %) avec les repères du cours.

    Rend un dict : ``niveau`` (``"baisse"``, ``"prudent"``, ``"ambitieux"``,
    ``"tres_ambitieux"`` ou ``"alerte"``), ``alerte`` (vrai au-delà de
    ``SEUIL_ALERTE`` % par mois) et ``conseil`` (une phrase en français).

    >>> niveau_realisme(9.14)["niveau"]
    'ambitieux'
    >>> niveau_realisme(26)["alerte"]
    True
    """
    mensuelle = v.nombre(mensuelle, "La croissance mensuelle (mensuelle)")
    if mensuelle < 0:
        return {
            "niveau": "baisse",
            "alerte": False,
            "conseil": "L'objectif est une baisse (un coût, un taux d'attrition…) : vérifiez que c'est bien le sens voulu.",
        }
    if mensuelle <= SEUIL_AMBITIEUX:
        return {
            "niveau": "prudent",
            "alerte": False,
            "conseil": "Rythme prudent : tenable en poursuivant les actions en place.",
        }
    if mensuelle <= SEUIL_TRES_AMBITIEUX:
        return {
            "niveau": "ambitieux",
            "alerte": False,
            "conseil": "Rythme ambitieux mais courant : il faut un plan d'action suivi chaque mois.",
        }
    if mensuelle <= SEUIL_ALERTE:
        return {
            "niveau": "tres_ambitieux",
            "alerte": False,
            "conseil": "Rythme très ambitieux : il demande des moyens nouveaux (budget, campagne, temps).",
        }
    return {
        "niveau": "alerte",
        "alerte": True,
        "conseil": (
            "Rythme rarement tenu plusieurs mois de suite : allongez le délai, baissez la cible "
            "ou prévoyez des moyens exceptionnels. Seul un point de départ très bas peut l'expliquer."
        ),
    }


def tableau_trajectoires(depart, cible, mois) -> pd.DataFrame:
    """Tableau mois par mois : valeur à viser en linéaire et en composée, et leur écart.

    >>> tableau_trajectoires(10_000, 13_000, 3)["composee"].round().tolist()
    [10000.0, 10914.0, 11911.0, 13000.0]
    """
    lineaire = trajectoire(depart, cible, mois, "lineaire")
    composee = trajectoire(depart, cible, mois, "composee")
    return pd.DataFrame(
        {
            "mois": list(range(len(lineaire))),
            "lineaire": lineaire,
            "composee": composee,
            "ecart": [c - ligne for ligne, c in zip(lineaire, composee, strict=True)],
        }
    )


# Objectifs à 6 mois de l'entreprise fil rouge (chiffres du cas pratique du programme).
OBJECTIFS_GRAINE_DE_VILLE = (
    {"objectif": "Trafic du site (visites par mois)", "depart": 500, "cible": 2_000, "mois": 6},
    {"objectif": "Ventes par mois (trafic × conversion)", "depart": 5, "cible": 60, "mois": 6},
    {"objectif": "Taux de conversion (en %)", "depart": 1, "cible": 3, "mois": 6},
    {"objectif": "Abonnés Instagram", "depart": 2_000, "cible": 5_000, "mois": 6},
)


def bilan_objectifs(objectifs=OBJECTIFS_GRAINE_DE_VILLE) -> pd.DataFrame:
    """Croissance totale, mensuelle composée et niveau de réalisme de chaque objectif.

    ``objectifs`` : des dicts avec ``objectif``, ``depart``, ``cible`` et ``mois``.

    >>> bilan_objectifs()["niveau"].tolist()
    ['alerte', 'alerte', 'alerte', 'tres_ambitieux']
    """
    lignes = []
    for ligne in v.liste_non_vide(objectifs, "La liste des objectifs (objectifs)"):
        croissance = croissance_requise(ligne["depart"], ligne["cible"], ligne["mois"])
        lignes.append(
            {
                "objectif": ligne["objectif"],
                "depart": ligne["depart"],
                "cible": ligne["cible"],
                "mois": ligne["mois"],
                "totale": croissance["totale"],
                "mensuelle": croissance["mensuelle"],
                "hausse_lineaire": (ligne["cible"] - ligne["depart"]) / ligne["mois"],
                "niveau": niveau_realisme(croissance["mensuelle"])["niveau"],
            }
        )
    return pd.DataFrame(lignes)


NIVEAUX = {
    "baisse": "baisse",
    "prudent": "prudent",
    "ambitieux": "ambitieux",
    "tres_ambitieux": "très ambitieux",
    "alerte": "alerte",
}


# ---------------------------------------------------------------------------
# Vérificateur SMART (heuristiques sur le texte)
# ---------------------------------------------------------------------------


class Verdict(NamedTuple):
    """Jugement d'un critère : ``ok`` (bool) et ``conseil`` (phrase en français).

    C'est un tuple : ``ok, conseil = verdict`` fonctionne aussi.
    """

    ok: bool
    conseil: str


_MOIS_NOMS = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)
_CHIFFRES_EN_LETTRES = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "dix-huit": 18,
    "vingt-quatre": 24,
}
_UNITES_DUREE = {
    "jour": 1 / 30.4375,
    "jours": 1 / 30.4375,
    "semaine": 12 / 52.1775,
    "semaines": 12 / 52.1775,
    "mois": 1,
    "trimestre": 3,
    "trimestres": 3,
    "semestre": 6,
    "semestres": 6,
    "an": 12,
    "ans": 12,
    "annee": 12,
    "annees": 12,
}
_NOMBRE = r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITE = rf"(?:{_NOMBRE}|{'|'.join(sorted(_CHIFFRES_EN_LETTRES, key=len, reverse=True))})"
_DUREE = re.compile(
    rf"\b(?:en|sur|sous|dans|pendant|d'ici|avant|d'ici a|au bout de)\s+(?:les\s+)?({_QUANTITE})\s+"
    rf"({'|'.join(sorted(_UNITES_DUREE, key=len, reverse=True))})\b"
)
_DUREE_SEULE = re.compile(
    r"\b(?:en|sur|sous|dans|pendant|d'ici)\s+(?:un|une)?\s*(an|annee|trimestre|semestre)\b"
)
_MOIS_RE = "|".join(_MOIS_NOMS)
_ECHEANCES = (
    re.compile(rf"\b(?:{_MOIS_RE})\b(?:\s+(?:19|20)\d\d)?"),
    re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"),
    re.compile(r"\b(?:fin|debut|mi|avant|d'ici|en|pour|au)\s*-?\s*(?:l'annee\s+)?(?:19|20)\d\d\b"),
    re.compile(r"\b(?:19|20)\d\d\b"),
    re.compile(
        r"\bt[1-4]\b|\bq[1-4]\b|\b(?:premier|deuxieme|second|troisieme|quatrieme)\s+(?:trimestre|semestre)\b"
    ),
    re.compile(
        r"\b(?:d'ici|avant|pour|fin|a la fin de|au plus tard|jusqu'a)\s+(?:la\s+|le\s+|l'|les\s+|de\s+l'|du\s+)?"
        r"(?:fin\s+(?:de\s+l'|du\s+|de\s+la\s+)?)?"
        r"(?:annee|trimestre|semestre|mois|ete|hiver|printemps|automne|rentree|noel|soldes|saison|semaine)\b"
    ),
    re.compile(r"\b(?:cette\s+annee|l'annee\s+prochaine|l'an\s+prochain|ce\s+trimestre|ce\s+semestre)\b"),
)
_RYTHME = re.compile(
    r"\b(?:par|chaque)\s+(?:jour|semaine|mois|an|annee|trimestre)\b|/\s*(?:mois|semaine|an)\b"
)

_UNITES = (
    "%",
    "€",
    "k€",
    "euro",
    "euros",
    "dh",
    "mad",
    "dirham",
    "dirhams",
    "visite",
    "visites",
    "visiteur",
    "visiteurs",
    "session",
    "sessions",
    "lead",
    "leads",
    "contact",
    "contacts",
    "prospect",
    "prospects",
    "abonne",
    "abonnes",
    "follower",
    "followers",
    "fan",
    "fans",
    "vente",
    "ventes",
    "commande",
    "commandes",
    "client",
    "clients",
    "inscrit",
    "inscrits",
    "inscription",
    "inscriptions",
    "telechargement",
    "telechargements",
    "avis",
    "etoile",
    "etoiles",
    "impression",
    "impressions",
    "clic",
    "clics",
    "vue",
    "vues",
    "like",
    "likes",
    "j'aime",
    "partage",
    "partages",
    "commentaire",
    "commentaires",
    "interaction",
    "interactions",
    "point",
    "points",
    "publication",
    "publications",
    "post",
    "posts",
    "article",
    "articles",
    "membre",
    "membres",
    "devis",
    "rendez-vous",
    "fois",
)
_KPI = (
    "taux",
    "ca",
    "chiffre d'affaires",
    "cpl",
    "cpc",
    "cpm",
    "cpa",
    "ctr",
    "roi",
    "roas",
    "nps",
    "csat",
    "clv",
    "panier moyen",
    "engagement",
    "conversion",
    "notoriete",
    "part de marche",
    "retention",
    "reachat",
    "attrition",
    "frequence",
    "position",
    "note",
)
_OBJETS = (
    "trafic",
    "site",
    "visite",
    "vente",
    "lead",
    "contact",
    "prospect",
    "abonne",
    "follower",
    "instagram",
    "facebook",
    "tiktok",
    "linkedin",
    "youtube",
    "newsletter",
    "client",
    "commande",
    "panier",
    "chiffre d'affaires",
    "taux",
    "conversion",
    "engagement",
    "inscri",
    "avis",
    "reachat",
    "notoriete",
    "seo",
    "google",
    "boutique",
    "magasin",
    "cpl",
    "roi",
    "ca",
    "nps",
    "publication",
    "post",
)
_VERBES_VAGUES = (
    "ameliorer",
    "developper",
    "booster",
    "optimiser",
    "renforcer",
    "dynamiser",
    "accroitre",
    "favoriser",
    "travailler",
    "etre plus",
    "avoir plus",
    "faire plus",
    "faire mieux",
    "gagner en",
    "plus de",
    "mieux",
)
_MOYENS = (
    "via",
    "grace a",
    "grace au",
    "grace aux",
    "par le biais",
    "par l'intermediaire",
    "au moyen",
    "seo",
    "sea",
    "referencement",
    "campagne",
    "newsletter",
    "e-mailing",
    "emailing",
    "landing page",
    "page d'atterrissage",
    "publicite",
    "ads",
    "influenceu",
    "concours",
    "partenariat",
    "blog",
    "article",
    "video",
    "publier",
    "publiant",
    "publication",
    "posts",
    "budget",
    "promotion",
    "code promo",
    "programme de fidelite",
    "parrainage",
    "webinaire",
    "relance",
    "e-mail",
    "mail",
    "sms",
    "emploi du temps",
    "equipe",
)
_DEMESURE = (
    "numero 1",
    "n°1",
    "leader",
    "le meilleur",
    "la meilleure",
    "tout le monde",
    "tous les",
    "million",
    "milliard",
    "100 %",
    "100%",
    "x10",
    "x 10",
    "decupler",
    "centupler",
)
_MULTIPLICATEURS = {"doubl": 2, "tripl": 3, "quadrupl": 4, "decupl": 10}


class _Texte:
    """Texte normalisé pour la recherche (minuscules, sans accents, espaces unifiés).

    ``positions[i]`` est l'indice, dans le texte d'origine, du caractère ``i`` du texte
    normalisé : les conseils citent ainsi les mots de l'élève, accents compris.
    """

    def __init__(self, origine: str):
        self.origine = origine
        # « ça » ne doit pas passer pour « CA » (chiffre d'affaires) : même longueur, autre mot
        source = re.sub(r"(?<!\w)[çÇ][aà](?!\w)", "sa", origine)
        caracteres: list[str] = []
        positions: list[int] = []
        for indice, caractere in enumerate(source):
            if caractere in "\u2019\u02bc`":
                caractere = "'"
            elif caractere.isspace():
                caractere = " "
            else:
                decompose = unicodedata.normalize("NFKD", caractere.lower())
                caractere = "".join(c for c in decompose if not unicodedata.combining(c))[:1] or " "
            if caractere == " " and caracteres and caracteres[-1] == " ":
                continue
            caracteres.append(caractere)
            positions.append(indice)
        self.texte = " " + "".join(caracteres) + " "
        self.positions = [0, *positions, len(origine)]

    def citer(self, debut: int, fin: int) -> str:
        """Le passage d'origine qui correspond à ``texte[debut:fin]``."""
        a = self.positions[min(debut, len(self.positions) - 1)]
        b = self.positions[min(max(fin - 1, debut), len(self.positions) - 1)]
        return self.origine[a : b + 1].strip()


def _valeur(nombre: str) -> float:
    if nombre in _CHIFFRES_EN_LETTRES:
        return float(_CHIFFRES_EN_LETTRES[nombre])
    return float(re.sub(r"[ .]", "", nombre).replace(",", "."))


def _chercher(texte: str, mots, racine: bool = False) -> list[re.Match]:
    """Occurrences des ``mots`` dans l'ordre du texte ; avec ``racine``, le mot peut continuer
    (``abonne`` trouve ``abonnes``) et l'occurrence s'étend jusqu'à la fin du mot."""
    trouves = []
    for mot in mots:
        if mot[-1].isalnum():
            fin = r"[\w-]*" if racine else r"(?![\w])"
            motif = rf"(?<!\w){re.escape(mot)}{fin}"
        else:
            motif = re.escape(mot)
        trouves.extend(re.finditer(motif, texte))
    return sorted(trouves, key=lambda m: m.start())


def _masquer(texte: str, motif: re.Pattern) -> str:
    """Remplace les passages trouvés par autant d'espaces (les positions restent valables)."""
    return motif.sub(lambda m: " " * len(m.group(0)), texte)


def _retirer_echeances(texte: str) -> tuple[str, list[re.Match], float | None]:
    """Masque les échéances et durées ; rend (reste, échéances trouvées, durée en mois)."""
    trouvees = list(_DUREE.finditer(texte))
    duree = None
    if trouvees:
        duree = _valeur(trouvees[0].group(1)) * _UNITES_DUREE[trouvees[0].group(2)]
    reste = _masquer(texte, _DUREE)
    seules = list(_DUREE_SEULE.finditer(reste))
    if seules and duree is None:
        duree = float(_UNITES_DUREE[seules[0].group(1)])
    trouvees += seules
    reste = _masquer(reste, _DUREE_SEULE)
    for motif in _ECHEANCES:
        trouvees += list(motif.finditer(reste))
        reste = _masquer(reste, motif)
    return reste, sorted(trouvees, key=lambda m: m.start()), duree


def _croissance_lue(lu: _Texte, duree: float | None) -> tuple[float, str] | None:
    """Croissance mensuelle composée (en %) lisible dans le texte, avec le passage cité."""
    texte = lu.texte
    if not duree or duree <= 0:
        return None
    paire = re.search(rf"\bde ({_NOMBRE})(?: ?[^\d]{{0,25}}?)? (?:a|jusqu'a) ({_NOMBRE})\b", texte)
    if paire:
        depart, cible = _valeur(paire.group(1)), _valeur(paire.group(2))
        if depart > 0:
            mensuelle = ((cible / depart) ** (1 / duree) - 1) * 100
            return mensuelle, lu.citer(paire.start(), paire.end())
    hausse = re.search(rf"(?:\+ ?|\bde )({_NOMBRE}) ?%", texte)
    verbe = re.search(
        r"\b(?:augment|accroi|booster|boost|hausse|progress|gagner|croissance|developp|ameliorer)", texte
    )
    if hausse and (verbe or "+" in hausse.group(0)):
        totale = _valeur(hausse.group(1))
        mensuelle = ((1 + totale / 100) ** (1 / duree) - 1) * 100
        return mensuelle, lu.citer(hausse.start(), hausse.end())
    multiple = _multiplicateurs(texte)
    if multiple:
        facteur, trouve = multiple[0]
        return (facteur ** (1 / duree) - 1) * 100, lu.citer(trouve.start(), trouve.end())
    return None


def _multiplicateurs(texte: str) -> list[tuple[float, re.Match]]:
    """« doubler », « tripler », « x3 » : le facteur et l'occurrence, dans l'ordre du texte."""
    trouves = [(float(_MULTIPLICATEURS[m.group(1)]), m) for m in _chercher_racines_mult(texte)]
    trouves += [(_valeur(m.group(1)), m) for m in re.finditer(r"(?<!\w)[x×] ?(\d+(?:,\d+)?)(?!\w)", texte)]
    return sorted(trouves, key=lambda paire: paire[1].start())


def _chercher_racines_mult(texte: str) -> list[re.Match]:
    racines = "|".join(_MULTIPLICATEURS)
    return list(re.finditer(rf"(?<!\w)({racines})[\w]*", texte))


def verifier_smart(objectif) -> dict[str, Verdict]:
    """Juge un objectif écrit en toutes lettres, critère par critère.

    Rend un dict ``{"S": Verdict, "M": …, "A": …, "R": …, "T": …}`` ; chaque
    :class:`Verdict` est un tuple ``(ok, conseil)`` : un booléen et une phrase
    en français. M (un chiffre et son unité ou son indicateur) et T (une date,
    un mois, une durée) sont lus dans le texte. S repère les verbes vagues sans
    chiffre. A et R sont des indices : l'outil ne connaît ni votre budget ni
    votre équipe, il pose donc la question.

    >>> verdicts = verifier_smart("Passer de 10 000 à 13 000 visites par mois d'ici juin 2025 grâce au SEO")
    >>> {critere: verdict.ok for critere, verdict in verdicts.items()}
    {'S': True, 'M': True, 'A': True, 'R': True, 'T': True}
    >>> ok, conseil = verifier_smart("Améliorer notre visibilité")["M"]
    >>> ok
    False
    """
    objectif = v.texte(objectif, "L'objectif (objectif)", obligatoire=True)
    lu = _Texte(objectif)
    texte = lu.texte
    reste, echeances, duree = _retirer_echeances(texte)
    nombres = list(re.finditer(rf"(?<![\w,]){_NOMBRE}", reste))
    multiplicateurs = [trouve for _facteur, trouve in _multiplicateurs(reste)]
    unites = _chercher(reste, _UNITES)
    kpi = _chercher(reste, _KPI)
    collees = list(
        re.finditer(
            rf"(?<![\w,])(?:{_NOMBRE})(?: ?k)? ?(?:[a-z]+ ){{0,2}}?(?:{'|'.join(re.escape(u) for u in _UNITES)})(?![\w])",
            reste,
        )
    )
    # « de 1 % à 3 % » : la cible est le chiffre qui suit « à » (« a » sans accent), pas le départ
    unite_collee = next(
        (c for c in collees if re.search(r"(?:^|\s)[aà] $", reste[: c.start()])),
        collees[0] if collees else None,
    )
    chiffre = bool(nombres or multiplicateurs)

    # M : un chiffre cible et son unité (ou l'indicateur suivi)
    if chiffre and (unite_collee or unites or kpi or multiplicateurs):
        preuve = unite_collee or (multiplicateurs + unites + kpi)[0]
        m = Verdict(
            True,
            f"On pourra vérifier le résultat (« {lu.citer(preuve.start(), preuve.end())} »).",
        )
    elif chiffre:
        m = Verdict(
            False,
            "Il y a un chiffre, mais de quoi ? Ajoutez l'unité ou l'indicateur suivi (visites, %, €, leads, abonnés…).",
        )
    else:
        m = Verdict(
            False,
            "Aucun chiffre cible : écrivez combien, avec l'indicateur (par exemple « 2 000 visites par mois » ou « +30 % »).",
        )

    # T : une échéance, une date, un mois ou une durée
    rythme = _RYTHME.search(texte)
    if echeances:
        t = Verdict(
            True,
            f"L'échéance est fixée (« {lu.citer(echeances[0].start(), echeances[0].end())} »).",
        )
    elif rythme:
        t = Verdict(
            False,
            f"« {lu.citer(rythme.start(), rythme.end())} » donne un rythme, pas une échéance : "
            "ajoutez une date de fin (« d'ici juin », « en 6 mois »).",
        )
    else:
        t = Verdict(
            False,
            "Pas d'échéance : pour quand ? Ajoutez une date ou une durée (« en 3 mois », « d'ici fin décembre »).",
        )

    # S : un objet précis, pas de verbe vague laissé sans chiffre
    vagues = _chercher(texte, _VERBES_VAGUES, racine=True)
    objets = _chercher(texte, _OBJETS, racine=True)
    mots = re.findall(r"[a-z']+", texte)
    if len(mots) < 3:
        s = Verdict(False, "Trop court pour être précis : dites ce qui doit changer, et pour qui.")
    elif vagues and not chiffre:
        s = Verdict(
            False,
            f"« {lu.citer(vagues[0].start(), vagues[0].end())} » reste vague : "
            "dites exactement ce qui doit changer et de combien.",
        )
    elif not objets:
        s = Verdict(
            False,
            "Sur quoi porte l'objectif ? Nommez-le (le trafic du site, les ventes en ligne, les abonnés Instagram…).",
        )
    elif vagues:
        s = Verdict(
            True,
            f"Précis grâce au chiffre ; « {lu.citer(vagues[0].start(), vagues[0].end())} » reste un mot flou, "
            "« augmenter » ou « atteindre » serait plus net.",
        )
    else:
        s = Verdict(
            True,
            f"L'objectif porte sur un point précis (« {lu.citer(objets[0].start(), objets[0].end())} »).",
        )

    # A : les moyens sont-ils nommés ? L'outil ne connaît pas vos ressources.
    moyens = _chercher(texte, _MOYENS, racine=True) + list(
        re.finditer(r"\ben (?!avant\b|tant\b)[a-z]+ant\b", texte)
    )
    moyens.sort(key=lambda m: m.start())
    if moyens:
        fin = moyens[0].end()
        if moyens[0].group(0).startswith(("via", "grace", "par ", "au moyen")):
            suite = re.match(r"(?: (?:les|le|la|des|du|de|une|un)(?= )| l')? ?[\w-]+", texte[fin:])
            fin += suite.end() if suite else 0
        a = Verdict(
            True,
            f"Un moyen est nommé (« {lu.citer(moyens[0].start(), fin)} ») : "
            "vérifiez que budget, temps et compétences suffisent.",
        )
    else:
        a = Verdict(
            False,
            "Avec quels moyens ? Nommez l'action ou le levier (SEO, campagne, newsletter…) ; "
            "l'outil ne connaît pas votre budget ni votre équipe : à vous de vérifier qu'ils suffisent.",
        )

    # R : un taux dépasse-t-il 100 % ? La croissance lue est-elle tenable ?
    demesure = _chercher(texte, _DEMESURE)
    taux_excessif = [
        t_
        for t_ in re.finditer(rf"(?<![\w,+]) ?({_NOMBRE}) ?%", reste)
        if _valeur(t_.group(1)) > 100 and "+" not in reste[max(0, t_.start() - 2) : t_.start() + 1]
    ]
    croissance = _croissance_lue(lu, duree)
    if kpi and taux_excessif and not re.search(r"augment|hausse|croissance", texte):
        r = Verdict(False, "Un taux ne peut pas dépasser 100 % : revoyez le chiffre.")
    elif croissance is not None:
        mensuelle, passage = croissance
        jugement = niveau_realisme(mensuelle)
        from coursekit.format import pourcent

        phrase = f"« {passage} » demande {pourcent(mensuelle, signe=True)} par mois (composé). "
        r = Verdict(not jugement["alerte"], phrase + jugement["conseil"])
    elif demesure:
        r = Verdict(
            False,
            f"« {lu.citer(demesure[0].start(), demesure[0].end())} » paraît démesuré pour une petite structure : "
            "visez une marche à votre portée.",
        )
    elif m.ok:
        r = Verdict(
            True,
            "Rien d'excessif repéré, mais l'outil ne connaît pas vos résultats passés : "
            "la cible est-elle cohérente avec ce que vous obtenez aujourd'hui ?",
        )
    else:
        r = Verdict(False, "Sans chiffre, impossible de juger si l'objectif est réaliste.")

    return {"S": s, "M": m, "A": a, "R": r, "T": t}


def score_smart(verdicts) -> int:
    """Nombre de critères remplis (0 à 5).

    >>> score_smart(verifier_smart("Atteindre 5 000 abonnés Instagram en 6 mois"))
    4
    """
    return sum(bool(verdict[0]) for verdict in verdicts.values())


def resume_smart(verdicts) -> str:
    """Une phrase de bilan : combien de critères sont remplis et lesquels manquent.

    >>> resume_smart(verifier_smart("Améliorer notre visibilité"))
    '0 critère sur 5 rempli. À retravailler : Spécifique, Mesurable, Atteignable, Réaliste, Temporel.'
    """
    score = score_smart(verdicts)
    manquants = [CRITERES[c] for c, verdict in verdicts.items() if not verdict[0]]
    debut = f"{score} critère{'s' if score > 1 else ''} sur 5 rempli{'s' if score > 1 else ''}."
    if not manquants:
        return debut + " Objectif SMART : il reste à le confronter à vos moyens réels."
    return debut + " À retravailler : " + ", ".join(manquants) + "."


def rapport_smart(objectif) -> str:
    """Le jugement des cinq critères en quelques lignes de texte (pour un ``print``).

    >>> print(rapport_smart("Atteindre 5 000 abonnés Instagram en 6 mois").splitlines()[0])
    « Atteindre 5 000 abonnés Instagram en 6 mois »
    """
    verdicts = verifier_smart(objectif)
    lignes = [f"« {objectif.strip()} »"]
    for critere, (ok, conseil) in verdicts.items():
        lignes.append(f"  {critere} {'✔' if ok else '✘'} {CRITERES[critere]} : {conseil}")
    lignes.append("  → " + resume_smart(verdicts))
    return "\n".join(lignes)


# La mission de Graine de Ville déclinée en objectifs (exemples construits pour le cours).
STRATEGIQUES_GRAINE_DE_VILLE = (
    "Devenir en 2 ans une boutique en ligne de référence pour les jeunes actifs des villes",
    "Faire d'Instagram et du référencement naturel les deux premières sources de clients",
)
OPERATIONNELS_GRAINE_DE_VILLE = (
    "Trafic : de 500 à 2 000 visites par mois en 6 mois",
    "300 leads qualifiés (inscrits à la newsletter) en 6 mois, soit 50 par mois",
    "Taux de conversion : de 1 % à 3 % en 6 mois (60 ventes par mois à 2 000 visites)",
    "5 000 abonnés Instagram avec 5 % d'engagement en 6 mois",
)


# ---------------------------------------------------------------------------
# Exercice : reformuler des objectifs vagues
# ---------------------------------------------------------------------------


class ObjectifVague(NamedTuple):
    """Un objectif vague à reformuler, les mots qui montrent qu'on parle du même sujet, une réponse possible."""

    vague: str
    theme: tuple[str, ...]
    exemple: str


OBJECTIFS_VAGUES = (
    ObjectifVague(
        "Améliorer notre visibilité",
        ("visite", "trafic", "abonne", "impression", "notoriete", "vue", "instagram", "follower", "site"),
        "Passer de 2 000 à 3 500 abonnés Instagram d'ici fin juin grâce à 3 publications par semaine",
    ),
    ObjectifVague(
        "Développer nos ventes en ligne",
        ("vente", "commande", "chiffre d'affaires", "panier", "conversion", "€"),
        "Passer de 5 à 10 commandes en ligne par mois en 6 mois grâce à une newsletter mensuelle",
    ),
    ObjectifVague(
        "Fidéliser davantage nos clients",
        ("client", "reachat", "fidel", "retention", "achat", "commande", "attrition"),
        "Porter à 15 % la part des clients qui achètent au moins 2 fois dans l'année d'ici décembre grâce à un programme de fidélité",
    ),
)


def evaluer_reformulation(vague, proposition) -> dict[str, object]:
    """Retour sur la reformulation SMART d'un objectif vague.

    ``vague`` : un :class:`ObjectifVague` (ou son indice dans ``OBJECTIFS_VAGUES``).
    Rend un dict : ``verdicts`` (ceux de :func:`verifier_smart`), ``score`` (0 à 5),
    ``meme_sujet`` (la proposition parle-t-elle encore du même sujet ?),
    ``reussi`` (S, M et T remplis et même sujet) et ``retour`` (phrase en français).

    >>> evaluer_reformulation(0, OBJECTIFS_VAGUES[0].exemple)["reussi"]
    True
    """
    if isinstance(vague, int) and not isinstance(vague, bool):
        if not 0 <= vague < len(OBJECTIFS_VAGUES):
            raise ErreurSaisie(
                f"L'objectif vague (vague) doit être un numéro de 0 à {len(OBJECTIFS_VAGUES) - 1}."
            )
        vague = OBJECTIFS_VAGUES[vague]
    if not isinstance(vague, ObjectifVague):
        raise ErreurSaisie("L'objectif vague (vague) doit être pris dans OBJECTIFS_VAGUES.")
    proposition = v.texte(proposition, "Votre objectif (proposition)")
    if not proposition.strip():
        return {
            "verdicts": None,
            "score": 0,
            "meme_sujet": False,
            "reussi": False,
            "retour": f"Réécrivez « {vague.vague} » en objectif SMART : un chiffre, un indicateur, une échéance.",
        }
    verdicts = verifier_smart(proposition)
    score = score_smart(verdicts)
    meme_sujet = bool(_chercher(_Texte(proposition).texte, vague.theme, racine=True))
    essentiels = all(verdicts[c].ok for c in "SMT")
    reussi = essentiels and meme_sujet
    if not meme_sujet:
        retour = f"Votre objectif s'éloigne du sujet de départ (« {vague.vague} ») : gardez le même thème."
    elif reussi:
        retour = f"Bravo : {resume_smart(verdicts)}"
    else:
        manque = [CRITERES[c] for c in "SMT" if not verdicts[c].ok]
        premier = next(c for c in "SMT" if not verdicts[c].ok)
        retour = f"Presque : il manque {', '.join(manque)}. {verdicts[premier].conseil}"
    return {
        "verdicts": verdicts,
        "score": score,
        "meme_sujet": meme_sujet,
        "reussi": reussi,
        "retour": retour,
    }
