"""Régénérer les sorties des notebooks et fabriquer les éditions élève et professeur.

Usage, depuis la racine du dépôt ::

    python -m coursekit.editions regenerer              # tous les notebooks
    python -m coursekit.editions regenerer notebooks/06-kpi.ipynb
    python -m coursekit.editions eleve                  # build/eleve/ : sans les solutions
    python -m coursekit.editions professeur             # build/professeur/ : avec les solutions
    python -m coursekit.editions maroc                  # build/maroc/ : en dirhams, exécutée

La régénération est déterministe : pas de minutage, pas d'état ni d'identifiant
de widget enregistré, pas d'adresse mémoire, images sans métadonnées variables
(voir ``preparer_notebook``) : deux régénérations donnent le même fichier.
L'édition élève retire les cellules marquées ``solution`` avec le
``TagRemovePreprocessor`` de nbconvert et efface les sorties.

L'édition marocaine (:func:`edition_maroc`) part des mêmes notebooks : les montants
écrits en euros dans le texte et le code sont réécrits en dirhams par
:func:`coursekit.format.texte_local`, la première cellule règle la devise du cours
(``ck.definir_devise("MAD")``), puis le notebook est exécuté : les chiffres calculés,
les quiz et les graphiques sont en DH eux aussi. Aucune seconde copie du contenu.
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
    Preprocessor,
    TagRemovePreprocessor,
)
from traitlets import Unicode

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
    if nom == "eleve":
        retrait = TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True)
        carnet, _ = retrait.preprocess(carnet, {})
        carnet, _ = ClearOutputPreprocessor(enabled=True).preprocess(carnet, {})
    cible = sortie / chemin.name
    nbformat.write(carnet, cible)
    return cible


def edition(nom: str, sortie: Path) -> list[Path]:
    """Écrit l'édition ``eleve`` (sans solutions ni sorties) ou ``professeur`` de tous les chapitres."""
    return [edition_notebook(chemin, nom, sortie) for chemin in notebooks()]


DEVISE_MAROC = "MAD"


class PreprocesseurDevise(Preprocessor):
    """Réécrit dans la devise ``devise`` les montants en euros du texte et du code d'un notebook.

    Cellules de texte et de code (chaînes et commentaires) passent par
    :func:`coursekit.format.texte_local` ; la cellule qui importe ``coursekit`` règle la
    devise du cours, pour que les montants calculés en euros de référence s'affichent en DH.
    """

    devise = Unicode(DEVISE_MAROC).tag(config=True)

    def preprocess(self, nb, resources):
        from coursekit import format as fmt

        ancienne = fmt.devise()
        fmt.definir_devise(self.devise)
        try:
            regle = False
            for cellule in nb.cells:
                if cellule.cell_type in ("markdown", "code"):
                    cellule.source = fmt.texte_local(cellule.source)
                if cellule.cell_type == "code" and not regle and "import coursekit as ck" in cellule.source:
                    lignes = cellule.source.splitlines()
                    i = lignes.index("import coursekit as ck")
                    reglage = f'ck.definir_devise("{self.devise}")  # montants en {fmt.NOMS[self.devise][1]}'
                    cellule.source = "\n".join([*lignes[: i + 1], reglage, *lignes[i + 1 :]])
                    regle = True
        finally:
            fmt.definir_devise(ancienne)
        return nb, resources


def edition_maroc(chemin: Path, sortie: Path, executer: bool = True, delai: int = 600) -> Path:
    """Écrit dans ``sortie`` l'édition marocaine d'un notebook : montants en dirhams, exécutée.

    Le notebook garde ses solutions (édition du professeur). Il est exécuté dans un noyau
    neuf, avec les données du dossier ``notebooks/`` ; ses sorties sont stabilisées comme
    celles du dépôt.
    """
    sortie.mkdir(parents=True, exist_ok=True)
    carnet = nbformat.read(chemin, as_version=4)
    carnet, _ = PreprocesseurDevise(devise=DEVISE_MAROC).preprocess(carnet, {})
    if executer:
        carnet.metadata["kernelspec"] = KERNELSPEC
        NotebookClient(
            carnet,
            timeout=delai,
            kernel_name="python3",
            record_timing=False,
            store_widget_state=False,
            resources={"metadata": {"path": str(chemin.parent)}},
        ).execute()
        stabiliser(carnet)
    else:
        carnet, _ = ClearOutputPreprocessor(enabled=True).preprocess(carnet, {})
    cible = sortie / chemin.name
    nbformat.write(carnet, cible)
    return cible


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m coursekit.editions", description=__doc__.splitlines()[0]
    )
    commandes = analyseur.add_subparsers(dest="commande", required=True)
    regen = commandes.add_parser("regenerer", help="réexécuter et enregistrer les sorties")
    regen.add_argument("chemins", nargs="*")
    for nom in ("eleve", "professeur"):
        sous = commandes.add_parser(nom, help=f"fabriquer l'édition {nom}")
        sous.add_argument("--sortie", type=Path, default=RACINE / "build" / nom)
    maroc = commandes.add_parser("maroc", help="fabriquer l'édition marocaine (en dirhams, exécutée)")
    maroc.add_argument("chemins", nargs="*")
    maroc.add_argument("--sortie", type=Path, default=RACINE / "build" / "maroc")
    maroc.add_argument("--sans-executer", action="store_true", help="sans exécuter (sorties effacées)")
    args = analyseur.parse_args(arguments)
    if args.commande == "regenerer":
        for chemin in notebooks(args.chemins):
            print(f"Exécution de {chemin.name}…", flush=True)
            regenerer(chemin)
    elif args.commande == "maroc":
        for chemin in notebooks(args.chemins):
            print(f"Édition marocaine de {chemin.name}…", flush=True)
            print(f"Écrit : {edition_maroc(chemin, args.sortie, executer=not args.sans_executer)}")
    else:
        for cible in edition(args.commande, args.sortie):
            print(f"Écrit : {cible}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
