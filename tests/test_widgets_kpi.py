"""Simulateurs du chapitre 06 : on bouge les réglages, on lit la phrase, les cartes et le graphique."""

import re

import pytest

from coursekit import donnees, kpi, tableaux
from coursekit.affichage import COULEUR_ATTEINT, COULEUR_MANQUE
from coursekit.widgets.kpi import (
    SimulateurCampagne,
    TableauDeBordMensuel,
    campagne_exercice,
    exercice_campagne,
)


def _hauteurs(simulateur):
    return [barre.get_height() for barre in simulateur.barres]


def test_campagne_par_defaut_roas_couvre_le_ca_mais_pas_la_marge():
    s = SimulateurCampagne()
    texte = s.message.texte
    assert texte.startswith("ROAS 3,5:1 mais ROI −12,5\xa0%")
    assert "la marge, non" in texte and "perd 125\xa0€" in texte
    # 4:1 est le seuil avec 25 % de marge : il rembourse la dépense, il ne rapporte rien.
    assert "un ROAS de 4:1 ne fait que rembourser la dépense" in texte and "dépasser" in texte
    assert _hauteurs(s) == pytest.approx([1000, 3500, 875])
    assert s.barres[2].get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_MANQUE))
    cartes = s.resultats.value
    for attendu in (
        "2\u202f000",
        "0,50\xa0€",
        "10,00\xa0€",
        "14,29\xa0€",
        "3\u202f500\xa0€",
        "3,5:1",
        "\u221212,5\xa0%",
    ):
        assert attendu in cartes
    assert s.ligne_depense.get_ydata()[0] == 1000


def test_campagne_curseurs_mettent_a_jour_sur_place():
    s = SimulateurCampagne()
    figure, image = s.figure, s.graphique.value
    s.taux_marge.value = 40
    assert _hauteurs(s)[2] == pytest.approx(1400)
    assert "ROI +40\xa0%" in s.message.texte and "rentable" in s.message.texte
    assert s.barres[2].get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_ATTEINT))
    assert s.graphique.value != image and s.figure is figure
    s.taux_clic.value = 0.5  # 500 clics, 17 ventes
    assert _hauteurs(s)[1] == pytest.approx(17 * 50)
    assert s.message.texte.startswith("ROAS 0,8:1 et ROI −66\xa0%")
    assert "même le chiffre d'affaires" in s.message.texte
    s.panier_moyen.value = 120
    s.impressions.value = 200_000
    s.taux_conversion.value = 5
    r = kpi.simuler_campagne(1000, 200_000, 0.5, 5, 120, 40)
    assert _hauteurs(s) == pytest.approx([1000, r["chiffre_affaires"], r["marge"]])
    assert s.etiquettes[1].get_text() == "6\u202f000\xa0€"


def test_chaque_curseur_change_l_image_ou_la_phrase():
    s = SimulateurCampagne()
    for curseur in s.curseurs:
        avant = (s.graphique.value, s.message.value)
        curseur.value = curseur.curseur.max if curseur.value != curseur.curseur.max else curseur.curseur.min
        assert (s.graphique.value, s.message.value) != avant, repr(curseur)


@pytest.mark.parametrize(
    ("saisie", "mot"),
    [("abc", "doit être un nombre"), ("-500", "supérieur à 0"), ("0", "supérieur à 0"), ("", "vide")],
)
def test_budget_impossible_message_francais_et_saisie_gardee(saisie, mot):
    s = SimulateurCampagne()
    s.budget.value = saisie
    assert s.message.texte.startswith("À corriger")
    assert mot in s.message.texte and "budget" in s.message.texte
    assert s.budget.value == saisie
    # Le message est aussi juste sous le champ ; cartes et graphique restent là, estompés.
    assert s.budget.en_erreur and mot in s.budget.erreur.texte
    assert "coursekit-perime" in s.graphique._dom_classes and "coursekit-perime" in s.resultats._dom_classes
    assert s.perime and s.bandeau.layout.display is None and s.resultats.value
    s.budget.value = "2 000"
    assert not s.budget.en_erreur and s.budget.erreur.value == ""
    assert "coursekit-perime" not in s.graphique._dom_classes + s.resultats._dom_classes and not s.perime
    assert _hauteurs(s)[0] == 2000 and "ROAS 1,8:1" in s.message.texte


