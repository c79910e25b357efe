"""Régénérer les sorties des notebooks et fabriquer les éditions élève et professeur.

Usage, depuis la racine du dépôt ::

    python -m coursekit.editions regenerer              # tous les notebooks
    python -m coursekit.editions regenerer notebooks/06-kpi.ipynb
    python -m coursekit.editions eleve                  # build/eleve/ : sans les solutions
    python -m coursekit.editions professeur             # build/professeur/ : avec les solutions
    python -m coursekit.editions maroc                  # build/maroc/ : en dirhams, exécutée
    python -m coursekit.editions presentation           # build/presentation/ : pour Voilà, en classe

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

Deux étiquettes séparent JupyterLab de Voilà : ``jupyterlab`` (consigne qui ne vaut que
dans JupyterLab : « Maj + Entrée », « exécutez la cellule ») et ``voila`` (ce qu'il faut
faire à la place dans la page Voilà). Les éditions élève et professeur, ouvertes dans
JupyterLab, n'ont pas les cellules ``voila`` ; l'édition de présentation, projetée dans
Voilà, n'a ni les cellules ``jupyterlab`` ni les solutions.
"""

from __future__ import annotations

import argparse
import ast
import inspect
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


def executer_carnet(carnet, dossier: Path, delai: int = 600) -> None:
    """Exécute ``carnet`` dans un noyau neuf (dossier de travail ``dossier``), sorties stabilisées."""
    carnet.metadata["kernelspec"] = KERNELSPEC
    NotebookClient(
        carnet,
        timeout=delai,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(dossier)}},
    ).execute()
    stabiliser(carnet)


def regenerer(chemin: Path, delai: int = 600) -> None:
    """Exécute un notebook dans un noyau neuf et enregistre ses sorties à sa place."""
    carnet = nbformat.read(chemin, as_version=4)
    executer_carnet(carnet, chemin.parent, delai)
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


DEVISE_MAROC = "MAD"


# Paramètres des calculateurs (et variables des exemples) qui sont des montants : dans
# l'édition marocaine, un nombre écrit pour eux dans une cellule de code est réécrit en
# dirhams, enveloppé dans ``ck.dh(…)`` qui le ramène en euros de référence.
MONTANTS = {
    "prix", "cout", "budget", "total", "chiffre_affaires", "panier_moyen", "marge", "marge_annuelle",
    "gain", "montant", "credit_parrain", "credit_filleul", "ca", "depense", "port_offert_des",
}  # fmt: skip


def _parametres(appel: ast.Call, espace: dict) -> list[str]:
    """Les noms des paramètres positionnels de la fonction appelée (vide si inconnue)."""
    try:
        fonction = eval(compile(ast.Expression(appel.func), "<appel>", "eval"), espace)  # noqa: S307
        return list(inspect.signature(fonction).parameters)
    except Exception:  # noqa: BLE001 - une fonction de l'élève ou introuvable : on n'y touche pas
        return []


def _nombre(noeud) -> bool:
    return (
        isinstance(noeud, ast.Constant)
        and isinstance(noeud.value, (int, float))
        and not isinstance(noeud.value, bool)
    )


