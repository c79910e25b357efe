"""Discipline des imports : un noyau ne charge que ce que le chapitre utilise (mémoire, issue 11).

Chaque vérification tourne dans un Python neuf (``sys.modules`` vide de tout import des
autres tests) ; les chiffres de mémoire sont dans ``python -m benchmarks.memoire``, pas ici.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[1]
LOURDS = ("matplotlib", "pandas", "numpy", "nbformat", "jsonschema", "PIL")
FORMATS_JSONSCHEMA = ("rfc3987_syntax", "isoduration", "uri_template", "webcolors", "fqdn", "arrow")


def modules_importes(code: str) -> set[str]:
    """Les modules (noms de premier niveau) présents après ``code`` dans un Python neuf."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(RACINE / "src"), env.get("PYTHONPATH", "")])
    fin = "\nimport json as _j, sys as _s\nprint(_j.dumps(sorted({n.split('.')[0] for n in _s.modules})))"
    resultat = subprocess.run(
        [sys.executable, "-c", code + fin], capture_output=True, text=True, env=env, cwd=RACINE, timeout=120
    )
    assert resultat.returncode == 0, resultat.stderr
    return set(json.loads(resultat.stdout.strip().splitlines()[-1]))


def test_le_demarrage_d_un_noyau_du_cours_ne_charge_aucune_grosse_bibliotheque():
    # Le script de démarrage IPython du cours tourne dans chaque noyau, même hors chapitre.
    modules = modules_importes(
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "InteractiveShell.instance()\n"
        "from coursekit.demarrage import preparer_noyau\n"
        "preparer_noyau()\n"
        "import coursekit as ck\n"
        "ck.monnaie(1440)"
    )
    assert "coursekit" in modules
    assert not modules & set(LOURDS), sorted(modules & set(LOURDS))


def test_le_contenu_se_charge_sans_les_controles_de_format_de_jsonschema():
    modules = modules_importes(
        "from coursekit import contenu, travaux\ncontenu.charger('00')\ncontenu.charger('06')"
    )
    assert "jsonschema" in modules
    assert not modules & set(FORMATS_JSONSCHEMA), sorted(modules & set(FORMATS_JSONSCHEMA))
    assert not modules & {"pandas", "matplotlib", "nbformat"}


def test_les_controles_de_format_ecartes_restent_importables_ensuite():
    modules = modules_importes("import coursekit.schemas\nimport idna, webcolors")
    assert {"idna", "webcolors"} <= modules


def test_l_origine_des_noms_se_lit_sans_nbformat():
    chemin = RACINE / "notebooks" / "06-kpi.ipynb"
    modules = modules_importes(
        f"from coursekit.affichage import origines_des_noms\nassert origines_des_noms({str(chemin)!r})"
    )
    assert not modules & {"nbformat", "jsonschema"}


@pytest.mark.parametrize(
    ("code", "absents"),
    [
        # Chapitre 00 : le simulateur d'influence dessine (matplotlib) mais ne montre aucun tableau.
        (
            "from coursekit.widgets.introduction import Glossaire, SimulateurInfluence\n"
            "SimulateurInfluence()\nGlossaire()",
            {"pandas", "nbformat"},
        ),
        # Les calculs du chapitre 00 et les quiz n'ont besoin ni de graphiques ni de tableaux.
        (
            "import coursekit as ck\nck.influence.cout_par_interaction(prix=300, abonnes=15_000, taux_engagement=6)\n"
            "ck.glossaire.chercher('sem')\nck.cas.GRAINE_DE_VILLE.fiche_markdown()",
            {"pandas", "matplotlib", "nbformat"},
        ),
    ],
)
def test_un_chapitre_n_importe_que_ce_qu_il_utilise(code, absents):
    modules = modules_importes(code)
    assert not modules & absents, sorted(modules & absents)


def test_un_chapitre_ne_garde_pas_l_historique_des_resultats():
    # Out, _, __ garderaient en vie chaque tableau, figure et simulateur affiché ; l'affichage reste.
    import nbformat
    from nbclient import NotebookClient

    carnet = nbformat.v4.new_notebook()
    carnet.cells = [
        nbformat.v4.new_code_cell(s)
        for s in ("import coursekit as ck\nck.preparer_notebook()", "list(range(3))", "print(len(Out))")
    ]
    NotebookClient(carnet, kernel_name="python3", timeout=120).execute()
    assert carnet.cells[1].outputs[0]["data"]["text/plain"] == "[0, 1, 2]"
    assert carnet.cells[2].outputs[0]["text"] == "0\n"


def test_un_noyau_du_cours_demarre_sans_le_debogueur(tmp_path):
    # La configuration écrite dans le dossier IPython du cours écarte debugpy (~7 Mo par noyau).
    from jupyter_client.manager import start_new_kernel

    from coursekit import demarrage

    env = dict(os.environ, IPYTHONDIR=str(demarrage.preparer_profil(tmp_path / "ipython")))
    gestionnaire, client = start_new_kernel(kernel_name="python3", env=env)
    try:
        textes = []
        client.execute_interactive(
            "import sys\nprint(sorted(m for m in ('_pydevd_bundle', 'coursekit') if m in sys.modules))",
            timeout=60,
            output_hook=lambda m: textes.append(m["content"].get("text", "")),
        )
        info = client.kernel_info(reply=True, timeout=30)["content"]
    finally:
        client.stop_channels()
        gestionnaire.shutdown_kernel(now=True)
    assert "".join(textes).strip() == "['coursekit']"  # le script de démarrage tourne, pas debugpy
    assert "debugger" not in info["supported_features"]  # JupyterLab n'affiche pas son débogueur
