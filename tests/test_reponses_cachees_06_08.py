"""Chapitres 06 et 07 : aucune réponse d'exercice n'est visible hors des cellules « solution »."""

from pathlib import Path

import nbformat
import pytest

from coursekit import contenu, quiz
from coursekit import format as fmt

RACINE = Path(__file__).resolve().parents[1]
CHAPITRES = {"06": "06-kpi", "07": "07-fidelisation"}


def _proposes(visible: str) -> set[str]:
    """Les exercices que le notebook propose : nommés dans une cellule, ou dans l'exercice du chapitre 06."""
    idents = set()
    if "exercice_campagne()" in visible:
        from coursekit.widgets.kpi import exercice_campagne

        idents |= {q.ident for q in exercice_campagne().questions}
    return idents


def _visible(carnet) -> str:
    """Sources et sorties des cellules que voit l'élève (toutes sauf « solution »)."""
    morceaux = []
    for cellule in carnet.cells:
        if "solution" in cellule.metadata.get("tags", []):
            continue
        morceaux.append(cellule.source)
        for sortie in cellule.get("outputs", []):
            morceaux.append(sortie.get("text", ""))
            morceaux.extend(str(v) for v in sortie.get("data", {}).values())
    return "\n".join(morceaux)


def _carnet(numero):
    return nbformat.read(RACINE / "notebooks" / f"{CHAPITRES[numero]}.ipynb", as_version=4)


@pytest.mark.parametrize("numero", sorted(CHAPITRES))
def test_aucune_reponse_ni_correction_visible(numero):
    visible = _visible(_carnet(numero))
    donnees = contenu.charger(numero)
    assert donnees["exercices"], "le chapitre a des exercices dans son fichier de contenu"
    for ident, exercice in donnees["exercices"].items():
        if exercice["type"] == "qcm":
            correction = next(p for p in exercice["propositions"] if p.get("juste"))["explication"]
        else:
            correction = exercice["explication"]
        assert correction not in visible, f"la correction de « {ident} » est visible"
        if exercice["type"] == "nombre":
            attendu = quiz.valeur_attendue(exercice, donnees)
            if not float(attendu).is_integer():
                decimales = 1 if round(attendu, 1) == attendu else 2
                ecrit = fmt.nombre(attendu, decimales)
                assert ecrit not in visible, f"la réponse de « {ident} » ({ecrit}) est visible"
        assert f'"{ident}"' in visible or ident in _proposes(visible), (
            f"l'exercice « {ident} » n'est proposé nulle part"
        )
    assert "verifier_reponse(" not in visible


def test_le_controle_voit_une_reponse_qui_fuit():
    carnet = nbformat.v4.new_notebook()
    carnet.cells.append(nbformat.v4.new_code_cell('print("Rétention : 92,8 %")'))
    assert fmt.nombre(92.8, 1) in _visible(carnet)
    carnet.cells[0].metadata["tags"] = ["solution"]
    assert fmt.nombre(92.8, 1) not in _visible(carnet)


@pytest.mark.parametrize("numero", sorted(CHAPITRES))
def test_chaque_exercice_de_code_a_son_widget(numero):
    """Un exercice fait dans une cellule de code se fait aussi dans un widget (Voilà n'a pas de code)."""
    sources = [c.source for c in _carnet(numero).cells if c.cell_type == "code"]
    widgets = "\n".join(s for s in sources if "ck.quiz.exercice(" in s or "ck.quiz.exercices(" in s)
    widgets += str(_proposes("\n".join(sources)))
    code = [s for s in sources if "ck.quiz.verifier(" in s]
    assert code, "au moins un exercice en cellule de code"
    for source in code:
        ident = source.split("ck.quiz.verifier(")[1].split('"')[3]
        assert f'"{ident}"' in widgets, f"l'exercice « {ident} » n'a pas de version widget"


def test_enonces_du_07_d_accord_avec_le_contenu():
    """Les chiffres écrits dans l'énoncé sont ceux d'où part la correction."""
    markdown = "\n".join(c.source for c in _carnet("07").cells if c.cell_type == "markdown")
    donnees = contenu.charger("07")
    assert ", ".join(map(str, donnees["enquete_exercice"]["notes"])) in markdown
    bocal = donnees["bocal_malin"]
    assert (
        f"{bocal['clients_debut']} clients\nactifs au début du mois et {bocal['clients_fin']} à la fin, "
        f"dont {bocal['nouveaux_clients']} nouveaux"
    ) in markdown
    for offre in donnees["offres_parrainage"].values():
        assert f"{offre['credit']}\xa0€ pour chacun avec {offre['taux_transformation']}\xa0%" in markdown
