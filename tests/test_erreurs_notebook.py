"""Dans un notebook, une cellule exécutée trop tôt ou une saisie impossible donne une phrase française."""

import os

import nbformat
from nbclient import NotebookClient

MENU = "menu Exécution → Exécuter tout au-dessus de la cellule sélectionnée"


def _executer(*sources, notebook=None):
    """Exécute ``sources`` dans un noyau neuf ; ``notebook`` : le fichier que JupyterLab dirait ouvert."""
    carnet = nbformat.v4.new_notebook()
    carnet.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    env = dict(os.environ)
    env.pop("JPY_SESSION_NAME", None)
    if notebook:
        env["JPY_SESSION_NAME"] = str(notebook)
    NotebookClient(carnet, kernel_name="python3", allow_errors=True, timeout=120).execute(env=env)
    return [cellule.outputs for cellule in carnet.cells]


def test_cellule_hors_ordre_et_saisie_impossible():
    sorties = _executer(
        "import coursekit as ck\nck.preparer_notebook()",
        "simulateur.value",
        "ck.kpi.taux_conversion(5, 0)",
        "1 / 0",
    )
    nom_inconnu, saisie, autre = sorties[1][0], sorties[2][0], sorties[3][0]
    assert nom_inconnu.output_type == "error"  # la cellule reste en erreur : « tout exécuter » s'arrête
    assert nom_inconnu.traceback == [
        "«\xa0simulateur\xa0» n'existe pas encore\xa0: exécutez d'abord les cellules au-dessus de celle-ci, "
        f"dans l'ordre ({MENU}), puis cette cellule-ci."
    ]
    assert saisie.traceback == [
        "À corriger\xa0: Le nombre de visites (visites) doit être supérieur à 0 pour calculer un taux de conversion."
    ]
    assert len(autre.traceback) > 1  # les autres erreurs gardent leur trace (utile au professeur)


def test_cours_pas_encore_charge():
    sorties = _executer("import coursekit\ncoursekit.preparer_notebook()", "ck.quiz.chapitre('06')")
    assert "exécutez d'abord la toute première cellule" in sorties[1][0].traceback[0]


def test_la_cellule_a_executer_d_abord_est_nommee(tmp_path):
    """Dans JupyterLab, le noyau sait quel notebook il sert : le message nomme la partie du notebook
    où est la cellule qui crée le nom, ou la cellule de préparation, avec le libellé du menu français."""
    chapitre = nbformat.v4.new_notebook()
    chapitre.cells = [
        nbformat.v4.new_code_cell("import coursekit as ck\nck.preparer_notebook()"),
        nbformat.v4.new_markdown_cell("# Chapitre 99\n\n## 3. Le **simulateur** de campagne"),
        nbformat.v4.new_code_cell(
            "from coursekit.widgets.kpi import SimulateurCampagne\n\noutil = SimulateurCampagne()"
        ),
    ]
    chemin = tmp_path / "99-essai.ipynb"
    nbformat.write(chapitre, chemin)
    sorties = _executer(
        "import coursekit as ck\nck.preparer_notebook()",
        "outil.budget.value = 3000",
        "del ck\nck.quiz.chapitre('06')",
        "inconnu",
        notebook=chemin,
    )
    assert sorties[1][0].traceback == [
        "«\xa0outil\xa0» n'existe pas encore\xa0: il est créé par une cellule de la partie "
        "«\xa03. Le simulateur de campagne\xa0». Exécutez d'abord les cellules au-dessus de celle-ci, "
        f"dans l'ordre ({MENU}), puis cette cellule-ci."
    ]
    assert MENU in sorties[2][0].traceback[0] and "toute première cellule" in sorties[2][0].traceback[0]
    assert "il est créé" not in sorties[3][0].traceback[0]  # un nom que le notebook ne crée pas
