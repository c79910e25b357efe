"""Le diagnostic SWOT et sa matrice croisée TOWS.

Une analyse SWOT range des constats courts en quatre cases : les **forces** et
les **faiblesses** décrivent l'entreprise (facteurs internes), les
**opportunités** et les **menaces** décrivent son environnement (facteurs
externes). La matrice TOWS croise ces cases deux à deux pour en tirer des pistes
d'action. Ce module est pur : pas de widget, pas de graphique, pas de fichier ;
l'enregistrement passe par du texte JSON (:meth:`Swot.vers_json`).

>>> swot = Swot(["communauté Instagram fidèle"], ["site peu visité"], ["essor de la seconde main"], [])
>>> swot.tows()["SO"].pistes[0]
'Comment utiliser « communauté Instagram fidèle » pour saisir « essor de la seconde main » ?'
>>> Swot.depuis_json(swot.vers_json()) == swot
True
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coursekit.erreurs import ErreurSaisie
from coursekit.travaux import lire_donnees, lire_texte, texte_travail

QUADRANTS: tuple[str, ...] = ("forces", "faiblesses", "opportunites", "menaces")
"""Les quatre cases, dans l'ordre du sigle S, W, O, T."""

TITRES: dict[str, str] = {
    "forces": "Forces",
    "faiblesses": "Faiblesses",
    "opportunites": "Opportunités",
    "menaces": "Menaces",
}
SINGULIERS: dict[str, str] = {
    "forces": "force",
    "faiblesses": "faiblesse",
    "opportunites": "opportunité",
    "menaces": "menace",
}
LETTRES: dict[str, str] = {"forces": "S", "faiblesses": "W", "opportunites": "O", "menaces": "T"}
ORIGINE: dict[str, str] = {
    "forces": "interne",
    "faiblesses": "interne",
    "opportunites": "externe",
    "menaces": "externe",
}
EFFET: dict[str, str] = {
    "forces": "positif",
    "faiblesses": "négatif",
    "opportunites": "positif",
    "menaces": "négatif",
}
PISTES_QUADRANT_VIDE: dict[str, str] = {
    "forces": "ce que l'entreprise fait mieux que les autres (savoir-faire, communauté, offre, image)",
    "faiblesses": "ce qui lui manque aujourd'hui (trafic, budget, notoriété, compétences)",
    "opportunites": "les tendances du marché, les nouveaux usages ou les évolutions de la loi qui l'avantagent",
    "menaces": "les concurrents, les changements de réglementation ou de mode qui pourraient la gêner",
}


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
        return f"{self.code} ({self.titre}) : {self.principe}\n{corps}"


