import coursekit as ck
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


def test_influence_budget_trop_petit_pour_les_deux():
    simulateur = SimulateurInfluence()
    simulateur.budget.value = "100"
    assert "ne paie aucune publication" in simulateur.message.texte
    assert ck.monnaie(300) in simulateur.message.texte and ck.monnaie(8_000) in simulateur.message.texte


def test_influence_couts_egaux_sans_un_fois_moins_cher():
    simulateur = SimulateurInfluence()
    # 8 000 € pour 500 000 × 1,5 % = 7 500 interactions ; 300 € pour 15 000 × x % donne le même coût
    simulateur.prix_micro.value = 800
    simulateur.abonnes_micro.value = 50_000
    simulateur.engagement_micro.value = 1.5
    assert "se valent" in simulateur.message.texte
    assert "1 fois moins cher" not in simulateur.message.texte


def test_influence_noms_lisibles_sous_les_barres():
    simulateur = SimulateurInfluence()
    axe = simulateur.barres_couts[0].axes
    noms = [etiquette.get_text() for etiquette in axe.get_xticklabels()]
    assert all("\n" in nom for nom in noms)


def test_glossaire_renvoie_au_numero_du_chapitre():
    glossaire = Glossaire()
    assert "chapitre 06<" in glossaire.fiche.value
    assert "06-kpi" not in glossaire.fiche.value
