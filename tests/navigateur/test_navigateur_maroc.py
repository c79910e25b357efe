"""L'édition marocaine dans Voilà : un chapitre montre ses montants en dirhams, texte et simulateur."""

import re

import pilote
import pytest

from coursekit import editions

pytestmark = pytest.mark.navigateur
EURO = re.compile(r"€|\bEUR\b|(?<![\w])euros?\b")


@pytest.fixture(scope="module")
def voila_maroc(navigateur, tmp_path_factory):
    from coursekit.lanceur import demarrer_voila

    dossier = tmp_path_factory.mktemp("voila-maroc")
    source = next(c for c in editions.notebooks() if c.name.startswith("06"))
    chemin = editions.edition_maroc(source, dossier, executer=False)
    serveur = demarrer_voila(notebook=chemin, journal=dossier / "voila.log")
    try:
        yield serveur, chemin
    finally:
        serveur.arreter()


def test_chapitre_06_en_dirhams_dans_voila(voila_maroc, page):
    serveur, chemin = voila_maroc
    attendu = pilote.attendu(next(c for c in editions.notebooks() if c.name.startswith("06")))
    page.goto(serveur.url, wait_until="commit", timeout=180_000)
    page.wait_for_function(
        "() => document.body && document.body.classList.contains('jp-Notebook') && !document.querySelector('#loading')",
        timeout=180_000,
    )
    pilote.attendre_widgets(page, attendu.vues, delai=180)
    texte = page.inner_text("body")
    assert "3 000 DH dépensés pour 600 clics" in texte.replace("\xa0", " ").replace("\u202f", " ")
    assert "CPC : 5,00 DH par clic" in texte.replace("\xa0", " ")
    restes = [texte[max(0, m.start() - 40) : m.end() + 10] for m in EURO.finditer(texte)]
    assert not restes, restes
    simulateur = pilote.simulateurs(page).first
    contenu = simulateur.inner_text() + " ".join(
        simulateur.locator("input").evaluate_all("champs => champs.map((c) => c.value)")
    )
    assert "DH" in contenu and "€" not in contenu, contenu
    assert not pilote.defauts_page(page)
