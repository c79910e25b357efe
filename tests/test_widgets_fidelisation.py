import html
import re

import pytest

from coursekit import fidelisation as f
from coursekit.donnees import lire_csv
from coursekit.widgets.base import Curseur
from coursekit.widgets.fidelisation import (
    SimulateurCLV,
    SimulateurCLVMarge,
    SimulateurNPS,
    SimulateurPareto,
    SimulateurParrainage,
    SimulateurPoints,
    carte_membre,
    tableau_objectifs,
)


def lisible(texte: str) -> str:
    """Le texte avec des espaces ordinaires à la place des espaces insécables (plus simple à tester)."""
    return texte.replace("\xa0", " ").replace("\u202f", " ")


def _hauteurs(barres):
    return [barre.get_height() for barre in barres]


def test_clv_exemple_du_cours_puis_curseurs():
    sim = SimulateurCLV()
    assert _hauteurs(sim.elements.barres) == [100, 1440]
    assert "1 440 €" in lisible(sim.message.texte) and "14,4 fois plus" in lisible(sim.message.texte)
    assert "1 340 €" in lisible(sim.message.texte)
    assert "il reste 60 €" in lisible(sim.message.texte) and "1 400 €" in lisible(sim.message.texte)
    assert list(sim.elements.lignes[0].get_ydata()) == [40, 40]
    image = sim.graphique.value
    sim.cac.value = 150
    assert list(sim.elements.lignes[0].get_ydata()) == [150, 150]
    assert "occasionnel ne rembourse même pas" in lisible(sim.message.texte)
    assert sim.graphique.value != image
    sim.duree_b.value = 5
    assert sim.elements.barres[1].get_height() == 120 * 4 * 5
    assert sim.elements.etiquettes[1].get_text() == "2\u202f400\xa0€"
    sim.panier_b.value = 10
    sim.frequence_b.value = 1
    sim.duree_b.value = 1
    assert "Aucun des deux" in lisible(sim.message.texte)


def test_chaque_curseur_du_simulateur_clv_change_le_resultat():
    sim = SimulateurCLV()
    for curseur in sim.curseurs:
        for pas in (curseur.curseur.step, -curseur.curseur.step):
            avant = (sim.message.texte, sim.graphique.value)
            curseur.value = curseur.value + pas
            assert (sim.message.texte, sim.graphique.value) != avant, repr(curseur)


@pytest.mark.parametrize(
    "fabrique",
    [
        SimulateurCLV,
        SimulateurCLVMarge,
        SimulateurPoints,
        SimulateurParrainage,
        SimulateurNPS,
        lambda: SimulateurPareto([120, 80, 40, 30, 10, 5, 5, 2, 1, 1]),
    ],
)
def test_aucun_curseur_n_est_au_bout_au_depart(fabrique):
    """Au clavier, une flèche vers la gauche ou vers la droite doit toujours faire bouger quelque chose."""
    sim = fabrique()
    curseurs = [w for w in vars(sim).values() if isinstance(w, Curseur)]
    assert curseurs
    for curseur in curseurs:
        assert curseur.curseur.min < curseur.value < curseur.curseur.max, repr(curseur)
        for pas in (curseur.curseur.step, -curseur.curseur.step):
            avant = (sim.message.texte, sim.graphique.value)
            curseur.value = curseur.value + pas
            assert (sim.message.texte, sim.graphique.value) != avant, repr(curseur)


def test_clv_marge_courbe_point_et_erreur_infinie():
    sim = SimulateurCLVMarge()
    assert "266,67 €" in lisible(sim.message.texte) and "340 €" in lisible(sim.message.texte)
    courbe, point = sim.elements.lignes
    assert len(courbe.get_xdata()) == 100
    assert list(point.get_xdata()) == [80]
    assert point.get_ydata()[0] == pytest.approx(266.6667, abs=1e-3)
    sim.retention.value = 100
    sim.actualisation.value = 0
    assert lisible(sim.message.texte).startswith("À corriger") and "infinie" in lisible(sim.message.texte)
    assert sim.retention.value == 100
    sim.actualisation.value = 5
    assert "2 000 €" in lisible(sim.message.texte) and "maximum" in lisible(sim.message.texte)
    sim.marge.value = 200
    assert "4 000 €" in lisible(sim.message.texte)


