"""Chapitres 00 à 02 : contenu lu dans les fichiers YAML, un widget par exercice, correcteurs
qui ne se laissent pas berner, typographie française.

Qu'aucune réponse ne soit visible est vérifié pour tous les chapitres dans
``test_edition_eleve_sans_reponses.py``."""

import copy
import html
import re
from pathlib import Path

import nbformat
import pytest

from coursekit import contenu, glossaire, mix, quiz, swot
from coursekit.widgets import introduction as w_intro
from coursekit.widgets import swot as w_swot
from coursekit.widgets.swot import ConstructeurSwot

RACINE = Path(__file__).resolve().parents[1]
CHAPITRES = {"00": "00-introduction", "01": "01-mix-marketing", "02": "02-swot"}


# --- le contenu est lu dans les fichiers, et un fichier abîmé parle français -----------------


def test_les_sections_des_modules_sont_valides():
    for cle in mix.SCHEMAS:
        assert mix.donnees(cle)
    for cle in swot.SCHEMAS:
        assert swot.donnees(cle)
    for cle in w_swot.SCHEMAS:
        assert w_swot.textes(cle)
    assert w_intro.reglages_influence()["profils"][0]["nom"] == "Micro-influenceur"
    assert len(glossaire.tableau_metiers()) >= 7


def test_les_noms_publics_viennent_du_contenu():
    politiques = contenu.section("01", "politiques")
    assert list(mix.POLITIQUES_MIX_DIGITAL) == list(politiques)
    assert mix.POLITIQUES_MIX_DIGITAL["prix"].leviers == tuple(politiques["prix"]["leviers"])
    assert len(mix.POLITIQUES_MIX_DIGITAL) == 7
    assert [t.sigle for t in glossaire.GLOSSAIRE] == [
        t["sigle"] for t in contenu.section("00", "glossaire")["termes"]
    ]
    assert (
        swot.CONSTATS_GRAINE_DE_VILLE[0].texte
        == contenu.section("02", "constats_graine_de_ville")[0]["texte"]
    )
    for sigle in mix.KIT_JARGON:
        assert glossaire.chercher(sigle).sigle == sigle


@pytest.fixture
def fichier_modifie(monkeypatch):
    """Remplace, le temps d'un test, le contenu lu d'un chapitre par une copie modifiée."""

    def modifier(chapitre, changement):
        nom = contenu.fichier_du_chapitre(chapitre)
        donnees = copy.deepcopy(contenu.charger(chapitre))
        changement(donnees)
        vrai = contenu._charger_fichier
        monkeypatch.setattr(contenu, "_charger_fichier", lambda f: donnees if f == nom else vrai(f))

    return modifier


@pytest.mark.parametrize(
    "chapitre, changement, lire, attendu",
    [
        (
            "01",
            lambda d: d["politiques"]["prix"].update(leviers="comparateurs"),
            lambda: mix.donnees("politiques"),
            r"01-mix-marketing\.yaml.*politiques → prix → leviers.*on attend une liste",
        ),
        (
            "01",
            lambda d: d["leviers"][0]["adequation"].update({"visibilité": 5}),
            lambda: mix.donnees("leviers"),
            r"leviers → n° 1 → adequation → visibilité.*au plus égal à 3",
        ),
        (
            "02",
            lambda d: d["quadrants"]["forces"].pop("titre"),
            lambda: swot.donnees("quadrants"),
            r"02-swot\.yaml.*quadrants → forces.*il manque « titre »",
        ),
        (
            "02",
            lambda d: d["tows"]["SO"].update(question="Comment faire ?"),
            lambda: swot.donnees("tows"),
            r"tows → SO → question.*n'a pas la forme attendue",
        ),
        (
            "02",
            lambda d: d["constats_graine_de_ville"][0].update(quadrant="atouts"),
            lambda: swot.donnees("constats_graine_de_ville"),
            r"constats_graine_de_ville → n° 1 → quadrant.*valeurs permises",
        ),
        (
            "00",
            lambda d: d["glossaire"]["termes"][0].update(chapitre="trois"),
            lambda: contenu.section("00", "glossaire", glossaire.SCHEMA),
            r"00-introduction\.yaml.*glossaire → termes → n° 1 → chapitre",
        ),
        (
            "00",
            lambda d: d["simulateur_influence"]["profils"][0]["prix"].pop("depart"),
            w_intro.reglages_influence,
            r"simulateur_influence → profils → n° 1 → prix.*il manque « depart »",
        ),
    ],
)
def test_une_section_abimee_donne_un_message_francais(fichier_modifie, chapitre, changement, lire, attendu):
    fichier_modifie(chapitre, changement)
    with pytest.raises(contenu.ErreurContenu, match=attendu) as erreur:
        lire()
    assert "Traceback" not in str(erreur.value)


