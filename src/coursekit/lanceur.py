"""Lanceur du professeur : ouvre un chapitre en mode présentation, prêt pour le projecteur.

Usage, depuis la racine du dépôt ::

    python -m coursekit.lanceur 06            # le chapitre 06 dans Voilà, mode projecteur
    python -m coursekit.lanceur kpi           # même chose, par le nom du chapitre
    python -m coursekit.lanceur 06 --no-browser   # affiche seulement l'adresse
    python -m coursekit.lanceur --liste       # les chapitres disponibles
    python -m coursekit.lanceur 06 --avec-solutions   # avec les corrigés (cellules « solution »)
    python -m coursekit.lanceur 06 --maroc    # l'édition marocaine : montants en dirhams (DH)

Voilà exécute le notebook et n'affiche que le texte, les résultats et les
simulateurs (le code est caché). La variable ``COURSEKIT_PROJECTEUR=1`` est
transmise au noyau : ``preparer_notebook()`` agrandit alors les graphiques et
les widgets. Ctrl+C arrête le serveur.

Les fonctions :func:`demarrer_voila` et :func:`demarrer_lab` servent aussi aux
tests dans le navigateur et au banc de mesure (``benchmarks/``) : serveur sur un
port libre de la boucle locale, arrêté avec tous ses noyaux (par psutil : le
même code sous Windows, macOS et Linux).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import webbrowser
from dataclasses import dataclass, field
from pathlib import Path

import psutil

RACINE = Path(__file__).resolve().parents[2]
DOSSIER_NOTEBOOKS = RACINE / "notebooks"
HOTE = "127.0.0.1"
DELAI_NOYAU_ABANDONNE = 120  # secondes


def chapitres() -> list[Path]:
    """Les notebooks du cours, dans l'ordre des chapitres."""
    return sorted(DOSSIER_NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def trouver_chapitre(nom: str) -> Path:
    """Le notebook désigné par ``06``, ``6``, ``kpi``, ``06-kpi`` ou un chemin.

    >>> trouver_chapitre("zzz-inconnu")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Aucun chapitre ne correspond à « zzz-inconnu ». Chapitres disponibles : ...
    """
    chemin = Path(nom)
    if chemin.suffix == ".ipynb" and chemin.exists():
        return chemin.resolve()
    cle = nom.strip().lower().removesuffix(".ipynb")
    if cle.isdigit():
        cle = f"{int(cle):02d}"
    trouves = [c for c in chapitres() if c.stem == cle or c.stem.startswith(cle + "-")]
    if not trouves:
        trouves = [c for c in chapitres() if cle and cle in c.stem]
    if len(trouves) == 1:
        return trouves[0]
    disponibles = ", ".join(c.stem for c in chapitres()) or "aucun"
    if not trouves:
        raise ValueError(f"Aucun chapitre ne correspond à « {nom} ». Chapitres disponibles : {disponibles}.")
    noms = ", ".join(c.stem for c in trouves)
    raise ValueError(f"« {nom} » désigne plusieurs chapitres ({noms}) : soyez plus précis.")


def port_libre() -> int:
    """Un port TCP libre sur la boucle locale."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as prise:
        prise.bind((HOTE, 0))
        return prise.getsockname()[1]


def _port_ouvert(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as prise:
        prise.settimeout(0.5)
        return prise.connect_ex((HOTE, port)) == 0


def _descendants(pid: int) -> list[psutil.Process]:
    """Les processus descendants de ``pid`` (noyaux compris), sous Windows, macOS et Linux."""
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _terminer(processus: list[psutil.Process], delai: float) -> None:
    """Demande à ces processus de s'arrêter, puis force ceux qui traînent après ``delai`` secondes."""
    for proc in processus:
        try:
            proc.terminate()
        except psutil.Error:
            pass
    _, restants = psutil.wait_procs(processus, timeout=delai)
    for proc in restants:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(restants, timeout=5)


@dataclass
class Serveur:
    """Un serveur Jupyter (Voilà ou JupyterLab) lancé dans son propre groupe de processus."""

    processus: subprocess.Popen
    port: int
    journal: Path | None = None
    nom: str = "serveur"
    _vus: set = field(default_factory=set)

    @property
    def url(self) -> str:
        return f"http://{HOTE}:{self.port}"

    def attendre(self, delai: float = 60.0) -> Serveur:
        """Attend que le serveur écoute ; lève ``RuntimeError`` (avec son journal) sinon."""
        fin = time.monotonic() + delai
        while time.monotonic() < fin:
            if self.processus.poll() is not None:
                raise RuntimeError(f"{self.nom} s'est arrêté au démarrage :\n{self.lire_journal()}")
            if _port_ouvert(self.port):
                return self
            time.sleep(0.2)
        self.arreter()
        raise RuntimeError(f"{self.nom} n'écoute pas après {delai:.0f} s :\n{self.lire_journal()}")

    def lire_journal(self) -> str:
        if self.journal and self.journal.exists():
            return self.journal.read_text(encoding="utf-8", errors="replace")[-4000:]
        return ""

    def noyaux(self) -> list[int]:
        """Les processus descendants du serveur (les noyaux), retenus pour l'arrêt."""
        enfants = _descendants(self.processus.pid)
        self._vus.update(enfants)
        return [proc.pid for proc in enfants]

    def arreter(self) -> None:
        """Arrête le serveur et tous ses descendants, noyaux compris, quoi qu'il arrive.

        Le serveur s'arrête d'abord de lui-même (il ferme ses noyaux) ; ce qui reste
        ensuite est arrêté processus par processus, par psutil : le même code sous
        Windows, macOS et Linux (aucun appel propre à POSIX).
        """
        self.noyaux()
        if self.processus.poll() is None:
            try:
                serveur = psutil.Process(self.processus.pid)
            except psutil.Error:
                serveur = None
            if serveur is not None:
                _terminer([serveur], delai=8)
        restants = [proc for proc in self._vus if proc.is_running()]
        if restants:  # les noyaux vivent dans leur propre session : on les arrête aussi
            _terminer(restants, delai=3)
        try:
            self.processus.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - psutil l'a déjà tué
            self.processus.kill()


def options_detachees() -> dict:
    """Options de ``subprocess.Popen`` pour qu'un Ctrl + C du terminal n'arrive qu'au lanceur.

    Le lanceur arrête lui-même le serveur et ses noyaux, dans l'ordre. Sous Windows,
    un nouveau groupe de processus ; ailleurs, une nouvelle session.
    """
    if sys.platform == "win32":
        return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x200)}
    return {"start_new_session": True}


