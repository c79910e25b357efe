"""Le lanceur du professeur trouve le chapitre demandé, de toutes les façons de le nommer."""

import pytest

from coursekit import lanceur


def test_trouver_chapitre_par_numero_nom_ou_chemin():
    chapitres = lanceur.chapitres()
    assert chapitres, "aucun notebook dans notebooks/"
    premier = chapitres[0]
    numero, nom = premier.stem.split("-", 1)
    assert lanceur.trouver_chapitre(numero) == premier
    assert lanceur.trouver_chapitre(str(int(numero))) == premier
    assert lanceur.trouver_chapitre(premier.stem) == premier
    assert lanceur.trouver_chapitre(nom) == premier
    assert lanceur.trouver_chapitre(str(premier)) == premier


def test_chapitre_inconnu_message_en_francais():
    with pytest.raises(ValueError, match="Aucun chapitre ne correspond à « 99 »"):
        lanceur.trouver_chapitre("99")


def test_liste_des_chapitres(capsys):
    assert lanceur.main(["--liste"]) == 0
    sortie = capsys.readouterr().out
    assert "Chapitres disponibles" in sortie
    assert all(c.stem in sortie for c in lanceur.chapitres())


def test_chapitre_inconnu_code_de_sortie(capsys):
    assert lanceur.main(["zzz", "--no-browser"]) == 2
    assert "Aucun chapitre" in capsys.readouterr().err


def test_port_libre_et_arret_complet(tmp_path):
    """Un serveur Voilà démarre sur un port libre de la boucle locale et s'arrête tout entier."""
    serveur = lanceur.demarrer_voila(journal=tmp_path / "voila.log")
    try:
        assert lanceur._port_ouvert(serveur.port)
    finally:
        serveur.arreter()
    assert serveur.processus.poll() is not None
    assert not lanceur._port_ouvert(serveur.port)
