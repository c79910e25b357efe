"""Une classe entière sur le JupyterHub de ``classe/`` : N élèves qui se connectent en même temps.

    python -m benchmarks.classe              # 35 élèves, chapitre 06 (root : crée puis supprime les comptes)
    python -m benchmarks.classe -n 10 --touches 5

Mesures :

- **durée jusqu'au chapitre utilisable** : tous les élèves se connectent au même instant ; pour
  chacun, temps jusqu'à ce que son serveur réponde, que le cours soit tiré (lien nbgitpuller) et
  que toutes les cellules du chapitre aient été exécutées dans son noyau ;
- **latence d'un curseur sous charge** : ensuite, tous les élèves bougent en même temps le
  curseur « Taux de clic » du simulateur « Campagne » ; mesure entre l'envoi de la nouvelle
  valeur (le message qu'envoie le navigateur) et la réception de la nouvelle image (médiane, p95) ;
- **mémoire** : hub et proxy, serveurs Jupyter des élèves, noyaux (RSS, lue dans /proc).

Ce n'est pas un test : rien n'échoue, les chiffres vont dans le README (« Une classe sur un hub »).
Tout est borné : ``--delai`` secondes au plus par élève et par étape.
"""

from __future__ import annotations

import argparse
import json
import platform
import pwd
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "tests" / "hub"))

import pilote_hub as ph  # noqa: E402

MOT_DE_PASSE = "banc-de-charge-2026"

CODE_SIMULATEUR = """
from coursekit.widgets.kpi import SimulateurCampagne
_banc = SimulateurCampagne()
print(_banc.taux_clic.curseur.model_id, _banc.graphique.model_id)
"""


def rss_mo(pids) -> float:
    total = 0
    for pid in pids:
        try:
            for ligne in Path(f"/proc/{pid}/status").read_text().splitlines():
                if ligne.startswith("VmRSS:"):
                    total += int(ligne.split()[1])
        except OSError:
            pass
    return total / 1024


