"""L'édition élève ne montre aucune réponse et ne garde aucune trace des solutions retirées.

On fabrique l'édition élève comme le fait ``python -m coursekit.editions eleve``, puis :

- on y cherche, pour chaque exercice des fichiers de contenu, sa correction, sa réponse chiffrée
  (écrite à la française, ou à l'anglaise dans du code ; sauf les petits entiers, qui apparaissent
  partout) et, pour un QCM, l'explication de la bonne réponse ; la recherche porte aussi sur les
  sorties enregistrées des cellules qui ne sont pas des solutions (JupyterLab et Voilà les montrent) ;
- aucun titre n'y reste sans rien dessous (suivi d'un titre de même niveau ou plus haut, ou de la
  fin du notebook) : un titre de solution va dans la cellule ``solution`` ;
- aucune phrase n'y renvoie à une solution ou à une correction du professeur, qui n'y est pas ;
- pour chaque question rédigée, sa réponse possible et ce que le correcteur attend n'y figurent pas.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from nbconvert.preprocessors import TagRemovePreprocessor

from coursekit import contenu, editions, quiz
from coursekit import format as fmt

# Ce qu'un texte de l'édition élève ne peut pas dire : la chose désignée a été retirée.
RENVOIS_AUX_SOLUTIONS = (
    "solution du professeur",
    "solutions du professeur",
    "proposition du professeur",
    "propositions du professeur",
    "pour le professeur",
    "réponse modèle",
    "réponses modèles",
    "solution ci-dessous",
    "correction ci-dessous",
    "corrigé ci-dessous",
    "corrigés ci-dessous",
    "voir la solution",
    "édition professeur",
    "édition du professeur",
)

TITRE = re.compile(r"^(#{1,6})\s+\S")
CLOTURE = re.compile(r"^\s*(```|~~~)")


@pytest.fixture(scope="module")
def edition_eleve(tmp_path_factory):
    """Les notebooks de l'édition élève, par nom de chapitre."""
    dossier = tmp_path_factory.mktemp("eleve")
    return {chemin.stem: nbformat.read(chemin, as_version=4) for chemin in editions.edition("eleve", dossier)}


def _texte(carnet) -> str:
    morceaux = [c.source for c in carnet.cells]
    for cellule in carnet.cells:
        for sortie in cellule.get("outputs", []):
            morceaux.append(sortie.get("text", ""))
            morceaux.extend(str(v) for k, v in sortie.get("data", {}).items() if not k.startswith("image/"))
    return "\n".join(morceaux)


@pytest.fixture(scope="module")
def visible():
    """Ce que voit l'élève de chaque chapitre : l'édition élève, plus les sorties enregistrées des
    cellules qui ne sont pas des solutions (le notebook ouvert tel quel, ou projeté dans Voilà)."""
    retrait = TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True)
    textes = {}
    for chemin in editions.notebooks():
        carnet, _ = retrait.preprocess(nbformat.read(chemin, as_version=4), {})
        textes[chemin.stem] = _texte(carnet)
    return textes


def _ecritures(valeur: float) -> set[str]:
    """Les façons dont un élève lirait ce nombre : ``12,5``, ``12,50``, ``1 440``, ou ``12.50`` dans du code."""
    if float(valeur).is_integer():
        # « 3 », « 20 », « 240 » : trop communs pour être une fuite ; « 1 440 » ne l'est pas.
        return {fmt.nombre(valeur, 0)} if abs(valeur) >= 1000 else set()
    decimales = 1 if round(valeur, 1) == round(valeur, 6) else 2  # écrit comme l'écrirait l'élève
    return {fmt.nombre(valeur, decimales), f"{valeur:.{decimales}f}", f"{valeur:.2f}"}


def _en_monnaie(exercice: dict) -> bool:
    unite = exercice.get("unite", "")
    return "{devise}" in unite or "€" in unite or "DH" in unite


def _reponses(donnees: dict):
    for ident, exercice in donnees.get("exercices", {}).items():
        yield ident, "correction", exercice["explication"] if exercice["type"] == "nombre" else None
        if exercice["type"] == "nombre":
            for ecrit in _ecritures(quiz.valeur_attendue(exercice, donnees)):
                # un nombre dans un nombre plus long, ou un montant quand la réponse n'en est pas un,
                # est un autre chiffre du cours (« 3,53 € » par session n'est pas la note de 3,53)
                apres = r"(?![\d\u202f])" + ("" if _en_monnaie(exercice) else r"(?![\s\xa0\u202f]?(€|DH))")
                yield ident, "réponse", re.compile(r"(?<![\d.,\u202f])" + re.escape(ecrit) + apres)
        else:
            bonne = next(p for p in exercice["propositions"] if p.get("juste"))
            yield ident, "bonne réponse expliquée", bonne["explication"]
    for ident, ouverte in quiz.questions_ouvertes(donnees["chapitre"]).items():
        yield ident, "réponse possible", ouverte.get("reponse_possible")
        for attendu in ouverte["attendus"]:
            if len(attendu) >= 40:  # « le nombre de clients inactifs » peut figurer dans un énoncé
                yield ident, "attendu du correcteur", attendu


@pytest.mark.parametrize("chapitre", contenu.chapitres())
def test_aucune_reponse_dans_l_edition_eleve(visible, chapitre):
    donnees = contenu.charger(chapitre)
    texte = visible[chapitre]
    fuites = [
        f"{ident} ({genre}) : {valeur!r}"
        for ident, genre, valeur in _reponses(donnees)
        if valeur and _dans(valeur, texte)
    ]
    assert not fuites, "réponses visibles dans l'édition élève : " + " ; ".join(fuites)
    assert "attendu=" not in texte, "une réponse attendue est écrite dans une cellule"


