"""Le persona : portrait fictif mais réaliste du client idéal.

Une :class:`Persona` rassemble des critères **socio-démographiques** (âge, sexe,
lieu, foyer, études, revenus, profession) et **comportementaux** (habitudes
digitales, motivations, freins, canaux, moments de consultation, budget,
parcours d'achat). Ce module est pur : pas de widget, pas de fichier.
L'enregistrement passe par du texte JSON (:meth:`Persona.vers_json`) et la
fiche par du HTML où tout texte saisi est échappé (:meth:`Persona.carte_html`).

>>> p = Persona(nom="Inès", age=25, habitudes_digitales=["TikTok"])
>>> round(p.completude())
20
>>> Persona.depuis_json(p.vers_json()) == p
True
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from numbers import Real

from coursekit import contenu
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import TEXTE as _TEXTE
from coursekit.travaux import lire_donnees, lire_texte, texte_travail

AGE_MAXIMUM = 120
CIBLES: tuple[str, ...] = ("B2C", "B2B")

CHAMPS_TEXTE: tuple[str, ...] = ("nom", "sexe", "lieu", "taille_foyer", "etudes", "revenus", "profession")
CHAMPS_LISTE: tuple[str, ...] = (
    "habitudes_digitales",
    "motivations",
    "freins",
    "canaux",
    "moments",
    "parcours",
)


_LISTE = {"type": "array", "items": _TEXTE}
_TOUS_LES_CHAMPS = ("nom", "age", *CHAMPS_TEXTE[1:], *CHAMPS_LISTE, "budget")
SCHEMA_FICHE = {
    "type": "object",
    "required": ["libelles", "titres", "familles"],
    "additionalProperties": False,
    "properties": {
        "libelles": {
            "type": "object",
            "required": list(_TOUS_LES_CHAMPS),
            "additionalProperties": False,
            "properties": {c: _TEXTE for c in _TOUS_LES_CHAMPS},
        },
        "titres": {
            "type": "object",
            "required": [*_TOUS_LES_CHAMPS, "cible"],
            "additionalProperties": False,
            "properties": {c: _TEXTE for c in (*_TOUS_LES_CHAMPS, "cible")},
        },
        "familles": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "array",
                "minItems": 1,
                "items": {"enum": list(_TOUS_LES_CHAMPS)},
            },
        },
    },
}
_FICHE = contenu.section("03", "fiche", SCHEMA_FICHE)

LIBELLES: dict[str, str] = dict(_FICHE["libelles"])
"""Nom de chaque champ tel que l'élève le lit (avec son article)."""

TITRES: dict[str, str] = dict(_FICHE["titres"])

GROUPES: dict[str, tuple[str, ...]] = {
    famille: tuple(champs) for famille, champs in _FICHE["familles"].items()
}
"""Les champs comptés par :meth:`Persona.completude`, rangés par famille de critères."""
_RANGES = [c for champs in GROUPES.values() for c in champs]
if sorted(_RANGES) != sorted(_TOUS_LES_CHAMPS):
    raise contenu.ErreurContenu(
        "Le fichier de contenu « 03-personas.yaml », à l'entrée « fiche → familles », doit ranger chacun des "
        f"{len(_TOUS_LES_CHAMPS)} champs dans une famille, une seule fois : "
        + ", ".join(_TOUS_LES_CHAMPS)
        + "."
    )

CHAMPS_COMPLETUDE: tuple[str, ...] = tuple(c for champs in GROUPES.values() for c in champs)


def resume_familles() -> str:
    """Les champs d'une fiche, famille par famille, en quelques lignes lisibles (chapitre 03).

    >>> print(resume_familles().splitlines()[0])
    Une fiche compte 15 champs, en 5 familles :
    """
    lignes = [f"Une fiche compte {len(CHAMPS_COMPLETUDE)} champs, en {len(GROUPES)} familles :"]
    for groupe, champs in GROUPES.items():
        lignes.append(f"• {groupe} : {', '.join(LIBELLES[c] for c in champs)}")
    return "\n".join(lignes)


# --- contrôles -----------------------------------------------------------------------------------