def _lancer(commande: list[str], port: int, nom: str, env: dict, journal: Path | None) -> Serveur:
    sortie = open(journal, "wb") if journal else subprocess.DEVNULL  # noqa: SIM115
    processus = subprocess.Popen(
        commande,
        cwd=RACINE,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=sortie,
        stderr=subprocess.STDOUT,
        **options_detachees(),
    )
    if journal:
        sortie.close()
    return Serveur(processus, port, journal, nom)


ETIQUETTE_JUPYTERLAB = "jupyterlab"
"""Étiquette des cellules de texte qui ne valent que dans JupyterLab (jamais montrées dans Voilà)."""


def environnement(projecteur: bool, **autres: str) -> dict:
    """L'environnement des serveurs : mode projecteur choisi, données du dépôt, et le dossier
    IPython du cours (ses noyaux parlent français dès la première cellule : :mod:`coursekit.demarrage`)."""
    from coursekit.demarrage import preparer_profil

    env = dict(os.environ)
    env["IPYTHONDIR"] = str(preparer_profil())
    env.pop("COURSEKIT_DONNEES", None)
    env.pop("COURSEKIT_PROJECTEUR", None)
    if projecteur:
        env["COURSEKIT_PROJECTEUR"] = "1"
    env.update(autres)
    return env


def demarrer_voila(
    notebook: Path | None = None,
    port: int | None = None,
    projecteur: bool = False,
    journal: Path | None = None,
    env: dict | None = None,
) -> Serveur:
    """Lance Voilà sur la boucle locale, pour un notebook ou pour tout le dépôt.

    Sans ``notebook``, un chapitre s'ouvre à ``/voila/render/notebooks/<nom>.ipynb``.
    """
    port = port or port_libre()
    commande = [
        sys.executable,
        "-m",
        "voila",
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={HOTE}",
        "--Voila.port_retries=0",
        "--show_tracebacks=True",
        # Une page fermée ou rechargée laisse un noyau sans navigateur : Voilà l'arrête
        # après deux minutes d'inactivité (les pages ouvertes ne sont jamais coupées).
        f"--MappingKernelManager.cull_idle_timeout={DELAI_NOYAU_ABANDONNE}",
        "--MappingKernelManager.cull_interval=30",
        "--MappingKernelManager.cull_connected=False",
        # Les consignes propres à JupyterLab (« Maj + Entrée », « exécutez la cellule ») ne
        # s'affichent pas dans Voilà : nbconvert retire les cellules marquées « jupyterlab »
        # (les cellules « voila » disent à la place quoi faire dans la page).
        f"--TagRemovePreprocessor.remove_cell_tags={ETIQUETTE_JUPYTERLAB}",
    ]
    if notebook is not None:
        commande.append(str(notebook))
    env = env if env is not None else environnement(projecteur)
    return _lancer(commande, port, "Voilà", env, journal).attendre()


