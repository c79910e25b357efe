"""Le cours pour toute une classe sur un JupyterHub : comptes, liens par chapitre, édition publiée, bilan.

Usage (voir ``classe/README.md``) ::

    python -m coursekit.classe publier /opt/coursekit/eleve.git            # édition élève (sans corrigés)
    python -m coursekit.classe publier /opt/coursekit/professeur.git --edition professeur
    python -m coursekit.classe lien 06 --hub https://hub.lycee.fr           # le lien du chapitre 06
    python -m coursekit.classe liens --hub https://hub.lycee.fr             # tous les chapitres
    sudo python -m coursekit.classe comptes eleves.csv                      # comptes de la classe
    sudo python -m coursekit.classe bilan                                   # les progrès de la classe

Un lien ouvre le chapitre dans le dossier de l'élève après avoir tiré le cours
avec nbgitpuller : la première fois il le copie, ensuite il apporte les nouveautés
sans écraser ce que l'élève a modifié.
"""

from __future__ import annotations

import argparse
import csv
import grp
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pandas as pd

from coursekit import editions, lanceur, progres
from coursekit.fichiers import ecrire_atomique

DEPOT_ELEVE = os.environ.get("COURSEKIT_DEPOT", "file:///opt/coursekit/eleve.git")
DEPOT_PROFESSEUR = os.environ.get("COURSEKIT_DEPOT_PROFESSEUR", "file:///opt/coursekit/professeur.git")
BRANCHE = {"eleve": "eleve", "professeur": "professeur"}
DOSSIER_ELEVE = "marketing-digital"  # dossier créé dans le dossier personnel de l'élève
LISTE_ELEVES = Path(os.environ.get("COURSEKIT_ELEVES", "/etc/coursekit/eleves.txt"))
LISTE_PROFESSEURS = Path(os.environ.get("COURSEKIT_PROFESSEURS", "/etc/coursekit/professeurs.txt"))
GROUPE_ELEVES = "coursekit-eleves"
GROUPE_PROFESSEURS = "coursekit-profs"
BASE_PROGRES = Path(".coursekit") / "progres.sqlite"


class ErreurClasse(Exception):
    """Une erreur de la commande du professeur, dite en français (pas de trace Python)."""


# --- Liens nbgitpuller ---------------------------------------------------------------------------


def verifier_hub(adresse: str) -> str:
    """L'adresse du hub, sans « / » final ; une adresse qui n'est pas http(s)://… est refusée.

    >>> verifier_hub("https://hub.lycee.fr/")
    'https://hub.lycee.fr'
    >>> verifier_hub("hub.lycee.fr")
    Traceback (most recent call last):
    ...
    coursekit.classe.ErreurClasse: L'adresse du hub « hub.lycee.fr » n'est pas valide : elle commence par http:// ou https:// suivi du nom du serveur, par exemple https://hub.lycee.fr.
    """
    morceaux = urlsplit((adresse or "").strip())
    valide = (
        morceaux.scheme in {"http", "https"}
        and bool(morceaux.hostname)
        and not morceaux.query
        and not morceaux.fragment
        and " " not in adresse.strip()
    )
    try:
        morceaux.port  # noqa: B018 — lève ValueError si le port n'est pas un nombre
    except ValueError:
        valide = False
    if not valide:
        raise ErreurClasse(
            f"L'adresse du hub « {adresse} » n'est pas valide : elle commence par http:// ou https:// "
            "suivi du nom du serveur, par exemple https://hub.lycee.fr."
        )
    return adresse.strip().rstrip("/")


def chapitre(nom: str) -> Path:
    """Le notebook d'un chapitre (``06``, ``kpi``…) ; un chapitre inconnu donne un message en français."""
    try:
        return lanceur.trouver_chapitre(nom)
    except ValueError as erreur:
        raise ErreurClasse(str(erreur)) from None


