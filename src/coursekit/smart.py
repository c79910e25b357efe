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

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie

_LISTE_DE_MOTS = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
_NIVEAU = {
    "type": "object",
    "required": ["libelle", "conseil"],
    "additionalProperties": False,
    "properties": {
        "libelle": {"type": "string", "minLength": 1},
        "conseil": {"type": "string", "minLength": 1},
    },
}
SCHEMA_CRITERES = {
    "type": "object",
    "required": list("SMART"),
    "additionalProperties": False,
    "properties": {c: {"type": "string", "minLength": 1} for c in "SMART"},
}
SCHEMA_REPERES = {
    "type": "object",
    "required": ["ambitieux", "tres_ambitieux", "alerte", "plafond_affiche", "multiple_maximum", "niveaux"],
    "additionalProperties": False,
    "properties": {
        "ambitieux": {"type": "number", "exclusiveMinimum": 0},
        "tres_ambitieux": {"type": "number", "exclusiveMinimum": 0},
        "alerte": {"type": "number", "exclusiveMinimum": 0},
        "plafond_affiche": {"type": "number", "exclusiveMinimum": 0},
        "multiple_maximum": {"type": "number", "exclusiveMinimum": 1},
        "niveaux": {
            "type": "object",
            "required": ["baisse", "prudent", "ambitieux", "tres_ambitieux", "alerte"],
            "additionalProperties": False,
            "properties": {
                n: _NIVEAU for n in ("baisse", "prudent", "ambitieux", "tres_ambitieux", "alerte")
            },
        },
    },
}
SCHEMA_VERIFICATEUR = {
    "type": "object",
    "required": [
        "mois",
        "chiffres_en_lettres",
        "unites",
        "kpi",
        "objets",
        "verbes_vagues",
        "moyens",
        "demesure",
        "multiplicateurs",
        "reperes_depart",
    ],
    "additionalProperties": False,
    "properties": {
        "mois": {**_LISTE_DE_MOTS, "minItems": 12, "maxItems": 12},
        "chiffres_en_lettres": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        "unites": _LISTE_DE_MOTS,
        "kpi": _LISTE_DE_MOTS,
        "objets": _LISTE_DE_MOTS,
        "verbes_vagues": _LISTE_DE_MOTS,
        "moyens": _LISTE_DE_MOTS,
        "demesure": _LISTE_DE_MOTS,
        "multiplicateurs": {
            "type": "object",
            "additionalProperties": {"type": "number", "exclusiveMinimum": 1},
        },
        "reperes_depart": _LISTE_DE_MOTS,
    },
}
SCHEMA_OBJECTIFS = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["objectif", "depart", "cible", "mois"],
        "additionalProperties": False,
        "properties": {
            "objectif": {"type": "string", "minLength": 1},
            "depart": {"type": "number", "exclusiveMinimum": 0},
            "cible": {"type": "number", "minimum": 0},
            "mois": {"type": "integer", "minimum": 1},
        },
    },
}
SCHEMA_PYRAMIDE = {
    "type": "object",
    "required": ["strategiques", "operationnels"],
    "additionalProperties": False,
    "properties": {"strategiques": _LISTE_DE_MOTS, "operationnels": _LISTE_DE_MOTS},
}
SCHEMA_OBJECTIFS_VAGUES = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["vague", "theme", "exemple"],
        "additionalProperties": False,
        "properties": {
            "vague": {"type": "string", "minLength": 1},
            "theme": _LISTE_DE_MOTS,
            "exemple": {"type": "string", "minLength": 1},
        },
    },
}

_CHAPITRE = "04"
CRITERES: dict[str, str] = dict(contenu.section(_CHAPITRE, "criteres", SCHEMA_CRITERES))
"""Le nom de chaque lettre de SMART (fichier de contenu du chapitre 04)."""
MODES = ("lineaire", "composee")

