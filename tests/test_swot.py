import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import ErreurSaisie
from coursekit.graphiques.swot import dessiner_swot, figure_swot, remplir_swot, texte_quadrant
from coursekit.swot import (
    CODES_TOWS,
    CONCURRENTS_GRAINE_DE_VILLE,
    CONSTATS_GRAINE_DE_VILLE,
    GRILLE_CONCURRENT,
    QUADRANTS,
    Swot,
    abreger,
    analyser_concurrent,
    corriger_audit,
    corriger_classement,
    entrees_depuis_texte,
    grille_concurrents,
    nature_concurrence,
    origine_probable,
    simplifier_espaces,
    texte_depuis_entrees,
)

HOSTILE = [
    "Éco-responsable, à l'œuvre 🌱✨",
    "<script>alert('x')</script> & <b>gras</b>",
    "ligne 1\nligne 2\r\nligne 3",
    "x" * 10_000,
    "guillemets \" ' « » et barre | et [lien](http://exemple.fr) # titre",
]


def swot_graine():
    return Swot(
        forces=["communauté Instagram fidèle", "produits vérifiés"],
        faiblesses=["500 visites par mois"],
        opportunites=["essor de la seconde main", "loi anti-gaspillage", "micro-influenceurs locaux"],
        menaces=["concurrents mieux référencés"],
        entreprise="Graine de Ville",
    )


def test_tows_croise_les_bons_quadrants():
    tows = swot_graine().tows()
    assert tuple(tows) == CODES_TOWS == ("SO", "WO", "ST", "WT")
    assert tows["SO"].pistes[0] == (
        "Comment utiliser cette force\u00a0: «\u00a0communauté Instagram fidèle\u00a0», pour saisir cette opportunité\u00a0: «\u00a0essor de la seconde main\u00a0»\u00a0?"
    )
    # chaque entrée des deux quadrants croisés est citée au moins une fois
    assert len(tows["SO"]) == 3
    assert "produits vérifiés" in tows["SO"] and "micro-influenceurs locaux" in tows["SO"]
    assert "500 visites par mois" in tows["WO"] and "loi anti-gaspillage" in tows["WO"]
    assert "concurrents mieux référencés" in tows["ST"] and "essor" not in str(tows["ST"])
    assert list(tows["WT"]) == [
        "Que faire pour que cette faiblesse\u00a0: «\u00a0500 visites par mois\u00a0», ne nous rende pas vulnérables "
        "face à cette menace\u00a0: «\u00a0concurrents mieux référencés\u00a0»\u00a0?"
    ]


def test_tows_quadrant_vide_donne_un_conseil_pas_une_erreur():
    tows = Swot(forces=["A"]).tows()
    assert all(len(s) == 0 for s in tows.values())
    assert (
        tows["SO"].conseil == "Ajoutez au moins une force et une opportunité pour construire cette stratégie."
    )
    assert "une faiblesse et une menace" in str(tows["WT"])


def test_tows_abrege_les_entrees_longues_sur_demande():
    swot = Swot(forces=["f" * 500], opportunites=["o"])
    assert "f" * 500 in swot.tows()["SO"].pistes[0]
    courte = swot.tows(longueur_max=20)["SO"].pistes[0]
    assert "f" * 19 + "…" in courte and "f" * 20 not in courte
    with pytest.raises(ErreurSaisie, match="longueur maximale"):
        swot.tows(longueur_max=0)


def test_validation_en_francais():
    with pytest.raises(ErreurSaisie, match=r"L'entrée n° 2 des forces \(forces\) doit être un texte"):
        Swot(forces=["ok", 42])
    with pytest.raises(ErreurSaisie, match="pas un texte seul"):
        Swot(menaces="concurrents")
    with pytest.raises(ErreurSaisie, match="liste de textes"):
        Swot(opportunites=12)
    with pytest.raises(ErreurSaisie, match="nom de l'entreprise"):
        Swot(entreprise=3)
    with pytest.raises(ErreurSaisie, match="quadrant"):
        Swot().quadrant("forts")
    assert issubclass(ErreurSaisie, ValueError)