def lire_age(valeur) -> int | tuple[int, int] | None:
    """L'âge d'un persona : un entier de 0 à 120, une tranche ``(30, 45)`` ou ``None`` (non renseigné).

    Le texte tapé est accepté : ``"25"``, ``"30-45"``, ``"30 à 45"``.

    >>> lire_age("30 à 45"), lire_age(25.0), lire_age("")
    ((30, 45), 25, None)
    """
    libelle = "L'âge (age)"
    if valeur is None:
        return None
    if isinstance(valeur, str):
        texte = valeur.strip().lower().removesuffix("ans").strip()
        if not texte:
            return None
        morceaux = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*(?:-|–|à|a)\s*(\d+(?:[.,]\d+)?)", texte)
        if morceaux:
            return lire_age((_age_texte(morceaux.group(1)), _age_texte(morceaux.group(2))))
        return lire_age(_age_texte(texte))
    if isinstance(valeur, (list, tuple)):
        if len(valeur) != 2:
            raise ErreurSaisie(
                f"{libelle} en tranche s'écrit avec deux nombres, par exemple (30, 45) (reçu : {valeur!r})."
            )
        debut, fin = (lire_age(v) for v in valeur)
        if debut is None or fin is None or isinstance(debut, tuple) or isinstance(fin, tuple):
            raise ErreurSaisie(f"{libelle} en tranche s'écrit avec deux nombres, par exemple (30, 45).")
        if fin < debut:
            raise ErreurSaisie(
                f"{libelle} : la tranche doit aller du plus jeune au plus âgé ({fin} est plus petit que {debut})."
            )
        return debut if debut == fin else (debut, fin)
    if isinstance(valeur, bool) or not isinstance(valeur, Real):
        raise ErreurSaisie(f"{libelle} doit être un nombre entier de 0 à {AGE_MAXIMUM} (reçu : {valeur!r}).")
    nombre = float(valeur)
    if math.isnan(nombre) or math.isinf(nombre) or not nombre.is_integer():
        raise ErreurSaisie(f"{libelle} doit être un nombre entier d'années (reçu : {valeur!r}).")
    if not 0 <= nombre <= AGE_MAXIMUM:
        raise ErreurSaisie(f"{libelle} doit être compris entre 0 et {AGE_MAXIMUM} ans (reçu : {valeur!r}).")
    return int(nombre)


def _age_texte(texte: str) -> int:
    texte = texte.strip().removesuffix("ans").strip()
    if not re.fullmatch(r"\d+(?:[.,]0+)?", texte):
        raise ErreurSaisie(
            f"L'âge (age) doit être un nombre entier de 0 à {AGE_MAXIMUM} : « {texte} » n'en est pas un."
        )
    return int(float(texte.replace(",", ".")))


def lire_budget(valeur) -> float | None:
    """Le budget moyen (un montant positif) ou ``None`` ; ``"60 €"`` et ``"12,5"`` sont lus.

    >>> lire_budget("1 200 €"), lire_budget(None)
    (1200.0, None)
    """
    from coursekit.validation import nombre_saisi, positif

    libelle = "Le budget moyen (budget)"
    if valeur is None or (isinstance(valeur, str) and not valeur.strip()):
        return None
    if isinstance(valeur, str):
        valeur = nombre_saisi(valeur, libelle)
    return positif(valeur, libelle)


def _texte(valeur, champ: str) -> str:
    if valeur is None:
        return ""
    if not isinstance(valeur, str):
        raise ErreurSaisie(f"{TITRES[champ]} ({champ}) doit être un texte (reçu : {valeur!r}).")
    return valeur