# Repères du cours pour une croissance mensuelle composée (en % par mois). Ce ne sont pas
# des lois : un point de départ très bas (500 visites) supporte des taux plus forts.
_REPERES = contenu.section(_CHAPITRE, "reperes_realisme", SCHEMA_REPERES)
SEUIL_AMBITIEUX = float(_REPERES["ambitieux"])
SEUIL_TRES_AMBITIEUX = float(_REPERES["tres_ambitieux"])
SEUIL_ALERTE = float(_REPERES["alerte"])
PLAFOND_AFFICHE = float(_REPERES["plafond_affiche"])
"""Au-delà de cette hausse mensuelle (en %), on écrit « plus de … » plutôt qu'un chiffre absurde."""
MULTIPLE_MAXIMUM = float(_REPERES["multiple_maximum"])
"""Une cible qui vaut plus de ce multiple du point de départ est jugée hors d'atteinte."""

LIBELLE_DEPART = "Le point de départ (depart)"
LIBELLE_CIBLE = "La cible (cible)"
LIBELLE_MOIS = "Le nombre de mois (mois)"


# ---------------------------------------------------------------------------
# Croissance et trajectoire
# ---------------------------------------------------------------------------


def _mois(mois) -> int:
    mois = v.nombre(mois, LIBELLE_MOIS)
    if not mois.is_integer():
        raise ErreurSaisie(f"{LIBELLE_MOIS} doit être un nombre entier de mois (reçu : {_court(mois)}).")
    if mois < 1:
        raise ErreurSaisie(f"{LIBELLE_MOIS} doit être au moins 1 : un objectif se fixe sur une durée.")
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
                "Une valeur de la trajectoire vaut 0 : la hausse en % ne peut pas se calculer."
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
        niveau = "baisse"
    elif mensuelle <= SEUIL_AMBITIEUX:
        niveau = "prudent"
    elif mensuelle <= SEUIL_TRES_AMBITIEUX:
        niveau = "ambitieux"
    elif mensuelle <= SEUIL_ALERTE:
        niveau = "tres_ambitieux"
    else:
        niveau = "alerte"
    return {"niveau": niveau, "alerte": niveau == "alerte", "conseil": _REPERES["niveaux"][niveau]["conseil"]}


def hausse_lisible(mensuelle, decimales: int = 1) -> str:
    """Une hausse mensuelle (en %) écrite à la française, sans chiffre absurde.

    Au-delà de ``PLAFOND_AFFICHE`` % par mois, on écrit « plus de +100 % » : un
    « +2 136 % par mois » n'aide personne à décider.

    >>> hausse_lisible(9.14), hausse_lisible(2136.07)
    ('+9,1\xa0%', 'plus de +100\xa0%')
    """
    from coursekit.format import pourcent

    mensuelle = v.nombre(mensuelle, "La croissance mensuelle (mensuelle)")
    if mensuelle > PLAFOND_AFFICHE:
        return f"plus de {pourcent(PLAFOND_AFFICHE, 0, signe=True)}"
    return pourcent(mensuelle, decimales, signe=True)


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
OBJECTIFS_GRAINE_DE_VILLE = tuple(contenu.section(_CHAPITRE, "objectifs_graine_de_ville", SCHEMA_OBJECTIFS))


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


NIVEAUX = {niveau: donnees["libelle"] for niveau, donnees in _REPERES["niveaux"].items()}
"""Le nom de chaque niveau de réalisme tel que l'élève le lit."""


# ---------------------------------------------------------------------------
# Vérificateur SMART (heuristiques sur le texte)
# ---------------------------------------------------------------------------


class Verdict(NamedTuple):
    """Jugement d'un critère : ``ok`` (bool) et ``conseil`` (phrase en français).

    C'est un tuple : ``ok, conseil = verdict`` fonctionne aussi.
    """

    ok: bool
    conseil: str


_MOTS = contenu.section(_CHAPITRE, "verificateur", SCHEMA_VERIFICATEUR)
_MOIS_NOMS = tuple(_MOTS["mois"])
_CHIFFRES_EN_LETTRES = dict(_MOTS["chiffres_en_lettres"])
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