def test_entrees_vides_ignorees_et_comptes():
    swot = Swot(forces=["a", "  ", ""], faiblesses=None, opportunites=("b",))
    assert swot.forces == ["a"] and swot.faiblesses == [] and swot.opportunites == ["b"]
    assert swot.nombre_entrees() == {"forces": 1, "faiblesses": 0, "opportunites": 1, "menaces": 0}
    assert swot.quadrants_vides() == ["faiblesses", "menaces"]
    assert Swot().est_vide() and not swot.est_vide()


def test_aller_retour_json_texte_hostile():
    swot = Swot(HOSTILE, HOSTILE[::-1], HOSTILE[1:], HOSTILE[:1], entreprise="<i>Graine</i> 🌱")
    texte = swot.vers_json()
    assert "🌱" in texte and "Éco" in texte  # UTF-8 lisible, pas d'échappement \u
    relu = Swot.depuis_json(texte)
    assert relu == swot
    assert relu.forces[3] == "x" * 10_000 and relu.forces[2] == "ligne 1\nligne 2\r\nligne 3"
    assert Swot.depuis_dict(swot.vers_dict()) == swot


@given(
    st.lists(st.lists(st.text(), max_size=5), min_size=4, max_size=4),
    st.text(),
)
def test_propriete_aller_retour_sans_perte(listes, entreprise):
    swot = Swot(*listes, entreprise=entreprise)
    assert Swot.depuis_json(swot.vers_json()) == swot
    assert Swot.depuis_dict(json.loads(json.dumps(swot.vers_dict()))) == swot
    # seules les entrées vides (ou faites d'espaces) disparaissent
    for q, liste in zip(QUADRANTS, listes, strict=True):
        assert swot.quadrant(q) == [e for e in liste if e.strip()]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1)))
def test_propriete_tows_cite_chaque_entree(forces):
    forces = [f for f in forces if f.strip()]
    swot = Swot(forces=forces, opportunites=["une opportunité"])
    pistes = swot.tows()["SO"]
    assert len(pistes) == max(len(forces), 1) if forces else len(pistes) == 0
    for f in forces:
        assert simplifier_espaces(f) in pistes


@given(st.text(), st.integers(min_value=2, max_value=200))
def test_propriete_abreger(texte, n):
    court = abreger(texte, n)
    assert len(court) <= n
    entier = simplifier_espaces(texte)
    assert court == entier if len(entier) <= n else court.endswith("…")


def test_espaces_insecables_gardes():
    assert abreger("2\u202f000 abonnés\n fidèles", 50) == "2\u202f000 abonnés fidèles"
    _figure, elements = figure_swot(Swot(forces=["Une communauté Instagram fidèle de 2\u202f000 abonnés"]))
    assert "2\u202f000" in elements["forces"].get_text()


@pytest.mark.parametrize(
    "contenu, message",
    [
        ("{oups", "n'est pas un JSON valide"),
        ("", "Le fichier est vide"),
        ("[1, 2]", "objet JSON"),
        ('{"entreprise": "X", "reponses": {}}', "appartient au planificateur du projet final"),
        ('{"forces": [], "faiblesses": [], "opportunites": []}', "abîmé : il manque « menaces »"),
        ('{"format": "coursekit-persona", "forces": []}', "appartient au constructeur de persona"),
        (
            '{"forces": [1], "faiblesses": [], "opportunites": [], "menaces": []}',
            "« forces → n° 1 » : on attend un texte",
        ),
    ],
)
def test_fichier_invalide_message_francais(contenu, message):
    with pytest.raises(ErreurSaisie, match=message):
        Swot.depuis_json(contenu)


def test_depuis_json_refuse_un_non_texte():
    with pytest.raises(ErreurSaisie, match="texte JSON"):
        Swot.depuis_json(b"{}")


