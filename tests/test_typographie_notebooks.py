"""Typographie française de tout ce qu'un élève lit dans les notebooks : markdown et sorties enregistrées.

- une espace insécable (U+00A0, ou fine U+202F) avant « : ; ! ? » et à l'intérieur des guillemets « » ;
- le signe moins (U+2212) devant un nombre négatif mis en forme, jamais le trait d'union ;
- un seul séparateur des milliers dans un même notebook.

Le code (blocs ```, `code` en ligne, cellules de code) n'est pas du texte à lire : il est exclu, mais
ses sorties (texte imprimé, tableaux HTML, Markdown affiché) sont contrôlées.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

RACINE = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((RACINE / "notebooks").glob("[0-9][0-9]-*.ipynb"))

ESPACE_AVANT_PONCTUATION = re.compile(r"(?<=\S) [:;!?](?=\s|$|[)*_»\"'])")
GUILLEMET_OUVRANT = re.compile(r"« ")
GUILLEMET_FERMANT = re.compile(r" »")
# Un trait d'union collé à un chiffre, en début de mot ou après une espace ou une parenthèse :
# « -12,5 % », « (-3 points) ». Les intervalles « 30-50 » et les mots composés ne sont pas visés.
TRAIT_D_UNION_NEGATIF = re.compile(r"(?:^|(?<=[\s(]))-(?=\d)")
SEPARATEUR_MILLIERS = re.compile(r"(?<![\d,])\d{1,3}([ \u00a0\u202f])\d{3}(?![\d])")


def _sans_code(markdown: str) -> str:
    markdown = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    markdown = re.sub(r"`[^`\n]*`", " ", markdown)
    markdown = re.sub(r"\]\([^)]*\)", "]", markdown)  # adresses des liens
    markdown = re.sub(r"<[^>]+>", " ", markdown)
    return markdown


def textes_lisibles(carnet) -> list[tuple[str, str]]:
    """(lieu, texte) pour chaque texte lu par l'élève : cellules Markdown et sorties enregistrées."""
    textes = []
    for numero, cellule in enumerate(carnet.cells):
        if cellule.cell_type == "markdown":
            textes.append((f"cellule {numero} (markdown)", _sans_code(cellule.source)))
        elif cellule.cell_type == "code":
            for sortie in cellule.get("outputs", []):
                lieu = f"cellule {numero} (sortie)"
                if sortie.output_type == "stream":
                    textes.append((lieu, sortie.text))
                donnees = sortie.get("data", {})
                if "text/html" in donnees:
                    page = re.sub(r"<style.*?</style>", " ", donnees["text/html"], flags=re.S)
                    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
                    textes.append((lieu, html.unescape(re.sub(r"<[^>]+>", " ", page))))
                elif "text/markdown" in donnees:
                    textes.append((lieu, _sans_code(donnees["text/markdown"])))
    return textes


def fautes_typographiques(textes: list[tuple[str, str]]) -> list[str]:
    """La liste lisible des fautes trouvées (vide si tout va bien)."""
    fautes = []
    separateurs: dict[str, str] = {}
    for lieu, texte in textes:
        for motif, quoi in (
            (ESPACE_AVANT_PONCTUATION, "espace ordinaire avant la ponctuation"),
            (GUILLEMET_OUVRANT, "espace ordinaire après «"),
            (GUILLEMET_FERMANT, "espace ordinaire avant »"),
            (TRAIT_D_UNION_NEGATIF, "trait d'union au lieu du signe moins"),
        ):
            for trouve in motif.finditer(texte):
                extrait = texte[max(0, trouve.start() - 30) : trouve.end() + 10].replace("\n", " ")
                fautes.append(f"{lieu} : {quoi} : …{extrait}…")
        for trouve in SEPARATEUR_MILLIERS.finditer(texte):
            separateurs.setdefault(trouve.group(1), f"{lieu} : « {trouve.group()} »")
    if len(separateurs) > 1:
        noms = {" ": "espace ordinaire", "\u00a0": "espace insécable", "\u202f": "espace fine insécable"}
        exemples = " ; ".join(f"{noms[s]} ({ou})" for s, ou in separateurs.items())
        fautes.append(f"séparateurs des milliers mélangés : {exemples}")
    return fautes


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def carnet(request):
    return nbformat.read(request.param, as_version=4)


def test_typographie_francaise(carnet):
    fautes = fautes_typographiques(textes_lisibles(carnet))
    assert not fautes, f"{len(fautes)} faute(s) de typographie :\n" + "\n".join(fautes[:40])


@pytest.mark.parametrize(
    "texte",
    [
        "Taux de clic : 2 %",
        "Pourquoi ?",
        "« Publicité »",
        "ROI : -12,5 %",
        "écart (-3 points)",
        "Prix\u00a0: 1 500\u00a0€ et 2\u202f000\u00a0€",
    ],
)
def test_le_controle_trouve_les_fautes(texte):
    assert fautes_typographiques([("essai", texte)])


@pytest.mark.parametrize(
    "texte",
    [
        "Taux de clic\u00a0: 2\u00a0%",
        "Pourquoi\u202f?",
        "«\u00a0Publicité\u00a0»",
        "ROI\u00a0: −12,5\u00a0%",
        "de 30-50 € et le bien-être, J+30, ratio 3,5:1, 12:30",
        "1\u202f500\u00a0€ et 2\u202f000\u00a0€",
    ],
)
def test_le_controle_accepte_la_bonne_typographie(texte):
    assert not fautes_typographiques([("essai", texte)])


def test_le_code_n_est_pas_controle():
    assert not fautes_typographiques(
        [("essai", _sans_code("Tapez `x = a if b else c ; d`.\n```\ny : int\n```"))]
    )