def demarrer_lab(dossier_reglages: Path, port: int | None = None, journal: Path | None = None) -> Serveur:
    """Lance JupyterLab à la racine du dépôt, sans jeton, sur la boucle locale.

    ``dossier_reglages`` reçoit des réglages propres à la session : pas
    d'enregistrement automatique (les notebooks du dépôt ne sont jamais réécrits),
    toutes les cellules présentes dans la page, pas de nouvelles ni d'annonces.
    """
    port = port or port_libre()
    reglages = {
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": '{"autosave": false}',
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": '{"windowingMode": "none"}',
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": (
            '{"fetchNews": "false", "checkForUpdates": false, "doNotDisturbMode": true}'
        ),
    }
    for nom, contenu in reglages.items():
        chemin = dossier_reglages / "settings" / nom
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(contenu, encoding="utf-8")
    (dossier_reglages / "workspaces").mkdir(parents=True, exist_ok=True)
    commande = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--allow-root",
        f"--port={port}",
        f"--ServerApp.ip={HOTE}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={RACINE}",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={dossier_reglages / 'settings'}",
        f"--LabApp.workspaces_dir={dossier_reglages / 'workspaces'}",
        "--LabApp.news_url=None",
    ]
    return _lancer(commande, port, "JupyterLab", environnement(False), journal).attendre()


def preparer_presentation(notebook: Path, avec_solutions: bool = False, maroc: bool = False) -> Path:
    """Le notebook à projeter : sans les cellules « solution », sauf demande du professeur.

    Voilà affiche toutes les sorties : projeter le notebook source montrerait chaque
    corrigé juste sous son exercice. On projette donc l'édition de présentation du
    chapitre (sans solutions ni consignes pour JupyterLab), écrite dans
    ``build/presentation/`` ; ``--avec-solutions`` projette la source.

    ``maroc`` (``--maroc``) : la même chose dans l'édition marocaine, montants en dirhams
    (:class:`~coursekit.editions.PreprocesseurDevise`, comme ``python -m coursekit.editions
    maroc``), écrite dans ``build/presentation-maroc/`` ; avec les corrigés, c'est l'édition
    marocaine du professeur (``build/maroc/``). Voilà l'exécute : rien n'est exécuté avant.
    """
    from coursekit.editions import edition_maroc, edition_presentation, localiser

    if maroc:
        if avec_solutions:
            return edition_maroc(notebook, RACINE / "build" / "maroc", executer=False)
        return localiser(edition_presentation(notebook, RACINE / "build" / "presentation-maroc"))
    if avec_solutions:
        return notebook
    return edition_presentation(notebook, RACINE / "build" / "presentation")


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m coursekit.lanceur",
        description="Ouvre un chapitre en mode présentation (Voilà) avec le mode projecteur.",
    )
    analyseur.add_argument("chapitre", nargs="?", help="numéro (06) ou nom (kpi) du chapitre")
    analyseur.add_argument("--no-browser", action="store_true", help="ne pas ouvrir le navigateur")
    analyseur.add_argument("--port", type=int, default=None, help="port (par défaut : un port libre)")
    analyseur.add_argument("--sans-projecteur", action="store_true", help="tailles de texte normales")
    analyseur.add_argument("--liste", action="store_true", help="afficher les chapitres disponibles")
    analyseur.add_argument(
        "--avec-solutions", action="store_true", help="montrer aussi les cellules « solution » (corrigé)"
    )
    analyseur.add_argument(
        "--maroc", action="store_true", help="l'édition marocaine : montants en dirhams (DH)"
    )
    options = analyseur.parse_args(arguments)
    if options.liste or not options.chapitre:
        print("Chapitres disponibles :")
        for chemin in chapitres():
            print(f"  {chemin.stem}")
        if not options.chapitre:
            print("Exemple : python -m coursekit.lanceur 06")
        return 0
    try:
        notebook = trouver_chapitre(options.chapitre)
    except ValueError as erreur:
        print(erreur, file=sys.stderr)
        return 2
    notebook = preparer_presentation(notebook, options.avec_solutions, options.maroc)
    try:
        serveur = demarrer_voila(notebook, port=options.port, projecteur=not options.sans_projecteur)
    except RuntimeError as erreur:
        print(f"Voilà n'a pas démarré : {erreur}", file=sys.stderr)
        return 1
    url = f"{serveur.url}/"
    mode = "normal" if options.sans_projecteur else "projecteur"
    edition = ", en dirhams (édition marocaine)" if options.maroc else ""
    print(f"Chapitre {notebook.stem} en présentation (mode {mode}{edition}) : {url}", flush=True)
    print("Ctrl+C pour arrêter.", flush=True)
    if not options.no_browser:
        webbrowser.open(url)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # arrêt propre aussi sur « kill »
    try:
        serveur.processus.wait()
    except (KeyboardInterrupt, SystemExit):
        print("\nArrêt du serveur.")
    finally:
        serveur.arreter()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