def lien(
    nom_chapitre: str,
    hub: str,
    depot: str | None = None,
    branche: str | None = None,
    professeur: bool = False,
    voila: bool = False,
) -> str:
    """Le lien nbgitpuller qui tire le cours dans le dossier de l'élève et ouvre le chapitre.

    >>> lien("06", "https://hub.lycee.fr", depot="file:///opt/coursekit/eleve.git")  # doctest: +ELLIPSIS
    'https://hub.lycee.fr/hub/user-redirect/git-pull?repo=file%3A%2F%2F%2Fopt%2Fcoursekit%2Feleve.git&branch=eleve&targetpath=marketing-digital&urlpath=lab%2Ftree%2Fmarketing-digital%2F06-kpi.ipynb'
    """
    hub = verifier_hub(hub)
    notebook = chapitre(nom_chapitre)
    edition = "professeur" if professeur else "eleve"
    depot = depot or (DEPOT_PROFESSEUR if professeur else DEPOT_ELEVE)
    dossier = DOSSIER_ELEVE + ("-professeur" if professeur else "")
    chemin = f"{dossier}/{notebook.name}"
    urlpath = f"voila/render/{chemin}" if voila else f"lab/tree/{chemin}"
    requete = {
        "repo": depot,
        "branch": branche or BRANCHE[edition],
        "targetpath": dossier,
        "urlpath": urlpath,
    }
    return f"{hub}/hub/user-redirect/git-pull?{urlencode(requete, quote_via=quote, safe='')}"


def liens(hub: str, **options) -> list[tuple[str, str]]:
    """Les liens de tous les chapitres : ``[(nom du chapitre, lien), …]``."""
    return [(notebook.stem, lien(notebook.stem, hub, **options)) for notebook in lanceur.chapitres()]


# --- Publication de l'édition élève ----------------------------------------------------------------

LISEZMOI_ELEVE = """# Cours de marketing digital

Ouvrez un chapitre (par exemple `06-kpi.ipynb`), lisez, bougez les curseurs et répondez aux
exercices. Vos réponses et vos travaux restent dans votre dossier d'une séance à l'autre.
Le lien du professeur apporte les nouveaux chapitres sans effacer ce que vous avez écrit.
"""


def _git(*arguments: str, dossier: Path | None = None) -> str:
    commande = ["git", "-c", "user.name=coursekit", "-c", "user.email=coursekit@localhost", *arguments]
    resultat = subprocess.run(commande, cwd=dossier, capture_output=True, text=True)
    if resultat.returncode != 0:
        raise ErreurClasse(f"La commande git « {' '.join(arguments)} » a échoué : {resultat.stderr.strip()}")
    return resultat.stdout.strip()


def publier(destination: Path, edition: str = "eleve", branche: str | None = None) -> str:
    """Construit l'édition demandée depuis les notebooks du cours et la valide dans ``destination``.

    ``destination`` est un dépôt git nu (créé s'il n'existe pas) ; l'édition va dans la branche
    ``eleve`` (ou ``professeur``). Rend l'identifiant du commit. Rien n'est validé si rien n'a changé.
    """
    if edition not in BRANCHE:
        raise ErreurClasse(f"L'édition « {edition} » n'existe pas : choisissez eleve ou professeur.")
    branche = branche or BRANCHE[edition]
    destination = Path(destination).resolve()
    if not destination.exists():
        destination.parent.mkdir(parents=True, exist_ok=True)
        _git("init", "--bare", "--quiet", str(destination))
    elif not (destination / "HEAD").exists():
        raise ErreurClasse(f"Le dossier « {destination} » existe mais n'est pas un dépôt git nu.")
    _git("symbolic-ref", "HEAD", f"refs/heads/{branche}", dossier=destination)
    with tempfile.TemporaryDirectory(prefix="coursekit-publier-") as temporaire:
        copie = Path(temporaire) / "copie"
        _git("init", "--quiet", "-b", branche, str(copie))
        _git("remote", "add", "origin", str(destination), dossier=copie)
        existe = _git("ls-remote", "--heads", "origin", branche, dossier=copie)
        if existe:
            _git("fetch", "--quiet", "origin", branche, dossier=copie)
            _git("reset", "--quiet", "--soft", "FETCH_HEAD", dossier=copie)
        editions.edition(edition, copie)
        (copie / "README.md").write_text(LISEZMOI_ELEVE, encoding="utf-8")
        _git("add", "--all", ".", dossier=copie)
        if existe and not _git("status", "--porcelain", dossier=copie):
            return _git("rev-parse", "FETCH_HEAD", dossier=copie)
        _git("commit", "--quiet", "-m", f"Édition {edition} du cours", dossier=copie)
        _git("push", "--quiet", "origin", f"HEAD:refs/heads/{branche}", dossier=copie)
        commit = _git("rev-parse", "HEAD", dossier=copie)
    _proteger(destination, edition)
    return commit


