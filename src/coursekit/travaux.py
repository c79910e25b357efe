"""Les travaux de l'élève : un seul format de fichier, rangé dans ``mes-travaux/``.

Chaque outil qui garde un travail (constructeur SWOT, constructeur de persona,
planificateur du projet final, et tout outil à venir) écrit la même **enveloppe**
JSON, par une seule fonction (:func:`texte_travail`) :

.. code-block:: json

    {"outil": "swot", "version": 2, "contenu": {...}, "enregistre_le": "2026-12-01T09:45:00+00:00"}

À l'ouverture, l'enveloppe puis le contenu sont validés par ``jsonschema``
(:data:`SCHEMA_ENVELOPPE`, et le schéma de l'outil dans :data:`OUTILS`). Les
fichiers de la version 1 (``coursekit-swot``, ``coursekit-persona``, plan sans
enveloppe) s'ouvrent encore. Un fichier d'un autre outil, d'une version plus
récente, abîmé ou coupé est refusé par une :class:`~coursekit.ErreurSaisie` en
français qui nomme le fichier et l'outil auquel il appartient.

Chaque outil a son dossier (``mes-travaux/swot/``, ``mes-travaux/persona/``,
``mes-travaux/plan/``), exports ``.md``, ``.png`` et ``.html`` compris : deux
outils ne peuvent pas écraser le fichier l'un de l'autre. Un fichier déjà présent
qui n'a été ni ouvert ni écrit par l'outil n'est remplacé qu'après un second clic
(:class:`Carnet`). Toute écriture est atomique (:func:`ecrire_atomique`).

>>> travail = lire_texte("swot", texte_travail("swot", {"entreprise": "GdV", "forces": ["a"],
...     "faiblesses": [], "opportunites": [], "menaces": []}))
>>> travail.outil, travail.version, travail.contenu["forces"]
('swot', 2, ['a'])
"""

from __future__ import annotations

import contextlib
import copy
import errno
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from coursekit import schemas
from coursekit.erreurs import ErreurSaisie
from coursekit.fichiers import ecrire_atomique
from coursekit.schemas import jsonschema

EXTENSIONS = (".json", ".md", ".html", ".png")
CARACTERES_INTERDITS = '/\\:*?"<>|'
VERSION = 2
"""Version du format des travaux écrite aujourd'hui (la version 1 est l'ancien format, encore lu)."""

_TEXTES = {"type": "array", "items": {"type": "string"}}


@dataclass(frozen=True)
class Outil:
    """Un outil qui garde un travail : son nom en français, son dossier et le schéma de son contenu."""

    cle: str
    """Identifiant écrit dans le fichier (``"outil"``) et nom du dossier dans ``mes-travaux/``."""
    nom: str
    """L'outil, sans article : « constructeur SWOT (chapitre 02) »."""
    travail: str
    """Ce qu'il enregistre, avec son article : « une analyse SWOT »."""
    exemple: str
    """Un nom de fichier donné en exemple dans les messages."""
    schema: dict
    """Schéma JSON du contenu (version :data:`VERSION`)."""
    ancien_format: str | None = None
    """La valeur de ``"format"`` des fichiers de la version 1, quand il y en avait une."""
    defauts: dict = field(default_factory=dict)
    """Valeurs des clés absentes d'un fichier de la version 1."""


_CHAMPS_PERSONA_TEXTE = ("nom", "profession", "sexe", "lieu", "taille_foyer", "etudes", "revenus")
_CHAMPS_PERSONA_LISTE = ("habitudes_digitales", "motivations", "freins", "canaux", "moments", "parcours")

