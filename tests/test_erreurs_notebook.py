"""Dans un notebook, une cellule exécutée trop tôt ou une saisie impossible donne une phrase française."""

import nbformat
from nbclient import NotebookClient


def _executer(*sources):
    carnet = nbformat.v4.new_notebook()
    carnet.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    NotebookClient(carnet, kernel_name="python3", allow_errors=True, timeout=120).execute()
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
        "dans l'ordre (menu Exécuter → Exécuter toutes les cellules au-dessus), puis cette cellule-ci."
    ]
    assert saisie.traceback == [
        "À corriger\xa0: Le nombre de visites (visites) doit être supérieur à 0 pour calculer un taux de conversion."
    ]
    assert len(autre.traceback) > 1  # les autres erreurs gardent leur trace (utile au professeur)


def test_cours_pas_encore_charge():
    sorties = _executer("import coursekit\ncoursekit.preparer_notebook()", "ck.quiz.chapitre('06')")
    assert "exécutez d'abord la toute première cellule" in sorties[1][0].traceback[0]
