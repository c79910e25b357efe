"""Consignes pour JupyterLab (``jupyterlab``) et pour Voilà (``voila``) : chaque édition garde les siennes."""

import re

import nbformat
import pytest

from coursekit import editions
from coursekit.lanceur import ETIQUETTE_JUPYTERLAB, preparer_presentation

NOTEBOOKS = editions.notebooks()
CONSIGNE_JUPYTERLAB = re.compile(r"Maj\s*\+\s*Entrée|[Ee]xécutez|[Rr]emplacez `?None|cellules grises")


def _etiquettes(carnet):
    return [set(c.metadata.get("tags", [])) for c in carnet.cells]


@pytest.mark.parametrize("chemin", NOTEBOOKS, ids=[c.stem for c in NOTEBOOKS])
def test_consignes_jupyterlab_etiquetees(chemin):
    """Toute cellule qui dit d'exécuter une cellule ou de taper Maj + Entrée est marquée ``jupyterlab``
    (ou ``solution``) : Voilà ne la montre pas."""
    carnet = nbformat.read(chemin, as_version=4)
    fautives = [
        c.source[:80]
        for c in carnet.cells
        if c.cell_type == "markdown"
        and CONSIGNE_JUPYTERLAB.search(c.source)
        and not {"jupyterlab", "solution"} & set(c.metadata.get("tags", []))
    ]
    assert not fautives, (
        f"{chemin.name} : consignes pour JupyterLab sans l'étiquette « jupyterlab » : {fautives}"
    )


def test_une_consigne_voila_remplace_celle_de_jupyterlab():
    """Là où le début d'un chapitre explique Maj + Entrée, Voilà dit quoi faire à la place."""
    avec = [c for c in NOTEBOOKS if "Maj + Entrée" in c.read_text(encoding="utf-8")]
    assert avec
    for chemin in avec:
        carnet = nbformat.read(chemin, as_version=4)
        assert any("voila" in t for t in _etiquettes(carnet)), chemin.name


def test_editions_gardent_chacune_leurs_consignes(tmp_path):
    chemin = next(c for c in NOTEBOOKS if c.stem.startswith("06"))
    source = nbformat.read(chemin, as_version=4)
    assert any("voila" in t for t in _etiquettes(source)) and any(
        "jupyterlab" in t for t in _etiquettes(source)
    )
    for nom in ("eleve", "professeur"):
        carnet = nbformat.read(editions.edition_notebook(chemin, nom, tmp_path / nom), as_version=4)
        etiquettes = _etiquettes(carnet)
        assert not any("voila" in t for t in etiquettes), nom
        assert any("jupyterlab" in t for t in etiquettes), nom
    presentation = nbformat.read(
        editions.edition_presentation(chemin, tmp_path / "presentation"), as_version=4
    )
    etiquettes = _etiquettes(presentation)
    assert not any({"jupyterlab", "solution"} & t for t in etiquettes)
    assert any("voila" in t for t in etiquettes)
    assert not any(
        CONSIGNE_JUPYTERLAB.search(c.source) for c in presentation.cells if c.cell_type == "markdown"
    )


def test_le_lanceur_projette_l_edition_de_presentation(tmp_path, monkeypatch):
    chemin = next(c for c in NOTEBOOKS if c.stem.startswith("06"))
    monkeypatch.setattr("coursekit.lanceur.RACINE", tmp_path)
    cible = preparer_presentation(chemin)
    assert cible == tmp_path / "build" / "presentation" / chemin.name
    assert not any(ETIQUETTE_JUPYTERLAB in t for t in _etiquettes(nbformat.read(cible, as_version=4)))
