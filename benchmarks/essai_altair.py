"""Essai (issue 11) : le simulateur « Campagne » dessiné par Altair dans le navigateur, face à matplotlib.

    pip install altair vl-convert-python anywidget   # pas des dépendances du cours
    python -m benchmarks.essai_altair

Une page Voilà contient deux simulateurs aux mêmes curseurs et à la même phrase : l'un
dessine le graphique de la campagne avec matplotlib (image PNG envoyée à chaque geste,
le chemin du cours), l'autre avec ``altair.JupyterChart`` (le noyau n'envoie que trois
nombres, Vega redessine dans le navigateur). Les mêmes gestes que ``benchmarks.latence``
(glisser à la souris, flèches) sont mesurés sur les deux, dans la même exécution ; on
mesure aussi dans le noyau la mémoire et la durée de l'import d'Altair, du mode hors ligne
et de l'export PNG par ``vl-convert``. Rien de ceci n'est utilisé par le cours.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import nbformat

from benchmarks._commun import pilote
from benchmarks.latence import mesurer_curseurs, p95, rss_mo
from coursekit.lanceur import demarrer_voila

CELLULES = [
    # 1. le chemin du cours (matplotlib), restreint à un curseur
    """import time
_rss = lambda: int([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1]) / 1024
import coursekit as ck
from coursekit.widgets.kpi import SimulateurCampagne

class CampagneMatplotlib(SimulateurCampagne):
    titre = "Campagne (matplotlib)"

avant = _rss()
mpl_sim = CampagneMatplotlib()
mpl_sim""",
    # 2. la même chose dessinée par Altair dans le navigateur
    """t = time.perf_counter(); r = _rss()
import altair as alt
import vl_convert as vlc
alt.JupyterChart.enable_offline()
cout_import = (time.perf_counter() - t, _rss() - r)

depense, ca, marge, haut = (alt.param(name=n, value=v) for n, v in
                            (("depense", 1000.0), ("ca", 1750.0), ("marge", 437.5), ("haut", 2100.0)))
donnees = alt.Data(values=[{"poste": "Dépense"}, {"poste": "Chiffre d'affaires"}, {"poste": "Marge"}])
base = alt.Chart(donnees).transform_calculate(
    montant="datum.poste == 'Dépense' ? depense : (datum.poste == 'Marge' ? marge : ca)"
).encode(x=alt.X("poste:N", sort=None, title=None, axis=alt.Axis(labelAngle=0)))
barres = base.mark_bar().encode(
    y=alt.Y("montant:Q", title="Montant", axis=alt.Axis(format=",.0f"), scale=alt.Scale(domainMax={"expr": "haut"})),
    color=alt.Color("poste:N", legend=None, scale=alt.Scale(range=list(ck.PALETTE)[:3])),
)
textes = base.mark_text(dy=-8).encode(y="montant:Q", text=alt.Text("montant:Q", format="$,.0f"))
graphique = (barres + textes).add_params(depense, ca, marge, haut).properties(width=520, height=280)
LOCALE = vlc.get_format_locale("fr-FR")

class CampagneAltair(SimulateurCampagne):
    titre = "Campagne (Altair)"

    def __init__(self):
        self.vega = alt.JupyterChart(graphique, embed_options={"formatLocale": LOCALE})
        self.durees = []
        super().__init__()
        self.children = [c for c in self.children if c is not self.graphique] + [self.vega]

    def actualiser(self, _changement=None):
        debut = time.perf_counter()
        ok, r = self.calculer(self.calcul)
        if not ok:
            return
        self.resultats.value = ""
        if hasattr(self, "vega"):
            with self.vega.hold_sync():
                self.vega.params.depense = float(r["budget"])
                self.vega.params.ca = float(r["chiffre_affaires"])
                self.vega.params.marge = float(r["marge"])
                self.vega.params.haut = 1.2 * max(r["budget"], r["chiffre_affaires"], r["marge"])
        from coursekit.widgets.kpi import phrase_campagne
        self.message.info(phrase_campagne(r))
        self.durees.append(time.perf_counter() - debut)

alt_sim = CampagneAltair()
alt_sim""",
    # 3. export PNG statique (vl-convert) et bilan du noyau
    """t = time.perf_counter(); png = vlc.vegalite_to_png(graphique.to_dict(), format_locale="fr-FR")
premier_png = time.perf_counter() - t
t = time.perf_counter(); png = vlc.vegalite_to_png(graphique.to_dict(), format_locale="fr-FR")
second_png = time.perf_counter() - t
print(f"import altair + vl_convert + enable_offline : {cout_import[0]:.1f} s, +{cout_import[1]:.0f} Mo")
print(f"export PNG vl-convert : 1er {premier_png * 1000:.0f} ms, suivant {second_png * 1000:.0f} ms, {len(png) // 1024} Ko")
print(f"noyau après l'export : {_rss():.0f} Mo")""",
]


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "essai.ipynb"
        carnet = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLULES])
        carnet.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(carnet, chemin)
        serveur = demarrer_voila(notebook=chemin, journal=Path(dossier) / "voila.log")
        try:
            with sync_playwright() as playwright:
                navigateur = pilote.lancer_chromium(playwright)
                page = pilote.nouvelle_page(navigateur, hauteur=1400)
                page.goto(serveur.url + "/", wait_until="commit", timeout=300_000)
                page.wait_for_function(
                    "() => !document.querySelector('#loading') && document.querySelectorAll('.coursekit-simulateur').length >= 2",
                    timeout=300_000,
                )
                pilote.attendre_widgets(page, 2, calme=3.0)
                print(
                    "Sorties du noyau :\n" + page.locator(".jp-OutputArea-output pre").all_inner_texts()[-1]
                )
                memoire = max((rss_mo(p) for p in serveur.noyaux()), default=float("nan"))
                lignes = mesurer_curseurs(page, 7)
                navigateur.close()
        finally:
            serveur.arreter()
    print(f"Noyau (les deux simulateurs, Altair importé) : {memoire:.0f} Mo\n")
    print(f"{'simulateur':<24} {'/s glissé (méd.)':>16} {'lâcher méd.':>11} {'touche méd.':>11} {'p95':>5}")
    par_sim: dict[str, list[dict]] = {}
    for ligne in lignes:
        par_sim.setdefault(ligne["simulateur"], []).append(ligne)
    for sim, groupe in par_sim.items():
        d = [x for g in groupe for x in g["durees"]]
        vitesse = statistics.median(g["glisser"]["par_seconde"] for g in groupe)
        lacher = statistics.median(g["glisser"]["final"] or 0.0 for g in groupe)
        print(f"{sim:<24} {vitesse:>16.1f} {lacher:>11.0f} {statistics.median(d):>11.0f} {p95(d):>5.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
