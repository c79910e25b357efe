"""Une cellule que Python ne sait pas lire (× ÷ %, espaces, virgule) reçoit la ligne corrigée, en français."""

import nbformat
import pytest
from nbclient import NotebookClient

from coursekit.affichage import corriger_calcul, message_syntaxe


def _executer(*sources):
    carnet = nbformat.v4.new_notebook()
    carnet.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    NotebookClient(carnet, kernel_name="python3", allow_errors=True, timeout=120).execute()
    return [cellule.outputs for cellule in carnet.cells]


@pytest.mark.parametrize(
    ("tapee", "attendue"),
    [
        ("reponse = 6000 ÷ (400 000 × 2 %)", "reponse = 6000 / (400000 * (2 / 100))"),
        ("reponse = 0,05", "reponse = 0.05"),
        ("reponse = 10,07 €", "reponse = 10.07"),
        ("reponse = 1 440 × 1,5", "reponse = 1440 * 1.5"),
        ("reponse = 500 − 120", "reponse = 500 - 120"),
    ],
)
def test_la_ligne_corrigee_se_calcule(tapee, attendue):
    corrigee, changes = corriger_calcul(tapee)
    assert corrigee == attendue and changes
    compile(corrigee, "<cellule>", "exec")


def test_sans_correction_sure_on_rappelle_les_regles():
    message = message_syntaxe(
        SyntaxError("'(' was never closed", ("<cellule>", 2, 11, "reponse = (3000 / 2000\n"))
    )
    assert message.startswith("Python ne sait pas lire la ligne 2\xa0: reponse = (3000 / 2000")
    assert "× s'écrit *" in message and "parenthèse" in message and "Écrivez-la ainsi" not in message


def test_dans_un_notebook_la_cellule_reste_en_erreur_avec_le_message_francais():
    sorties = _executer(
        "import coursekit as ck\nck.preparer_notebook()",
        "reponse = 6000 ÷ (400 000 × 2 %)\nck.quiz.verifier('00', 'cout-interaction', reponse)",
        "reponse = 0,05",
        "reponse = 0,75\nck.quiz.verifier('00', 'cout-interaction', reponse)",
    )
    operateurs, zero, virgule = sorties[1][0], sorties[2][0], sorties[3][0]
    assert operateurs.output_type == "error"  # « tout exécuter » s'arrête là, comme pour une autre erreur
    assert operateurs.traceback == [
        "Python ne sait pas lire la ligne 1\xa0: reponse = 6000 ÷ (400 000 × 2 %)\n"
        "Écrivez-la ainsi\xa0: reponse = 6000 / (400000 * (2 / 100))\n"
        "(× s'écrit *, ÷ s'écrit /, pas d'espace dans les nombres, un pourcentage s'écrit divisé par 100), "
        "puis exécutez de nouveau la cellule."
    ]
    assert "Écrivez-la ainsi\xa0: reponse = 0.05\n" in zero.traceback[0]
    # La virgule de « 0,75 » se lit (un couple de nombres) : la correction vient de la cellule elle-même.
    assert "écrivez reponse = 0.75 " in virgule.text


@pytest.mark.parametrize("chapitre", ["00-introduction", "04-objectifs-smart", "05-entonnoir-aidar"])
def test_le_rappel_d_ecriture_precede_chaque_cellule_a_completer(chapitre):
    """Le même rappel (coursekit.affichage.REGLES_CALCUL) au-dessus de chaque « reponse = None »."""
    from pathlib import Path

    from coursekit.affichage import REGLES_CALCUL

    carnet = nbformat.read(Path(__file__).parent.parent / "notebooks" / f"{chapitre}.ipynb", as_version=4)
    a_completer = [i for i, c in enumerate(carnet.cells) if c.source.startswith("reponse = None")]
    assert a_completer
    for i in a_completer:
        au_dessus = carnet.cells[i - 1]
        assert au_dessus.cell_type == "markdown" and REGLES_CALCUL in au_dessus.source
