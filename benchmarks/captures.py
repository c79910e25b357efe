"""Captures d'écran du mode projecteur, deux par chapitre, pour le README et la documentation.

    python -m benchmarks.captures            # tous les chapitres → docs/captures/<chapitre>-<taille>.png
    python -m benchmarks.captures 06 07      # certains chapitres

Chaque chapitre est ouvert dans Voilà avec ``COURSEKIT_PROJECTEUR=1`` (comme le fait
``python -m coursekit.lanceur``), dans Chromium sans tête, aux deux tailles d'écran de
projecteur (1 280 × 720 et 1 024 × 768) : ``06-kpi-1280x720.png``, ``06-kpi-1024x768.png``.
La capture montre l'écran seul (pas toute la page), le titre du simulateur principal du
chapitre en haut : le premier simulateur qui a un graphique (sinon le premier simulateur,
sinon le haut de la page). Les PNG sont réduits à une palette de 96 couleurs pour rester légers.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

import PIL.Image

from benchmarks._commun import RACINE, pilote, projection
from coursekit.lanceur import chapitres, demarrer_voila, trouver_chapitre

DOSSIER = RACINE / "docs" / "captures"


def capturer(page, chemin: Path, cible: Path) -> int:
    """Capture la page (premier simulateur en haut de l'écran) ; rend la taille du PNG en octets."""
    simulateurs = pilote.simulateurs(page)
    principal = simulateurs.filter(has=page.locator("img"))
    if principal.count():
        projection.cadrer(principal.first)
    elif simulateurs.count():
        projection.cadrer(simulateurs.first)
    page.wait_for_timeout(300)
    brut = page.screenshot()
    image = PIL.Image.open(io.BytesIO(brut)).convert("RGB")
    image = image.quantize(colors=96, method=PIL.Image.Quantize.MEDIANCUT, dither=PIL.Image.Dither.NONE)
    image.save(cible, format="png", optimize=True)
    return cible.stat().st_size


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m benchmarks.captures", description=__doc__.splitlines()[0]
    )
    analyseur.add_argument("chapitres", nargs="*", help="numéros ou noms (par défaut : tous)")
    options = analyseur.parse_args(arguments)
    notebooks = [trouver_chapitre(c) for c in options.chapitres] or chapitres()
    DOSSIER.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as dossier:
        navigateur = pilote.lancer_chromium(playwright)
        serveur = demarrer_voila(projecteur=True, journal=Path(dossier) / "voila.log")
        try:
            for chemin in notebooks:
                for largeur, hauteur in projection.TAILLES:
                    page = pilote.nouvelle_page(navigateur, largeur, hauteur)
                    pilote.ouvrir_voila(page, serveur.url, chemin.name, pilote.attendu(chemin).vues)
                    cible = DOSSIER / f"{chemin.stem}-{largeur}x{hauteur}.png"
                    taille = capturer(page, chemin, cible)
                    page.context.close()
                    print(f"{cible.relative_to(RACINE)} : {taille / 1024:.0f} Ko", flush=True)
        finally:
            serveur.arreter()
            navigateur.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
