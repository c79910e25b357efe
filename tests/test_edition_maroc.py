"""L'édition marocaine : tout ce qu'un utilisateur lit est en dirhams (DH), avec les mêmes rapports.

Les onze chapitres sont fabriqués et exécutés une seule fois pour tout le fichier (environ
70 s sur une machine libre) : fixture de module.
"""

import re

import nbformat
import pytest

from coursekit import contenu, editions, ouvrir, quiz
from coursekit import format as fmt
from coursekit.widgets.base import ChampNombre

# « € », « EUR », « euro(s) » comme mot (pas dans un identifiant comme points_par_euro).
EURO = re.compile(r"€|\bEUR\b|(?<![\w])euros?\b")


@pytest.fixture
def en_dirhams():
    ancienne = fmt.devise()
    fmt.definir_devise("MAD")
    yield
    fmt.definir_devise(ancienne)


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    sortie = tmp_path_factory.mktemp("maroc")
    avant = {c: c.read_bytes() for c in editions.notebooks()}
    chemins = [editions.edition_maroc(c, sortie) for c in editions.notebooks()]
    # Fabriquer l'édition ne touche pas aux notebooks du dépôt (l'édition en euros).
    assert {c: c.read_bytes() for c in editions.notebooks()} == avant
    return {c.name[:2]: nbformat.read(c, as_version=4) for c in chemins}


def _textes_lus(carnet):
    """(où, texte) pour le texte, le code affiché et chaque sortie texte ou HTML d'un notebook."""
    for i, cellule in enumerate(carnet.cells):
        yield f"cellule {i} ({cellule.cell_type})", cellule.source
        for sortie in cellule.get("outputs", []):
            if "text" in sortie:
                yield f"cellule {i}, impression", sortie["text"]
            for mime, valeur in sortie.get("data", {}).items():
                if mime.startswith("text/"):
                    yield f"cellule {i}, {mime}", valeur if isinstance(valeur, str) else "".join(valeur)
            if sortie.get("output_type") == "error":
                yield f"cellule {i}, erreur", f"{sortie['ename']}: {sortie['evalue']}"


def test_chaque_chapitre_sans_euro_et_execute(edition):
    assert len(edition) == len(editions.notebooks()) >= 11
    restes = []
    for numero, carnet in edition.items():
        assert any(c.cell_type == "code" and 'ck.definir_devise("MAD")' in c.source for c in carnet.cells)
        for ou, texte in _textes_lus(carnet):
            assert "erreur" not in ou, f"chapitre {numero}, {ou} : {texte}"
            restes += [
                f"{numero}, {ou} : …{texte[max(0, m.start() - 50) : m.end() + 10]}…"
                for m in EURO.finditer(texte)
            ]
    assert not restes, "\n".join(restes)
    sorties = "".join(t for carnet in edition.values() for ou, t in _textes_lus(carnet) if "," in ou)
    assert sorties.count("\xa0DH") > 100


def _sorties(carnet) -> str:
    return "\n".join(t for ou, t in _textes_lus(carnet) if "," in ou)


def test_exemples_et_exercice_du_chapitre_06_en_dirhams(edition):
    carnet = edition["06"]
    texte = "\n".join(c.source for c in carnet.cells if c.cell_type == "markdown")
    texte = texte.replace("\xa0", " ").replace("\u202f", " ")
    assert "3 000 DH dépensés pour 600 clics" in texte  # 300 € dans l'édition en euros
    sorties = _sorties(carnet).replace("\xa0", " ").replace("\u202f", " ")
    assert "CPC : 5,00 DH par clic" in sorties  # 3 000 DH ÷ 600 clics, calculé en direct
    assert "CPA : 500 DH" in sorties and "CPC : 7,50 DH" in sorties  # solution de l'exercice
    assert "ROAS : 3:1" in sorties and "ROI : +20 %" in sorties  # les rapports ne changent pas
    code = "\n".join(c.source for c in carnet.cells if c.cell_type == "code")
    assert "ca, marge, depense = ck.dh(35_000), ck.dh(8_750), ck.dh(10_000)" in code