def _liste(valeurs, champ: str) -> list[str]:
    if valeurs is None:
        return []
    if isinstance(valeurs, str):
        raise ErreurSaisie(
            f"{TITRES[champ]} ({champ}) doit être une liste de textes courts, par exemple "
            '["premier élément", "deuxième élément"], pas un texte seul.'
        )
    if isinstance(valeurs, Mapping) or not isinstance(valeurs, Iterable):
        raise ErreurSaisie(f"{TITRES[champ]} ({champ}) doit être une liste de textes (reçu : {valeurs!r}).")
    propres = []
    for rang, valeur in enumerate(valeurs, start=1):
        if not isinstance(valeur, str):
            raise ErreurSaisie(
                f"L'élément n° {rang} de « {TITRES[champ]} » ({champ}) doit être un texte (reçu : {valeur!r})."
            )
        if valeur.strip():
            propres.append(valeur)
    return propres


def _cible(valeur) -> str:
    if isinstance(valeur, str) and valeur.strip().upper() in CIBLES:
        return valeur.strip().upper()
    raise ErreurSaisie(f"La cible (cible) doit valoir « B2C » ou « B2B » (reçu : {valeur!r}).")


# --- le persona ----------------------------------------------------------------------------------


@dataclass
class Persona:
    """Portrait d'un client idéal : champs socio-démographiques et comportementaux.

    Les textes sont gardés tels qu'ils ont été tapés ; les listes perdent seulement
    leurs éléments vides. Une saisie impossible lève :class:`~coursekit.ErreurSaisie`.

    >>> Persona(age=140)
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: L'âge (age) doit être compris entre 0 et 120 ans (reçu : 140).
    """

    nom: str = ""
    age: int | tuple[int, int] | None = None
    profession: str = ""
    habitudes_digitales: list[str] = field(default_factory=list)
    motivations: list[str] = field(default_factory=list)
    freins: list[str] = field(default_factory=list)
    canaux: list[str] = field(default_factory=list)
    moments: list[str] = field(default_factory=list)
    budget: float | None = None
    parcours: list[str] = field(default_factory=list)
    sexe: str = ""
    lieu: str = ""
    taille_foyer: str = ""
    etudes: str = ""
    revenus: str = ""
    cible: str = "B2C"

    def __post_init__(self):
        for champ in CHAMPS_TEXTE:
            setattr(self, champ, _texte(getattr(self, champ), champ))
        for champ in CHAMPS_LISTE:
            setattr(self, champ, _liste(getattr(self, champ), champ))
        self.age = lire_age(self.age)
        self.budget = lire_budget(self.budget)
        self.cible = _cible(self.cible)

    # --- complétude ----------------------------------------------------------------------------

    def est_rempli(self, champ: str) -> bool:
        """Vrai quand le champ contient quelque chose (un texte non blanc, une liste non vide, un nombre)."""
        if champ not in CHAMPS_COMPLETUDE:
            raise ErreurSaisie(f"Le champ « {champ} » n'existe pas dans une fiche persona.")
        valeur = getattr(self, champ)
        if isinstance(valeur, str):
            return bool(valeur.strip())
        if isinstance(valeur, list):
            return bool(valeur)
        return valeur is not None

    def champs_manquants(self) -> list[str]:
        """Les champs encore vides, dans l'ordre de la fiche."""
        return [c for c in CHAMPS_COMPLETUDE if not self.est_rempli(c)]

    def completude(self) -> float:
        """Part des 15 champs de la fiche qui sont remplis, **en pour cent** (la cible ne compte pas).

        >>> Persona(nom="Inès", profession="cheffe de projet", lieu="Lyon").completude()
        20.0
        """
        remplis = sum(self.est_rempli(c) for c in CHAMPS_COMPLETUDE)
        return remplis / len(CHAMPS_COMPLETUDE) * 100

    def completude_par_groupe(self) -> dict[str, float]:
        """Complétude (en %) de chaque famille de critères de :data:`GROUPES`."""
        return {
            groupe: sum(self.est_rempli(c) for c in champs) / len(champs) * 100
            for groupe, champs in GROUPES.items()
        }

    def bilan_completude(self) -> str:
        """Une phrase qui dit où en est la fiche et ce qui manque."""
        from coursekit.format import pourcent

        manquants = [LIBELLES[c] for c in self.champs_manquants()]
        debut = f"Fiche complète à {pourcent(self.completude(), 0)}"
        if not manquants:
            return f"{debut} : tous les critères sont renseignés."
        if len(manquants) > 5:
            return f"{debut} : il manque encore {len(manquants)} champs, dont {_liste_et(manquants[:4])}."
        return f"{debut} : il manque {_liste_et(manquants)}."

    # --- affichage ------------------------------------------------------------------------------

    def age_texte(self) -> str:
        """L'âge écrit pour la fiche : ``25 ans``, ``30 à 45 ans`` ou une chaîne vide."""
        if self.age is None:
            return ""
        if isinstance(self.age, tuple):
            return f"{self.age[0]} à {self.age[1]} ans"
        return f"{self.age} an" + ("s" if self.age > 1 else "")

    def budget_texte(self) -> str:
        """Le budget moyen écrit à la française (``60 €``) ou une chaîne vide."""
        from coursekit.format import monnaie

        return "" if self.budget is None else monnaie(self.budget)

    def carte_html(self) -> str:
        """La fiche du persona en HTML ; tout texte saisi est échappé (affiché, jamais exécuté)."""
        return carte_html(self)

    def _repr_html_(self) -> str:
        return self.carte_html()

    # --- enregistrement -------------------------------------------------------------------------

    def vers_dict(self) -> dict:
        """Le contenu de la fiche, prêt pour JSON, sans aucune perte (une tranche d'âge devient une liste)."""
        donnees: dict = {}
        for champ in ("nom", "age", "profession", *CHAMPS_LISTE, "budget", *CHAMPS_TEXTE[1:], "cible"):
            valeur = getattr(self, champ)
            if isinstance(valeur, (list, tuple)):
                valeur = list(valeur)
            donnees[champ] = valeur
        return donnees

    @classmethod
    def depuis_dict(cls, donnees: Mapping) -> Persona:
        """Reconstruit un persona à partir de :meth:`vers_dict` (ou d'un fichier déjà lu en JSON, ancien
        format compris) ; refuse en français ce qui n'en est pas un (:mod:`coursekit.travaux`)."""
        return cls(**lire_donnees("persona", donnees).contenu)

    def vers_json(self) -> str:
        """Le texte du fichier enregistré (l'enveloppe commune des travaux), accents et emoji gardés."""
        return persona_vers_json(self)

    @classmethod
    def depuis_json(cls, texte: str) -> Persona:
        """Relit un texte produit par :meth:`vers_json` ; un fichier abîmé donne une phrase française."""
        return persona_depuis_json(texte)


