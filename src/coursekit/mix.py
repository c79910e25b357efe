"""Le mix marketing digital : ses sept politiques, le choix des leviers, la répartition du budget.

Les données du cours (politiques, formats de bannières, leviers, phases, règles
du sélecteur et de l'exercice de budget) vivent dans le fichier de contenu
``contenu/01-mix-marketing.yaml`` ; ce module les valide (un schéma par section)
et garde les calculateurs purs : ils prennent des nombres ou des textes et rendent
des nombres, des tableaux ou des recommandations. Les parts de budget sont
**en pour cent** (30 veut dire 30 %). Rien n'est arrondi : on arrondit à l'affichage.

>>> list(POLITIQUES_MIX_DIGITAL)[:3]
['produit', 'communication', 'atmosphère']
>>> repartir_budget(5_000, {"Google Ads": 60, "Instagram": 30}, marge_securite=10)["montant"].tolist()
[3000.0, 1500.0, 500.0]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from coursekit import contenu
from coursekit import format as fmt
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import TEXTE as _TEXTE
from coursekit.schemas import TEXTES as _TEXTES
from coursekit.schemas import objet as _objet

# ---------------------------------------------------------------------------
# Schémas des sections du fichier de contenu (ce qu'un professeur peut y changer)
# ---------------------------------------------------------------------------

CHAPITRE = "01"

_DICO_TEXTES = {"type": "object", "minProperties": 1, "additionalProperties": _TEXTE}
_POSITIF = {"type": "number", "minimum": 0}
_POURCENT = {"type": "number", "minimum": 0, "maximum": 100}


def _liste_de(schema: dict) -> dict:
    return {"type": "array", "minItems": 1, "items": schema}


SCHEMAS: dict[str, dict] = {
    "mix_4p": _DICO_TEXTES,
    "mix_7p_ajouts": _DICO_TEXTES,
    "fonctions": _DICO_TEXTES,
    "differences": _liste_de(_objet({"critere": _TEXTE, "traditionnel": _TEXTE, "digital": _TEXTE})),
    "historique": _liste_de(_objet({"annee": {"type": "integer"}, "ere": _TEXTE, "idee": _TEXTE})),
    "politiques": {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": _objet(
            {"role": _TEXTE, "leviers": _TEXTES, "exemple": _TEXTE, "objectifs": _TEXTES},
            ["role", "leviers", "exemple"],
        ),
    },
    "formats_bannieres": _liste_de(
        _objet(
            {
                "nom": _TEXTE,
                "nom_anglais": _TEXTE,
                "largeur": {"type": "integer", "minimum": 1},
                "hauteur": {"type": "integer", "minimum": 1},
                "emplacement": _TEXTE,
            }
        )
    ),
    "push_pull": _objet(
        {
            "leviers": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {"enum": ["push", "pull"]},
            },
            "raisons": _objet({"push": _TEXTE, "pull": _TEXTE}),
        }
    ),
    "parcours": _objet(
        {
            "objectifs": _TEXTES,
            "habitudes": _TEXTES,
            "phases": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": _objet({"moment": _TEXTE, "message": _TEXTE, "leviers": _TEXTES}),
            },
        }
    ),
    "leviers": _liste_de(
        _objet(
            {
                "nom": _TEXTE,
                "outils": _TEXTE,
                "atout": _TEXTE,
                "adequation": {
                    "type": "object",
                    "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 3},
                },
                "habitudes": {"type": "array", "items": _TEXTE},
            }
        )
    ),
    "recommandation": _objet(
        {
            "etoiles_minimum": {"type": "integer", "minimum": 0, "maximum": 3},
            "poids_objectif": _POURCENT,
            "poids_habitudes": _POURCENT,
            "max_canaux": {"type": "integer", "minimum": 1},
            "avertissement": _TEXTE,
            "articles": _DICO_TEXTES,
        }
    ),
    "budget": _objet(
        {
            "nom_reserve": _TEXTE,
            "marge_conseillee": {"type": "array", "minItems": 2, "maxItems": 2, "items": _POURCENT},
            "repartition_exemple": {"type": "object", "minProperties": 1, "additionalProperties": _POURCENT},
            "canaux_visibilite": _TEXTES,
            "part_visibilite_minimum": _POURCENT,
            "email_maximum": _POURCENT,
            "part_canal_actif": _POURCENT,
            "canaux_actifs_maximum": {"type": "integer", "minimum": 1},
            "exercice_part_depart": _POURCENT,
            "exercice_reserve_depart": _POURCENT,
        },
        obligatoires=[
            "nom_reserve",
            "marge_conseillee",
            "repartition_exemple",
            "canaux_visibilite",
            "part_visibilite_minimum",
            "email_maximum",
            "part_canal_actif",
            "canaux_actifs_maximum",
        ],
    ),
    "kit_jargon": _TEXTES,
    "formats_par_phase": _liste_de(
        _objet({"phase": _TEXTE, "formats": _TEXTE, "outils": _TEXTE, "indicateur": _TEXTE})
    ),
    "annuaires": _liste_de(_objet({"nom": _TEXTE, "interet": _TEXTE})),
}
"""La forme attendue de chaque section de ``01-mix-marketing.yaml`` lue par ce module."""


def donnees(cle: str):
    """Une section du fichier de contenu du chapitre 01, validée contre son schéma.

    >>> donnees("kit_jargon")[:2]
    ['B2B', 'B2C']
    """
    return contenu.section(CHAPITRE, cle, SCHEMAS[cle])


def _verifier_coherence() -> None:
    """Règles que les schémas disent mal : les objectifs notés, les canaux de l'exercice."""
    objectifs = donnees("parcours")["objectifs"]
    fichier = contenu.fichier_du_chapitre(CHAPITRE)
    for rang, levier in enumerate(donnees("leviers"), start=1):
        if sorted(levier["adequation"]) != sorted(objectifs):
            raise contenu.ErreurContenu(
                f"Le fichier de contenu «\u00a0{fichier}\u00a0», à l'entrée «\u00a0leviers → n° {rang} → adequation\u00a0»\u00a0: "
                f"il faut une note de 0 à 3 pour chaque objectif ({', '.join(objectifs)})."
            )
    budget = donnees("budget")
    for canal in budget["canaux_visibilite"]:
        if canal not in budget["repartition_exemple"]:
            raise contenu.ErreurContenu(
                f"Le fichier de contenu «\u00a0{fichier}\u00a0», à l'entrée «\u00a0budget → canaux_visibilite\u00a0»\u00a0: "
                f"«\u00a0{canal}\u00a0» n'est pas un canal de «\u00a0repartition_exemple\u00a0»."
            )


