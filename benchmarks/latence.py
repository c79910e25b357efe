"""Réactivité des simulateurs dans Voilà + Chromium sans tête, mémoire et durée des noyaux.

    python -m benchmarks.latence                 # tous les notebooks
    python -m benchmarks.latence 06 07 -n 7      # certains chapitres, 7 touches par curseur
    python -m benchmarks.latence --suite         # mesure aussi la durée de toute la suite pytest

Pour chaque curseur de chaque simulateur, deux gestes réels :

- **glisser** : la souris saisit la poignée (``mouse.down``), la déplace pendant 1,2 s en
  ~40 pas, puis la lâche (``mouse.up``). On compte les mises à jour de la page (nouvelle
  image chargée ou phrase réécrite) pendant que le bouton est tenu (mises à jour par
  seconde), le temps entre le lâcher et le dernier changement (lâcher → état final), et
  on vérifie que l'état final est celui de la position finale du curseur (une touche →
  puis ← ramène le curseur au même endroit : la phrase doit être la même) ;
- **touche** : une flèche (alternativement → et ←) ; temps entre la touche et la page à
  jour (nouvelle image chargée et phrase réécrite, le dernier des deux).

Le plancher est mesuré dans la même exécution, avant et après les chapitres : un
``IntSlider`` nu (``continuous_update=True``) dont l'observateur écrit seulement un ``Label``,
avec les mêmes gestes. Son noyau donne aussi la mémoire d'un noyau nu (ipykernel + ipywidgets).
Objectifs : ≥ 15 mises à jour par seconde en glissant, lâcher → état final ≤ 150 ms en
médiane et ≤ 250 ms au pire, médiane des touches ≤ 1,5 × celle du plancher ; pour chaque
notebook, mémoire du noyau (RSS) ≤ 150 Mo après exécution et après les gestes.
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
from benchmarks._mesures import plateforme, rss_mo
from coursekit.lanceur import chapitres, demarrer_voila, trouver_chapitre

PLANCHER = """import ipywidgets as w
curseur = w.IntSlider(value=50, min=0, max=100, readout=False, continuous_update=True, description="Plancher")
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


def mesurer_curseurs(page, repetitions: int, glisse: bool = True) -> list[dict]:
    """Une ligne par curseur : nom du simulateur, libellé, geste glissé, durées (ms) de chaque touche."""
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
            geste = glisser(page, sim, poignee) if glisse else None
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
                    "glisser": geste,
                }
            )
    return lignes


JS_GLISSER_DEBUT = """(sim, [js]) => {
  const lire = eval(js); const ck = window.__ck;
  const texte = (e) => e.message + '\\n' + e.html;
  const g = (window.__glisser = { enfonce: null, lache: null, textes: [], dernier: texte(lire(sim)),
                                  avant: lire(sim).images });
  g.bas = (e) => { if (g.enfonce === null) g.enfonce = performance.now(); };
  g.haut = (e) => { g.lache = performance.now(); ck.derniereTouche = g.lache; };
  document.addEventListener('pointerdown', g.bas, true);
  document.addEventListener('pointerup', g.haut, true);
  g.obs = new MutationObserver(() => {
    const t = texte(lire(sim));
    if (t !== g.dernier) { g.dernier = t; g.textes.push(performance.now()); }
  });
  g.obs.observe(sim, { subtree: true, childList: true, characterData: true, attributes: true });
  ck.chargements = [];
}"""

JS_GLISSER_FIN = """(sim, [js]) => {
  const lire = eval(js); const g = window.__glisser; const ck = window.__ck; g.obs.disconnect();
  document.removeEventListener('pointerdown', g.bas, true);
  document.removeEventListener('pointerup', g.haut, true);
  const images = new Set(Array.from(sim.querySelectorAll('img')).map((i) => i.src));
  const charges = ck.chargements.filter(([s]) => !g.avant.includes(s)).map(([, t]) => t);
  const pendant = (l) => l.filter((t) => t >= g.enfonce && t <= g.lache).length;
  const tous = [...charges, ...g.textes];
  const final = tous.length ? Math.max(...tous) : null;
  return { enfonce: g.enfonce, lache: g.lache, duree: g.lache - g.enfonce,
           images: pendant(charges), textes: pendant(g.textes),
           final: final === null ? null : Math.max(0, final - g.lache), etat: g.dernier };
}"""