_UNITES = tuple(_MOTS["unites"])
_KPI = tuple(_MOTS["kpi"])
_OBJETS = tuple(_MOTS["objets"])
_VERBES_VAGUES = tuple(_MOTS["verbes_vagues"])
_MOYENS = tuple(_MOTS["moyens"])
_DEMESURE = tuple(_MOTS["demesure"])
_MULTIPLICATEURS = dict(_MOTS["multiplicateurs"])
_REPERES_DEPART = tuple(_MOTS["reperes_depart"])


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


class _Croissance(NamedTuple):
    """Ce que le texte dit du point de départ : le facteur cible ÷ départ, la hausse mensuelle si la durée est
    connue, et le passage cité."""

    facteur: float
    mensuelle: float | None
    passage: str


def _croissance_lue(
    lu: _Texte, duree: float | None, reste: str, niveau_actuel: float | None = None
) -> _Croissance | None:
    """Le point de départ lisible dans le texte (« de X à Y », « +30 % », « doubler », « nous en avons X
    aujourd'hui ») ou donné par ``niveau_actuel`` ; ``None`` quand rien ne dit d'où l'on part."""
    texte = lu.texte
    trouve = None
    paire = re.search(rf"\bde ({_NOMBRE})(?: ?[^\d]{{0,25}}?)? (?:a|jusqu'a) ({_NOMBRE})\b(?: ?%)?", texte)
    hausse = re.search(rf"(?:\+ ?|\bde )({_NOMBRE}) ?%", texte)
    verbe = re.search(
        r"\b(?:augment|accroi|booster|boost|hausse|progress|gagner|croissance|developp|ameliorer)", texte
    )
    multiple = _multiplicateurs(texte)
    if paire and _valeur(paire.group(1)) > 0:
        trouve = (_valeur(paire.group(2)) / _valeur(paire.group(1)), paire.start(), paire.end())
    elif hausse and (verbe or "+" in hausse.group(0)):
        trouve = (1 + _valeur(hausse.group(1)) / 100, hausse.start(), hausse.end())
    elif multiple:
        facteur, m = multiple[0]
        trouve = (facteur, m.start(), m.end())
    else:
        mots = "|".join(re.escape(m) for m in sorted(_REPERES_DEPART, key=len, reverse=True))
        avant = re.search(rf"(?<!\w)(?:{mots})\s*(?:de |a |: ?)?(?:en |environ )?({_NOMBRE})(?![\d,])", texte)
        apres = re.search(rf"(?<![\w,])({_NOMBRE})(?:\s+[\w'-]+){{0,3}}?\s+(?:{mots})(?!\w)", texte)
        depart_lu = avant or apres
        depart = _valeur(depart_lu.group(1)) if depart_lu else niveau_actuel
        cibles = [
            c
            for c in re.finditer(rf"(?<![\w,]){_NOMBRE}", reste)
            if not (depart_lu and depart_lu.start(1) <= c.start() < depart_lu.end(1))
        ]
        if depart and cibles:
            from coursekit.format import nombre

            cible = _valeur(cibles[0].group(0))
            facteur = cible / depart
            mensuelle = (facteur ** (1 / duree) - 1) * 100 if duree and duree > 0 and facteur > 0 else None
            return _Croissance(facteur, mensuelle, f"de {nombre(depart)} à {nombre(cible)}")
    if trouve is None:
        return None
    facteur, debut, fin = trouve
    mensuelle = (facteur ** (1 / duree) - 1) * 100 if duree and duree > 0 and facteur > 0 else None
    return _Croissance(facteur, mensuelle, lu.citer(debut, fin))


def _ecart_de_taux(passage: str) -> str:
    """« de 1 % à 3 % » : l'écart d'un taux se dit en points (« +2 points »), en plus de la hausse relative."""
    taux = re.findall(rf"({_NOMBRE}) ?%", _Texte(passage).texte)
    if len(taux) != 2:
        return ""
    from coursekit.format import points

    return points(_valeur(taux[1]) - _valeur(taux[0]))


