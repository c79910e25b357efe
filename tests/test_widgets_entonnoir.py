import pandas as pd
import pytest
from matplotlib.colors import to_hex

from coursekit.affichage import COULEUR_MANQUE, COULEUR_PRINCIPALE
from coursekit.entonnoir import ACTIONS
from coursekit.widgets.entonnoir import (
    ExerciceDiagnostic,
    SimulateurCanaux,
    SimulateurEntonnoir,
    SimulateurSatisfaction,
)


def _couleur(barre):
    return to_hex(barre.get_facecolor())


def test_entonnoir_au_depart_graine_de_ville():
    sim = SimulateurEntonnoir()
    texte = sim.message.texte
    assert "Le maillon faible est l'étape Action" in texte
    assert "20\xa0% des personnes de l'étape Désir (25 → 5)" in texte
    assert "2,5 clients de plus par mois" in texte and "125\xa0€ de chiffre d'affaires en plus" in texte
    largeurs = [barre.get_width() for barre in sim.elements.barres]
    assert largeurs == pytest.approx([500, 250, 100, 25, 5, 2])
    for barre in sim.elements.barres:  # barres centrées sur 0
        assert barre.get_x() == pytest.approx(-barre.get_width() / 2)
    couleurs = [_couleur(b) for b in sim.elements.barres]
    assert couleurs[4] == to_hex(COULEUR_MANQUE)
    assert couleurs.count(to_hex(COULEUR_MANQUE)) == 1 and couleurs[0] == to_hex(COULEUR_PRINCIPALE)
    assert "maillon faible" in sim.elements.commentaires[4].get_text()
    assert "250 perdus" in sim.elements.commentaires[1].get_text()
    assert "Pertes" in sim.tableau.value and "<td style='text-align:right'>75</td>" in sim.tableau.value


def test_entonnoir_les_curseurs_changent_graphique_et_phrase():
    sim = SimulateurEntonnoir()
    image = sim.graphique.value
    sim.audience.value = 1_000
    assert sim.elements.barres[0].get_width() == 1_000
    assert sim.elements.barres[5].get_width() == pytest.approx(4)
    assert "5 clients de plus" in sim.message.texte and "250\xa0€" in sim.message.texte
    assert sim.graphique.value != image
    sim.taux[2].value = 10  # le Désir devient le maillon faible
    assert "Le maillon faible est l'étape Désir" in sim.message.texte
    assert _couleur(sim.elements.barres[3]) == to_hex(COULEUR_MANQUE)
    assert _couleur(sim.elements.barres[4]) == to_hex(COULEUR_PRINCIPALE)
    avant = sim.message.texte
    sim.panier_moyen.value = 60
    assert sim.message.texte != avant and "panier moyen de 60\xa0€" in sim.message.texte
    sim.gain.value = 20
    assert "En gagnant 20\xa0points" in sim.message.texte and "(10\xa0% → 30\xa0%)" in sim.message.texte
    sim.gain.value = 0
    assert "Déplacez le curseur « Gain »" in sim.message.texte


def test_entonnoir_maillon_apres_l_achat_et_taux_a_100():
    sim = SimulateurEntonnoir(taux=(60, 50, 40, 50, 10))
    assert "étape Recommandation" in sim.message.texte
    assert "aucun client de plus" in sim.message.texte and "recommandations de plus" in sim.message.texte
    sim = SimulateurEntonnoir(taux=(100, 100, 100, 100, 100))
    assert "déjà à 100\xa0%" in sim.message.texte
    assert sim.elements.commentaires[2].get_text() == "100\xa0% gardés, 0 perdu"
    sim.taux[1].value = 0
    assert "étape Intérêt" in sim.message.texte
    assert sim.elements.barres[2].get_width() == 0


def test_entonnoir_erreur_de_calcul_affichee_sans_exception(monkeypatch):
    from coursekit import ErreurSaisie
    from coursekit.widgets import entonnoir as module

    sim = SimulateurEntonnoir()
    image = sim.graphique.value

    def refuse(*_args, **_kwargs):
        raise ErreurSaisie("Le volume de départ (volume_initial) ne peut pas être négatif.")

    monkeypatch.setattr(module.calc, "entonnoir_simule", refuse)
    sim.audience.value = 700
    assert sim.message.texte.startswith("À corriger")
    assert sim.audience.value == 700 and sim.graphique.value == image


def test_canaux_comparaison_et_cases():
    sim = SimulateurCanaux()
    texte = sim.message.texte
    assert "E-mailing convertit le mieux : 4,2\xa0%" in texte
    assert "Instagram → Désir (12\xa0%)" in texte and "TikTok → Attention (15\xa0%)" in texte
    assert sim.elements.barres_conversion["E-mailing"].get_width() == pytest.approx(500 / 120)
    hachures = [b.get_hatch() for b in sim.elements.barres_etapes["TikTok"]]
    assert hachures == ["//", "", "", "", ""]
    image = sim.graphique.value
    sim.cases["E-mailing"].value = False
    assert "Publicité payante convertit le mieux" in sim.message.texte
    assert not sim.elements.barres_conversion["E-mailing"].get_visible()
    assert sim.graphique.value != image
    for canal in ("TikTok", "SEO", "Publicité payante"):
        sim.cases[canal].value = False
    assert sim.canaux_choisis == ["Instagram"]
    assert sim.message.texte.startswith("Instagram transforme 0,7\xa0%")
    assert sim.elements.barres_etapes["Instagram"][0].get_width() == pytest.approx(0.8)


