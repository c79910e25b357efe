"""L'entreprise fil rouge du cours : Graine de Ville, et le modèle qui tient ses chiffres ensemble.

Tous les chapitres y reviennent. Ses chiffres viennent du cas pratique du programme
(50 000 € de chiffre d'affaires par an, 500 visites du site par mois, 1 % de
conversion, un panier moyen de 50 €) et vivent dans le fichier de contenu du
chapitre 08 (section ``entreprise_cas``).

Ces chiffres ne peuvent pas tous venir du site : 500 visites × 1 % × 50 € × 12 mois
ne font que 3 000 € par an. Le modèle le dit franchement : le site est un petit canal,
le reste du chiffre d'affaires se fait en direct (stand sur les marchés, corner dans une
boutique partenaire). C'est justement pour faire grandir la part en ligne que le cours
bâtit un plan de communication digitale.

>>> cas = GRAINE_DE_VILLE
>>> cas.commandes_en_ligne_mensuelles, cas.chiffre_affaires_en_ligne_annuel
(5.0, 3000.0)
>>> sum(cas.chiffre_affaires_par_canal().values()) == cas.chiffre_affaires_annuel
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coursekit import contenu
from coursekit.schemas import TEXTE as _TEXTE

_POSITIF = {"type": "number", "minimum": 0}

SCHEMA = {
    "type": "object",
    "required": [
        "nom",
        "activite",
        "anciennete_ans",
        "chiffre_affaires_annuel",
        "abonnes_instagram",
        "visites_mensuelles",
        "taux_conversion",
        "panier_moyen",
        "taux_marge",
        "budget_marketing",
        "mission",
        "faiblesses",
        "autres_canaux",
        "fichier_clients",
    ],
    "additionalProperties": False,
    "properties": {
        "nom": _TEXTE,
        "activite": _TEXTE,
        "anciennete_ans": {"type": "integer", "minimum": 0},
        "chiffre_affaires_annuel": _POSITIF,
        "abonnes_instagram": {"type": "integer", "minimum": 0},
        "visites_mensuelles": {"type": "integer", "minimum": 0},
        "taux_conversion": {"type": "number", "minimum": 0, "maximum": 100},
        "panier_moyen": _POSITIF,
        "taux_marge": {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
        "budget_marketing": _POSITIF,
        "mission": _TEXTE,
        "faiblesses": {"type": "array", "items": _TEXTE},
        "autres_canaux": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["canal", "chiffre_affaires"],
                "additionalProperties": False,
                "properties": {"canal": _TEXTE, "chiffre_affaires": _POSITIF},
            },
        },
        "fichier_clients": {
            "type": "object",
            "required": ["fichier", "clients", "commandes", "chiffre_affaires"],
            "additionalProperties": False,
            "properties": {
                "fichier": _TEXTE,
                "clients": {"type": "integer", "minimum": 1},
                "commandes": {"type": "integer", "minimum": 0},
                "chiffre_affaires": _POSITIF,
            },
        },
    },
}
"""La forme de la section ``entreprise_cas`` du fichier de contenu du chapitre 08."""

CANAL_EN_LIGNE = "Boutique en ligne (le site)"


@dataclass(frozen=True)
class EntrepriseCas:
    """Fiche d'identité d'une entreprise étudiée en cours, et ses ventes par canal."""

    nom: str
    activite: str
    anciennete_ans: int
    chiffre_affaires_annuel: float
    abonnes_instagram: int
    visites_mensuelles: int
    budget_marketing: float
    mission: str
    faiblesses: tuple[str, ...] = field(default_factory=tuple)
    taux_conversion: float = 1.0
    panier_moyen: float = 50.0
    taux_marge: float = 25.0
    autres_canaux: tuple[tuple[str, float], ...] = ()
    fichier_clients: dict = field(default_factory=dict)

    # --- Le modèle : les identités qui lient les chiffres -------------------------------

    @property
    def commandes_en_ligne_mensuelles(self) -> float:
        """Commandes passées sur le site en un mois : visites × taux de conversion."""
        return self.visites_mensuelles * self.taux_conversion / 100

    @property
    def chiffre_affaires_en_ligne_annuel(self) -> float:
        """Ventes du site sur un an : visites × conversion × panier moyen × 12."""
        return self.commandes_en_ligne_mensuelles * self.panier_moyen * 12

    @property
    def part_en_ligne(self) -> float:
        """Part du site dans le chiffre d'affaires annuel, en %."""
        return self.chiffre_affaires_en_ligne_annuel * 100 / self.chiffre_affaires_annuel

    @property
    def chiffre_affaires_par_visite(self) -> float:
        """Ce que rapporte en moyenne une visite du site : conversion × panier moyen."""
        return self.taux_conversion / 100 * self.panier_moyen

    @property
    def roas_seuil(self) -> float:
        """ROAS qui ne fait que rembourser la publicité avec cette marge : 1 ÷ taux de marge."""
        return 100 / self.taux_marge

    def chiffre_affaires_par_canal(self) -> dict[str, float]:
        """Chiffre d'affaires annuel par canal de vente, le site en premier."""
        return {CANAL_EN_LIGNE: self.chiffre_affaires_en_ligne_annuel, **dict(self.autres_canaux)}

    def ecart_du_modele(self) -> float:
        """Chiffre d'affaires annuel − somme des canaux (0 quand les chiffres tiennent ensemble)."""
        return self.chiffre_affaires_annuel - sum(self.chiffre_affaires_par_canal().values())

    # --- Affichage -----------------------------------------------------------------------

    def fiche_markdown(self) -> str:
        """Présentation courte en Markdown, chiffres et typographie à la française."""
        from coursekit.format import monnaie, nombre
        from coursekit.typographie import corriger

        lignes = [
            f"**{self.nom}** : {self.activite}.",
            "",
            f"- Créée il y a {self.anciennete_ans} ans, {monnaie(self.chiffre_affaires_annuel)} de chiffre d'affaires par an, "
            f"dont {monnaie(self.chiffre_affaires_en_ligne_annuel)} sur le site ;",
            f"- {nombre(self.abonnes_instagram)} abonnés sur Instagram, {nombre(self.visites_mensuelles)} visites du site par mois ;",
            f"- budget marketing digital : {monnaie(self.budget_marketing)} ;",
            f"- mission : {self.mission} ;",
            f"- points faibles : {', '.join(self.faiblesses)}.",
        ]
        return corriger("\n".join(lignes))

    def ventes_markdown(self) -> str:
        """D'où vient le chiffre d'affaires : le calcul du site, puis les autres canaux, en Markdown."""
        from coursekit.format import monnaie, nombre, pourcent
        from coursekit.typographie import corriger

        lignes = [
            f"Sur le site : {nombre(self.visites_mensuelles)} visites × {pourcent(self.taux_conversion)} de "
            f"conversion = {nombre(self.commandes_en_ligne_mensuelles)} commandes par mois, × "
            f"{monnaie(self.panier_moyen)} de panier moyen × 12 mois = "
            f"**{monnaie(self.chiffre_affaires_en_ligne_annuel)} par an**, soit "
            f"{pourcent(self.part_en_ligne)} du chiffre d'affaires. Le reste se vend en direct :",
            "",
            "| canal de vente | chiffre d'affaires annuel |",
            "| --- | ---: |",
            *(f"| {canal} | {monnaie(ca)} |" for canal, ca in self.chiffre_affaires_par_canal().items()),
            f"| **Total** | **{monnaie(sum(self.chiffre_affaires_par_canal().values()))}** |",
        ]
        return corriger("\n".join(lignes))


