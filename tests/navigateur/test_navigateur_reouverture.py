"""Un notebook enregistré, dont le noyau s'est arrêté, se rouvre avec ses simulateurs dans leur
dernier état et une phrase française qui dit de le réexécuter (issue 9, points 1 et 8).

JupyterLab est lancé comme le lance ``python -m coursekit.ouvrir`` : réglages du cours
(``jupyter/lab/settings``, où ``saveState`` garde l'état des widgets et où l'interface est en
français) et un dossier qui n'est pas le dépôt, avec une copie d'un chapitre : le notebook du
dépôt n'est jamais réécrit.
"""

from __future__ import annotations

import json
import shutil

import pilote
import pytest

pytestmark = pytest.mark.navigateur

CHAPITRE = "00-introduction.ipynb"  # un simulateur à curseurs, un chapitre court à exécuter

JS_MENUS = (
    "() => Array.from(document.querySelectorAll('.lm-MenuBar-itemLabel')).map((e) => e.innerText.trim())"
)

JS_LIBELLES = """() => ['notebook:run-all-cells', 'notebook:run-all-above']
  .map((id) => window.jupyterapp.commands.label(id))"""

JS_ENREGISTRER = """async () => {
  const app = window.jupyterapp; const w = app.shell.currentWidget;
  await w.context.save();
  return w.context.model.dirty;
}"""

JS_ARRETER_ET_FERMER = """async () => {
  const app = window.jupyterapp; const w = app.shell.currentWidget;
  await w.sessionContext.shutdown();
  w.dispose();
  return app.shell.currentWidget === null || !app.shell.currentWidget.context;
}"""

JS_ROUVRIR = "async ([nom]) => { await window.jupyterapp.commands.execute('docmanager:open', {path: nom}); }"

JS_ROUVERT = """([nom]) => {
  const w = window.jupyterapp.shell.currentWidget;
  return !!w && !!w.context && w.context.path === nom && w.context.isReady && w.content.widgets.length > 0;
}"""

JS_ETAT_SIMULATEUR = """(sim) => ({
  valeurs: Array.from(sim.querySelectorAll('.noUi-handle')).map((h) => h.getAttribute('aria-valuenow')),
  lues: Array.from(sim.querySelectorAll('.coursekit-valeur, .widget-readout, .widget-label'))
    .map((e) => e.innerText.trim()),
  message: Array.from(sim.querySelectorAll('.coursekit-message')).map((m) => m.innerText.trim()).join(' | '),
  image: Array.from(sim.querySelectorAll('img')).length,
  note: Array.from(sim.querySelectorAll('.coursekit-reouverture'))
    .filter((p) => getComputedStyle(p).display !== 'none').map((p) => p.innerText.trim()),
})"""