def _proteger(destination: Path, edition: str) -> None:
    """Édition élève lisible par tous ; édition professeur réservée au groupe des professeurs."""
    if edition == "professeur":
        if os.geteuid() == 0:
            _groupe(GROUPE_PROFESSEURS)
        try:
            gid = grp.getgrnam(GROUPE_PROFESSEURS).gr_gid
        except KeyError:
            gid = None
        for racine, dossiers, fichiers in os.walk(destination):
            for nom in [*dossiers, *fichiers]:
                chemin = Path(racine) / nom
                if gid is not None and os.geteuid() == 0:
                    os.chown(chemin, -1, gid)
                os.chmod(chemin, 0o750 if chemin.is_dir() else 0o640)
        if gid is not None and os.geteuid() == 0:
            os.chown(destination, -1, gid)
        os.chmod(destination, 0o750)
        return
    if edition == "eleve":
        # Lisible par tous les comptes (nbgitpuller clone avec le compte de l'élève).
        for racine, dossiers, fichiers in os.walk(destination):
            for nom in dossiers:
                os.chmod(Path(racine) / nom, 0o755)
            for nom in fichiers:
                os.chmod(Path(racine) / nom, 0o644)
        os.chmod(destination, 0o755)


# --- Comptes des élèves -------------------------------------------------------------------------


def identifiant(prenom: str, nom: str) -> str:
    """L'identifiant de connexion d'un élève : ``prenom.nom`` sans accents ni espaces, 32 caractères au plus.

    >>> identifiant("Yasmine", "Ben Ali")
    'yasmine.benali'
    >>> identifiant("Éloïse", "Lefèvre-Durand")
    'eloise.lefevre-durand'
    """
    texte = f"{prenom}.{nom}".lower()
    texte = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode("ascii")
    texte = re.sub(r"[^a-z0-9.-]", "", texte).strip(".-")
    return texte[:32]


def lire_classe(chemin: Path) -> list[tuple[str, str]]:
    """Les élèves d'un fichier CSV (colonnes ``prenom`` et ``nom``, ou ``identifiant``) : ``[(identifiant, nom complet)]``.

    Le séparateur (virgule ou point-virgule, comme l'enregistre un tableur français) est reconnu.
    """
    try:
        texte = Path(chemin).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as erreur:
        raise ErreurClasse(f"Le fichier de la classe « {chemin} » est illisible ({erreur}).") from None
    separateur = ";" if texte.splitlines()[0].count(";") > texte.splitlines()[0].count(",") else ","
    lecteur = csv.DictReader(texte.splitlines(), delimiter=separateur)
    colonnes = {c.strip().lower().replace("é", "e"): c for c in (lecteur.fieldnames or [])}
    if "identifiant" not in colonnes and not {"prenom", "nom"} <= set(colonnes):
        raise ErreurClasse(
            f"Le fichier « {chemin} » doit avoir une ligne d'en-tête avec les colonnes prenom et nom "
            "(ou une colonne identifiant)."
        )
    eleves: list[tuple[str, str]] = []
    vus: set[str] = set()
    for numero, ligne in enumerate(lecteur, start=2):
        prenom = (ligne.get(colonnes.get("prenom", ""), "") or "").strip()
        nom = (ligne.get(colonnes.get("nom", ""), "") or "").strip()
        ident = (ligne.get(colonnes.get("identifiant", ""), "") or "").strip().lower() or identifiant(
            prenom, nom
        )
        if not re.fullmatch(r"[a-z][a-z0-9.-]{0,31}", ident):
            raise ErreurClasse(
                f"Ligne {numero} du fichier « {chemin} » : impossible d'en tirer un identifiant "
                "(lettres sans accents, chiffres, point ou tiret, 32 caractères au plus)."
            )
        base, n = ident, 2
        while ident in vus:
            ident, n = f"{base[:30]}{n}", n + 1
        vus.add(ident)
        eleves.append((ident, f"{prenom} {nom}".strip() or ident))
    return eleves