def persona_vers_json(persona: Persona) -> str:
    """Le persona en texte JSON (fonction pure : c'est le widget qui écrit le fichier)."""
    if not isinstance(persona, Persona):
        raise ErreurSaisie("On ne peut enregistrer qu'une fiche persona (un objet Persona).")
    return texte_travail("persona", persona.vers_dict())


def persona_depuis_json(texte: str) -> Persona:
    """Relit une fiche persona écrite par :func:`persona_vers_json`.

    >>> persona_depuis_json("{pas du json")
    Traceback (most recent call last):
    ...
    coursekit.erreurs.ErreurSaisie: Le fichier n'est pas un JSON valide (ligne 1, colonne 2) : il a sans doute été modifié à la main.
    """
    return Persona(**lire_texte("persona", texte).contenu)


def _liste_et(elements: list[str]) -> str:
    if len(elements) <= 1:
        return "".join(elements)
    return ", ".join(elements[:-1]) + " et " + elements[-1]


# --- la fiche en HTML ----------------------------------------------------------------------------

_STYLE_CARTE = (
    "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:46em;border:2px solid #0072B2;"
    "border-radius:10px;padding:0.8em 1.1em;background:#fbfdff;color:#1d1d1d;line-height:1.45;"
    "overflow-wrap:anywhere;word-break:break-word"
)
_A_COMPLETER = "<span style='color:#6e6e6e;font-style:italic'>à compléter</span>"


def _e(texte: str) -> str:
    return html.escape(texte, quote=True)


def _ligne(titre: str, contenu_html: str) -> str:
    return f"<div style='margin:0.15em 0'><b>{_e(titre)} :</b> {contenu_html}</div>"


