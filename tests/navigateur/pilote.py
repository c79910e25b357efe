"""Pilotage de Chromium (playwright) sur les pages Voilà et JupyterLab du cours.

Partagé par les tests dans le navigateur (``tests/navigateur/``), le banc de mesure
de latence et les captures d'écran (``benchmarks/``). Rien ici ne lance de serveur :
voir :mod:`coursekit.lanceur`.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

CHROMIUM = os.environ.get("COURSEKIT_CHROMIUM", "/usr/bin/chromium")
ARGUMENTS_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
MIME_WIDGET = "application/vnd.jupyter.widget-view+json"
REPR_SIMULATEUR = "(simulateur interactif : exécutez le notebook pour l'utiliser)"

# Injecté avant tout script de la page : horodate chaque message reçu du noyau (WebSocket),
# chaque touche pressée, chaque image chargée et chaque changement de texte, pour savoir
# quand le noyau a fini de répondre et mesurer la latence.
SCRIPT_INITIAL = r"""
(() => {
  const ck = (window.__ck = { dernierMessage: 0, dernierRepos: 0, derniereTouche: 0, chargements: [] });
  const Natif = window.WebSocket;
  const decodeur = new TextDecoder();
  const repos = /"execution_state":\s*"idle"/;
  class Espion extends Natif {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const t = performance.now(); ck.dernierMessage = t;
        // le noyau annonce « idle » quand il a fini de traiter une demande (texte ou binaire)
        const d = e.data;
        const texte = typeof d === 'string' ? d : (d instanceof ArrayBuffer ? decodeur.decode(d) : '');
        if (repos.test(texte)) ck.dernierRepos = t;
      });
    }
  }
  window.WebSocket = Espion;
  document.addEventListener('keydown', () => { ck.derniereTouche = performance.now(); }, true);
  document.addEventListener('load', (e) => {
    if (e.target && e.target.tagName === 'IMG') ck.chargements.push([e.target.src, performance.now()]);
  }, true);
})();
"""

# textContent et non innerText : innerText dépend de l'affichage (JupyterLab ne dessine pas
# les cellules hors de l'écran) et ferait croire à des changements.
JS_ETAT = """(sim) => ({
  images: Array.from(sim.querySelectorAll('img')).map((i) => i.src),
  message: Array.from(sim.querySelectorAll('.coursekit-message')).map((m) => m.textContent).join('\\n'),
  html: Array.from(sim.querySelectorAll('.widget-html-content')).map((m) => m.textContent).join('\\n'),
})"""

JS_CALME = """([delai]) => {
  const ck = window.__ck; const t = performance.now();
  return ck.dernierRepos >= ck.derniereTouche && t - ck.dernierMessage > delai;
}"""

JS_DEFAUTS_PAGE = """() => {
  const texte = document.body.innerText;
  const defauts = [];
  if (texte.includes('Error displaying widget')) defauts.push('« Error displaying widget » sur la page');
  if (texte.includes('Traceback (most recent call last)')) defauts.push('une trace d\\'erreur Python (Traceback)');
  for (const e of document.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]')) {
    defauts.push('sortie d\\'erreur (stderr) : ' + e.innerText.slice(0, 300));
  }
  for (const e of document.querySelectorAll('.jupyter-widgets.widget-error, .jupyter-widgets-error-widget')) {
    defauts.push('widget en erreur : ' + e.innerText.slice(0, 300));
  }
  return defauts;
}"""

JS_VUES = "() => document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length"


def chromium_disponible() -> str | None:
    """Le chemin de Chromium s'il est installé (Debian : /usr/bin/chromium), sinon None."""
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def lancer_chromium(playwright, chemin: str | None = None):
    """Chromium sans tête, sans réseau de fond (jamais de téléchargement de navigateur)."""
    return playwright.chromium.launch(
        executable_path=chemin or chromium_disponible(), args=ARGUMENTS_CHROMIUM, headless=True
    )


def _route(route) -> None:
    """Ne laisse passer que la boucle locale : le CDN de Voilà et tout le reste sont coupés."""
    url = route.request.url
    if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "data:", "blob:")):
        if "cdn.jsdelivr.net" not in url:
            route.continue_()
            return
    route.abort()