def test_zero_clic_et_zero_vente_expliques():
    s = SimulateurCampagne()
    s.taux_clic.value = 0
    assert "aucun clic" in s.message.texte and "CPC" in s.message.texte
    s.taux_clic.value = 2
    s.taux_conversion.value = 0
    assert "aucune vente" in s.message.texte and "CPA" in s.message.texte
    assert s.taux_conversion.value == 0


def test_le_html_tape_est_echappe():
    s = SimulateurCampagne()
    s.budget.value = "<b>mille</b>"
    assert "<b>mille" not in s.message.value and "&lt;b&gt;" in s.message.value


def test_tableau_de_bord_du_cours_styler_francais():
    tdb = kpi.tableau_de_bord(
        [
            {"kpi": "Trafic (sessions)", "objectif": 15_000, "realise": 17_500, "unite": "nombre"},
            {"kpi": "Leads", "objectif": 300, "realise": 280, "unite": "nombre"},
            {"kpi": "Taux de conversion", "objectif": 5, "realise": 5.8, "unite": "pourcent"},
            {"kpi": "Retour publicitaire", "objectif": 3, "realise": 3.5, "unite": "ratio"},
        ]
    )
    page = tableaux.afficher_tableau_de_bord(tdb).to_html()
    for attendu in (
        "15\u202f000",
        "17\u202f500",
        "+16,7\xa0%",
        "−6,7\xa0%",
        "+0,8\xa0point",
        "5,8\xa0%",
        "3,5:1",
    ):
        assert attendu in page
    assert page.count("✔ Atteint") == 3 and page.count("✘ Non atteint") == 1
    assert COULEUR_ATTEINT in page and COULEUR_MANQUE in page
    assert not re.search(r"\d\.\d", re.sub(r"<style.*?</style>", "", page, flags=re.S))
    assert page == tableaux.afficher_tableau_de_bord(tdb).to_html(), "sortie stable pour nbval"


def test_tableau_de_bord_mensuel_choix_du_mois():
    t = TableauDeBordMensuel()
    assert "juin 2026" in t.tableau.value and "4 objectifs sur 4 atteints" in t.message.texte
    image = t.graphique.value
    t.choix_mois.value = "2026-05"
    assert "mai 2026" in t.tableau.value
    assert (
        "2 objectifs sur 4" in t.message.texte and "ROAS (retour publicitaire), −2,5\xa0%" in t.message.texte
    )
    assert t.graphique.value != image
    x, y = t.reperes["roas"].get_data()
    assert list(x) == [4] and y[0] == pytest.approx(3.9)
    t.choix_mois.value = "semestre"
    assert "0 objectif sur 4 atteint" in t.message.texte
    assert "285" in t.tableau.value and "300" in t.tableau.value
    assert len(t.reperes["leads"].get_data()[0]) == 0


def test_releves_du_csv_coherents():
    releves = donnees.lire_csv("graine_de_ville_kpi_mensuels.csv", kpi.COLONNES_RELEVES)
    assert len(releves) == 6
    assert releves["abonnes"].iloc[0] == 2000  # le cas pratique : 2 000 abonnés au départ
    assert (releves["commandes"] <= releves["visites"]).all()
    assert (releves["interactions"] <= releves["abonnes"]).all()


def test_exercice_corrige_les_bonnes_reponses():
    quiz = exercice_campagne()
    attendu = [q.attendu for q in quiz.questions]
    assert attendu == pytest.approx([2, 0.75, 25, 3, 20])
    for question, saisie in zip(quiz.questions, ("2", "0,75", "25", "3", "20"), strict=True):
        question.saisie.value = saisie
    assert quiz.compter() == 5
    quiz.questions[4].saisie.value = "200"  # l'erreur classique : ROAS × 100 au lieu du ROI
    assert not quiz.questions[4].verifier().juste
    assert "marge" in quiz.questions[4].retour.texte
    c = campagne_exercice()
    assert c["leads"] != c["ventes"]


def _rgb(couleur):
    from matplotlib.colors import to_rgb

    return to_rgb(couleur)