def creer_comptes(
    eleves: Sequence[tuple[str, str]], liste: Path = LISTE_ELEVES, groupe: str = GROUPE_ELEVES
) -> list[str]:
    """Crée les comptes système (dossier personnel fermé aux autres) et ajoute les élèves à la liste du hub.

    Rend les identifiants créés ; un compte qui existe déjà est gardé tel quel (ses fichiers aussi).
    """
    if os.geteuid() != 0:
        raise ErreurClasse(
            "Créer des comptes demande les droits d'administration : lancez la commande avec sudo."
        )
    _groupe(groupe)
    crees = []
    for ident, nom_complet in eleves:
        try:
            pwd.getpwnam(ident)
        except KeyError:
            subprocess.run(
                [
                    "useradd",
                    "--create-home",
                    "--shell",
                    "/bin/bash",
                    "--gid",
                    groupe,
                    "--comment",
                    nom_complet,
                    ident,
                ],
                check=True,
                capture_output=True,
            )
            crees.append(ident)
        os.chmod(pwd.getpwnam(ident).pw_dir, 0o700)
    liste.parent.mkdir(parents=True, exist_ok=True)
    deja = lire_liste(liste)
    tous = deja + [i for i, _ in eleves if i not in deja]
    ecrire_atomique(liste, "".join(f"{i}\n" for i in tous))
    return crees


def _groupe(nom: str) -> None:
    """Crée le groupe système ``nom`` s'il n'existe pas."""
    try:
        grp.getgrnam(nom)
    except KeyError:
        subprocess.run(["groupadd", nom], check=True, capture_output=True)


def lire_liste(liste: Path = LISTE_ELEVES) -> list[str]:
    """Les identifiants de la liste des élèves du hub (un par ligne, ``#`` pour un commentaire)."""
    if not Path(liste).exists():
        return []
    lignes = Path(liste).read_text(encoding="utf-8").splitlines()
    return [x.strip() for x in lignes if x.strip() and not x.strip().startswith("#")]


# --- Bilan de la classe -------------------------------------------------------------------------


def bases_de_la_classe(eleves: Iterable[str]) -> dict[str, Path]:
    """Le fichier des progrès de chaque élève (dans son dossier personnel), qu'il existe ou non."""
    bases = {}
    for eleve in eleves:
        try:
            dossier = Path(pwd.getpwnam(eleve).pw_dir)
        except KeyError:
            raise ErreurClasse(f"L'élève « {eleve} » n'a pas de compte sur ce serveur.") from None
        bases[eleve] = dossier / BASE_PROGRES
    return bases