def test_un_exemple_swot_aux_accolades_inconnues_est_refuse(fichier_modifie):
    fichier_modifie("02", lambda d: d["exemple_graine_de_ville"]["forces"].append("{clients} clientes"))
    with pytest.raises(contenu.ErreurContenu, match="seuls {abonnes}, {visites} et {budget}"):
        swot.exemple_graine_de_ville()


def test_changer_une_liste_de_mots_change_le_correcteur(fichier_modifie):
    assert swot.origine_probable("la météo du printemps") is None
    fichier_modifie("02", lambda d: d["vocabulaire"]["externes"].append("meteo"))
    # les listes sont lues au chargement du module : une section relue suffit à un professeur
    assert "meteo" in swot.donnees("vocabulaire")["externes"]


# --- des correcteurs qui ne se laissent pas berner ---------------------------------------------

BONNE_REPONSE = (
    ["5 000 abonnés Instagram fidèles", "des bijoux uniques faits main", "expédition des colis en 48 h"],
    ["200 visites par mois sur le site", "des photos prises au téléphone", "pas de newsletter"],
)

SAISIES_TRICHEUSES = [
    (["aaa", "bbb", "1 ccc"], ["chose", "truc", "bla bla bla"]),
    (["1 truc", "2 trucs", "3 choses"], ["un machin", "bla bla", "etc etc"]),
    (
        ["super super super", "top top top", "5 5 5 abonnés abonnés abonnés"],
        ["nul nul", "bof bof", "zut zut"],
    ),
    (["qsdfgh 12", "zzzz 3", "xkcd 4"], ["azerty 1", "mmmm 2", "hhhh 3"]),
    (["1", "2 3", "le la les"], ["des", "un 4", "de la"]),
]


def test_une_vraie_reponse_passe_l_audit():
    assert all(r.juste for r in swot.corriger_audit(*BONNE_REPONSE))


@pytest.mark.parametrize("forces, faiblesses", SAISIES_TRICHEUSES)
def test_charabia_et_remplissage_ne_passent_pas_l_audit(forces, faiblesses):
    retours = swot.corriger_audit(forces, faiblesses)
    assert not all(r.juste for r in retours)
    refus = [r for r in retours if not r.juste and r.explication.startswith("À réécrire")]
    assert refus, "le retour nomme les entrées à réécrire"
    # un chiffre collé à du charabia ne compte pas comme constat chiffré
    assert not any(r.juste and "chiffré" in r.explication for r in retours)


@pytest.mark.parametrize(
    "entree", ["aaa", "bla bla bla", "chose", "un truc", "super super super", "qsdfgh", "1 2 3", "le la les"]
)
def test_ce_qui_n_est_pas_un_constat_est_nomme(entree):
    defaut = swot.defaut_de_constat(entree)
    assert defaut and entree in defaut


@pytest.mark.parametrize(
    "entree",
    ["200 visites par mois", "pas de newsletter", "pas de CRM", "livraison en 48 h", "photos soignées"],
)
def test_un_vrai_constat_est_accepte(entree):
    assert swot.defaut_de_constat(entree) is None


def test_le_constructeur_ne_felicite_pas_un_swot_de_charabia():
    swot_vide_de_sens = swot.Swot(["aaa"], ["bla bla bla"], ["truc"], ["zzzz"])
    conseils = swot_vide_de_sens.conseils()
    assert len(conseils) == 4
    outil = ConstructeurSwot(swot_vide_de_sens, delai=0)
    assert "Diagnostic complet" not in outil.message.texte
    assert "ne veut rien dire" in outil.message.texte