def _valeur(texte: str) -> str:
    return _e(texte) if texte.strip() else _A_COMPLETER


def _puces(elements: list[str]) -> str:
    if not elements:
        return f"<div style='margin:0.1em 0 0.3em 1em'>{_A_COMPLETER}</div>"
    corps = "".join(f"<li>{_e(e)}</li>" for e in elements)
    return f"<ul style='margin:0.1em 0 0.4em 0;padding-left:1.4em'>{corps}</ul>"


def carte_html(persona: Persona) -> str:
    """La fiche d'un persona en HTML autonome (styles en ligne), tout texte saisi échappé."""
    from coursekit.format import pourcent

    titre = _e(persona.nom) if persona.nom.strip() else "Persona sans prénom"
    sous_titre = " · ".join(_e(t) for t in (persona.age_texte(), persona.profession) if t.strip())
    badge = (
        "<span style='float:right;background:#0072B2;color:white;border-radius:6px;padding:0.1em 0.5em;"
        f"font-weight:bold'>{_e(persona.cible)}</span>"
    )
    socio = "".join(
        _ligne(TITRES[c], _valeur(getattr(persona, c)))
        for c in ("sexe", "lieu", "taille_foyer", "etudes", "revenus")
    )
    sections = "".join(
        f"<div><b>{_e(TITRES[c])}</b>{_puces(getattr(persona, c))}</div>"
        for c in ("habitudes_digitales", "motivations", "freins", "canaux", "moments")
    )
    sections = (
        "<div style='display:grid;grid-template-columns:repeat(auto-fit,minmax(15em,1fr));"
        f"gap:0.2em 1.2em;margin-top:0.35em'>{sections}</div>"
    )
    budget = _e(persona.budget_texte()) if persona.budget is not None else _A_COMPLETER
    parcours = " → ".join(_e(e) for e in persona.parcours) if persona.parcours else _A_COMPLETER
    return (
        f"<div class='coursekit-persona' style=\"{_STYLE_CARTE}\">"
        f"{badge}<div style='font-size:1.35em;font-weight:bold;color:#0072B2'>{titre}</div>"
        f"<div style='color:#444;margin-bottom:0.4em'>{sous_titre or _A_COMPLETER}</div>"
        f"{socio}{sections}"
        f"{_ligne(TITRES['budget'], budget)}{_ligne(TITRES['parcours'], parcours)}"
        f"<div style='margin-top:0.5em;color:#444;font-size:0.9em'>Fiche complète à "
        f"{_e(pourcent(persona.completude(), 0))}</div></div>"
    )


def page_html(persona: Persona) -> str:
    """Une page HTML complète (à ouvrir dans un navigateur) qui contient la fiche."""
    titre = _e(persona.nom.strip() or "Persona")
    return (
        "<!DOCTYPE html>\n<html lang='fr'>\n<head>\n<meta charset='utf-8'>\n"
        f"<title>Fiche persona : {titre}</title>\n</head>\n<body>\n{carte_html(persona)}\n</body>\n</html>\n"
    )


# --- canaux et moments suggérés ------------------------------------------------------------------

SCHEMA_SUGGESTIONS = {
    "type": "object",
    "required": ["habitudes", "moments", "regles"],
    "additionalProperties": False,
    "properties": {
        "habitudes": {**_LISTE, "minItems": 1},
        "moments": {"type": "object", "additionalProperties": _TEXTE},
        "regles": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["motifs", "canal", "raison", "moments_b2c", "moments_b2b", "raison_moments"],
                "additionalProperties": False,
                "properties": {
                    "motifs": {**_LISTE, "minItems": 1},
                    "canal": _TEXTE,
                    "raison": _TEXTE,
                    "moments_b2c": {**_LISTE, "minItems": 1},
                    "moments_b2b": {**_LISTE, "minItems": 1},
                    "raison_moments": _TEXTE,
                },
            },
        },
    },
}
_SUGGESTIONS = contenu.section("03", "suggestions", SCHEMA_SUGGESTIONS)

