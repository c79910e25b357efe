import pytest

from coursekit import ErreurSaisie
from coursekit.travaux import chemin_travail, ecrire_travail, lire_travail
from coursekit.widgets.projet import PlanificateurProjet


@pytest.fixture(autouse=True)
def travaux(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_TRAVAUX", str(tmp_path))
    return tmp_path


def test_nom_de_fichier(travaux):
    assert chemin_travail("  mon-swot.JSON ", ".md", "mon-swot") == travaux / "mon-swot.md"
    for mauvais in ("", "   ", "../evasion", "a/b", ".cache", "pl*n"):
        with pytest.raises(ErreurSaisie, match="par exemple : mon-plan"):
            chemin_travail(mauvais, ".json", "mon-plan")


def test_ecrire_puis_lire_texte_et_octets(travaux):
    texte = "Éco 🌱 <script>\nligne 2 " + "x" * 10_000
    assert ecrire_travail("t", ".json", texte, "t") == travaux / "t.json"
    assert lire_travail("t", ".json", "t") == texte
    assert ecrire_travail("image", ".png", b"\x89PNG", "t").read_bytes() == b"\x89PNG"


def test_fichier_absent_avec_conseil():
    with pytest.raises(
        ErreurSaisie, match=r"Aucun fichier « x\.json » dans .*/ : vérifiez le nom \(enregistrez d'abord\)\."
    ):
        lire_travail("x", ".json", "x", "(enregistrez d'abord)")


def test_fichier_illisible_ou_dossier_en_francais(travaux):
    (travaux / "binaire.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ErreurSaisie, match="n'a pas pu être lu ou écrit"):
        lire_travail("binaire", ".json", "x")
    (travaux / "dossier.json").mkdir()
    with pytest.raises(ErreurSaisie, match="n'a pas pu être lu ou écrit"):
        ecrire_travail("dossier", ".json", "{}", "x")


def test_le_planificateur_ne_plante_plus_sur_un_fichier_illisible(travaux):
    (travaux / "mon-plan.json").write_bytes(b"\xff\xfe\x00")
    outil = PlanificateurProjet()
    outil.champs[1].value = "mon audit en cours"
    assert not outil.ouvrir()
    assert "n'a pas pu être lu" in outil.message.texte
    assert outil.champs[1].value == "mon audit en cours"
