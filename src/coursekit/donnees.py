"""Lecture des fichiers de ``data/`` avec des erreurs en français.

Le dossier ``data/`` est à la racine du dépôt ; la variable d'environnement
``COURSEKIT_DONNEES`` peut en désigner un autre.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from coursekit.erreurs import ErreurSaisie


def dossier_donnees() -> Path:
    """Le dossier des données du cours."""
    if os.environ.get("COURSEKIT_DONNEES"):
        return Path(os.environ["COURSEKIT_DONNEES"])
    return Path(__file__).resolve().parents[2] / "data"


def lire_csv(nom: str, colonnes: Iterable[str] = ()) -> pd.DataFrame:
    """Lit ``data/<nom>`` (CSV UTF-8, séparateur virgule) et vérifie ses colonnes."""
    chemin = dossier_donnees() / nom
    if not chemin.exists():
        raise ErreurSaisie(f"Le fichier de données « {nom} » est introuvable dans {chemin.parent}.")
    table = pd.read_csv(chemin, encoding="utf-8")
    manquantes = [c for c in colonnes if c not in table.columns]
    if manquantes:
        raise ErreurSaisie(f"Le fichier « {nom} » doit contenir les colonnes : {', '.join(manquantes)}.")
    return table


def lire_json(nom: str) -> object:
    """Lit ``data/<nom>`` (JSON UTF-8)."""
    chemin = dossier_donnees() / nom
    if not chemin.exists():
        raise ErreurSaisie(f"Le fichier de données « {nom} » est introuvable dans {chemin.parent}.")
    try:
        return json.loads(chemin.read_text(encoding="utf-8"))
    except json.JSONDecodeError as erreur:
        raise ErreurSaisie(
            f"Le fichier « {nom} » n'est pas un JSON valide (ligne {erreur.lineno})."
        ) from None
