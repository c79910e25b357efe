"""Mesures de la page projetée (Voilà, mode projecteur) : ce qui tient à l'écran, ce qui est coupé.

Partagé par ``test_navigateur_projecteur.py`` et par le script des captures d'écran
(``python tests/navigateur/captures.py``).
"""

from __future__ import annotations

TAILLES = ((1280, 720), (1024, 768))

# Place le haut du simulateur en haut de l'écran (le professeur fait défiler jusqu'au titre),
# puis mesure son graphique, sa phrase et sa première commande par rapport à l'écran.
JS_CADRER = """(sim) => {
  sim.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -4);
}"""

JS_MESURER = """(sim) => {
  const W = window.innerWidth, H = window.innerHeight;
  const boite = (e) => {
    if (!e) return null;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    return { haut: r.top, bas: r.bottom, gauche: r.left, droite: r.right,
             dedans: r.top >= -1 && r.left >= -1 && r.bottom <= H + 1 && r.right <= W + 1 };
  };
  const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const titre = sim.querySelector('h3');
  const image = Array.from(sim.querySelectorAll('img')).find(visible) || null;
  const message = Array.from(sim.querySelectorAll('.coursekit-message')).find(visible) || null;
  const commandes = '.widget-slider, .widget-text, .widget-textarea, .widget-dropdown, .widget-checkbox, '
    + '.widget-radio-box, .widget-toggle-buttons, .widget-button, .widget-select, .widget-select-multiple';
  const commande = Array.from(sim.querySelectorAll(commandes)).find(visible) || null;
  return {
    titre: titre ? titre.innerText.trim() : '?',
    ecran: [W, H],
    image: boite(image), message: boite(message), commande: boite(commande),
    hauteur: sim.getBoundingClientRect().height,
  };
}"""

# Boutons, libellés, onglets dont le texte dépasse sa boîte ou finit en « … » (text-overflow).
JS_TEXTES_COUPES = """() => {
  const defauts = [];
  const choix = '.jupyter-widgets button, .jupyter-widgets .widget-label, .jupyter-widgets .widget-label-basic, '
    + '.lm-TabBar-tab, .widget-toggle-button, .jupyter-widgets .widget-inline-hbox label';
  for (const e of document.querySelectorAll(choix)) {
    const r = e.getBoundingClientRect();
    const texte = (e.innerText || '').trim();
    if (!texte || r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(e);
    const cibles = [e, ...e.querySelectorAll('*')];
    for (const c of cibles) {
      const s = getComputedStyle(c);
      const coupe = c.scrollWidth > c.clientWidth + 1 && s.overflow !== 'visible' && c.clientWidth > 0;
      const ellipse = s.textOverflow === 'ellipsis' && c.scrollWidth > c.clientWidth + 1;
      if (coupe || ellipse) {
        defauts.push(`« ${texte.slice(0, 50)} » (${c.tagName.toLowerCase()} ${c.scrollWidth} px de texte pour ${c.clientWidth} px)`);
        break;
      }
    }
    void style;
  }
  return defauts;
}"""

# Lignes de texte affichées (innerText, donc après le passage à la ligne du navigateur) qui
# commencent par un guillemet fermant, un deux-points, une unité seule… On découpe chaque
# nœud de texte en lignes telles que dessinées (Range.getClientRects) pour le savoir.
JS_DEBUTS_DE_LIGNE = """() => {
  const fautifs = [];
  const signes = /[»:;!?%€]|MAD|DH/g;
  const racines = document.querySelectorAll('.jupyter-widgets, .jp-RenderedHTMLCommon');
  const vus = new Set();
  const range = document.createRange();
  const haut = (n, i) => {
    range.setStart(n, i); range.setEnd(n, i + 1);
    const r = range.getClientRects(); return r.length ? r[0].top : null;
  };
  for (const racine of racines) {
    const marcheur = document.createTreeWalker(racine, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = marcheur.nextNode())) {
      if (vus.has(n)) continue; vus.add(n);
      const t = n.textContent;
      const p = n.parentElement; if (!p || p.closest('script, style, .jp-InputArea, pre')) continue;
      signes.lastIndex = 0;
      let m;
      while ((m = signes.exec(t))) {
        // le signe commence une ligne si le caractère visible qui le précède est plus haut
        let j = m.index - 1;
        while (j >= 0 && /\\s/.test(t[j]) && t[j] !== '\\u00a0') j--;
        if (j < 0) continue;
        const y = haut(n, m.index), y0 = haut(n, j);
        if (y !== null && y0 !== null && y - y0 > 3) {
          fautifs.push(t.slice(m.index, m.index + 30).trim() + '  ← « ' + t.slice(Math.max(0, j - 40), j + 1).trim() + ' »');
        }
      }
    }
  }
  return fautifs;
}"""


def cadrer(simulateur) -> None:
    """Fait défiler la page jusqu'au titre du simulateur, en haut de l'écran."""
    simulateur.evaluate(JS_CADRER)


def mesurer(simulateur) -> dict:
    """Boîtes (par rapport à l'écran) du graphique, de la phrase et de la première commande."""
    return simulateur.evaluate(JS_MESURER)


def hors_ecran(mesure: dict) -> list[str]:
    """Ce qui, du graphique, de la phrase et de la première commande, n'est pas entièrement à l'écran.

    Seulement pour un simulateur à graphique : un formulaire sans graphique (relecture d'un texte)
    peut être plus haut que l'écran, sa phrase vient après ce qu'on a rempli."""
    if mesure.get("image") is None:
        return []
    noms = {"image": "le graphique", "message": "la phrase", "commande": "la première commande"}
    return [
        f"{noms[cle]} ({round(mesure[cle]['haut'])}–{round(mesure[cle]['bas'])} px pour un écran de "
        f"{mesure['ecran'][1]} px)"
        for cle in noms
        if mesure.get(cle) is not None and not mesure[cle]["dedans"]
    ]


def textes_coupes(page) -> list[str]:
    return page.evaluate(JS_TEXTES_COUPES)


def debuts_de_ligne(page) -> list[str]:
    return page.evaluate(JS_DEBUTS_DE_LIGNE)