_verifier_coherence()

# ---------------------------------------------------------------------------
# Le mix marketing : 4P, 7P et les sept politiques du mix digital
# ---------------------------------------------------------------------------

MIX_4P: dict[str, str] = dict(donnees("mix_4p"))
"""Le mix classique des « 4P » (Product, Price, Place, Promotion), en français."""

MIX_7P: dict[str, str] = {**MIX_4P, **donnees("mix_7p_ajouts")}
"""Les « 7P » des services : les 4P plus le personnel, les processus et la preuve physique."""


@dataclass(frozen=True)
class Politique:
    """Une politique du mix digital : son rôle, ses leviers et un exemple pour Graine de Ville.

    Une politique se parcourt comme la liste de ses leviers :

    >>> "comparateurs de prix" in POLITIQUES_MIX_DIGITAL["prix"]
    True
    """

    nom: str
    role: str
    leviers: tuple[str, ...]
    exemple: str
    objectifs: tuple[str, ...] = field(default_factory=tuple)

    def __iter__(self):
        return iter(self.leviers)

    def __len__(self) -> int:
        return len(self.leviers)

    def __contains__(self, levier: object) -> bool:
        return levier in self.leviers


POLITIQUES_MIX_DIGITAL: dict[str, Politique] = {
    nom: Politique(nom, p["role"], tuple(p["leviers"]), p["exemple"], tuple(p.get("objectifs", ())))
    for nom, p in donnees("politiques").items()
}
"""Les sept politiques du mix marketing digital, dans l'ordre du cours, avec leurs leviers."""


# ---------------------------------------------------------------------------
# Formats de bannières publicitaires (display)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FormatBanniere:
    """Un format standard de bannière, en pixels."""

    nom: str
    nom_anglais: str
    largeur: int
    hauteur: int
    emplacement: str

    @property
    def dimensions(self) -> str:
        """Les dimensions écrites à la française : ``728 × 90``."""
        return f"{self.largeur}\u00a0×\u00a0{self.hauteur}"

    @property
    def surface(self) -> int:
        """Surface en pixels carrés."""
        return self.largeur * self.hauteur