# code → (quadrant 1, quadrant 2, titre, principe, modèle de question)
_TOWS: dict[str, tuple[str, str, str, str, str]] = {
    "SO": (
        "forces",
        "opportunites",
        "stratégie offensive",
        "s'appuyer sur ses forces pour saisir les opportunités",
        "Comment utiliser « {a} » pour saisir « {b} » ?",
    ),
    "WO": (
        "faiblesses",
        "opportunites",
        "stratégie de rattrapage",
        "profiter des opportunités pour corriger ses faiblesses",
        "Comment profiter de « {b} » pour corriger « {a} » ?",
    ),
    "ST": (
        "forces",
        "menaces",
        "stratégie défensive",
        "se servir de ses forces pour résister aux menaces",
        "Comment s'appuyer sur « {a} » pour résister à « {b} » ?",
    ),
    "WT": (
        "faiblesses",
        "menaces",
        "stratégie de protection",
        "réduire ses faiblesses pour ne pas laisser prise aux menaces",
        "Que faire pour que « {a} » ne nous rende pas vulnérables face à « {b} » ?",
    ),
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
        raise ErreurSaisie(f"{libelle} doit être une liste de textes courts (reçu : {valeurs!r}).")
    propres = []
    for rang, valeur in enumerate(valeurs, start=1):
        if not isinstance(valeur, str):
            raise ErreurSaisie(
                f"L'entrée n° {rang} des {TITRES[quadrant].lower()} ({quadrant}) doit être un texte "
                f"(reçu : {valeur!r}). Mettez-la entre guillemets."
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
                f"Le nom de l'entreprise (entreprise) doit être un texte (reçu : {self.entreprise!r})."
            )

    # --- lecture -------------------------------------------------------------------------------

    def quadrant(self, nom: str) -> list[str]:
        """Les entrées d'un quadrant (``"forces"``, ``"faiblesses"``, ``"opportunites"``, ``"menaces"``)."""
        if nom not in QUADRANTS:
            possibles = ", ".join(f"« {q} »" for q in QUADRANTS)
            raise ErreurSaisie(f"Le quadrant doit valoir {possibles} (reçu : {nom!r}).")
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
        >>> list(pistes["SO"])
        ['Comment utiliser « A » pour saisir « C » ?', 'Comment utiliser « B » pour saisir « C » ?']
        >>> pistes["WT"].conseil
        'Ajoutez au moins une faiblesse et une menace pour construire cette stratégie.'
        """
        if longueur_max is not None and (
            isinstance(longueur_max, bool) or not isinstance(longueur_max, int) or longueur_max < 2
        ):
            raise ErreurSaisie(
                f"La longueur maximale (longueur_max) doit être un nombre entier d'au moins 2 (reçu : {longueur_max!r})."
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
        """Remarques en français : quadrants vides, entrées mal rangées (interne/externe), doublons."""
        remarques = []
        for q in self.quadrants_vides():
            remarques.append(f"Le quadrant « {TITRES[q]} » est vide : cherchez {PISTES_QUADRANT_VIDE[q]}.")
        for q in QUADRANTS:
            for entree in getattr(self, q):
                origine = origine_probable(entree)
                if origine and origine != ORIGINE[q]:
                    autres = (
                        "les forces ou les faiblesses"
                        if origine == "interne"
                        else "les opportunités ou les menaces"
                    )
                    remarques.append(
                        f"« {abreger(entree, 60)} » ressemble à un facteur {origine} : "
                        f"sa place est plutôt dans {autres}."
                    )
        vus: dict[str, str] = {}
        for q in QUADRANTS:
            for entree in getattr(self, q):
                cle = _cle(entree)
                if cle in vus:
                    remarques.append(
                        f"« {abreger(entree, 60)} » apparaît deux fois : gardez-le une seule fois."
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


# --- interne ou externe ? -----------------------------------------------------------------------
# Repères de vocabulaire : ils ne remplacent pas le raisonnement, ils signalent un piège fréquent.
_MOTS_EXTERNES = (
    "concurren",
    "marche",
    "tendance",
    "essor",
    "croissant",
    "loi ",
    "lois",
    "reglement",
    "legislat",
    "norme",
    "inflation",
    "crise",
    "pouvoir d achat",
    "economi",
    "consommateurs",
    "demande",
    "mode du",
    "algorithme",
    "nouveaux entrants",
    "nouvel entrant",
    "subvention",
    "penurie",
    "hausse des prix",
    "hausse du prix",
    "fournisseur",
    "geant",
    "plateformes",
    "generation",
    "enseignes",
    "public",
)
_MOTS_INTERNES = (
    "notre ",
    "nos ",
    "notre equipe",
    "budget",
    "notre site",
    "le site",
    "site peu",
    "abonnes",
    "communaute",
    "equipe",
    "savoir-faire",
    "stock",
    "visites",
    "catalogue",
    "service client",
    "boutique",
    "fondat",
    "logo",
    "photos",
    "fiches produit",
    "competences",
    "tresorerie",
    "trafic",
    "visibilite",
    "notoriete",
)


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


CONSTATS_GRAINE_DE_VILLE: tuple[Constat, ...] = (
    Constat(
        "2 000 abonnés Instagram qui commentent et partagent",
        "forces",
        "Interne et positif : cette communauté appartient à Graine de Ville, c'est un atout qu'elle contrôle.",
    ),
    Constat(
        "500 visites par mois sur le site",
        "faiblesses",
        "Interne et négatif : le trafic du site dépend des actions de l'entreprise, et il est trop faible pour vendre assez.",
    ),
    Constat(
        "L'intérêt croissant des jeunes actifs pour le zéro déchet",
        "opportunites",
        "Externe et positif : c'est une tendance du marché ; l'entreprise ne la crée pas, elle peut en profiter.",
    ),
    Constat(
        "De grandes enseignes lancent leurs gammes « vertes » à bas prix",
        "menaces",
        "Externe et négatif : ce sont des concurrents, hors du contrôle de l'entreprise, qui peuvent lui prendre des clients.",
    ),
    Constat(
        "Une sélection de produits tous vérifiés et labellisés",
        "forces",
        "Interne et positif : c'est un choix de l'entreprise, qui la distingue et rassure les clients.",
    ),
    Constat(
        "Un budget marketing de 5 000 € pour toute l'année",
        "faiblesses",
        "Interne et négatif : le budget est une ressource de l'entreprise, et il limite ses actions.",
    ),
    Constat(
        "La loi anti-gaspillage qui encourage le vrac et le réemploi",
        "opportunites",
        "Externe et positif : la réglementation vient de l'extérieur, et elle va dans le sens de l'offre.",
    ),
    Constat(
        "La méfiance du public envers le greenwashing",
        "menaces",
        "Externe et négatif : c'est un état d'esprit du marché ; même une marque honnête doit prouver ce qu'elle avance. "
        "Ce n'est pas une faiblesse : l'entreprise n'en est pas la cause.",
    ),
)


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
            f"Il faut une réponse par constat : {len(constats)} attendues, {len(reponses)} reçues."
        )
    retours = []
    for reponse, constat in zip(reponses, constats, strict=True):
        if reponse is None or reponse == "":
            retours.append(Retour(False, "Choisissez une case pour ce constat."))
            continue
        if reponse not in QUADRANTS:
            possibles = ", ".join(f"« {q} »" for q in QUADRANTS)
            raise ErreurSaisie(f"Chaque réponse doit valoir {possibles} (reçu : {reponse!r}).")
        if reponse == constat.quadrant:
            retours.append(Retour(True, f"Juste. {constat.raison}"))
        else:
            piege = ""
            if ORIGINE[reponse] != ORIGINE[constat.quadrant]:
                piege = f" Attention au piège interne/externe : ce constat est {ORIGINE[constat.quadrant]}."
            retours.append(
                Retour(
                    False,
                    f"Non, pas « {TITRES[reponse]} » mais « {TITRES[constat.quadrant]} ».{piege} {constat.raison}",
                )
            )
    return retours


NOMBRE_ATTENDU_AUDIT = 3


def corriger_audit(forces: Sequence[str], faiblesses: Sequence[str]) -> list[Retour]:
    """Retours sur l'exercice « trois forces, trois faiblesses » d'une boutique en ligne.

    On vérifie le nombre d'entrées, qu'elles décrivent bien l'entreprise (facteurs
    internes), qu'au moins une soit chiffrée, et qu'il n'y ait pas de doublon.

    >>> retours = corriger_audit(["5 000 abonnés Instagram fidèles", "photos soignées", "livraison en 48 h"],
    ...                          ["200 visites par mois", "pas de newsletter", "concurrence forte"])
    >>> [r.juste for r in retours]
    [True, True, False, True, True]
    """
    forces = _entrees(forces, "forces")
    faiblesses = _entrees(faiblesses, "faiblesses")
    retours = []
    for nom, entrees in (("forces", forces), ("faiblesses", faiblesses)):
        n = len(entrees)
        if n == NOMBRE_ATTENDU_AUDIT:
            retours.append(Retour(True, f"{TITRES[nom]} : {n} entrées, le compte est bon."))
        elif n < NOMBRE_ATTENDU_AUDIT:
            retours.append(
                Retour(
                    False,
                    f"{TITRES[nom]} : {n} entrée{'s' if n > 1 else ''} ; il en faut {NOMBRE_ATTENDU_AUDIT}. "
                    f"Cherchez {PISTES_QUADRANT_VIDE[nom]}.",
                )
            )
        else:
            retours.append(
                Retour(
                    False,
                    f"{TITRES[nom]} : {n} entrées ; gardez les {NOMBRE_ATTENDU_AUDIT} plus importantes, "
                    "un diagnostic se lit d'un coup d'œil.",
                )
            )
    externes = [e for e in forces + faiblesses if origine_probable(e) == "externe"]
    if externes:
        liste = ", ".join(f"« {abreger(e, 50)} »" for e in externes)
        retours.append(
            Retour(
                False,
                f"{liste} : cela décrit plutôt l'environnement (facteur externe). Forces et faiblesses "
                "parlent de la boutique elle-même ; rangez ces constats dans les opportunités ou les menaces.",
            )
        )
    else:
        retours.append(
            Retour(
                True,
                "Aucune entrée ne parle de l'environnement (marché, concurrents, loi…) : elles semblent "
                "bien décrire la boutique elle-même, ce sont des facteurs internes.",
            )
        )
    if any(re.search(r"\d", e) for e in forces + faiblesses):
        retours.append(Retour(True, "Au moins un constat est chiffré : c'est ce qui le rend vérifiable."))
    else:
        retours.append(
            Retour(
                False,
                "Aucun constat n'est chiffré : ajoutez un nombre (abonnés, visites par mois, délai de livraison) "
                "pour qu'on puisse le vérifier.",
            )
        )
    cles = [_cle(e) for e in forces + faiblesses]
    if len(set(cles)) < len(cles):
        retours.append(
            Retour(False, "Un même constat apparaît deux fois : chaque entrée doit être différente.")
        )
    else:
        retours.append(Retour(True, "Aucun doublon."))
    return retours


GRILLE_CONCURRENT: tuple[str, ...] = (
    "Vend-il les mêmes produits (concurrent direct) ou répond-il au même besoin autrement (indirect) ?",
    "Est-il actif en ligne (site, réseaux sociaux) ?",
    "Son site et ses pages sont-ils soignés et agréables ?",
    "Publie-t-il régulièrement ?",
    "Quel est son taux d'interaction (j'aime, commentaires, partages rapportés aux abonnés) ?",
    "Combien a-t-il d'abonnés ?",
    "Quels contenus marchent le mieux chez lui ?",
    "Qu'est-ce qui distingue les marques qui réussissent de celles qui peinent ?",
)


def nature_concurrence(memes_produits: bool, meme_besoin: bool) -> str:
    """``"direct"``, ``"indirect"`` ou ``"aucune"`` selon ce que vend l'autre entreprise.

    >>> nature_concurrence(memes_produits=False, meme_besoin=True)
    'indirect'
    """
    for nom, valeur in (("memes_produits", memes_produits), ("meme_besoin", meme_besoin)):
        if not isinstance(valeur, bool):
            raise ErreurSaisie(f"La réponse ({nom}) doit être True (oui) ou False (non), reçu : {valeur!r}.")
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
        raise ErreurSaisie("La grille est vide : ajoutez au moins un concurrent et ses réponses.")
    colonnes = {"Question": list(GRILLE_CONCURRENT)}
    for nom, reponses in fiches.items():
        if isinstance(reponses, str) or not isinstance(reponses, Sequence):
            raise ErreurSaisie(
                f"Les réponses pour « {nom} » doivent être une liste de textes, une par question."
            )
        if len(reponses) != len(GRILLE_CONCURRENT):
            raise ErreurSaisie(
                f"Il faut {len(GRILLE_CONCURRENT)} réponses pour « {nom} », une par question "
                f"(reçu : {len(reponses)})."
            )
        colonnes[str(nom)] = [str(r) for r in reponses]
    return pd.DataFrame(colonnes)


CONCURRENTS_GRAINE_DE_VILLE: dict[str, tuple[str, ...]] = {
    "Maison Verte (direct)": (
        "Direct : les mêmes cosmétiques bio et objets zéro déchet, en ligne",
        "Oui : site marchand, Instagram et TikTok",
        "Oui : photos soignées, fiches produit complètes",
        "Oui : une publication par jour",
        "Environ 2\u00a0% (faible pour sa taille)",
        "25\u202f000 sur Instagram",
        "Les tutoriels courts « avant / après »",
        "Une promesse claire et des preuves (labels, avis)",
    ),
    "Seconde Main Club (indirect)": (
        "Indirect : des vêtements d'occasion ; même besoin de consommer mieux",
        "Oui : une application et Instagram",
        "Oui : simple et rapide sur mobile",
        "Oui : trois à quatre fois par semaine",
        "Environ 6\u00a0% (communauté très active)",
        "8\u202f000 sur Instagram",
        "Les « trouvailles de la semaine » et les témoignages",
        "La communauté qui participe et se sent écoutée",
    ),
}
"""Deux concurrents fictifs de Graine de Ville, observés avec la grille (chiffres illustratifs)."""


def exemple_graine_de_ville() -> Swot:
    """Le SWOT de Graine de Ville, construit à partir de sa fiche (:data:`coursekit.cas.GRAINE_DE_VILLE`).

    >>> exemple_graine_de_ville().nombre_entrees()
    {'forces': 3, 'faiblesses': 3, 'opportunites': 3, 'menaces': 3}
    """
    from coursekit.cas import GRAINE_DE_VILLE as cas
    from coursekit.format import monnaie, nombre

    return Swot(
        forces=[
            f"Une communauté Instagram fidèle de {nombre(cas.abonnes_instagram, 0)} abonnés",
            "Des produits tous vérifiés et labellisés",
            "Une mission claire : rendre la consommation responsable facile",
        ],
        faiblesses=[
            f"Seulement {nombre(cas.visites_mensuelles, 0)} visites par mois sur le site",
            f"Un budget marketing serré ({monnaie(cas.budget_marketing)} par an)",
            "Une marque encore peu visible sur Google",
        ],
        opportunites=[
            "L'essor de la seconde main et du zéro déchet chez les jeunes actifs",
            "La loi anti-gaspillage qui encourage le vrac et le réemploi",
            "Des micro-influenceurs locaux prêts à collaborer",
        ],
        menaces=[
            "Des concurrents mieux référencés sur Google",
            "De grandes enseignes qui lancent des gammes « vertes » à bas prix",
            "La méfiance du public envers le greenwashing",
        ],
        entreprise=cas.nom,
    )


SEUIL_INTERACTION_FAIBLE = 1.0
SEUIL_INTERACTION_FORT = 3.0
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
                f"{nom or 'Cette entreprise'} ne vend pas vos produits et ne répond pas au même besoin : "
                "ce n'est pas un concurrent."
            )
        qui = f"{nom} est un concurrent {self.nature}" if nom else f"Concurrent {self.nature}"
        debut = f"{qui}, avec un taux d'interaction de {pourcent(self.taux_interaction)}."
        atouts = f" Ses atouts : {', '.join(self.atouts)}." if self.atouts else ""
        failles = (
            f" Ses failles, à exploiter : {', '.join(self.failles)}."
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
            raise ErreurSaisie(f"La réponse ({cle}) doit être True (oui) ou False (non), reçu : {valeur!r}.")
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
