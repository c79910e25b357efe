import pytest

from coursekit.projet import MOTS_MINIMUM, PlanCommunication
from coursekit.widgets.projet import PlanificateurProjet


@pytest.fixture(autouse=True)
def travaux(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_TRAVAUX", str(tmp_path))
    return tmp_path


def test_avancement_graphique_et_phrase():
    outil = PlanificateurProjet()
    assert "Avancement : 0" in outil.message.texte and "« Audit »" in outil.message.texte
    image = outil.graphique.value
    outil.champs[1].value = "mot " * MOTS_MINIMUM
    assert outil.barres[0].get_width() == MOTS_MINIMUM
    assert "10" in outil.message.texte and "« Positionnement »" in outil.message.texte
    assert outil.graphique.value != image
    for champ in outil.champs.values():
        champ.value = "mot " * MOTS_MINIMUM
    assert "Plan complet" in outil.message.texte


def test_type_de_pme_donne_des_pistes():
    outil = PlanificateurProjet()
    outil.type_pme.value = "Agence immobilière"
    assert "visites virtuelles" in outil.piste.value


def test_enregistrer_puis_ouvrir_texte_hostile(travaux):
    hostile = "<script>alert(1)</script> Éco 🌱\nligne 2 " + "x" * 10_000
    outil = PlanificateurProjet()
    outil.entreprise.value = hostile
    outil.champs[3].value = hostile
    outil.type_pme.value = "Club sportif"
    chemin = outil.enregistrer()
    assert chemin == travaux / "plan" / "mon-plan.json"
    autre = PlanificateurProjet()
    assert autre.ouvrir()
    assert autre.entreprise.value == hostile and autre.champs[3].value == hostile
    assert autre.type_pme.value == "Club sportif"
    assert PlanCommunication.depuis_json(chemin.read_text(encoding="utf-8")).reponses[3] == hostile
    assert (outil.exporter()).read_text(encoding="utf-8").count("x" * 10_000) == 2


def test_fichier_absent_ou_nom_invalide_sans_rien_perdre(travaux):
    outil = PlanificateurProjet()
    outil.champs[1].value = "mon audit en cours"
    outil.fichier.value = "inexistant"
    assert not outil.ouvrir()
    assert "Aucun fichier « inexistant.json »" in outil.message_fichier.texte
    assert outil.champs[1].value == "mon audit en cours"
    outil.fichier.value = "../evasion"
    assert outil.enregistrer() is None
    assert "simple nom" in outil.message_fichier.texte
    (travaux / "casse.json").write_text("{oups", encoding="utf-8")
    outil.fichier.value = "casse"
    assert not outil.ouvrir()
    assert "JSON valide" in outil.message_fichier.texte
    assert "Avancement" in outil.message.texte  # la phrase d'avancement reste affichée
    assert outil.champs[1].value == "mon audit en cours"
