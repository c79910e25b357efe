"""Les contrôles du navigateur savent échouer : un notebook témoin, écrit ici, contient un bon
simulateur, un simulateur dont un curseur ne change rien et une sortie d'erreur (stderr)."""

import nbformat
import pilote
import pytest

pytestmark = pytest.mark.navigateur

TEMOIN = """import sys
import coursekit as ck
from coursekit.graphiques.base import nouvelle_figure
from coursekit.widgets.base import ChampNombre, Curseur, Simulateur, ZoneGraphique

ck.preparer_notebook()


class Bon(Simulateur):
    titre = "Témoin bon"

    def __init__(self):
        self.prix = ChampNombre("Prix", "10")
        self.quantite = Curseur("Quantité", 0, 10, 1, 5, entier=True)
        self.figure, axes = nouvelle_figure(4, 2.5)
        (self.barre,) = axes.bar(["CA"], [50])
        axes.set_ylim(0, 200)
        self.graphique = ZoneGraphique(self.figure)
        super().__init__([self.prix, self.quantite, self.graphique, self.message])
        self.prix.quand_change(self.actualiser)
        self.quantite.quand_change(self.actualiser)
        self.actualiser()

    def actualiser(self, _changement=None):
        ok, prix = self.calculer(self.prix.lire)
        if ok:
            self.barre.set_height(prix * self.quantite.value)
            self.graphique.actualiser()
            self.message.info(f"Chiffre d'affaires : {ck.monnaie(prix * self.quantite.value)}")


class Inerte(Simulateur):
    titre = "Témoin inerte"

    def __init__(self):
        self.vivant = Curseur("Vivant", 0, 10, 1, 5, entier=True)
        self.mort = Curseur("Mort", 0, 10, 1, 5, entier=True)
        super().__init__([self.vivant, self.mort, self.message])
        self.vivant.quand_change(lambda _c: self.message.info(f"Valeur {self.vivant.value}"))
        self.message.info("Valeur 5")
"""


@pytest.fixture(scope="module")
def serveur_temoin(navigateur, tmp_path_factory):
    from coursekit.lanceur import demarrer_voila

    dossier = tmp_path_factory.mktemp("temoin")
    chemin = dossier / "temoin.ipynb"
    carnet = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(TEMOIN),
            nbformat.v4.new_code_cell("Bon()"),
            nbformat.v4.new_code_cell("Inerte()"),
            nbformat.v4.new_code_cell('print("sortie d\'erreur du témoin", file=sys.stderr)'),
        ]
    )
    carnet.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(carnet, chemin)
    serveur = demarrer_voila(notebook=chemin, journal=dossier / "voila.log")
    try:
        yield serveur
    finally:
        serveur.arreter()


def test_les_controles_trouvent_les_defauts(serveur_temoin, page):
    page.goto(serveur_temoin.url + "/", wait_until="commit")
    page.wait_for_function("() => document.body && !document.querySelector('#loading')", timeout=120_000)
    pilote.attendre_widgets(page, 2)
    defauts = pilote.verifier_page(page, None, 2, 2)
    texte = "\n".join(defauts)
    assert "Témoin inerte : le curseur « Mort » bouge" in texte, texte
    assert "sortie d'erreur (stderr) : sortie d'erreur du témoin" in texte, texte
    assert "Témoin bon" not in texte, texte  # le bon simulateur passe : curseur, image, « abc »
    assert "« Vivant »" not in texte, texte
    assert len([d for d in defauts if not d.startswith("après")]) == 2, texte