def _dans(valeur, texte: str) -> bool:
    return bool(valeur.search(texte)) if isinstance(valeur, re.Pattern) else valeur in texte


def test_le_controle_voit_une_fuite(visible):
    """Le contrôle n'est pas aveugle : une correction recopiée dans une cellule est trouvée."""
    donnees = contenu.charger("06")
    correction = donnees["exercices"]["cpa"]["explication"]
    texte = visible["06-kpi"] + "\n" + correction
    assert any(v and _dans(v, texte) for _, _, v in _reponses(donnees))
    ctr = [v for i, g, v in _reponses(donnees) if i == "cpc" and g == "réponse"]
    assert any(_dans(v, "print(0.75)") for v in ctr) and any(_dans(v, "CPC : 0,75 €") for v in ctr)
    assert not any(_dans(v, "10,75 € ou 0,755") for v in ctr)


# --- ni titre vide, ni renvoi à une solution retirée --------------------------------------------


def _plan(carnet):
    """La suite de ce que lit l'élève : ``(niveau, texte)`` pour un titre, ``(None, texte)`` sinon."""
    for cellule in carnet.cells:
        if cellule.cell_type != "markdown":
            if cellule.source.strip():
                yield None, cellule.source.splitlines()[0]
            continue
        dans_code = False
        for ligne in cellule.source.splitlines():
            if CLOTURE.match(ligne):
                dans_code = not dans_code
                yield None, ligne
                continue
            titre = None if dans_code else TITRE.match(ligne)
            if titre:
                yield len(titre.group(1)), ligne.strip()
            elif ligne.strip():
                yield None, ligne.strip()


def titres_vides(carnet) -> list[str]:
    """Les titres suivis d'un titre de même niveau ou plus haut, ou de rien."""
    plan = list(_plan(carnet))
    vides = []
    for rang, (niveau, texte) in enumerate(plan):
        if niveau is None:
            continue
        suivant = plan[rang + 1][0] if rang + 1 < len(plan) else 0
        if suivant is not None and suivant <= niveau:
            vides.append(texte)
    return vides


def renvois_aux_solutions(carnet) -> list[str]:
    """Les phrases qui renvoient à une solution ou à une correction retirée de l'édition élève."""
    trouves = []
    for cellule in carnet.cells:
        texte = cellule.source.replace("\xa0", " ").replace("\u202f", " ").casefold()
        trouves += [f"« {p} » dans {cellule.source[:60]!r}" for p in RENVOIS_AUX_SOLUTIONS if p in texte]
    return trouves


@pytest.mark.parametrize("chapitre", contenu.chapitres())
def test_aucun_titre_laisse_vide(edition_eleve, chapitre):
    assert not titres_vides(edition_eleve[chapitre]), "titres sans rien dessous dans l'édition élève"


@pytest.mark.parametrize("chapitre", contenu.chapitres())
def test_aucun_renvoi_a_une_solution_retiree(edition_eleve, chapitre):
    renvois = renvois_aux_solutions(edition_eleve[chapitre])
    assert not renvois, "l'édition élève renvoie à ce qu'elle n'a pas : " + " ; ".join(renvois)


def test_les_controles_voient_un_titre_orphelin_et_un_renvoi(tmp_path):
    """Un titre de solution resté hors de la cellule ``solution``, et la phrase qui l'annonce, sont vus
    (c'était le cas des chapitres 01 et 02 avant que leurs titres passent dans les solutions)."""
    carnet = nbformat.v4.new_notebook()
    solution = nbformat.v4.new_code_cell('print("Réponse : 0,75 €")', metadata={"tags": ["solution"]})
    carnet.cells = [
        nbformat.v4.new_markdown_cell("## Exercice\n\nCalculez le CPC, puis voir la correction ci-dessous."),
        nbformat.v4.new_code_cell("reponse = None"),
        nbformat.v4.new_markdown_cell("### Solution du professeur"),
        solution,
        nbformat.v4.new_markdown_cell("## Quiz\n\n```python\n# pas un titre\n```"),
        nbformat.v4.new_markdown_cell("## L'essentiel"),
    ]
    source = tmp_path / "99-essai.ipynb"
    nbformat.write(carnet, source)
    eleve = nbformat.read(editions.edition_notebook(source, "eleve", tmp_path / "eleve"), as_version=4)
    assert titres_vides(eleve) == ["### Solution du professeur", "## L'essentiel"]
    assert len(renvois_aux_solutions(eleve)) == 2
    # une fois le titre dans la cellule solution et la phrase récrite, tout passe
    carnet.cells[0].source = "## Exercice\n\nCalculez le CPC."
    carnet.cells[2].metadata["tags"] = ["solution"]
    carnet.cells[5].source += "\n\n- Le CPC est le coût d'un clic."
    nbformat.write(carnet, source)
    eleve = nbformat.read(editions.edition_notebook(source, "eleve", tmp_path / "eleve"), as_version=4)
    assert titres_vides(eleve) == [] and renvois_aux_solutions(eleve) == []


def test_le_controle_voit_une_reponse_possible_recopiee(visible):
    """La réponse possible d'une question rédigée, recopiée dans une cellule, est trouvée."""
    donnees = contenu.charger("10")
    modele = quiz.questions_ouvertes("10")["e5-q3"]["reponse_possible"]
    texte = visible["10-analyse-site-e5"] + "\n" + modele
    assert ("e5-q3", "réponse possible", modele) in [
        r for r in _reponses(donnees) if r[2] and _dans(r[2], texte)
    ]
