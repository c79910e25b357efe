"""Les erreurs là où l'œil regarde, vérifiées dans Voilà à 1366×768 (l'écran d'un élève).

- ``abc`` tapé dans un champ chiffré : le message français s'affiche dans l'écran, juste
  sous le champ ; le graphique est estompé (opacité calculée par le navigateur) avec
  « Résultat à refaire » ; le texte tapé reste ; une fois corrigé, tout redevient net.
- toutes les cases d'une sélection décochées : une phrase dit quoi faire et l'image du
  graphique change (plus de barres périmées).
"""

from pathlib import Path

import pilote
import pytest

pytestmark = pytest.mark.navigateur
LARGEUR, HAUTEUR = 1366, 768
ECART_MAXIMAL = 80  # px entre le bas du champ et le haut de son message
OPACITE_ESTOMPEE = 0.6
DOSSIER = Path(__file__).resolve().parents[2] / "notebooks"

# (notebook, texte du titre du simulateur qui a un champ chiffré)
CHAMPS = [("06-kpi.ipynb", "Campagne"), ("01-mix-marketing.ipynb", "Répartir le budget")]

JS_OPACITE = "(e) => parseFloat(getComputedStyle(e).opacity)"


@pytest.fixture
def ecran_eleve(navigateur):
    page = pilote.nouvelle_page(navigateur, LARGEUR, HAUTEUR)
    yield page
    page.context.close()


def _ouvrir(page, serveur, nom):
    pilote.ouvrir_voila(page, serveur.url, nom, pilote.attendu(DOSSIER / nom).vues)


def _simulateur(page, titre):
    simulateur = pilote.simulateurs(page).filter(has=page.locator("h3", has_text=titre)).first
    simulateur.wait_for(state="attached")
    return simulateur


def _dans_l_ecran(boite) -> bool:
    return boite["y"] >= 0 and boite["y"] + boite["height"] <= HAUTEUR


@pytest.mark.parametrize(("nom", "titre"), CHAMPS, ids=[n.split(".")[0] for n, _ in CHAMPS])
def test_message_sous_le_champ_et_graphique_estompe(nom, titre, serveur_voila, ecran_eleve):
    page = ecran_eleve
    _ouvrir(page, serveur_voila, nom)
    simulateur = _simulateur(page, titre)
    boite_champ = simulateur.locator(".coursekit-champ-nombre").first
    champ = boite_champ.locator("input").first
    message = boite_champ.locator(".coursekit-message-champ")
    image = simulateur.locator("img").first
    origine = champ.input_value()
    assert image.evaluate(JS_OPACITE) > 0.99, "graphique estompé avant toute erreur"

    champ.scroll_into_view_if_needed()
    champ.fill("abc")
    champ.press("Enter")
    message.locator(".coursekit-erreur").wait_for(state="visible", timeout=30_000)
    page.wait_for_function(
        "(img) => img.classList.contains('coursekit-perime')", arg=image.element_handle(), timeout=30_000
    )
    page.wait_for_timeout(300)  # fin de la transition d'opacité (0,2 s) : on lit l'état final

    texte = message.inner_text()
    assert "abc" in texte and "nombre" in texte, texte
    assert champ.input_value() == "abc"  # rien de ce que l'élève a tapé n'est effacé
    boite_saisie, boite_message = champ.bounding_box(), message.bounding_box()
    assert _dans_l_ecran(boite_message), f"{nom} : message hors de l'écran {boite_message}"
    ecart = boite_message["y"] - (boite_saisie["y"] + boite_saisie["height"])
    assert -5 <= ecart < ECART_MAXIMAL, f"{nom} : message à {ecart:.0f} px du champ"
    assert abs(boite_message["x"] - boite_saisie["x"]) < 400, (boite_saisie, boite_message)
    assert image.evaluate(JS_OPACITE) < OPACITE_ESTOMPEE
    bandeau = simulateur.locator(".coursekit-bandeau-perime")
    assert bandeau.is_visible() and "Résultat à refaire" in bandeau.inner_text()

    champ.fill(origine)
    champ.press("Enter")
    page.wait_for_function(
        "(img) => !img.classList.contains('coursekit-perime')", arg=image.element_handle(), timeout=30_000
    )
    message.locator(".coursekit-erreur").wait_for(state="detached", timeout=30_000)
    page.wait_for_timeout(300)
    assert image.evaluate(JS_OPACITE) > 0.99
    assert not bandeau.is_visible() and not message.is_visible()
    assert not pilote.defauts_page(page)


def test_selection_vide_efface_le_graphique(serveur_voila, ecran_eleve):
    page = ecran_eleve
    _ouvrir(page, serveur_voila, "01-mix-marketing.ipynb")
    simulateur = _simulateur(page, "Quels canaux choisir")
    image = simulateur.locator("img").first
    image.scroll_into_view_if_needed()
    avant = image.get_attribute("src")
    cochees = simulateur.locator("input[type=checkbox]:checked")
    assert cochees.count() >= 1
    while cochees.count():
        cochees.first.click()
    phrase = simulateur.locator(".coursekit-message", has_text="Cochez au moins une habitude")
    phrase.wait_for(state="visible", timeout=30_000)
    page.wait_for_function(
        "([img, avant]) => img.getAttribute('src') !== avant",
        arg=[image.element_handle(), avant],
        timeout=30_000,
    )
    assert "coursekit-perime" not in (image.get_attribute("class") or "")
    simulateur.locator("input[type=checkbox]").first.click()
    phrase.wait_for(state="detached", timeout=30_000)
    assert not pilote.defauts_page(page)