JS_TEXTE = "(sim) => { const e = (" + pilote.JS_ETAT + ")(sim); return e.message + '\\n' + e.html; }"


def glisser(page, sim, poignee, duree_ms: int = 1200, pas: int = 40) -> dict:
    """Glisse la poignée à la souris pendant ``duree_ms`` ; rend les mesures du geste."""
    boite = poignee.bounding_box()
    piste = poignee.locator("xpath=ancestor::*[contains(@class, 'noUi-target')][1]").bounding_box()
    x0, y0 = boite["x"] + boite["width"] / 2, boite["y"] + boite["height"] / 2
    # vers le côté où il y a le plus de place, sur 40 % de la piste
    sens = 1 if x0 < piste["x"] + piste["width"] / 2 else -1
    distance = sens * 0.4 * piste["width"]
    sim.evaluate(JS_GLISSER_DEBUT, [pilote.JS_ETAT])
    page.mouse.move(x0, y0)
    page.mouse.down()
    debut = time.monotonic()
    for i in range(1, pas + 1):
        page.mouse.move(x0 + distance * i / pas, y0)
        reste = debut + duree_ms / 1000 * i / pas - time.monotonic()
        if reste > 0:
            page.wait_for_timeout(reste * 1000)
    page.mouse.up()
    try:
        pilote.attendre_calme(page, delai_ms=400, maximum=30)
    except Exception:  # noqa: BLE001
        pass
    resultat = sim.evaluate(JS_GLISSER_FIN, [pilote.JS_ETAT])
    resultat["par_seconde"] = max(resultat["images"], resultat["textes"]) / (resultat["duree"] / 1000)
    # L'état final est-il celui de la position finale ? Une touche → puis ← (ou l'inverse)
    # ramène le curseur au même endroit : la phrase recalculée doit être la même.
    valeur = float(poignee.get_attribute("aria-valuenow"))
    aller = "ArrowLeft" if valeur >= float(poignee.get_attribute("aria-valuemax")) else "ArrowRight"
    retour = "ArrowRight" if aller == "ArrowLeft" else "ArrowLeft"
    poignee.focus()
    for touche in (aller, retour):
        page.keyboard.press(touche)
        try:
            pilote.attendre_calme(page, delai_ms=300, maximum=30)
        except Exception:  # noqa: BLE001
            pass
    resultat["coherent"] = sim.evaluate(JS_TEXTE) == resultat.pop("etat")
    return resultat


def p95(valeurs: list[float]) -> float:
    if len(valeurs) < 2:
        return valeurs[0] if valeurs else float("nan")
    return statistics.quantiles(valeurs, n=20, method="inclusive")[-1]