def test_markdown_complet_et_echappe():
    md = Swot(
        ["<script>alert(1)</script>", "a\nb"], [], ["essor"], [], entreprise="Graine de Ville"
    ).vers_markdown()
    assert md.startswith("# Analyse SWOT : Graine de Ville\n")
    assert "## Forces (S, facteur interne positif)" in md
    assert "## Menaces (T, facteur externe négatif)" in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md and "<script>" not in md
    assert "- a  \n  b" in md  # retour à la ligne gardé dans la puce
    assert md.count("*À compléter.*") == 2
    assert "### SO : stratégie offensive" in md
    assert (
        "Comment utiliser cette force\u00a0: «\u00a0&lt;script&gt;alert(1)&lt;/script&gt;\u00a0», "
        "pour saisir cette opportunité\u00a0: «\u00a0essor\u00a0»\u00a0?" in md
    )
    assert "Ajoutez au moins une force et une menace" in md


def test_entrees_depuis_texte_et_retour():
    assert entrees_depuis_texte("- un\n\n  • deux  \n3. trois\n* quatre\n-5 °C") == [
        "un",
        "deux",
        "trois",
        "quatre",
        "-5 °C",
    ]
    assert entrees_depuis_texte(None) == []
    assert texte_depuis_entrees(["a", "b\nc"]) == "a\nb c"
    with pytest.raises(ErreurSaisie):
        entrees_depuis_texte(3)


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1), max_size=6))
def test_propriete_lignes_stables(entrees):
    """Ce qui sort de la zone de texte y revient à l'identique (aller-retour du constructeur)."""
    premieres = entrees_depuis_texte("\n".join(entrees))
    assert entrees_depuis_texte(texte_depuis_entrees(premieres)) == premieres


def test_origine_probable_et_conseils():
    assert origine_probable("essor de la seconde main") == "externe"
    assert origine_probable("La loi anti-gaspillage") == "externe"
    assert origine_probable("notre budget de 5 000 €") == "interne"
    assert origine_probable("une belle histoire") is None
    conseils = Swot(forces=["essor de la seconde main"], menaces=["notre équipe est petite"]).conseils()
    assert any("«\u00a0essor de la seconde main\u00a0» ressemble à un facteur externe" in c for c in conseils)
    assert any("«\u00a0notre équipe est petite\u00a0» ressemble à un facteur interne" in c for c in conseils)
    assert any("«\u00a0Opportunités\u00a0» est vide" in c for c in conseils)
    assert any(
        "apparaît deux fois" in c for c in Swot(forces=["Prix bas"], faiblesses=["prix bas !"]).conseils()
    )
    assert (
        Swot(["2 000 abonnés"], ["budget serré"], ["loi anti-gaspillage"], ["concurrents"]).conseils() == []
    )


def test_corriger_classement():
    bonnes = [c.quadrant for c in CONSTATS_GRAINE_DE_VILLE]
    assert all(r.juste for r in corriger_classement(bonnes))
    retours = corriger_classement(["faiblesses"] + bonnes[1:7] + ["faiblesses"])
    assert not retours[0].juste and "interne/externe" not in retours[0].explication
    assert not retours[7].juste and "piège interne/externe" in retours[7].explication
    assert "l'entreprise n'en est pas la cause" in retours[7].explication
    assert corriger_classement([None] * 8)[0].explication == "Choisissez une case pour ce constat."
    with pytest.raises(ErreurSaisie, match="une réponse par constat"):
        corriger_classement(["forces"])
    with pytest.raises(ErreurSaisie, match="Chaque réponse"):
        corriger_classement(["force"] * 8)


def test_corriger_audit():
    bon = corriger_audit(
        ["5 000 abonnés Instagram fidèles", "photos produits soignées", "livraison en 48 h"],
        ["200 visites par mois", "pas de newsletter", "budget de 300 € par mois"],
    )
    assert all(r.juste for r in bon)
    court = corriger_audit(["une force"], ["a", "b", "c", "d"])
    assert "Forces\u00a0: 1 entrée\u00a0; il en faut 3" in court[0].explication and not court[0].juste
    assert "Faiblesses\u00a0: 4 entrées\u00a0; gardez les 3" in court[1].explication
    piege = corriger_audit(["a 1", "b", "c"], ["concurrence forte", "tendance au vrac", "d"])
    assert any(
        "«\u00a0concurrence forte\u00a0», «\u00a0tendance au vrac\u00a0»" in r.explication and not r.juste
        for r in piege
    )
    assert any("Aucun constat n'est chiffré" in r.explication for r in corriger_audit(["a", "b", "c"], []))
    assert any("deux fois" in r.explication for r in corriger_audit(["Prix bas", "prix  bas"], []))


