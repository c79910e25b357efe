"""JupyterHub pour une classe : le cours de marketing digital sur le serveur de l'établissement.

Lancement (en root, voir classe/README.md) ::

    /opt/coursekit/venv/bin/jupyterhub -f /opt/coursekit/cours/classe/jupyterhub_config.py

Tout se règle par des variables d'environnement (valeurs par défaut entre parenthèses) :

- ``COURSEKIT_HUB_IP`` (``127.0.0.1``) et ``COURSEKIT_HUB_PORT`` (``8000``) : où le hub écoute.
  Il n'écoute que la machine elle-même : un serveur web frontal (nginx, Caddy) en HTTPS le
  publie sur le réseau de l'établissement. Le hub interne et l'API du proxy prennent les deux
  ports suivants.
- ``COURSEKIT_HUB_ETAT`` (``/var/lib/coursekit-hub``) : base du hub, secret des cookies, mots de passe.
- ``COURSEKIT_VENV`` (``/opt/coursekit/venv``) : le Python du cours, installé une fois pour tous.
- ``COURSEKIT_ELEVES`` (``/etc/coursekit/eleves.txt``) et ``COURSEKIT_PROFESSEURS``
  (``/etc/coursekit/professeurs.txt``) : un identifiant par ligne ; relus à chaque connexion,
  une classe ajoutée n'exige pas de redémarrer le hub. Les professeurs sont administrateurs du hub.
- ``COURSEKIT_AUTH`` (``firstuse``) : ``firstuse``, l'élève choisit son mot de passe à sa première
  connexion ; ``native``, l'élève s'inscrit et le professeur valide son compte (page /hub/authorize).
- ``COURSEKIT_SPAWNER`` (``local``) : ``local`` (LocalProcessSpawner : un processus par élève,
  sous son compte système, **sans limite de mémoire** : ce lanceur ne sait pas en poser) ou
  ``systemd`` (SystemdSpawner, paquet ``jupyterhub-systemdspawner`` : limite de mémoire et de
  processeur par élève, ``COURSEKIT_MEMOIRE``, ``1G`` par défaut, et ``COURSEKIT_CPU``, ``1``).
- ``COURSEKIT_DEPOTS`` (``/opt/coursekit/eleve.git:/opt/coursekit/professeur.git``) : les dépôts
  publiés par ``python -m coursekit.classe publier``. Ils appartiennent à root : git refuse de
  les lire depuis un autre compte (« dubious ownership ») sauf s'ils sont déclarés sûrs, ce que
  fait cette configuration pour ces chemins seulement (fichier ``COURSEKIT_GITCONFIG``,
  ``/opt/coursekit/gitconfig-hub`` par défaut).
- ``COURSEKIT_INACTIVITE`` (``3600``) : secondes sans activité après lesquelles le serveur d'un
  élève est arrêté (service jupyterhub-idle-culler) ; son travail reste sur le disque.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 — fourni par JupyterHub

IP = os.environ.get("COURSEKIT_HUB_IP", "127.0.0.1")
PORT = int(os.environ.get("COURSEKIT_HUB_PORT", "8000"))
ETAT = Path(os.environ.get("COURSEKIT_HUB_ETAT", "/var/lib/coursekit-hub"))
VENV = Path(os.environ.get("COURSEKIT_VENV", "/opt/coursekit/venv"))
ELEVES = Path(os.environ.get("COURSEKIT_ELEVES", "/etc/coursekit/eleves.txt"))
PROFESSEURS = Path(os.environ.get("COURSEKIT_PROFESSEURS", "/etc/coursekit/professeurs.txt"))
AUTH = os.environ.get("COURSEKIT_AUTH", "firstuse")
SPAWNER = os.environ.get("COURSEKIT_SPAWNER", "local")
DEPOTS = os.environ.get("COURSEKIT_DEPOTS", "/opt/coursekit/eleve.git:/opt/coursekit/professeur.git")
INACTIVITE = int(os.environ.get("COURSEKIT_INACTIVITE", "3600"))

ETAT.mkdir(parents=True, exist_ok=True, mode=0o700)


def lire_liste(chemin: Path) -> set[str]:
    """Les identifiants d'un fichier (un par ligne, ``#`` commente)."""
    if not chemin.exists():
        return set()
    lignes = chemin.read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lignes if x.strip() and not x.strip().startswith("#")}


# --- Réseau : tout sur la boucle locale ------------------------------------------------------------
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = PORT + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 2}"
c.Spawner.ip = "127.0.0.1"

# --- État gardé d'un redémarrage à l'autre ---------------------------------------------------------
c.JupyterHub.db_url = f"sqlite:///{ETAT / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(ETAT / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(ETAT / "proxy.pid")

# --- Comptes : élèves et professeurs -----------------------------------------------------------------
PROFS = lire_liste(PROFESSEURS)
c.Authenticator.admin_users = PROFS
c.Authenticator.allowed_users = lire_liste(ELEVES) | PROFS
c.Authenticator.allow_all = False  # seuls les identifiants des listes entrent