FORMATS_BANNIERES: tuple[FormatBanniere, ...] = tuple(
    FormatBanniere(**f) for f in donnees("formats_bannieres")
)
"""Les quatre formats de bannières du cours, du plus large au plus haut."""


def format_banniere(nom: str) -> FormatBanniere:
    """Retrouve un format par son nom français, anglais ou ses dimensions (``"300x250"``).

    >>> format_banniere("pavé").dimensions
    '300\\xa0×\\xa0250'
    >>> format_banniere("728x90").nom
    'Méga-bannière'
    """
    cle = v.texte(nom, "Le format de bannière (nom)", obligatoire=True)
    cle = "".join(cle.lower().split()).replace("×", "x")
    for fmt_banniere in FORMATS_BANNIERES:
        noms = {
            "".join(fmt_banniere.nom.lower().split()),
            "".join(fmt_banniere.nom_anglais.lower().split()),
            f"{fmt_banniere.largeur}x{fmt_banniere.hauteur}",
        }
        if cle in noms:
            return fmt_banniere
    connus = ", ".join(f"{f.nom} ({f.largeur}x{f.hauteur})" for f in FORMATS_BANNIERES)
    raise ErreurSaisie(
        f"Le format de bannière «\u00a0{nom}\u00a0» est inconnu\u00a0: choisissez parmi {connus}."
    )


# ---------------------------------------------------------------------------
# Marketing traditionnel et digital, push et pull, fonctions, histoire
# ---------------------------------------------------------------------------

DIFFERENCES_TRADITIONNEL_DIGITAL: tuple[tuple[str, str, str], ...] = tuple(
    (d["critere"], d["traditionnel"], d["digital"]) for d in donnees("differences")
)
"""Cinq différences entre marketing traditionnel et digital : (critère, traditionnel, digital)."""

FONCTIONS_MARKETING_DIGITAL: dict[str, str] = dict(donnees("fonctions"))
"""Les cinq fonctions du marketing digital et leur rôle."""

PUSH_PULL: dict[str, str] = dict(donnees("push_pull")["leviers"])
"""Exemples de leviers classés en *push* (on va chercher le client) ou *pull* (il vient à nous)."""
RAISONS_PUSH_PULL: dict[str, str] = dict(donnees("push_pull")["raisons"])
"""L'explication donnée après chaque réponse, selon la bonne réponse."""


def classer_push_pull(reponses: Mapping[str, str]) -> dict[str, tuple[bool, str]]:
    """Corrige un classement push / pull : pour chaque levier, (juste ?, explication).

    >>> classer_push_pull({"Article de blog bien référencé": "pull"})["Article de blog bien référencé"][0]
    True
    """
    if not isinstance(reponses, Mapping):
        raise ErreurSaisie(
            "Les réponses (reponses) doivent associer chaque levier à «\u00a0push\u00a0» ou «\u00a0pull\u00a0»."
        )
    corrections = {}
    for levier, reponse in reponses.items():
        v.choix(levier, "Le levier", PUSH_PULL)
        attendu = PUSH_PULL[levier]
        if reponse is None:
            corrections[levier] = (False, "Choisissez «\u00a0push\u00a0» ou «\u00a0pull\u00a0».")
            continue
        v.choix(reponse, f"La réponse pour «\u00a0{levier}\u00a0»", ("push", "pull"))
        raison = RAISONS_PUSH_PULL[attendu]
        corrections[levier] = (
            reponse == attendu,
            ("Juste\u00a0: " if reponse == attendu else "Non\u00a0: ") + raison,
        )
    return corrections


HISTORIQUE: tuple[tuple[int, str, str], ...] = tuple(
    (h["annee"], h["ere"], h["idee"]) for h in donnees("historique")
)
"""Les grandes étapes du marketing : (année, ère, idée directrice)."""


# ---------------------------------------------------------------------------
# Leviers, objectifs et habitudes de la cible : le choix des canaux
# ---------------------------------------------------------------------------

OBJECTIFS: tuple[str, ...] = tuple(donnees("parcours")["objectifs"])
"""Les quatre objectifs du parcours client, dans l'ordre."""

HABITUDES: tuple[str, ...] = tuple(donnees("parcours")["habitudes"])
"""Les habitudes digitales qu'on peut cocher pour décrire une cible."""


@dataclass(frozen=True)
class Phase:
    """Une phase du parcours : ce que veut le client, le message à lui adresser, les leviers types."""

    objectif: str
    moment: str
    message: str
    leviers: tuple[str, ...]


