"""``python -m coursekit.lanceur 06 --maroc`` : le chapitre projeté est l'édition marocaine (en dirhams),
comme ``python ouvrir.py --maroc`` pour la copie de l'élève."""

import re

import nbformat

from coursekit import lanceur

EURO = re.compile(r"€|\bEUR\b|(?<![\w])euros?\b")


class FauxServeur:
    url = "http://127.0.0.1:1"

    class processus:  # noqa: N801 - imite subprocess.Popen
        @staticmethod
        def wait():
            return 0

    def arreter(self):
        self.arrete = True


def _lancer(monkeypatch, tmp_path, arguments):
    lances = []

    def faux_demarrer(notebook, port=None, projecteur=False):
        lances.append((notebook, projecteur))
        return FauxServeur()

    monkeypatch.setattr(lanceur, "RACINE", tmp_path)  # les éditions s'écrivent dans tmp_path/build
    monkeypatch.setattr(lanceur, "demarrer_voila", faux_demarrer)
    assert lanceur.main(arguments) == 0
    assert len(lances) == 1
    return lances[0]


def test_maroc_projette_l_edition_en_dirhams_sans_solutions(monkeypatch, tmp_path, capsys):
    notebook, projecteur = _lancer(monkeypatch, tmp_path, ["06", "--maroc", "--no-browser"])
    assert projecteur
    assert notebook == tmp_path / "build" / "presentation-maroc" / "06-kpi.ipynb"
    assert "en dirhams (édition marocaine)" in capsys.readouterr().out
    carnet = nbformat.read(notebook, as_version=4)
    sources = [c.source for c in carnet.cells]
    assert any('ck.definir_devise("MAD")' in s for s in sources)
    assert not any({"solution", "jupyterlab"} & set(c.metadata.get("tags", [])) for c in carnet.cells)
    assert all(not c.get("outputs") for c in carnet.cells if c.cell_type == "code")  # Voilà l'exécute
    texte = "\n".join(c.source for c in carnet.cells if c.cell_type == "markdown")
    assert "DH" in texte and not EURO.search(texte), EURO.findall(texte)[:5]


def test_maroc_avec_solutions_projette_l_edition_du_professeur(monkeypatch, tmp_path):
    notebook, _ = _lancer(monkeypatch, tmp_path, ["06", "--maroc", "--avec-solutions", "--no-browser"])
    assert notebook == tmp_path / "build" / "maroc" / "06-kpi.ipynb"
    carnet = nbformat.read(notebook, as_version=4)
    assert any("solution" in c.metadata.get("tags", []) for c in carnet.cells)
    assert any('ck.definir_devise("MAD")' in c.source for c in carnet.cells)


def test_sans_maroc_rien_ne_change(monkeypatch, tmp_path, capsys):
    notebook, _ = _lancer(monkeypatch, tmp_path, ["06", "--no-browser", "--sans-projecteur"])
    assert notebook == tmp_path / "build" / "presentation" / "06-kpi.ipynb"
    assert not any("definir_devise" in c.source for c in nbformat.read(notebook, as_version=4).cells)
    assert "dirhams" not in capsys.readouterr().out
