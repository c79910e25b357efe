"""Chaque notebook suit l'anatomie d'un chapitre et affiche ses nombres à la française."""

import html
import re
from pathlib import Path

import nbformat
import pytest

RACINE = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((RACINE / "notebooks").glob("[0-9][0-9]-*.ipynb"))
NOMBRE_ANGLAIS = re.compile(
    r"(?<![\w.])\d+\.\d+\s*(?:%|€|MAD|points?\b)|(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d,]|\s?%)"
)


def _texte_markdown(carnet):
    return "\n".join(c.source for c in carnet.cells if c.cell_type == "markdown")


def _sorties_lisibles(carnet):
    """Le texte que l'élève lit dans les sorties : flux, texte brut hors widgets, HTML sans balises ni styles."""
    for cellule in carnet.cells:
        if cellule.cell_type != "code":
            continue
        for sortie in cellule.outputs:
            if sortie.output_type == "stream":
                yield sortie.text
            donnees = sortie.get("data", {})
            if "text/html" in donnees:
                page = re.sub(r"<style.*?</style>", "", donnees["text/html"], flags=re.S)
                yield html.unescape(re.sub(r"<[^>]+>", " ", page))
            elif "text/markdown" in donnees:
                yield donnees["text/markdown"]


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def carnet(request):
    return nbformat.read(request.param, as_version=4)


def test_il_y_a_des_notebooks():
    assert len(NOTEBOOKS) >= 2


def test_cellule_de_preparation_masquee(carnet):
    premiere = carnet.cells[0]
    assert premiere.cell_type == "code"
    assert "ck.preparer_notebook()" in premiere.source
    assert "hide-input" in premiere.metadata.get("tags", [])
    assert premiere.metadata.get("jupyter", {}).get("source_hidden") is True
    assert not premiere.outputs


def test_anatomie_d_un_chapitre(carnet):
    texte = _texte_markdown(carnet)
    assert re.search(r"^# ", texte, re.M), "un titre de niveau 1"
    assert "À la fin de ce chapitre" in texte
    assert "À vous de jouer" in texte
    assert "L'essentiel" in texte or "L’essentiel" in texte
    assert any("solution" in c.metadata.get("tags", []) for c in carnet.cells), "une solution marquée"
    assert any("ck.quiz.chapitre(" in c.source for c in carnet.cells if c.cell_type == "code"), "un quiz"


def test_pas_de_quiz_ecrit_en_python_dans_un_notebook(carnet):
    """Questions, réponses et explications vivent dans les fichiers de contenu, pas dans les cellules."""
    for cellule in carnet.cells:
        if cellule.cell_type == "code":
            for forme in ("Quiz(", "QCM(", "QuestionChiffree(", "verifier_reponse("):
                assert forme not in cellule.source, f"{forme} dans une cellule : à déplacer dans contenu/"


def test_nombres_a_la_francaise_dans_les_sorties(carnet):
    for texte in _sorties_lisibles(carnet):
        assert not NOMBRE_ANGLAIS.search(texte), (
            f"nombre à l'anglaise : {NOMBRE_ANGLAIS.search(texte).group()!r} dans {texte[:200]!r}"
        )


def test_pas_de_code_trop_long_devant_les_eleves(carnet):
    for cellule in carnet.cells:
        if cellule.cell_type == "code" and "solution" not in cellule.metadata.get("tags", []):
            lignes = [
                ligne
                for ligne in cellule.source.splitlines()
                if ligne.strip() and not ligne.strip().startswith("#")
            ]
            assert len(lignes) <= 15, (
                f"cellule de {len(lignes)} lignes : la logique doit vivre dans coursekit"
            )


def test_pas_de_nombre_anglais_detecte_par_erreur():
    assert NOMBRE_ANGLAIS.search("taux : 16.7%")
    assert NOMBRE_ANGLAIS.search("1440.0 €")
    assert NOMBRE_ANGLAIS.search("15,000 visites")
    assert not NOMBRE_ANGLAIS.search("16,7 %")
    assert not NOMBRE_ANGLAIS.search("1 440 €")
    assert not NOMBRE_ANGLAIS.search("conversion ≈ 1,952\xa0%")  # trois décimales à la française
    assert not NOMBRE_ANGLAIS.search("version 3.11 de Python")
