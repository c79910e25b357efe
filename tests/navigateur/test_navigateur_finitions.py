"""Finitions vérifiées dans un vrai navigateur (Voilà, Chromium).

- Chaque curseur et chaque champ chiffré du cours a un nom accessible (celui qu'un lecteur
  d'écran annonce), égal à son libellé visible, et ce libellé n'est affiché qu'une fois.
- ``python -m coursekit.lanceur 06 --maroc`` projette le chapitre en dirhams.
- Un exercice seul (``ck.quiz.exercice``), rouvert sans noyau dans JupyterLab, dit de réexécuter.
"""

from pathlib import Path

import pilote
import pytest
from test_navigateur_reouverture import lab_du_cours  # noqa: F401 - fixture partagée

pytestmark = pytest.mark.navigateur
DOSSIER = Path(__file__).resolve().parents[2] / "notebooks"

JS_SANS_NOM = """() => Array.from(document.querySelectorAll(
    '.coursekit-nomme .noUi-handle, .coursekit-nomme input, .coursekit-nomme select, .coursekit-nomme textarea'))
  .filter((c) => { const id = c.getAttribute('aria-labelledby'); const l = id && document.getElementById(id);
                   return !l || !l.textContent.trim(); })
  .map((c) => c.outerHTML.slice(0, 80))"""


def _commande(page, serveur, nom: str, role: str, libelle: str, exact: bool):
    """Ouvre ``nom`` dans Voilà et rend les commandes de ce rôle et de ce nom accessible."""
    pilote.ouvrir_voila(page, serveur.url, nom, pilote.attendu(DOSSIER / nom).vues)
    commandes = page.get_by_role(role, name=libelle, exact=exact)
    commandes.first.wait_for(state="attached", timeout=30_000)
    return commandes


@pytest.fixture
def page_voila(navigateur):
    page = pilote.nouvelle_page(navigateur, 1280, 720)
    yield page
    page.context.close()


def test_curseurs_et_champs_ont_un_nom_accessible(serveur_voila, page_voila):
    page = page_voila
    # Le curseur se trouve par son rôle et son nom, comme le ferait un lecteur d'écran.
    curseur = _commande(page, serveur_voila, "06-kpi.ipynb", "slider", "Taux de clic (CTR)", True)
    assert curseur.count() >= 1
    assert curseur.first.get_attribute("aria-valuenow") is not None
    # Le libellé visible n'est écrit qu'une fois (pas de « description » d'ipywidgets en plus).
    assert page.get_by_text("Taux de clic (CTR)", exact=True).count() == curseur.count()
    assert page.locator(".widget-slider .widget-label:visible").count() == 0

    # Un champ chiffré aussi : son nom est son libellé.
    budget = page.get_by_role("textbox", name="Budget", exact=True)
    assert budget.count() >= 1

    # Aucun curseur ni champ du chapitre sans nom.
    poignees = page.locator(".coursekit-curseur .noUi-handle")
    assert poignees.count() >= 3
    assert page.evaluate(JS_SANS_NOM) == []
    assert not pilote.defauts_page(page)


def test_listes_du_classement_swot_nommees_par_leur_constat(serveur_voila, page_voila):
    page = page_voila
    premiere = _commande(page, serveur_voila, "02-swot.ipynb", "combobox", "1.", False)
    nom_accessible = premiere.first.evaluate(
        "(c) => document.getElementById(c.getAttribute('aria-labelledby')).textContent"
    )
    assert nom_accessible.startswith("1. ") and len(nom_accessible) > 10, nom_accessible
    assert page.evaluate(JS_SANS_NOM) == []


