"""Une classe sur un vrai JupyterHub : trois élèves, un professeur, de vrais comptes système.

Le scénario suit une séance : le professeur crée les comptes depuis un CSV et publie l'édition
élève ; chaque élève se connecte (premier mot de passe), suit le lien du chapitre 06, exécute
le chapitre dans son serveur, répond au quiz et enregistre un SWOT. Puis : un élève ne lit pas
le dossier d'un autre ; après un redémarrage du hub, tout est encore là ; le bilan du professeur
voit les trois élèves. Demande root (comptes système) et ``configurable-http-proxy``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import pilote_hub as ph  # noqa: E402

pytestmark = pytest.mark.hub

ELEVES_CSV = "prenom;nom\nAlice;Ckessai\nBruno;Ckessai\nChloé;Ckessai\n"
PROF_CSV = "prenom;nom\nPaul;Ckprof\n"
MOT_DE_PASSE = "Graine-de-ville-2026"
CHAPITRE = "06-kpi.ipynb"
# Réponse de chaque élève : indices choisis à la question q1 du quiz 06 (la bonne est 1),
# puis la réponse à l'exercice « cpa » (50 € attendus), None : pas de réponse.
REPONSES = {
    "alice.ckessai": ([1], 50),
    "bruno.ckessai": ([0], 40),
    "chloe.ckessai": ([2, 1], None),
}


def _manque() -> str | None:
    if os.geteuid() != 0:
        return "il faut être root pour créer de vrais comptes système"
    if shutil.which("configurable-http-proxy") is None:
        return "configurable-http-proxy absent (npm install -g configurable-http-proxy)"
    if shutil.which("git") is None:
        return "git absent"
    return None


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    raison = _manque()
    if raison:
        if os.environ.get("CI"):
            pytest.fail(raison)
        pytest.skip(raison)
    venv = ph.installer()
    dossier = ph.INSTALLATION / f"essai-{uuid.uuid4().hex[:8]}"
    dossier.mkdir(parents=True)
    os.chmod(dossier, 0o755)
    comptes: list[str] = []
    groupes = [
        g
        for g in ("coursekit-eleves", "coursekit-profs")
        if subprocess.run(["getent", "group", g], capture_output=True).returncode
    ]
    try:
        yield venv, dossier, comptes
    finally:
        ph.supprimer_comptes(comptes)
        for groupe in groupes:  # seulement ceux que le test a créés
            subprocess.run(["groupdel", groupe], capture_output=True)
        shutil.rmtree(dossier, ignore_errors=True)


@pytest.fixture(scope="module")
def classe(installation):
    """Comptes créés par la commande du professeur, éditions publiées, hub démarré."""
    venv, dossier, comptes = installation
    eleves_txt, profs_txt = dossier / "eleves.txt", dossier / "professeurs.txt"
    comptes += ph.creer_classe(ELEVES_CSV, eleves_txt)
    comptes += ph.creer_classe(PROF_CSV, profs_txt, professeurs=True)
    assert sorted(comptes) == sorted([*REPONSES, "paul.ckprof"])
    depots = {}
    for edition in ("eleve", "professeur"):
        depots[edition] = dossier / f"{edition}.git"
        sortie = _commande("publier", str(depots[edition]), "--edition", edition)
        assert sortie.returncode == 0, sortie.stderr
    hub = ph.Hub(venv, dossier / "etat", eleves_txt, profs_txt, depots=tuple(depots.values()))
    hub.demarrer()
    try:
        yield {"hub": hub, "dossier": dossier, "depots": depots, "liste": eleves_txt}
    finally:
        hub.arreter()


def _commande(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coursekit.classe", *arguments],
        capture_output=True,
        text=True,
        env=ph._env_python(),
    )


def _lien(classe, *options: str) -> str:
    depot = f"file://{classe['depots']['professeur' if '--professeur' in options else 'eleve']}"
    sortie = _commande("lien", "06", "--hub", classe["hub"].url, "--depot", depot, *options)
    assert sortie.returncode == 0, sortie.stderr
    return sortie.stdout.strip()


# --- Ce qui touche au format d'enregistrement du SWOT, en un seul endroit ------------------------

CODE_SWOT = """
from coursekit.swot import Swot
from coursekit.widgets.swot import ConstructeurSwot
constructeur = ConstructeurSwot(Swot([{force!r}], ["site peu visité"], ["essor de la seconde main"], ["concurrence"]))
constructeur.fichier.value = "mon-swot"
print(constructeur.enregistrer())
"""

CODE_RELIRE_SWOT = """
from coursekit.widgets.swot import ConstructeurSwot
relu = ConstructeurSwot()
relu.fichier.value = "mon-swot"
print(relu.ouvrir(), relu.swot().forces)
"""


def enregistrer_swot(noyau: ph.Noyau, force: str) -> str:
    sortie = noyau.executer(CODE_SWOT.format(force=force))
    assert sortie["erreur"] is None, sortie
    return sortie["texte"].strip()


def relire_swot(noyau: ph.Noyau) -> str:
    sortie = noyau.executer(CODE_RELIRE_SWOT)
    assert sortie["erreur"] is None, sortie
    return sortie["texte"].strip()


# --- La séance ----------------------------------------------------------------------------------


def _seance(classe, nom: str) -> dict:
    """Un élève : connexion, tirage du cours, chapitre exécuté, quiz, exercice, SWOT."""
    eleve = ph.Eleve(classe["hub"], nom, MOT_DE_PASSE)
    debut = time.monotonic()
    reponse = eleve.se_connecter()
    assert reponse.status_code == 302 and eleve.connecte(), reponse.text[:500]
    eleve.creer_jeton()
    eleve.demarrer_serveur()
    print(f"{nom} : serveur prêt en {time.monotonic() - debut:.0f} s", file=sys.stderr)
    journal = eleve.tirer(_lien(classe))
    assert "[finished]" in journal, journal
    carnet = eleve.api("GET", f"contents/marketing-digital/{CHAPITRE}").json()["content"]
    assert not any("solution" in c["metadata"].get("tags", []) for c in carnet["cells"])
    noyau = eleve.ouvrir_noyau(f"marketing-digital/{CHAPITRE}")
    try:
        # L'élève commence par une cellule du milieu, avant la préparation : du français, pas une trace.
        trop_tot = noyau.executer('ck.quiz.chapitre("06")')["trace"]
        for cellule in carnet["cells"]:
            if cellule["cell_type"] == "code":
                sortie = noyau.executer(cellule["source"])
                assert sortie["erreur"] is None, (cellule["source"][:200], sortie)
        print(f"{nom} : chapitre exécuté à {time.monotonic() - debut:.0f} s", file=sys.stderr)
        choix, cpa = REPONSES[nom]
        code = "from coursekit import quiz\nq = quiz.chapitre('06').questions[0]\n"
        code += "".join(f"q.choix.index = {i}\nq.verifier()\n" for i in choix)
        if cpa is not None:
            code += f"quiz.verifier('06', 'cpa', {cpa})\n"
        sortie = noyau.executer(code)
        assert sortie["erreur"] is None, sortie
        chemin_swot = enregistrer_swot(noyau, f"communauté fidèle de {nom}")
        # Une note de l'élève dans son notebook, enregistrée comme le fait JupyterLab.
        carnet["cells"].append({"cell_type": "markdown", "metadata": {}, "source": f"Mes notes : {nom}"})
        r = eleve.api(
            "PUT", f"contents/marketing-digital/{CHAPITRE}", json={"type": "notebook", "content": carnet}
        )
        assert r.status_code == 200, r.text
        autres = [a for a in REPONSES if a != nom]
        lecture = noyau.executer(
            "import os\nfor chemin in [os.path.expanduser('~"
            + autres[0]
            + "'), "
            + repr(str(classe["depots"]["professeur"]))
            + "]:\n"
            "    try:\n        os.listdir(chemin); print('lu', chemin)\n"
            "    except PermissionError:\n        print('refusé', chemin)\n"
            "print(os.path.expanduser('~'), oct(os.stat(os.path.expanduser('~')).st_mode & 0o777))\n"
        )
    finally:
        noyau.fermer()
    return {"eleve": eleve, "swot": chemin_swot, "lecture": lecture["texte"], "trop_tot": trop_tot}


@pytest.fixture(scope="module")
def seances(classe):
    with ThreadPoolExecutor(max_workers=3) as groupe:
        resultats = dict(zip(REPONSES, groupe.map(lambda n: _seance(classe, n), REPONSES), strict=True))
    return resultats


def test_trois_eleves_font_le_chapitre_et_enregistrent(seances):
    for nom, seance in seances.items():
        assert seance["swot"] == f"/home/{nom}/marketing-digital/mes-travaux/swot/mon-swot.json"
        assert Path(seance["swot"]).exists()
        base = Path(f"/home/{nom}/.coursekit/progres.sqlite")
        assert base.exists()


def test_une_cellule_executee_trop_tot_parle_francais(seances):
    for nom, seance in seances.items():
        assert "exécutez d'abord la toute première cellule" in seance["trop_tot"], (nom, seance["trop_tot"])
        assert "Traceback" not in seance["trop_tot"]


def test_un_eleve_ne_lit_pas_le_dossier_d_un_autre(seances, classe):
    for nom, seance in seances.items():
        lignes = seance["lecture"].splitlines()
        assert lignes[0].startswith("refusé /home/"), seance["lecture"]
        assert lignes[1] == f"refusé {classe['depots']['professeur']}", seance["lecture"]
        assert lignes[2] == f"/home/{nom} 0o700"


def test_le_professeur_recoit_l_edition_complete(classe, seances):
    prof = ph.Eleve(classe["hub"], "paul.ckprof", MOT_DE_PASSE)
    assert prof.se_connecter().status_code == 302
    prof.creer_jeton()
    prof.demarrer_serveur()
    journal = prof.tirer(_lien(classe, "--professeur"))
    assert "[finished]" in journal, journal
    carnet = prof.api("GET", f"contents/marketing-digital-professeur/{CHAPITRE}").json()["content"]
    assert any("solution" in c["metadata"].get("tags", []) for c in carnet["cells"])
    assert prof.session.delete(
        f"{classe['hub'].url}/hub/api/users/paul.ckprof/server", timeout=60
    ).status_code in (
        202,
        204,
    )


def test_un_inconnu_ou_un_mauvais_mot_de_passe_n_entre_pas(classe, seances):
    intrus = ph.Eleve(classe["hub"], "intrus", "un-mot-de-passe-long")
    intrus.se_connecter()
    assert not intrus.connecte()
    faux = ph.Eleve(classe["hub"], "alice.ckessai", "pas-le-bon-mot")
    faux.se_connecter()
    assert not faux.connecte()


def test_apres_redemarrage_du_hub_tout_est_la(classe, seances):
    hub = classe["hub"]
    hub.arreter()
    hub.demarrer()

    def revenir(nom):
        eleve = ph.Eleve(hub, nom, MOT_DE_PASSE)
        assert eleve.se_connecter().status_code == 302 and eleve.connecte()
        eleve.creer_jeton()
        eleve.demarrer_serveur()
        # Le lien suivi de nouveau ne doit pas écraser les notes de l'élève.
        assert "[finished]" in eleve.tirer(_lien(classe))
        carnet = eleve.api("GET", f"contents/marketing-digital/{CHAPITRE}").json()["content"]
        noyau = eleve.ouvrir_noyau(f"marketing-digital/{CHAPITRE}")
        try:
            swot = relire_swot(noyau)
            sortie = noyau.executer(
                "from coursekit import quiz, progres\n"
                "print(quiz.chapitre('06').questions[0].retour.texte)\n"
                "print(progres.bilan().set_index('chapitre').loc['06-kpi', 'faites'])\n"
            )
        finally:
            noyau.fermer()
        return carnet, swot, sortie

    with ThreadPoolExecutor(max_workers=3) as groupe:
        retours = dict(zip(REPONSES, groupe.map(revenir, REPONSES), strict=True))
    for nom, (carnet, swot, sortie) in retours.items():
        assert carnet["cells"][-1]["source"] == f"Mes notes : {nom}"
        assert swot == f"True ['communauté fidèle de {nom}']"
        assert sortie["erreur"] is None, sortie
        premiere, faites = sortie["texte"].splitlines()
        choix, cpa = REPONSES[nom]
        assert premiere.startswith("Déjà répondu : « "), premiere
        assert ("(juste," if choix[-1] == 1 else "(à revoir,") in premiere
        assert f"{len(choix)} essai" in premiere
        assert int(faites) == (2 if cpa is not None else 1)


def test_le_bilan_du_professeur_voit_les_trois(classe, seances):
    sortie = _commande(
        "bilan", "--liste", str(classe["liste"]), "--csv", str(classe["dossier"] / "bilan.csv")
    )
    assert sortie.returncode == 0, sortie.stderr
    texte = sortie.stdout
    for nom in REPONSES:
        assert nom in texte
    import pandas as pd

    from coursekit import progres

    total = len(progres.questions_du_chapitre("06"))
    avancement = pd.read_csv(classe["dossier"] / "bilan.csv").set_index("eleve")
    assert avancement.loc["alice.ckessai", "06-kpi"] == f"2/{total}"
    assert avancement.loc["bruno.ckessai", "06-kpi"] == f"0/{total}"
    assert avancement.loc["chloe.ckessai", "06-kpi"] == f"1/{total}"
    erreurs = [ligne.split() for ligne in texte.split("manquées")[1].splitlines()[2:] if ligne.strip()]
    # question, élèves, en erreur au moins une fois, encore faux
    assert ["06-kpi", "q1", "3", "2", "1"] in erreurs
    assert ["06-kpi", "cpa", "2", "1", "1"] in erreurs


def test_mauvais_lien_ou_chapitre_inconnu_en_francais(classe):
    inconnu = _commande("lien", "99", "--hub", classe["hub"].url)
    assert inconnu.returncode != 0 and "Traceback" not in inconnu.stderr
    assert "Aucun chapitre ne correspond à « 99 »" in inconnu.stderr
    mauvais = _commande("lien", "06", "--hub", f"127.0.0.1:{classe['hub'].port}")
    assert mauvais.returncode != 0 and "Traceback" not in mauvais.stderr
    assert "L'adresse du hub" in mauvais.stderr
    # Un lien vers un dépôt qui n'existe pas : le tirage échoue proprement, rien n'est créé.
    eleve = ph.Eleve(classe["hub"], "alice.ckessai", MOT_DE_PASSE)
    eleve.se_connecter()
    eleve.creer_jeton()
    eleve.demarrer_serveur()
    lien = _lien(classe).replace("eleve.git", "absent.git").replace("marketing-digital", "absent")
    assert "[error]" in eleve.tirer(lien)
    assert eleve.api("GET", "contents/absent").status_code == 404