OUTILS: dict[str, Outil] = {
    "swot": Outil(
        "swot",
        "constructeur SWOT (chapitre 02)",
        "une analyse SWOT",
        "mon-swot",
        {
            "type": "object",
            "required": ["entreprise", "forces", "faiblesses", "opportunites", "menaces"],
            "additionalProperties": False,
            "properties": {
                "entreprise": {"type": "string"},
                **{q: _TEXTES for q in ("forces", "faiblesses", "opportunites", "menaces")},
            },
        },
        ancien_format="coursekit-swot",
        defauts={"entreprise": ""},
    ),
    "persona": Outil(
        "persona",
        "constructeur de persona (chapitre 03)",
        "une fiche persona",
        "mon-persona",
        {
            "type": "object",
            "required": [*_CHAMPS_PERSONA_TEXTE, *_CHAMPS_PERSONA_LISTE, "age", "budget", "cible"],
            "additionalProperties": False,
            "properties": {
                **{c: {"type": "string"} for c in _CHAMPS_PERSONA_TEXTE},
                **{c: _TEXTES for c in _CHAMPS_PERSONA_LISTE},
                # un âge, une tranche [début, fin], ou rien ; un brouillon garde une tranche impossible
                "age": {
                    "anyOf": [
                        {"type": "null"},
                        {"type": "integer", "minimum": 0, "maximum": 120},
                        {
                            "type": "array",
                            "items": {"type": "integer", "minimum": 0, "maximum": 240},
                            "minItems": 2,
                            "maxItems": 2,
                        },
                    ],
                    "description": "un âge en années (0 à 120), une tranche [30, 45] ou null",
                },
                # un montant, rien, ou le texte tapé tel quel quand ce n'est pas (encore) un montant
                "budget": {"anyOf": [{"type": "null"}, {"type": "number", "minimum": 0}, {"type": "string"}]},
                "cible": {"enum": ["B2C", "B2B"]},
            },
        },
        ancien_format="coursekit-persona",
        defauts={
            **{c: "" for c in _CHAMPS_PERSONA_TEXTE},
            **{c: [] for c in _CHAMPS_PERSONA_LISTE},
            "age": None,
            "budget": None,
            "cible": "B2C",
        },
    ),
    "plan": Outil(
        "plan",
        "planificateur du projet final (chapitre 08)",
        "un plan de communication",
        "mon-plan",
        {
            "type": "object",
            "required": ["entreprise", "reponses"],
            "additionalProperties": False,
            "properties": {
                "entreprise": {"type": "string"},
                "type_pme": {"type": ["string", "null"]},
                "reponses": {
                    "type": "object",
                    "propertyNames": {
                        "pattern": "^([1-9]|10)$",
                        "description": "les réponses du plan sont rangées par numéro d'étape, de 1 à 10",
                    },
                    "additionalProperties": {"type": "string"},
                },
            },
        },
        defauts={"reponses": {}},
    ),
}
"""Les outils qui gardent un travail. Un nouvel outil ajoute ici son entrée (et son schéma)."""

SCHEMA_ENVELOPPE = {
    "type": "object",
    "required": ["outil", "version", "contenu"],
    "additionalProperties": False,
    "properties": {
        "outil": {"type": "string"},
        "version": {"type": "integer", "minimum": 1},
        "contenu": {"type": "object"},
        "enregistre_le": {"type": "string"},
    },
}
"""L'enveloppe commune à tous les travaux enregistrés."""


@dataclass(frozen=True)
class Travail:
    """Un travail relu : l'outil, la version du fichier (1 = ancien format), le contenu à jour."""

    outil: str
    version: int
    contenu: dict
    enregistre_le: str | None = None
    chemin: Path | None = None
    ancien_emplacement: bool = False


def outil(cle: str) -> Outil:
    """La fiche d'un outil de :data:`OUTILS`."""
    if cle not in OUTILS:
        raise ErreurSaisie(f"L'outil « {cle} » n'existe pas : outils connus : {', '.join(OUTILS)}.")
    return OUTILS[cle]


# --- noms et dossiers ------------------------------------------------------------------------------


def dossier_travaux() -> Path:
    """Dossier des travaux de l'élève : ``mes-travaux/`` à côté du notebook (ou ``COURSEKIT_TRAVAUX``)."""
    return Path(os.environ.get("COURSEKIT_TRAVAUX", Path.cwd() / "mes-travaux"))


def chemin_travail(nom: str, extension: str, exemple: str, sous_dossier: str = "") -> Path:
    """Chemin de ``nom`` + ``extension`` dans le dossier des travaux (ou son ``sous_dossier``).

    Une extension déjà tapée par l'élève est retirée ; un nom vide, caché ou qui
    désigne un autre dossier est refusé.

    >>> chemin_travail(" mon-plan.json ", ".md", "mon-plan", "plan").relative_to(dossier_travaux()).as_posix()
    'plan/mon-plan.md'
    """
    nom = (nom or "").strip()
    for fin in EXTENSIONS:
        if nom.lower().endswith(fin):
            nom = nom[: -len(fin)]
    if not nom or nom.startswith(".") or any(c in nom for c in CARACTERES_INTERDITS):
        raise ErreurSaisie(
            f"Le nom du fichier doit être un simple nom, sans / ni caractères spéciaux (par exemple : {exemple})."
        )
    dossier = dossier_travaux() / sous_dossier if sous_dossier else dossier_travaux()
    return dossier / f"{nom}{extension}"


