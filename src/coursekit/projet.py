"""Le projet final : un plan de communication digitale en dix étapes.

Le plan garde les réponses de l'élève étape par étape, dit ce qui manque, et
s'enregistre en JSON ou s'exporte en Markdown sans rien perdre.

>>> plan = PlanCommunication("Graine de Ville")
>>> plan.repondre(1, "Forces : une communauté Instagram fidèle de 2 000 abonnés. Faiblesses : 500 visites par mois, un budget serré.")
>>> plan.avancement()
10.0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import TEXTE as _TEXTE
from coursekit.travaux import lire_donnees, lire_texte, texte_travail

SCHEMA_ETAPES = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["titre", "question", "chapitre"],
        "additionalProperties": False,
        "properties": {"titre": _TEXTE, "question": _TEXTE, "chapitre": _TEXTE},
    },
}
"""Forme de la section ``etapes`` du fichier de contenu du chapitre 08."""

SCHEMA_TYPES_PME = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["type", "pistes"],
        "additionalProperties": False,
        "properties": {"type": _TEXTE, "pistes": _TEXTE},
    },
}

SCHEMA_CALENDRIER = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
}

SCHEMA_PARTS = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {"type": "number", "minimum": 0},
}

SCHEMA_ENTETES = {
    "type": "object",
    "required": ["numero", "titre", "question", "chapitre"],
    "additionalProperties": _TEXTE,
}

MOTS_MINIMUM: int = contenu.section("08", "mots_minimum", {"type": "integer", "minimum": 1})
"""Nombre de mots à partir duquel une étape compte comme rédigée."""


@dataclass(frozen=True)
class Etape:
    """Une étape du plan : sa question et le chapitre qui aide à y répondre."""

    numero: int
    titre: str
    question: str
    chapitre: str


ETAPES: tuple[Etape, ...] = tuple(
    Etape(numero, e["titre"], e["question"], e["chapitre"])
    for numero, e in enumerate(contenu.section("08", "etapes", SCHEMA_ETAPES), start=1)
)
"""Les dix étapes du plan, dans l'ordre (fichier de contenu du chapitre 08)."""

TYPES_PME: dict[str, str] = {
    t["type"]: t["pistes"] for t in contenu.section("08", "types_pme", SCHEMA_TYPES_PME)
}
"""Types de PME proposés dans le planificateur → pistes de canaux."""

CALENDRIER_GRAINE_DE_VILLE: dict[str, dict[str, int]] = contenu.section(
    "08", "calendrier_graine_de_ville", SCHEMA_CALENDRIER
)
"""Premier mois type du plan de Graine de Ville : ses trois canaux (Instagram, blog, e-mail),
plus une publication d'une micro-influenceuse toutes les deux semaines."""

PARTS_BUDGET_GRAINE_DE_VILLE: dict[str, float] = contenu.section(
    "08", "parts_budget_graine_de_ville", SCHEMA_PARTS
)
"""Les montants d'illustration du chapitre 01 (1 500, 800, 1 500, 400, 300 €, plus 500 € de
réserve) réaffectés aux canaux du plan : l'argent suit les objectifs."""


def etape(numero) -> Etape:
    """L'étape ``numero`` (1 à 10)."""
    if isinstance(numero, bool) or not isinstance(numero, int) or not 1 <= numero <= len(ETAPES):
        raise ErreurSaisie(f"Le numéro d'étape doit être un entier de 1 à {len(ETAPES)} (reçu : {numero!r}).")
    return ETAPES[numero - 1]


