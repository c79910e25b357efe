"""Mémoire d'un noyau après l'exécution de chaque chapitre, à côté d'un noyau nu.

    python -m benchmarks.memoire                 # tous les chapitres (00 à 10)
    python -m benchmarks.memoire 00 06           # certains chapitres
    python -m benchmarks.memoire --detail        # et les bibliothèques qui pèsent le plus

Chaque chapitre s'exécute en entier (toutes les cellules, solutions comprises, comme dans
Voilà) dans un noyau neuf lancé comme le cours lance les siens : environnement de
:func:`coursekit.lanceur.environnement`, donc avec le script de démarrage IPython du cours
(:mod:`coursekit.demarrage`). On lit ensuite la mémoire résidente du noyau (``VmRSS`` de
``/proc/<pid>/status``), puis de nouveau après un ``gc.collect()`` dans le noyau (ce qu'un
cycle de ramasse-miettes aurait libéré de toute façon). Le noyau nu, mesuré de la même
façon dans la même exécution, importe seulement ipywidgets et affiche un curseur ; il est
mesuré deux fois : avec le script de démarrage du cours (la base de tout chapitre) et sans.

Avec ``--detail`` : les bibliothèques (hors bibliothèque standard) que le chapitre a
importées en plus du noyau nu, avec le coût de chacune importée seule dans un Python neuf
(au-dessus d'un Python qui a déjà ipykernel et ipywidgets) ; les coûts se recouvrent
(pandas et matplotlib partagent numpy), ils disent qui pèse, pas une somme exacte.

Objectif : ≤ 150 Mo après exécution, pour chaque chapitre.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from benchmarks._mesures import plateforme, rss_mo
from coursekit.editions import KERNELSPEC
from coursekit.lanceur import chapitres, environnement, trouver_chapitre

OBJECTIF_MO = 150
NOYAU_NU = "import ipywidgets as w\nw.IntSlider(value=50, description='Nu')"
MODULES = (
    "import sys, json\n"
    "print(json.dumps(sorted({n.split('.')[0] for n in list(sys.modules)} - set(sys.stdlib_module_names))))"
)
# Coût d'une bibliothèque importée seule, au-dessus d'un Python qui a déjà le noyau nu ; les
# bibliothèques que le chapitre n'a pas importées restent introuvables (un import facultatif
# qu'un module du cours écarte ne compte pas).
COUT_IMPORT = """\
import importlib, json, pkgutil, sys
import ipykernel.ipkernel, ipywidgets
permis = set(json.loads(sys.argv[2]))
for m in pkgutil.iter_modules():
    if m.name not in permis and m.name not in sys.modules and m.name not in sys.stdlib_module_names:
        sys.modules[m.name] = None
def rss():
    for l in open('/proc/self/status'):
        if l.startswith('VmRSS:'):
            return int(l.split()[1]) / 1024
avant = rss()
importlib.import_module(sys.argv[1])
print(rss() - avant)
"""


async def _executer(carnet, dossier: Path, demarrage_du_cours: bool = True) -> dict:
    """Exécute toutes les cellules dans un noyau du cours (ou, sans ``demarrage_du_cours``, un noyau
    sans le script de démarrage du cours) ; rend les mémoires mesurées et les modules importés."""
    env = environnement(projecteur=False)
    if not demarrage_du_cours:
        env.pop("IPYTHONDIR")
    carnet.metadata["kernelspec"] = KERNELSPEC
    client = NotebookClient(
        carnet,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(dossier)}},
    )
    async with client.async_setup_kernel(env=env, stderr=subprocess.DEVNULL):
        pid = client.km.provisioner.pid
        for index, cellule in enumerate(carnet.cells):
            await client.async_execute_cell(cellule, index)
        rss = rss_mo(pid)
        suite = [nbformat.v4.new_code_cell("import gc\ngc.collect()"), nbformat.v4.new_code_cell(MODULES)]
        carnet.cells.extend(suite)
        for index, cellule in enumerate(suite, start=len(carnet.cells) - len(suite)):
            await client.async_execute_cell(cellule, index)
        rss_gc = rss_mo(pid)
    texte = "".join(s.get("text", "") for s in suite[1].outputs if s.get("output_type") == "stream")
    return {"rss_mo": rss, "rss_gc_mo": rss_gc, "modules": json.loads(texte)}


def mesurer(chemin: Path) -> dict:
    """Les mesures d'un chapitre (notebook exécuté dans son dossier, comme nbval et Voilà)."""
    carnet = nbformat.read(chemin, as_version=4)
    return asyncio.run(_executer(carnet, chemin.parent))