def nouvelle_page(navigateur, largeur: int = 1280, hauteur: int = 720):
    """Un onglet neuf, réseau limité à la boucle locale, espions de latence installés."""
    contexte = navigateur.new_context(viewport={"width": largeur, "height": hauteur})
    contexte.route("**/cdn.jsdelivr.net/**", lambda route: route.abort())
    contexte.route("**/*", _route)
    contexte.add_init_script(SCRIPT_INITIAL)
    page = contexte.new_page()
    page.set_default_timeout(30_000)
    return page


@dataclass
class Attendu:
    """Ce que les sorties enregistrées d'un notebook annoncent : vues de widgets et simulateurs."""

    vues: int = 0
    simulateurs: int = 0
    noms: list = field(default_factory=list)


def attendu(chemin: Path) -> Attendu:
    resultat = Attendu()
    carnet = nbformat.read(chemin, as_version=4)
    for cellule in carnet.cells:
        for sortie in cellule.get("outputs", []):
            donnees = sortie.get("data", {})
            texte = donnees.get("text/plain", "")
            if isinstance(texte, list):
                texte = "".join(texte)
            simulateur = REPR_SIMULATEUR in texte
            if MIME_WIDGET in donnees or simulateur:
                resultat.vues += 1
            if simulateur:
                resultat.simulateurs += 1
                resultat.noms.append(texte.split(" (simulateur")[0].strip("'\""))
    return resultat


def attendre_widgets(page, vues: int, delai: float = 120.0, calme: float = 1.0) -> int:
    """Attend que ``vues`` widgets soient affichés et que leur nombre ne bouge plus."""
    fin = time.monotonic() + delai
    compte, stable_depuis = -1, time.monotonic()
    while time.monotonic() < fin:
        nouveau = page.evaluate(JS_VUES)
        if nouveau != compte:
            compte, stable_depuis = nouveau, time.monotonic()
        elif compte >= vues and time.monotonic() - stable_depuis >= calme:
            return compte
        page.wait_for_timeout(200)
    return compte


def ouvrir_voila(page, url_serveur: str, nom: str, vues: int, delai: float = 180.0) -> float:
    """Ouvre ``notebooks/<nom>`` dans Voilà ; rend la durée jusqu'aux widgets affichés (s)."""
    debut = time.monotonic()
    page.goto(f"{url_serveur}/voila/render/notebooks/{nom}", wait_until="commit", timeout=delai * 1000)
    page.wait_for_function(
        "() => document.body && document.body.classList.contains('jp-Notebook')"
        " && !document.querySelector('#loading')",
        timeout=delai * 1000,
    )
    attendre_widgets(page, vues, delai=max(10.0, delai - (time.monotonic() - debut)))
    return time.monotonic() - debut


JS_LAB_PRET = """() => {
  const app = window.jupyterapp; if (!app) return false;
  const w = app.shell.currentWidget;
  if (!w || !w.sessionContext || !w.content || !w.content.widgets) return false;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle' && w.content.widgets.length > 0;
}"""

JS_LAB_TOUT_EXECUTER = """async () => {
  const app = window.jupyterapp; const w = app.shell.currentWidget;
  await app.commands.execute('notebook:run-all-cells');
  return w.content.widgets.filter((c) => c.model.type === 'code').length;
}"""

