"""Le contenu du cours, rangé en fichiers de données : un fichier YAML par chapitre.

Questions de quiz, exercices (réponses attendues, tolérances, indices, corrections),
listes de mots des correcteurs, tableaux du cours : tout ce qu'un professeur peut
vouloir adapter vit dans ``src/coursekit/contenu/<chapitre>.yaml``, pas dans le
code. Ce module lit ces fichiers, les valide contre ``schema.json`` (et contre le
schéma propre à chaque section qu'un module demande), puis les garde en mémoire.

Les montants sont écrits en euros (la monnaie de référence du cours). Quand la devise
du cours est le dirham (édition marocaine, ``coursekit.format.definir_devise("MAD")``),
chaque texte lu est réécrit par :func:`coursekit.format.texte_local` (« 600 € » devient
« 6 000 DH ») ; les nombres restent en euros de référence et sont convertis à l'affichage
(``ck.monnaie``) et dans les réponses attendues (``coursekit.quiz``). Un seul taux, une
seule copie du contenu.

Un fichier mal formé ne donne jamais une trace Python incompréhensible : l'erreur
:class:`ErreurContenu` nomme le fichier, l'entrée fautive et ce qui est attendu.

>>> contenu = charger("06")
>>> contenu["quiz"]["fin"]["titre"]
'Quiz : chapitre 06'
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import yaml

from coursekit import format as fmt
from coursekit import schemas
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import jsonschema

__all__ = ["ErreurContenu", "charger", "chapitres", "fichier_du_chapitre", "section", "valider_texte"]


class ErreurContenu(ErreurSaisie):
    """Un fichier de contenu est absent ou mal formé : le message dit où, et quoi corriger."""


def _dossier():
    return resources.files(__name__)


@functools.cache
def _schema_commun() -> dict:
    return json.loads(_dossier().joinpath("schema.json").read_text(encoding="utf-8"))


def chapitres() -> list[str]:
    """Les noms des fichiers de contenu présents (sans ``.yaml``), dans l'ordre du cours.

    >>> "06-kpi" in chapitres()
    True
    """
    return sorted(p.name[:-5] for p in _dossier().iterdir() if p.name.endswith(".yaml"))


def fichier_du_chapitre(chapitre: str) -> str:
    """Le nom du fichier d'un chapitre, donné par son numéro (``"06"``) ou son nom (``"06-kpi"``).

    >>> fichier_du_chapitre("6")
    '06-kpi.yaml'
    """
    cle = str(chapitre).strip()
    if cle.isdigit():
        cle = cle.zfill(2)
    for nom in chapitres():
        if nom == cle or nom.split("-", 1)[0] == cle:
            return f"{nom}.yaml"
    connus = ", ".join(n.split("-", 1)[0] for n in chapitres())
    raise ErreurContenu(
        f"Aucun fichier de contenu pour le chapitre « {chapitre} » : chapitres connus : {connus}."
    )


_ATTENDUS = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "array": "une liste",
    "object": "une liste de clés (clé : valeur)",
    "null": "rien",
}


def _explication(erreur: jsonschema.ValidationError) -> str:
    return schemas.explication(erreur, _ATTENDUS)


def _valider(donnees: Any, schema: dict, fichier: str, prefixe=()) -> None:
    validateur = jsonschema.Draft202012Validator(schema)
    erreurs = sorted(
        validateur.iter_errors(donnees), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path)))
    )
    if erreurs:
        erreur = min(erreurs, key=lambda e: -len(e.absolute_path))  # la plus précise
        entree = schemas.chemin_lisible([*prefixe, *erreur.absolute_path])
        raise ErreurContenu(
            f"Le fichier de contenu « {fichier} » est mal formé, à l'entrée « {entree} » : {_explication(erreur)}."
        )


def _verifier_coherence(donnees: dict, fichier: str) -> None:
    """Règles qu'un schéma JSON dit mal : une seule bonne réponse par QCM, identifiants uniques."""
    vus: set[str] = set()
    for nom_quiz, quiz in donnees.get("quiz", {}).items():
        _verifier_quiz(quiz["questions"], nom_quiz, vus, fichier)
    for cle in donnees.get("exercices", {}):
        if cle in vus:
            raise ErreurContenu(
                f"Le fichier de contenu « {fichier} » utilise l'identifiant « {cle} » pour une question et un exercice."
            )


