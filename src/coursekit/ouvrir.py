"""Ouvrir le cours dans JupyterLab, en français, sur Windows, macOS et Linux.

Usage (depuis le dossier du cours ; ``python ouvrir.py`` fait la même chose et
installe d'abord ce qui manque) ::

    python -m coursekit.ouvrir                 # élève : sa copie personnelle du cours
    python -m coursekit.ouvrir --professeur    # professeur : le cours complet, corrigés compris
    python -m coursekit.ouvrir --dossier D:\\cours   # la copie de l'élève ailleurs
    python -m coursekit.ouvrir --maroc         # l'édition marocaine : tous les montants en dirhams

**Élève** : la première fois, l'édition élève (sans corrigés) est copiée dans
``coursekit-eleve/`` du dossier personnel, hors du dossier du cours : ses notebooks
et ``mes-travaux/`` lui appartiennent, une mise à jour du cours ne les écrase jamais.
Aux ouvertures suivantes, un nouveau chapitre est ajouté, un chapitre que l'élève
n'a pas modifié est mis à jour, un chapitre modifié est laissé tel quel.

**Édition marocaine** (``--maroc``) : les montants du texte, des exemples, des
exercices, des quiz et des graphiques sont en dirhams (DH). La copie de l'élève s'en
souvient : les ouvertures suivantes, sans ``--maroc``, gardent les dirhams
(``--france`` revient aux euros). Pour le professeur, l'édition est écrite dans
``build/maroc/`` du dossier du cours.

Dans les deux cas JupyterLab s'ouvre en français, et l'état des simulateurs est
enregistré avec le notebook (un notebook rouvert les montre tels qu'on les a
laissés) : ce sont les réglages du dossier ``jupyter/`` du cours.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from coursekit.erreurs import ErreurSaisie
from coursekit.fichiers import ecrire_atomique

RACINE = Path(__file__).resolve().parents[2]
REGLAGES = RACINE / "jupyter" / "lab" / "settings"
MANIFESTE = ".coursekit-copie.json"
EDITION = "edition"
"""Clé du manifeste où la copie de l'élève retient son édition (``"maroc"`` ou ``"france"``)."""


def dossier_eleve_par_defaut() -> Path:
    """``coursekit-eleve`` dans le dossier personnel (ou ``COURSEKIT_COPIE``)."""
    return Path(os.environ.get("COURSEKIT_COPIE") or Path.home() / "coursekit-eleve")


def _empreinte(chemin: Path) -> str:
    return hashlib.sha256(chemin.read_bytes()).hexdigest()


def _lire_manifeste(dossier: Path) -> dict[str, str]:
    try:
        donnees = json.loads((dossier / MANIFESTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in donnees.items() if isinstance(k, str) and isinstance(v, str)}


def edition_retenue(dossier: Path) -> str:
    """L'édition de la copie d'un élève : ``"maroc"`` si elle a été faite en dirhams, sinon ``"france"``."""
    return _lire_manifeste(dossier).get(EDITION, "france")


def preparer_copie(
    dossier: Path, chapitres: list[Path] | None = None, maroc: bool | None = None
) -> dict[str, str]:
    """Met à jour la copie personnelle de l'élève ; rend ``{notebook: ce qui a été fait}``.

    Ce qui a été fait : ``"ajouté"``, ``"mis à jour"``, ``"à jour"`` ou
    ``"gardé (modifié par l'élève)"``. Un notebook que l'élève a changé n'est jamais remplacé.
    ``maroc`` : l'édition en dirhams (``None`` : celle que la copie a déjà).
    """
    from coursekit.editions import edition_notebook, localiser, notebooks

    try:
        dossier.mkdir(parents=True, exist_ok=True)
        (dossier / "mes-travaux").mkdir(exist_ok=True)
    except OSError as erreur:
        raise ErreurSaisie(
            f"Impossible de créer le dossier « {dossier} » ({erreur.strerror}) : choisissez-en un autre avec --dossier."
        ) from None
    manifeste = _lire_manifeste(dossier)
    if maroc is None:
        maroc = manifeste.get(EDITION) == "maroc"
    manifeste[EDITION] = "maroc" if maroc else "france"
    bilan: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as temporaire:
        for source in chapitres or notebooks():
            neuf = edition_notebook(source, "eleve", Path(temporaire))
            if maroc:
                localiser(neuf)
            cible = dossier / source.name
            contenu = neuf.read_bytes()
            empreinte_neuve = hashlib.sha256(contenu).hexdigest()
            if not cible.exists():
                action = "ajouté"
            elif _empreinte(cible) == empreinte_neuve:
                manifeste[source.name] = empreinte_neuve
                bilan[source.name] = "à jour"
                continue
            elif manifeste.get(source.name) == _empreinte(cible):
                action = "mis à jour"
            else:
                bilan[source.name] = "gardé (modifié par l'élève)"
                continue
            ecrire_atomique(cible, contenu)
            manifeste[source.name] = empreinte_neuve
            bilan[source.name] = action
    ecrire_atomique(dossier / MANIFESTE, json.dumps(manifeste, indent=1, sort_keys=True).encode("utf-8"))
    return bilan


def commande_lab(dossier: Path, navigateur: bool = True) -> list[str]:
    """La commande qui lance JupyterLab sur ``dossier`` avec les réglages du cours."""
    commande = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        f"--ServerApp.root_dir={dossier}",
        f"--LabApp.app_settings_dir={REGLAGES}",
    ]
    if not navigateur:
        commande.append("--no-browser")
    return commande


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m coursekit.ouvrir", description="Ouvre le cours dans JupyterLab, en français."
    )
    analyseur.add_argument("--professeur", action="store_true", help="le cours complet, avec les corrigés")
    analyseur.add_argument("--dossier", type=Path, default=None, help="où mettre la copie de l'élève")
    analyseur.add_argument("--no-browser", action="store_true", help="ne pas ouvrir le navigateur")
    analyseur.add_argument("--preparer", action="store_true", help="préparer la copie sans lancer JupyterLab")
    devise = analyseur.add_mutually_exclusive_group()
    devise.add_argument("--maroc", action="store_true", help="l'édition marocaine : montants en dirhams (DH)")
    devise.add_argument("--france", action="store_true", help="revenir à l'édition en euros")
    options = analyseur.parse_args(arguments)
    maroc = True if options.maroc else False if options.france else None
    if options.professeur:
        dossier = RACINE / "notebooks"
        if maroc:
            from coursekit.editions import edition_maroc, notebooks

            dossier = RACINE / "build" / "maroc"
            for source in notebooks():
                edition_maroc(source, dossier, executer=False)
        print(f"Le cours complet (avec les corrigés) : {dossier}")
        if options.preparer:
            return 0
    else:
        dossier = (options.dossier or dossier_eleve_par_defaut()).expanduser()
        try:
            bilan = preparer_copie(dossier, maroc=maroc)
        except ErreurSaisie as erreur:
            print(erreur, file=sys.stderr)
            return 2
        edition = "en dirhams (édition marocaine)" if edition_retenue(dossier) == "maroc" else "en euros"
        print(f"Votre copie du cours, {edition} : {dossier}")
        for nom, action in bilan.items():
            if action != "à jour":
                print(f"  {nom} : {action}")
        if options.preparer:
            return 0
    print("JupyterLab démarre ; pour l'arrêter, fermez cette fenêtre ou faites Ctrl + C.", flush=True)
    try:
        from coursekit.lanceur import environnement

        return subprocess.call(
            commande_lab(dossier, navigateur=not options.no_browser), env=environnement(False)
        )
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