@dataclass
class PlanCommunication:
    """Le plan d'un élève : le nom de l'entreprise et une réponse par étape."""

    entreprise: str
    reponses: dict[int, str] = field(default_factory=dict)

    def __post_init__(self):
        self.entreprise = v.texte(self.entreprise, "Le nom de l'entreprise (entreprise)")
        reponses, self.reponses = dict(self.reponses), {}
        for numero, texte in reponses.items():
            self.repondre(int(numero), texte)

    def repondre(self, numero: int, texte: str) -> None:
        """Enregistre (ou remplace) la réponse à une étape ; le texte est gardé tel quel."""
        etape(numero)
        self.reponses[numero] = v.texte(texte, f"La réponse à l'étape {numero}")

    def etape_complete(self, numero: int) -> bool:
        """Vrai quand la réponse compte au moins ``MOTS_MINIMUM`` mots."""
        return len(self.reponses.get(numero, "").split()) >= MOTS_MINIMUM

    def avancement(self) -> float:
        """Part des étapes complètes, en %."""
        return sum(self.etape_complete(e.numero) for e in ETAPES) * 100 / len(ETAPES)

    def etapes_manquantes(self) -> list[Etape]:
        """Les étapes encore vides ou trop courtes, dans l'ordre."""
        return [e for e in ETAPES if not self.etape_complete(e.numero)]

    def vers_markdown(self) -> str:
        """Le plan rédigé en Markdown, une section par étape."""
        lignes = [f"# Plan de communication digitale : {self.entreprise or 'entreprise à nommer'}", ""]
        for e in ETAPES:
            lignes += [
                f"## {e.numero}. {e.titre}",
                "",
                self.reponses.get(e.numero, "").strip() or "*À compléter.*",
                "",
            ]
        return "\n".join(lignes)

    def vers_dict(self) -> dict:
        return {
            "entreprise": self.entreprise,
            "reponses": {str(k): t for k, t in sorted(self.reponses.items())},
        }

    @classmethod
    def depuis_dict(cls, donnees: Mapping) -> PlanCommunication:
        """Reconstruit un plan à partir de :meth:`vers_dict` (ou d'un fichier déjà lu en JSON, ancien
        format compris) ; refuse en français ce qui n'en est pas un (:mod:`coursekit.travaux`)."""
        contenu = lire_donnees("plan", donnees).contenu
        return cls(contenu["entreprise"], {int(k): t for k, t in contenu["reponses"].items()})

    def vers_json(self) -> str:
        """Le texte du fichier enregistré (l'enveloppe commune des travaux), accents et emoji gardés."""
        return texte_travail("plan", self.vers_dict())

    @classmethod
    def depuis_json(cls, texte: str) -> PlanCommunication:
        """Relit un texte produit par :meth:`vers_json` ; un fichier abîmé donne une phrase française."""
        return cls.depuis_dict(lire_texte("plan", texte).contenu)


def charge_calendrier(calendrier: Mapping[str, Mapping[str, int]]) -> pd.DataFrame:
    """Tableau canaux × semaines du nombre de publications, avec les totaux.

    ``calendrier`` associe à chaque semaine un dictionnaire canal → nombre de
    publications. Le tableau rendu a une ligne par canal (plus « Total ») et une
    colonne par semaine (plus « Total »), comme un planning mural.

    >>> int(charge_calendrier({"Semaine 1": {"Instagram": 3, "Blog": 1}}).loc["Total", "Semaine 1"])
    4
    """
    if not isinstance(calendrier, Mapping) or not calendrier:
        raise ErreurSaisie("Le calendrier est vide : prévoyez au moins une semaine.")
    colonnes = {}
    for semaine, publications in calendrier.items():
        if not isinstance(publications, Mapping):
            raise ErreurSaisie(f"« {semaine} » doit associer chaque canal à un nombre de publications.")
        colonnes[semaine] = {
            canal: v.entier_positif(n, f"Le nombre de publications « {canal} » en {semaine}")
            for canal, n in publications.items()
        }
    table = pd.DataFrame(colonnes).fillna(0).astype(int)
    table.index.name = "Canal"
    table["Total"] = table.sum(axis=1)
    table.loc["Total"] = table.sum(axis=0)
    return table


