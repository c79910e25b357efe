"""Finitions vérifiées dans un vrai navigateur (Voilà, Chromium).

- Chaque curseur et chaque champ chiffré du cours a un nom accessible (celui qu'un lecteur
  d'écran annonce), égal à son libellé visible, et ce libellé n'est affiché qu'une fois.
- ``python -m coursekit.lanceur 06 --maroc`` projette le chapitre en dirhams.
"""

from pathlib import Path

import pilote
import pytest

pytestmark = pytest.mark.navigateur
DOSSIER = Path(__file__).resolve().parents[2] / "notebooks"

JS_SANS_NOM = """() => Array.from(document.querySelectorAll(
    '.coursekit-nomme .noUi-handle, .coursekit-nomme input, .coursekit-nomme select, .coursekit-nomme textarea'))
  .filter((c) => { const id = c.getAttribute('aria-labelledby'); const l = id && document.getElementById(id);
                   return !l || !l.textContent.trim(); })
  .map((c) => c.outerHTML.slice(0, 80))"""


@pytest.fixture
def page_voila(navigateur):
    page = pilote.nouvelle_page(navigateur, 1280, 720)
    yield page
    page.context.close()


def test_curseurs_et_champs_ont_un_nom_accessible(serveur_voila, page_voila):
    page = page_voila
    nom = "06-kpi.ipynb"
    pilote.ouvrir_voila(page, serveur_voila.url, nom, pilote.attendu(DOSSIER / nom).vues)

    # Le curseur se trouve par son rôle et son nom, comme le ferait un lecteur d'écran.
    curseur = page.get_by_role("slider", name="Taux de clic (CTR)", exact=True)
    curseur.first.wait_for(state="attached", timeout=30_000)
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
    nom = "02-swot.ipynb"
    pilote.ouvrir_voila(page, serveur_voila.url, nom, pilote.attendu(DOSSIER / nom).vues)
    premiere = page.get_by_role("combobox", name="1.", exact=False)
    premiere.first.wait_for(state="attached", timeout=30_000)
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
