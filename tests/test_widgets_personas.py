import html
import json

import pytest
from boucle_isolee import dans_sa_boucle

from coursekit.messages import analyser_message
from coursekit.personas import Persona, persona_graine_de_ville, persona_mode_eco
from coursekit.widgets.personas import (
    ConstructeurPersona,
    ExerciceMessages,
    RelecteurMessage,
    html_analyse,
    personas_exercice,
)

HOSTILE = "<script>alert('x')</script> Éco 🌱 & « guillemets » " + "x" * 10_000


@pytest.fixture(autouse=True)
def travaux(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_TRAVAUX", str(tmp_path))
    return tmp_path


def remplir_formulaire(outil: ConstructeurPersona) -> None:
    outil.nom.value = "Inès"
    outil.profession.value = "assistante de communication"
    outil.age.value = 25
    outil.sexe.value = "femme"
    outil.lieu.value = "Lyon"
    outil.taille_foyer.value = "vit seule"
    outil.etudes.value = "bac + 3"
    outil.revenus.value = "1 800 € net par mois"
    outil.habitudes["TikTok"].value = True
    outil.habitudes["Instagram"].value = True
    outil.motivations.value = "un style dans la tendance\nprix abordables"
    outil.freins.value = "se méfie du greenwashing"
    outil.parcours.value = "découverte sur TikTok\nlecture des avis\nachat sur mobile"
    outil.budget.value = "45"


def test_formulaire_vers_fiche_jauge_et_phrase():
    outil = ConstructeurPersona(delai=0)
    assert "Fiche complète à 0" in outil.message.texte
    assert "Cochez des habitudes digitales" in outil.suggestions.value
    image = outil.graphique.value
    remplir_formulaire(outil)
    persona = outil.persona()
    assert persona.habitudes_digitales == ["TikTok", "Instagram"]
    assert persona.budget == 45 and persona.age == 25
    assert "Inès" in outil.carte.value and "25 ans" in outil.carte.value and "45\xa0€" in outil.carte.value
    # 13 champs sur 15 : il manque les canaux et les moments
    assert outil.message.texte == (
        "Inès, 25 ans, B2C : Fiche complète à 87\xa0% : il manque les canaux préférés et les moments de consultation."
    )
    assert [round(b.get_width()) for b in outil.elements["barres"]] == [100, 100, 100, 0, 100, 87]
    assert outil.elements["titre"].get_text() == "Complétude de la fiche de Inès\xa0: 87\xa0%"
    assert outil.graphique.value != image


def test_suggestions_depuis_les_habitudes_cochees_puis_reprises():
    outil = ConstructeurPersona(delai=0)
    outil.habitudes["LinkedIn"].value = True
    assert outil.autres_habitudes.value == "LinkedIn"
    suggestions = html.unescape(outil.suggestions.value)
    assert "LinkedIn (publications et articles)" in suggestions
    assert "à la pause déjeuner en semaine (de 12\xa0h à 14\xa0h)" in suggestions
    assert "pause de midi" in suggestions  # la raison est donnée
    outil.canaux.value = "salons professionnels"
    assert outil.reprendre_suggestions()
    assert outil.canaux.value == "salons professionnels\nLinkedIn (publications et articles)"
    assert outil.moments.value.splitlines()[0] == "à la pause déjeuner en semaine (de 12\xa0h à 14\xa0h)"
    outil.reprendre_suggestions()  # rien n'est ajouté deux fois
    assert outil.canaux.value.count("LinkedIn") == 1
    outil.habitudes["LinkedIn"].value = False
    assert outil.autres_habitudes.value == ""
    outil.autres_habitudes.value = "écoute des podcasts\nTikTok"
    assert outil.habitudes["TikTok"].value is True  # la case suit la liste tapée
    assert "le soir, de 19\xa0h à 22\xa0h" in html.unescape(outil.suggestions.value)


def test_texte_hostile_affiche_comme_texte():
    outil = ConstructeurPersona(delai=0)
    outil.nom.value = HOSTILE
    outil.motivations.value = "<b>gras</b>\n<img src=x onerror=alert(1)>"
    assert "<script>" not in outil.carte.value and "<img" not in outil.carte.value
    assert "&lt;script&gt;" in outil.carte.value and "x" * 10_000 in outil.carte.value
    assert "<script>" not in outil.message.value
    assert outil.persona().nom == HOSTILE


def test_saisies_impossibles_message_francais_rien_de_perdu():
    outil = ConstructeurPersona(delai=0)
    remplir_formulaire(outil)
    carte = outil.carte.value
    outil.budget.value = "abc"
    assert outil.message.texte.startswith("À corriger : Le budget moyen doit être un nombre : « abc »")
    assert outil.budget.value == "abc" and outil.nom.value == "Inès"
    assert outil.carte.value == carte  # la dernière fiche correcte reste affichée
    outil.budget.value = "-5"
    assert outil.message.texte.startswith("À corriger : Le budget moyen ne peut pas être négatif")
    assert "(budget)" not in outil.message.texte  # pas de nom de paramètre Python devant l'élève
    outil.budget.value = "45"
    outil.age.value = 100
    outil.etendue.value = 30
    assert (
        "La tranche d'âge irait de 100 à 130 ans : elle ne peut pas dépasser 120 ans" in outil.message.texte
    )
    assert outil.age.value == 100 and outil.etendue.value == 30
    outil.age.value = 25
    outil.etendue.value = 10
    assert outil.persona().age == (25, 35)
    assert outil.message.texte.startswith("Inès, 25 à 35 ans, B2C :")
    outil.age.value = 0
    assert "Réglez d'abord l'âge" in outil.message.texte


def test_chaque_curseur_change_la_phrase():
    # comme le test dans le navigateur : chaque curseur avance d'un cran à partir de zéro
    outil = ConstructeurPersona(delai=0)
    for curseur, valeur in ((outil.age, 1), (outil.etendue, 1), (outil.age, 2), (outil.etendue, 2)):
        avant = outil.message.texte
        curseur.value = valeur
        assert outil.message.texte != avant
    assert outil.message.texte.startswith("Persona sans prénom, 2 à 4 ans, B2C :")
    # à l'autre bout : la poignée au maximum recule d'un cran
    outil = ConstructeurPersona(persona_mode_eco(), delai=0)
    outil.etendue.value = 60
    avant = outil.message.texte
    outil.etendue.value = 59
    assert outil.message.texte != avant and "25 à 84 ans" in outil.message.texte


def test_fiche_complete_et_cible_b2b():
    outil = ConstructeurPersona(persona_graine_de_ville(), delai=0)
    assert outil.persona() == persona_graine_de_ville()
    assert outil.message.texte.startswith("Fiche complète. Claire, 30 à 45 ans, B2C : tous les critères")
    assert outil.habitudes["lit les avis avant d'acheter"].value is True
    outil.cible.value = "B2B"
    assert ">B2B<" in outil.carte.value and ", B2B :" in outil.message.texte


def test_enregistrer_puis_ouvrir_texte_hostile(travaux):
    outil = ConstructeurPersona(delai=0)
    remplir_formulaire(outil)
    outil.nom.value = HOSTILE
    outil.freins.value = "Éco 🌱\n<script>alert(1)</script>\n" + "y" * 10_000
    outil.etendue.value = 15
    outil.fichier.value = "ma fiche"
    chemin = outil.enregistrer()
    assert chemin == travaux / "persona" / "ma fiche.json"
    assert "Fiche enregistrée dans" in outil.message_fichier.texte
    donnees = json.loads(chemin.read_text(encoding="utf-8"))["contenu"]
    assert donnees["nom"] == HOSTILE and donnees["age"] == [25, 40]
    autre = ConstructeurPersona(delai=0)
    autre.fichier.value = "ma fiche.json"
    assert autre.ouvrir()
    assert autre.persona() == outil.persona()
    assert autre.freins.value.splitlines()[2] == "y" * 10_000
    assert autre.age.value == 25 and autre.etendue.value == 15
    assert f"Fiche relue depuis {travaux.name}/persona/ma fiche.json" in autre.message_fichier.texte
    assert "<script>" not in autre.carte.value


def test_exporter_la_fiche_en_html(travaux):
    outil = ConstructeurPersona(delai=0)
    outil.nom.value = HOSTILE
    chemin = outil.exporter_html()
    assert chemin == travaux / "persona" / "mon-persona.html"
    page = chemin.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script>" not in page and "🌱" in page


@pytest.mark.parametrize(
    ("contenu", "nom", "morceau"),
    [
        (None, "absent", "Aucun fichier « absent.json »"),
        ("{abîmé", "abime", "n'est pas un JSON valide"),
        ('{"format": "coursekit-swot"}', "swot", "appartient au constructeur SWOT"),
        ('{"nom": "X", "age": "vingt"}', "age", "abîmé à l'entrée « age »"),
        (b"\xff\xfe\x00", "binaire", "n'a pas pu être lu"),
        (None, "../secret", "simple nom"),
        (None, "", "simple nom"),
    ],
)
def test_mauvais_fichier_message_francais_rien_de_perdu(travaux, contenu, nom, morceau):
    if contenu is not None:
        chemin = travaux / f"{nom}.json"
        chemin.write_bytes(contenu if isinstance(contenu, bytes) else contenu.encode("utf-8"))
    outil = ConstructeurPersona(delai=0)
    remplir_formulaire(outil)
    avant = outil.persona()
    carte = outil.carte.value
    outil.fichier.value = nom
    assert outil.ouvrir() is False
    assert morceau in outil.message_fichier.texte
    assert "coursekit-erreur" in outil.message_fichier.value
    assert outil.persona() == avant and outil.carte.value == carte


def test_saisie_impossible_enregistree_comme_brouillon_puis_rouverte_telle_quelle(travaux):
    outil = ConstructeurPersona(delai=0)
    remplir_formulaire(outil)
    outil.budget.value = "vingt-cinq"
    outil.age.value, outil.etendue.value = 100, 40  # tranche impossible : jusqu'à 140 ans
    outil.actualiser()
    erreur = outil.message.texte
    assert "« vingt-cinq » n'en est pas un" in erreur
    chemin = outil.enregistrer()
    assert chemin == travaux / "persona" / "mon-persona.json"
    assert (
        "Brouillon enregistré" in outil.message_fichier.texte and "vingt-cinq" in outil.message_fichier.texte
    )
    contenu = json.loads(chemin.read_text(encoding="utf-8"))["contenu"]
    assert contenu["budget"] == "vingt-cinq" and contenu["age"] == [100, 140]
    autre = ConstructeurPersona(delai=0)
    assert autre.ouvrir()
    assert autre.budget.value == "vingt-cinq" and (autre.age.value, autre.etendue.value) == (100, 40)
    assert autre.nom.value == "Inès" and autre.habitudes["TikTok"].value is True
    assert autre.message.texte == erreur  # le même message à corriger
    assert "Brouillon relu" in autre.message_fichier.texte
    autre.budget.value = "25"  # budget corrigé : reste la tranche d'âge
    assert "ne peut pas dépasser 120 ans" in autre.message.texte
    autre.etendue.value = 10
    assert autre.persona().age == (100, 110) and autre.persona().budget == 25


def test_mise_a_jour_differee_pendant_la_frappe():
    async def scenario():
        outil = ConstructeurPersona(delai=0.5)
        outil.nom.value = "I"
        premier = outil.mise_a_jour._rappel
        outil.nom.value = "Inès"
        assert outil.mise_a_jour._rappel is not premier and premier.cancelled()
        assert "Inès" not in outil.carte.value
        await outil.attendre()
        assert "Inès" in outil.carte.value

    dans_sa_boucle(scenario)


def test_relecteur_de_message():
    outil = RelecteurMessage(delai=0)
    assert "Pour commencer : écrivez un message" in outil.message.texte
    assert outil.elements["titre"].get_text() == "Écrivez un message pour le relire"
    image = outil.graphique.value
    outil.texte.value = "Notre tee-shirt a un grammage de 180 g et des fibres <b>recyclées</b>."
    assert outil.message.texte.startswith("Message à réécrire.")
    assert "bénéfice client" in outil.message.texte and "mots simples" in outil.message.texte
    assert outil.graphique.value != image
    assert [b.get_width() for b in outil.elements["barres"]][:2] == [0, 10]
    outil.texte.value = "Profitez de tenues éthiques livrées en 24 h."
    assert outil.message.texte.startswith("Message efficace. 100/100")
    outil.cible.value = "B2B"
    assert "mots de la cible" in outil.message.texte
    outil.texte.value = "   "
    assert "Pour commencer : écrivez un message" in outil.message.texte


def test_html_analyse_echappe():
    contenu = html_analyse(analyser_message("<script>x</script> API REST"))
    assert "<script>" not in contenu and "«\xa0API\xa0»" in html.unescape(contenu)
    assert "✘" in contenu


def test_exercice_trois_messages_trois_personas():
    exercice = ExerciceMessages()
    assert [p.nom for p in exercice.personas] == ["Inès", "Claire", "Marc"]
    assert [p.cible for p in personas_exercice()] == ["B2C", "B2C", "B2B"]
    exercice.zones[0].value = "Notre coton bio a un grammage de 180 g et une composition certifiée GOTS."
    analyses = exercice.verifier()
    assert analyses[1] is None and analyses[2] is None
    assert (
        "Le message (texte) est vide" in exercice.erreurs[1].texte and "Claire" in exercice.erreurs[1].texte
    )
    assert "1 message sur 3 écrit" in exercice.bilan.texte
    retour = html.unescape(exercice.retours[0].value)
    assert (
        "Jargon technique\xa0: «\xa0grammage\xa0»" in retour
        and "On ne voit pas ce que le client y gagne" in retour
    )
    assert exercice.zones[0].value.startswith("Notre coton bio")  # rien n'est effacé
    exercice.zones[0].value = "Profitez d'un style tendance à petit prix, livré chez vous en 24 h."
    exercice.zones[
        1
    ].value = "Fini le doute sur les labels : des vêtements certifiés, simples à choisir, livrés en 24 h."
    exercice.zones[
        2
    ].value = "Équipez vos salariés en tenues bio : devis en 24 h, budget tenu, image RSE valorisée."
    analyses = exercice.verifier()
    assert all(a.score >= 80 for a in analyses), [str(a) for a in analyses]
    assert exercice.bilan.texte.startswith("Bravo !")
    assert exercice.erreurs[1].value == ""
    exercice.zones[2].value = "Des vêtements jolis et doux pour tous."
    analyses = exercice.verifier()
    assert analyses[2].cible == "B2B" and not analyses[2].remarque("langage").ok
    assert "2 messages efficaces sur 3" in exercice.bilan.texte


def test_representations_stables():
    assert repr(ConstructeurPersona(delai=0)) == (
        "Constructeur de persona (simulateur interactif : exécutez le notebook pour l'utiliser)"
    )
    assert repr(RelecteurMessage(delai=0)).startswith("Relecteur de message (simulateur")
    assert repr(ExerciceMessages()).startswith("Exercice\xa0: un message pour chacun des trois personas")
    assert isinstance(persona_mode_eco(), Persona)


def test_erreur_d_une_liste_sous_sa_zone_puis_effacee():
    """Une erreur qui nomme une liste du persona (« Freins (freins) … ») s'affiche sous sa zone."""
    from coursekit.widgets.base import CLASSE_CHAMP_FAUX

    outil = ConstructeurPersona(delai=0)
    outil.freins.value = "prix\nlivraison"
    ok, _ = outil.calculer(lambda: Persona(freins="prix"))  # le vrai refus du calculateur
    assert not ok
    freins = outil.erreurs["freins"]
    assert freins.affiche and "(freins)" in freins.texte and outil.freins in freins.boite.children
    assert CLASSE_CHAMP_FAUX in freins.boite._dom_classes
    assert not outil.erreurs["motivations"].affiche and outil.freins.value == "prix\nlivraison"
    outil.actualiser()
    assert not freins.affiche and CLASSE_CHAMP_FAUX not in freins.boite._dom_classes


def test_exercice_messages_message_vide_marque_sa_zone():
    from coursekit.widgets.base import CLASSE_CHAMP_FAUX

    exercice = ExerciceMessages()
    exercice.verifier()
    erreur = exercice.erreurs[0]
    assert erreur.affiche and exercice.zones[0] in erreur.boite.children
    assert CLASSE_CHAMP_FAUX in erreur.boite._dom_classes
    exercice.zones[0].value = "Profitez d'un style tendance à petit prix, livré chez vous en 24 h."
    exercice.verifier()
    assert not erreur.affiche and CLASSE_CHAMP_FAUX not in erreur.boite._dom_classes
