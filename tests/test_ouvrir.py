"""La copie personnelle de l'élève : sans corrigés, jamais écrasée ; JupyterLab en français."""

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest

from coursekit import lanceur, ouvrir
from coursekit.editions import notebooks

RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture
def deux_chapitres():
    return notebooks()[:2]


def test_copie_sans_corriges_puis_a_jour(tmp_path, deux_chapitres):
    bilan = ouvrir.preparer_copie(tmp_path / "copie", deux_chapitres)
    assert set(bilan.values()) == {"ajouté"}
    for chapitre in deux_chapitres:
        carnet = nbformat.read(tmp_path / "copie" / chapitre.name, as_version=4)
        assert not any("solution" in c.metadata.get("tags", []) for c in carnet.cells)
    assert (tmp_path / "copie" / "mes-travaux").is_dir()
    assert set(ouvrir.preparer_copie(tmp_path / "copie", deux_chapitres).values()) == {"à jour"}


def test_le_travail_de_l_eleve_n_est_jamais_ecrase(tmp_path, deux_chapitres):
    copie = tmp_path / "copie"
    ouvrir.preparer_copie(copie, deux_chapitres)
    travail = copie / deux_chapitres[0].name
    carnet = nbformat.read(travail, as_version=4)
    carnet.cells.append(nbformat.v4.new_markdown_cell("Ma réponse : le ROAS est de 3:1."))
    nbformat.write(carnet, travail)
    avant = travail.read_bytes()
    # Le cours change (nouvelle version des deux chapitres) :
    sources = tmp_path / "cours"
    sources.mkdir()
    for chapitre in deux_chapitres:
        neuf = nbformat.read(chapitre, as_version=4)
        neuf.cells.insert(1, nbformat.v4.new_markdown_cell("Nouveau paragraphe du professeur."))
        nbformat.write(neuf, sources / chapitre.name)
    bilan = ouvrir.preparer_copie(copie, sorted(sources.iterdir()))
    assert bilan[deux_chapitres[0].name] == "gardé (modifié par l'élève)"
    assert travail.read_bytes() == avant
    assert bilan[deux_chapitres[1].name] == "mis à jour"
    assert "Nouveau paragraphe" in (copie / deux_chapitres[1].name).read_text(encoding="utf-8")


def test_dossier_impossible_message_francais(tmp_path, capsys):
    fichier = tmp_path / "pas-un-dossier"
    fichier.write_text("x", encoding="utf-8")
    assert ouvrir.main(["--dossier", str(fichier / "sous"), "--preparer"]) == 2
    assert "Impossible de créer le dossier" in capsys.readouterr().err


def _json(url):
    with urllib.request.urlopen(url, timeout=10) as reponse:
        return json.load(reponse)


def test_jupyterlab_en_francais_et_etat_des_widgets_enregistre(tmp_path):
    port = lanceur.port_libre()
    commande = ouvrir.commande_lab(tmp_path, navigateur=False) + [
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.port_retries=0",
        "--allow-root",
        f"--LabApp.user_settings_dir={tmp_path / 'reglages'}",
    ]
    processus = subprocess.Popen(
        commande, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **lanceur.options_detachees()
    )
    serveur = lanceur.Serveur(processus, port, nom="JupyterLab")
    try:
        serveur.attendre(90)
        base = f"http://127.0.0.1:{port}/lab/api"
        langues = _json(f"{base}/translations/")["data"]
        assert "fr_FR" in langues, "le pack de langue française est installé"
        langue = _json(f"{base}/settings/@jupyterlab/translation-extension:plugin")
        assert langue["schema"]["properties"]["locale"]["default"] == "fr_FR"
        widgets = _json(f"{base}/settings/@jupyter-widgets/jupyterlab-manager:plugin")
        assert widgets["schema"]["properties"]["saveState"]["default"] is True
    finally:
        serveur.arreter()


def test_script_racine_sans_dependance():
    """``python ouvrir.py`` tourne avec la seule bibliothèque standard (avant toute installation)."""
    source = (RACINE / "ouvrir.py").read_text(encoding="utf-8")
    for ligne in source.splitlines():
        if ligne.startswith(("import ", "from ")):
            module = ligne.split()[1].split(".")[0]
            assert module in sys.stdlib_module_names, module
    sortie = subprocess.run(
        [sys.executable, str(RACINE / "ouvrir.py"), "--help"], capture_output=True, text=True
    )
    assert sortie.returncode == 0 and "--professeur" in sortie.stdout
