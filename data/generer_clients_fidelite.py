"""Génère les données fictives du chapitre 07 (fidélisation) de Graine de Ville.

Trois fichiers, tirés au hasard avec une graine fixe (le même résultat à chaque
exécution, pour que les chiffres du notebook ne bougent pas) :

- ``graine_de_ville_clients.csv`` : 300 clients, leur niveau de fidélité et ce
  qu'ils ont dépensé sur les 12 derniers mois ;
- ``graine_de_ville_enquete_satisfaction.csv`` : 240 réponses à l'enquête envoyée
  après livraison (recommandation de 0 à 10, satisfaction de 1 à 5) ;
- ``graine_de_ville_clients_mois.csv`` : clients actifs, nouveaux, perdus et
  clients qui ont racheté, mois par mois sur un an.

Réglages choisis pour rester proches des ordres de grandeur du cours : environ
50 000 € de chiffre d'affaires par an, des clients Or qui dépensent à peu près
3 fois plus que les clients Bronze, et des clients Platine (5 % de l'effectif)
qui font autour de 40 % du chiffre d'affaires. Les chiffres exacts sont calculés
dans le notebook, à partir des fichiers.

Usage, depuis la racine du dépôt : ``python data/generer_clients_fidelite.py``
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

GRAINE = 2026
DOSSIER = Path(__file__).resolve().parent

# niveau : (nombre de clients, commandes par an en moyenne, panier moyen en euros)
NIVEAUX = {
    "Bronze": (150, 0.6, 50),
    "Argent": (90, 2.0, 48),
    "Or": (45, 3.9, 49),
    "Platine": (15, 12.0, 110),
}
ANCIENNETE_MIN = {"Bronze": 1, "Argent": 4, "Or": 8, "Platine": 10}

# Probabilités des notes de recommandation 0 à 10.
PROBA_RECOMMANDATION = [0.01, 0.01, 0.02, 0.02, 0.03, 0.05, 0.07, 0.13, 0.20, 0.22, 0.24]


def clients(alea: np.random.Generator) -> pd.DataFrame:
    """Un client par ligne : niveau, ancienneté, commandes, panier moyen, chiffre d'affaires."""
    lignes = []
    for niveau, (effectif, commandes_moy, panier_moy) in NIVEAUX.items():
        for _ in range(effectif):
            commandes = max(1, int(alea.poisson(commandes_moy)))
            panier = round(float(panier_moy * alea.lognormal(0, 0.25)), 2)
            lignes.append(
                {
                    "niveau": niveau,
                    "anciennete_mois": int(alea.integers(ANCIENNETE_MIN[niveau], 25)),
                    "commandes_12_mois": commandes,
                    "panier_moyen": panier,
                    "ca_12_mois": round(commandes * panier, 2),
                }
            )
    table = pd.DataFrame(lignes).sample(frac=1, random_state=GRAINE).reset_index(drop=True)
    table.insert(0, "id_client", [f"C{i:03d}" for i in range(1, len(table) + 1)])
    return table


def enquete(alea: np.random.Generator, reponses: int = 240) -> pd.DataFrame:
    """Réponses à l'enquête de satisfaction ; la note sur 5 suit à peu près la note sur 10."""
    recommandation = alea.choice(11, size=reponses, p=PROBA_RECOMMANDATION)
    bruit = alea.normal(0, 0.6, size=reponses)
    satisfaction = np.clip(np.round(1 + recommandation * 0.42 + bruit), 1, 5).astype(int)
    mois = alea.integers(1, 13, size=reponses)
    return pd.DataFrame(
        {
            "id_reponse": [f"R{i:03d}" for i in range(1, reponses + 1)],
            "mois": [f"2025-{m:02d}" for m in mois],
            "note_recommandation": recommandation,
            "note_satisfaction": satisfaction,
        }
    ).sort_values(["mois", "id_reponse"], ignore_index=True)


def clients_par_mois(alea: np.random.Generator) -> pd.DataFrame:
    """Clients actifs mois par mois : fin = début + nouveaux − perdus."""
    saison = [1.0, 0.8, 0.9, 1.0, 1.1, 0.9, 0.8, 0.7, 1.0, 1.1, 1.4, 1.8]
    lignes = []
    debut = 262
    for numero, coefficient in enumerate(saison, start=1):
        nouveaux = int(alea.poisson(18 * coefficient))
        perdus = int(alea.binomial(debut, 0.065))
        fin = debut + nouveaux - perdus
        reachat = int(alea.binomial(fin, 0.40))
        lignes.append(
            {
                "mois": f"2025-{numero:02d}",
                "clients_debut": debut,
                "nouveaux_clients": nouveaux,
                "clients_perdus": perdus,
                "clients_fin": fin,
                "clients_reachat": reachat,
            }
        )
        debut = fin
    return pd.DataFrame(lignes)


def main() -> None:
    alea = np.random.default_rng(GRAINE)
    clients(alea).to_csv(DOSSIER / "graine_de_ville_clients.csv", index=False)
    enquete(alea).to_csv(DOSSIER / "graine_de_ville_enquete_satisfaction.csv", index=False)
    clients_par_mois(alea).to_csv(DOSSIER / "graine_de_ville_clients_mois.csv", index=False)


if __name__ == "__main__":
    main()
