"""Cohérence du projet : dépendances, qualité du code, éditions."""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import tomllib
import yaml

RACINE = Path(__file__).resolve().parents[1]


def _nom(exigence: str) -> str:
    return re.split(r"[<>=!~ \[]", exigence.strip(), maxsplit=1)[0].lower()


def test_environment_yml_et_pyproject_listent_les_memes_paquets():
    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip = {_nom(d) for d in projet["dependencies"]} | {
        _nom(d) for d in projet["optional-dependencies"]["test"]
    }
    env = yaml.safe_load((RACINE / "environment.yml").read_text(encoding="utf-8"))
    conda = {_nom(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert conda == pip
    sections_pip = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert sections_pip == [["-e ."]]


def test_ruff_lint_et_format():
    for commande in (
        ["check", "src", "tests", "notebooks"],
        ["format", "--check", "src", "tests", "notebooks"],
    ):
        resultat = subprocess.run(
            [sys.executable, "-m", "ruff", *commande], cwd=RACINE, capture_output=True, text=True
        )
        assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_notebooks_bien_formes():
    chemins = sorted((RACINE / "notebooks").glob("*.ipynb"))
    assert chemins, "aucun notebook dans notebooks/"
    for chemin in chemins:
        assert re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", chemin.name), chemin.name
        carnet = nbformat.read(chemin, as_version=4)
        nbformat.validate(carnet)
        assert carnet.metadata["kernelspec"]["name"] == "python3"
        for cellule in carnet.cells:
            assert "execution" not in cellule.metadata, f"{chemin.name} : minutage enregistré"
            if cellule.cell_type == "code":
                flux = [s.get("name") for s in cellule.outputs if s.output_type == "stream"]
                assert len(flux) == len(set(flux)), f"{chemin.name} : impressions non fusionnées (régénérez)"
                for sortie in cellule.outputs:
                    assert sortie.output_type != "error", f"{chemin.name} : une cellule finit en erreur"
                    donnees = sortie.get("data", {})
                    assert "application/vnd.jupyter.widget-view+json" not in donnees, (
                        f"{chemin.name} : régénérez"
                    )
                    assert not re.search(r"at 0x[0-9a-f]{6,}", donnees.get("text/plain", "")), chemin.name
                    texte = "".join(sortie.get("text", ""))
                    assert "Traceback" not in texte, f"{chemin.name} : trace d'erreur affichée"


def test_edition_eleve_sans_solutions(tmp_path):
    from coursekit import editions

    ecrits = editions.edition("eleve", tmp_path)
    assert ecrits
    for chemin in ecrits:
        carnet = nbformat.read(chemin, as_version=4)
        for cellule in carnet.cells:
            assert "solution" not in cellule.metadata.get("tags", [])
            assert not cellule.get("outputs")
    solutions = sum(
        "solution" in c.metadata.get("tags", [])
        for chemin in editions.notebooks()
        for c in nbformat.read(chemin, as_version=4).cells
    )
    assert solutions > 0, "les notebooks doivent contenir des solutions marquées « solution »"
    professeur = editions.edition("professeur", tmp_path / "prof")
    assert (
        sum(
            "solution" in c.metadata.get("tags", [])
            for p in professeur
            for c in nbformat.read(p, as_version=4).cells
        )
        == solutions
    )


def test_edition_eleve_s_execute_sans_les_solutions(tmp_path):
    """Aucune cellule ne dépend d'une cellule « solution » : l'édition élève tourne de bout en bout."""
    from nbclient import NotebookClient

    from coursekit import editions

    for chemin in editions.edition("eleve", tmp_path):
        carnet = nbformat.read(chemin, as_version=4)
        NotebookClient(
            carnet, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()  # dossier courant : tmp_path, où iraient d'éventuels fichiers de l'élève
        erreurs = [s for c in carnet.cells for s in c.get("outputs", []) if s.output_type == "error"]
        assert not erreurs, f"{chemin.name} : {erreurs[:1]}"


def test_le_lanceur_projette_sans_les_solutions_sauf_demande():
    from coursekit import editions
    from coursekit.lanceur import preparer_presentation

    source = next(c for c in editions.notebooks() if "solution" in str(nbformat.read(c, as_version=4)))
    projete = preparer_presentation(source)
    assert projete != source and projete.name == source.name
    assert not any(
        "solution" in c.metadata.get("tags", []) for c in nbformat.read(projete, as_version=4).cells
    )
    assert preparer_presentation(source, avec_solutions=True) == source


def test_readme_commandes_portables():
    """Les deux commandes du README marchent aussi dans Windows PowerShell 5.1 (pas de « && »)."""
    texte = (RACINE / "README.md").read_text(encoding="utf-8")
    blocs = re.findall(r"```bash\n(.*?)```", texte, flags=re.S)
    assert blocs[0].strip() == "python ouvrir.py"
    assert blocs[1].strip() == "python -m pytest"
    for bloc in blocs:
        assert "&&" not in bloc, bloc
    ci = (RACINE / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == "python3 -m pytest"
