"""Les progrès de l'élève : chaque réponse aux quiz et aux exercices, gardée d'une séance à l'autre.

Chaque vérification d'un quiz ou d'un exercice (``ck.quiz``) est enregistrée dans
une petite base SQLite du dossier personnel de l'élève :
``~/.coursekit/progres.sqlite`` (ou le fichier que désigne la variable
``COURSEKIT_PROGRES`` ; ``COURSEKIT_PROGRES=non`` n'enregistre rien). Chaque
écriture est une transaction : une coupure au milieu laisse la base intacte, et
deux notebooks ouverts en même temps ne se gênent pas.

Rouvert la semaine suivante, un quiz affiche « Déjà répondu : … » sous chaque
question et le score de la dernière fois ; ``ck.progres.mon_bilan()`` montre
l'avancement chapitre par chapitre. Sur un JupyterHub, le professeur réunit les
bases de toute la classe avec ``python -m coursekit.classe bilan``.

>>> import tempfile, pathlib
>>> base = pathlib.Path(tempfile.mkdtemp()) / "progres.sqlite"
>>> enregistrer("06-kpi", "cpa", False, "40", chemin=base)
>>> enregistrer("06-kpi", "cpa", True, "50", chemin=base)
>>> souvenir = derniere_reponse("06-kpi", "cpa", chemin=base)
>>> souvenir["reponse"], souvenir["juste"], souvenir["essais"]
('50', True, 2)
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from contextlib import closing
from pathlib import Path

import pandas as pd

from coursekit import contenu

VARIABLE = "COURSEKIT_PROGRES"
DESACTIVE = {"non", "0", "aucun", "off"}
DELAI_VERROU = 10.0  # secondes d'attente si un autre notebook de l'élève écrit au même moment

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reponses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chapitre TEXT NOT NULL,
    question TEXT NOT NULL,
    juste INTEGER NOT NULL,
    reponse TEXT NOT NULL,
    horodatage REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS reponses_question ON reponses (chapitre, question);
"""


def chemin_progres() -> Path | None:
    """Le fichier des progrès : ``COURSEKIT_PROGRES``, sinon ``~/.coursekit/progres.sqlite`` (``None`` : désactivé)."""
    valeur = os.environ.get(VARIABLE)
    if valeur is not None and valeur.strip().lower() in DESACTIVE:
        return None
    if valeur:
        return Path(valeur).expanduser()
    return Path.home() / ".coursekit" / "progres.sqlite"


def _ouvrir(chemin: Path, lecture_seule: bool = False) -> sqlite3.Connection:
    if lecture_seule:
        connexion = sqlite3.connect(f"{chemin.resolve().as_uri()}?mode=ro", uri=True, timeout=DELAI_VERROU)
    else:
        chemin.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        connexion = sqlite3.connect(chemin, timeout=DELAI_VERROU)
        connexion.executescript(_SCHEMA)
    connexion.row_factory = sqlite3.Row
    return connexion


def _texte(reponse) -> str:
    """La réponse telle qu'on la montrera plus tard (texte JSON : ``"50"``, ``50.0``, ``null``…)."""
    try:
        return json.dumps(reponse, ensure_ascii=False)
    except (TypeError, ValueError):
        return json.dumps(str(reponse), ensure_ascii=False)


def _chapitre(chapitre: str) -> str:
    """``"06"`` ou ``"06-kpi"`` → ``"06-kpi"`` (nom du fichier de contenu) ; un nom inconnu reste tel quel."""
    try:
        return contenu.fichier_du_chapitre(chapitre)[:-5]
    except contenu.ErreurContenu:
        return str(chapitre)


def enregistrer(chapitre: str, question: str, juste: bool, reponse, chemin: Path | None = None) -> None:
    """Ajoute une réponse (une transaction SQLite) ; c'est l'écouteur branché sur ``quiz.ECOUTEURS``."""
    chemin = chemin or chemin_progres()
    if chemin is None:
        return
    with closing(_ouvrir(chemin)) as connexion, connexion:
        connexion.execute(
            "INSERT INTO reponses (chapitre, question, juste, reponse, horodatage) VALUES (?, ?, ?, ?, ?)",
            (_chapitre(chapitre), str(question), int(bool(juste)), _texte(reponse), time.time()),
        )


