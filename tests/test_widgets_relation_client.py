"""Simulateurs du chapitre 09 dans le noyau : on bouge les curseurs, on tape, on lit la phrase et le graphique."""

from datetime import date

import pytest

from coursekit import relation_client as rc
from coursekit.affichage import COULEUR_ACCENT, COULEUR_MANQUE
from coursekit.widgets import relation_client as w


def _rgb(couleur):
    from matplotlib.colors import to_rgb

    return to_rgb(couleur)


# --- Centre de contacts -----------------------------------------------------------------------


def test_centre_par_defaut_dit_combien_de_conseillers_ajouter():
    s = w.SimulateurCentreContacts()
    texte = s.message.texte
    assert texte.startswith("Taux de service 49\xa0% : sous l'objectif 80\xa0%")
    assert "Ajoutez 2 conseillers (7 en tout)" in texte
    assert "ramenez la DMT à 3\xa0min" in texte
    assert "4 erlangs" in s.resultats.value and "2\xa0min\xa013\xa0s" in s.resultats.value
    assert list(s.repere.get_xdata()) == [5, 5]
    service = list(s.courbe_service.get_ydata())
    assert service[4] == pytest.approx(rc.centre_contacts(60, 5, 240)["taux_service"])
    assert service[:4] == [0, 0, 0, 0]  # 4 erlangs : il faut plus de 4 conseillers


def test_centre_mise_a_jour_sur_place_et_trois_diagnostics():
    s = w.SimulateurCentreContacts()
    figure, image, courbe = s.figure, s.graphique.value, s.courbe_service
    s.conseillers.value = 4
    assert s.message.texte.startswith("La file ne se vide jamais : 4 erlangs de trafic pour 4 conseillers")
    assert "sans fin" in s.resultats.value
    s.conseillers.value = 7
    assert s.message.texte.startswith("Bon équilibre : 89,5\xa0% des appels")
    assert "coursekit-succes" in s.message.value
    s.conseillers.value = 15
    assert "7 suffiraient" in s.message.texte
    assert s.figure is figure and s.courbe_service is courbe and s.graphique.value != image
    s.appels.value = 120
    attendu = [rc.centre_contacts(120, n, 240)["taux_service"] for n in range(1, 31)]
    assert list(s.courbe_service.get_ydata()) == pytest.approx(attendu)
    s.dmt.value = 120
    assert list(s.repere.get_xdata()) == [15, 15]


def test_centre_sans_appel_ne_plante_pas():
    s = w.SimulateurCentreContacts()
    s.appels.value = 0
    assert "—" in s.resultats.value
    assert "100\xa0%" in s.message.texte


def test_phrase_centre_utilise_le_calculateur():
    r = rc.centre_contacts(90, 8, 240)
    phrase = w.phrase_centre(r, 90, 240, 80, 20)
    assert "Ajoutez 1 conseiller (9 en tout)" in phrase


# --- Rédacteur de réponses --------------------------------------------------------------------


def test_redacteur_nomme_ce_qui_manque_et_garde_la_saisie():
    r = w.RedacteurReponse()
    assert r.choix.value == "panier_chat"
    assert "6 éléments sont attendus" in r.message.texte
    zone = r.relecture
    zone.texte.value = "Bonjour Camille, je vois que le sérum vous tente."
    assert zone.retour.texte.startswith("✘ 2 éléments sur 6. Il manque : l'empathie, une action concrète")
    assert zone.elements.value.count("✘") == 4 and zone.elements.value.count("✔") == 2
    r.choix.value = "produit_defectueux"
    assert r.zone.children == (r.relectures["produit_defectueux"],)
    r.choix.value = "panier_chat"
    assert zone.texte.value == "Bonjour Camille, je vois que le sérum vous tente."


def test_redacteur_reponse_complete_et_bourrage():
    r = w.RedacteurReponse()
    r.choix.value = "produit_defectueux"
    zone = r.relecture
    zone.texte.value = (
        "Bonjour Yanis, je suis désolé pour cette fuite. Une nouvelle gourde part aujourd'hui. "
        "Écrivez-moi à aide@grainedeville.fr. Cordialement, Léa"
    )
    assert zone.analyse.complete and "coursekit-succes" in zone.retour.value
    zone.texte.value = "Yanis désolé remplacement aujourd'hui contact cordialement navré expédié"
    assert not zone.analyse.complete and zone.analyse.score == 0
    assert "mots-clés" in zone.retour.texte or "phrase" in zone.retour.texte


def test_le_texte_de_l_eleve_est_echappe():
    r = w.RedacteurReponse()
    zone = r.relecture
    zone.texte.value = "<script>alert(1)</script> Bonjour Camille, je comprends votre hésitation."
    assert "<script>" not in zone.elements.value and "<script>" not in zone.retour.value