PHASES: dict[str, Phase] = {
    nom: Phase(nom, p["moment"], p["message"], tuple(p["leviers"]))
    for nom, p in donnees("parcours")["phases"].items()
}
"""Objectif → message → leviers, phase par phase du parcours client."""


@dataclass(frozen=True)
class Levier:
    """Un levier du marketing digital : ses atouts, son adéquation à chaque objectif (0 à 3),
    et les habitudes de la cible qui permettent de l'atteindre (vide : levier toujours utilisable)."""

    nom: str
    outils: str
    atout: str
    adequation: Mapping[str, int]
    habitudes: tuple[str, ...]


LEVIERS: dict[str, Levier] = {
    levier["nom"]: Levier(
        levier["nom"],
        levier["outils"],
        levier["atout"],
        dict(levier["adequation"]),
        tuple(levier["habitudes"]),
    )
    for levier in donnees("leviers")
}
"""Les leviers que le sélecteur de canaux peut recommander."""

_REGLES = donnees("recommandation")
MAX_CANAUX_CONSEILLES: int = _REGLES["max_canaux"]
AVERTISSEMENT_CANAUX: str = _REGLES["avertissement"]
ETOILES_MINIMUM: int = _REGLES["etoiles_minimum"]


@dataclass(frozen=True)
class LevierRecommande:
    """Un levier recommandé, son score d'adéquation (en %) et la raison, en français."""

    nom: str
    score: float
    raison: str


@dataclass(frozen=True)
class Recommandation:
    """Le résultat du sélecteur de canaux."""

    objectif: str
    leviers: tuple[LevierRecommande, ...]
    avertissement: str

    @property
    def noms(self) -> list[str]:
        """Les noms des leviers recommandés, du plus adapté au moins adapté."""
        return [levier.nom for levier in self.leviers]


def _objectif(objectif) -> str:
    if isinstance(objectif, str):
        objectif = objectif.strip().lower()
    return v.choix(objectif, "L'objectif (objectif)", OBJECTIFS)


def _habitudes(habitudes) -> list[str]:
    if isinstance(habitudes, str):
        habitudes = [habitudes]
    habitudes = v.liste_non_vide(habitudes, "La liste des habitudes de la cible (habitudes)")
    connues = {h.lower(): h for h in HABITUDES}
    propres = []
    for habitude in habitudes:
        cle = habitude.strip().lower() if isinstance(habitude, str) else habitude
        if cle not in connues:
            liste = ", ".join(HABITUDES)
            raise ErreurSaisie(
                f"L'habitude «\u00a0{habitude}\u00a0» est inconnue\u00a0: choisissez parmi {liste}."
            )
        if connues[cle] not in propres:
            propres.append(connues[cle])
    return propres


_ARTICLES = dict(_REGLES["articles"])


def _liste_et(elements: list[str]) -> str:
    if len(elements) <= 1:
        return "".join(elements)
    return ", ".join(elements[:-1]) + " et " + elements[-1]


def adequation_leviers(objectif: str, habitudes: Iterable[str]) -> dict[str, float]:
    """Score d'adéquation (en %, de 0 à 100) de chaque levier pour un objectif et une cible.

    60 % du score vient de l'adéquation du levier à l'objectif (0 à 3 étoiles),
    40 % de la part des habitudes cochées que le levier permet de toucher (un
    levier sans habitude requise, comme le site, touche tout le monde).

    >>> adequation_leviers("visibilité", ["Instagram"])["Réseaux sociaux"]
    100.0
    >>> adequation_leviers("visibilité", ["e-mail"])["E-mailing"]
    40.0
    """
    objectif = _objectif(objectif)
    habitudes = _habitudes(habitudes)
    scores = {}
    for nom, levier in LEVIERS.items():
        if levier.habitudes:
            touchees = sum(h in levier.habitudes for h in habitudes)
            portee = touchees / len(habitudes)
        else:
            portee = 1.0
        scores[nom] = (
            _REGLES["poids_objectif"] * levier.adequation[objectif] / 3 + _REGLES["poids_habitudes"] * portee
        )
    return scores


