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

from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.travaux import lire_donnees, lire_texte, texte_travail

MOTS_MINIMUM = 15


@dataclass(frozen=True)
class Etape:
    """Une étape du plan : sa question et le chapitre qui aide à y répondre."""

    numero: int
    titre: str
    question: str
    chapitre: str


ETAPES: tuple[Etape, ...] = (
    Etape(
        1,
        "Audit",
        "Où en est l'entreprise ? Forces, faiblesses, concurrents directs et indirects.",
        "02-swot",
    ),
    Etape(2, "Positionnement", "Pourquoi existe-t-elle, et qu'est-ce qui la rend unique ?", "02-swot"),
    Etape(3, "Personas", "À qui parle-t-on ? Un ou deux portraits de clients idéaux.", "03-personas"),
    Etape(4, "Objectifs SMART", "Que veut-on atteindre, combien, et pour quand ?", "04-objectifs-smart"),
    Etape(5, "Message", "Que dit-on à chaque persona, à chaque phase du parcours ?", "03-personas"),
    Etape(6, "Canaux et leviers", "Quels deux ou trois canaux, et pourquoi ceux-là ?", "01-mix-marketing"),
    Etape(
        7,
        "Contenus",
        "Quels formats (posts, vidéos, articles, e-mails) pour quels objectifs ?",
        "01-mix-marketing",
    ),
    Etape(
        8, "Calendrier éditorial", "Que publie-t-on, où et quand, semaine après semaine ?", "08-projet-final"
    ),
    Etape(
        9,
        "Budget et compétences",
        "Combien par canal, quelle réserve, qui fait quoi (interne ou prestataire) ?",
        "01-mix-marketing",
    ),
    Etape(
        10,
        "KPI et pilotage",
        "Quels indicateurs, à quelle fréquence, et que fait-on s'ils décrochent ?",
        "06-kpi",
    ),
)

TYPES_PME: dict[str, str] = {
    "Commerce avec retrait en magasin (click & collect)": "retrait et livraison, avis clients et e-réputation locale",
    "Services aux entreprises (B2B)": "génération de leads, webinaires, contenus d'expertise sur LinkedIn",
    "E-commerce local": "réseaux sociaux, influenceurs de la région, fidélisation par e-mail",
    "Club sportif": "inscriptions en ligne, animation de la communauté, fidélisation des adhérents",
    "Agence immobilière": "visites virtuelles, référencement local, leads qualifiés",
    "Centre de formation": "contenus utiles, formulaires d'inscription, témoignages d'anciens élèves",
}


CALENDRIER_GRAINE_DE_VILLE: dict[str, dict[str, int]] = {
    "Semaine 1": {"Instagram": 3, "Article de blog (SEO)": 1, "Newsletter": 1},
    "Semaine 2": {"Instagram": 3, "Article de blog (SEO)": 1, "Newsletter": 1, "Micro-influenceuse": 1},
    "Semaine 3": {"Instagram": 3, "Article de blog (SEO)": 1, "Newsletter": 1},
    "Semaine 4": {"Instagram": 3, "Article de blog (SEO)": 1, "Newsletter": 1, "Micro-influenceuse": 1},
}
"""Premier mois type du plan de Graine de Ville : ses trois canaux (Instagram, blog, e-mail),
plus une publication d'une micro-influenceuse toutes les deux semaines."""

PARTS_BUDGET_GRAINE_DE_VILLE: dict[str, float] = {
    "Annonces Instagram": 30,
    "Micro-influenceuses": 16,
    "Blog et référencement naturel": 30,
    "E-mailing": 8,
    "Outils (analyse, e-mailing)": 6,
}
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
    return pd.DataFrame(
        [(e.numero, e.titre, e.question, e.chapitre) for e in ETAPES],
        columns=["Étape", "Titre", "La question à trancher", "Chapitre d'appui"],
    )