def _verifier_quiz(questions: list, nom_quiz: str, vus: set, fichier: str) -> None:
    for i, question in enumerate(questions):
        if question["id"] in vus:
            raise ErreurContenu(
                f"Le fichier de contenu « {fichier} » donne deux fois l'identifiant « {question['id']} » "
                f"(quiz → {nom_quiz} → questions → n° {i + 1}) : chaque question a le sien."
            )
        vus.add(question["id"])
        if question["type"] == "qcm":
            justes = [p for p in question["propositions"] if p.get("juste")]
            if len(justes) != 1:
                raise ErreurContenu(
                    f"Le fichier de contenu « {fichier} », à l'entrée « quiz → {nom_quiz} → questions → n° {i + 1} » : "
                    f"un QCM a exactement une proposition marquée « juste: true » (ici {len(justes)})."
                )


def valider_texte(texte: str, fichier: str = "contenu.yaml") -> dict:
    """Lit et valide le texte YAML d'un fichier de contenu (utile pour tester un fichier modifié).

    >>> valider_texte("quiz: 3", "essai.yaml")
    Traceback (most recent call last):
    ...
    coursekit.contenu.ErreurContenu: Le fichier de contenu « essai.yaml » est mal formé, à l'entrée « quiz » : on attend une liste de clés (clé : valeur).
    """
    try:
        donnees = yaml.safe_load(texte)
    except yaml.YAMLError as erreur:
        lieu = getattr(erreur, "problem_mark", None)
        ligne = f" (ligne {lieu.line + 1}, colonne {lieu.column + 1})" if lieu else ""
        raise ErreurContenu(
            f"Le fichier de contenu « {fichier} » n'est pas du YAML valide{ligne} : vérifiez l'indentation "
            "(des espaces, pas de tabulations), les deux-points et les guillemets."
        ) from None
    if donnees is None:
        donnees = {}
    _valider(donnees, _schema_commun(), fichier)
    _verifier_coherence(donnees, fichier)
    return donnees


@functools.cache
def _charger_fichier(fichier: str) -> dict:
    try:
        texte = _dossier().joinpath(fichier).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ErreurContenu(
            f"Le fichier de contenu « {fichier} » est introuvable dans coursekit/contenu/."
        ) from None
    except UnicodeDecodeError:
        raise ErreurContenu(
            f"Le fichier de contenu « {fichier} » n'est pas enregistré en UTF-8 : réenregistrez-le en UTF-8."
        ) from None
    return valider_texte(texte, fichier)


# Des valeurs qui sont des mots-clés ou des entrées de listes de mots (unités reconnues,
# thèmes), pas des phrases : elles restent telles quelles dans toutes les devises.
_MOTS_CLES = {"€", "k€", "euro", "euros", "EUR"}


def _local(valeur: Any) -> Any:
    """Les textes d'un contenu avec leurs montants dans la devise du cours (les nombres ne changent pas)."""
    if isinstance(valeur, str):
        return valeur if valeur in _MOTS_CLES else fmt.texte_local(valeur)
    if isinstance(valeur, dict):
        return {cle: _local(v) for cle, v in valeur.items()}
    if isinstance(valeur, list):
        return [_local(v) for v in valeur]
    return valeur


def _charger_local(fichier: str, devise: str) -> dict:
    return _charger_fichier(fichier) if devise == "EUR" else _converti(fichier, devise)


@functools.cache
def _converti(fichier: str, devise: str) -> dict:
    return _local(_charger_fichier(fichier))


def charger(chapitre: str) -> dict:
    """Tout le contenu d'un chapitre, validé (``charger("06")`` ou ``charger("06-kpi")``).

    Ses textes donnent les montants dans la devise du cours (voir le début du module).
    """
    return _charger_local(fichier_du_chapitre(chapitre), fmt.devise())


def section(chapitre: str, cle: str, schema: dict | None = None) -> Any:
    """Une section du contenu d'un chapitre, validée contre ``schema`` (schéma JSON) s'il est donné.

    Les modules du cours déclarent ainsi la forme de leurs données (listes de mots,
    politiques du mix…) et un professeur qui modifie le fichier est guidé par le message.
    """
    fichier = fichier_du_chapitre(chapitre)
    donnees = _charger_local(fichier, fmt.devise())
    if cle not in donnees:
        raise ErreurContenu(f"Le fichier de contenu « {fichier} » n'a pas de section « {cle} ».")
    if schema is not None:
        _valider(donnees[cle], schema, fichier, prefixe=(cle,))
    return donnees[cle]


def vider_cache() -> None:
    """Oublie les fichiers déjà lus (après une modification, sans redémarrer le noyau)."""
    _charger_fichier.cache_clear()
    _converti.cache_clear()
