"""L'entreprise fil rouge du cours : Graine de Ville.

Tous les chapitres y reviennent : ses chiffres de départ viennent du cas
pratique du programme, son nom et sa présentation sont ceux du cours.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntrepriseCas:
    """Fiche d'identité d'une entreprise étudiée en cours."""

    nom: str
    activite: str
    anciennete_ans: int
    chiffre_affaires_annuel: float
    abonnes_instagram: int
    visites_mensuelles: int
    budget_marketing: float
    mission: str
    faiblesses: tuple[str, ...] = field(default_factory=tuple)

    def fiche_markdown(self) -> str:
        """Présentation courte en Markdown, chiffres à la française."""
        from coursekit.format import monnaie, nombre

        lignes = [
            f"**{self.nom}** : {self.activite}.",
            "",
            f"- Créée il y a {self.anciennete_ans} ans, {monnaie(self.chiffre_affaires_annuel)} de chiffre d'affaires par an ;",
            f"- {nombre(self.abonnes_instagram)} abonnés sur Instagram, {nombre(self.visites_mensuelles)} visites du site par mois ;",
            f"- budget marketing digital : {monnaie(self.budget_marketing)} ;",
            f"- mission : {self.mission} ;",
            f"- points faibles : {', '.join(self.faiblesses)}.",
        ]
        return "\n".join(lignes)


GRAINE_DE_VILLE = EntrepriseCas(
    nom="Graine de Ville",
    activite="boutique en ligne d'articles éco-responsables pour la vie de tous les jours "
    "(soins et cosmétiques bio, mode éthique, objets zéro déchet)",
    anciennete_ans=2,
    chiffre_affaires_annuel=50_000,
    abonnes_instagram=2_000,
    visites_mensuelles=500,
    budget_marketing=5_000,
    mission="rendre la consommation responsable facile pour les jeunes actifs des villes",
    faiblesses=("peu de visibilité", "trafic faible", "concurrence forte", "budget serré"),
)
