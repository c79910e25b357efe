"""Les noyaux lancés par le cours parlent français dès la première cellule, même sans la préparation."""

from __future__ import annotations

import os

import pytest
from jupyter_client.manager import start_new_kernel

from coursekit import demarrage, lanceur


def _erreur_de_la_cellule(env: dict, code: str) -> str:
    """Démarre un noyau avec ``env``, exécute ``code`` et rend le texte de l'erreur affichée."""
    gestionnaire, client = start_new_kernel(kernel_name="python3", env=env)
    try:
        textes = []

        def lire(message):
            contenu = message["content"]
            if message["msg_type"] == "error":
                textes.append("\n".join(contenu["traceback"]) + contenu["ename"])
            elif message["msg_type"] == "stream":
                textes.append(contenu["text"])

        client.execute_interactive(code, timeout=60, output_hook=lire)
        return "".join(textes)
    finally:
        client.stop_channels()
        gestionnaire.shutdown_kernel(now=True)


def test_le_script_de_demarrage_est_ecrit_une_fois(tmp_path):
    dossier = demarrage.preparer_profil(tmp_path / "ipython")
    script = dossier / "profile_default" / "startup" / "00-coursekit.py"
    assert script.read_text(encoding="utf-8") == demarrage.SCRIPT
    script.write_text("# abîmé\n", encoding="utf-8")
    demarrage.preparer_profil(dossier)
    assert script.read_text(encoding="utf-8") == demarrage.SCRIPT


def test_environnement_des_serveurs_donne_le_dossier_du_cours(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_IPYTHON", str(tmp_path / "ipy"))
    env = lanceur.environnement(False)
    assert env["IPYTHONDIR"] == str(tmp_path / "ipy")
    assert (tmp_path / "ipy" / "profile_default" / "startup" / "00-coursekit.py").exists()


@pytest.mark.parametrize("cours", [True, False], ids=["noyau-du-cours", "noyau-ordinaire"])
def test_cellule_executee_avant_la_preparation(cours, tmp_path, monkeypatch):
    """Un élève qui commence par une cellule du milieu : le noyau du cours dit quoi faire, en
    français ; un noyau ordinaire (témoin) montre la trace anglaise que l'élève aurait vue."""
    monkeypatch.setenv("COURSEKIT_IPYTHON", str(tmp_path / "ipy"))
    env = lanceur.environnement(False) if cours else dict(os.environ, IPYTHONDIR=str(tmp_path / "vide"))
    texte = _erreur_de_la_cellule(env, 'ck.quiz.chapitre("06")')
    if cours:
        assert "exécutez d'abord la toute première cellule" in texte
        assert "Traceback" not in texte and "is not defined" not in texte
    else:
        assert "name 'ck' is not defined" in texte