def processus_de(uid: int) -> dict[str, list[int]]:
    """Les processus d'un compte, rangés en serveurs Jupyter et noyaux."""
    rangement: dict[str, list[int]] = {"serveurs": [], "noyaux": []}
    for dossier in Path("/proc").iterdir():
        if not dossier.name.isdigit():
            continue
        try:
            if dossier.stat().st_uid != uid:
                continue
            ligne = (dossier / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if "ipykernel" in ligne:
            rangement["noyaux"].append(int(dossier.name))
        elif "jupyterhub-singleuser" in ligne:
            rangement["serveurs"].append(int(dossier.name))
    return rangement


def percentile(valeurs, q):
    valeurs = sorted(valeurs)
    return valeurs[min(len(valeurs) - 1, int(round(q * (len(valeurs) - 1))))]


def main(arguments=None) -> int:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("-n", type=int, default=35, help="nombre d'élèves")
    analyseur.add_argument("--touches", type=int, default=10, help="mouvements de curseur par élève")
    analyseur.add_argument("--delai", type=float, default=600, help="secondes au plus par étape")
    analyseur.add_argument("--json", type=Path, help="écrire les mesures dans ce fichier")
    args = analyseur.parse_args(arguments)

    venv = ph.installer()
    dossier = ph.INSTALLATION / f"banc-{uuid.uuid4().hex[:8]}"
    dossier.mkdir(parents=True)
    dossier.chmod(0o755)
    noms = [f"eleve{i:02d}.ckbanc" for i in range(1, args.n + 1)]
    csv = "identifiant\n" + "".join(f"{n}\n" for n in noms)
    comptes = []
    hub = None
    try:
        comptes = ph.creer_classe(csv, dossier / "eleves.txt")
        (dossier / "professeurs.txt").write_text("")
        depot = dossier / "eleve.git"
        subprocess.run(
            [sys.executable, "-m", "coursekit.classe", "publier", str(depot)],
            check=True,
            env=ph._env_python(),
        )
        lien = subprocess.run(
            [
                sys.executable,
                "-m",
                "coursekit.classe",
                "lien",
                "06",
                "--hub",
                "http://127.0.0.1:1",
                "--depot",
                f"file://{depot}",
            ],
            check=True,
            capture_output=True,
            text=True,
            env=ph._env_python(),
        ).stdout.strip()
        hub = ph.Hub(
            venv, dossier / "etat", dossier / "eleves.txt", dossier / "professeurs.txt", depots=(depot,)
        )
        debut_hub = time.monotonic()
        hub.demarrer()
        duree_hub = time.monotonic() - debut_hub
        lien = lien.replace("http://127.0.0.1:1", hub.url)

        depart = threading.Barrier(args.n)
        etapes: dict[str, dict] = {}
        noyaux: dict[str, ph.Noyau] = {}

        def eleve_arrive(nom: str) -> None:
            eleve = ph.Eleve(hub, nom, MOT_DE_PASSE)
            depart.wait()
            t0 = time.monotonic()
            mesures = etapes.setdefault(nom, {})
            eleve.se_connecter()
            eleve.creer_jeton()
            eleve.demarrer_serveur(delai=args.delai)
            mesures["serveur"] = time.monotonic() - t0
            eleve.tirer(lien)
            mesures["cours_tire"] = time.monotonic() - t0
            carnet = eleve.api("GET", "contents/marketing-digital/06-kpi.ipynb").json()["content"]
            noyau = eleve.ouvrir_noyau("marketing-digital/06-kpi.ipynb")
            for cellule in carnet["cells"]:
                if cellule["cell_type"] == "code":
                    sortie = noyau.executer(cellule["source"], delai=args.delai)
                    if sortie["erreur"]:
                        raise RuntimeError(f"{nom} : {sortie['erreur']}")
            mesures["chapitre_utilisable"] = time.monotonic() - t0
            ids = noyau.executer(CODE_SIMULATEUR)["texte"].split()
            mesures["ids"] = ids
            noyaux[nom] = noyau

        print(f"{args.n} élèves se connectent en même temps…", flush=True)
        with ThreadPoolExecutor(max_workers=args.n) as groupe:
            futurs = [groupe.submit(eleve_arrive, n) for n in noms]
            erreurs = [f.exception() for f in futurs]
        echecs = [str(e) for e in erreurs if e]
        prets = [n for n in noms if "chapitre_utilisable" in etapes.get(n, {})]

        # Latence sous charge : tous les élèves bougent le curseur en même temps.
        latences: list[float] = []
        verrou = threading.Lock()
        depart_curseurs = threading.Barrier(len(prets)) if prets else None

        def bouger(nom: str) -> None:
            noyau = noyaux[nom]
            curseur, image = etapes[nom]["ids"]
            depart_curseurs.wait()
            for k in range(args.touches):
                valeur = 2.0 + 0.1 * ((k % 5) + 1) * (1 if k % 2 else -1)
                t = time.monotonic()
                noyau.envoyer_comm(curseur, {"value": round(valeur, 1)})
                noyau.attendre_comm(image, "value", delai=args.delai)
                with verrou:
                    latences.append((time.monotonic() - t) * 1000)

        with ThreadPoolExecutor(max_workers=max(1, len(prets))) as groupe:
            erreurs_curseurs = [f.exception() for f in [groupe.submit(bouger, n) for n in prets]]
        echecs += [f"curseur : {e}" for e in erreurs_curseurs if e]

        # Mémoire, avec tous les noyaux encore ouverts.
        serveurs, noyaux_pids = [], []
        for nom in noms:
            p = processus_de(pwd.getpwnam(nom).pw_uid)
            serveurs += p["serveurs"]
            noyaux_pids += p["noyaux"]
        proxy = hub.pid_proxy()
        utilisables = [etapes[n]["chapitre_utilisable"] for n in prets]
        resultat = {
            "eleves": args.n,
            "chapitre_utilisable_pour": len(prets),
            "machine": f"{platform.processor() or platform.machine()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cœurs",
            "demarrage_hub_s": round(duree_hub, 1),
            "serveur_pret_s_median": round(statistics.median(etapes[n]["serveur"] for n in prets), 1)
            if prets
            else None,
            "chapitre_utilisable_s_median": round(statistics.median(utilisables), 1) if utilisables else None,
            "chapitre_utilisable_s_dernier": round(max(utilisables), 1) if utilisables else None,
            "curseur_ms_median": round(statistics.median(latences)) if latences else None,
            "curseur_ms_p95": round(percentile(latences, 0.95)) if latences else None,
            "mouvements_mesures": len(latences),
            "memoire_hub_et_proxy_mo": round(rss_mo([hub.processus.pid] + ([proxy] if proxy else []))),
            "memoire_serveurs_mo": round(rss_mo(serveurs)),
            "memoire_noyaux_mo": round(rss_mo(noyaux_pids)),
            "memoire_par_eleve_mo": round((rss_mo(serveurs) + rss_mo(noyaux_pids)) / max(1, len(prets))),
            "echecs": echecs[:5],
        }
        print(json.dumps(resultat, indent=2, ensure_ascii=False))
        if args.json:
            args.json.write_text(json.dumps(resultat, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for noyau in noyaux.values():
            try:
                noyau.ws.close()
            except Exception:  # noqa: BLE001
                pass
    finally:
        if hub is not None:
            hub.arreter()
        ph.supprimer_comptes(comptes)
        subprocess.run(["rm", "-rf", str(dossier)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
