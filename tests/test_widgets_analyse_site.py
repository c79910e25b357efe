"""Simulateurs du chapitre 10 dans le noyau : on choisit, on bouge, on tape faux, on lit la phrase et le graphique."""

import pytest

from coursekit import analyse_site as a
from coursekit.affichage import COULEUR_MANQUE, COULEUR_PRINCIPALE
from coursekit.widgets.analyse_site import (
    ExplorateurSources,
    QuestionE5,
    SegmentationRFM,
    SimulateurTunnel,
    annexe_e5,
    exercice_semaine,
    grille_e5,
    lire_statistiques,
    minutage_e5,
    presentation_e5,
    question_e5,
)


def _n(texte):
    """Le texte avec des espaces ordinaires à la place des espaces insécables (fines ou non)."""
    return texte.replace("\xa0", " ").replace("\u202f", " ")


def _rgb(couleur):
    from matplotlib.colors import to_rgb

    return to_rgb(couleur)


# --- Explorateur des sources ------------------------------------------------------------------


def test_explorateur_par_defaut_la_premiere_source():
    e = ExplorateurSources()
    assert e.choix.value == "Recherche naturelle"
    texte = _n(e.message.texte)
    assert texte.startswith("Recherche naturelle : 150 sessions (30 % du trafic), conversion 0,67 %")
    assert "Maillon faible, finalisation : 20 % contre 27,8 %" in texte
    # Barres du site : la moyenne du mois (53,6 % d'engagement), dessinées une fois.
    assert e.barres_site[0].get_width() == pytest.approx(53.6)
    assert e.barres[2].get_width() == pytest.approx(20)
    assert e.barres[2].get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_MANQUE))
    assert e.barres[0].get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_PRINCIPALE))
    assert "Recherche naturelle" in e.tableau.value and "0,67 %" in _n(e.tableau.value)


def test_explorateur_change_de_source_sur_place():
    e = ExplorateurSources()
    figure, image = e.figure, e.graphique.value
    e.choix.value = "Réseaux sociaux payants"
    assert e.figure is figure and e.graphique.value != image
    assert e.barres[0].get_width() == pytest.approx(16 / 60 * 100)
    assert "Maillon faible, engagement : 26,7 % contre 53,6 % (−26,9 points)" in _n(e.message.texte)
    assert "page d'arrivée" in _n(e.message.texte)
    assert e.titre_figure.get_text() == "Réseaux sociaux payants face à la moyenne du site"
    e.choix.value = "Sites référents"  # aucun panier : pas de finalisation à mesurer
    assert e.etiquettes[2].get_text() == "aucun panier"
    assert "Prudence : moins de 50 sessions" in _n(e.message.texte)


def test_explorateur_par_semaine():
    e = ExplorateurSources()
    e.vue.value = "periode"
    assert list(e.choix.options) == ["Semaine 1", "Semaine 2", "Semaine 3", "Semaine 4"]
    assert _n(e.message.texte).startswith("Semaine 1 : 104 sessions (20,8 % du trafic)")
    assert "au moins aussi bien que la moyenne" in _n(e.message.texte)
    e.choix.value = "Semaine 2"
    assert "Maillon faible, mise au panier" in _n(e.message.texte)
    e.vue.value = "source"
    assert e.choix.value == "Recherche naturelle" and _n(e.message.texte).startswith("Recherche naturelle")


def test_explorateur_refuse_un_fichier_incoherent():
    stats = lire_statistiques()
    stats.loc[0, "commandes"] = 99
    with pytest.raises(a.ErreurSaisie, match="commandes .99. dépasse paniers"):
        ExplorateurSources(stats)


# --- Segmentation RFM ---------------------------------------------------------------------------


def _largeurs(s):
    return {nom: b.get_width() for nom, b in zip(a.SEGMENTS_RFM, s.barres, strict=True)}


def test_rfm_par_defaut_seuil_180_jours():
    s = SegmentationRFM()
    assert s.seuil.value == 180 and s.seuil.lecture.value == "180\xa0jours"
    largeurs = _largeurs(s)
    assert sum(largeurs.values()) == 300
    assert largeurs["Champions"] == 63 and largeurs["À risque"] == 17 and largeurs["Perdus"] == 69
    assert _n(s.message.texte).startswith(
        "Au-delà de 180 jours sans achat, 17 bons clients sont « À risque »"
    )
    assert "e-mail de reconquête" in _n(s.message.texte)
    assert "Action proposée" in s.tableau.value and "Champions" in s.tableau.value


def test_rfm_le_curseur_resegmente_en_direct():
    s = SegmentationRFM()
    figure, image = s.figure, s.graphique.value
    avant = _largeurs(s)
    s.seuil.value = 90
    apres = _largeurs(s)
    assert s.figure is figure and s.graphique.value != image
    assert apres["À risque"] + apres["Perdus"] > avant["À risque"] + avant["Perdus"]
    assert apres["Champions"] == avant["Champions"]  # les champions ont tous acheté il y a moins de 90 jours
    assert "Au-delà de 90 jours" in _n(s.message.texte) and "37 bons clients" in _n(s.message.texte)
    assert s.etiquettes[4].get_text().startswith("37 · ")


