"""Les sections de contenu des chapitres 03 à 05 : un fichier cassé donne un message français précis."""

import pytest

from coursekit import contenu, entonnoir, messages, personas, smart


@pytest.mark.parametrize(
    ("schema", "donnees", "morceau"),
    [
        (smart.SCHEMA_REPERES, {"ambitieux": 5}, "il manque"),
        (smart.SCHEMA_VERIFICATEUR, {"mois": ["janvier"]}, "mois » : il faut au moins 12"),
        (
            smart.SCHEMA_OBJECTIFS_VAGUES,
            [{"vague": "Améliorer", "theme": []}],
            "theme » : il faut au moins 1",
        ),
        (
            messages.SCHEMA_RELECTEUR,
            {"bareme": {"benefice": "trente"}},
            "benefice » : on attend un nombre entier",
        ),
        (entonnoir.SCHEMA_AIDAR, ["Attention", "Intérêt"], "au moins 5"),
        (entonnoir.SCHEMA_ACTIONS, [{"action": "Relancer"}, {"action": "x", "etape": "Action"}], "« etape »"),
        (personas.SCHEMA_SUGGESTIONS, {"habitudes": "TikTok"}, "habitudes » : on attend une liste"),
    ],
)
def test_section_cassee_message_francais(schema, donnees, morceau):
    with pytest.raises(contenu.ErreurContenu) as erreur:
        contenu._valider(donnees, schema, "essai.yaml", prefixe=("section",))
    texte = str(erreur.value)
    assert "essai.yaml" in texte and "section" in texte and morceau in texte


def test_les_sections_du_cours_sont_valides():
    assert smart.CRITERES["A"] == "Atteignable"
    assert entonnoir.AIDAR == ("Attention", "Intérêt", "Désir", "Action", "Recommandation")
    assert sum(messages.BAREME.values()) == 100
    assert len(personas.CHAMPS_COMPLETUDE) == 15
    assert personas.persona_du_cours("graine_de_ville").nom == "Claire"


def test_exercices_calcules_depuis_le_contenu():
    from coursekit.quiz import valeur_attendue

    hausse = contenu.charger("04")["exercices"]["hausse-mensuelle"]
    assert valeur_attendue(hausse, contenu.charger("04")) == pytest.approx(10.67, abs=0.01)
    maillon = contenu.charger("05")["exercices"]["taux-maillon-faible"]
    assert valeur_attendue(maillon, contenu.charger("05")) == pytest.approx(20)