def test_contenu_quiz_et_exercices_en_dirhams(en_dirhams):
    for chapitre in contenu.chapitres():
        donnees = contenu.charger(chapitre)
        for partie in ("quiz", "exercices"):
            restes = [m[0] for m in EURO.finditer(str(donnees.get(partie, {})))]
            assert not restes, f"{chapitre} → {partie} : {restes}"
    cpc = contenu.charger("06")["exercices"]["cpc"]
    assert cpc["explication"] == "6\u202f000\xa0DH ÷ 800 clics = 7,50\xa0DH par clic."
    assert quiz.valeur_attendue(cpc, contenu.charger("06")) == pytest.approx(7.5)
    assert quiz.unite_affichee(cpc["unite"]) == "DH"
    assert quiz.corriger_nombre(
        "7,5", quiz.valeur_attendue(cpc, contenu.charger("06")), quiz.tolerance(cpc)
    ).juste
    # Une question sans unité monétaire garde sa réponse : le ROI reste de 20 %.
    roi = contenu.charger("06")["exercices"]["roi"]
    assert quiz.valeur_attendue(roi, contenu.charger("06")) == pytest.approx(20)


def test_verifier_en_dirhams(en_dirhams, capsys):
    quiz.verifier("06", "cpa", 500)
    assert capsys.readouterr().out.startswith("✔")
    quiz.verifier("06", "cpa", 50)
    assert capsys.readouterr().out.startswith("✘")


def test_edition_en_euros_inchangee():
    fmt.definir_devise("EUR")
    cpc = contenu.charger("06")["exercices"]["cpc"]
    assert cpc["explication"] == "600 € ÷ 800 clics = 0,75 € par clic."
    assert quiz.valeur_attendue(cpc, contenu.charger("06")) == pytest.approx(0.75)
    assert fmt.monnaie(1440) == "1\u202f440\xa0€"
    assert fmt.texte_local("300 € dépensés") == "300 € dépensés"
    assert ChampNombre("Budget", "1 000", unite="€").lire() == 1000


def test_un_seul_taux_et_des_prix_naturels(en_dirhams):
    assert fmt.monnaie(1440) == "14\u202f400\xa0DH"
    assert fmt.monnaie(-3) == "−30\xa0DH"
    assert (fmt.prix_naturel(49.90), fmt.prix_naturel(0.50), fmt.prix_naturel(0.75)) == (499, 5, 7.5)
    assert fmt.texte_local("de 2 000 à 3 000 € par mois, J+10") == "de 20 000 à 30 000\xa0DH par mois, J+10"
    assert fmt.texte_local("Un ROAS de 4:1, soit 4 € de ventes pour 1 €") == (
        "Un ROAS de 4:1, soit 40\xa0DH de ventes pour 10\xa0DH"
    )
    # Un champ de montant montre des dirhams et rend la référence en euros aux calculateurs.
    champ = ChampNombre("Budget", "1 000", libelle="Le budget", unite=fmt.symbole_devise())
    assert champ.value == "10\u202f000"
    assert champ.lire() == 1000
    champ.value = "2 500"
    assert champ.lire() == 250


def test_montants_du_code():
    assert editions.montants_du_code("ck.influence.cout_par_interaction(prix=300, abonnes=15_000)") == (
        "ck.influence.cout_par_interaction(prix=ck.dh(3_000), abonnes=15_000)"
    )
    # Positionnels reconnus par la signature du calculateur ; un nombre qui n'est pas un montant reste.
    assert editions.montants_du_code("ck.kpi.roas(3500, 1000)\nck.kpi.taux_clic(150, 10_000)") == (
        "ck.kpi.roas(ck.dh(35_000), ck.dh(10_000))\nck.kpi.taux_clic(150, 10_000)"
    )


def test_copie_de_l_eleve_en_dirhams_retenue(tmp_path):
    copie = tmp_path / "copie"
    chapitres = [c for c in editions.notebooks() if c.name.startswith("06")]
    ouvrir.preparer_copie(copie, chapitres, maroc=True)
    assert ouvrir.edition_retenue(copie) == "maroc"
    texte = (copie / chapitres[0].name).read_text(encoding="utf-8")
    assert "DH" in texte and 'ck.definir_devise(\\"MAD\\")' in texte
    assert not EURO.search(texte.replace("points_par_euro", ""))
    # Sans option, la copie garde son édition ; --france revient aux euros.
    assert set(ouvrir.preparer_copie(copie, chapitres).values()) == {"à jour"}
    assert ouvrir.preparer_copie(copie, chapitres, maroc=False)[chapitres[0].name] == "mis à jour"
    assert "€" in (copie / chapitres[0].name).read_text(encoding="utf-8")
