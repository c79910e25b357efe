"""Le diagnostic SWOT et sa matrice croisée TOWS.

Une analyse SWOT range des constats courts en quatre cases : les **forces** et
les **faiblesses** décrivent l'entreprise (facteurs internes), les
**opportunités** et les **menaces** décrivent son environnement (facteurs
externes). La matrice TOWS croise ces cases deux à deux pour en tirer des pistes
d'action. Ce module est pur : pas de widget, pas de graphique, pas de fichier ;
l'enregistrement passe par du texte JSON (:meth:`Swot.vers_json`). Les textes du
cours (titres des cases, questions TOWS, listes de mots, constats des exercices,
messages du correcteur) viennent de ``contenu/02-swot.yaml``.

>>> swot = Swot(["communauté Instagram fidèle"], ["site peu visité"], ["essor de la seconde main"], [])
>>> swot.tows()["SO"].pistes[0]
'Comment utiliser cette force\\xa0: «\\xa0communauté Instagram fidèle\\xa0», pour saisir cette opportunité\\xa0: «\\xa0essor de la seconde main\\xa0»\\xa0?'
>>> Swot.depuis_json(swot.vers_json()) == swot
True
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coursekit import contenu
from coursekit.erreurs import ErreurSaisie
from coursekit.schemas import TEXTE as _TEXTE
from coursekit.schemas import TEXTES as _TEXTES
from coursekit.schemas import objet as _objet
from coursekit.travaux import lire_donnees, lire_texte, texte_travail

CHAPITRE = "02"

_QUADRANT = {"enum": ["forces", "faiblesses", "opportunites", "menaces"]}


def _par_quadrant(schema: dict) -> dict:
    return _objet(dict.fromkeys(("forces", "faiblesses", "opportunites", "menaces"), schema))


SCHEMAS: dict[str, dict] = {
    "quadrants": _par_quadrant(
        _objet(
            {
                "titre": _TEXTE,
                "singulier": _TEXTE,
                "lettre": _TEXTE,
                "origine": {"enum": ["interne", "externe"]},
                "effet": _TEXTE,
                "piste_si_vide": _TEXTE,
            }
        )
    ),
    "tows": _objet(
        dict.fromkeys(
            ("SO", "WO", "ST", "WT"),
            _objet(
                {
                    "croise": {"type": "array", "minItems": 2, "maxItems": 2, "items": _QUADRANT},
                    "titre": _TEXTE,
                    "principe": _TEXTE,
                    "question": {"type": "string", "pattern": "\\{a\\}.*\\{b\\}|\\{b\\}.*\\{a\\}"},
                }
            ),
        )
    ),
    "vocabulaire": _objet({"externes": _TEXTES, "internes": _TEXTES}),
    "constats_graine_de_ville": {
        "type": "array",
        "minItems": 1,
        "items": _objet({"texte": _TEXTE, "quadrant": _QUADRANT, "raison": _TEXTE}),
    },
    "grille_concurrent": _TEXTES,
    "concurrents_graine_de_ville": {"type": "object", "minProperties": 1, "additionalProperties": _TEXTES},
    "seuils_interaction": _objet(
        {"faible": {"type": "number", "minimum": 0}, "fort": {"type": "number", "minimum": 0}}
    ),
    "exemple_graine_de_ville": _par_quadrant({"type": "array", "items": _TEXTE}),
    "constat_recevable": _objet(
        {
            "mots_minimum": {"type": "integer", "minimum": 1},
            "lettres_minimum": {"type": "integer", "minimum": 1},
            "remplissage": _TEXTES,
            "outils": _TEXTES,
            "messages": _objet(
                {k: _TEXTE for k in ("trop_court", "charabia", "remplissage", "repetition", "sans_sens")}
            ),
        }
    ),
    "audit": _objet(
        {
            "nombre_attendu": {"type": "integer", "minimum": 1},
            "messages": _objet(
                {
                    k: _TEXTE
                    for k in (
                        "compte_bon",
                        "trop_peu",
                        "trop",
                        "non_constats",
                        "constats_ok",
                        "externes",
                        "internes_ok",
                        "chiffre_ok",
                        "sans_chiffre",
                        "doublon",
                        "sans_doublon",
                    )
                }
            ),
        }
    ),
    "questions_offre": {
        "type": "array",
        "minItems": 1,
        "items": _objet({"question": _TEXTE, "si_oui": _TEXTE, "graine_de_ville": _TEXTE}),
    },
    "etudes": {
        "type": "array",
        "minItems": 1,
        "items": _objet({"type": _TEXTE, "definition": _TEXTE, "exemples": _TEXTE}),
    },
    "identite_marque": _objet({"valeurs": _TEXTES, "slogan": _TEXTE, "charte": _TEXTES}),
}
"""La forme attendue de chaque section de ``02-swot.yaml`` lue par ce module."""


def donnees(cle: str):
    """Une section du fichier de contenu du chapitre 02, validée contre son schéma.

    >>> donnees("seuils_interaction")["fort"]
    3.0
    """
    return contenu.section(CHAPITRE, cle, SCHEMAS[cle])


QUADRANTS: tuple[str, ...] = ("forces", "faiblesses", "opportunites", "menaces")
"""Les quatre cases, dans l'ordre du sigle S, W, O, T."""

