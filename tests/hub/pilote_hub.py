"""Piloter un vrai JupyterHub de classe : comptes système, hub, connexion des élèves, noyaux.

Sert aux tests ``tests/hub/`` et au banc de charge ``benchmarks/classe.py``. Tout passe par HTTP
(formulaire de connexion, API REST du hub et du serveur Jupyter de l'élève, websocket du noyau),
comme le ferait un navigateur ; tout écoute sur 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import requests
from websockets.sync.client import connect

RACINE = Path(__file__).resolve().parents[2]
INSTALLATION = Path(os.environ.get("COURSEKIT_CLASSE_TEST", "/opt/coursekit-test"))
HOTE = "127.0.0.1"


def installer(dossier: Path = INSTALLATION) -> Path:
    """Le cours installé pour tous (``classe/installer.sh``) : rend le dossier du venv partagé."""
    subprocess.run(
        ["bash", str(RACINE / "classe" / "installer.sh"), str(dossier)], check=True, capture_output=True
    )
    return dossier / "venv"


def ports_libres(n: int = 3) -> int:
    """Un port P tel que P, P+1… P+n-1 soient libres sur la boucle locale."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind((HOTE, 0))
            base = s.getsockname()[1]
        if base + n > 65000:
            continue
        try:
            prises = []
            for k in range(n):
                p = socket.socket()
                p.bind((HOTE, base + k))
                prises.append(p)
            for p in prises:
                p.close()
            return base
        except OSError:
            for p in prises:
                p.close()
    raise RuntimeError("pas de ports libres")


def creer_classe(identifiants_csv: str, liste: Path, professeurs: bool = False) -> list[str]:
    """Crée les comptes avec la commande du professeur (``python -m coursekit.classe comptes``)."""
    fichier = liste.parent / ("profs.csv" if professeurs else "classe.csv")
    fichier.write_text(identifiants_csv, encoding="utf-8")
    resultat = subprocess.run(
        [sys.executable, "-m", "coursekit.classe", "comptes", str(fichier), "--liste", str(liste)]
        + (["--professeurs"] if professeurs else []),
        capture_output=True,
        text=True,
        env=_env_python(),
    )
    assert resultat.returncode == 0, resultat.stderr
    return [ligne.split("\t")[0].strip() for ligne in resultat.stdout.splitlines()[1:]]


def supprimer_comptes(identifiants) -> None:
    for ident in identifiants:
        try:
            pwd.getpwnam(ident)
        except KeyError:
            continue
        subprocess.run(
            ["pkill", "-KILL", "-u", ident], capture_output=True
        )  # processus de CE compte seulement
        subprocess.run(["userdel", "--remove", ident], capture_output=True)


