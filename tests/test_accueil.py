"""L'encadré d'accueil : le même texte, juste après le titre, dans chaque chapitre ; la bonne moitié
dans chaque édition (JupyterLab : tout exécuter ; Voilà : rien à exécuter)."""

from __future__ import annotations

import copy

import nbformat
import pytest

from coursekit import accueil, editions

CHAPITRES = editions.notebooks()


@pytest.mark.parametrize("chemin", CHAPITRES, ids=[c.stem for c in CHAPITRES])
def test_encadre_a_jour_apres_le_titre(chemin):
    carnet = nbformat.read(chemin, as_version=4)
    textes = accueil.textes()
    titre = next(i for i, c in enumerate(carnet.cells) if c.cell_type == "markdown")
    assert carnet.cells[titre].source.startswith("# Chapitre")
    suivantes = carnet.cells[titre + 1 : titre + 3]
    assert [c.source for c in suivantes] == [textes["jupyterlab"], textes["voila"]], (
        "encadré d'accueil absent ou ancien : lancez python -m coursekit.accueil"
    )
    assert not accueil.placer(copy.deepcopy(carnet)), "placer l'encadré une 2e fois ne change rien"


def test_encadre_dit_quoi_faire_avec_les_menus_francais():
    texte = accueil.textes()["jupyterlab"]
    # libellés de l'interface française de JupyterLab (paquet de langue fr-FR)
    assert "Exécution → Exécuter toutes les cellules" in texte
    assert "Noyau → Redémarrer le noyau et exécuter toutes les cellules…" in texte
    assert "rouvrez" in texte


def test_chaque_edition_garde_sa_moitie(tmp_path):
    source = CHAPITRES[6]
    eleve = nbformat.read(editions.edition_notebook(source, "eleve", tmp_path / "eleve"), as_version=4)
    assert [c.metadata["tags"] for c in accueil.cellules_accueil(eleve)] == [["accueil", "jupyterlab"]]
    presentation = nbformat.read(
        editions.edition_presentation(source, tmp_path / "presentation"), as_version=4
    )
    assert [c.metadata["tags"] for c in accueil.cellules_accueil(presentation)] == [["accueil", "voila"]]


def test_un_chapitre_sans_encadre_le_recoit():
    carnet = nbformat.v4.new_notebook()
    carnet.cells = [
        nbformat.v4.new_code_cell("import coursekit as ck"),
        nbformat.v4.new_markdown_cell("# Chapitre 99"),
    ]
    assert accueil.placer(carnet)
    assert [c.metadata.get("tags") for c in carnet.cells[2:]] == [
        ["accueil", "jupyterlab"],
        ["accueil", "voila"],
    ]