def bilan_classe(bases: dict[str, Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(qui a fait quoi, questions les plus manquées) à partir des fichiers de progrès des élèves."""
    tables = {}
    for eleve, base in bases.items():
        try:
            tables[eleve] = progres.reponses(chemin=base)
        except PermissionError:
            raise ErreurClasse(
                f"Le fichier des progrès de « {eleve} » n'est pas lisible : lancez la commande avec sudo."
            ) from None
        except Exception as erreur:  # noqa: BLE001 — une base abîmée ne cache pas le reste de la classe
            print(f"Progrès de « {eleve} » illisibles ({erreur}) : élève ignoré.", file=sys.stderr)
            tables[eleve] = progres.reponses(chemin=Path("/nonexistent"))
    toutes = progres.fusionner(tables)
    return progres.avancement_classe(toutes, list(bases)), progres.erreurs_frequentes(toutes)


def _afficher(table: pd.DataFrame) -> str:
    if table.empty:
        return "(aucune réponse enregistrée)"
    return table.to_string(index=False)


# --- Ligne de commande ---------------------------------------------------------------------------


def _analyseur() -> argparse.ArgumentParser:
    analyseur = argparse.ArgumentParser(
        prog="python -m coursekit.classe", description=__doc__.splitlines()[0]
    )
    commandes = analyseur.add_subparsers(dest="commande", required=True)
    for nom, aide in (("lien", "le lien d'un chapitre"), ("liens", "les liens de tous les chapitres")):
        sous = commandes.add_parser(nom, help=aide)
        if nom == "lien":
            sous.add_argument("chapitre", help="numéro ou nom du chapitre : 06, kpi…")
        sous.add_argument("--hub", required=True, help="adresse du hub, par exemple https://hub.lycee.fr")
        sous.add_argument("--depot", help="dépôt git publié (par défaut : %(default)s)", default=None)
        sous.add_argument("--branche", default=None)
        sous.add_argument("--professeur", action="store_true", help="l'édition avec les corrigés")
        sous.add_argument("--voila", action="store_true", help="ouvrir dans Voilà (projection)")
    pub = commandes.add_parser("publier", help="publier une édition du cours dans un dépôt git")
    pub.add_argument("destination", type=Path)
    pub.add_argument("--edition", choices=sorted(BRANCHE), default="eleve")
    pub.add_argument("--branche", default=None)
    cpt = commandes.add_parser("comptes", help="créer les comptes d'une classe (CSV prenom;nom)")
    cpt.add_argument("fichier", type=Path)
    cpt.add_argument(
        "--liste",
        type=Path,
        default=None,
        help=f"par défaut : {LISTE_ELEVES}, ou {LISTE_PROFESSEURS} avec --professeurs",
    )
    cpt.add_argument(
        "--professeurs", action="store_true", help="comptes de professeurs (administrateurs du hub)"
    )
    bil = commandes.add_parser("bilan", help="les progrès de la classe")
    bil.add_argument("--liste", type=Path, default=LISTE_ELEVES)
    bil.add_argument("--eleves", nargs="*", help="identifiants (par défaut : la liste du hub)")
    bil.add_argument("--csv", type=Path, help="écrire aussi le tableau dans ce fichier CSV")
    return analyseur


def main(arguments: list[str] | None = None) -> int:
    args = _analyseur().parse_args(arguments)
    try:
        if args.commande in {"lien", "liens"}:
            options = {
                "depot": args.depot,
                "branche": args.branche,
                "professeur": args.professeur,
                "voila": args.voila,
            }
            if args.commande == "lien":
                print(lien(args.chapitre, args.hub, **options))
            else:
                for nom, adresse in liens(args.hub, **options):
                    print(f"{nom}\t{adresse}")
        elif args.commande == "publier":
            if shutil.which("git") is None:
                raise ErreurClasse("git n'est pas installé sur ce serveur (apt-get install git).")
            commit = publier(args.destination, args.edition, args.branche)
            branche = args.branche or BRANCHE[args.edition]
            print(
                f"Édition {args.edition} publiée dans {args.destination} (branche {branche}, commit {commit[:10]})."
            )
        elif args.commande == "comptes":
            eleves = lire_classe(args.fichier)
            if args.professeurs:
                liste = args.liste or LISTE_PROFESSEURS
                crees = creer_comptes(eleves, liste, GROUPE_PROFESSEURS)
            else:
                liste = args.liste or LISTE_ELEVES
                crees = creer_comptes(eleves, liste)
            print(f"{len(eleves)} compte(s) dans la liste du hub ({liste}), {len(crees)} créé(s) :")
            for ident, nom in eleves:
                print(f"  {ident}\t{nom}")
        elif args.commande == "bilan":
            eleves = args.eleves or lire_liste(args.liste)
            if not eleves:
                raise ErreurClasse(f"Aucun élève : la liste « {args.liste} » est vide ou absente.")
            avancement, erreurs = bilan_classe(bases_de_la_classe(eleves))
            print("Qui a fait quoi (questions réussies / questions du chapitre) :")
            print(_afficher(avancement))
            print("\nQuestions les plus manquées (élèves en erreur au moins une fois, encore faux) :")
            print(_afficher(erreurs))
            if args.csv:
                avancement.to_csv(args.csv, index=False)
    except ErreurClasse as erreur:
        print(f"Erreur : {erreur}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