def test_trois_avis_bilan():
    a = w.RepondreAuxAvis()
    assert "Répondez aux 3 avis" in a.message.texte
    zone = a.relectures["avis_arnaque"]
    zone.texte.value = (
        "Bonjour Sofiane, merci d'avoir écrit et toutes mes excuses pour cette attente. Je vérifie votre "
        "dossier dès aujourd'hui et le remboursement sera fait sous 48 h. Écrivez-moi en message privé."
        "\nLéa, Graine de Ville"
    )
    assert zone.analyse.complete
    assert a.message.texte == "1 réponse complète sur 3."
    a.relectures["avis_colis"].texte.value = "Arnaque toi-même."
    assert a.message.texte == "1 réponse complète sur 3."
    assert "signature" in [e.critere for e in a.relectures["avis_colis"].analyse.manquants]


# --- Concepteur de flux -----------------------------------------------------------------------


def test_flux_par_defaut_dans_la_regle():
    f = w.ConcepteurFlux()
    r = rc.simuler_flux({}, 2)
    assert f.message.texte.startswith(
        "Sur 90 jours : environ 87 commandes et 4\u202f059\xa0€"
    )  # panier du cas : 50 €
    assert "Push : 2 par semaine, dans la règle (3 au plus)." in f.message.texte
    largeurs = [b.get_width() for b in f.barres]
    assert largeurs == pytest.approx([*r["flux"]["chiffre_affaires"], r["chiffre_affaires_push"]])
    assert f.barres[-1].get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_ACCENT))


def test_flux_trop_de_push_la_regle_est_dans_la_phrase():
    f = w.ConcepteurFlux()
    image = f.graphique.value
    f.push.value = 5
    texte = f.message.texte
    assert texte.startswith(
        "Règle des push : 5 push par semaine, c'est trop (la règle est 2 à 3 par semaine au plus)"
    )
    assert "Revenez à 3 au plus." in texte
    assert "coursekit-erreur" in f.message.value
    assert f.barres[-1].get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_MANQUE))
    assert f.graphique.value != image
    f.push.value = 9
    assert "plus d'un par jour" in f.message.texte


def test_flux_delai_et_flux_eteint():
    f = w.ConcepteurFlux()
    f.delais["panier"].value = 24
    assert "Le flux « Panier abandonné » part à 24 heures : à 1 heure, il convertirait" in f.message.texte
    f.actifs["panier"].value = False
    assert f.barres[1].get_width() == 0
    assert "Panier abandonné" not in f.message.texte
    assert f.reglages()["panier"] == {"actif": False, "delai": 24, "remise": 10}


# --- Tableaux ---------------------------------------------------------------------------------


def test_tableaux_du_chapitre():
    canaux = w.tableau_canaux().data
    assert list(canaux["Canal"])[:2] == ["Chat en direct", "E-mail"]
    kpi = w.tableau_kpi_journee().data.set_index("KPI")["Valeur"]
    assert kpi["Taux de décroché"] == "90\xa0%" and kpi["DMT"] == "4\xa0min"
    retours = w.tableau_retractation().data.set_index("Pays")
    assert (
        retours.loc["France", "Délai légal"] == "14 jours"
        and retours.loc["Maroc", "Délai légal"] == "7 jours"
    )
    assert list(retours.columns) == ["Texte", "Délai légal"]  # le total avec les jours offerts est l'exercice
    sequence = w.tableau_post_achat(date(2026, 3, 2)).data
    assert list(sequence["Date"]) == [
        "lundi 2 mars",
        "jeudi 5 mars",
        "lundi 9 mars",
        "jeudi 12 mars",
        "mercredi 1er avril",
    ]
    assert list(w.tableau_newsletter(10).data["Blocs"]) == [4, 3, 2, 1]
    assert list(w.tableau_outils_crm().data["Outil"]) == [
        "HubSpot",
        "Klaviyo",
        "Zendesk",
        "Salesforce",
        "Brevo",
    ]
    budget = w.tableau_budget().data
    assert budget.iloc[-1].tolist() == ["Total", 5400, 11300]
    club = w.tableau_club().data.set_index("Indicateur")
    assert (
        club.loc["Rétention", "Après"] == "74,8\xa0%"
        and club.loc["Rétention", "Écart en points"] == "+19,8\xa0points"
    )
    assert club.loc["Attrition (churn)", "Évolution"] == "\u221252\xa0%"
    assert [e for e in w.tableau_crise().data["Étape"]][0] == "Repérer"


def test_graphique_du_club_colore_le_bon_sens():
    from coursekit.affichage import COULEUR_ATTEINT

    figure = w.figure_club()
    barres = figure.axes[0].patches
    assert len(barres) == 5
    assert all(b.get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_ATTEINT)) for b in barres)


def test_enonces_viennent_du_contenu():
    assert "| Appels reçus | 380 |" in w.enonce_journee()
    assert "| Panier abandonné | 180 | 10\xa0% | 1 heure | 10\xa0% |" in w.hypotheses_flux_markdown()