JS_LAB_FINI = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  const enCours = Array.from(document.querySelectorAll('.jp-InputArea-prompt')).some((p) => p.innerText.includes('*'));
  return !!k && k.status === 'idle' && !enCours;
}"""


def ouvrir_lab(page, url_serveur: str, nom: str, vues: int, delai: float = 240.0) -> float:
    """Ouvre ``notebooks/<nom>`` dans JupyterLab, exécute toutes les cellules, attend les widgets."""
    debut = time.monotonic()
    page.goto(f"{url_serveur}/lab/tree/notebooks/{nom}?reset", wait_until="domcontentloaded")
    page.wait_for_function(JS_LAB_PRET, timeout=delai * 1000)
    page.evaluate(JS_LAB_TOUT_EXECUTER)
    page.wait_for_function(JS_LAB_FINI, timeout=delai * 1000, polling=200)
    attendre_widgets(page, vues, delai=max(10.0, delai - (time.monotonic() - debut)))
    return time.monotonic() - debut


def fermer_lab(page) -> None:
    """Arrête le noyau du notebook ouvert (le fichier n'est jamais enregistré)."""
    try:
        page.evaluate(
            "async () => { const w = window.jupyterapp.shell.currentWidget;"
            " if (w && w.sessionContext) await w.sessionContext.shutdown(); }"
        )
    except Exception:  # noqa: BLE001 - la page peut déjà être fermée
        pass


def defauts_page(page) -> list[str]:
    """Les défauts visibles : widget non affiché, trace d'erreur, sortie stderr."""
    return page.evaluate(JS_DEFAUTS_PAGE)


def simulateurs(page):
    return page.locator(".coursekit-simulateur")


def etat(simulateur) -> dict:
    """Images (adresses blob), phrase (``.coursekit-message``) et autres textes HTML
    (carte, tableau) d'un simulateur ; les valeurs lues à côté des curseurs n'en font pas partie."""
    return simulateur.evaluate(JS_ETAT)


def attendre_calme(page, delai_ms: int = 200, maximum: float = 15.0) -> None:
    """Attend que le noyau ait répondu à la dernière touche et se soit tu ``delai_ms`` ms."""
    page.wait_for_function(JS_CALME, arg=[delai_ms], timeout=maximum * 1000, polling=50)


@dataclass
class Mouvement:
    """Résultat d'une touche pressée sur un curseur."""

    libelle: str
    touche: str
    avant: dict
    apres: dict
    valeur_avant: str
    valeur_apres: str
    issue: str = ""

    @property
    def curseur_a_bouge(self) -> bool:
        return self.valeur_avant != self.valeur_apres

    @property
    def page_a_change(self) -> bool:
        return self.avant != self.apres


def libelle_curseur(poignee) -> str:
    return poignee.evaluate(
        "(h) => { const s = h.closest('.widget-slider');"
        " const l = s && s.querySelector('.widget-label'); if (l && l.innerText.trim()) return l.innerText.trim();"
        # le libellé du cours est au-dessus du curseur (coursekit-libelle-curseur), dans une boîte parente
        " for (let b = s; b; b = b.parentElement) { const x = b.querySelector('.coursekit-libelle-curseur');"
        " if (x) return x.innerText.trim(); } return '?'; }"
    )


JS_ATTENTE_REPONSE = """(sim, [js, delai]) => new Promise((ok) => {
  const lire = eval(js); const fin = performance.now() + delai; const ck = window.__ck;
  const avant = JSON.stringify(window.__ck_avant);
  const voir = () => {
    const t = performance.now();
    // Le noyau a fini de traiter la touche (état « idle » reçu après elle) et s'est tu.
    const fini = ck.dernierRepos >= ck.derniereTouche && t - ck.dernierMessage > 150;
    if (fini) ok(JSON.stringify(lire(sim)) !== avant ? 'change' : 'traite');
    else if (t > fin) ok('delai');
    else setTimeout(voir, 20);
  };
  voir();
})"""


def bouger_curseur(page, simulateur, poignee, delai: float = 30.0) -> Mouvement:
    """Donne le focus à la poignée, presse ArrowRight (ArrowLeft si elle est au maximum)
    et attend que le noyau ait fini de traiter la touche (état « idle » reçu, puis silence)
    ou ``delai`` secondes ; compare alors l'image et la phrase du simulateur à l'avant."""
    valeur = poignee.get_attribute("aria-valuenow")
    maximum = poignee.get_attribute("aria-valuemax")
    touche = "ArrowLeft" if float(valeur) >= float(maximum) else "ArrowRight"
    avant = etat(simulateur)
    simulateur.evaluate(f"(sim) => {{ window.__ck_avant = ({JS_ETAT})(sim); }}")
    poignee.focus()
    page.keyboard.press(touche)
    issue = simulateur.evaluate(JS_ATTENTE_REPONSE, [JS_ETAT, delai * 1000])
    mouvement = Mouvement(
        libelle_curseur(poignee),
        touche,
        avant,
        etat(simulateur),
        valeur,
        poignee.get_attribute("aria-valuenow"),
    )
    mouvement.issue = issue
    return mouvement


def saisir_texte_faux(page, simulateur, champ, texte: str = "abc", delai: float = 15.0) -> tuple[str, str]:
    """Tape ``texte`` puis Entrée dans ``champ`` ; rend (message affiché, valeur du champ),
    après avoir remis la valeur d'origine."""
    origine = champ.input_value()
    champ.fill(texte)
    champ.press("Enter")
    message = simulateur.locator(".coursekit-message")
    try:
        page.wait_for_function(
            "(sim) => Array.from(sim.querySelectorAll('.coursekit-message')).some("
            "(m) => m.innerText.includes('À corriger') || m.classList.contains('coursekit-erreur'))",
            arg=simulateur.element_handle(),
            timeout=delai * 1000,
        )
    except Exception:  # noqa: BLE001 - le test dira ce qui manque
        pass
    texte_message = "\n".join(message.all_inner_texts())
    valeur = champ.input_value()
    champ.fill(origine)
    champ.press("Enter")
    try:
        attendre_calme(page, maximum=delai)
    except Exception:  # noqa: BLE001
        pass
    return texte_message, valeur


def notebooks() -> list[Path]:
    """Les notebooks du cours présents au moment de la collecte des tests."""
    from coursekit.lanceur import chapitres

    return chapitres()


def verifier_page(page, chemin: Path, vues_attendues: int, simulateurs_attendus: int, tous_les_curseurs=True):
    """Contrôle une page déjà ouverte ; rend la liste des défauts (vide si tout va bien).

    - widgets affichés (autant de vues que de sorties widget enregistrées), aucun en erreur,
      aucune trace d'erreur, aucune sortie stderr ;
    - chaque curseur de chaque simulateur, bougé au clavier, change l'image ou la phrase
      de son simulateur (``tous_les_curseurs=False`` : le premier de chaque simulateur) ;
    - chaque champ nombre d'un simulateur, rempli de « abc » + Entrée, affiche le message
      français « À corriger » dans ce simulateur, sans effacer ce qui a été tapé.
    """
    defauts = list(defauts_page(page))
    vues = page.evaluate(JS_VUES)
    if vues < vues_attendues:
        defauts.append(f"{vues} widgets affichés sur {vues_attendues} attendus")
    sims = simulateurs(page)
    nombre = sims.count()
    if nombre < simulateurs_attendus:
        defauts.append(f"{nombre} simulateurs affichés sur {simulateurs_attendus} attendus")
    for i in range(nombre):
        sim = sims.nth(i)
        titre = (
            sim.locator("h3").first.inner_text() if sim.locator("h3").count() else f"simulateur n° {i + 1}"
        )
        poignees = sim.locator(".noUi-handle")
        for j in range(poignees.count() if tous_les_curseurs else min(1, poignees.count())):
            poignee = poignees.nth(j)
            poignee.scroll_into_view_if_needed()
            mouvement = bouger_curseur(page, sim, poignee)
            if not mouvement.curseur_a_bouge:
                defauts.append(
                    f"{titre} : le curseur « {mouvement.libelle} » n'a pas bougé ({mouvement.touche})"
                )
            elif not mouvement.page_a_change:
                raison = {"delai": "pas de réponse du noyau en 30 s", "traite": "le noyau a répondu"}
                defauts.append(
                    f"{titre} : le curseur « {mouvement.libelle} » bouge ({mouvement.valeur_avant} → "
                    f"{mouvement.valeur_apres}) mais ni l'image ni la phrase ne changent "
                    f"({raison.get(mouvement.issue, mouvement.issue)})"
                )
        champs = sim.locator(".coursekit-champ-nombre input")
        for j in range(champs.count()):
            champ = champs.nth(j)
            champ.scroll_into_view_if_needed()
            message, valeur = saisir_texte_faux(page, sim, champ)
            if "À corriger" not in message:
                defauts.append(
                    f"{titre} : « abc » dans un champ nombre n'affiche pas de message français ({message!r})"
                )
            if valeur != "abc":
                defauts.append(f"{titre} : le texte tapé a été effacé ou modifié ({valeur!r})")
    defauts.extend(f"après les manipulations : {d}" for d in defauts_page(page) if d not in defauts)
    return defauts


JS_POLICES_WIDGETS = """() => {
  const mesures = [];
  const choix = '.jupyter-widgets .widget-label, .jupyter-widgets .widget-html-content, '
    + '.jupyter-widgets input[type=text], .jupyter-widgets input[type=number], .jupyter-widgets textarea, .jupyter-widgets button, .jupyter-widgets select, .coursekit-message, .coursekit-lecture';
  for (const e of document.querySelectorAll(choix)) {
    const r = e.getBoundingClientRect();
    const texte = (e.innerText || e.value || '').trim();
    if (!texte || r.width === 0 || r.height === 0) continue;
    // la taille du texte lui-même : le plus petit texte visible dans l'élément
    let taille = parseFloat(getComputedStyle(e).fontSize);
    for (const f of e.querySelectorAll('*')) {
      if (!(f.innerText || '').trim() || f.getBoundingClientRect().width === 0) continue;
      taille = Math.min(taille, parseFloat(getComputedStyle(f).fontSize));
    }
    let petit = e;
    for (const f of e.querySelectorAll('*')) {
      if ((f.innerText || '').trim() && parseFloat(getComputedStyle(f).fontSize) === taille) { petit = f; break; }
    }
    const nom = petit.tagName.toLowerCase() + (petit.className ? '.' + petit.className.toString().split(' ').join('.') : '');
    mesures.push([taille, nom.slice(0, 60) + ' « ' + (petit.innerText || e.value || '').trim().slice(0, 40) + ' »']);
  }
  return mesures;
}"""

# Hauteur des caractères dessinés DANS l'image d'un graphique, mesurée sur la page : on
# redessine l'image dans un canevas, on garde les pixels sombres et gris (le texte ; les
# barres colorées et la grille claire sont exclues), on cherche les taches connexes de la
# taille d'un caractère, et on prend le 8e décile de leurs hauteurs, ramené à la taille
# affichée à l'écran.
JS_HAUTEUR_TEXTE_IMAGE = """async (img) => {
  if (img.decode) { try { await img.decode(); } catch (e) {} }
  const W = img.naturalWidth, H = img.naturalHeight;
  const c = document.createElement('canvas'); c.width = W; c.height = H;
  const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, W, H).data;
  const sombre = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++) {
    const r = d[4 * i], g = d[4 * i + 1], b = d[4 * i + 2], a = d[4 * i + 3];
    const lum = 0.299 * r + 0.587 * g + 0.114 * b;
    if (a > 128 && lum < 100 && Math.max(r, g, b) - Math.min(r, g, b) < 60) sombre[i] = 1;
  }
  const vu = new Uint8Array(W * H); const hauteurs = []; const pile = [];
  for (let p = 0; p < W * H; p++) {
    if (!sombre[p] || vu[p]) continue;
    let x0 = W, x1 = 0, y0 = H, y1 = 0; pile.push(p); vu[p] = 1;
    while (pile.length) {
      const q = pile.pop(); const x = q % W, y = (q - x) / W;
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= W || ny >= H) continue;
        const n = ny * W + nx; if (sombre[n] && !vu[n]) { vu[n] = 1; pile.push(n); }
      }
    }
    const h = y1 - y0 + 1, w = x1 - x0 + 1;
    if (h >= 4 && h <= 80 && w <= 160) hauteurs.push(h);
  }
  hauteurs.sort((a, b) => a - b);
  // 8e décile : hauteur des majuscules, chiffres et lettres à jambage (la médiane
  // d'un graphique très littéraire ne verrait que les minuscules « x »).
  const haute = hauteurs.length ? hauteurs[Math.floor(hauteurs.length * 0.8)] : 0;
  const affiche = img.getBoundingClientRect().width;
  return { haute, caracteres: hauteurs.length, largeur: W, hauteur: H, affiche, ecran: haute * affiche / W };
}"""


def polices_widgets(page) -> list:
    """[(taille en px, description)] du texte visible des widgets."""
    return page.evaluate(JS_POLICES_WIDGETS)


def hauteur_texte_image(image) -> dict:
    """Hauteur (8e décile) des caractères dessinés dans une image, en pixels de l'image et à l'écran."""
    return image.evaluate(JS_HAUTEUR_TEXTE_IMAGE)


def premiere_image_simulateur(page):
    """La première image de graphique d'un simulateur (ou None)."""
    images = page.locator(".coursekit-simulateur img")
    return images.first if images.count() else None