def nom_affiche(chemin: Path) -> str:
    """Le chemin d'un travail tel que l'élève le voit : ``mes-travaux/swot/mon-swot.json``."""
    racine = dossier_travaux()
    try:
        return f"{racine.name}/{chemin.relative_to(racine).as_posix()}"
    except ValueError:
        return chemin.name


_RAISONS = {
    errno.ENOSPC: "le disque est plein",
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.EROFS: "le disque est en lecture seule",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOENT: "fichier ou dossier introuvable",
}


def _erreur_systeme(erreur: Exception, chemin: Path | None = None) -> ErreurSaisie:
    raison = (
        _RAISONS.get(getattr(erreur, "errno", None))
        or getattr(erreur, "strerror", None)
        or "fichier illisible"
    )
    nom = _le_fichier(nom_affiche(chemin) if chemin is not None else None)
    return ErreurSaisie(f"{nom} n'a pas pu être lu ou écrit ({raison}) : vérifiez le nom et réessayez.")


# --- écriture atomique : coursekit.fichiers.ecrire_atomique (une seule pour tout le cours) ------------


def ecrire_travail(
    nom: str, extension: str, contenu: str | bytes, exemple: str, sous_dossier: str = ""
) -> Path:
    """Écrit ``contenu`` (texte UTF-8 ou octets) de façon atomique et rend le chemin du fichier."""
    chemin = chemin_travail(nom, extension, exemple, sous_dossier)
    donnees = contenu if isinstance(contenu, bytes) else contenu.encode("utf-8")
    try:
        ecrire_atomique(chemin, donnees)
    except OSError as erreur:
        raise _erreur_systeme(erreur, chemin) from None
    return chemin


def _lire_fichier(chemin: Path) -> str:
    try:
        return chemin.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as erreur:
        raise _erreur_systeme(erreur, chemin) from None


def lire_travail(nom: str, extension: str, exemple: str, conseil: str = "", sous_dossier: str = "") -> str:
    """Le texte d'un fichier de travail ; ``conseil`` complète le message d'un fichier absent."""
    chemin = chemin_travail(nom, extension, exemple, sous_dossier)
    if not chemin.exists():
        suite = f" {conseil}" if conseil else ""
        raise ErreurSaisie(
            f"Aucun fichier « {chemin.name} » dans {chemin.parent.name}/ : vérifiez le nom{suite}."
        )
    return _lire_fichier(chemin)


# --- l'enveloppe -----------------------------------------------------------------------------------


def envelopper(cle: str, contenu: Mapping, date: datetime | None = None) -> dict:
    """L'enveloppe d'un travail : outil, version, contenu (validé) et, si elle est donnée, la date."""
    fiche = outil(cle)
    contenu = json.loads(json.dumps(dict(contenu), ensure_ascii=False))  # une copie en types JSON
    _valider(contenu, fiche.schema, f"Le contenu à enregistrer ({fiche.travail})", ("contenu",), "")
    enveloppe: dict = {"outil": fiche.cle, "version": VERSION, "contenu": contenu}
    if date is not None:
        enveloppe["enregistre_le"] = date.isoformat(timespec="seconds")
    return enveloppe


def texte_travail(cle: str, contenu: Mapping, date: datetime | None = None) -> str:
    """Le texte JSON d'un travail : la seule fonction qui écrit le format des travaux.

    Accents et emoji sont gardés tels quels (pas d'échappement ``\\u``).
    """
    return json.dumps(envelopper(cle, contenu, date), ensure_ascii=False, indent=2) + "\n"


def _le_fichier(fichier: str | None) -> str:
    return f"Le fichier « {fichier} »" if fichier else "Le fichier"