HABITUDES_CONNUES: tuple[str, ...] = tuple(_SUGGESTIONS["habitudes"])
"""Les habitudes digitales qu'on peut cocher dans le constructeur de persona."""


@dataclass(frozen=True)
class Suggestion:
    """Un canal ou un moment conseillé, avec la raison qui le justifie."""

    nom: str
    raison: str

    def __str__(self) -> str:
        return f"{self.nom} : {self.raison}"


@dataclass(frozen=True)
class Suggestions:
    """Les canaux et les moments de consultation suggérés à partir des habitudes digitales."""

    canaux: tuple[Suggestion, ...]
    moments: tuple[Suggestion, ...]

    @property
    def noms_canaux(self) -> list[str]:
        return [s.nom for s in self.canaux]

    @property
    def noms_moments(self) -> list[str]:
        return [s.nom for s in self.moments]

    def __str__(self) -> str:
        """Deux listes à puces, « Canaux : » puis « Moments : », chaque piste avec sa raison."""
        canaux = "".join(f"\n• {s}" for s in self.canaux)
        moments = "".join(f"\n• {s}" for s in self.moments)
        return f"Canaux :{canaux}\n\nMoments :{moments}"


_MOMENTS = _SUGGESTIONS["moments"]
SOIR = _MOMENTS.get("soir", "")
WEEK_END = _MOMENTS.get("week_end", "")
MIDI = _MOMENTS.get("midi", "")
MATIN_BUREAU = _MOMENTS.get("matin_bureau", "")
TRAJETS = _MOMENTS.get("trajets", "")
AVANT_ACHAT = _MOMENTS.get("avant_achat", "")

# motifs (sans accents, en minuscules) → canal, raison du canal, moments (B2C), moments (B2B), raison des moments
_REGLES: tuple[tuple[tuple[str, ...], str, str, tuple[str, ...], tuple[str, ...], str], ...] = tuple(
    (
        tuple(r["motifs"]),
        r["canal"],
        r["raison"],
        tuple(r["moments_b2c"]),
        tuple(r["moments_b2b"]),
        r["raison_moments"],
    )
    for r in _SUGGESTIONS["regles"]
)


def normaliser(texte: str) -> str:
    """Texte en minuscules, sans accents ni apostrophes typographiques (pour comparer des mots).

    >>> normaliser("Économisez l’été")
    "economisez l'ete"
    """
    texte = unicodedata.normalize("NFKD", texte.casefold().replace("’", "'"))
    return "".join(c for c in texte if not unicodedata.combining(c))


def suggerer_canaux_moments(habitudes: Iterable[str], cible: str = "B2C") -> Suggestions:
    """Canaux et moments de consultation suggérés à partir des habitudes digitales, chacun avec sa raison.

    Les habitudes sont des textes libres : « actif sur TikTok » est reconnu comme
    TikTok. Les moments dépendent aussi de la cible (un professionnel lit ses
    e-mails en semaine). Une habitude inconnue est simplement ignorée.

    >>> s = suggerer_canaux_moments(["TikTok", "LinkedIn"])
    >>> s.noms_canaux
    ['TikTok (vidéos courtes)', 'LinkedIn (publications et articles)']
    >>> print(" | ".join(s.noms_moments).replace("\xa0", " "))
    le soir, de 19 h à 22 h | le week-end | à la pause déjeuner en semaine (de 12 h à 14 h) | en début de matinée en semaine (de 8 h à 10 h)
    """
    cible = _cible(cible)
    habitudes = _liste(
        list(habitudes) if not isinstance(habitudes, str) else habitudes, "habitudes_digitales"
    )
    textes = [" " + normaliser(h) + " " for h in habitudes]
    canaux: list[Suggestion] = []
    moments: dict[str, list[str]] = {}
    for motifs, canal, raison, moments_b2c, moments_b2b, raison_moment in _REGLES:
        if not any(m in t for t in textes for m in motifs):
            continue
        canaux.append(Suggestion(canal, raison))
        for moment in moments_b2c if cible == "B2C" else moments_b2b:
            raisons = moments.setdefault(moment, [])
            if raison_moment not in raisons:
                raisons.append(raison_moment)
    return Suggestions(tuple(canaux), tuple(Suggestion(m, " ; ".join(r)) for m, r in moments.items()))