def depuis_contenu(donnees: dict) -> EntrepriseCas:
    """Construit l'entreprise à partir de la section ``entreprise_cas`` et vérifie ses identités.

    Un professeur qui change un chiffre sans ajuster les autres reçoit un message qui dit
    de combien les canaux s'écartent du chiffre d'affaires annuel.
    """
    cas = EntrepriseCas(
        nom=donnees["nom"],
        activite=donnees["activite"],
        anciennete_ans=donnees["anciennete_ans"],
        chiffre_affaires_annuel=donnees["chiffre_affaires_annuel"],
        abonnes_instagram=donnees["abonnes_instagram"],
        visites_mensuelles=donnees["visites_mensuelles"],
        budget_marketing=donnees["budget_marketing"],
        mission=donnees["mission"],
        faiblesses=tuple(donnees["faiblesses"]),
        taux_conversion=donnees["taux_conversion"],
        panier_moyen=donnees["panier_moyen"],
        taux_marge=donnees["taux_marge"],
        autres_canaux=tuple((c["canal"], c["chiffre_affaires"]) for c in donnees["autres_canaux"]),
        fichier_clients=dict(donnees["fichier_clients"]),
    )
    ecart = cas.ecart_du_modele()
    if abs(ecart) > 0.5:
        from coursekit.format import monnaie

        raise contenu.ErreurContenu(
            f"Le fichier de contenu « 08-projet-final.yaml », section « entreprise_cas », ne tient pas debout : "
            f"le site ({monnaie(cas.chiffre_affaires_en_ligne_annuel)} = visites × conversion × panier × 12) "
            f"plus les autres canaux s'écartent de {monnaie(ecart)} du chiffre d'affaires annuel. "
            "Ajustez les autres canaux ou le chiffre d'affaires annuel."
        )
    if cas.fichier_clients["chiffre_affaires"] > cas.chiffre_affaires_annuel:
        raise contenu.ErreurContenu(
            "Le fichier de contenu « 08-projet-final.yaml », section « entreprise_cas » : le fichier clients "
            "ne peut pas faire plus que le chiffre d'affaires annuel."
        )
    return cas


GRAINE_DE_VILLE = depuis_contenu(contenu.section("08", "entreprise_cas", SCHEMA))