def lire_texte(cle: str, texte: str, fichier: str | None = None) -> Travail:
    """Relit le texte d'un travail de l'outil ``cle`` ; ``fichier`` est le nom cité dans les messages.

    >>> lire_texte("persona", '{"outil": "swot", "version": 2, "contenu": {}}', "x.json")
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: Le fichier « x.json » appartient au constructeur SWOT (chapitre 02) : c'est une analyse SWOT, pas une fiche persona. Ouvrez-le dans le constructeur SWOT (chapitre 02).
    """
    outil(cle)
    if not isinstance(texte, str):
        raise ErreurSaisie("Le contenu à relire doit être un texte JSON.")
    if not texte.strip():
        raise ErreurSaisie(
            f"{_le_fichier(fichier)} est vide : il ne contient aucun travail (il a peut-être été coupé "
            "pendant un enregistrement)."
        )
    try:
        donnees = json.loads(texte)
    except json.JSONDecodeError as erreur:
        coupe = erreur.pos >= len(texte.rstrip()) or erreur.msg.startswith("Unterminated string")
        if coupe:
            raise ErreurSaisie(
                f"{_le_fichier(fichier)} est incomplet : il s'arrête en cours de route (ligne {erreur.lineno}), "
                "sans doute coupé pendant un enregistrement ou une copie."
            ) from None
        raise ErreurSaisie(
            f"{_le_fichier(fichier)} n'est pas un JSON valide (ligne {erreur.lineno}, colonne {erreur.colno}) : "
            "il a sans doute été modifié à la main."
        ) from None
    return lire_donnees(cle, donnees, fichier)


def lire_donnees(cle: str, donnees, fichier: str | None = None) -> Travail:
    """Reconnaît et valide un travail déjà lu en JSON : enveloppe, ancien format ou contenu seul."""
    fiche = outil(cle)
    nom = _le_fichier(fichier)
    if not isinstance(donnees, Mapping):
        raise ErreurSaisie(f"{nom} ne contient pas un travail coursekit (il faut un objet JSON entre {{ }}).")
    date = None
    if "outil" in donnees:
        autre, version = donnees["outil"], donnees.get("version")
        if not isinstance(autre, str) or not isinstance(version, int) or isinstance(version, bool):
            _valider(dict(donnees), SCHEMA_ENVELOPPE, nom)
        _verifier_outil(fiche, autre, nom)
        if version > VERSION:
            raise ErreurSaisie(
                f"{nom} ({fiche.travail}) a été enregistré au format {version} par une version plus récente "
                f"de coursekit ; celle-ci lit jusqu'au format {VERSION}. Mettez coursekit à jour pour l'ouvrir."
            )
        _valider(dict(donnees), SCHEMA_ENVELOPPE, nom)
        contenu, date = donnees["contenu"], donnees.get("enregistre_le")
    elif "format" in donnees:
        anciens = {o.ancien_format: o.cle for o in OUTILS.values() if o.ancien_format}
        format_lu = donnees["format"]
        if not isinstance(format_lu, str) or format_lu not in anciens:
            raise ErreurSaisie(
                f"{nom} n'est pas un travail coursekit connu (format « {format_lu} ») : choisissez un fichier "
                f"enregistré par le {fiche.nom}."
            )
        _verifier_outil(fiche, anciens[format_lu], nom)
        version = donnees.get("version", 1)
        if version != 1:
            raise ErreurSaisie(
                f"{nom} ({fiche.travail}) est à un format inconnu (version « {version} ») : "
                "mettez coursekit à jour pour l'ouvrir."
            )
        contenu = {k: v for k, v in donnees.items() if k not in ("format", "version")}
    else:
        # ancien plan (version 1, sans enveloppe) ou contenu seul : on reconnaît l'outil à sa forme
        version = 1
        contenu = dict(donnees)
        for candidat in (fiche, *(o for o in OUTILS.values() if o is not fiche)):
            if jsonschema.Draft202012Validator(candidat.schema).is_valid(_completer(candidat, contenu)):
                _verifier_outil(fiche, candidat.cle, nom)
                break
    if version < VERSION:
        contenu = _completer(fiche, contenu)
    _valider(contenu, fiche.schema, nom, ("contenu",) if "outil" in donnees else ())
    return Travail(fiche.cle, version, copy.deepcopy(dict(contenu)), date)