def montants_du_code(source: str, devise: str = DEVISE_MAROC) -> str:
    """Réécrit en ``ck.dh(…)`` les montants d'une cellule de code (arguments et variables de :data:`MONTANTS`).

    >>> montants_du_code("ck.kpi.cout_par_clic(cout=300, clics=600)")
    'ck.kpi.cout_par_clic(cout=ck.dh(3_000), clics=600)'
    >>> montants_du_code("ca, marge, depense = 3_500, 875, 1_000")
    'ca, marge, depense = ck.dh(35_000), ck.dh(8_750), ck.dh(10_000)'
    """
    import coursekit
    from coursekit import format as fmt

    try:
        arbre = ast.parse(source)
    except SyntaxError:
        return source
    espace = {"ck": coursekit}
    # Dans une f-chaîne, Python 3.11 donne des positions fausses : on n'y touche pas.
    dans_fchaine = {id(n) for f in ast.walk(arbre) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
    cibles = []
    for noeud in ast.walk(arbre):
        if id(noeud) in dans_fchaine:
            continue
        if isinstance(noeud, ast.Call):
            noms = _parametres(noeud, espace)
            if ast.unparse(noeud.func).endswith("monnaie"):  # ck.monnaie(50_000)
                noms = ["montant"]
            cibles += [a for nom, a in zip(noms, noeud.args, strict=False) if nom in MONTANTS and _nombre(a)]
            cibles += [k.value for k in noeud.keywords if k.arg in MONTANTS and _nombre(k.value)]
        elif isinstance(noeud, ast.Assign) and len(noeud.targets) == 1:
            cible, valeur = noeud.targets[0], noeud.value
            paires = (
                zip(cible.elts, valeur.elts, strict=False)
                if isinstance(cible, ast.Tuple) and isinstance(valeur, ast.Tuple)
                else [(cible, valeur)]
            )
            cibles += [v for c, v in paires if isinstance(c, ast.Name) and c.id in MONTANTS and _nombre(v)]
    lignes = source.splitlines(keepends=True)
    debuts = [0]
    for ligne in lignes:
        debuts.append(debuts[-1] + len(ligne))
    taux = fmt.TAUX[devise]
    remplacements = []
    for noeud in cibles:
        valeur = noeud.value * taux
        texte = f"{round(valeur):_}" if float(valeur).is_integer() else repr(round(valeur, 2))
        debut = debuts[noeud.lineno - 1] + noeud.col_offset
        fin = debuts[noeud.end_lineno - 1] + noeud.end_col_offset
        try:  # par prudence, le texte remplacé doit bien être ce nombre
            lu = ast.literal_eval(source[debut:fin])
        except (ValueError, SyntaxError):
            continue
        if lu == noeud.value and type(lu) is type(noeud.value):
            remplacements.append((debut, fin, f"ck.dh({texte})"))
    fin_precedente = len(source) + 1
    for debut, fin, texte in sorted(set(remplacements), reverse=True):
        if fin <= fin_precedente:
            source = source[:debut] + texte + source[fin:]
            fin_precedente = debut
    return source


class PreprocesseurDevise(Preprocessor):
    """Réécrit dans la devise ``devise`` les montants en euros du texte et du code d'un notebook.

    Cellules de texte et de code (chaînes et commentaires) passent par
    :func:`coursekit.format.texte_local`, les nombres des cellules de code qui sont des
    montants par :func:`montants_du_code` ; la cellule qui importe ``coursekit`` règle la
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
                if cellule.cell_type == "code" and "ck." in cellule.source:
                    cellule.source = montants_du_code(cellule.source, self.devise)
                if cellule.cell_type == "code" and not regle and "import coursekit as ck" in cellule.source:
                    lignes = cellule.source.splitlines()
                    i = lignes.index("import coursekit as ck")
                    reglage = f'ck.definir_devise("{self.devise}")  # montants en {fmt.NOMS[self.devise][1]}'
                    cellule.source = "\n".join([*lignes[: i + 1], reglage, *lignes[i + 1 :]])
                    regle = True
        finally:
            fmt.definir_devise(ancienne)
        return nb, resources


def localiser(chemin: Path, devise: str = DEVISE_MAROC) -> Path:
    """Réécrit en place un notebook (déjà fabriqué) dans la devise ``devise``, sans l'exécuter."""
    carnet = nbformat.read(chemin, as_version=4)
    carnet, _ = PreprocesseurDevise(devise=devise).preprocess(carnet, {})
    nbformat.write(carnet, chemin)
    return chemin


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
        executer_carnet(carnet, chemin.parent, delai)
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
    for nom in ("eleve", "professeur", "presentation"):
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
