"""Serveurs et navigateur partagés par les tests dans le navigateur (une fois par session).

Chromium vient de Debian (/usr/bin/chromium) : aucun navigateur n'est téléchargé.
Sans Chromium ou sans playwright, ces tests sont sautés avec une raison claire,
sauf en intégration continue (``CI=true``) où c'est un échec.
"""

from __future__ import annotations

import os

import pilote
import pytest


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "navigateur: test dans un vrai navigateur (Chromium, Voilà, JupyterLab)"
    )


def en_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "oui"}


def sans_navigateur(raison: str):
    """Saute le test (machine d'un professeur) ou échoue (CI) quand le navigateur manque."""
    if en_ci():
        pytest.fail(
            f"CI=true : {raison}. En intégration continue, le navigateur doit être installé.", pytrace=False
        )
    pytest.skip(f"{raison} — browser tests skipped (no Chromium/playwright on this machine)")


@pytest.fixture(scope="session")
def navigateur():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sans_navigateur("playwright (Python) n'est pas installé : pip install -e '.[test]'")
    chemin = pilote.chromium_disponible()
    if not chemin:
        sans_navigateur(f"Chromium introuvable ({pilote.CHROMIUM}) : sudo apt-get install chromium")
    with sync_playwright() as playwright:
        try:
            navigateur = pilote.lancer_chromium(playwright, chemin)
        except Exception as erreur:  # noqa: BLE001
            sans_navigateur(f"Chromium ({chemin}) ne démarre pas : {erreur}")
        yield navigateur
        navigateur.close()


def _serveur(demarrer, nom, tmp_path_factory):
    from coursekit.lanceur import Serveur

    dossier = tmp_path_factory.mktemp(nom)
    serveur: Serveur = demarrer(dossier)
    try:
        yield serveur
    finally:
        serveur.arreter()


@pytest.fixture(scope="session")
def serveur_voila(navigateur, tmp_path_factory):
    from coursekit.lanceur import demarrer_voila

    yield from _serveur(lambda d: demarrer_voila(journal=d / "voila.log"), "voila", tmp_path_factory)


@pytest.fixture(scope="session")
def serveur_voila_projecteur(navigateur, tmp_path_factory):
    from coursekit.lanceur import demarrer_voila

    yield from _serveur(
        lambda d: demarrer_voila(projecteur=True, journal=d / "voila.log"),
        "voila-projecteur",
        tmp_path_factory,
    )


@pytest.fixture(scope="session")
def serveur_lab(navigateur, tmp_path_factory):
    from coursekit.lanceur import demarrer_lab

    yield from _serveur(lambda d: demarrer_lab(d, journal=d / "lab.log"), "lab", tmp_path_factory)


@pytest.fixture
def page(navigateur):
    page = pilote.nouvelle_page(navigateur)
    yield page
    page.context.close()