def _completer(fiche: Outil, contenu: Mapping) -> dict:
    """Un contenu de la version 1 mis à la version actuelle : les clés absentes prennent leur défaut."""
    complet = copy.deepcopy(fiche.defauts)
    complet.update(contenu)
    return complet


def _verifier_outil(fiche: Outil, autre: str, nom: str) -> None:
    if autre == fiche.cle:
        return
    if autre in OUTILS:
        proprietaire = OUTILS[autre]
        raise ErreurSaisie(
            f"{nom} appartient au {proprietaire.nom} : c'est {proprietaire.travail}, pas {fiche.travail}. "
            f"Ouvrez-le dans le {proprietaire.nom}."
        )
    raise ErreurSaisie(
        f"{nom} a été enregistré par un outil que cette version de coursekit ne connaît pas (« {autre} ») : "
        f"ce n'est pas {fiche.travail}."
    )


_ATTENDUS = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "vrai ou faux",
    "array": "une liste",
    "object": "un objet JSON entre { }",
    "null": "rien (null)",
}


def _entree(chemin) -> str:
    return schemas.chemin_lisible(chemin)


def _explication(erreur: jsonschema.ValidationError) -> str:
    return schemas.explication(erreur, _ATTENDUS)


def _valider(
    donnees, schema: dict, nom: str, prefixe=(), suite=" (il a sans doute été modifié à la main)"
) -> None:
    erreurs = list(jsonschema.Draft202012Validator(schema).iter_errors(donnees))
    if not erreurs:
        return
    erreur = min(erreurs, key=lambda e: (-len(e.absolute_path), e.validator != "required"))
    chemin = [*prefixe, *erreur.absolute_path]
    lieu = f" à l'entrée « {_entree(chemin)} »" if chemin else ""
    raise ErreurSaisie(f"{nom} est abîmé{lieu} : {_explication(erreur)}{suite}.")


# --- le carnet d'un outil : ouvrir, enregistrer, exporter sans rien perdre --------------------------


def _date_lisible(date: datetime) -> str:
    from babel.dates import format_datetime

    return format_datetime(date, "d MMMM y 'à' HH:mm", locale="fr_FR")


