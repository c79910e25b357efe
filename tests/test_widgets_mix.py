import pytest
from matplotlib.colors import to_hex

from coursekit import mix
from coursekit.affichage import COULEUR_PRINCIPALE
from coursekit.graphiques.mix import COULEUR_ECARTE, figure_bannieres, figure_historique
from coursekit.widgets.mix import (
    ExerciceBudget,
    ExercicePushPull,
    ExplorateurMix,
    SelecteurCanaux,
    SimulateurBudget,
)


def test_explorateur_un_onglet_par_politique():
    explorateur = ExplorateurMix()
    assert len(explorateur.children) == 7
    assert explorateur.get_title(0) == "1. Produit" and explorateur.get_title(6) == "7. Sécurité"
    assert "nom de domaine stratégique" in explorateur.fiches[0].value
    assert "Graine de Ville" in explorateur.fiches[3].value
    assert "constitution d&#x27;une base de données" in explorateur.fiches[1].value
    assert repr(explorateur).startswith("Explorateur")


def test_bannieres_a_l_echelle_et_frise():
    axes = figure_bannieres().axes[0]
    rectangles = axes.patches[1:]
    assert [(r.get_width(), r.get_height()) for r in rectangles] == [
        (f.largeur, f.hauteur) for f in mix.FORMATS_BANNIERES
    ]
    assert any("728\xa0×\xa090 px" in t.get_text() for t in axes.texts)
    textes = [t.get_text() for t in figure_historique().axes[0].texts]
    assert "Marketing 2.0" in textes and "1940" in textes


def test_selecteur_recommande_et_dessine():
    selecteur = SelecteurCanaux()
    assert "3 leviers recommandés" in selecteur.message.texte
    assert "Réseaux sociaux" in selecteur.liste.value and "Instagram et TikTok" in selecteur.liste.value
    rang_mail = selecteur.noms.index("E-mailing")
    assert selecteur.barres[rang_mail].get_width() == 0
    image = selecteur.graphique.value
    selecteur.objectif.value = "fidélisation"
    selecteur.cases["e-mail"].value = True
    assert selecteur.barres[rang_mail].get_width() == pytest.approx(60 + 40 / 3)
    assert to_hex(selecteur.barres[rang_mail].get_facecolor()) == COULEUR_PRINCIPALE.lower()
    assert selecteur.etiquettes[rang_mail].get_text() == "73\xa0%"
    assert "E-mailing" in selecteur.liste.value
    assert selecteur.graphique.value != image


def test_selecteur_avertit_au_dela_de_trois_canaux():
    selecteur = SelecteurCanaux("conversion", ("Instagram", "e-mail", "recherche Google"))
    assert mix.AVERTISSEMENT_CANAUX in selecteur.message.texte
    assert selecteur.message.texte.startswith("Attention")
    rang_pub = selecteur.noms.index("Programme de fidélité")
    assert to_hex(selecteur.barres[rang_pub].get_facecolor()) == COULEUR_ECARTE


def test_selecteur_sans_habitude_graphique_efface_et_phrase():
    selecteur = SelecteurCanaux()
    selecteur.cases["TikTok"].value = False
    image = bytes(selecteur.graphique.value)
    selecteur.cases["Instagram"].value = False
    assert selecteur.message.texte == (
        "Cochez au moins une habitude de la cible pour voir les canaux qui la touchent."
    )
    # Plus aucune barre : le graphique est vidé, la liste des leviers cachée.
    assert selecteur.graphique.vide and bytes(selecteur.graphique.value) != image
    assert not any(axes.get_visible() for axes in selecteur.figure.axes)
    assert selecteur.liste.layout.display == "none"
    assert selecteur.objectif.value == "visibilité"
    selecteur.cases["Instagram"].value = True
    assert not selecteur.graphique.vide and selecteur.liste.layout.display is None
    assert selecteur.liste.value and "coursekit-perime" not in selecteur.graphique._dom_classes


def test_selecteur_echappe_le_html():
    reco = mix.Recommandation("visibilité", (mix.LevierRecommande("<script>x</script>", 50, "a < b"),), "")
    html = SelecteurCanaux.liste_html(reco)
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &lt; b" in html


def test_budget_exemple_du_programme():
    simulateur = SimulateurBudget()
    largeurs = [barre.get_width() for barre in simulateur.barres]
    assert largeurs == [1500, 800, 1500, 400, 300, 500]
    assert simulateur.etiquettes[1].get_text().strip() == "800\xa0€ (16\xa0%)"
    assert "1\u202f500\xa0€ (30\xa0%)" in simulateur.message.texte
    assert "500\xa0€ (10\xa0%) couvre les imprévus" in simulateur.message.texte