class _ListeRelue:
    """Autorise les identifiants des fichiers d'élèves et de professeurs, relus à chaque connexion."""

    def check_allowed(self, username, authentication=None):
        return username in lire_liste(ELEVES) | lire_liste(PROFESSEURS)


if AUTH == "native":
    import nativeauthenticator
    from nativeauthenticator import NativeAuthenticator

    class AuthentificationClasse(_ListeRelue, NativeAuthenticator):
        """L'élève s'inscrit (identifiant de la liste) ; un professeur valide sur /hub/authorize."""

    c.JupyterHub.template_paths = [str(Path(nativeauthenticator.__file__).parent / "templates")]
    c.NativeAuthenticator.open_signup = False
    c.NativeAuthenticator.minimum_password_length = 8
    c.NativeAuthenticator.check_common_password = True
else:
    from firstuseauthenticator import FirstUseAuthenticator

    class AuthentificationClasse(_ListeRelue, FirstUseAuthenticator):
        """L'élève choisit son mot de passe à sa première connexion (8 caractères au moins)."""

        async def authenticate(self, handler, data):
            nom = self.normalize_username(data.get("username", ""))
            if not self.check_allowed(nom):
                return None  # pas de mot de passe enregistré pour un nom hors des listes
            if not self._mot_de_passe_connu(nom):
                if len(data.get("password", "")) < self.min_password_length:
                    handler.custom_login_error = (
                        f"Première connexion : choisissez un mot de passe d'au moins "
                        f"{self.min_password_length} caractères."
                    )
                    return None
            return await super().authenticate(handler, data)

        def _mot_de_passe_connu(self, nom):
            import dbm

            try:
                with dbm.open(self.dbm_path, "r") as base:
                    return nom.encode("utf8") in base
            except dbm.error:
                return False

    c.FirstUseAuthenticator.dbm_path = str(ETAT / "mots-de-passe.dbm")
    c.FirstUseAuthenticator.create_users = True  # la liste des élèves décide (check_allowed)
    c.FirstUseAuthenticator.min_password_length = 8

c.JupyterHub.authenticator_class = AuthentificationClasse

# --- Un serveur par élève, sous son propre compte système ------------------------------------------
if SPAWNER == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = False
    c.SystemdSpawner.mem_limit = os.environ.get("COURSEKIT_MEMOIRE", "1G")
    c.SystemdSpawner.cpu_limit = float(os.environ.get("COURSEKIT_CPU", "1"))
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.user_workingdir = "/home/{USERNAME}"
else:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"

c.Spawner.cmd = [str(VENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "COURSEKIT_DEVISE": os.environ.get("COURSEKIT_DEVISE", "EUR"),
}
# nbgitpuller lit les dépôts publiés (propriété de root) : git les accepte pour ces chemins seulement,
# déclarés dans un fichier de configuration git « système » propre au hub (qui reprend /etc/gitconfig).
GITCONFIG = Path(os.environ.get("COURSEKIT_GITCONFIG", VENV.parent / "gitconfig-hub"))
GITCONFIG.write_text(
    "[include]\n\tpath = /etc/gitconfig\n[safe]\n"
    + "".join(f"\tdirectory = {d}\n" for d in DEPOTS.split(":") if d),
    encoding="utf-8",
)
GITCONFIG.chmod(0o644)
c.Spawner.environment["GIT_CONFIG_SYSTEM"] = str(GITCONFIG)


def preparer_noyaux(spawner):
    """Les noyaux de l'élève parlent français dès sa première cellule (voir coursekit.demarrage) :
    le dossier IPython du cours est écrit dans son dossier personnel, à son nom."""
    import pwd

    try:
        from coursekit.demarrage import preparer_profil

        compte = pwd.getpwnam(spawner.user.name)
        racine = Path(compte.pw_dir) / ".coursekit"
        dossier = preparer_profil(racine / "ipython")
        for chemin in [racine, dossier, *dossier.rglob("*")]:
            os.chown(chemin, compte.pw_uid, compte.pw_gid)
    except Exception as erreur:  # noqa: BLE001 - sans ce dossier, le serveur démarre quand même
        spawner.log.warning("Dossier IPython du cours non préparé pour %s : %s", spawner.user.name, erreur)
        return
    spawner.environment = {**spawner.environment, "IPYTHONDIR": str(dossier)}


c.Spawner.pre_spawn_hook = preparer_noyaux

c.Spawner.start_timeout = 300  # 35 élèves qui se connectent ensemble : voir classe/README.md
c.Spawner.http_timeout = 180
# Les élèves ne partagent rien : dossier personnel fermé (700), fichiers créés en 600/700.
c.LocalProcessSpawner.popen_kwargs = {"umask": 0o077}

# --- Arrêt des serveurs inactifs (le travail reste sur le disque) ---------------------------------
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={INACTIVITE}",
            "--cull-every=300",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]

# Voilà est installé dans le Python du cours : chaque serveur sert /user/<nom>/voila/render/<notebook>,
# c'est l'adresse de projection (python -m coursekit.classe lien 06 --voila --hub …).
c.JupyterHub.shutdown_on_logout = False