def _env_python() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(RACINE / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


@dataclass
class Hub:
    """Un JupyterHub lancé avec ``classe/jupyterhub_config.py`` ; ``demarrer()`` / ``arreter()``."""

    venv: Path
    etat: Path
    eleves: Path
    professeurs: Path
    port: int = field(default_factory=ports_libres)
    inactivite: int = 3600
    depots: tuple[Path, ...] = ()
    processus: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOTE}:{self.port}"

    def demarrer(self, delai: float = 90) -> None:
        self.etat.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        env.pop("COURSEKIT_PROGRES", None)  # chaque élève garde ses progrès dans son dossier
        env.update(
            {
                "COURSEKIT_HUB_PORT": str(self.port),
                "COURSEKIT_HUB_ETAT": str(self.etat),
                "COURSEKIT_VENV": str(self.venv),
                "COURSEKIT_ELEVES": str(self.eleves),
                "COURSEKIT_PROFESSEURS": str(self.professeurs),
                "COURSEKIT_INACTIVITE": str(self.inactivite),
                "COURSEKIT_DEPOTS": ":".join(str(d) for d in self.depots),
                "COURSEKIT_GITCONFIG": str(self.etat.parent / "gitconfig-hub"),
                "PATH": f"{self.venv / 'bin'}:{env.get('PATH', '')}",
            }
        )
        config = self.venv.parent / "cours" / "classe" / "jupyterhub_config.py"
        journal = open(self.etat / "hub.log", "ab")  # noqa: SIM115
        self.processus = subprocess.Popen(
            [str(self.venv / "bin" / "jupyterhub"), "-f", str(config)],
            cwd=self.etat,
            env=env,
            stdout=journal,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        fin = time.monotonic() + delai
        while time.monotonic() < fin:
            if self.processus.poll() is not None:
                raise RuntimeError(f"le hub s'est arrêté :\n{self.journal()[-3000:]}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"le hub ne répond pas :\n{self.journal()[-3000:]}")

    def journal(self) -> str:
        chemin = self.etat / "hub.log"
        return chemin.read_text(errors="replace") if chemin.exists() else ""

    def arreter(self) -> None:
        """Arrêt propre (SIGTERM : le hub arrête les serveurs des élèves), puis de force s'il traîne."""
        if self.processus is None or self.processus.poll() is not None:
            return
        self.processus.send_signal(signal.SIGTERM)
        try:
            self.processus.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.processus.pid, signal.SIGKILL)
            self.processus.wait(timeout=10)
        self.processus = None

    def pid_proxy(self) -> int | None:
        chemin = self.etat / "proxy.pid"
        return int(chemin.read_text().strip()) if chemin.exists() else None


class Eleve:
    """Un élève (ou le professeur) qui se connecte au hub par HTTP, comme depuis un navigateur."""

    def __init__(self, hub: Hub, nom: str, mot_de_passe: str):
        self.hub = hub
        self.nom = nom
        self.mot_de_passe = mot_de_passe
        self.session = requests.Session()
        self.jeton: str | None = None

    # -- connexion
    def se_connecter(self) -> requests.Response:
        s = self.session
        s.get(f"{self.hub.url}/hub/login", timeout=30)
        xsrf = s.cookies.get("_xsrf", "")
        reponse = s.post(
            f"{self.hub.url}/hub/login?next=",
            data={"username": self.nom, "password": self.mot_de_passe, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=60,
        )
        return reponse

    def connecte(self) -> bool:
        return any(c.name.startswith("jupyterhub-hub-login") for c in self.session.cookies)

    def creer_jeton(self) -> str:
        xsrf = self.session.cookies.get("_xsrf", path="/hub/") or self.session.cookies.get("_xsrf", "")
        reponse = self.session.post(
            f"{self.hub.url}/hub/api/users/{self.nom}/tokens",
            json={"note": "test", "expires_in": 3600},
            headers={"X-XSRFToken": xsrf, "Referer": f"{self.hub.url}/hub/token"},
            timeout=30,
        )
        reponse.raise_for_status()
        self.jeton = reponse.json()["token"]
        self.session.headers["Authorization"] = f"token {self.jeton}"
        return self.jeton

    # -- serveur
    def demarrer_serveur(self, delai: float = 180) -> float:
        """Démarre le serveur Jupyter de l'élève ; rend la durée (s) jusqu'à ce qu'il réponde."""
        debut = time.monotonic()
        r = self.session.post(f"{self.hub.url}/hub/api/users/{self.nom}/server", timeout=60)
        assert r.status_code in (201, 202, 400), r.text  # 400 : déjà démarré
        fin = debut + delai
        while time.monotonic() < fin:
            info = self.session.get(f"{self.hub.url}/hub/api/users/{self.nom}", timeout=30).json()
            serveur = info.get("servers", {}).get("", {})
            if serveur.get("ready"):
                return time.monotonic() - debut
            time.sleep(0.5)
        raise RuntimeError(f"le serveur de {self.nom} n'a pas démarré :\n{self.hub.journal()[-3000:]}")

    @property
    def base(self) -> str:
        return f"{self.hub.url}/user/{self.nom}"

    def api(self, methode: str, chemin: str, **kwargs) -> requests.Response:
        return self.session.request(methode, f"{self.base}/api/{chemin}", timeout=60, **kwargs)

    # -- nbgitpuller
    def tirer(self, lien: str) -> str:
        """Suit le lien du professeur (page nbgitpuller) puis lance le tirage ; rend le journal du tirage."""
        page = self.session.get(lien, timeout=60)
        assert page.status_code == 200, page.status_code
        assert urlsplit(page.url).path == f"/user/{self.nom}/git-pull", page.url
        parametres = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
        flux = self.session.get(f"{self.base}/git-pull/api", params=parametres, stream=True, timeout=120)
        lignes = []
        for ligne in flux.iter_lines(decode_unicode=True):
            if ligne.startswith("data:"):
                evenement = json.loads(ligne[5:])
                lignes.append(evenement.get("output", "") or evenement.get("message", ""))
                if evenement.get("phase") in {"finished", "error"}:
                    lignes.append(f"[{evenement['phase']}]")
                    break
        return "".join(lignes)

    # -- noyaux
    def ouvrir_noyau(self, chemin_notebook: str) -> Noyau:
        r = self.api(
            "POST",
            "sessions",
            json={"path": chemin_notebook, "type": "notebook", "kernel": {"name": "python3"}},
        )
        r.raise_for_status()
        return Noyau(self, r.json()["kernel"]["id"])


def decoder(trame: str | bytes) -> dict:
    """Un message du noyau : texte JSON, ou trame binaire (message JSON suivi des tampons, ex. une image PNG)."""
    if isinstance(trame, str):
        return json.loads(trame)
    nombre = int.from_bytes(trame[:4], "big")
    positions = [int.from_bytes(trame[4 * (i + 1) : 4 * (i + 2)], "big") for i in range(nombre)]
    positions.append(len(trame))
    message = json.loads(trame[positions[0] : positions[1]].decode("utf-8"))
    message["buffers"] = [trame[positions[i] : positions[i + 1]] for i in range(1, nombre)]
    return message


class Noyau:
    """Le noyau d'un notebook de l'élève, piloté par la websocket du serveur Jupyter."""

    def __init__(self, eleve: Eleve, ident: str):
        self.eleve = eleve
        self.ident = ident
        self.session = uuid.uuid4().hex
        adresse = eleve.base.replace("http://", "ws://") + f"/api/kernels/{ident}/channels"
        self.ws = connect(
            adresse,
            additional_headers={"Authorization": f"token {eleve.jeton}"},
            open_timeout=300,
            max_size=None,
        )

    def _message(self, type_: str, contenu: dict, canal: str = "shell") -> dict:
        return {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "username": self.eleve.nom,
                "session": self.session,
                "msg_type": type_,
                "version": "5.3",
                "date": "",
            },
            "parent_header": {},
            "metadata": {},
            "content": contenu,
            "channel": canal,
            "buffers": [],
        }

    def executer(self, code: str, delai: float = 120) -> dict:
        """Exécute ``code`` ; rend ``{"texte": sorties texte, "erreur": nom ou None, "trace": texte de
        l'erreur affichée, "resultat": text/plain}``."""
        message = self._message(
            "execute_request",
            {
                "code": code,
                "silent": False,
                "store_history": False,
                "user_expressions": {},
                "allow_stdin": False,
            },
        )
        self.ws.send(json.dumps(message))
        ident = message["header"]["msg_id"]
        sortie = {"texte": "", "erreur": None, "trace": "", "resultat": ""}
        repondu = inactif = False
        fin = time.monotonic() + delai
        while not (repondu and inactif):
            reste = fin - time.monotonic()
            if reste <= 0:
                raise TimeoutError(f"pas de réponse du noyau pour : {code[:80]}")
            recu = decoder(self.ws.recv(timeout=reste))
            if recu.get("parent_header", {}).get("msg_id") != ident:
                continue
            type_ = recu["msg_type"]
            contenu = recu["content"]
            if type_ == "stream":
                sortie["texte"] += contenu["text"]
            elif type_ == "error":
                sortie["erreur"] = f"{contenu['ename']}: {contenu['evalue']}"
                sortie["trace"] = "\n".join(contenu["traceback"])
            elif type_ == "execute_result":
                sortie["resultat"] = contenu["data"].get("text/plain", "")
            elif type_ == "status" and contenu["execution_state"] == "idle":
                inactif = True
            elif type_ == "execute_reply":
                repondu = True
        return sortie

    def envoyer_comm(self, comm_id: str, etat: dict) -> None:
        """Ce que fait le navigateur quand on bouge un curseur : mise à jour de l'état du widget."""
        contenu = {"comm_id": comm_id, "data": {"method": "update", "state": etat, "buffer_paths": []}}
        self.ws.send(json.dumps(self._message("comm_msg", contenu)))

    def attendre_comm(self, comm_id: str, cle: str, delai: float = 60) -> dict:
        """Attend la mise à jour d'un widget (par exemple la nouvelle image) envoyée par le noyau."""
        fin = time.monotonic() + delai
        while True:
            recu = decoder(self.ws.recv(timeout=max(0.01, fin - time.monotonic())))
            if recu["msg_type"] == "comm_msg" and recu["content"].get("comm_id") == comm_id:
                donnees = recu["content"].get("data", {})
                cles = set(donnees.get("state", {})) | {p[0] for p in donnees.get("buffer_paths", [])}
                if donnees.get("method") == "update" and cle in cles:
                    return donnees

    def fermer(self) -> None:
        try:
            self.ws.close()
        finally:
            self.eleve.api("DELETE", f"kernels/{self.ident}")


def copier_config(venv: Path) -> None:
    """La configuration du dépôt, là où l'installation la lit (elle est aussi copiée par installer.sh)."""
    cible = venv.parent / "cours" / "classe"
    cible.mkdir(parents=True, exist_ok=True)
    shutil.copy2(RACINE / "classe" / "jupyterhub_config.py", cible / "jupyterhub_config.py")
