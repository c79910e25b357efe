"""Comparer des influenceurs : ce que coûte vraiment une interaction.

Un grand compte touche plus de monde, mais ses abonnés réagissent souvent moins.
On compare donc le coût par interaction : prix ÷ (abonnés × taux d'engagement).

>>> round(cout_par_interaction(prix=300, abonnes=15_000, taux_engagement=6), 2)
0.33
"""

from __future__ import annotations

from coursekit import validation as v


def interactions_attendues(abonnes, taux_engagement) -> float:
    """Nombre d'interactions espérées pour une publication : abonnés × taux d'engagement (en %)."""
    abonnes = v.positif(abonnes, "Le nombre d'abonnés (abonnes)")
    taux_engagement = v.pourcentage(taux_engagement, "Le taux d'engagement (taux_engagement)")
    return abonnes * taux_engagement / 100


def cout_par_interaction(prix, abonnes, taux_engagement) -> float:
    """Coût d'une interaction (like, commentaire, partage) obtenue par une publication payée."""
    prix = v.positif(prix, "Le prix de la publication (prix)")
    interactions = interactions_attendues(abonnes, taux_engagement)
    if interactions == 0:
        from coursekit.erreurs import ErreurSaisie

        raise ErreurSaisie(
            "Avec 0 abonné ou 0\u00a0% d'engagement, la publication n'apporte aucune interaction\u00a0: "
            "le coût par interaction ne peut pas se calculer."
        )
    return prix / interactions