def tableau_etapes() -> pd.DataFrame:
    """Les dix étapes en tableau, colonnes titrées en français."""
    entetes = contenu.section("08", "entetes_etapes", SCHEMA_ENTETES)
    return pd.DataFrame(
        [(e.numero, e.titre, e.question, e.chapitre) for e in ETAPES],
        columns=[entetes[c] for c in ("numero", "titre", "question", "chapitre")],
    )


# ---------------------------------------------------------------------------
# Plan d'action, calendrier éditorial d'un mois, grille d'évaluation
# ---------------------------------------------------------------------------

_COLONNES_PLAN = ("action", "objectif", "cible", "canal", "kpi", "responsable", "budget", "echeance")
_COLONNES_CALENDRIER = ("semaine", "jour", "canal", "format", "sujet", "phase")

SCHEMA_PLAN_ACTION = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": list(_COLONNES_PLAN),
        "additionalProperties": False,
        "properties": {c: _TEXTE for c in _COLONNES_PLAN} | {"budget": {"type": "number", "minimum": 0}},
    },
}
"""Forme de la section ``plan_action`` : une action par ligne, avec ses huit colonnes."""

SCHEMA_CALENDRIER_EDITORIAL = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": list(_COLONNES_CALENDRIER),
        "additionalProperties": False,
        "properties": {c: _TEXTE for c in _COLONNES_CALENDRIER},
    },
}

SCHEMA_GRILLE = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["critere", "attendus", "points"],
        "additionalProperties": False,
        "properties": {
            "critere": _TEXTE,
            "attendus": _TEXTE,
            "points": {"type": "number", "exclusiveMinimum": 0},
        },
    },
}

_SCHEMA_LIBELLES = {"type": "object", "additionalProperties": _TEXTE}


def plan_action() -> pd.DataFrame:
    """Le plan d'action de Graine de Ville : action, objectif SMART, cible, canal, KPI, responsable,
    budget (en euros) et échéance, une ligne par action (fichier de contenu du chapitre 08).

    >>> float(plan_action()["budget"].sum())
    5000.0
    """
    lignes = contenu.section("08", "plan_action", SCHEMA_PLAN_ACTION)
    return pd.DataFrame(lignes, columns=list(_COLONNES_PLAN))


def calendrier_editorial() -> pd.DataFrame:
    """Le calendrier éditorial d'un mois de Graine de Ville, une ligne par publication.

    >>> calendrier_editorial()["semaine"].nunique()
    4
    """
    lignes = contenu.section("08", "calendrier_editorial", SCHEMA_CALENDRIER_EDITORIAL)
    return pd.DataFrame(lignes, columns=list(_COLONNES_CALENDRIER))


def volumes_du_calendrier(calendrier: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Nombre de publications par semaine et par canal d'un calendrier détaillé.

    Le résultat a la forme qu'attend :func:`charge_calendrier`.

    >>> volumes_du_calendrier(pd.DataFrame({"semaine": ["S1", "S1"], "canal": ["Blog", "Blog"]}))
    {'S1': {'Blog': 2}}
    """
    for colonne in ("semaine", "canal"):
        if colonne not in calendrier.columns:
            raise ErreurSaisie(f"Le calendrier éditorial doit contenir la colonne « {colonne} ».")
    volumes: dict[str, dict[str, int]] = {}
    for semaine, canal in zip(calendrier["semaine"], calendrier["canal"], strict=True):
        volumes.setdefault(semaine, {})
        volumes[semaine][canal] = volumes[semaine].get(canal, 0) + 1
    return volumes


def grille_evaluation() -> pd.DataFrame:
    """La grille d'évaluation du projet final (critère, attendus, points), pour le professeur.

    >>> float(grille_evaluation()["points"].sum())
    20.0
    """
    return pd.DataFrame(contenu.section("08", "grille_evaluation", SCHEMA_GRILLE))


def entetes(nom: str) -> dict[str, str]:
    """Les titres de colonnes d'un tableau du chapitre 08 (``"plan_action"``, ``"calendrier_editorial"``, ``"grille"``)."""
    return dict(contenu.section("08", f"entetes_{nom}", _SCHEMA_LIBELLES))