def test_budget_curseurs_et_total_mettent_a_jour_le_graphique():
    simulateur = SimulateurBudget()
    image = simulateur.graphique.value
    simulateur.reserve.value = 12
    # 102 % : le message dit de combien on dépasse, le graphique ne bouge pas
    assert "2\xa0points de trop" in simulateur.message.texte
    simulateur.curseurs["Contenus du blog"].value = 4
    assert simulateur.barres[-1].get_width() == 600
    assert simulateur.barres[4].get_width() == 200
    assert "600\xa0€ (12\xa0%)" in simulateur.message.texte
    simulateur.total.value = "10 000"
    assert simulateur.barres[0].get_width() == 3000
    assert simulateur.graphique.value != image
    assert "fourchette" not in simulateur.message.texte
    simulateur.reserve.value = 16
    simulateur.curseurs["Contenus du blog"].value = 0
    assert "sort de la fourchette conseillée (10 à 15\xa0%)" in simulateur.message.texte


def test_budget_parts_qui_ne_font_pas_100_valeurs_gardees():
    simulateur = SimulateurBudget()
    simulateur.curseurs["E-mailing"].value = 3
    assert simulateur.message.texte.startswith("À corriger")
    assert "Il manque 5\xa0points pour arriver à 100\xa0%" in simulateur.message.texte
    assert simulateur.curseurs["E-mailing"].value == 3
    assert simulateur.barres[3].get_width() == 400  # dernier état valable, pas un graphique faux
    simulateur.ajuster_a_cent()
    assert sum(simulateur.parts.values()) + simulateur.reserve.value == pytest.approx(100)
    assert simulateur.message.texte.startswith("Sur 5")
    assert all(part % SimulateurBudget.PAS == 0 for part in simulateur.parts.values())


def test_budget_saisie_impossible():
    simulateur = SimulateurBudget()
    simulateur.total.value = "abc"
    assert simulateur.message.texte.startswith("À corriger")
    assert "Le budget total doit être un nombre" in simulateur.message.texte
    assert simulateur.total.value == "abc"
    assert "Le budget total doit être un nombre" in simulateur.total.erreur.texte
    assert simulateur.perime and "coursekit-perime" in simulateur.graphique._dom_classes
    assert "parts et réserve font 100\xa0%" in simulateur.message.texte
    simulateur.curseurs["E-mailing"].value = 8.5
    assert "Le budget total doit être un nombre" in simulateur.message.texte
    assert "parts et réserve font 100,5\xa0%" in simulateur.message.texte
    simulateur.curseurs["E-mailing"].value = 8
    simulateur.total.value = "-200"
    assert "supérieur à 0" in simulateur.message.texte and "supérieur à 0" in simulateur.total.erreur.texte
    assert simulateur.barres[0].get_width() == 1500 and simulateur.perime
    simulateur.total.value = "2 000"
    assert simulateur.barres[0].get_width() == 600
    assert not simulateur.perime and not simulateur.total.en_erreur
    assert "coursekit-perime" not in simulateur.graphique._dom_classes


def test_budget_en_dirhams():
    from coursekit import format as fmt

    ancienne = fmt.devise()
    fmt.definir_devise("MAD")
    try:
        simulateur = SimulateurBudget()
        assert "DH" in simulateur.message.texte and "€" not in simulateur.message.texte
        assert "DH" in simulateur.etiquettes[0].get_text()
    finally:
        fmt.definir_devise(ancienne)


def test_exercice_budget_retour():
    exercice = ExerciceBudget()
    assert exercice.verifier_bouton in exercice.children and exercice.retour in exercice.children
    bilan = exercice.verifier()
    assert not bilan.reussi and exercice.retour.texte.startswith("Pas encore")
    for canal, part in mix.REPARTITION_EXEMPLE.items():
        exercice.curseurs[canal].value = part
    bilan = exercice.verifier()
    assert bilan.reussi and exercice.retour.texte.startswith("Bien joué")
    exercice.curseurs["E-mailing"].value = 0
    assert exercice.verifier() is not None
    assert "Il manque 8" in exercice.retour.texte


def test_exercice_push_pull():
    exercice = ExercicePushPull()
    assert exercice.verifier() == 0
    assert "Choisissez" in exercice.retour.value
    for levier, bouton in exercice.choix.items():
        bouton.value = mix.PUSH_PULL[levier]
    assert exercice.verifier() == len(mix.PUSH_PULL)
    assert "6 sur 6" in exercice.retour.value
    assert repr(exercice).startswith("Exercice")


@pytest.mark.parametrize("classe", [SimulateurBudget, ExerciceBudget])
@pytest.mark.parametrize("sens", [-1, 1])
def test_chaque_curseur_change_la_phrase_ou_l_image(classe, sens):
    simulateur = classe()
    for curseur in [*simulateur.curseurs.values(), simulateur.reserve]:
        avant = (simulateur.message.value, simulateur.graphique.value)
        depart = curseur.value
        curseur.value = depart + sens * SimulateurBudget.PAS
        assert curseur.value != depart, f"le curseur « {curseur.curseur.description} » est en butée"
        assert (simulateur.message.value, simulateur.graphique.value) != avant
        curseur.value = depart


def test_selecteur_sans_levier_adapte():
    selecteur = SelecteurCanaux("visibilité", ("e-mail",))
    assert "aucun levier ne touche bien cette cible" in selecteur.message.texte
    assert selecteur.liste.value == ""
    selecteur.objectif.value = "fidélisation"
    assert "E-mailing" in selecteur.liste.value and "2 leviers recommandés" in selecteur.message.texte
