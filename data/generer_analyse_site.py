"""Génère les données fictives du chapitre 10 (analyser un site, préparer l'épreuve E5).

Tirage au hasard avec une graine fixe : relancer le script redonne exactement les
mêmes fichiers, donc les mêmes chiffres dans le notebook.

Graine de Ville (l'entreprise fil rouge, ``src/coursekit/cas.py``) :

- ``graine_de_ville_trafic_mars.csv`` : les statistiques du site en mars 2025,
  semaine par semaine et source par source. Les totaux du mois sont fixés à la
  main pour coller au cas (500 visites, 1 % de conversion, panier de 50 €) ;
  seul leur partage entre les quatre semaines est tiré au hasard ;
- ``graine_de_ville_clients_rfm.csv`` : le fichier clients du chapitre 07
  (mêmes identifiants, mêmes commandes, même chiffre d'affaires) complété par la
  date du dernier achat au 1er avril 2025, pour la segmentation RFM. Cet export
  date d'avant le plan d'action (les relevés mensuels du chapitre 06 commencent
  en janvier 2026).

Atelier Sève (l'entreprise du cas d'entraînement à l'épreuve E5A) :

- ``e5_atelier_seve_trafic.csv`` : statistiques du site, février et mars 2026,
  par source ;
- ``e5_atelier_seve_avis.csv`` : quinze avis clients récents (textes écrits pour le
  cours) ;
- ``e5_atelier_seve_clients.csv`` : un extrait de 40 clients.

Usage, depuis la racine du dépôt : ``python data/generer_analyse_site.py``
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

GRAINE = 2026
DOSSIER = Path(__file__).resolve().parent
DATE_REFERENCE = date(2025, 4, 1)  # Graine de Ville : le lendemain du mois étudié (mars 2025)
DATE_REFERENCE_E5 = date(2026, 4, 1)  # Atelier Sève : le lendemain de mars 2026
SEMAINES = ("Semaine 1", "Semaine 2", "Semaine 3", "Semaine 4")

# Totaux du mois par source : sessions, part de nouveaux utilisateurs, taux d'engagement,
# pages par session, durée moyenne (s), paniers créés, montants des commandes (€).
SOURCES_GRAINE_DE_VILLE = {
    "Recherche naturelle": (150, 0.75, 0.60, 3.2, 110, 5, [47.0]),
    "Réseaux sociaux naturels": (120, 0.80, 0.40, 1.8, 45, 3, []),
    "Direct": (90, 0.35, 0.62, 3.5, 130, 3, [55.0]),
    "Réseaux sociaux payants": (60, 0.90, 0.30, 1.5, 35, 2, [42.0]),
    "E-mail": (30, 0.10, 0.75, 4.0, 160, 4, [58.0, 48.0]),
    "Recherche payante": (30, 0.85, 0.50, 2.5, 80, 1, []),
    "Sites référents": (20, 0.70, 0.55, 2.8, 95, 0, []),
}
# Poids des semaines ; la newsletter part en semaine 2, d'où le pic de l'e-mail.
POIDS_SEMAINES = {"E-mail": (0.10, 0.60, 0.20, 0.10)}
POIDS_PAR_DEFAUT = (0.23, 0.25, 0.25, 0.27)

# Atelier Sève, par mois : sessions, nouveaux, engagement, pages, durée, paniers, commandes, panier moyen.
SOURCES_ATELIER_SEVE = {
    "Février": {
        "Recherche naturelle": (1_200, 0.70, 0.62, 3.4, 125, 96, 30, 46),
        "Réseaux sociaux naturels": (900, 0.78, 0.45, 2.1, 60, 54, 14, 38),
        "Réseaux sociaux payants": (600, 0.92, 0.35, 1.6, 40, 30, 6, 36),
        "E-mail": (300, 0.12, 0.72, 4.1, 170, 36, 15, 52),
        "Direct": (500, 0.30, 0.66, 3.8, 150, 40, 15, 50),
    },
    "Mars": {
        "Recherche naturelle": (1_150, 0.70, 0.60, 3.3, 120, 92, 28, 46),
        "Réseaux sociaux naturels": (950, 0.78, 0.44, 2.0, 58, 57, 14, 38),
        "Réseaux sociaux payants": (1_300, 0.93, 0.28, 1.4, 32, 78, 10, 35),
        "E-mail": (280, 0.12, 0.74, 4.2, 175, 35, 15, 53),
        "Direct": (520, 0.30, 0.65, 3.7, 148, 42, 15, 51),
    },
}

AVIS_ATELIER_SEVE = [
    ("2026-03-02", 5, "Google", "Monstera arrivée en parfait état, très bien emballée. Je recommande."),
    ("2026-03-04", 2, "Google", "Commande reçue avec neuf jours de retard et aucune nouvelle entre-temps."),
    ("2026-03-05", 4, "Site", "Belles plantes, fiche d'entretien claire. Livraison un peu chère."),
    (
        "2026-03-08",
        1,
        "Google",
        "Pot cassé à la livraison. J'attends toujours une réponse du service client.",
    ),
    ("2026-03-10", 5, "Site", "Conseils au téléphone au top, ma calathea revit !"),
    ("2026-03-12", 3, "Site", "Plante conforme mais plus petite que sur la photo."),
    ("2026-03-15", 5, "Google", "Deuxième commande, toujours aussi satisfaite. Le kit rempotage est génial."),
    ("2026-03-17", 2, "Google", "Le code promo de la publicité Instagram ne marchait pas au paiement."),
    ("2026-03-18", 4, "Site", "Site agréable, paiement rapide. J'aurais aimé un suivi du colis."),
    ("2026-03-21", 5, "Site", "Cadeau parfait pour ma sœur, carte manuscrite jointe. Merci !"),
    ("2026-03-23", 1, "Google", "Livraison annoncée en 48 h, reçue au bout de dix jours. Plante abîmée."),
    ("2026-03-25", 4, "Google", "Bon rapport qualité-prix sur les petites plantes."),
    ("2026-03-27", 5, "Site", "Emballage sans plastique, plante superbe. Bravo."),
    ("2026-03-29", 3, "Google", "Produits jolis mais frais de port élevés pour une seule plante."),
    ("2026-03-30", 4, "Site", "Réponse rapide à ma question par chat, merci à l'équipe."),
]


def _repartir(alea: np.random.Generator, total: int, poids) -> np.ndarray:
    return alea.multinomial(total, np.asarray(poids) / np.sum(poids))


def trafic_graine_de_ville(alea: np.random.Generator) -> pd.DataFrame:
    """Une ligne par semaine et par source ; les totaux du mois sont ceux de ``SOURCES_GRAINE_DE_VILLE``."""
    lignes = []
    for source, (
        sessions,
        nouveaux,
        engagement,
        pages,
        duree,
        paniers,
        montants,
    ) in SOURCES_GRAINE_DE_VILLE.items():
        poids = POIDS_SEMAINES.get(source, POIDS_PAR_DEFAUT)
        sessions_s = _repartir(alea, sessions, poids)
        paniers_s = _repartir(alea, paniers, sessions_s + 0.1) if paniers else np.zeros(4, int)
        # Chaque commande vient d'un panier : on tire les paniers qui ont été payés.
        semaine_des_paniers = np.repeat(np.arange(4), paniers_s)
        payes = alea.choice(semaine_des_paniers, size=len(montants), replace=False) if montants else []
        for i, semaine in enumerate(SEMAINES):
            n = int(sessions_s[i])
            utilisateurs = n - int(alea.binomial(n, 0.12))
            montants_semaine = [m for m, s in zip(montants, payes, strict=True) if s == i]
            lignes.append(
                {
                    "periode": semaine,
                    "source": source,
                    "sessions": n,
                    "utilisateurs": utilisateurs,
                    "nouveaux_utilisateurs": int(alea.binomial(utilisateurs, nouveaux)),
                    "sessions_engagees": int(alea.binomial(n, engagement)),
                    "pages_vues": int(alea.poisson(n * pages)) if n else 0,
                    "duree_totale_s": int(round(n * duree * alea.lognormal(0, 0.1))),
                    "paniers": int(paniers_s[i]),
                    "commandes": len(montants_semaine),
                    "chiffre_affaires": round(sum(montants_semaine), 2),
                }
            )
    table = pd.DataFrame(lignes)
    table["periode"] = pd.Categorical(table["periode"], SEMAINES, ordered=True)
    return table.sort_values(["periode", "source"], kind="stable").reset_index(drop=True)


def trafic_atelier_seve(alea: np.random.Generator) -> pd.DataFrame:
    """Une ligne par mois et par source pour le cas E5 (chiffres fixés, durées et pages un peu bruitées)."""
    lignes = []
    for mois, sources in SOURCES_ATELIER_SEVE.items():
        for source, (
            sessions,
            nouveaux,
            engagement,
            pages,
            duree,
            paniers,
            commandes,
            panier,
        ) in sources.items():
            utilisateurs = round(sessions * 0.84)
            lignes.append(
                {
                    "periode": mois,
                    "source": source,
                    "sessions": sessions,
                    "utilisateurs": utilisateurs,
                    "nouveaux_utilisateurs": round(utilisateurs * nouveaux),
                    "sessions_engagees": round(sessions * engagement),
                    "pages_vues": int(alea.poisson(sessions * pages)),
                    "duree_totale_s": int(round(sessions * duree * alea.lognormal(0, 0.05))),
                    "paniers": paniers,
                    "commandes": commandes,
                    "chiffre_affaires": round(commandes * panier * float(alea.lognormal(0, 0.03)), 2),
                }
            )
    return pd.DataFrame(lignes)


def clients_rfm(alea: np.random.Generator) -> pd.DataFrame:
    """Le fichier clients du chapitre 07, avec la date du dernier achat (plus on commande, plus c'est récent)."""
    base = pd.read_csv(DOSSIER / "graine_de_ville_clients.csv")
    jours = []
    for commandes, anciennete in zip(base["commandes_12_mois"], base["anciennete_mois"], strict=True):
        maximum = min(364, anciennete * 30)
        jours.append(int(np.clip(alea.exponential(260 / commandes), 1, maximum)))
    return pd.DataFrame(
        {
            "id_client": base["id_client"],
            "date_dernier_achat": [(DATE_REFERENCE - timedelta(days=j)).isoformat() for j in jours],
            "commandes_12_mois": base["commandes_12_mois"],
            "montant_12_mois": base["ca_12_mois"],
        }
    )


def clients_atelier_seve(alea: np.random.Generator, effectif: int = 40) -> pd.DataFrame:
    """Extrait du fichier clients d'Atelier Sève : dernier achat, commandes et montant sur 12 mois."""
    commandes = 1 + alea.poisson(1.6, size=effectif)
    paniers = np.round(45 * alea.lognormal(0, 0.3, size=effectif), 2)
    jours = np.clip(alea.exponential(220 / commandes), 1, 364).astype(int)
    return pd.DataFrame(
        {
            "id_client": [f"AS{i:02d}" for i in range(1, effectif + 1)],
            "date_dernier_achat": [(DATE_REFERENCE_E5 - timedelta(days=int(j))).isoformat() for j in jours],
            "commandes_12_mois": commandes,
            "montant_12_mois": np.round(commandes * paniers, 2),
        }
    )


def avis_atelier_seve() -> pd.DataFrame:
    """Les avis clients du cas E5 (écrits à la main, aucun tirage)."""
    return pd.DataFrame(AVIS_ATELIER_SEVE, columns=["date", "note", "plateforme", "avis"])


def main() -> None:
    alea = np.random.default_rng(GRAINE)
    trafic_graine_de_ville(alea).to_csv(DOSSIER / "graine_de_ville_trafic_mars.csv", index=False)
    clients_rfm(alea).to_csv(DOSSIER / "graine_de_ville_clients_rfm.csv", index=False)
    trafic_atelier_seve(alea).to_csv(DOSSIER / "e5_atelier_seve_trafic.csv", index=False)
    avis_atelier_seve().to_csv(DOSSIER / "e5_atelier_seve_avis.csv", index=False)
    clients_atelier_seve(alea).to_csv(DOSSIER / "e5_atelier_seve_clients.csv", index=False)


if __name__ == "__main__":
    main()
