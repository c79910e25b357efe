from coursekit.widgets.introduction import Glossaire, SimulateurInfluence


def test_glossaire_recherche_et_erreur():
    glossaire = Glossaire()
    assert "Return On Investment" in glossaire.fiche.value
    glossaire.recherche.value = "<b>cpll</b>"
    assert "n'est pas dans le glossaire" in glossaire.message.texte
    assert "<b>" not in glossaire.message.value
    assert glossaire.recherche.value == "<b>cpll</b>"
    glossaire.liste.value = "NPS"
    assert "promoteurs" in glossaire.fiche.value


def test_influence_curseurs_graphique_et_phrase():
    simulateur = SimulateurInfluence()
    assert "0,33" in simulateur.message.texte and "3,2 fois moins cher" in simulateur.message.texte
    assert simulateur.barres_couts[0].get_height() < simulateur.barres_couts[1].get_height()
    image = simulateur.graphique.value
    simulateur.engagement_star.value = 12
    assert simulateur.barres_couts[1].get_height() < simulateur.barres_couts[0].get_height()
    assert "grand compte est" in simulateur.message.texte
    assert simulateur.graphique.value != image


def test_influence_saisie_impossible_en_francais():
    simulateur = SimulateurInfluence()
    simulateur.budget.value = "beaucoup"
    assert simulateur.message.texte.startswith("À corriger")
    assert simulateur.budget.value == "beaucoup"
    simulateur.budget.value = "500"
    assert "ne paie même pas une publication" in simulateur.message.texte
    simulateur.budget.value = "0"
    assert "supérieur à 0" in simulateur.message.texte