@pytest.fixture
def lab_du_cours(navigateur, tmp_path):
    """JupyterLab sur une copie d'un chapitre, avec les réglages du cours (comme ``coursekit.ouvrir``)."""
    from coursekit import lanceur, ouvrir

    cours = tmp_path / "cours"
    cours.mkdir()
    shutil.copy(lanceur.DOSSIER_NOTEBOOKS / CHAPITRE, cours / CHAPITRE)
    reglages = tmp_path / "reglages"
    (reglages / "settings").mkdir(parents=True)
    notifications = (
        reglages / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    notifications.parent.mkdir(parents=True)
    notifications.write_text('{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")
    (reglages / "workspaces").mkdir()
    port = lanceur.port_libre()
    commande = ouvrir.commande_lab(cours, navigateur=False) + [
        "--allow-root",
        f"--port={port}",
        f"--ServerApp.ip={lanceur.HOTE}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={reglages / 'settings'}",
        f"--LabApp.workspaces_dir={reglages / 'workspaces'}",
        "--LabApp.news_url=None",
    ]
    serveur = lanceur._lancer(
        commande, port, "JupyterLab", lanceur.environnement(False), tmp_path / "lab.log"
    ).attendre()
    try:
        yield serveur, cours / CHAPITRE
    finally:
        serveur.arreter()


JS_DESCENDRE = """() => {
  const zone = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
  if (!zone) return false;
  const avant = zone.scrollTop; zone.scrollBy(0, 300); return zone.scrollTop !== avant;
}"""


def _premier_simulateur_a_curseur(page, pas_maximum: int = 200):
    for _ in range(pas_maximum):
        for simulateur in pilote.simulateurs(page).all():
            if simulateur.locator(".noUi-handle").count() > 0:
                return simulateur
        if not page.evaluate(JS_DESCENDRE):
            break
        page.evaluate("() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))")
    raise AssertionError("aucun simulateur à curseur affiché dans le notebook rouvert")


def test_rouvert_apres_arret_du_noyau_le_simulateur_montre_son_dernier_etat(lab_du_cours, page):
    serveur, copie = lab_du_cours
    attendu = pilote.attendu(copie)
    page.goto(f"{serveur.url}/lab/tree/{CHAPITRE}?reset", wait_until="domcontentloaded")
    page.wait_for_function(pilote.JS_LAB_PRET, timeout=240_000)

    # L'interface est en français (paquet de langue fr-FR choisi par les réglages du cours).
    menus = page.evaluate(JS_MENUS)
    assert {"Fichier", "Exécution", "Noyau"} <= set(menus), menus
    # les libellés que citent nos phrases (« menu Exécution → … ») sont bien ceux du menu
    page.locator(".lm-MenuBar-item", has_text="Exécution").click()
    execution = page.locator(".lm-Menu .lm-Menu-itemLabel").all_inner_texts()
    page.keyboard.press("Escape")
    assert "Exécuter toutes les cellules" in execution, execution
    assert page.evaluate(JS_LIBELLES) == [
        "Exécuter toutes les cellules",
        "Exécuter tout au-dessus de la cellule sélectionnée",
    ]

    page.evaluate(pilote.JS_LAB_TOUT_EXECUTER)
    page.wait_for_function(pilote.JS_LAB_FINI, timeout=240_000, polling=200)
    pilote.attendre_widgets(page, attendu.vues)
    simulateur = _premier_simulateur_a_curseur(page)
    # vivant, le simulateur ne montre pas la phrase de réouverture
    assert simulateur.evaluate(JS_ETAT_SIMULATEUR)["note"] == []
    mouvement = pilote.bouger_curseur(page, simulateur, simulateur.locator(".noUi-handle").first)
    assert mouvement.curseur_a_bouge and mouvement.page_a_change, mouvement
    pilote.attendre_calme(page)
    simulateur.scroll_into_view_if_needed()
    avant = simulateur.evaluate(JS_ETAT_SIMULATEUR)

    assert page.evaluate(JS_ENREGISTRER) is False  # enregistré
    etat_enregistre = json.loads(copie.read_text(encoding="utf-8"))["metadata"]["widgets"]
    assert etat_enregistre["application/vnd.jupyter.widget-state+json"]["state"], "état des widgets absent"

    page.evaluate(JS_ARRETER_ET_FERMER)
    page.wait_for_function(
        "() => document.querySelectorAll('.coursekit-simulateur').length === 0", timeout=30_000
    )
    page.evaluate(JS_ROUVRIR, [CHAPITRE])
    page.wait_for_function(JS_ROUVERT, arg=[CHAPITRE], timeout=120_000)
    pilote.attendre_widgets(page, attendu.vues, delai=120)

    defauts = pilote.defauts_page(page)
    assert not defauts, "\n".join(defauts)
    assert "model not found" not in page.evaluate("() => document.body.innerText")
    # JupyterLab ne dessine que les cellules proches de l'écran (fenêtrage) : on descend dans le
    # notebook jusqu'au premier simulateur à curseur, puis on l'amène à l'écran.
    rouvert = _premier_simulateur_a_curseur(page)
    rouvert.scroll_into_view_if_needed()
    try:
        page.wait_for_function(
            "(sim) => Array.from(sim.querySelectorAll('.coursekit-message')).some((m) => m.innerText.trim())",
            arg=rouvert.element_handle(),
            timeout=30_000,
        )
    finally:
        page.screenshot(path=str(copie.parent.parent / "rouvert.png"))
    apres = rouvert.evaluate(JS_ETAT_SIMULATEUR)
    note = apres.pop("note")
    avant.pop("note")
    assert apres == avant, "le simulateur rouvert ne montre pas son dernier état"
    assert apres["valeurs"][0] == mouvement.valeur_apres
    assert len(note) == 1 and "réexécutez le notebook" in note[0], note
    assert "menu Exécution → Exécuter toutes les cellules" in note[0]