def _multiplicateurs(texte: str) -> list[tuple[float, re.Match]]:
    """« doubler », « tripler », « x3 » : le facteur et l'occurrence, dans l'ordre du texte."""
    trouves = [(float(_MULTIPLICATEURS[m.group(1)]), m) for m in _chercher_racines_mult(texte)]
    trouves += [(_valeur(m.group(1)), m) for m in re.finditer(r"(?<!\w)[x×] ?(\d+(?:,\d+)?)(?!\w)", texte)]
    return sorted(trouves, key=lambda paire: paire[1].start())


def _chercher_racines_mult(texte: str) -> list[re.Match]:
    racines = "|".join(_MULTIPLICATEURS)
    return list(re.finditer(rf"(?<!\w)({racines})[\w]*", texte))


def verifier_smart(objectif, niveau_actuel=None) -> dict[str, Verdict]:
    """Juge un objectif écrit en toutes lettres, critère par critère.

    Rend un dict ``{"S": Verdict, "M": …, "A": …, "R": …, "T": …}`` ; chaque
    :class:`Verdict` est un tuple ``(ok, conseil)`` : un booléen et une phrase
    en français. M (un chiffre et son unité ou son indicateur) et T (une date,
    un mois, une durée) sont lus dans le texte. S repère les verbes vagues sans
    chiffre. A et R sont des indices : l'outil ne connaît ni votre budget ni
    votre équipe, il pose donc la question. R demande un point de départ (« de X
    à Y », « +30 % », « nous en avons X aujourd'hui », ou ``niveau_actuel``) :
    sans lui, impossible de dire si la cible est réaliste.

    >>> verdicts = verifier_smart("Passer de 10 000 à 13 000 visites par mois d'ici juin 2025 grâce au SEO")
    >>> {critere: verdict.ok for critere, verdict in verdicts.items()}
    {'S': True, 'M': True, 'A': True, 'R': True, 'T': True}
    >>> ok, conseil = verifier_smart("Améliorer notre visibilité")["M"]
    >>> ok
    False
    """
    objectif = v.texte(objectif, "L'objectif (objectif)", obligatoire=True)
    if niveau_actuel is not None:
        niveau_actuel = v.strictement_positif(niveau_actuel, "Le niveau actuel (niveau_actuel)")
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
            f"On pourra vérifier le résultat (« {lu.citer(preuve.start(), preuve.end())} »).",
        )
    elif chiffre:
        m = Verdict(
            False,
            "Il y a un chiffre, mais de quoi ? Ajoutez l'unité ou l'indicateur suivi (visites, %, €, leads, abonnés…).",
        )
    else:
        m = Verdict(
            False,
            "Aucun chiffre cible : écrivez combien, avec l'indicateur (par exemple « 2 000 visites par mois » ou « +30 % »).",
        )

    # T : une échéance, une date, un mois ou une durée
    rythme = _RYTHME.search(texte)
    if echeances:
        t = Verdict(
            True,
            f"L'échéance est fixée (« {lu.citer(echeances[0].start(), echeances[0].end())} »).",
        )
    elif rythme:
        t = Verdict(
            False,
            f"« {lu.citer(rythme.start(), rythme.end())} » donne un rythme, pas une échéance : "
            "ajoutez une date de fin (« d'ici juin », « en 6 mois »).",
        )
    else:
        t = Verdict(
            False,
            "Pas d'échéance : pour quand ? Ajoutez une date ou une durée (« en 3 mois », « d'ici fin décembre »).",
        )

    # S : un objet précis, pas de verbe vague laissé sans chiffre
    vagues = _chercher(texte, _VERBES_VAGUES, racine=True)
    objets = _chercher(texte, _OBJETS, racine=True)
    mots = re.findall(r"[a-z']+", texte)
    if len(mots) < 3:
        s = Verdict(False, "Trop court pour être précis : dites ce qui doit changer, et pour qui.")
    elif vagues and not chiffre:
        s = Verdict(
            False,
            f"« {lu.citer(vagues[0].start(), vagues[0].end())} » reste vague : "
            "dites exactement ce qui doit changer et de combien.",
        )
    elif not objets:
        s = Verdict(
            False,
            "Sur quoi porte l'objectif ? Nommez-le (le trafic du site, les ventes en ligne, les abonnés Instagram…).",
        )
    elif vagues:
        s = Verdict(
            True,
            f"Précis grâce au chiffre ; « {lu.citer(vagues[0].start(), vagues[0].end())} » reste un mot flou, "
            "« augmenter » ou « atteindre » serait plus net.",
        )
    else:
        s = Verdict(
            True,
            f"L'objectif porte sur un point précis (« {lu.citer(objets[0].start(), objets[0].end())} »).",
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
            f"Un moyen est nommé (« {lu.citer(moyens[0].start(), fin)} ») : "
            "vérifiez que budget, temps et compétences suffisent.",
        )
    else:
        a = Verdict(
            False,
            "Avec quels moyens ? Nommez l'action ou le levier (SEO, campagne, newsletter…) ; "
            "l'outil ne connaît pas votre budget ni votre équipe : à vous de vérifier qu'ils suffisent.",
        )

    # R : un taux dépasse-t-il 100 % ? D'où part-on ? La hausse demandée est-elle tenable ?
    demesure = _chercher(texte, _DEMESURE)
    taux_excessif = [
        t_
        for t_ in re.finditer(rf"(?<![\w,+]) ?({_NOMBRE}) ?%", reste)
        if _valeur(t_.group(1)) > 100 and "+" not in reste[max(0, t_.start() - 2) : t_.start() + 1]
    ]
    croissance = _croissance_lue(lu, duree, reste, niveau_actuel) if chiffre else None
    hors_d_atteinte = False
    if kpi and taux_excessif and not re.search(r"augment|hausse|croissance", texte):
        r = Verdict(False, "Un taux ne peut pas dépasser 100 % : revoyez le chiffre.")
    elif croissance is not None and croissance.mensuelle is not None:
        jugement = niveau_realisme(croissance.mensuelle)
        hors_d_atteinte = croissance.mensuelle > PLAFOND_AFFICHE
        ecart = _ecart_de_taux(croissance.passage)
        phrase = f"« {croissance.passage} »{f' (soit {ecart})' if ecart else ''} demande "
        phrase += f"{hausse_lisible(croissance.mensuelle)} par mois (composé). "
        if hors_d_atteinte:
            r = Verdict(
                False,
                phrase + "Aucune entreprise ne tient un tel rythme : baissez nettement la cible ou visez une "
                "échéance bien plus lointaine.",
            )
        else:
            r = Verdict(not jugement["alerte"], phrase + jugement["conseil"])
    elif croissance is not None:
        from coursekit.format import nombre, pourcent

        if croissance.facteur > MULTIPLE_MAXIMUM:
            hors_d_atteinte = True
            r = Verdict(
                False,
                f"« {croissance.passage} » : la cible vaut {nombre(croissance.facteur, 0)} fois le point de départ. "
                "C'est hors d'atteinte pour une petite structure : visez une marche à votre portée.",
            )
        else:
            r = Verdict(
                True,
                f"Le point de départ est connu (« {croissance.passage} »"
                f"{', soit ' + _ecart_de_taux(croissance.passage) if _ecart_de_taux(croissance.passage) else ''} ; "
                f"{pourcent((croissance.facteur - 1) * 100, signe=True)} au total) : comptez les mois jusqu'à "
                "l'échéance pour juger le rythme mensuel.",
            )
    elif demesure:
        r = Verdict(
            False,
            f"« {lu.citer(demesure[0].start(), demesure[0].end())} » paraît démesuré pour une petite structure : "
            "visez une marche à votre portée.",
        )
    elif m.ok:
        r = Verdict(
            False,
            "D'où partez-vous ? Sans point de départ, impossible de dire si la cible est réaliste : "
            "écrivez « de 2 000 à 3 000 abonnés » ou donnez le niveau actuel (« nous en avons 2 000 aujourd'hui »).",
        )
    else:
        r = Verdict(False, "Sans chiffre, impossible de juger si l'objectif est réaliste.")
    if hors_d_atteinte and a.ok:
        a = Verdict(
            False, "Même avec des moyens nommés, une telle cible n'est pas atteignable : revoyez-la d'abord."
        )

    return {"S": s, "M": m, "A": a, "R": r, "T": t}


