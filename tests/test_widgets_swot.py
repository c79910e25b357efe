import asyncio
import html
import json

import pytest
from boucle_isolee import dans_sa_boucle

from coursekit.swot import CONSTATS_GRAINE_DE_VILLE, Swot
from coursekit.widgets.swot import ConstructeurSwot, ExerciceAudit, ExerciceClassement, GrilleConcurrent

HOSTILE = "<script>alert('x')</script> Éco 🌱 & « guillemets »\nligne 2 " + "x" * 10_000


@pytest.fixture(autouse=True)
def travaux(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_TRAVAUX", str(tmp_path))
    return tmp_path


def test_frappe_met_a_jour_matrice_pistes_et_phrase():
    outil = ConstructeurSwot(delai=0)
    assert "Pour commencer" in outil.message.texte
    assert outil.elements["forces"].get_text() == "(vide : ajoutez une force)"
    image = outil.graphique.value
    outil.listes["forces"].value = "communauté Instagram fidèle\n\n- produits vérifiés"
    outil.listes["opportunites"].value = "essor de la seconde main"
    assert outil.elements["forces"].get_text() == "• communauté Instagram fidèle\n• produits vérifiés"
    assert outil.elements["opportunites"].get_text() == "• essor de la seconde main"
    assert outil.graphique.value != image
    assert (
        "Comment utiliser cette force\u00a0: «\u00a0communauté Instagram fidèle\u00a0», pour saisir cette opportunité\u00a0: «\u00a0essor de la seconde main\u00a0»\u00a0?"
        in html.unescape(outil.tows.value)
    )
    assert "Ajoutez au moins une faiblesse et une menace" in html.unescape(outil.tows.value)
    assert "2 forces, 0 faiblesse, 1 opportunité et 0 menace" in outil.message.texte
    assert "« Faiblesses » est vide" in outil.message.texte
    outil.listes["faiblesses"].value = "500 visites par mois"
    outil.listes["menaces"].value = "concurrents mieux référencés"
    outil.entreprise.value = "Graine de Ville"
    assert "Diagnostic complet" in outil.message.texte
    assert outil.elements["titre"].get_text() == "Analyse SWOT : Graine de Ville"


def test_pistes_et_matrice_echappent_et_abregent():
    outil = ConstructeurSwot(delai=0)
    outil.listes["forces"].value = HOSTILE
    outil.listes["opportunites"].value = "<b>essor</b>"
    assert "<script>" not in outil.tows.value and "&lt;script&gt;" in outil.tows.value
    assert "<b>essor</b>" not in outil.tows.value
    assert "x" * 200 not in outil.tows.value  # entrée abrégée à l'écran
    assert outil.elements["forces"].get_text().startswith("• <script>alert('x')</script> Éco 🌱")
    assert "…" in outil.elements["forces"].get_text()
    # l'analyse, elle, garde tout
    assert outil.swot().forces[1] == "ligne 2 " + "x" * 10_000


def test_frappe_rapide_un_seul_dessin_differe_sans_rien_perdre():
    async def scenario():
        outil = ConstructeurSwot(delai=0.5)  # dessiné à la construction : la frappe suivante attend
        outil.listes["menaces"].value = "c"
        rappel = outil.mise_a_jour._rappel
        assert rappel is not None
        outil.listes["menaces"].value = "concu"
        outil.listes["menaces"].value = "concurrents"
        assert outil.mise_a_jour._rappel is rappel  # un seul dessin programmé pour les trois frappes
        assert outil.elements["menaces"].get_text() == "(vide : ajoutez une menace)"
        await outil.attendre()
        assert outil.elements["menaces"].get_text() == "• concurrents"
        assert "1 menace" in outil.message.texte

    dans_sa_boucle(scenario)


def test_frappe_apres_une_pause_dessine_tout_de_suite():
    async def scenario():
        outil = ConstructeurSwot(delai=0.05)
        await asyncio.sleep(0.1)
        outil.listes["forces"].value = "communauté"
        assert outil.elements["forces"].get_text() == "• communauté"
        assert not outil.mise_a_jour.en_attente

    dans_sa_boucle(scenario)


def test_enregistrer_puis_ouvrir_texte_hostile(travaux):
    outil = ConstructeurSwot(delai=0)
    outil.entreprise.value = "Graine <de> Ville 🌱"
    for zone in outil.listes.values():
        zone.value = HOSTILE
    chemin = outil.enregistrer()
    assert chemin == travaux / "swot" / "mon-swot.json"
    assert "Analyse enregistrée dans " + travaux.name + "/swot/mon-swot.json" in outil.message_fichier.texte
    donnees = json.loads(chemin.read_text(encoding="utf-8"))
    assert donnees["outil"] == "swot" and donnees["version"] == 2
    assert donnees["contenu"]["forces"][1] == "ligne 2 " + "x" * 10_000
    autre = ConstructeurSwot(delai=0)
    assert autre.ouvrir()
    assert autre.entreprise.value == "Graine <de> Ville 🌱"
    assert all(zone.value == HOSTILE for zone in autre.listes.values())
    assert autre.swot() == outil.swot()
    assert "Ouvert" in autre.message_fichier.texte
    assert "…" in autre.elements["menaces"].get_text()


def test_exports_markdown_et_png(travaux):
    outil = ConstructeurSwot(Swot(["<script>x</script>"], ["a"], ["b"], ["c"], entreprise="GdV"), delai=0)
    outil.fichier.value = "graine.json"  # l'extension tapée est tolérée
    md = outil.exporter_markdown()
    assert md == travaux / "swot" / "graine.md"
    texte = md.read_text(encoding="utf-8")
    assert texte.startswith("# Analyse SWOT : GdV") and "&lt;script&gt;x&lt;/script&gt;" in texte
    png = outil.exporter_png()
    assert png.read_bytes().startswith(b"\x89PNG")
    apercu = outil.afficher_markdown()
    assert apercu == texte
    assert "<script>" not in outil.apercu.value and "&amp;lt;script&amp;gt;" in outil.apercu.value


def test_mauvais_fichier_message_francais_rien_perdu(travaux):
    outil = ConstructeurSwot(delai=0)
    outil.listes["forces"].value = "mon travail en cours"
    outil.fichier.value = "inexistant"
    assert not outil.ouvrir()
    assert "Aucun fichier « inexistant.json »" in outil.message_fichier.texte
    (travaux / "casse.json").write_text("{oups", encoding="utf-8")
    outil.fichier.value = "casse"
    assert not outil.ouvrir()
    assert "n'est pas un JSON valide" in outil.message_fichier.texte
    (travaux / "plan.json").write_text('{"entreprise": "X", "reponses": {}}', encoding="utf-8")
    outil.fichier.value = "plan"
    assert not outil.ouvrir()
    assert "appartient au planificateur du projet final" in outil.message_fichier.texte
    outil.fichier.value = "../evasion"
    assert outil.enregistrer() is None and outil.exporter_png() is None
    assert "simple nom" in outil.message_fichier.texte
    assert not (travaux.parent / "evasion.json").exists()
    (travaux / "swot" / "dossier.json").mkdir(parents=True)
    outil.fichier.value = "dossier"
    assert not outil.ouvrir()
    assert "n'a pas pu être lu" in outil.message_fichier.texte
    assert outil.listes["forces"].value == "mon travail en cours"
    assert "1 force" in outil.message.texte


def test_repr_stable():
    assert (
        repr(ConstructeurSwot())
        == "Constructeur SWOT (simulateur interactif : exécutez le notebook pour l'utiliser)"
    )
    assert "coursekit-simulateur" in ConstructeurSwot()._dom_classes


def test_exercice_classement_donne_la_raison():
    exercice = ExerciceClassement()
    exercice.choix[0].value = "forces"
    exercice.choix[7].value = "faiblesses"
    retours = exercice.verifier()
    assert retours[0].juste and "Juste." in exercice.retours[0].texte
    assert "piège interne/externe" in exercice.retours[7].texte
    assert exercice.retours[1].texte == "Choisissez une case pour ce constat."
    assert "1 bonne réponse sur 8" in exercice.score.texte
    for choix, constat in zip(exercice.choix, CONSTATS_GRAINE_DE_VILLE, strict=True):
        choix.value = constat.quadrant
    exercice.bouton.click()
    assert "8 bonnes réponses sur 8" in exercice.score.texte and "Bravo" in exercice.score.texte


def test_exercice_audit_retour_sur_le_compte_et_la_place():
    exercice = ExerciceAudit()
    exercice.forces.value = "5 000 abonnés Instagram fidèles\nconcurrence forte"
    exercice.faiblesses.value = "200 visites par mois\npas de newsletter\nfiches produit incomplètes"
    retours = exercice.verifier()
    assert not all(r.juste for r in retours)
    assert "Forces\u00a0: 2 entrées\u00a0; il en faut 3" in html.unescape(exercice.retour.value)
    assert "«\u00a0concurrence forte\u00a0»" in html.unescape(exercice.retour.value)
    assert "à revoir" in exercice.message.texte
    exercice.forces.value = "5 000 abonnés Instagram fidèles\nphotos soignées\nlivraison en 48 h"
    exercice.bouton.click()
    assert "Bravo" in exercice.message.texte
    assert exercice.forces.value.startswith("5 000 abonnés")  # rien n'est effacé
    exercice.forces.value = "<script>alert(1)</script>"
    exercice.verifier()
    assert "<script>" not in exercice.retour.value


def test_grille_concurrent_jauge_phrase_et_erreurs():
    grille = GrilleConcurrent()
    assert grille.barre.get_width() == pytest.approx(2.0)  # 500 interactions pour 25 000 abonnés
    assert grille.message.texte.startswith("Concurrent direct, avec un taux d'interaction de 2\u00a0%.")
    image = grille.graphique.value
    grille.nom.value = "<b>Seconde Main Club</b>"
    grille.cases["memes_produits"].value = False
    grille.abonnes.value = "8 000"
    grille.interactions.value = "480"
    assert grille.barre.get_width() == pytest.approx(6.0)
    assert grille.graphique.value != image
    assert grille.etiquette.get_text() == " 6\u00a0%"
    assert "<b>Seconde Main Club</b> est un concurrent indirect" in grille.message.texte
    assert "<b>" not in grille.message.value
    grille.cases["publie_regulierement"].value = False
    assert "des publications irrégulières" in grille.message.texte
    grille.interactions.value = "abc"
    assert "« abc » n'en est pas un" in grille.message.texte
    assert grille.interactions.value == "abc" and grille.barre.get_width() == pytest.approx(6.0)
    grille.interactions.value = "480"
    grille.abonnes.value = "0"
    assert "supérieur à 0" in grille.message.texte


def test_matrice_au_projecteur_montre_les_trois_constats_de_chaque_case():
    from coursekit import affichage
    from coursekit.graphiques.swot import figure_swot
    from coursekit.swot import QUADRANTS, exemple_graine_de_ville

    affichage.mode_projecteur(True)
    try:
        _figure, elements = figure_swot(exemple_graine_de_ville())
        for quadrant in QUADRANTS:
            texte = elements[quadrant].get_text()
            assert "autre" not in texte and texte.count("•") == 3, quadrant
    finally:
        affichage.mode_projecteur(False)


def test_jauge_d_interaction_garde_sa_largeur_au_projecteur():
    import warnings

    from coursekit import affichage
    from coursekit.graphiques.swot import figure_interaction

    affichage.mode_projecteur(True)
    try:
        figure, axes, _barre, _etiquette = figure_interaction(1, 3)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # « constrained_layout not applied » ferait échouer
            figure.canvas.draw()
        assert axes.get_position().width > 0.4
        assert [t.get_text() for t in axes.get_legend().get_texts()][-1].endswith("active")
    finally:
        affichage.mode_projecteur(False)


def test_erreur_d_un_quadrant_sous_sa_case_texte_garde_puis_effacee():
    """Une erreur du calculateur qui nomme un quadrant s'affiche sous sa zone de texte (même
    message et même bordure rouge qu'un champ chiffré), pas seulement dans la zone de message."""
    from coursekit.widgets.base import CLASSE_CHAMP_FAUX

    outil = ConstructeurSwot(delai=0)
    outil.listes["forces"].value = "communauté fidèle\nlivraison rapide"
    ok, _ = outil.calculer(lambda: Swot(forces=["communauté fidèle", 3]))  # le vrai refus du calculateur
    assert not ok
    forces = outil.erreurs["forces"]
    assert forces.affiche and "L'entrée n° 2 des forces (forces)" in forces.texte
    assert CLASSE_CHAMP_FAUX in forces.boite._dom_classes and outil.listes["forces"] in forces.boite.children
    assert "coursekit-message-champ" in forces._dom_classes
    assert not any(outil.erreurs[q].affiche for q in ("faiblesses", "opportunites", "menaces"))
    assert outil.listes["forces"].value == "communauté fidèle\nlivraison rapide"  # rien n'est effacé
    assert outil.perime
    outil.listes["forces"].value = "communauté fidèle\nlivraison en 48 h"  # le calcul repart et réussit
    assert not forces.affiche and forces.value == "" and not outil.perime
    assert CLASSE_CHAMP_FAUX not in forces.boite._dom_classes


def test_exercice_audit_erreur_sous_la_zone():
    from coursekit.widgets.base import CLASSE_CHAMP_FAUX

    exercice = ExerciceAudit()
    exercice.forces.value = "communauté fidèle"
    exercice.erreurs["forces"].signaler("ancienne erreur")
    exercice.verifier()
    assert not exercice.erreurs["forces"].affiche
    assert CLASSE_CHAMP_FAUX not in exercice.erreurs["forces"].boite._dom_classes