_CASES = donnees("quadrants")
TITRES: dict[str, str] = {q: _CASES[q]["titre"] for q in QUADRANTS}
SINGULIERS: dict[str, str] = {q: _CASES[q]["singulier"] for q in QUADRANTS}
LETTRES: dict[str, str] = {q: _CASES[q]["lettre"] for q in QUADRANTS}
ORIGINE: dict[str, str] = {q: _CASES[q]["origine"] for q in QUADRANTS}
EFFET: dict[str, str] = {q: _CASES[q]["effet"] for q in QUADRANTS}
PISTES_QUADRANT_VIDE: dict[str, str] = {q: _CASES[q]["piste_si_vide"] for q in QUADRANTS}


@dataclass(frozen=True)
class StrategieTows:
    """Une case de la matrice TOWS : deux quadrants croisés et les questions qui en découlent.

    ``pistes`` contient les questions construites à partir des entrées ; quand
    l'un des deux quadrants est vide, ``pistes`` est vide et ``conseil`` dit quoi
    ajouter. ``"communauté" in strategie`` cherche le texte dans les questions.
    """

    code: str
    titre: str
    principe: str
    pistes: tuple[str, ...]
    conseil: str = ""

    def __contains__(self, texte: object) -> bool:
        return isinstance(texte, str) and any(texte in piste for piste in self.pistes)

    def __iter__(self):
        return iter(self.pistes)

    def __len__(self) -> int:
        return len(self.pistes)

    def __str__(self) -> str:
        corps = "\n".join(f"- {p}" for p in self.pistes) if self.pistes else f"- {self.conseil}"
        return f"{self.code} ({self.titre})\u00a0: {self.principe}\n{corps}"


# code → (quadrant 1, quadrant 2, titre, principe, modèle de question)
_TOWS: dict[str, tuple[str, str, str, str, str]] = {
    code: (*t["croise"], t["titre"], t["principe"], t["question"]) for code, t in donnees("tows").items()
}
CODES_TOWS: tuple[str, ...] = tuple(_TOWS)


def simplifier_espaces(texte: str) -> str:
    r"""Remplace retours à la ligne et suites d'espaces par une espace ; garde les espaces insécables.

    >>> simplifier_espaces(" 2\u202f000  abonnés\nfidèles ")
    '2\u202f000 abonnés fidèles'
    """
    return re.sub(r"[^\S\u00a0\u202f\u2007]+", " ", texte).strip()


def abreger(texte: str, longueur_max: int) -> str:
    """Coupe un texte trop long et termine par « … » (pour l'affichage seulement).

    >>> abreger("consommation responsable", 12)
    'consommatio…'
    """
    texte = simplifier_espaces(texte)
    if longueur_max < 2:
        raise ErreurSaisie("La longueur maximale d'affichage doit être d'au moins 2 caractères.")
    if len(texte) <= longueur_max:
        return texte
    return texte[: longueur_max - 1].rstrip() + "…"


def _entrees(valeurs, quadrant: str) -> list[str]:
    libelle = f"La liste des {TITRES[quadrant].lower()} ({quadrant})"
    if valeurs is None:
        return []
    if isinstance(valeurs, str):
        raise ErreurSaisie(
            f"{libelle} doit être une liste de textes courts, par exemple "
            f'["{SINGULIERS[quadrant]} n° 1", "{SINGULIERS[quadrant]} n° 2"], pas un texte seul.'
        )
    if isinstance(valeurs, Mapping) or not isinstance(valeurs, Iterable):
        raise ErreurSaisie(f"{libelle} doit être une liste de textes courts (reçu\u00a0: {valeurs!r}).")
    propres = []
    for rang, valeur in enumerate(valeurs, start=1):
        if not isinstance(valeur, str):
            raise ErreurSaisie(
                f"L'entrée n° {rang} des {TITRES[quadrant].lower()} ({quadrant}) doit être un texte "
                f"(reçu\u00a0: {valeur!r}). Mettez-la entre guillemets."
            )
        if valeur.strip():
            propres.append(valeur)
    return propres