def recommander_leviers(objectif: str, habitudes: Iterable[str]) -> Recommandation:
    """Les leviers à utiliser pour un objectif, selon les habitudes digitales de la cible.

    Un levier est retenu s'il sert bien l'objectif (au moins 2 étoiles sur 3) et
    s'il touche au moins une habitude cochée (ou n'en demande aucune, comme le
    site). Chaque levier vient avec sa raison. Au-delà de trois leviers, un
    avertissement rappelle qu'il vaut mieux bien tenir 2 ou 3 canaux.

    >>> reco = recommander_leviers("visibilité", ["Instagram", "TikTok"])
    >>> reco.noms
    ['Réseaux sociaux', 'Publicité payante', 'Influence']
    >>> reco.avertissement
    ''
    """
    objectif = _objectif(objectif)
    habitudes = _habitudes(habitudes)
    scores = adequation_leviers(objectif, habitudes)
    retenus = []
    for nom, levier in LEVIERS.items():
        etoiles = levier.adequation[objectif]
        touchees = [h for h in habitudes if h in levier.habitudes]
        if etoiles < ETOILES_MINIMUM or (levier.habitudes and not touchees):
            continue
        if touchees:
            ou = f"votre cible utilise {_liste_et([_ARTICLES.get(h, h) for h in touchees])}"
        else:
            ou = "il ne dépend d'aucun réseau\u00a0: toute la cible y passe"
        force = "très adapté" if etoiles == 3 else "adapté"
        raison = f"{levier.atout}\u00a0; {ou}. Levier {force} à l'objectif «\u00a0{objectif}\u00a0»."
        retenus.append(LevierRecommande(nom, scores[nom], raison[0].upper() + raison[1:]))
    retenus.sort(key=lambda levier: -levier.score)
    avertissement = ""
    if len(retenus) > MAX_CANAUX_CONSEILLES:
        premiers = _liste_et([levier.nom for levier in retenus[:MAX_CANAUX_CONSEILLES]])
        avertissement = (
            f"Cela fait {len(retenus)} leviers\u00a0: {AVERTISSEMENT_CANAUX} que d'être partout à moitié. "
            f"Commencez par {premiers}."
        )
    return Recommandation(objectif, tuple(retenus), avertissement)


# ---------------------------------------------------------------------------
# Budget : répartition par canal avec une réserve de sécurité
# ---------------------------------------------------------------------------

_BUDGET = donnees("budget")
NOM_RESERVE: str = _BUDGET["nom_reserve"]
MARGE_CONSEILLEE: tuple[float, float] = tuple(float(x) for x in _BUDGET["marge_conseillee"])
TOLERANCE_CENT = 0.01
_EPSILON = 1e-9  # 33,33 × 3 donne 99,99 à un cheveu près en virgule flottante

REPARTITION_EXEMPLE: dict[str, float] = dict(_BUDGET["repartition_exemple"])
"""Répartition d'illustration du budget de Graine de Ville (la réserve fait les 10 % restants).

Le programme ne donne que les montants (1 500, 800, 1 500, 400, 300 et 500 €) :
les noms de canaux sont les nôtres.
"""


def _parts(parts) -> dict[str, float]:
    if isinstance(parts, Mapping):
        paires = list(parts.items())
    elif isinstance(parts, (str, bytes)) or not isinstance(parts, Iterable):
        raise ErreurSaisie("Les parts (parts) doivent associer chaque canal à un pourcentage.")
    else:
        paires = list(parts)
    if not paires:
        raise ErreurSaisie("Les parts (parts) sont vides\u00a0: donnez au moins un canal et son pourcentage.")
    propres: dict[str, float] = {}
    for paire in paires:
        if not isinstance(paire, tuple) or len(paire) != 2:
            raise ErreurSaisie(
                "Chaque part doit associer un canal à un pourcentage, par exemple («\u00a0SEA\u00a0», 30)."
            )
        canal, part = paire
        canal = v.texte(canal, "Le nom d'un canal", obligatoire=True).strip()
        if canal in propres:
            raise ErreurSaisie(
                f"Le canal «\u00a0{canal}\u00a0» apparaît deux fois\u00a0: regroupez ses parts."
            )
        propres[canal] = v.pourcentage(part, f"La part du canal «\u00a0{canal}\u00a0»")
    return propres


def ecart_a_cent(parts, marge_securite: float = 0) -> float:
    """Points qui manquent pour arriver à 100 % (négatif : points en trop).

    >>> ecart_a_cent({"SEA": 50, "Réseaux sociaux": 35}, marge_securite=10)
    5.0
    """
    propres = _parts(parts)
    marge = v.pourcentage(marge_securite, "La marge de sécurité (marge_securite)")
    return 100 - (sum(propres.values()) + marge)


