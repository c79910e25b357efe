"""Réglages communs à toute la suite : les progrès enregistrés par les tests ne vont pas dans le dossier personnel."""

import os
import tempfile
from pathlib import Path

import pytest


def pytest_configure(config):
    # Les quiz enregistrent chaque réponse (coursekit.progres) : pendant les tests, dans un fichier
    # temporaire, hérité aussi par les noyaux de nbval.
    if "COURSEKIT_PROGRES" not in os.environ:
        os.environ["COURSEKIT_PROGRES"] = str(
            Path(tempfile.mkdtemp(prefix="coursekit-progres-")) / "progres.sqlite"
        )
    # Le dossier IPython des noyaux lancés par le cours (coursekit.demarrage) : pas dans le dossier personnel.
    if "COURSEKIT_IPYTHON" not in os.environ:
        os.environ["COURSEKIT_IPYTHON"] = tempfile.mkdtemp(prefix="coursekit-ipython-")


def groupe_xdist(chemin: str, nom: str) -> str:
    """Le groupe de tests qu'un même processus doit exécuter (``pytest -n 2 --dist loadgroup``).

    - un notebook (nbval) : toutes ses cellules, dans l'ordre, dans le même noyau ;
    - le hub de classe : un seul JupyterHub et ses comptes système à la fois ;
    - un test du navigateur : ses variantes (un notebook chacune) ensemble, pour réutiliser les
      serveurs ; deux fonctions différentes peuvent tourner en même temps ;
    - les autres : par fichier, pour partager ses données préparées une fois par module.
    """
    if chemin.startswith("tests/hub/"):
        return "hub"
    if chemin.startswith("tests/navigateur/"):
        return f"{chemin}::{nom.split('[')[0]}"
    return chemin


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Pose la marque ``xdist_group`` (lue par pytest-xdist juste après ce crochet)."""
    # Dans un processus de pytest-xdist, « dist » vaut « no » et « loadgroup » dit le mode choisi.
    if not getattr(config.option, "loadgroup", False) and config.getoption("dist", "no") != "loadgroup":
        return
    for item in items:
        chemin = item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(groupe_xdist(chemin, item.name)))