def test_nature_concurrence():
    assert nature_concurrence(True, True) == "direct"
    assert nature_concurrence(False, True) == "indirect"
    assert nature_concurrence(False, False) == "aucune"
    with pytest.raises(ErreurSaisie, match="memes_produits"):
        nature_concurrence("oui", True)


def test_texte_quadrant_coupe_et_previent():
    assert texte_quadrant([], "menaces", 40, 5) == "(vide : ajoutez une menace)"
    long = texte_quadrant(["y" * 10_000], "forces", 30, 8)
    assert long.endswith("…") and len(long) < 200
    plein = texte_quadrant([f"entrée {i}" for i in range(20)], "forces", 30, 6)
    assert plein.splitlines()[-1] == "… et 15 autres" and len(plein.splitlines()) == 6


def test_figure_matrice_mise_a_jour_sur_place():
    figure, elements = figure_swot(swot_graine())
    assert elements["titre"].get_text() == "Analyse SWOT : Graine de Ville"
    assert "• communauté Instagram fidèle" in elements["forces"].get_text()
    textes = {t.get_text() for t in figure.axes[0].texts}
    assert {"Forces", "Faiblesses", "Opportunités", "Menaces", "Positif (+)", "Négatif (−)"} <= textes
    remplir_swot(elements, Swot(menaces=["x" * 10_000]))
    assert elements["forces"].get_text() == "(vide : ajoutez une force)"
    assert elements["forces"].get_fontstyle() == "italic"
    assert elements["menaces"].get_text().endswith("…")
    assert len(figure.axes) == 1
    assert dessiner_swot(Swot()).axes[0].texts


def test_analyser_concurrent():
    a = analyser_concurrent("Seconde Main Club", False, True, True, True, False, 8_000, 480)
    assert a.nature == "indirect" and a.taux_interaction == pytest.approx(6.0)
    assert "une communauté active" in a.atouts and a.failles == ("des publications irrégulières",)
    assert a.phrase().startswith(
        "Seconde Main Club est un concurrent indirect, avec un taux d'interaction de 6\u00a0%."
    )
    faible = analyser_concurrent("", True, True, False, False, True, 1_000, 5)
    assert "une audience peu impliquée" in faible.failles and "absent en ligne" in faible.failles
    assert faible.phrase().startswith("Concurrent direct, avec un taux d'interaction de 0,5\u00a0%.")
    assert "pas un concurrent" in analyser_concurrent("X", False, False, True, True, True, 10, 1).phrase()
    with pytest.raises(ErreurSaisie, match="supérieur à 0"):
        analyser_concurrent("X", True, True, True, True, True, 0, 5)
    with pytest.raises(ErreurSaisie, match="site_soigne"):
        analyser_concurrent("X", True, True, True, "oui", True, 10, 5)
    with pytest.raises(ErreurSaisie, match="nom du concurrent"):
        analyser_concurrent(None, True, True, True, True, True, 10, 5)


def test_grille_concurrents_tableau():
    table = grille_concurrents(CONCURRENTS_GRAINE_DE_VILLE)
    assert list(table.columns) == ["Question", "Maison Verte (direct)", "Seconde Main Club (indirect)"]
    assert len(table) == len(GRILLE_CONCURRENT) == 8
    with pytest.raises(ErreurSaisie, match="Il faut 8 réponses"):
        grille_concurrents({"A": ["oui"]})
    with pytest.raises(ErreurSaisie, match="vide"):
        grille_concurrents({})