def message_ecart(ecart: float) -> str:
    """Phrase qui dit de combien les parts manquent 100 % (vide si le compte est bon).

    >>> print(message_ecart(5))
    Il manque 5\xa0points pour arriver à 100\xa0%.
    >>> print(message_ecart(-2.5))
    Il y a 2,5\xa0points de trop\xa0: le total dépasse 100\xa0%.
    """
    ecart = v.nombre(ecart, "L'écart à 100\u00a0%")
    if abs(ecart) <= TOLERANCE_CENT + _EPSILON:
        return ""
    quantite = fmt.points(abs(ecart), 2, signe=False)
    if ecart > 0:
        return f"Il manque {quantite} pour arriver à 100\u00a0%."
    return f"Il y a {quantite} de trop\u00a0: le total dépasse 100\u00a0%."


def repartir_budget(total, parts, marge_securite=0) -> pd.DataFrame:
    """Répartit un budget entre canaux selon leurs parts (en %), avec une réserve de sécurité.

    Rend un tableau, une ligne par canal (plus une ligne « Réserve de sécurité »
    si ``marge_securite`` > 0) : ``canal``, ``part`` (en %) et ``montant``
    (dans la devise du cours). Les parts et la marge doivent faire 100 %
    (à 0,01 point près) ; sinon l'erreur dit combien il manque ou combien il y a de trop.

    >>> tableau = repartir_budget(5_000, REPARTITION_EXEMPLE, marge_securite=10)
    >>> tableau["montant"].tolist()
    [1500.0, 800.0, 1500.0, 400.0, 300.0, 500.0]
    >>> try:
    ...     repartir_budget(1_000, {"SEA": 50, "E-mailing": 35}, marge_securite=10)
    ... except ErreurSaisie as erreur:
    ...     print(erreur)
    Les parts des canaux (85\xa0%) et la réserve (10\xa0%) font 95\xa0%. Il manque 5\xa0points pour arriver à 100\xa0%.
    """
    total = v.strictement_positif(total, "Le budget total (total)", "pour être réparti")
    propres = _parts(parts)
    marge = v.pourcentage(marge_securite, "La marge de sécurité (marge_securite)")
    if marge > 0 and NOM_RESERVE in propres:
        raise ErreurSaisie(
            f"«\u00a0{NOM_RESERVE}\u00a0» est réservé à la marge\u00a0: donnez un autre nom à ce canal."
        )
    somme = sum(propres.values())
    ecart = 100 - (somme + marge)
    if abs(ecart) > TOLERANCE_CENT + _EPSILON:
        debut = (
            f"Les parts des canaux ({fmt.pourcent(somme, 2)}) et la réserve ({fmt.pourcent(marge, 2)}) "
            f"font {fmt.pourcent(somme + marge, 2)}"
            if marge > 0
            else f"Les parts des canaux font {fmt.pourcent(somme, 2)}"
        )
        suite = message_ecart(ecart)
        raise ErreurSaisie(f"{debut}. {suite}")
    lignes = [
        {"canal": canal, "part": part, "montant": total * part / 100} for canal, part in propres.items()
    ]
    if marge > 0:
        lignes.append({"canal": NOM_RESERVE, "part": marge, "montant": total * marge / 100})
    return pd.DataFrame(lignes, columns=["canal", "part", "montant"])


def normaliser_parts(parts, marge_securite: float = 0, pas: float | None = None) -> dict[str, float]:
    """Ajuste les parts à la proportionnelle pour qu'avec la marge elles fassent 100 %.

    Avec ``pas`` (par exemple 0,5 pour des curseurs qui avancent de 0,5 point),
    chaque part est un multiple de ``pas`` et le total reste juste : les points
    d'arrondi vont aux parts qui en avaient perdu le plus.

    >>> normaliser_parts({"SEA": 30, "Réseaux sociaux": 10}, marge_securite=20)
    {'SEA': 60.0, 'Réseaux sociaux': 20.0}
    >>> normaliser_parts({"A": 1, "B": 1, "C": 1}, marge_securite=10, pas=1)
    {'A': 30.0, 'B': 30.0, 'C': 30.0}
    >>> normaliser_parts({"A": 1, "B": 1, "C": 1}, marge_securite=11, pas=1)
    {'A': 30.0, 'B': 30.0, 'C': 29.0}
    """
    propres = _parts(parts)
    marge = v.pourcentage(marge_securite, "La marge de sécurité (marge_securite)")
    somme = sum(propres.values())
    if somme == 0:
        raise ErreurSaisie("Toutes les parts valent 0\u00a0: donnez une part à au moins un canal.")
    exactes = {canal: part * (100 - marge) / somme for canal, part in propres.items()}
    if pas is None:
        return exactes
    pas = v.strictement_positif(pas, "Le pas des curseurs (pas)")
    unites = round((100 - marge) / pas)
    if abs(unites * pas - (100 - marge)) > _EPSILON:
        raise ErreurSaisie(
            f"Avec un pas de {fmt.nombre(pas, 2)}, on ne peut pas compléter une marge de {fmt.pourcent(marge, 2)} "
            "jusqu'à 100\u00a0%\u00a0: choisissez une marge multiple du pas."
        )
    en_unites = {canal: part / pas for canal, part in exactes.items()}
    entieres = {canal: int(u + _EPSILON) for canal, u in en_unites.items()}
    reste = unites - sum(entieres.values())
    par_perte = sorted(en_unites, key=lambda canal: -(en_unites[canal] - entieres[canal]))
    for canal in par_perte[:reste]:
        entieres[canal] += 1
    return {canal: entieres[canal] * pas for canal in propres}