class Carnet:
    """Les fichiers d'un outil dans ``mes-travaux/<outil>/``, pour un widget.

    - :meth:`ouvrir` relit et valide un travail (l'ancien emplacement ``mes-travaux/<nom>.json``
      est encore lu) ;
    - :meth:`enregistrer` écrit l'enveloppe, :meth:`exporter` un ``.md``, ``.png`` ou ``.html`` ;
    - un fichier déjà présent que ce carnet n'a ni ouvert ni écrit n'est remplacé qu'au second
      clic sur le même bouton avec le même nom ; un fichier d'un autre outil ne l'est jamais.

    Toute erreur est une :class:`~coursekit.ErreurSaisie` en français ; rien n'est écrit alors.
    """

    def __init__(self, cle: str):
        self.outil = outil(cle)
        self._siens: set[Path] = set()
        self._a_confirmer: tuple[Path, str] | None = None

    def dossier(self) -> Path:
        """Le dossier de l'outil : ``mes-travaux/<outil>/``."""
        return dossier_travaux() / self.outil.cle

    def chemin(self, nom: str, extension: str = ".json") -> Path:
        """Le chemin d'un fichier de l'outil (nom vérifié par :func:`chemin_travail`)."""
        return chemin_travail(nom, extension, self.outil.exemple, self.outil.cle)

    # --- écrire ---

    def enregistrer(self, nom: str, contenu: Mapping, bouton: str = "Enregistrer") -> Path:
        """Écrit le travail (enveloppe datée) dans ``mes-travaux/<outil>/<nom>.json``."""
        chemin = self.chemin(nom)
        texte = texte_travail(self.outil.cle, contenu, datetime.now().astimezone())
        return self._ecrire(chemin, texte.encode("utf-8"), bouton)

    def exporter(self, nom: str, extension: str, contenu: str | bytes, bouton: str) -> Path:
        """Écrit un export (``.md``, ``.png``, ``.html``) à côté du travail, sous les mêmes règles."""
        if extension == ".json" or extension not in EXTENSIONS:
            raise ErreurSaisie(f"Un export s'écrit en {', '.join(EXTENSIONS[1:])} (reçu : {extension!r}).")
        chemin = self.chemin(nom, extension)
        return self._ecrire(
            chemin, contenu if isinstance(contenu, bytes) else contenu.encode("utf-8"), bouton
        )

    def _ecrire(self, chemin: Path, donnees: bytes, bouton: str) -> Path:
        self._verifier_remplacement(chemin, bouton)
        try:
            ecrire_atomique(chemin, donnees)
        except OSError as erreur:
            raise _erreur_systeme(erreur, chemin) from None
        self._siens.add(chemin)
        self._a_confirmer = None
        return chemin

    def _verifier_remplacement(self, chemin: Path, bouton: str) -> None:
        if not chemin.is_file() or chemin in self._siens:
            return
        affiche = nom_affiche(chemin)
        if chemin.suffix == ".json":
            proprietaire = self._proprietaire(chemin)
            if proprietaire is not None and proprietaire is not self.outil:
                raise ErreurSaisie(
                    f"« {affiche} » est {proprietaire.travail} du {proprietaire.nom} : il ne sera pas remplacé. "
                    "Choisissez un autre nom de fichier."
                )
        if self._a_confirmer == (chemin, bouton):
            return
        self._a_confirmer = (chemin, bouton)
        date = _date_lisible(datetime.fromtimestamp(chemin.stat().st_mtime).astimezone())
        raise ErreurSaisie(
            f"« {affiche} » existe déjà (enregistré le {date}) et n'est pas le fichier ouvert ici. "
            f"Cliquez de nouveau sur « {bouton} » pour le remplacer, ou changez le nom du fichier pour garder les deux."
        )

    @staticmethod
    def _proprietaire(chemin: Path) -> Outil | None:
        """L'outil d'un fichier JSON existant (ou ``None`` s'il est illisible ou inconnu)."""
        try:
            donnees = json.loads(_lire_fichier(chemin))
        except (ErreurSaisie, json.JSONDecodeError):
            return None
        if isinstance(donnees, Mapping):
            if donnees.get("outil") in OUTILS:
                return OUTILS[donnees["outil"]]
            anciens = {o.ancien_format: o for o in OUTILS.values() if o.ancien_format}
            if donnees.get("format") in anciens:
                return anciens[donnees["format"]]
        return None

    # --- lire ---

    def ouvrir(self, nom: str, conseil: str = "") -> Travail:
        """Relit ``mes-travaux/<outil>/<nom>.json`` (ou l'ancien ``mes-travaux/<nom>.json``)."""
        chemin = self.chemin(nom)
        ancien = False
        if not chemin.exists():
            vieux = chemin_travail(nom, ".json", self.outil.exemple)
            if vieux.is_file():
                chemin, ancien = vieux, True
            else:
                suite = f" {conseil}" if conseil else ""
                message = f"Aucun fichier « {chemin.name} » dans {nom_affiche(self.dossier())}/ : vérifiez le nom{suite}."
                for autre in OUTILS.values():
                    if autre is not self.outil and (dossier_travaux() / autre.cle / chemin.name).is_file():
                        message += (
                            f" Il y a bien un « {chemin.name} » dans {nom_affiche(dossier_travaux() / autre.cle)}/, "
                            f"mais il appartient au {autre.nom}."
                        )
                raise ErreurSaisie(message)
        travail = lire_texte(self.outil.cle, _lire_fichier(chemin), nom_affiche(chemin))
        if not ancien:
            self._siens.add(chemin)
        return replace(travail, chemin=chemin, ancien_emplacement=ancien)

    def annonce_ouverture(self, travail: Travail, quoi: str) -> str:
        """La phrase qui confirme une ouverture : « Analyse relue depuis … (enregistrée le …). »"""
        phrase = f"{quoi} depuis {nom_affiche(travail.chemin)}" if travail.chemin else quoi
        if travail.enregistre_le:
            with contextlib.suppress(ValueError):
                phrase += (
                    f" (enregistrement du {_date_lisible(datetime.fromisoformat(travail.enregistre_le))})"
                )
        if travail.ancien_emplacement:
            phrase += (
                f". Ce fichier est à l'ancien emplacement : « Enregistrer » le rangera désormais dans "
                f"{nom_affiche(self.dossier())}/ (l'ancien reste où il est)"
            )
        return phrase + "."