@dataclass
class Swot:
    """Une analyse SWOT : quatre listes de constats courts (et, si l'on veut, le nom de l'entreprise).

    Les entrées vides sont ignorées ; les autres sont gardées telles quelles.

    >>> Swot(forces=["2 000 abonnés Instagram"]).quadrants_vides()
    ['faiblesses', 'opportunites', 'menaces']
    """

    forces: list[str] = field(default_factory=list)
    faiblesses: list[str] = field(default_factory=list)
    opportunites: list[str] = field(default_factory=list)
    menaces: list[str] = field(default_factory=list)
    entreprise: str = ""

    def __post_init__(self):
        for quadrant in QUADRANTS:
            setattr(self, quadrant, _entrees(getattr(self, quadrant), quadrant))
        if self.entreprise is None:
            self.entreprise = ""
        if not isinstance(self.entreprise, str):
            raise ErreurSaisie(
                f"Le nom de l'entreprise (entreprise) doit être un texte (reçu\u00a0: {self.entreprise!r})."
            )

    # --- lecture -------------------------------------------------------------------------------

    def quadrant(self, nom: str) -> list[str]:
        """Les entrées d'un quadrant (``"forces"``, ``"faiblesses"``, ``"opportunites"``, ``"menaces"``)."""
        if nom not in QUADRANTS:
            possibles = ", ".join(f"«\u00a0{q}\u00a0»" for q in QUADRANTS)
            raise ErreurSaisie(f"Le quadrant doit valoir {possibles} (reçu\u00a0: {nom!r}).")
        return getattr(self, nom)

    def quadrants_vides(self) -> list[str]:
        """Les quadrants encore vides, dans l'ordre S, W, O, T."""
        return [q for q in QUADRANTS if not getattr(self, q)]

    def nombre_entrees(self) -> dict[str, int]:
        """Le nombre d'entrées de chaque quadrant."""
        return {q: len(getattr(self, q)) for q in QUADRANTS}

    def est_vide(self) -> bool:
        """Vrai quand aucun quadrant n'a d'entrée."""
        return len(self.quadrants_vides()) == len(QUADRANTS)

    # --- matrice croisée ----------------------------------------------------------------------

    def tows(self, longueur_max: int | None = None) -> dict[str, StrategieTows]:
        """Les quatre stratégies croisées SO, WO, ST et WT, avec des questions tirées des entrées.

        Chaque entrée des deux quadrants croisés apparaît au moins une fois : on les
        associe une à une, la liste la plus courte recommençant au début. Avec
        ``longueur_max``, les entrées trop longues sont abrégées dans les questions.

        >>> pistes = Swot(["A", "B"], [], ["C"], []).tows()
        >>> for piste in pistes["SO"]:
        ...     print(piste.replace("\\xa0", " "))
        Comment utiliser cette force : « A », pour saisir cette opportunité : « C » ?
        Comment utiliser cette force : « B », pour saisir cette opportunité : « C » ?
        >>> pistes["WT"].conseil
        'Ajoutez au moins une faiblesse et une menace pour construire cette stratégie.'
        """
        if longueur_max is not None and (
            isinstance(longueur_max, bool) or not isinstance(longueur_max, int) or longueur_max < 2
        ):
            raise ErreurSaisie(
                f"La longueur maximale (longueur_max) doit être un nombre entier d'au moins 2 (reçu\u00a0: {longueur_max!r})."
            )
        resultat = {}
        for code, (q1, q2, titre, principe, modele) in _TOWS.items():
            a_liste, b_liste = getattr(self, q1), getattr(self, q2)
            if not a_liste or not b_liste:
                manque = " et ".join(
                    f"une {SINGULIERS[q]}" for q in (q1, q2)
                )  # « une force et une opportunité »
                resultat[code] = StrategieTows(
                    code,
                    titre,
                    principe,
                    (),
                    f"Ajoutez au moins {manque} pour construire cette stratégie.",
                )
                continue
            pistes = []
            for rang in range(max(len(a_liste), len(b_liste))):
                a, b = a_liste[rang % len(a_liste)], b_liste[rang % len(b_liste)]
                if longueur_max is not None:
                    a, b = abreger(a, longueur_max), abreger(b, longueur_max)
                else:
                    a, b = simplifier_espaces(a), simplifier_espaces(b)
                pistes.append(modele.format(a=a, b=b))
            resultat[code] = StrategieTows(code, titre, principe, tuple(pistes))
        return resultat

    # --- conseils -----------------------------------------------------------------------------

    def conseils(self) -> list[str]:
        """Remarques en français : quadrants vides, entrées qui ne sont pas des constats, entrées mal rangées (interne/externe), doublons."""
        remarques = []
        for q in self.quadrants_vides():
            remarques.append(
                f"Le quadrant «\u00a0{TITRES[q]}\u00a0» est vide\u00a0: cherchez {PISTES_QUADRANT_VIDE[q]}."
            )
        for q in QUADRANTS:
            for entree in getattr(self, q):
                defaut = defaut_de_constat(entree, complet=False)
                if defaut:
                    remarques.append(defaut)
                    continue
                origine = origine_probable(entree)
                if origine and origine != ORIGINE[q]:
                    autres = (
                        "les forces ou les faiblesses"
                        if origine == "interne"
                        else "les opportunités ou les menaces"
                    )
                    remarques.append(
                        f"«\u00a0{abreger(entree, 60)}\u00a0» ressemble à un facteur {origine}\u00a0: "
                        f"sa place est plutôt dans {autres}."
                    )
        vus: dict[str, str] = {}
        for q in QUADRANTS:
            for entree in getattr(self, q):
                cle = _cle(entree)
                if cle in vus:
                    remarques.append(
                        f"«\u00a0{abreger(entree, 60)}\u00a0» apparaît deux fois\u00a0: gardez-le une seule fois."
                    )
                vus.setdefault(cle, q)
        return remarques

    # --- export et enregistrement -------------------------------------------------------------

    def vers_markdown(self) -> str:
        """L'analyse en Markdown : les quatre quadrants puis les pistes TOWS.

        Le texte saisi est protégé (``<`` devient ``&lt;``) : le document s'affiche
        tel qu'il a été tapé, sans jamais exécuter de balise.
        """
        titre = "Analyse SWOT" + (f" : {_md(self.entreprise)}" if self.entreprise.strip() else "")
        lignes = [f"# {titre}", ""]
        for q in QUADRANTS:
            lignes += [f"## {TITRES[q]} ({LETTRES[q]}, facteur {ORIGINE[q]} {EFFET[q]})", ""]
            entrees = getattr(self, q)
            lignes += [f"- {_md(e)}" for e in entrees] or ["*À compléter.*"]
            lignes.append("")
        lignes += ["## Pistes d'action croisées (TOWS)", ""]
        for code, strategie in self.tows().items():
            lignes += [f"### {code} : {strategie.titre}", "", f"*Principe : {strategie.principe}.*", ""]
            lignes += [f"- {_md(p)}" for p in strategie.pistes] or [f"- {strategie.conseil}"]
            lignes.append("")
        return "\n".join(lignes).rstrip() + "\n"

    def vers_dict(self) -> dict:
        """Le contenu de l'analyse : l'entreprise et quatre listes de textes (prêt pour JSON), sans perte."""
        donnees = {"entreprise": self.entreprise}
        donnees.update({q: list(getattr(self, q)) for q in QUADRANTS})
        return donnees

    @classmethod
    def depuis_dict(cls, donnees: Mapping) -> Swot:
        """Reconstruit une analyse à partir de :meth:`vers_dict` (ou d'un fichier déjà lu en JSON,
        ancien format compris) ; refuse en français ce qui n'en est pas une (:mod:`coursekit.travaux`)."""
        contenu = lire_donnees("swot", donnees).contenu
        return cls(*(contenu[q] for q in QUADRANTS), entreprise=contenu["entreprise"])

    def vers_json(self) -> str:
        """Le texte du fichier enregistré (l'enveloppe commune des travaux), accents et emoji gardés."""
        return texte_travail("swot", self.vers_dict())

    @classmethod
    def depuis_json(cls, texte: str) -> Swot:
        """Relit un texte produit par :meth:`vers_json` ; un fichier abîmé ou d'un autre outil donne une phrase française."""
        return cls.depuis_dict(lire_texte("swot", texte).contenu)


