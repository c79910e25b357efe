"""Le vocabulaire du marketing digital : sigle, forme développée et définition.

>>> chercher("sea").sigle
'SEA'
>>> chercher("roi").developpe
'Return On Investment (retour sur investissement)'
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie


@dataclass(frozen=True)
class Terme:
    """Une entrée du glossaire."""

    sigle: str
    developpe: str
    definition: str
    chapitre: str


GLOSSAIRE: tuple[Terme, ...] = (
    Terme("B2B", "Business to Business", "Une entreprise vend à d'autres entreprises.", "03-personas"),
    Terme("B2C", "Business to Consumer", "Une entreprise vend à des particuliers.", "03-personas"),
    Terme(
        "SEO",
        "Search Engine Optimization (référencement naturel)",
        "Travailler son site et ses contenus pour remonter dans les résultats gratuits des moteurs de recherche.",
        "01-mix-marketing",
    ),
    Terme(
        "SEA",
        "Search Engine Advertising (référencement payant)",
        "Acheter des annonces qui s'affichent au-dessus des résultats d'un moteur de recherche.",
        "01-mix-marketing",
    ),
    Terme(
        "SEM",
        "Search Engine Marketing",
        "Tout le marketing sur les moteurs de recherche : SEM = SEO + SEA.",
        "01-mix-marketing",
    ),
    Terme(
        "SMM",
        "Social Media Marketing",
        "Le marketing mené sur les réseaux sociaux : publications, publicités, animation de communauté.",
        "01-mix-marketing",
    ),
    Terme(
        "CPM",
        "Coût pour mille",
        "Prix payé pour 1 000 affichages d'une publicité, qu'on clique ou non.",
        "06-kpi",
    ),
    Terme(
        "CPC",
        "Coût par clic (on dit aussi PPC, pay per click)",
        "Prix payé chaque fois qu'un internaute clique sur l'annonce.",
        "06-kpi",
    ),
    Terme(
        "CPA",
        "Coût par acquisition",
        "Dépense nécessaire pour obtenir une vente ou un nouveau client.",
        "06-kpi",
    ),
    Terme(
        "CPL",
        "Coût par lead",
        "Dépense nécessaire pour obtenir un prospect (lead) : un contact intéressé, pas forcément devenu client.",
        "06-kpi",
    ),
    Terme(
        "CTR",
        "Click-Through Rate (taux de clic)",
        "Part des personnes qui cliquent parmi celles qui ont vu le contenu.",
        "06-kpi",
    ),
    Terme(
        "CR",
        "Conversion Rate (taux de conversion)",
        "Part des visiteurs qui réalisent l'action attendue : achat, inscription, demande de devis.",
        "06-kpi",
    ),
    Terme(
        "CRM",
        "Customer Relationship Management (gestion de la relation client)",
        "Le fichier et les outils qui gardent l'historique de chaque client pour mieux le servir.",
        "07-fidelisation",
    ),
    Terme(
        "CLV",
        "Customer Lifetime Value (valeur vie client)",
        "Ce qu'un client rapporte pendant toute la durée de sa relation avec la marque.",
        "07-fidelisation",
    ),
    Terme(
        "CAC",
        "Coût d'acquisition client",
        "Ce que coûte, en moyenne, le fait de gagner un nouveau client.",
        "07-fidelisation",
    ),
    Terme(
        "KPI",
        "Key Performance Indicator (indicateur clé de performance)",
        "Un chiffre suivi régulièrement pour savoir si l'on avance vers un objectif.",
        "06-kpi",
    ),
    Terme(
        "ROI",
        "Return On Investment (retour sur investissement)",
        "Ce que rapporte une action, une fois son coût remboursé, rapporté à ce coût : (gain − coût) ÷ coût.",
        "06-kpi",
    ),
    Terme(
        "ROAS",
        "Return On Ad Spend (retour sur dépenses publicitaires)",
        "Chiffre d'affaires obtenu pour 1 € de publicité : chiffre d'affaires ÷ coût.",
        "06-kpi",
    ),
    Terme(
        "NPS",
        "Net Promoter Score",
        "Mesure de la recommandation : % de promoteurs (notes 9-10) moins % de détracteurs (0-6), sur 0 à 10.",
        "07-fidelisation",
    ),
    Terme(
        "CSAT",
        "Customer Satisfaction Score",
        "Part des clients satisfaits (4 ou 5 sur 5) juste après un achat ou un échange.",
        "07-fidelisation",
    ),
    Terme(
        "RGPD",
        "Règlement général sur la protection des données",
        "La loi européenne (2018) qui encadre la collecte et l'usage des données personnelles.",
        "00-introduction",
    ),
    Terme(
        "UGC",
        "User Generated Content (contenu créé par les utilisateurs)",
        "Photos, avis, vidéos publiés par les clients eux-mêmes au sujet de la marque.",
        "07-fidelisation",
    ),
)


def _cle(texte: str) -> str:
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return "".join(sans_accents.split()).upper()


def chercher(requete: str) -> Terme:
    """Le terme dont le sigle correspond à ``requete`` (majuscules, accents et espaces ignorés).

    Un sigle inconnu lève une :class:`~coursekit.ErreurSaisie` qui propose les sigles proches.
    """
    requete = v.texte(requete, "Le terme cherché", obligatoire=True)
    index = {_cle(t.sigle): t for t in GLOSSAIRE}
    index.setdefault("PPC", index["CPC"])
    cle = _cle(requete)
    if cle in index:
        return index[cle]
    proches = difflib.get_close_matches(cle, list(index), n=3, cutoff=0.5)
    suggestion = f" Vouliez-vous dire : {', '.join(proches)} ?" if proches else ""
    raise ErreurSaisie(f"« {requete.strip()} » n'est pas dans le glossaire du cours.{suggestion}")


def sigles() -> list[str]:
    """Les sigles du glossaire, dans l'ordre alphabétique."""
    return sorted(t.sigle for t in GLOSSAIRE)