def mesurer_plancher(navigateur, repetitions: int) -> dict:
    """Le plancher : mêmes gestes sur un curseur nu ; et la mémoire d'un noyau nu."""
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
            memoire = max((rss_mo(p) for p in serveur.noyaux()), default=float("nan"))
            ligne = mesurer_curseurs(page, repetitions)[0]
            page.context.close()
        finally:
            serveur.arreter()
    ligne["rss_mo"] = memoire
    return ligne


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
        resultats["plancher"].append(mesurer_plancher(navigateur, max(options.repetitions, 10)))
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
                    memoire_apres = max((rss_mo(p) for p in noyaux), default=float("nan"))
                    page.context.close()
                    resultats["notebooks"][chemin.stem] = {
                        "ouverture_s": duree,
                        "rss_mo": memoire,
                        "rss_apres_mo": memoire_apres,
                        "curseurs": lignes,
                    }
                    print(f"  {chemin.stem} : {len(lignes)} curseurs mesurés", flush=True)
            finally:
                serveur.arreter()
        resultats["plancher"].append(mesurer_plancher(navigateur, max(options.repetitions, 10)))
        navigateur.close()
    afficher(resultats)
    if options.suite:
        debut = time.monotonic()
        code = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=RACINE).returncode
        print(f"\nSuite complète (pytest) : {time.monotonic() - debut:.0f} s, code de sortie {code}")
    if options.json:
        options.json.write_text(json.dumps(resultats, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def _mediane(valeurs: list[float]) -> float:
    return statistics.median(valeurs) if valeurs else float("nan")


def afficher(resultats: dict) -> None:
    planchers = resultats["plancher"]
    touches = [d for p in planchers for d in p["durees"]]
    med_plancher = statistics.median(touches)
    limite = 1.5 * med_plancher
    gestes = [p["glisser"] for p in planchers]
    print(
        f"\nPlancher (IntSlider nu → Label) : touche médiane {med_plancher:.0f} ms, p95 {p95(touches):.0f} ms "
        f"({len(touches)} touches) ; en glissant "
        + ", ".join(f"{g['par_seconde']:.0f}/s" for g in gestes)
        + " ; lâcher → final "
        + ", ".join(f"{g['final']:.0f} ms" if g["final"] is not None else "?" for g in gestes)
        + " ; noyau nu "
        + ", ".join(f"{p['rss_mo']:.0f} Mo" for p in planchers)
        + f"\nObjectifs : ≥ 15 mises à jour/s en glissant ; lâcher → final ≤ 150 ms (médiane), ≤ 250 ms (pire) ; "
        f"touche médiane ≤ {limite:.0f} ms (1,5 × plancher)\n"
    )
    print(
        f"{'notebook':<20} {'simulateur':<34} {'curseur':<28} {'/s':>4} {'lâcher':>6} {'cohér.':>6} "
        f"{'touche':>6} {'p95':>5}"
    )
    for nom, donnees in resultats["notebooks"].items():
        for ligne in donnees["curseurs"]:
            d, g = ligne["durees"], ligne["glisser"]
            final = f"{g['final']:.0f}" if g["final"] is not None else "—"
            note = f"  ({ligne['sans_effet']} touches sans effet)" if ligne["sans_effet"] else ""
            print(
                f"{nom:<20} {ligne['simulateur'][:34]:<34} {ligne['curseur'][:28]:<28} {g['par_seconde']:>4.0f} "
                f"{final:>6} {'oui' if g['coherent'] else 'NON':>6} {_mediane(d):>6.0f} {p95(d):>5.0f}{note}"
            )
    print(
        f"\n{'notebook':<20} {'simulateur':<34} {'/s min':>6} {'lâcher méd.':>11} {'pire':>5} "
        f"{'touche méd.':>11} {'p95':>5} {'× plancher':>10}  objectifs"
    )
    for nom, donnees in resultats["notebooks"].items():
        par_sim: dict[str, list[dict]] = {}
        for ligne in donnees["curseurs"]:
            par_sim.setdefault(ligne["simulateur"], []).append(ligne)
        for sim, lignes in par_sim.items():
            d = [x for ligne in lignes for x in ligne["durees"]]
            vitesse = min(ligne["glisser"]["par_seconde"] for ligne in lignes)
            finals = [ligne["glisser"]["final"] or 0.0 for ligne in lignes]
            coherent = all(ligne["glisser"]["coherent"] for ligne in lignes)
            med = _mediane(d)
            atteints = [
                vitesse >= 15,
                _mediane(finals) <= 150 and max(finals) <= 250,
                med <= limite,
                coherent,
            ]
            marques = " ".join(
                ("✔" if ok else "✘") + n
                for ok, n in zip(atteints, ("/s", "lâcher", "touche", "cohérent"), strict=True)
            )
            print(
                f"{nom:<20} {sim[:34]:<34} {vitesse:>6.1f} {_mediane(finals):>11.0f} {max(finals):>5.0f} "
                f"{med:>11.0f} {p95(d):>5.0f} {med / med_plancher:>10.2f}  {marques}"
            )
    print(f"\n{'notebook':<22} {'ouverture (s)':>14} {'RSS exécuté (Mo)':>17} {'après gestes':>13}  ≤ 150 Mo")
    for nom, donnees in resultats["notebooks"].items():
        pire = max(donnees["rss_mo"], donnees["rss_apres_mo"])
        ok = "oui" if pire <= 150 else "NON"
        print(
            f"{nom:<22} {donnees['ouverture_s']:>14.1f} {donnees['rss_mo']:>17.0f} "
            f"{donnees['rss_apres_mo']:>13.0f}  {ok}"
        )


if __name__ == "__main__":
    sys.exit(main())