# Canaux de la répartition d'exemple qui servent surtout la visibilité.
CANAUX_VISIBILITE: tuple[str, ...] = tuple(_BUDGET["canaux_visibilite"])


@dataclass(frozen=True)
class Bilan:
    """Correction d'une répartition : réussie ou non, et les remarques en français."""

    reussi: bool
    remarques: tuple[str, ...]


def evaluer_repartition(parts, marge_securite) -> Bilan:
    """Corrige une répartition du budget de Graine de Ville pour un objectif de **visibilité**.

    Trois critères : le total fait 100 % ; la réserve est entre 10 et 15 % ; au
    moins les deux tiers des dépenses hors réserve vont aux canaux de
    visibilité (publicité sociale, influence, annonces Google), et l'e-mailing,
    qui parle à des contacts déjà acquis, ne dépasse pas 10 %. Les parts se
    donnent sur les canaux de :data:`REPARTITION_EXEMPLE`.

    >>> evaluer_repartition(REPARTITION_EXEMPLE, 10).reussi
    True
    """
    propres = _parts(parts)
    marge = v.pourcentage(marge_securite, "La marge de sécurité (marge_securite)")
    inconnus = [canal for canal in propres if canal not in REPARTITION_EXEMPLE]
    if inconnus:
        raise ErreurSaisie(
            f"Le canal «\u00a0{inconnus[0]}\u00a0» ne fait pas partie de l'exercice\u00a0: "
            f"utilisez {_liste_et(list(REPARTITION_EXEMPLE))}."
        )
    remarques = []
    ok = True
    ecart = 100 - (sum(propres.values()) + marge)
    if abs(ecart) > TOLERANCE_CENT + _EPSILON:
        return Bilan(False, (message_ecart(ecart) + " Corrigez d'abord le total.",))
    bas, haut = MARGE_CONSEILLEE
    if bas <= marge <= haut:
        remarques.append(f"Réserve de {fmt.pourcent(marge)}\u00a0: prudent, sans immobiliser trop d'argent.")
    else:
        ok = False
        sens = (
            "trop faible pour absorber un imprévu"
            if marge < bas
            else "trop forte\u00a0: cet argent ne travaille pas"
        )
        remarques.append(
            f"Réserve de {fmt.pourcent(marge)}\u00a0: {sens}. Visez {fmt.nombre(MARGE_CONSEILLEE[0], 0)} à {fmt.pourcent(MARGE_CONSEILLEE[1], 0)}."
        )
    depenses = 100 - marge
    visibilite = sum(propres.get(canal, 0) for canal in CANAUX_VISIBILITE)
    part_visibilite = visibilite * 100 / depenses if depenses else 0
    if round(part_visibilite, 2) >= _BUDGET["part_visibilite_minimum"]:
        remarques.append(
            f"{fmt.pourcent(part_visibilite)} des dépenses vont aux canaux qui font connaître la marque\u00a0: "
            "cohérent avec l'objectif de visibilité."
        )
    else:
        ok = False
        remarques.append(
            f"Seulement {fmt.pourcent(part_visibilite)} des dépenses vont aux canaux de visibilité "
            "(publicité sociale, influence, annonces Google)\u00a0: visez au moins les deux tiers."
        )
    email = propres.get("E-mailing", 0)
    if email > _BUDGET["email_maximum"]:
        ok = False
        remarques.append(
            f"L'e-mailing reçoit {fmt.pourcent(email)}\u00a0: il parle à des contacts déjà acquis, "
            f"il fait peu connaître la marque. Gardez-le sous {fmt.pourcent(_BUDGET['email_maximum'], 0)}."
        )
    actifs = [canal for canal, part in propres.items() if part >= _BUDGET["part_canal_actif"]]
    if len(actifs) > _BUDGET["canaux_actifs_maximum"]:
        remarques.append(
            f"{len(actifs)} canaux reçoivent au moins {fmt.pourcent(_BUDGET['part_canal_actif'])}\u00a0: avec un petit budget, {AVERTISSEMENT_CANAUX} "
            "et y mettre des moyens suffisants."
        )
    return Bilan(ok, tuple(remarques))