def _md(texte: str) -> str:
    """Texte saisi rendu sûr pour Markdown : balises neutralisées, retours à la ligne gardés."""
    return html.escape(texte, quote=False).replace("\r\n", "\n").replace("\n", "  \n  ")


def _cle(texte: str) -> str:
    sans_accents = unicodedata.normalize("NFKD", texte.casefold())
    sans_accents = "".join(c for c in sans_accents if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", sans_accents))


def entrees_depuis_texte(texte: str) -> list[str]:
    """Une entrée par ligne : les lignes vides et les puces (« - », « • », « * ») sont retirées.

    >>> entrees_depuis_texte("- 2 000 abonnés\\n\\n• une offre claire ")
    ['2 000 abonnés', 'une offre claire']
    """
    if texte is None:
        return []
    if not isinstance(texte, str):
        raise ErreurSaisie("La liste doit être un texte, une entrée par ligne.")
    entrees = []
    for ligne in texte.splitlines():
        ligne = ligne.strip()
        ligne = re.sub(r"^(?:[-•*–·]|\d+[.)])\s+", "", ligne).strip()
        if ligne:
            entrees.append(ligne)
    return entrees


def texte_depuis_entrees(entrees: Sequence[str]) -> str:
    """L'inverse de :func:`entrees_depuis_texte` : une entrée par ligne."""
    return "\n".join(" ".join(e.splitlines()) for e in entrees)


# Repères de vocabulaire : ils ne remplacent pas le raisonnement, ils signalent un piège fréquent.
_MOTS_EXTERNES: tuple[str, ...] = tuple(donnees("vocabulaire")["externes"])
_MOTS_INTERNES: tuple[str, ...] = tuple(donnees("vocabulaire")["internes"])


def origine_probable(texte: str) -> str | None:
    """``"interne"``, ``"externe"`` ou ``None`` (indécidable) d'après le vocabulaire d'un constat.

    C'est un repère pour signaler un piège fréquent (une tendance du marché rangée
    dans les forces), pas un jugement : seul le raisonnement tranche.

    >>> origine_probable("essor de la seconde main")
    'externe'
    >>> origine_probable("2 000 abonnés Instagram fidèles")
    'interne'
    """
    if not isinstance(texte, str):
        raise ErreurSaisie("Le constat à analyser doit être un texte.")
    cle = " " + _cle(texte) + " "
    externe = any(re.search(r"\b" + re.escape(mot), cle) for mot in _MOTS_EXTERNES)
    interne = any(re.search(r"\b" + re.escape(mot), cle) for mot in _MOTS_INTERNES)
    if externe and not interne:
        return "externe"
    if interne and not externe:
        return "interne"
    return None


# --- exercices ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Constat:
    """Un constat à classer dans l'exercice, avec sa bonne case et la raison."""

    texte: str
    quadrant: str
    raison: str


CONSTATS_GRAINE_DE_VILLE: tuple[Constat, ...] = tuple(
    Constat(**c) for c in donnees("constats_graine_de_ville")
)
"""Les constats de l'exercice de classement, avec leur bonne case et la raison."""


@dataclass(frozen=True)
class Retour:
    """Le retour sur une réponse : juste ou non, et l'explication."""

    juste: bool
    explication: str


def corriger_classement(
    reponses: Sequence[str | None], constats: Sequence[Constat] = CONSTATS_GRAINE_DE_VILLE
) -> list[Retour]:
    """Corrige un classement : ``reponses[i]`` est le quadrant choisi pour ``constats[i]`` (ou ``None``).

    >>> corriger_classement(["forces", None], CONSTATS_GRAINE_DE_VILLE[:2])[1].explication
    'Choisissez une case pour ce constat.'
    """
    reponses = list(reponses)
    if len(reponses) != len(constats):
        raise ErreurSaisie(
            f"Il faut une réponse par constat\u00a0: {len(constats)} attendues, {len(reponses)} reçues."
        )
    retours = []
    for reponse, constat in zip(reponses, constats, strict=True):
        if reponse is None or reponse == "":
            retours.append(Retour(False, "Choisissez une case pour ce constat."))
            continue
        if reponse not in QUADRANTS:
            possibles = ", ".join(f"«\u00a0{q}\u00a0»" for q in QUADRANTS)
            raise ErreurSaisie(f"Chaque réponse doit valoir {possibles} (reçu\u00a0: {reponse!r}).")
        if reponse == constat.quadrant:
            retours.append(Retour(True, f"Juste. {constat.raison}"))
        else:
            piege = ""
            if ORIGINE[reponse] != ORIGINE[constat.quadrant]:
                piege = (
                    f" Attention au piège interne/externe\u00a0: ce constat est {ORIGINE[constat.quadrant]}."
                )
            retours.append(
                Retour(
                    False,
                    f"Non, pas «\u00a0{TITRES[reponse]}\u00a0» mais «\u00a0{TITRES[constat.quadrant]}\u00a0».{piege} {constat.raison}",
                )
            )
    return retours


_AUDIT = donnees("audit")
NOMBRE_ATTENDU_AUDIT: int = _AUDIT["nombre_attendu"]


def corriger_audit(forces: Sequence[str], faiblesses: Sequence[str]) -> list[Retour]:
    """Retours sur l'exercice « trois forces, trois faiblesses » d'une boutique en ligne.

    On vérifie le nombre d'entrées, que chacune soit un vrai constat (pas de charabia,
    de mot de remplissage ni de mot répété : voir :func:`defaut_de_constat`), qu'elles
    décrivent bien l'entreprise (facteurs internes), qu'au moins une soit chiffrée, et
    qu'il n'y ait pas de doublon. Les entrées qui ne sont pas des constats ne comptent
    ni pour le chiffre ni pour la place.

    >>> retours = corriger_audit(["5 000 abonnés Instagram fidèles", "photos soignées", "livraison en 48 h"],
    ...                          ["200 visites par mois", "pas de newsletter", "concurrence forte"])
    >>> [r.juste for r in retours]
    [True, True, True, False, True, True]
    >>> corriger_audit(["aaa", "bla bla bla", "1 truc"], ["chose", "zzz zzz", "qsdfg"])[2].juste
    False
    """
    forces = _entrees(forces, "forces")
    faiblesses = _entrees(faiblesses, "faiblesses")
    messages = _AUDIT["messages"]
    attendu = NOMBRE_ATTENDU_AUDIT
    retours = []
    for nom, entrees in (("forces", forces), ("faiblesses", faiblesses)):
        n = len(entrees)
        if n == attendu:
            retours.append(Retour(True, messages["compte_bon"].format(titre=TITRES[nom], n=n)))
        elif n < attendu:
            mot = "entrées" if n > 1 else "entrée"
            texte = messages["trop_peu"].format(
                titre=TITRES[nom], n=n, entrees=mot, attendu=attendu, piste=PISTES_QUADRANT_VIDE[nom]
            )
            retours.append(Retour(False, texte))
        else:
            retours.append(Retour(False, messages["trop"].format(titre=TITRES[nom], n=n, attendu=attendu)))
    toutes = forces + faiblesses
    defauts = [d for d in (defaut_de_constat(e) for e in toutes) if d]
    if defauts:
        retours.append(Retour(False, messages["non_constats"].format(liste=" ".join(defauts))))
    else:
        retours.append(Retour(True, messages["constats_ok"]))
    recevables = [e for e in toutes if defaut_de_constat(e) is None]
    externes = [e for e in recevables if origine_probable(e) == "externe"]
    if externes:
        liste = ", ".join(f"«\u00a0{abreger(e, 50)}\u00a0»" for e in externes)
        retours.append(Retour(False, messages["externes"].format(liste=liste)))
    elif recevables:
        retours.append(Retour(True, messages["internes_ok"]))
    if any(re.search(r"\d", e) for e in recevables):
        retours.append(Retour(True, messages["chiffre_ok"]))
    else:
        retours.append(Retour(False, messages["sans_chiffre"]))
    cles = [_cle(e) for e in toutes]
    if len(set(cles)) < len(cles):
        retours.append(Retour(False, messages["doublon"]))
    else:
        retours.append(Retour(True, messages["sans_doublon"]))
    return retours


_RECEVABLE = donnees("constat_recevable")
_REMPLISSAGE = frozenset(_RECEVABLE["remplissage"])
_MOTS_OUTILS = frozenset(_RECEVABLE["outils"])
_VOYELLES = set("aeiouy")


def _est_charabia(mot: str) -> bool:
    """Un « mot » qui n'en est pas un : trois fois la même lettre, ou quatre lettres sans voyelle."""
    if re.search(r"(.)\1\1", mot):
        return True
    return len(mot) >= 4 and not _VOYELLES & set(mot)


def defaut_de_constat(texte: str, complet: bool = True) -> str | None:
    """Ce qui empêche un texte d'être un constat (phrase française), ou ``None`` s'il est recevable.

    Un constat a au moins deux mots (un nombre compte pour un mot) dont un mot
    porteur de sens ; ni charabia (« aaa », « qsdf »), ni mot de remplissage
    (« truc », « chose », « bla »), ni le même mot répété. Les listes de mots
    sont dans ``contenu/02-swot.yaml`` (section ``constat_recevable``). Avec
    ``complet=False`` (le constructeur, qui accepte des notes brèves comme
    « concurrents »), un seul mot suffit.

    >>> defaut_de_constat("200 visites par mois") is None
    True
    >>> defaut_de_constat("bla bla bla")
    '«\\xa0bla bla bla\\xa0» est trop vague («\\xa0bla\\xa0»)\\xa0: nommez précisément le fait observé.'
    """
    if not isinstance(texte, str):
        raise ErreurSaisie("Le constat à vérifier doit être un texte.")
    messages = _RECEVABLE["messages"]
    entree = abreger(texte, 50)
    cle = _cle(texte)
    jetons = re.findall(r"[^\W_]+", cle)
    mots = [m for m in re.findall(r"[^\W\d_]+", cle)]
    for mot in mots:
        if mot in _REMPLISSAGE:
            return messages["remplissage"].format(entree=entree, mot=mot)
    for mot in mots:
        if _est_charabia(mot):
            return messages["charabia"].format(entree=entree, mot=mot)
    if complet and len(jetons) < _RECEVABLE["mots_minimum"]:
        return messages["trop_court"].format(entree=entree)
    pleins = [m for m in mots if len(m) >= _RECEVABLE["lettres_minimum"] and m not in _MOTS_OUTILS]
    if not pleins:
        return messages["sans_sens"].format(entree=entree)
    if len(pleins) >= 2 and len(set(pleins)) == 1 or any(pleins.count(m) >= 3 for m in pleins):
        return messages["repetition"].format(entree=entree)
    return None


GRILLE_CONCURRENT: tuple[str, ...] = tuple(donnees("grille_concurrent"))
"""Les questions de la grille d'observation d'un concurrent, dans l'ordre."""


def nature_concurrence(memes_produits: bool, meme_besoin: bool) -> str:
    """``"direct"``, ``"indirect"`` ou ``"aucune"`` selon ce que vend l'autre entreprise.

    >>> nature_concurrence(memes_produits=False, meme_besoin=True)
    'indirect'
    """
    for nom, valeur in (("memes_produits", memes_produits), ("meme_besoin", meme_besoin)):
        if not isinstance(valeur, bool):
            raise ErreurSaisie(
                f"La réponse ({nom}) doit être True (oui) ou False (non), reçu\u00a0: {valeur!r}."
            )
    if memes_produits:
        return "direct"
    return "indirect" if meme_besoin else "aucune"


def grille_concurrents(fiches: Mapping[str, Sequence[str]]):
    """La grille d'observation des concurrents en tableau : une ligne par question, une colonne par concurrent.

    ``fiches`` associe à chaque concurrent ses réponses, dans l'ordre de :data:`GRILLE_CONCURRENT`.

    >>> grille_concurrents({"A": ["oui"] * 8}).shape
    (8, 2)
    """
    import pandas as pd

    if not isinstance(fiches, Mapping) or not fiches:
        raise ErreurSaisie("La grille est vide\u00a0: ajoutez au moins un concurrent et ses réponses.")
    colonnes = {"Question": list(GRILLE_CONCURRENT)}
    for nom, reponses in fiches.items():
        if isinstance(reponses, str) or not isinstance(reponses, Sequence):
            raise ErreurSaisie(
                f"Les réponses pour «\u00a0{nom}\u00a0» doivent être une liste de textes, une par question."
            )
        if len(reponses) != len(GRILLE_CONCURRENT):
            raise ErreurSaisie(
                f"Il faut {len(GRILLE_CONCURRENT)} réponses pour «\u00a0{nom}\u00a0», une par question "
                f"(reçu\u00a0: {len(reponses)})."
            )
        colonnes[str(nom)] = [str(r) for r in reponses]
    return pd.DataFrame(colonnes)


CONCURRENTS_GRAINE_DE_VILLE: dict[str, tuple[str, ...]] = {
    nom: tuple(reponses) for nom, reponses in donnees("concurrents_graine_de_ville").items()
}
"""Deux concurrents fictifs de Graine de Ville, observés avec la grille (chiffres illustratifs)."""


def exemple_graine_de_ville() -> Swot:
    """Le SWOT de Graine de Ville, construit à partir de sa fiche (:data:`coursekit.cas.GRAINE_DE_VILLE`).

    Les textes viennent du fichier de contenu ; ``{abonnes}``, ``{visites}`` et
    ``{budget}`` y sont remplacés par les chiffres de la fiche.

    >>> exemple_graine_de_ville().nombre_entrees()
    {'forces': 3, 'faiblesses': 3, 'opportunites': 3, 'menaces': 3}
    """
    from coursekit.cas import GRAINE_DE_VILLE as cas
    from coursekit.format import monnaie, nombre

    chiffres = {
        "abonnes": nombre(cas.abonnes_instagram, 0),
        "visites": nombre(cas.visites_mensuelles, 0),
        "budget": monnaie(cas.budget_marketing),
    }
    exemple = donnees("exemple_graine_de_ville")
    try:
        listes = [[e.format(**chiffres) for e in exemple[q]] for q in QUADRANTS]
    except (KeyError, IndexError, ValueError) as erreur:
        raise contenu.ErreurContenu(
            f"Le fichier de contenu «\u00a0{contenu.fichier_du_chapitre(CHAPITRE)}\u00a0», à l'entrée "
            f"«\u00a0exemple_graine_de_ville\u00a0»\u00a0: seuls {{abonnes}}, {{visites}} et {{budget}} sont permis entre "
            f"accolades ({erreur})."
        ) from None
    return Swot(*listes, entreprise=cas.nom)


SEUIL_INTERACTION_FAIBLE: float = float(donnees("seuils_interaction")["faible"])
SEUIL_INTERACTION_FORT: float = float(donnees("seuils_interaction")["fort"])
"""Repères courants pour Instagram (en %) : sous 1 %, audience peu impliquée ; dès 3 %, communauté active."""


@dataclass(frozen=True)
class AnalyseConcurrent:
    """Ce que la grille dit d'un concurrent : sa nature, son taux d'interaction, ses atouts et ses failles."""

    nom: str
    nature: str
    taux_interaction: float
    atouts: tuple[str, ...]
    failles: tuple[str, ...]

    def phrase(self) -> str:
        """Le bilan en une phrase française (chiffres à la française)."""
        from coursekit.format import pourcent

        nom = self.nom.strip()
        if self.nature == "aucune":
            return (
                f"{nom or 'Cette entreprise'} ne vend pas vos produits et ne répond pas au même besoin\u00a0: "
                "ce n'est pas un concurrent."
            )
        qui = f"{nom} est un concurrent {self.nature}" if nom else f"Concurrent {self.nature}"
        debut = f"{qui}, avec un taux d'interaction de {pourcent(self.taux_interaction)}."
        atouts = f" Ses atouts\u00a0: {', '.join(self.atouts)}." if self.atouts else ""
        failles = (
            f" Ses failles, à exploiter\u00a0: {', '.join(self.failles)}."
            if self.failles
            else " Aucune faille visible."
        )
        return debut + atouts + failles


def analyser_concurrent(
    nom: str,
    memes_produits: bool,
    meme_besoin: bool,
    actif_en_ligne: bool,
    site_soigne: bool,
    publie_regulierement: bool,
    abonnes: float,
    interactions: float,
) -> AnalyseConcurrent:
    """Analyse la grille d'un concurrent ; ``interactions`` = interactions moyennes par publication.

    >>> a = analyser_concurrent("Maison Verte", True, True, True, True, True, 25_000, 500)
    >>> a.nature, a.taux_interaction, a.failles
    ('direct', 2.0, ())
    """
    from coursekit.kpi import taux_engagement

    if not isinstance(nom, str):
        raise ErreurSaisie("Le nom du concurrent (nom) doit être un texte.")
    nature = nature_concurrence(memes_produits, meme_besoin)
    reponses = {
        "actif_en_ligne": actif_en_ligne,
        "site_soigne": site_soigne,
        "publie_regulierement": publie_regulierement,
    }
    for cle, valeur in reponses.items():
        if not isinstance(valeur, bool):
            raise ErreurSaisie(
                f"La réponse ({cle}) doit être True (oui) ou False (non), reçu\u00a0: {valeur!r}."
            )
    taux = taux_engagement(interactions, abonnes)
    atouts, failles = [], []
    for vrai, atout, faille in (
        (actif_en_ligne, "présent en ligne", "absent en ligne"),
        (site_soigne, "un site soigné", "un site négligé"),
        (publie_regulierement, "des publications régulières", "des publications irrégulières"),
    ):
        (atouts if vrai else failles).append(atout if vrai else faille)
    if taux >= SEUIL_INTERACTION_FORT:
        atouts.append("une communauté active")
    elif taux < SEUIL_INTERACTION_FAIBLE:
        failles.append("une audience peu impliquée")
    return AnalyseConcurrent(nom, nature, taux, tuple(atouts), tuple(failles))


def tableau_offre():
    """Les trois questions pour analyser une offre, ce qu'une réponse « oui » implique, et le cas de Graine de Ville.

    >>> tableau_offre().shape
    (3, 3)
    """
    import pandas as pd

    return pd.DataFrame(donnees("questions_offre"), columns=["question", "si_oui", "graine_de_ville"])


def tableau_etudes():
    """Veille, étude documentaire (secondaire) et étude de terrain (primaire) : définition et exemples.

    >>> tableau_etudes()["type"].tolist()[0]
    'Veille'
    """
    import pandas as pd

    return pd.DataFrame(donnees("etudes"), columns=["type", "definition", "exemples"])


def identite_graine_de_ville() -> str:
    """Valeurs, slogan et charte graphique de Graine de Ville, en Markdown (texte du fichier de contenu)."""
    identite = donnees("identite_marque")
    lignes = ["**Valeurs**", ""]
    lignes += [f"- {valeur}" for valeur in identite["valeurs"]]
    lignes += ["", f"**Slogan**\u00a0: «\u00a0{identite['slogan']}\u00a0»", "", "**Charte graphique**", ""]
    lignes += [f"- {regle}" for regle in identite["charte"]]
    return "\n".join(lignes)
