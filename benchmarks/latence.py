"""Latence des simulateurs dans Voilà + Chromium sans tête, mémoire et durée des noyaux.

    python -m benchmarks.latence                 # tous les notebooks
    python -m benchmarks.latence 06 07 -n 7      # certains chapitres, 7 touches par curseur
    python -m benchmarks.latence --suite         # mesure aussi la durée de toute la suite pytest

Pour chaque curseur de chaque simulateur : on presse une flèche (alternativement → et ←)
et on mesure, dans la page, le temps entre la touche et la page à jour : nouvelle image
chargée et phrase réécrite (le dernier des deux). Le plancher est mesuré dans la même
exécution : un ``IntSlider`` nu dont l'observateur écrit seulement un ``Label``.
Objectif : médiane de chaque simulateur ≤ 1,5 × la médiane du plancher.
Pour chaque notebook : mémoire du noyau (RSS) après exécution, objectif ≤ 150 Mo, et durée
d'ouverture (noyau démarré, toutes les cellules exécutées, widgets affichés).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import nbformat

from benchmarks._commun import RACINE, pilote
from coursekit.lanceur import chapitres, demarrer_voila, trouver_chapitre

PLANCHER = """import ipywidgets as w
curseur = w.IntSlider(value=50, min=0, max=100, readout=False, continuous_update=False, description="Plancher")
etiquette = w.Label("50")
etiquette.add_class("coursekit-message")
curseur.observe(lambda c: setattr(etiquette, "value", str(c["new"])), names="value")
boite = w.VBox([curseur, etiquette])
boite.add_class("coursekit-simulateur")
boite"""

JS_DEBUT = """(sim, [js]) => {
  const lire = eval(js); const avant = lire(sim); const m = (window.__mesure = { texte: null, avant });
  m.obs = new MutationObserver(() => {
    const maintenant = lire(sim);
    if (maintenant.message !== avant.message || maintenant.html !== avant.html) m.texte = performance.now();
  });
  m.obs.observe(sim, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__ck.chargements = [];
}"""

JS_FIN = """(sim, [js]) => {
  const lire = eval(js); const m = window.__mesure; m.obs.disconnect(); const apres = lire(sim);
  const nouvelles = apres.images.filter((s) => !m.avant.images.includes(s));
  const charges = window.__ck.chargements.filter(([s]) => nouvelles.includes(s)).map(([, t]) => t);
  const fins = [...charges]; if (m.texte !== null) fins.push(m.texte);
  const touche = window.__ck.derniereTouche;
  return { complet: fins.length ? Math.max(...fins) - touche : null, premier: fins.length ? Math.min(...fins) - touche : null,
           images: nouvelles.length, texte: m.texte !== null };
}"""


def rss_mo(pid: int) -> float:
    for ligne in Path(f"/proc/{pid}/status").read_text().splitlines():
        if ligne.startswith("VmRSS:"):
            return int(ligne.split()[1]) / 1024
    return float("nan")


def mesurer_curseurs(page, repetitions: int) -> list[dict]:
    """Une ligne par curseur : nom du simulateur, libellé, durées (ms) de chaque touche."""
    lignes = []
    sims = pilote.simulateurs(page)
    for i in range(sims.count()):
        sim = sims.nth(i)
        titre = sim.locator("h3").first.inner_text() if sim.locator("h3").count() else "Plancher"
        poignees = sim.locator(".noUi-handle")
        for j in range(poignees.count()):
            poignee = poignees.nth(j)
            poignee.scroll_into_view_if_needed()
            libelle = pilote.libelle_curseur(poignee)
            durees, premiers, sans_effet = [], [], 0
            for k in range(repetitions):
                valeur = float(poignee.get_attribute("aria-valuenow"))
                touche = "ArrowRight" if k % 2 == 0 else "ArrowLeft"
                if valeur >= float(poignee.get_attribute("aria-valuemax")):
                    touche = "ArrowLeft"
                elif valeur <= float(poignee.get_attribute("aria-valuemin")):
                    touche = "ArrowRight"
                sim.evaluate(JS_DEBUT, [pilote.JS_ETAT])
                poignee.focus()
                page.keyboard.press(touche)
                try:
                    pilote.attendre_calme(page, delai_ms=300, maximum=30)
                except Exception:  # noqa: BLE001
                    pass
                resultat = sim.evaluate(JS_FIN, [pilote.JS_ETAT])
                if resultat["complet"] is None:
                    sans_effet += 1
                else:
                    durees.append(resultat["complet"])
                    premiers.append(resultat["premier"])
            lignes.append(
                {
                    "simulateur": titre,
                    "curseur": libelle,
                    "durees": durees,
                    "premiers": premiers,
                    "sans_effet": sans_effet,
                }
            )
    return lignes


def p95(valeurs: list[float]) -> float:
    if len(valeurs) < 2:
        return valeurs[0] if valeurs else float("nan")
    return statistics.quantiles(valeurs, n=20, method="inclusive")[-1]


def mesurer_plancher(navigateur, repetitions: int) -> list[float]:
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "plancher.ipynb"
        carnet = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PLANCHER)])
        carnet.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(carnet, chemin)
        serveur = demarrer_voila(notebook=chemin, journal=Path(dossier) / "voila.log")
        try:
            page = pilote.nouvelle_page(navigateur)
            page.goto(serveur.url + "/", wait_until="commit")
            page.wait_for_function(
                "() => !document.querySelector('#loading') && document.querySelector('.noUi-handle')"
            )
            pilote.attendre_widgets(page, 1)
            lignes = mesurer_curseurs(page, repetitions)
            page.context.close()
        finally:
            serveur.arreter()
    return lignes[0]["durees"]


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m benchmarks.latence", description=__doc__.splitlines()[0]
    )
    analyseur.add_argument("chapitres", nargs="*", help="numéros ou noms (par défaut : tous)")
    analyseur.add_argument("-n", "--repetitions", type=int, default=5, help="touches par curseur (5)")
    analyseur.add_argument("--suite", action="store_true", help="chronométrer aussi toute la suite pytest")
    analyseur.add_argument("--json", type=Path, help="écrire aussi les mesures brutes dans ce fichier")
    options = analyseur.parse_args(arguments)
    notebooks = [trouver_chapitre(c) for c in options.chapitres] or chapitres()

    from playwright.sync_api import sync_playwright

    print(f"Mesures du {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node()}, {plateforme()}")
    resultats = {"notebooks": {}, "plancher": []}
    with sync_playwright() as playwright:
        navigateur = pilote.lancer_chromium(playwright)
        resultats["plancher"] += mesurer_plancher(navigateur, max(options.repetitions, 10))
        with tempfile.TemporaryDirectory() as dossier:
            serveur = demarrer_voila(journal=Path(dossier) / "voila.log")
            try:
                for chemin in notebooks:
                    attendu = pilote.attendu(chemin)
                    avant = set(serveur.noyaux())
                    page = pilote.nouvelle_page(navigateur)
                    duree = pilote.ouvrir_voila(page, serveur.url, chemin.name, attendu.vues)
                    noyaux = [p for p in serveur.noyaux() if p not in avant]
                    memoire = max((rss_mo(p) for p in noyaux), default=float("nan"))
                    lignes = mesurer_curseurs(page, options.repetitions)
                    page.context.close()
                    resultats["notebooks"][chemin.stem] = {
                        "ouverture_s": duree,
                        "rss_mo": memoire,
                        "curseurs": lignes,
                    }
                    print(f"  {chemin.stem} : {len(lignes)} curseurs mesurés", flush=True)
            finally:
                serveur.arreter()
        resultats["plancher"] += mesurer_plancher(navigateur, max(options.repetitions, 10))
        navigateur.close()
    afficher(resultats)
    if options.suite:
        debut = time.monotonic()
        code = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=RACINE).returncode
        print(f"\nSuite complète (pytest) : {time.monotonic() - debut:.0f} s, code de sortie {code}")
    if options.json:
        options.json.write_text(json.dumps(resultats, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def plateforme() -> str:
    try:
        modele = next(
            ligne.split(":", 1)[1].strip()
            for ligne in Path("/proc/cpuinfo").read_text().splitlines()
            if ligne.startswith("model name")
        )
    except (OSError, StopIteration):
        modele = platform.processor() or platform.machine()
    import os

    return f"{os.cpu_count()} cœurs {modele}, Python {platform.python_version()}"


def afficher(resultats: dict) -> None:
    plancher = resultats["plancher"]
    med_plancher = statistics.median(plancher)
    limite = 1.5 * med_plancher
    print(
        f"\nPlancher (IntSlider → Label) : médiane {med_plancher:.0f} ms, p95 {p95(plancher):.0f} ms "
        f"({len(plancher)} touches) ; objectif des simulateurs : médiane ≤ {limite:.0f} ms\n"
    )
    print(f"{'notebook':<22} {'simulateur':<40} {'curseur':<34} {'méd.':>6} {'p95':>6}  {'1er':>5}  ok")
    for nom, donnees in resultats["notebooks"].items():
        for ligne in donnees["curseurs"]:
            d = ligne["durees"]
            med = statistics.median(d) if d else float("nan")
            premier = statistics.median(ligne["premiers"]) if ligne["premiers"] else float("nan")
            ok = "oui" if d and med <= limite else "NON"
            note = f"  ({ligne['sans_effet']} touches sans effet)" if ligne["sans_effet"] else ""
            print(
                f"{nom:<22} {ligne['simulateur'][:40]:<40} {ligne['curseur'][:34]:<34} "
                f"{med:>6.0f} {p95(d):>6.0f}  {premier:>5.0f}  {ok}{note}"
            )
    print(f"\n{'notebook':<22} {'simulateur':<40} {'méd.':>6} {'p95':>6}  × plancher")
    for nom, donnees in resultats["notebooks"].items():
        par_sim: dict[str, list[float]] = {}
        for ligne in donnees["curseurs"]:
            par_sim.setdefault(ligne["simulateur"], []).extend(ligne["durees"])
        for sim, d in par_sim.items():
            if d:
                med = statistics.median(d)
                print(f"{nom:<22} {sim[:40]:<40} {med:>6.0f} {p95(d):>6.0f}  {med / med_plancher:>5.2f}")
    print(f"\n{'notebook':<22} {'ouverture (s)':>14} {'RSS noyau (Mo)':>15}  ≤ 150 Mo")
    for nom, donnees in resultats["notebooks"].items():
        ok = "oui" if donnees["rss_mo"] <= 150 else "NON"
        print(f"{nom:<22} {donnees['ouverture_s']:>14.1f} {donnees['rss_mo']:>15.0f}  {ok}")


if __name__ == "__main__":
    sys.exit(main())