# --- Tunnel ---------------------------------------------------------------------------------------


def test_tunnel_par_defaut_retrouve_le_mois_de_mars():
    t = SimulateurTunnel()
    assert t.sessions.value == "500"
    assert t.barres[0].get_height() == pytest.approx(250)
    assert t.barres[1].get_height() == pytest.approx(250, rel=0.01)
    assert _n(t.message.texte).startswith("18 paniers, 5 commandes : 250 € de ventes, conversion 1 %")


def test_tunnel_baisser_l_abandon_rapporte():
    t = SimulateurTunnel()
    t.taux_abandon.value = 62.2
    assert t.barres[1].get_height() == pytest.approx(18 * 0.378 * 50)
    assert t.barres[1].get_facecolor()[:3] != pytest.approx(_rgb(COULEUR_MANQUE))
    assert "Chaque point d'abandon en moins rapporte ici 9,00 € par mois" in _n(t.message.texte)
    t.panier.value = 30
    assert t.barres[1].get_facecolor()[:3] == pytest.approx(_rgb(COULEUR_MANQUE))


def test_tunnel_saisie_fausse_gardee_et_expliquee():
    t = SimulateurTunnel()
    hauteur = t.barres[1].get_height()
    t.sessions.value = "beaucoup"
    assert "nombre de sessions" in _n(t.message.texte).lower()
    assert t.sessions.value == "beaucoup"  # rien n'est effacé
    assert t.barres[1].get_height() == hauteur
    t.sessions.value = "-10"
    assert "sessions" in _n(t.message.texte) and "supérieur à 0" in _n(t.message.texte)
    t.sessions.value = "2 000"
    assert "72 paniers, 20 commandes" in _n(t.message.texte) and "0,50 € par session" in _n(t.message.texte)


# --- Exercices et cas E5 --------------------------------------------------------------------------


def test_exercice_semaine_corrige_indice_puis_correction():
    quiz = exercice_semaine()
    rebond = quiz.questions[0]
    rebond.saisie.value = "62,5"  # le taux d'engagement, pas le rebond
    rebond.verifier()
    assert "Indice" not in rebond.retour.value or "retirez-le de 100" in rebond.retour.value
    assert "retirez-le de 100" in rebond.retour.value
    rebond.verifier()
    assert "37,5" in rebond.retour.value  # la correction au deuxième essai
    rebond.saisie.value = "37,5"
    assert rebond.verifier().juste


def test_questions_e5_et_sujet():
    q1 = question_e5(1)
    assert isinstance(q1, QuestionE5) and len(q1.exercices) == 2
    assert repr(q1) == "Question 1 du cas E5 : Le taux de conversion"
    q1.exercices[0].saisie.value = "1,95"
    assert q1.exercices[0].verifier().juste
    q1.exercices[1].saisie.value = "-0,33"
    assert q1.exercices[1].verifier().juste
    q3 = question_e5(3)
    assert not q3.exercices and q3.redaction is q3.children[-1]
    assert q3.redaction.bouton.description == "Comparer avec une réponse possible"
    assert q1.redaction is not None  # « Présentez vos calculs » : une case pour les poser
    assert question_e5(7).redaction is None
    assert "Durée : 3 heures. Barème : 20 points." in _n(presentation_e5())
    assert "Annexe 1**\xa0:" in presentation_e5()  # typographie française
    assert "3 h en tout" in minutage_e5().to_html()
    assert "sur 20 points" in grille_e5().to_html()
    assert "Monstera" in annexe_e5(2).to_html()
    assert "1 300" in _n(annexe_e5(1).to_html())
    with pytest.raises(a.ErreurSaisie, match="pas de question 12"):
        question_e5(12)


def test_question_7_le_chiffre_d_affaires_du_tunnel_repare():
    """Question 7 : les commandes, puis le chiffre d'affaires qu'elles auraient rapporté (≈ 590 €)."""
    q7 = question_e5(7)
    commandes, ventes = q7.exercices
    commandes.saisie.value = "95"
    assert commandes.verifier().juste
    ventes.saisie.value = "4 287"  # 95 commandes × panier moyen : le total, pas le supplément
    assert not ventes.verifier().juste and "moins 82" in ventes.retour.texte
    ventes.saisie.value = "587"
    assert ventes.verifier().juste


def test_ventes_supplementaires_reprend_les_totaux_de_l_annexe():
    """Le chiffre d'affaires de mars du fichier de contenu est bien celui de l'annexe 1."""
    from coursekit.widgets.analyse_site import FICHIER_E5_TRAFIC, cas_e5, lire_statistiques

    stats = lire_statistiques(FICHIER_E5_TRAFIC)
    mars = a.totaux(stats[stats["periode"] == "Mars"])
    assert cas_e5()["mars"]["chiffre_affaires"] == pytest.approx(mars["chiffre_affaires"])
    assert a.ventes_supplementaires(304, 68.75, 82, 3700.92) == pytest.approx(13 * 3700.92 / 82)
    assert a.ventes_supplementaires(304, 80, 82, 3700.92) < 0
