import ipywidgets as widgets

import coursekit as ck
from coursekit import kpi
from coursekit.graphiques import figure_en_png, nouvelle_figure
from coursekit.widgets import ChampNombre, Curseur, Simulateur, ZoneGraphique, ZoneMessage


def test_curseur_affiche_a_la_francaise():
    curseur = Curseur("Budget", 0, 10_000, 100, 1500, ck.monnaie)
    assert curseur.lecture.value == "1\u202f500\xa0€"
    curseur.value = 2500
    assert curseur.lecture.value == "2\u202f500\xa0€"
    assert curseur.curseur.readout is False


def test_message_echappe_le_html():
    message = ZoneMessage()
    message.erreur("<script>alert(1)</script>")
    assert "<script>" not in message.value
    assert "&lt;script&gt;" in message.value


def test_champ_nombre_garde_la_saisie():
    champ = ChampNombre("Budget", "mille", libelle="Le budget")
    try:
        champ.lire()
    except ck.ErreurSaisie as erreur:
        assert "Le budget" in str(erreur)
    else:
        raise AssertionError("une saisie non numérique doit lever ErreurSaisie")
    assert champ.value == "mille"


def test_zone_graphique_rend_un_png():
    figure, axes = nouvelle_figure()
    barres = axes.bar(["a"], [1])
    zone = ZoneGraphique(figure)
    avant = zone.value
    barres[0].set_height(5)
    zone.actualiser()
    assert zone.value[:4] == b"\x89PNG" and zone.value != avant


def test_simulateur_calcul_protege_et_repr_stable():
    class Essai(Simulateur):
        titre = "Essai"

        def __init__(self):
            super().__init__([widgets.Label("x")])

    simulateur = Essai()
    ok, resultat = simulateur.calculer(lambda: kpi.taux_conversion(5, 0))
    assert not ok and resultat is None
    assert "visites" in simulateur.message.texte
    assert repr(simulateur) == "Essai (simulateur interactif : exécutez le notebook pour l'utiliser)"
    assert simulateur._repr_mimebundle_()["text/plain"] == repr(simulateur)


def test_mode_projecteur_agrandit_les_polices():
    import matplotlib as mpl

    try:
        style = ck.mode_projecteur()
        assert mpl.rcParams["font.size"] == 16
        assert "font-size: 20px" in style.data
    finally:
        ck.mode_projecteur(False)
    assert mpl.rcParams["font.size"] == 11


def test_graduations_a_la_francaise():
    figure, axes = nouvelle_figure()
    axes.bar(["Micro", "Star"], [25_000, 0.5])
    figure_en_png(figure)
    etiquettes = [t.get_text() for t in axes.get_yticklabels()]
    assert "25\u202f000" in etiquettes
    assert not any("." in e for e in etiquettes)
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Micro", "Star"]


def test_message_a_la_typographie_francaise():
    message = ZoneMessage()
    message.info("Fichier « plan.json » : enregistré ; bravo !")
    assert "«\xa0plan.json\xa0»\xa0: enregistré\xa0; bravo\xa0!" in message.value
    assert message.texte == "Fichier « plan.json » : enregistré ; bravo !"
