"""Les erreurs de jsonschema en français : ce qui est attendu, et où.

Un seul texte pour les fichiers de contenu (``coursekit.contenu``) et les travaux
enregistrés (``coursekit.travaux``) ; seuls les noms des types changent (YAML ou JSON).

>>> chemin_lisible(["quiz", "fin", "questions", 0])
'quiz → fin → questions → n° 1'
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping

# À l'import, jsonschema charge les bibliothèques facultatives de ses contrôles de format
# (« iri », « duration », « color »… : rfc3987_syntax construit même un analyseur d'adresses
# IRI, ~17 Mo et une seconde), que nos schémas n'utilisent pas (aucun mot-clé « format »).
# On les écarte le temps de l'import (mémoire d'un noyau par élève, issue 11) ; elles restent
# importables ensuite. Ce module est le seul à importer jsonschema : les autres le prennent
# ici (``from coursekit.schemas import jsonschema``).
FORMATS_ECARTES = (
    "rfc3987_syntax",
    "rfc3987",
    "rfc3339_validator",
    "rfc3986_validator",
    "isoduration",
    "uri_template",
    "webcolors",
    "jsonpointer",
    "fqdn",
    "idna",
)
_ecartes = [] if "jsonschema" in sys.modules else [m for m in FORMATS_ECARTES if m not in sys.modules]
for _module in _ecartes:
    sys.modules[_module] = None  # type: ignore[assignment]
try:
    import jsonschema
finally:
    for _module in _ecartes:
        if sys.modules.get(_module, 0) is None:
            del sys.modules[_module]


def chemin_lisible(chemin) -> str:
    """L'entrée fautive, écrite pour une personne : ``quiz → fin → questions → n° 1``."""
    morceaux = [f"n° {e + 1}" if isinstance(e, int) else str(e) for e in chemin]
    return " → ".join(morceaux) if morceaux else "(racine du fichier)"


def explication(erreur: jsonschema.ValidationError, noms_des_types: Mapping[str, str]) -> str:
    """Ce qui est attendu, en français, pour une erreur de validation (``noms_des_types`` : type → nom)."""
    if isinstance(erreur.schema, Mapping) and erreur.schema.get("description"):
        recu = json.dumps(erreur.instance, ensure_ascii=False)[:60]
        return f"on attend {erreur.schema['description']} (reçu : {recu})"
    cas, attendu = erreur.validator, erreur.validator_value
    if cas == "required":
        manquants = [
            c for c in attendu if not isinstance(erreur.instance, Mapping) or c not in erreur.instance
        ]
        return "il manque " + ", ".join(f"« {c} »" for c in manquants)
    if cas == "type":
        types = attendu if isinstance(attendu, list) else [attendu]
        return "on attend " + " ou ".join(noms_des_types.get(t, t) for t in types)
    if cas == "enum":
        return "valeurs permises : " + ", ".join(f"« {x} »" for x in attendu)
    if cas == "additionalProperties":
        connues = sorted(erreur.schema.get("properties", {}))
        inconnues = (
            sorted(set(erreur.instance) - set(connues)) if isinstance(erreur.instance, Mapping) else []
        )
        texte = "clé inconnue : " + ", ".join(f"« {c} »" for c in inconnues)
        return texte + (" (clés possibles : " + ", ".join(connues) + ")" if connues else "")
    messages = {
        "minItems": f"il faut au moins {attendu} élément(s)",
        "maxItems": f"il faut au plus {attendu} élément(s)",
        "minProperties": "la section ne doit pas être vide",
        "minLength": "le texte ne doit pas être vide",
        "minimum": f"on attend un nombre au moins égal à {attendu}",
        "maximum": f"on attend un nombre au plus égal à {attendu}",
        "exclusiveMinimum": f"on attend un nombre strictement supérieur à {attendu}",
        "pattern": "le texte n'a pas la forme attendue",
        "oneOf": "l'entrée ne correspond à aucune des formes permises (voyez les autres entrées du même type)",
        "anyOf": "l'entrée ne correspond à aucune des formes permises (voyez les autres entrées du même type)",
        "const": f"on attend « {attendu} »",
    }
    return messages.get(cas, "la valeur n'a pas la forme attendue")


# --- morceaux de schémas communs aux sections de contenu des modules -------------------------

TEXTE = {"type": "string", "minLength": 1}
"""Un texte non vide."""

TEXTES = {"type": "array", "minItems": 1, "items": TEXTE}
"""Une liste d'au moins un texte non vide."""


def objet(proprietes: dict, obligatoires=None) -> dict:
    """Un objet aux seules clés ``proprietes``, toutes obligatoires sauf si ``obligatoires`` est donné.

    >>> objet({"nom": TEXTE})["required"], objet({"nom": TEXTE}, [])["required"]
    (['nom'], [])
    """
    return {
        "type": "object",
        "required": list(proprietes) if obligatoires is None else obligatoires,
        "additionalProperties": False,
        "properties": proprietes,
    }