def _jouer(sim, operations):
    for genre, saisie in operations:
        sim.montant.value = saisie
        assert sim.ajouter(genre), lisible(sim.message.texte)


def test_points_scenario_du_cours_par_les_boutons():
    sim = SimulateurPoints()
    assert "Compte vide" in lisible(sim.message.texte)
    assert sim.montant.value == "95"
    sim.bouton_achat.click()
    assert "95 sur 100" in lisible(sim.message.texte) and "plus que 5 points" in lisible(sim.message.texte)
    assert "presque arrivé" in lisible(sim.message.texte)
    sim.bouton_vider.click()
    assert sim.operations == []
    _jouer(sim, [("achat", "150"), ("achat", "80 €"), ("echange", "100"), ("achat", "200")])
    assert list(sim.elements.lignes[0].get_ydata())[:5] == [0, 150, 230, 130, 330]
    assert list(sim.elements.lignes[1].get_ydata()) == [0, 150, 230, 230, 430]
    assert "Solde : 330 points" in lisible(sim.message.texte)
    assert "Niveau Argent" in lisible(sim.message.texte) and "70 points pour passer Or" in lisible(
        sim.message.texte
    )
    assert "Historique des opérations" in lisible(sim.tableau.value)
    assert "Échange de points" in lisible(sim.tableau.value) and "10 €" in lisible(sim.tableau.value)
    assert "−100" in lisible(sim.tableau.value)


def test_points_echange_trop_gros_et_saisie_fausse():
    sim = SimulateurPoints(operations=[("achat", 150), ("achat", 80)])
    tableau_avant = sim.tableau.value
    sim.montant.value = "500"
    sim.bouton_echange.click()
    assert lisible(sim.message.texte).startswith("À corriger")
    assert "solde n'est que de 230 points" in lisible(sim.message.texte)
    assert sim.operations == [("achat", 150), ("achat", 80)]
    assert sim.tableau.value == tableau_avant
    assert sim.montant.value == "500"
    sim.montant.value = "abc"
    assert "« abc » n'en est pas un" in lisible(sim.message.texte)
    # Message sous le champ ; l'historique affiché reste juste, donc net (pas « à refaire »).
    assert "« abc » n'en est pas un" in lisible(sim.montant.erreur.texte) and not sim.perime
    sim.bouton_achat.click()
    assert "abc" in lisible(sim.message.texte) and len(sim.operations) == 2
    assert sim.montant.value == "abc"
    sim.montant.value = "-20"
    sim.bouton_achat.click()
    assert "supérieur à 0" in lisible(sim.message.texte) and len(sim.operations) == 2
    sim.montant.value = "12,5"
    sim.bouton_echange.click()
    assert "entier" in lisible(sim.message.texte)
    image = sim.graphique.value
    sim.montant.value = "30"
    assert lisible(sim.message.texte).startswith("Solde : 230 points") and not sim.montant.en_erreur
    assert sim.graphique.value == image


def test_points_curseur_et_annulation():
    sim = SimulateurPoints(operations=[("achat", 100)])
    assert "Solde : 100 points" in lisible(sim.message.texte)
    image = sim.graphique.value
    sim.points_par_euro.value = 1.2
    assert "Solde : 120 points" in lisible(sim.message.texte)
    assert sim.graphique.value != image
    sim.bouton_annuler.click()
    assert sim.operations == [] and "1,2 point" in lisible(sim.message.texte)
    sim.points_par_euro.value = 2
    assert "2 point" in lisible(sim.message.texte)


def test_points_palier_le_plus_haut():
    sim = SimulateurPoints(operations=[("achat", 1200)])
    assert "Niveau Platine" in lisible(sim.message.texte) and "le plus haut" in lisible(sim.message.texte)