def reponses(chapitre: str | None = None, chemin: Path | None = None) -> pd.DataFrame:
    """Toutes les réponses enregistrées (une ligne par vérification), éventuellement d'un seul chapitre."""
    chemin = chemin or chemin_progres()
    colonnes = ["chapitre", "question", "juste", "reponse", "horodatage"]
    if chemin is None or not Path(chemin).exists():
        return pd.DataFrame(columns=colonnes)
    requete = f"SELECT {', '.join(colonnes)} FROM reponses"
    parametres: tuple = ()
    if chapitre is not None:
        requete += " WHERE chapitre = ?"
        parametres = (_chapitre(chapitre),)
    with closing(_ouvrir(Path(chemin), lecture_seule=True)) as connexion:
        lignes = connexion.execute(requete + " ORDER BY id", parametres).fetchall()
    table = pd.DataFrame([dict(ligne) for ligne in lignes], columns=colonnes)
    table["juste"] = table["juste"].astype(bool)
    table["reponse"] = [json.loads(r) for r in table["reponse"]]
    return table


def derniere_reponse(chapitre: str, question: str, chemin: Path | None = None) -> dict | None:
    """La dernière réponse donnée à une question, avec le nombre d'essais, ou ``None``."""
    try:
        table = reponses(chapitre, chemin)
    except sqlite3.Error:
        return None
    table = table[table["question"] == str(question)]
    if table.empty:
        return None
    derniere = table.iloc[-1]
    return {
        "reponse": derniere["reponse"],
        "juste": bool(derniere["juste"]),
        "essais": len(table),
        "horodatage": float(derniere["horodatage"]),
    }


def questions_du_chapitre(chapitre: str) -> list[str]:
    """Les identifiants des questions d'un chapitre (quiz, exercices, questions rédigées), d'après son fichier de contenu.

    >>> "cpa" in questions_du_chapitre("06")
    True
    """
    donnees = contenu.charger(chapitre)
    idents = [q["id"] for quiz in donnees.get("quiz", {}).values() for q in quiz["questions"]]
    return idents + list(donnees.get("exercices", {})) + list(donnees.get("questions_ouvertes", {}))


def bilan(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Avancement chapitre par chapitre : questions faites, réussies (dernière réponse juste), total.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"chapitre": ["06-kpi"] * 2, "question": ["q1", "q1"], "juste": [False, True]})
    >>> ligne = bilan(t).set_index("chapitre").loc["06-kpi", ["faites", "reussies", "total"]].tolist()
    >>> ligne == [1, 1, len(questions_du_chapitre("06"))]
    True
    """
    table = reponses() if table is None else table
    lignes = []
    for chapitre in contenu.chapitres():
        total = len(questions_du_chapitre(chapitre))
        if not total:
            continue
        du_chapitre = table[table["chapitre"] == chapitre]
        dernieres = du_chapitre.groupby("question", sort=False)["juste"].last()
        lignes.append(
            {
                "chapitre": chapitre,
                "faites": int(dernieres.size),
                "reussies": int(dernieres.sum()),
                "total": total,
                "essais": int(len(du_chapitre)),
            }
        )
    return pd.DataFrame(lignes, columns=["chapitre", "faites", "reussies", "total", "essais"])


def mon_bilan():
    """« Mon bilan » : un tableau de l'avancement de l'élève, chapitre par chapitre."""
    from coursekit import format as fmt
    from coursekit.tableaux import tableau

    table = bilan()
    table["avancement"] = [
        fmt.pourcent(100 * f / t, decimales=0) if t else "—"
        for f, t in zip(table["faites"], table["total"], strict=True)
    ]
    return tableau(
        table[["chapitre", "faites", "reussies", "total", "avancement"]],
        titre="Mon bilan",
        entetes={
            "chapitre": "Chapitre",
            "faites": "Questions faites",
            "reussies": "Réussies",
            "total": "Questions du chapitre",
            "avancement": "Avancement",
        },
    )


def texte_souvenir(souvenir: Mapping) -> str:
    """La phrase « Déjà répondu » d'une question.

    >>> texte_souvenir({"reponse": "50", "juste": True, "essais": 2})
    'Déjà répondu\\xa0: «\\xa050\\xa0» (juste, 2 essais).'
    """
    reponse = souvenir["reponse"]
    if isinstance(reponse, float) or isinstance(reponse, int) and not isinstance(reponse, bool):
        from coursekit import format as fmt

        reponse = fmt.nombre(reponse)
    essais = souvenir.get("essais", 1)
    etat = "juste" if souvenir["juste"] else "à revoir"
    pluriel = "essai" if essais == 1 else "essais"
    return f"Déjà répondu\u00a0: «\u00a0{reponse}\u00a0» ({etat}, {essais} {pluriel})."


def _souvenir(chapitre: str, question: str) -> dict | None:
    chemin = chemin_progres()
    if chemin is None or not chemin.exists():
        return None
    return derniere_reponse(chapitre, question, chemin)


def brancher(quiz_module=None) -> None:
    """Abonne l'enregistrement aux quiz (``quiz.ECOUTEURS``) et leur donne la mémoire (``quiz.SOUVENIRS``)."""
    if quiz_module is None:
        from coursekit import quiz as quiz_module
    if enregistrer not in quiz_module.ECOUTEURS:
        quiz_module.ECOUTEURS.append(enregistrer)
    souvenirs = getattr(quiz_module, "SOUVENIRS", None)
    if souvenirs is not None and _souvenir not in souvenirs:
        souvenirs.append(_souvenir)


