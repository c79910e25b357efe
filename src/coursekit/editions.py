"""Régénérer les sorties des notebooks et fabriquer les éditions élève et professeur.

Usage, depuis la racine du dépôt ::

    python -m coursekit.editions regenerer              # tous les notebooks
    python -m coursekit.editions regenerer notebooks/06-kpi.ipynb
    python -m coursekit.editions eleve                  # build/eleve/ : sans les solutions
    python -m coursekit.editions professeur             # build/professeur/ : avec les solutions
    python -m coursekit.editions presentation           # build/presentation/ : pour Voilà, en classe

La régénération est déterministe : pas de minutage, pas d'état ni d'identifiant
de widget enregistré, pas d'adresse mémoire, images sans métadonnées variables
(voir ``preparer_notebook``) : deux régénérations donnent le même fichier.
L'édition élève retire les cellules marquées ``solution`` avec le
``TagRemovePreprocessor`` de nbconvert et efface les sorties.

Deux étiquettes séparent JupyterLab de Voilà : ``jupyterlab`` (consigne qui ne vaut que
dans JupyterLab : « Maj + Entrée », « exécutez la cellule ») et ``voila`` (ce qu'il faut
faire à la place dans la page Voilà). Les éditions élève et professeur, ouvertes dans
JupyterLab, n'ont pas les cellules ``voila`` ; l'édition de présentation, projetée dans
Voilà, n'a ni les cellules ``jupyterlab`` ni les solutions.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import (
    ClearOutputPreprocessor,
    CoalesceStreamsPreprocessor,
    TagRemovePreprocessor,
)

RACINE = Path(__file__).resolve().parents[2]
DOSSIER_NOTEBOOKS = RACINE / "notebooks"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
VUE_WIDGET = "application/vnd.jupyter.widget-view+json"
ADRESSE = re.compile(r" at 0x[0-9a-fA-F]+\b")


def stabiliser(carnet) -> None:
    """Retire des sorties ce qui change à chaque exécution sans rien dire du cours.

    - la vue d'un widget (identifiant de modèle tiré au hasard ; sans état enregistré,
      JupyterLab affiche à la place le texte stable du simulateur) ;
    - les adresses mémoire (``<Styler at 0x7f…>``) ;
    - le découpage des impressions (``print``) en morceaux, qui dépend du moment où
      le noyau vide son tampon : les morceaux consécutifs sont fusionnés.
    """
    CoalesceStreamsPreprocessor(enabled=True).preprocess(carnet, {})
    for cellule in carnet.cells:
        cellule.metadata.pop("execution", None)
        for sortie in cellule.get("outputs", []):
            donnees = sortie.get("data", {})
            donnees.pop(VUE_WIDGET, None)
            if "text/plain" in donnees:
                donnees["text/plain"] = ADRESSE.sub(" at 0xADRESSE", donnees["text/plain"])
    carnet.metadata.pop("widgets", None)


def notebooks(chemins: list[str] | None = None) -> list[Path]:
    """Les notebooks désignés, ou tous ceux de ``notebooks/`` dans l'ordre des chapitres."""
    if chemins:
        return [Path(c).resolve() for c in chemins]
    return sorted(DOSSIER_NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def regenerer(chemin: Path, delai: int = 600) -> None:
    """Exécute un notebook dans un noyau neuf et enregistre ses sorties à sa place."""
    carnet = nbformat.read(chemin, as_version=4)
    carnet.metadata["kernelspec"] = KERNELSPEC
    client = NotebookClient(
        carnet,
        timeout=delai,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(chemin.parent)}},
    )
    client.execute()
    stabiliser(carnet)
    nbformat.write(carnet, chemin)


def edition_notebook(chemin: Path, nom: str, sortie: Path) -> Path:
    """Écrit dans ``sortie`` l'édition ``eleve`` (sans solutions ni sorties) ou ``professeur`` d'un notebook."""
    sortie.mkdir(parents=True, exist_ok=True)
    carnet = nbformat.read(chemin, as_version=4)
    carnet, _ = TagRemovePreprocessor(remove_cell_tags={"voila"}, enabled=True).preprocess(carnet, {})
    if nom == "eleve":
        retrait = TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True)
        carnet, _ = retrait.preprocess(carnet, {})
        carnet, _ = ClearOutputPreprocessor(enabled=True).preprocess(carnet, {})
    cible = sortie / chemin.name
    nbformat.write(carnet, cible)
    return cible


def edition_presentation(chemin: Path, sortie: Path) -> Path:
    """Écrit dans ``sortie`` l'édition de présentation d'un notebook, celle que Voilà projette en classe.

    Sans les cellules ``solution`` ni les consignes ``jupyterlab`` ; les cellules ``voila``
    restent. Les sorties sont effacées (Voilà réexécute le notebook)."""
    sortie.mkdir(parents=True, exist_ok=True)
    carnet = nbformat.read(chemin, as_version=4)
    retrait = TagRemovePreprocessor(remove_cell_tags={"solution", "jupyterlab"}, enabled=True)
    carnet, _ = retrait.preprocess(carnet, {})
    carnet, _ = ClearOutputPreprocessor(enabled=True).preprocess(carnet, {})
    cible = sortie / chemin.name
    nbformat.write(carnet, cible)
    return cible


def edition(nom: str, sortie: Path) -> list[Path]:
    """Écrit l'édition ``eleve`` (sans solutions ni sorties), ``professeur`` ou ``presentation``
    de tous les chapitres."""
    if nom == "presentation":
        return [edition_presentation(chemin, sortie) for chemin in notebooks()]
    return [edition_notebook(chemin, nom, sortie) for chemin in notebooks()]


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m coursekit.editions", description=__doc__.splitlines()[0]
    )
    commandes = analyseur.add_subparsers(dest="commande", required=True)
    regen = commandes.add_parser("regenerer", help="réexécuter et enregistrer les sorties")
    regen.add_argument("chemins", nargs="*")
    for nom in ("eleve", "professeur", "presentation"):
        sous = commandes.add_parser(nom, help=f"fabriquer l'édition {nom}")
        sous.add_argument("--sortie", type=Path, default=RACINE / "build" / nom)
    args = analyseur.parse_args(arguments)
    if args.commande == "regenerer":
        for chemin in notebooks(args.chemins):
            print(f"Exécution de {chemin.name}…", flush=True)
            regenerer(chemin)
    else:
        for cible in edition(args.commande, args.sortie):
            print(f"Écrit : {cible}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