def test_canaux_aucun_canal_coche_graphique_efface_et_phrase():
    sim = SimulateurCanaux(choisis=["SEO"])
    image = bytes(sim.graphique.value)
    sim.cases["SEO"].value = False
    assert sim.message.texte == "Cochez au moins un canal pour voir la comparaison des entonnoirs."
    # Les barres du SEO ne restent pas à l'écran : le graphique est vidé.
    assert sim.graphique.vide and bytes(sim.graphique.value) != image
    assert not any(axes.get_visible() for axes in sim.graphique.figure.axes)
    sim.cases["TikTok"].value = True
    assert sim.message.texte.startswith("TikTok transforme")
    assert not sim.graphique.vide and all(axes.get_visible() for axes in sim.graphique.figure.axes)


def test_canaux_avec_d_autres_donnees():
    donnees = pd.DataFrame(
        {
            "canal": ["A"] * 3 + ["B"] * 3,
            "etape": ["Visites", "Action", "Recommandation"] * 2,
            "volume": [100, 2, 1, 50, 3, 0],
        }
    )
    sim = SimulateurCanaux(donnees)
    assert "B convertit le mieux : 6\xa0%" in sim.message.texte


def test_satisfaction():
    sim = SimulateurSatisfaction()
    assert sim.message.texte == (
        "Satisfaction = 7 − 8 = −1, soit un client déçu : l'expérience est en dessous de ce qu'il attendait."
    )
    assert [b.get_width() for b in sim.elements.barres] == [8, 7]
    sim.vecue.value = 9.5
    assert "enchanté" in sim.message.texte and "+1,5" in sim.message.texte
    assert sim.elements.barres[1].get_width() == 9.5
    sim.attentes.value = 9.5
    assert "client satisfait" in sim.message.texte


ATTENTION = [a for a, e in ACTIONS.items() if e == "Attention"]
ACTION = [a for a, e in ACTIONS.items() if e == "Action"]


def test_diagnostic_juste():
    exo = ExerciceDiagnostic()
    exo.choix_etape.value = "Attention"
    for action in ATTENTION:
        exo.actions[action].value = True
    assert exo.verifier().juste
    assert "bravo" in exo.message.texte
    assert "20\xa0%" in exo.details.value


def test_diagnostic_faux_explique_et_idee_echappee():
    exo = ExerciceDiagnostic()
    exo.choix_etape.value = "Action"
    for action in ACTION:
        exo.actions[action].value = True
    exo.idee.value = "<b>Un jeu concours</b>"
    diagnostic = exo.verifier()
    assert not diagnostic.juste
    assert "Maillon faible à revoir, aucune des deux actions ne le vise" in exo.message.texte
    assert "(s)" not in exo.message.texte
    assert "pas au volume restant" in exo.details.value
    assert "<b>Un" not in exo.details.value and "&lt;b&gt;Un jeu concours" in exo.details.value
    assert exo.idee.value == "<b>Un jeu concours</b>"


def test_diagnostic_saisies_incompletes_message_francais():
    exo = ExerciceDiagnostic()
    assert exo.verifier() is None
    assert exo.message.texte.startswith("À corriger : Choisissez d'abord")
    exo.choix_etape.value = "Attention"
    exo.actions[ATTENTION[0]].value = True
    exo.bouton.click()
    assert "exactement deux actions (vous en avez coché 1)" in exo.message.texte
    assert exo.actions[ATTENTION[0]].value and exo.choix_etape.value == "Attention"


def test_representations_stables():
    for classe in (SimulateurEntonnoir, SimulateurCanaux, SimulateurSatisfaction, ExerciceDiagnostic):
        assert (
            repr(classe()) == f"{classe.titre} (simulateur interactif : exécutez le notebook pour l'utiliser)"
        )


def test_vues_tableaux_a_la_francaise():
    from coursekit.entonnoir import comparer_canaux, entonnoir
    from coursekit.widgets.entonnoir import vue_canaux, vue_entonnoir

    page = vue_entonnoir(entonnoir({"Visites": 1500, "Paniers": 25})).to_html()
    assert "1\u202f500" in page and "1,7\xa0%" in page and "Taux d'étape" in page
    donnees = SimulateurCanaux().donnees
    page = vue_canaux(comparer_canaux(donnees)).to_html()
    assert "4,2\xa0%" in page and "Maillon faible" in page and "4.2" not in page


def test_diagnostic_une_action_sur_deux_dite_en_francais():
    exo = ExerciceDiagnostic()
    exo.choix_etape.value = "Attention"
    exo.actions[ATTENTION[0]].value = True
    exo.actions[ACTION[0]].value = True
    assert not exo.verifier().juste
    assert "Maillon faible juste, une action sur deux le vise" in exo.message.texte