def score_smart(verdicts) -> int:
    """Nombre de critères remplis (0 à 5).

    >>> score_smart(verifier_smart("Atteindre 5 000 abonnés Instagram en 6 mois"))
    3
    >>> score_smart(verifier_smart("Passer de 2 000 à 5 000 abonnés Instagram en 6 mois grâce à des concours"))
    5
    """
    return sum(bool(verdict[0]) for verdict in verdicts.values())


def resume_smart(verdicts) -> str:
    """Une phrase de bilan : combien de critères sont remplis et lesquels manquent.

    >>> print(resume_smart(verifier_smart("Améliorer notre visibilité")))
    0 critère sur 5 rempli. À retravailler : Spécifique, Mesurable, Atteignable, Réaliste, Temporel.
    """
    score = score_smart(verdicts)
    manquants = [CRITERES[c] for c, verdict in verdicts.items() if not verdict[0]]
    debut = f"{score} critère{'s' if score > 1 else ''} sur 5 rempli{'s' if score > 1 else ''}."
    if not manquants:
        return debut + " Objectif SMART : il reste à le confronter à vos moyens réels."
    return debut + " À retravailler : " + ", ".join(manquants) + "."


def rapport_smart(objectif) -> str:
    """Le jugement des cinq critères en quelques lignes de texte (pour un ``print``).

    >>> print(rapport_smart("Atteindre 5 000 abonnés Instagram en 6 mois").splitlines()[0])
    « Atteindre 5 000 abonnés Instagram en 6 mois »
    """
    verdicts = verifier_smart(objectif)
    lignes = [f"« {objectif.strip()} »"]
    for critere, (ok, conseil) in verdicts.items():
        lignes.append(f"  {critere} {'✔' if ok else '✘'} {CRITERES[critere]} : {conseil}")
    lignes.append("  → " + resume_smart(verdicts))
    return "\n".join(lignes)


