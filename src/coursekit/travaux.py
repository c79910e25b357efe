"""Les fichiers de l'élève : enregistrer, relire et exporter dans ``mes-travaux/``.

Un seul endroit pour les règles communes aux outils qui gardent un travail (SWOT,
persona, plan de communication) : le dossier, le nom de fichier accepté, l'écriture
et la relecture. Tout ce qui peut mal tourner (nom invalide, fichier absent,
illisible, disque en lecture seule) devient une :class:`~coursekit.ErreurSaisie`
en français : le widget l'affiche et ne touche à rien de ce qui est à l'écran.
"""

from __future__ import annotations

import os
from pathlib import Path

from coursekit.erreurs import ErreurSaisie

EXTENSIONS = (".json", ".md", ".html", ".png")
CARACTERES_INTERDITS = '/\\:*?"<>|'


def dossier_travaux() -> Path:
    """Dossier des travaux de l'élève : ``mes-travaux/`` à côté du notebook (ou ``COURSEKIT_TRAVAUX``)."""
    return Path(os.environ.get("COURSEKIT_TRAVAUX", Path.cwd() / "mes-travaux"))


def chemin_travail(nom: str, extension: str, exemple: str) -> Path:
    """Chemin de ``nom`` + ``extension`` dans le dossier des travaux.

    Une extension déjà tapée par l'élève est retirée ; un nom vide, caché ou qui
    désigne un autre dossier est refusé.

    >>> chemin_travail(" mon-plan.json ", ".md", "mon-plan").name
    'mon-plan.md'
    """
    nom = (nom or "").strip()
    for fin in EXTENSIONS:
        if nom.lower().endswith(fin):
            nom = nom[: -len(fin)]
    if not nom or nom.startswith(".") or any(c in nom for c in CARACTERES_INTERDITS):
        raise ErreurSaisie(
            f"Le nom du fichier doit être un simple nom, sans / ni caractères spéciaux (par exemple : {exemple})."
        )
    return dossier_travaux() / f"{nom}{extension}"


def _erreur_systeme(erreur: Exception) -> ErreurSaisie:
    raison = getattr(erreur, "strerror", None) or "fichier illisible"
    return ErreurSaisie(f"Le fichier n'a pas pu être lu ou écrit ({raison}) : vérifiez le nom et réessayez.")


def ecrire_travail(nom: str, extension: str, contenu: str | bytes, exemple: str) -> Path:
    """Écrit ``contenu`` (texte UTF-8 ou octets) et rend le chemin du fichier."""
    chemin = chemin_travail(nom, extension, exemple)
    try:
        chemin.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(contenu, bytes):
            chemin.write_bytes(contenu)
        else:
            chemin.write_text(contenu, encoding="utf-8")
    except OSError as erreur:
        raise _erreur_systeme(erreur) from None
    return chemin


def lire_travail(nom: str, extension: str, exemple: str, conseil: str = "") -> str:
    """Le texte d'un travail enregistré ; ``conseil`` complète le message d'un fichier absent."""
    chemin = chemin_travail(nom, extension, exemple)
    if not chemin.exists():
        suite = f" {conseil}" if conseil else ""
        raise ErreurSaisie(
            f"Aucun fichier « {chemin.name} » dans {chemin.parent.name}/ : vérifiez le nom{suite}."
        )
    try:
        return chemin.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as erreur:
        raise _erreur_systeme(erreur) from None
