"""Le lanceur arrête son serveur et tous ses noyaux par un code portable (Windows, macOS, Linux)."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from coursekit import lanceur

SOURCE = Path(lanceur.__file__).read_text(encoding="utf-8")

# Un faux serveur qui lance un « noyau » dans sa propre session, comme Jupyter le fait.
FAUX_SERVEUR = textwrap.dedent(
    """
    import subprocess, sys, time
    noyau = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], start_new_session=True)
    print(noyau.pid, flush=True)
    time.sleep(120)
    """
)


def test_aucun_appel_reserve_a_posix():
    for appel in ("killpg", "/proc", "setsid", "SIGKILL", "os.kill("):
        assert appel not in SOURCE, f"{appel} ne marche pas sous Windows"


def test_options_de_lancement_selon_le_systeme(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert lanceur.options_detachees() == {"creationflags": 0x200}  # CREATE_NEW_PROCESS_GROUP
    monkeypatch.setattr(sys, "platform", "linux")
    assert lanceur.options_detachees() == {"start_new_session": True}


def test_arreter_tue_le_serveur_et_son_noyau():
    processus = subprocess.Popen(
        [sys.executable, "-c", FAUX_SERVEUR], stdout=subprocess.PIPE, text=True, **lanceur.options_detachees()
    )
    noyau = int(processus.stdout.readline())
    serveur = lanceur.Serveur(processus, port=0)
    assert noyau in serveur.noyaux()
    serveur.arreter()
    assert processus.poll() is not None
    assert not psutil.pid_exists(noyau) or psutil.Process(noyau).status() == psutil.STATUS_ZOMBIE


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT d'un terminal : simulé ici par un signal POSIX")
def test_ctrl_c_arrete_voila_et_ses_noyaux(tmp_path):
    """Ctrl + C dans le terminal du professeur : le lanceur arrête Voilà et ses noyaux, puis rend la main."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    processus = subprocess.Popen(
        [sys.executable, "-m", "coursekit.lanceur", "00", "--no-browser", "--sans-projecteur"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    lignes = []
    fin = time.monotonic() + 90
    while time.monotonic() < fin:
        ligne = processus.stdout.readline()
        lignes.append(ligne)
        if "Ctrl+C" in ligne or not ligne:
            break
    assert any("Ctrl+C" in ligne for ligne in lignes), "".join(lignes)
    descendants = psutil.Process(processus.pid).children(recursive=True)
    assert descendants, "Voilà devrait tourner"
    os.kill(processus.pid, signal.SIGINT)
    assert processus.wait(timeout=30) == 0
    assert "Arrêt du serveur" in processus.stdout.read()
    psutil.wait_procs(descendants, timeout=10)
    assert not [p for p in descendants if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