def mesurer_noyau_nu(demarrage_du_cours: bool = True) -> dict:
    """Un noyau qui importe seulement ipywidgets et affiche un curseur."""
    carnet = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(NOYAU_NU)])
    return asyncio.run(_executer(carnet, Path.cwd(), demarrage_du_cours))


def cout_import(module: str, permis: list[str], cache: dict) -> float:
    """Mo pris par ``import module`` seul, au-dessus d'un Python qui a déjà le noyau nu
    (seules les bibliothèques de ``permis`` sont importables)."""
    cle = (module, tuple(permis))
    if cle not in cache:
        sortie = subprocess.run(
            [sys.executable, "-c", COUT_IMPORT, module, json.dumps(permis)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        try:
            cache[cle] = float(sortie.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            cache[cle] = float("nan")
    return cache[cle]


def detail(modules: list[str], nu: list[str], cache: dict, seuil: float = 1.0) -> str:
    """Les bibliothèques importées en plus du noyau nu qui pèsent au moins ``seuil`` Mo, les plus lourdes d'abord."""
    couts = [(cout_import(m, modules, cache), m) for m in modules if m not in nu and not m.startswith("_")]
    lourdes = sorted(((c, m) for c, m in couts if c >= seuil), reverse=True)
    return ", ".join(f"{m} {c:.0f}" for c, m in lourdes) or "—"


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m benchmarks.memoire", description=__doc__.splitlines()[0]
    )
    analyseur.add_argument("chapitres", nargs="*", help="numéros ou noms (par défaut : tous)")
    analyseur.add_argument(
        "--detail", action="store_true", help="lister les bibliothèques importées qui pèsent le plus"
    )
    analyseur.add_argument("--json", type=Path, help="écrire aussi les mesures brutes dans ce fichier")
    options = analyseur.parse_args(arguments)
    carnets = [trouver_chapitre(c) for c in options.chapitres] or chapitres()

    print(f"Mesures du {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {plateforme()}", flush=True)
    nu = mesurer_noyau_nu()
    sans_demarrage = mesurer_noyau_nu(demarrage_du_cours=False)
    resultats = {"noyau_nu": nu, "noyau_nu_sans_demarrage": sans_demarrage, "chapitres": {}}
    cache: dict = {}
    entete = f"{'chapitre':<40} {'RSS exécuté (Mo)':>16} {'après gc (Mo)':>14}  ≤ {OBJECTIF_MO} Mo"
    print(entete + ("  bibliothèques importées (Mo, chacune seule)" if options.detail else ""))
    for titre, mesure in (
        ("noyau nu, sans le démarrage du cours", sans_demarrage),
        ("noyau nu (ipykernel + ipywidgets)", nu),
    ):
        print(f"{titre:<40} {mesure['rss_mo']:>16.0f} {mesure['rss_gc_mo']:>14.0f}", flush=True)
    for chemin in carnets:
        try:
            mesure = mesurer(chemin)
        except CellExecutionError as erreur:
            print(
                f"{chemin.stem:<40} une cellule a échoué : {str(erreur).strip().splitlines()[-1]}", flush=True
            )
            resultats["chapitres"][chemin.stem] = {"erreur": str(erreur), "rss_mo": float("nan")}
            continue
        resultats["chapitres"][chemin.stem] = mesure
        ok = "oui" if mesure["rss_mo"] <= OBJECTIF_MO else "NON"
        ligne = f"{chemin.stem:<40} {mesure['rss_mo']:>16.0f} {mesure['rss_gc_mo']:>14.0f}  {ok:>9}"
        if options.detail:
            ligne += "  " + detail(mesure["modules"], nu["modules"], cache)
        print(ligne, flush=True)
    if options.json:
        options.json.write_text(json.dumps(resultats, indent=1, ensure_ascii=False), encoding="utf-8")
    # nan (chapitre en échec) compte comme un objectif manqué
    return 0 if all(m["rss_mo"] <= OBJECTIF_MO for m in resultats["chapitres"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