def test_un_classement_tout_dans_la_meme_case_echoue():
    constats = swot.CONSTATS_GRAINE_DE_VILLE
    for case in swot.QUADRANTS:
        retours = swot.corriger_classement([case] * len(constats))
        assert sum(r.juste for r in retours) == 2
    with pytest.raises(swot.ErreurSaisie):
        swot.corriger_classement(["aaa"] * len(constats))


# --- chaque exercice a son widget (les réponses hors de vue : test_edition_eleve_sans_reponses.py) ---


@pytest.mark.parametrize("numero", list(CHAPITRES))
def test_chaque_exercice_a_son_widget(numero):
    carnet = nbformat.read(RACINE / "notebooks" / f"{CHAPITRES[numero]}.ipynb", as_version=4)
    sources = "\n".join(c.source for c in carnet.cells if "solution" not in c.metadata.get("tags", []))
    for ident in contenu.charger(numero).get("exercices", {}):
        assert f'ck.quiz.exercice("{numero}", "{ident}")' in sources
    for appel in re.findall(r'ck\.quiz\.verifier\("(\d\d)", "([\w-]+)"', sources):
        assert f'ck.quiz.exercice("{appel[0]}", "{appel[1]}")' in sources


def test_le_code_cellule_de_l_exercice_00_corrige_sans_montrer_la_reponse(capsys):
    quiz._TENTATIVES.clear()
    quiz.verifier("00", "cout-interaction", 1.5)
    premier = capsys.readouterr().out
    assert "Indice" in premier and "0,75" not in premier
    quiz.verifier("00", "cout-interaction", "0,75")
    assert "✔" in capsys.readouterr().out


# --- typographie française des chapitres 00 à 02 ------------------------------------------------

ESPACE_ORDINAIRE = re.compile(r"[^\s\u00a0\u202f] [;:!?»](?![\w/])|« ")
MILLIERS_ORDINAIRES = re.compile(r"(?<![\d,.])\d{1,3} \d{3}(?!\d)")
MOINS_TRAIT_D_UNION = re.compile(r"(?<![\w\-−.])-\d")


def _lisible(carnet):
    for cellule in carnet.cells:
        if cellule.cell_type == "markdown":
            texte = re.sub(r"```.*?```|`[^`\n]*`", "", cellule.source, flags=re.S)
            yield "markdown", texte
        elif cellule.cell_type == "code":
            for sortie in cellule.outputs:
                if sortie.output_type == "stream":
                    yield "sortie", sortie.text
                html_table = sortie.get("data", {}).get("text/html", "")
                if "<table" in html_table:
                    page = re.sub(r"<style.*?</style>", "", html_table, flags=re.S)
                    yield "tableau", html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize("numero", list(CHAPITRES))
def test_typographie_francaise(numero):
    carnet = nbformat.read(RACINE / "notebooks" / f"{CHAPITRES[numero]}.ipynb", as_version=4)
    for genre, texte in _lisible(carnet):
        for motif in (ESPACE_ORDINAIRE, MILLIERS_ORDINAIRES, MOINS_TRAIT_D_UNION):
            trouve = motif.search(texte)
            assert not trouve, (
                f"{genre} : {trouve.group()!r} dans {texte[max(0, trouve.start() - 60) : trouve.end() + 20]!r}"
            )


def test_le_detecteur_de_typographie_voit_les_fautes():
    assert ESPACE_ORDINAIRE.search("Durée : 45 minutes")
    assert ESPACE_ORDINAIRE.search("« Oui»")
    assert not ESPACE_ORDINAIRE.search("Durée\u00a0: 45 minutes, «\u00a0oui\u00a0»\u00a0!")
    assert MILLIERS_ORDINAIRES.search("2 000 abonnés") and not MILLIERS_ORDINAIRES.search(
        "2\u202f000 abonnés"
    )
    assert MOINS_TRAIT_D_UNION.search("un ROI de -25 %") and not MOINS_TRAIT_D_UNION.search("la loi 09-08")