# La mission de Graine de Ville déclinée en objectifs (exemples construits pour le cours).
_PYRAMIDE = contenu.section(_CHAPITRE, "pyramide_graine_de_ville", SCHEMA_PYRAMIDE)
STRATEGIQUES_GRAINE_DE_VILLE = tuple(_PYRAMIDE["strategiques"])
OPERATIONNELS_GRAINE_DE_VILLE = tuple(_PYRAMIDE["operationnels"])


# ---------------------------------------------------------------------------
# Exercice : reformuler des objectifs vagues
# ---------------------------------------------------------------------------


class ObjectifVague(NamedTuple):
    """Un objectif vague à reformuler, les mots qui montrent qu'on parle du même sujet, une réponse possible."""

    vague: str
    theme: tuple[str, ...]
    exemple: str


OBJECTIFS_VAGUES = tuple(
    ObjectifVague(o["vague"], tuple(o["theme"]), o["exemple"])
    for o in contenu.section(_CHAPITRE, "objectifs_vagues", SCHEMA_OBJECTIFS_VAGUES)
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
            "retour": f"Réécrivez « {vague.vague} » en objectif SMART : un chiffre, un indicateur, une échéance.",
        }
    verdicts = verifier_smart(proposition)
    score = score_smart(verdicts)
    meme_sujet = bool(_chercher(_Texte(proposition).texte, vague.theme, racine=True))
    essentiels = all(verdicts[c].ok for c in "SMT")
    reussi = essentiels and meme_sujet
    if not meme_sujet:
        retour = f"Votre objectif s'éloigne du sujet de départ (« {vague.vague} ») : gardez le même thème."
    elif reussi:
        retour = f"Bravo : {resume_smart(verdicts)}"
    else:
        manque = [CRITERES[c] for c in "SMT" if not verdicts[c].ok]
        premier = next(c for c in "SMT" if not verdicts[c].ok)
        retour = f"Presque : il manque {', '.join(manque)}. {verdicts[premier].conseil}"
    return {
        "verdicts": verdicts,
        "score": score,
        "meme_sujet": meme_sujet,
        "reussi": reussi,
        "retour": retour,
    }