# --- tableaux du cours ---------------------------------------------------------------------------


SCHEMA_TABLEAU = {
    "type": "object",
    "required": ["titre", "entetes", "lignes"],
    "additionalProperties": False,
    "properties": {
        "titre": _TEXTE,
        "entetes": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}},
        "lignes": {"type": "array", "minItems": 1, "items": {"type": "array", "items": {"type": "string"}}},
    },
}


def tableau_du_cours(nom: str) -> dict:
    """Un tableau du chapitre 03 tel qu'il est écrit dans le contenu : ``titre``, ``entetes``, ``lignes``."""
    donnees = contenu.section("03", nom, SCHEMA_TABLEAU)
    largeur = len(donnees["entetes"])
    for rang, ligne in enumerate(donnees["lignes"], start=1):
        if len(ligne) != largeur:
            raise contenu.ErreurContenu(
                f"Le fichier de contenu « 03-personas.yaml », à l'entrée « {nom} → lignes → n° {rang} » : "
                f"on attend {largeur} cases, une par en-tête (ici {len(ligne)})."
            )
    return donnees


def tableau_donnees(nom: str):
    """Un tableau du chapitre 03 en DataFrame, colonnes nommées par les clés de ses en-têtes."""
    import pandas as pd

    donnees = tableau_du_cours(nom)
    return pd.DataFrame(donnees["lignes"], columns=list(donnees["entetes"]))


def tableau_criteres():
    """Les critères d'une fiche persona : famille, champ, question à se poser, exemple."""
    return tableau_donnees("tableau_criteres")


def tableau_b2c_b2b():
    """Ce qui change entre un persona de particulier (B2C) et un persona de professionnel (B2B)."""
    return tableau_donnees("tableau_b2c_b2b")


# --- personas du cours ---------------------------------------------------------------------------

SCHEMA_PERSONAS = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            **{c: {"type": "string"} for c in (*CHAMPS_TEXTE, "cible")},
            **{c: _LISTE for c in CHAMPS_LISTE},
            "age": {"oneOf": [{"type": "integer"}, {"type": "array", "items": {"type": "integer"}}]},
            "budget": {"type": "number", "minimum": 0},
        },
    },
}


def persona_du_cours(nom: str) -> Persona:
    """Un persona du fichier de contenu (``"mode_eco"``, ``"graine_de_ville"``, ``"acheteur_b2b"``…)."""
    tous = contenu.section("03", "personas_du_cours", SCHEMA_PERSONAS)
    if nom not in tous:
        raise contenu.ErreurContenu(
            f"Le fichier de contenu « 03-personas.yaml » n'a pas de persona « {nom} » "
            f"(personas : {', '.join(tous)})."
        )
    donnees = dict(tous[nom])
    if isinstance(donnees.get("age"), list):
        donnees["age"] = tuple(donnees["age"])
    try:
        return Persona(**donnees)
    except ErreurSaisie as erreur:
        raise contenu.ErreurContenu(
            f"Le fichier de contenu « 03-personas.yaml », à l'entrée « personas_du_cours → {nom} » : {erreur}"
        ) from None


def persona_mode_eco() -> Persona:
    """Le persona d'une boutique en ligne de mode éco-responsable (exemple du programme).

    Le budget moyen est une hypothèse du cours (le programme n'en donne pas).
    """
    return persona_du_cours("mode_eco")


def persona_graine_de_ville() -> Persona:
    """Le persona du cas Graine de Ville : une responsable marketing digital parisienne de 30 à 45 ans.

    Le budget moyen est une hypothèse du cours (le programme n'en donne pas).
    """
    return persona_du_cours("graine_de_ville")


def persona_acheteur_b2b() -> Persona:
    """Un persona professionnel de Graine de Ville : un acheteur de cadeaux d'entreprise (B2B).

    Personnage inventé pour le cours (chiffres illustratifs).
    """
    return persona_du_cours("acheteur_b2b")
