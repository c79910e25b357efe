"""L'encadré d'accueil de chaque chapitre : une seule source, placée dans tous les notebooks.

Le texte est dans la section ``accueil`` de ``contenu/00-introduction.yaml`` : ce qu'on fait
dans JupyterLab (tout exécuter, que faire d'un message, redémarrer) et, pour la page projetée
dans Voilà, ce qu'on fait à la place. Après avoir changé ce texte ::

    python -m coursekit.accueil          # réécrit l'encadré dans chaque notebook de notebooks/

Les deux cellules portent l'étiquette ``accueil`` et ``jupyterlab`` ou ``voila`` (voir
:mod:`coursekit.editions`) ; elles viennent juste après le titre du chapitre.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from coursekit import contenu
from coursekit.typographie import corriger

SCHEMA = {
    "type": "object",
    "required": ["jupyterlab", "voila"],
    "properties": {"jupyterlab": {"type": "string"}, "voila": {"type": "string"}},
    "additionalProperties": False,
}
ETIQUETTE = "accueil"


def textes() -> dict[str, str]:
    """``{"jupyterlab": …, "voila": …}`` : le texte des deux cellules, à la française."""
    section = contenu.section("00", "accueil", SCHEMA)
    return {mode: corriger(section[mode]) for mode in ("jupyterlab", "voila")}


def cellules_accueil(carnet) -> list:
    """Les cellules d'accueil d'un notebook (dans l'ordre)."""
    return [c for c in carnet.cells if ETIQUETTE in c.metadata.get("tags", [])]


def placer(carnet) -> bool:
    """Met l'encadré juste après le titre (2e cellule) ; rend ``True`` si le notebook a changé."""
    voulu = textes()
    avant = [(c.source, c.metadata.get("tags")) for c in carnet.cells]
    carnet.cells = [c for c in carnet.cells if ETIQUETTE not in c.metadata.get("tags", [])]
    rang = next(i for i, c in enumerate(carnet.cells) if c.cell_type == "markdown") + 1
    nouvelles = []
    for mode in ("jupyterlab", "voila"):
        cellule = nbformat.v4.new_markdown_cell(voulu[mode], metadata={"tags": [ETIQUETTE, mode]})
        cellule.id = f"accueil-{mode}"
        nouvelles.append(cellule)
    carnet.cells[rang:rang] = nouvelles
    return [(c.source, c.metadata.get("tags")) for c in carnet.cells] != avant


def main(chemins: list[str] | None = None) -> int:
    from coursekit.editions import notebooks

    for chemin in notebooks(chemins or None):
        carnet = nbformat.read(chemin, as_version=4)
        if placer(carnet):
            nbformat.write(carnet, chemin)
            print(f"Encadré d'accueil mis à jour : {Path(chemin).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