# ---------------------------------------------------------------------------
# Tableaux prêts à afficher dans le notebook (données du cours, sans mise en forme)
# ---------------------------------------------------------------------------

KIT_JARGON: tuple[str, ...] = tuple(donnees("kit_jargon"))
"""Les sigles du kit de jargon du chapitre, tous définis dans :mod:`coursekit.glossaire`."""


def tableau_differences() -> pd.DataFrame:
    """Les cinq différences entre marketing traditionnel et digital.

    >>> tableau_differences().shape
    (5, 3)
    """
    return pd.DataFrame(DIFFERENCES_TRADITIONNEL_DIGITAL, columns=["critere", "traditionnel", "digital"])


def tableau_leviers() -> pd.DataFrame:
    """Les leviers du sélecteur : outils, atout et nombre d'étoiles (0 à 3) par objectif.

    >>> tableau_leviers().loc[0, "visibilité"]
    '★★★'
    """
    lignes = []
    for levier in LEVIERS.values():
        ligne = {"levier": levier.nom, "outils": levier.outils, "atout": levier.atout}
        ligne.update({o: "★" * levier.adequation[o] or "–" for o in OBJECTIFS})
        lignes.append(ligne)
    return pd.DataFrame(lignes)


def tableau_phases() -> pd.DataFrame:
    """Objectif → moment du parcours → message → leviers, phase par phase.

    >>> tableau_phases()["objectif"].tolist() == list(OBJECTIFS)
    True
    """
    return pd.DataFrame(
        [
            {
                "objectif": p.objectif,
                "moment": p.moment,
                "message": p.message,
                "leviers": ", ".join(p.leviers),
            }
            for p in PHASES.values()
        ]
    )


def tableau_historique() -> pd.DataFrame:
    """Les grandes étapes du marketing, de 1940 à 2000.

    >>> tableau_historique()["annee"].tolist()
    [1940, 1950, 1970, 1980, 1990, 2000]
    """
    return pd.DataFrame(HISTORIQUE, columns=["annee", "ere", "idee"])


def tableau_jargon() -> pd.DataFrame:
    """Le kit de jargon : sigle, forme développée, définition (tirés du glossaire du cours).

    >>> tableau_jargon()["sigle"].tolist()[:3]
    ['B2B', 'B2C', 'SEM']
    """
    from coursekit.glossaire import chercher

    termes = [chercher(sigle) for sigle in KIT_JARGON]
    return pd.DataFrame(
        [{"sigle": t.sigle, "developpe": t.developpe, "definition": t.definition} for t in termes]
    )


def tableau_7p() -> pd.DataFrame:
    """Les 7P, en indiquant lesquels forment les 4P classiques.

    >>> tableau_7p()["modele"].tolist().count("4P")
    4
    """
    return pd.DataFrame(
        [
            {"p": p, "role": role, "modele": "4P" if p in MIX_4P else "ajout des 7P"}
            for p, role in MIX_7P.items()
        ]
    )


def tableau_formats() -> pd.DataFrame:
    """Phase par phase : les formats de contenu, les outils de mesure et l'indicateur à suivre.

    >>> tableau_formats()["phase"].tolist() == list(OBJECTIFS)
    True
    """
    return pd.DataFrame(donnees("formats_par_phase"), columns=["phase", "formats", "outils", "indicateur"])


def tableau_annuaires() -> pd.DataFrame:
    """Les annuaires où inscrire une petite entreprise, et ce que chacun apporte.

    >>> len(tableau_annuaires())
    3
    """
    return pd.DataFrame(donnees("annuaires"), columns=["nom", "interet"])