def fusionner(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Les réponses de plusieurs élèves dans une seule table (colonne ``eleve`` en tête)."""
    morceaux = [t.assign(eleve=nom) for nom, t in tables.items() if not t.empty]
    colonnes = ["eleve", "chapitre", "question", "juste", "reponse", "horodatage"]
    if not morceaux:
        return pd.DataFrame(columns=colonnes)
    return pd.concat(morceaux, ignore_index=True)[colonnes]


def erreurs_frequentes(table: pd.DataFrame, premiers: int = 10) -> pd.DataFrame:
    """Les questions que le plus d'élèves ont manquées au moins une fois (et ceux dont la dernière réponse est fausse).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"eleve": ["a", "a", "b"], "chapitre": ["06-kpi"] * 3,
    ...                   "question": ["q1", "q1", "q1"], "juste": [False, True, False]})
    >>> erreurs_frequentes(t).values.tolist()
    [['06-kpi', 'q1', 2, 2, 1]]
    """
    colonnes = ["chapitre", "question", "eleves", "eleves_en_erreur", "encore_faux"]
    if table.empty:
        return pd.DataFrame(columns=colonnes)
    par_eleve = table.groupby(["chapitre", "question", "eleve"], sort=False)["juste"].agg(["min", "last"])
    resume = par_eleve.groupby(level=["chapitre", "question"], sort=False).agg(
        eleves=("min", "size"),
        eleves_en_erreur=("min", lambda s: int((~s.astype(bool)).sum())),
        encore_faux=("last", lambda s: int((~s.astype(bool)).sum())),
    )
    resume = resume.reset_index()
    resume = resume[resume["eleves_en_erreur"] > 0]
    resume = resume.sort_values(["eleves_en_erreur", "encore_faux"], ascending=False, kind="stable")
    return resume.head(premiers).reset_index(drop=True)[colonnes]


def avancement_classe(table: pd.DataFrame, eleves: Iterable[str]) -> pd.DataFrame:
    """Qui a fait quoi : une ligne par élève, une colonne par chapitre (« réussies/total »)."""
    lignes = []
    for eleve in eleves:
        a_lui = table[table["eleve"] == eleve] if not table.empty else table
        resume = bilan(a_lui)
        ligne = {"eleve": eleve}
        for _, r in resume.iterrows():
            ligne[r["chapitre"]] = f"{r['reussies']}/{r['total']}" if r["faites"] else "—"
        ligne["total_reussies"] = int(resume["reussies"].sum())
        lignes.append(ligne)
    return pd.DataFrame(lignes)