def test_carte_membre_du_cours():
    carte = lisible(carte_membre().data)
    assert "Argent" in carte and "245" in carte and "255 points" in carte and "Or" in carte
    assert "1,2 point par euro" in carte and "50 €" in carte
    assert "10 €" in carte and "30 € maximum" in carte and "expérience VIP" in carte
    assert "1.2" not in re.sub(r"<[^>]+>", " ", carte)
    texte = html.unescape(re.sub(r"<[^>]+>", "", carte))
    assert "100 points → un bon d'achat de 10 € : disponible" in texte
    assert "250 points → un produit offert (30 € maximum) : encore 5 points" in texte
    assert "Platine" in carte_membre(points=1500).data


@pytest.fixture(scope="module")
def clients():
    return lire_csv("graine_de_ville_clients.csv", ["niveau", "ca_12_mois"])


def test_pareto_sur_le_fichier_clients(clients):
    sim = SimulateurPareto(clients["ca_12_mois"])
    attendu = f.part_du_ca(clients["ca_12_mois"], 5)
    assert list(sim.elements.lignes[1].get_ydata()) == [attendu]
    assert "15 clients sur 300" in lisible(sim.message.texte)
    image = sim.graphique.value
    sim.part.value = 20
    assert "60 clients sur 300" in lisible(sim.message.texte)
    assert sim.elements.lignes[1].get_ydata()[0] == f.part_du_ca(clients["ca_12_mois"], 20)
    assert sim.graphique.value != image


def test_donnees_coherentes_avec_le_programme(clients):
    table = f.ca_par_niveau(clients)
    platine = table.set_index("niveau").loc["Platine"]
    assert platine["part_clients"] == 5
    assert 35 <= platine["part_ca"] <= 45
    depense = table.set_index("niveau")["depense_moyenne"]
    assert 2.5 <= depense["Or"] / depense["Bronze"] <= 3.5
    assert 45_000 <= clients["ca_12_mois"].sum() <= 55_000


def test_parrainage_trois_zones():
    sim = SimulateurParrainage()
    assert sim.elements.barres[0].get_height() == pytest.approx(40 / 0.9)
    assert "44,44 €" in lisible(sim.message.texte)
    sim.transformation.value = 100
    assert sim.elements.barres[0].get_height() == 40
    assert "40 €" in lisible(sim.message.texte) and "À vous de juger" in lisible(sim.message.texte)
    sim.transformation.value = 50
    assert sim.elements.barres[0].get_height() == 80
    assert "plus que la fourchette" in lisible(sim.message.texte)
    sim.transformation.value = 100
    sim.credit_parrain.value = 10
    sim.credit_filleul.value = 10
    assert "nettement moins cher" in lisible(sim.message.texte)
    assert sim.elements.etiquettes[0].get_text() == "20\xa0€"


def test_nps_curseurs_graphique_et_effort():
    sim = SimulateurNPS()
    assert "+30" in lisible(sim.message.texte) and "10 clients" in lisible(sim.message.texte)
    assert _hauteurs(sim.elements.barres) == [20, 30, 50]
    assert "NPS = +30" in sim.elements.axes.get_title()
    sim.promoteurs.value = 100
    assert "atteint" in lisible(sim.message.texte)
    sim.promoteurs.value = 0
    sim.passifs.value = 0
    sim.detracteurs.value = 0
    assert lisible(sim.message.texte).startswith("À corriger") and "au moins une réponse" in lisible(
        sim.message.texte
    )
    sim.detracteurs.value = 4
    assert "−100" in lisible(sim.message.texte)


def test_nps_depuis_l_enquete():
    enquete = lire_csv("graine_de_ville_enquete_satisfaction.csv", ["note_recommandation"])
    groupes = f.repartition_nps(enquete["note_recommandation"])
    sim = SimulateurNPS(**groupes)
    assert sim.elements.axes.get_title().startswith("NPS = +")
    assert sum(_hauteurs(sim.elements.barres)) == pytest.approx(100)


def test_tableau_objectifs_a_la_francaise():
    table = f.objectifs_fidelite(75, 25, 38.25, 28.75, 79.6)
    rendu = lisible(tableau_objectifs(table).data)
    assert "plus de 70 %" in rendu and "moins de 30 %" in rendu and "plus de 50" in rendu
    assert "sur un an" in rendu
    assert "38,2 %" in rendu or "38,3 %" in rendu
    assert "+28,8" in rendu and "✘ non" in rendu and "✔ oui" in rendu