def test_lanceur_maroc_projette_en_dirhams(navigateur, page_voila, tmp_path, monkeypatch):
    """Le notebook que ``python -m coursekit.lanceur 06 --maroc`` projette s'ouvre dans Voilà,
    montants en dirhams, simulateur compris."""
    import re

    from coursekit import lanceur

    monkeypatch.setattr(lanceur, "RACINE", tmp_path)
    chemin = lanceur.preparer_presentation(lanceur.trouver_chapitre("06"), maroc=True)
    serveur = lanceur.demarrer_voila(notebook=chemin, projecteur=True, journal=tmp_path / "voila.log")
    try:
        page = page_voila
        page.goto(serveur.url, wait_until="commit", timeout=180_000)
        page.wait_for_function(
            "() => document.body && document.body.classList.contains('jp-Notebook')"
            " && !document.querySelector('#loading')",
            timeout=180_000,
        )
        pilote.attendre_widgets(page, 1, delai=180)
        pilote.simulateurs(page).first.wait_for(state="visible", timeout=60_000)
        texte = page.inner_text("body").replace("\xa0", " ").replace("\u202f", " ")
        assert "DH" in texte
        assert not re.search(r"€|\bEUR\b|(?<![\w])euros?\b", texte)
        assert not pilote.defauts_page(page)
    finally:
        serveur.arreter()


JS_NOTES_EXERCICES = """() => Array.from(document.querySelectorAll('.coursekit-reouvrable .coursekit-reouverture'))
  .filter((p) => p.textContent.includes('Cet exercice'))
  .map((p) => ({visible: getComputedStyle(p).display !== 'none', texte: p.textContent.trim()}))"""


def _notes_d_exercice(page, pas_maximum: int = 200) -> list:
    """Descend dans le notebook (JupyterLab ne dessine que les cellules proches de l'écran)
    jusqu'à ce qu'un exercice seul soit dessiné ; rend l'état de sa phrase de réouverture."""
    from test_navigateur_reouverture import JS_DESCENDRE

    for _ in range(pas_maximum):
        notes = page.evaluate(JS_NOTES_EXERCICES)
        if notes:
            return notes
        if not page.evaluate(JS_DESCENDRE):
            break
        page.evaluate("() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))")
    raise AssertionError("aucun exercice seul (ck.quiz.exercice) dessiné dans le notebook")


def test_exercice_seul_rouvert_sans_noyau_dit_de_reexecuter(lab_du_cours, page):  # noqa: F811
    """00 a deux ``ck.quiz.exercice`` : vivants, leur phrase est cachée ; rouverts après l'arrêt du
    noyau, la phrase française est visible (même mécanisme que les simulateurs)."""
    from test_navigateur_reouverture import (
        CHAPITRE,
        JS_ARRETER_ET_FERMER,
        JS_ENREGISTRER,
        JS_ROUVERT,
        JS_ROUVRIR,
    )

    serveur, copie = lab_du_cours
    attendu = pilote.attendu(copie)
    page.goto(f"{serveur.url}/lab/tree/{CHAPITRE}?reset", wait_until="domcontentloaded")
    page.wait_for_function(pilote.JS_LAB_PRET, timeout=240_000)
    page.evaluate(pilote.JS_LAB_TOUT_EXECUTER)
    page.wait_for_function(pilote.JS_LAB_FINI, timeout=240_000, polling=200)
    pilote.attendre_widgets(page, attendu.vues)
    vivantes = _notes_d_exercice(page)
    assert vivantes and not any(n["visible"] for n in vivantes), vivantes

    assert page.evaluate(JS_ENREGISTRER) is False
    page.evaluate(JS_ARRETER_ET_FERMER)
    page.wait_for_function("() => document.querySelectorAll('.coursekit-reouvrable').length === 0")
    page.evaluate(JS_ROUVRIR, [CHAPITRE])
    page.wait_for_function(JS_ROUVERT, arg=[CHAPITRE], timeout=120_000)
    pilote.attendre_widgets(page, attendu.vues, delai=120)
    rouvertes = _notes_d_exercice(page)
    assert all(n["visible"] for n in rouvertes), rouvertes
    assert "Cet exercice montre son dernier état enregistré" in rouvertes[0]["texte"]
    assert "réexécutez le notebook" in rouvertes[0]["texte"]
    assert not pilote.defauts_page(page)
