"""Commandes du professeur sans hub : liens, publication de l'édition élève, CSV de la classe, bilan."""

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from coursekit import classe, progres

RACINE = Path(__file__).resolve().parents[1]


def _commande(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "coursekit.classe", *arguments], capture_output=True, text=True
    )


def test_lien_d_un_chapitre():
    adresse = classe.lien("kpi", "https://hub.lycee.fr/", depot="https://git.lycee.fr/eleve.git")
    morceaux = urlsplit(adresse)
    assert morceaux.netloc == "hub.lycee.fr" and morceaux.path == "/hub/user-redirect/git-pull"
    assert parse_qs(morceaux.query) == {
        "repo": ["https://git.lycee.fr/eleve.git"],
        "branch": ["eleve"],
        "targetpath": ["marketing-digital"],
        "urlpath": ["lab/tree/marketing-digital/06-kpi.ipynb"],
    }


def test_lien_professeur_et_voila():
    requete = parse_qs(
        urlsplit(classe.lien("06", "http://127.0.0.1:8000", professeur=True, voila=True)).query
    )
    assert requete["branch"] == ["professeur"] and requete["repo"] == [classe.DEPOT_PROFESSEUR]
    assert requete["urlpath"] == ["voila/render/marketing-digital-professeur/06-kpi.ipynb"]


def test_liens_de_tous_les_chapitres():
    sortie = _commande("liens", "--hub", "https://hub.lycee.fr")
    assert sortie.returncode == 0
    lignes = sortie.stdout.splitlines()
    assert [ligne.split("\t")[0] for ligne in lignes] == [
        p.stem for p in sorted((RACINE / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    ]


@pytest.mark.parametrize(
    "adresse",
    ["hub.lycee.fr", "ftp://hub.lycee.fr", "https://", "https://hub.lycee.fr/?a=1", "http://h:port"],
)
def test_mauvaise_adresse_en_francais(adresse):
    sortie = _commande("lien", "06", "--hub", adresse)
    assert sortie.returncode == 2
    assert sortie.stderr.startswith(f"Erreur : L'adresse du hub « {adresse} » n'est pas valide")
    assert "Traceback" not in sortie.stderr


def test_chapitre_inconnu_en_francais():
    sortie = _commande("lien", "99", "--hub", "https://hub.lycee.fr")
    assert sortie.returncode == 2 and "Traceback" not in sortie.stderr
    assert "Aucun chapitre ne correspond à « 99 »" in sortie.stderr


def test_publier_l_edition_eleve_sans_corriges(tmp_path):
    depot = tmp_path / "eleve.git"
    premier = classe.publier(depot)
    assert classe.publier(depot) == premier  # rien de changé : pas de nouveau commit
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--branch", "eleve", f"file://{depot}", str(clone)], check=True)
    carnets = sorted(clone.glob("*.ipynb"))
    assert [c.name for c in carnets] == [
        p.name for p in sorted((RACINE / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    ]
    import nbformat

    for carnet in carnets:
        cellules = nbformat.read(carnet, as_version=4).cells
        assert not any("solution" in c.metadata.get("tags", []) for c in cellules), carnet.name
        assert all(not c.get("outputs") for c in cellules if c.cell_type == "code")
    source = nbformat.read(RACINE / "notebooks" / "06-kpi.ipynb", as_version=4)
    assert any("solution" in c.metadata.get("tags", []) for c in source.cells)  # le test peut échouer


def test_publier_ailleurs_qu_un_depot_refuse(tmp_path):
    (tmp_path / "dossier").mkdir()
    sortie = _commande("publier", str(tmp_path / "dossier"))
    assert sortie.returncode == 2 and "n'est pas un dépôt git nu" in sortie.stderr


def test_lire_la_classe_depuis_un_tableur(tmp_path):
    fichier = tmp_path / "bts1.csv"
    fichier.write_text(
        "\ufeffPrénom;Nom\nYasmine;Ben Ali\nÉloïse;Lefèvre\nyasmine;benali\n", encoding="utf-8"
    )
    assert classe.lire_classe(fichier) == [
        ("yasmine.benali", "Yasmine Ben Ali"),
        ("eloise.lefevre", "Éloïse Lefèvre"),
        ("yasmine.benali2", "yasmine benali"),
    ]
    mauvais = tmp_path / "mauvais.csv"
    mauvais.write_text("eleve\nA\n", encoding="utf-8")
    with pytest.raises(classe.ErreurClasse, match="colonnes prenom et nom"):
        classe.lire_classe(mauvais)


def test_bilan_de_la_classe(tmp_path):
    bases = {}
    for eleve, reponses in {"a": [("q1", False), ("q1", True)], "b": [("q1", False)], "c": []}.items():
        bases[eleve] = tmp_path / eleve / "progres.sqlite"
        for question, juste in reponses:
            progres.enregistrer("06", question, juste, "x", chemin=bases[eleve])
    avancement, erreurs = classe.bilan_classe(bases)
    total = len(progres.questions_du_chapitre("06"))
    assert avancement.set_index("eleve")["06-kpi"].to_dict() == {
        "a": f"1/{total}",
        "b": f"0/{total}",
        "c": "—",
    }
    assert erreurs.values.tolist() == [["06-kpi", "q1", 2, 2, 1]]


def test_ecriture_atomique(tmp_path):
    cible = tmp_path / "eleves.txt"
    classe.ecrire_atomique(cible, "a\nb\n")
    assert classe.lire_liste(cible) == ["a", "b"]
    assert list(tmp_path.iterdir()) == [cible]
