"""Relire un message marketing : bénéfice ou caractéristique, jargon, longueur, mots de la cible.

:func:`analyser_message` est une relecture automatique, pas un jugement : elle
repère des **signaux** (un mot technique, l'absence de bénéfice, un message trop
long, un vocabulaire qui ne correspond pas à la cible, aucun élément qui
distingue la marque) et rend un score sur 100 avec des remarques en français.
Elle est pure : un texte en entrée, un résultat en sortie.

>>> a = analyser_message("Gagnez du temps : vos tenues éthiques livrées en 24 h.")
>>> a.score, a.verdict
(100, 'Message efficace')
>>> analyser_message("Notre API REST offre 50 fonctionnalités.").score < 50
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coursekit import contenu
from coursekit import validation as v
from coursekit.erreurs import ErreurSaisie
from coursekit.personas import normaliser

CIBLES: tuple[str, ...] = ("B2C", "B2B")
CRITERES: tuple[str, ...] = ("benefice", "jargon", "longueur", "langage", "client", "differenciation")

_MOTS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_FAMILLE = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {"prefixes": _MOTS, "exacts": _MOTS, "expressions": _MOTS},
}
_PAR_CRITERE = {
    "type": "object",
    "required": list(CRITERES),
    "additionalProperties": False,
}
SCHEMA_RELECTEUR = {
    "type": "object",
    "required": [
        "bareme",
        "titres",
        "mots_ideal",
        "mots_maximum",
        "points_par_mot_technique",
        "bourrage",
        "jargon",
        "benefice",
        "b2b",
        "trop_b2b",
        "differenciation",
        "mots_client",
        "mots_entreprise",
    ],
    "additionalProperties": False,
    "properties": {
        "bareme": {**_PAR_CRITERE, "properties": {c: {"type": "integer", "minimum": 0} for c in CRITERES}},
        "titres": {**_PAR_CRITERE, "properties": {c: {"type": "string", "minLength": 1} for c in CRITERES}},
        "mots_ideal": {"type": "integer", "minimum": 1},
        "mots_maximum": {"type": "integer", "minimum": 1},
        "points_par_mot_technique": {"type": "integer", "minimum": 0},
        "bourrage": {
            "type": "object",
            "required": ["part_maximale", "repetitions_maximales", "mots_reperes_minimum"],
            "additionalProperties": False,
            "properties": {
                "part_maximale": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                "repetitions_maximales": {"type": "integer", "minimum": 1},
                "mots_reperes_minimum": {"type": "integer", "minimum": 1},
            },
        },
        "jargon": _FAMILLE,
        "benefice": _FAMILLE,
        "b2b": _FAMILLE,
        "trop_b2b": _FAMILLE,
        "differenciation": _FAMILLE,
        "mots_client": _MOTS,
        "mots_entreprise": _MOTS,
    },
}
"""La forme de la section « relecteur » du fichier de contenu du chapitre 03."""

_R = contenu.section("03", "relecteur", SCHEMA_RELECTEUR)


def _famille(nom: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    famille = _R[nom]
    return (
        tuple(famille.get("prefixes", ())),
        tuple(famille.get("exacts", ())),
        tuple(famille.get("expressions", ())),
    )


MOTS_IDEAL: int = _R["mots_ideal"]
"""Au-delà de ce nombre de mots, un message se lit moins bien en quelques secondes."""
MOTS_MAXIMUM: int = _R["mots_maximum"]
"""Au-delà de ce nombre de mots, le message est trop long pour une accroche."""
BAREME: dict[str, int] = dict(_R["bareme"])
"""Points de chaque critère : leur somme fait 100 (le score du message)."""
POINTS_PAR_MOT_TECHNIQUE: int = _R["points_par_mot_technique"]
"""Points perdus par mot technique repéré (jusqu'à perdre tout le critère « jargon »)."""
TITRES_CRITERES: dict[str, str] = dict(_R["titres"])
BOURRAGE: dict[str, float] = dict(_R["bourrage"])
"""Seuils du bourrage de mots-clés : part maximale de mots repérés, répétitions permises d'un même mot."""

JARGON_PREFIXES, JARGON_MOTS, _ = _famille("jargon")
"""Mots techniques qui décrivent le produit au lieu de dire ce qu'il apporte."""
JARGON_UNITES = re.compile(r"(?i)\d+(?:[.,]\d+)?\s*(?:g/m²|g/m2|mah|ghz|mhz|dpi|ppp|rpm|tr/min)(?!\w)")
"""Une mesure technique (grammage, batterie, fréquence…) est une caractéristique, pas un bénéfice."""
BENEFICE_PREFIXES, BENEFICE_EXACTS, BENEFICE_EXPRESSIONS = _famille("benefice")
"""Verbes et mots qui disent au client ce qu'il y gagne."""
MOTS_B2B_PREFIXES, MOTS_B2B_EXACTS, MOTS_B2B_EXPRESSIONS = _famille("b2b")
"""Le vocabulaire d'un acheteur professionnel : résultats, coûts, délais, équipe."""
TROP_B2B_PREFIXES, TROP_B2B_EXACTS, TROP_B2B_EXPRESSIONS = _famille("trop_b2b")
"""Des mots d'entreprise qui sonnent faux pour un particulier."""
DIFFERENCIATION_PREFIXES, DIFFERENCIATION_EXACTS, DIFFERENCIATION_EXPRESSIONS = _famille("differenciation")
"""Ce qui distingue la marque : une promesse chiffrée, une garantie, une origine, un label."""
_DIFFERENCIATION_CHIFFREE = re.compile(
    r"(?i)\d+(?:[.,]\d+)?\s*(?:h\b|heures?\b|jours?\b|min\b|minutes?\b|%|€|euros?\b|dh\b|mois\b|ans?\b)"
)

_MOTS_CLIENT = frozenset(_R["mots_client"])
_MOTS_ENTREPRISE = frozenset(_R["mots_entreprise"])


@dataclass(frozen=True)
class Remarque:
    """Le jugement d'un critère : respecté ou non, et la phrase qui l'explique."""

    critere: str
    ok: bool
    texte: str
    points: int
    maximum: int

    @property
    def titre(self) -> str:
        """Le nom du critère tel que l'élève le lit."""
        return TITRES_CRITERES[self.critere]


@dataclass(frozen=True)
class AnalyseMessage:
    """Le résultat de :func:`analyser_message` : score sur 100, remarques, mots repérés."""

    texte: str
    cible: str
    score: int
    nombre_mots: int
    jargon: tuple[str, ...]
    benefices: tuple[str, ...]
    remarques: tuple[Remarque, ...]

    @property
    def verdict(self) -> str:
        """« Message efficace » (80 et plus), « Message à retravailler » (50 à 79) ou « Message à réécrire »."""
        if self.score >= 80:
            return "Message efficace"
        if self.score >= 50:
            return "Message à retravailler"
        return "Message à réécrire"

    @property
    def a_revoir(self) -> list[Remarque]:
        """Les critères non respectés."""
        return [r for r in self.remarques if not r.ok]

    def remarque(self, critere: str) -> Remarque:
        """La remarque d'un critère (``"benefice"``, ``"jargon"``, ``"longueur"``…)."""
        for r in self.remarques:
            if r.critere == critere:
                return r
        raise ErreurSaisie(f"Le critère « {critere} » n'existe pas : choisissez parmi {', '.join(BAREME)}.")

    def __str__(self) -> str:
        lignes = [f"{self.verdict} : {self.score}/100 ({self.nombre_mots} mots, cible {self.cible})"]
        lignes += [f"{'✔' if r.ok else '✘'} {r.texte}" for r in self.remarques]
        return "\n".join(lignes)


def mots(texte: str) -> list[str]:
    """Les mots d'un texte (« l'API » et « 24 h » comptent pour un et deux mots).

    >>> mots("Gagnez du temps, livré en 24 h !")
    ['Gagnez', 'du', 'temps', 'livré', 'en', '24', 'h']
    """
    return re.findall(r"\w+(?:[-'’]\w+)*", texte)


def _unique(elements) -> tuple[str, ...]:
    vus: list[str] = []
    for e in elements:
        if e.lower() not in (x.lower() for x in vus):
            vus.append(e)
    return tuple(vus)


def _reperer(
    liste_mots: list[str], texte_norm: str, prefixes=(), exacts=(), expressions=()
) -> tuple[str, ...]:
    """Mots du texte qui commencent par un préfixe ou égalent un mot exact, puis expressions présentes.

    La comparaison ignore accents et majuscules ; on rend les mots tels qu'ils sont écrits.
    """
    trouves = []
    for mot in liste_mots:
        norm = normaliser(mot)
        if norm in exacts or any(norm.startswith(p) for p in prefixes):
            trouves.append(mot)
    for expression in expressions:
        if re.search(r"(?<!\w)" + re.escape(normaliser(expression)) + r"(?!\w)", texte_norm):
            trouves.append(expression)
    return _unique(trouves)


def _est_repere(norm: str, prefixes, exacts) -> bool:
    return norm in exacts or any(norm.startswith(p) for p in prefixes)


def bourrage(texte: str, cible: str = "B2C") -> str | None:
    """Un message qui n'est qu'une liste de « bons mots », ou qui répète le même : la phrase qui le dit, sinon ``None``.

    On compte les mots que le relecteur récompense (bénéfice, différenciation, vocabulaire
    professionnel pour une cible B2B). Plus de la moitié des mots (``BOURRAGE``), ou le même
    mot plus de deux fois, c'est du bourrage de mots-clés : la relecture ne se laisse pas acheter.

    >>> bourrage("Gagnez du temps : vos tenues livrées en 24 h.") is None
    True
    >>> bourrage("Rapide, rapide, rapide : vos tenues livrées en 24 h.") is not None
    True
    """
    liste = mots(texte)
    familles = [(BENEFICE_PREFIXES, BENEFICE_EXACTS), (DIFFERENCIATION_PREFIXES, DIFFERENCIATION_EXACTS)]
    if cible == "B2B":
        familles.append((MOTS_B2B_PREFIXES, MOTS_B2B_EXACTS))
    reperes = [m for m in liste if any(_est_repere(normaliser(m), p, e) for p, e in familles)]
    comptes: dict[str, int] = {}
    for mot in reperes:
        comptes[normaliser(mot)] = comptes.get(normaliser(mot), 0) + 1
    repete = max(comptes, key=comptes.get) if comptes else None
    if repete is not None and comptes[repete] > BOURRAGE["repetitions_maximales"]:
        mot = next(m for m in reperes if normaliser(m) == repete)
        return (
            f"« {mot} » revient {comptes[repete]} fois : répéter un mot ne le rend pas plus convaincant. "
            "Dites le bénéfice une fois, avec une preuve (un délai, un prix, une garantie)."
        )
    if (
        len(reperes) >= BOURRAGE["mots_reperes_minimum"]
        and len(reperes) / len(liste) > BOURRAGE["part_maximale"]
    ):
        return (
            f"Une suite de mots-clés ({_citer(_unique(reperes)[:4])}…) n'est pas un message : écrivez une phrase "
            "qui dit au client ce qu'il y gagne, avec une preuve."
        )
    return None


def _citer(elements) -> str:
    elements = [f"« {e} »" for e in elements]
    if len(elements) <= 1:
        return "".join(elements)
    return ", ".join(elements[:-1]) + " et " + elements[-1]


def analyser_message(texte: str, cible: str = "B2C") -> AnalyseMessage:
    """Relit un message marketing et rend un score sur 100 et des remarques en français.

    Six critères : un **bénéfice** pour le client (gagnez, économisez, simple,
    rapide…), pas de **jargon** technique, une **longueur** lisible en quelques
    secondes (25 mots au plus, 40 au maximum), le **langage de la cible** (un
    particulier veut du « simple et rapide », un professionnel un « ROI
    mesurable »), un message tourné vers le **client** (vous) plutôt que vers
    l'entreprise (nous), et un élément de **différenciation** (livraison en 24 h,
    fabriqué en France…).

    >>> a = analyser_message("Nos matelas ont des ressorts ensachés 7 zones.")
    >>> a.jargon
    ('ressorts', 'ensachés')
    >>> a.remarque("benefice").ok
    False
    """
    texte = v.texte(texte, "Le message (texte)")
    if not mots(texte):
        raise ErreurSaisie("Le message (texte) est vide : écrivez au moins une phrase.")
    cible = v.choix(cible.strip().upper() if isinstance(cible, str) else cible, "La cible (cible)", CIBLES)
    liste = mots(texte)
    norm = normaliser(texte)
    normes = [normaliser(m) for m in liste]
    remarques: list[tuple[str, bool, str]] = []
    perdus: dict[str, int] = {}

    # 1. le bénéfice (une liste de mots-clés ou un mot répété ne comptent pas)
    benefices = _reperer(liste, norm, BENEFICE_PREFIXES, BENEFICE_EXACTS, BENEFICE_EXPRESSIONS)
    bourre = bourrage(texte, cible)
    if bourre:
        perdus["benefice"] = BAREME["benefice"]
        remarques.append(("benefice", False, bourre))
    elif benefices:
        remarques.append(("benefice", True, f"Le client voit ce qu'il y gagne ({_citer(benefices[:3])})."))
    else:
        perdus["benefice"] = BAREME["benefice"]
        remarques.append(
            (
                "benefice",
                False,
                "On ne voit pas ce que le client y gagne : ajoutez un bénéfice concret "
                "(gagnez du temps, économisez, profitez, simple, rapide…).",
            )
        )

    # 2. le jargon
    jargon = _unique([*_reperer(liste, norm, JARGON_PREFIXES, JARGON_MOTS), *JARGON_UNITES.findall(texte)])
    if jargon:
        perdus["jargon"] = min(BAREME["jargon"], POINTS_PAR_MOT_TECHNIQUE * len(jargon))
        remarques.append(
            (
                "jargon",
                False,
                f"Jargon technique : {_citer(jargon[:5])}. Ces mots décrivent le produit ; "
                "dites plutôt ce qu'il change pour le client.",
            )
        )
    else:
        remarques.append(("jargon", True, "Pas de jargon technique : le message se comprend tout de suite."))

    # 3. la longueur
    n = len(liste)
    if n > MOTS_MAXIMUM:
        perdus["longueur"] = BAREME["longueur"]
        remarques.append(
            (
                "longueur",
                False,
                f"Trop long : {n} mots. Une accroche se lit en quelques secondes ; visez {MOTS_IDEAL} mots au plus.",
            )
        )
    elif n > MOTS_IDEAL:
        perdus["longueur"] = BAREME["longueur"] // 2
        remarques.append(
            (
                "longueur",
                False,
                f"Un peu long : {n} mots. Coupez ce qui n'aide pas à décider ({MOTS_IDEAL} mots au plus).",
            )
        )
    else:
        remarques.append(("longueur", True, f"Longueur lisible d'un coup d'œil : {n} mots."))

    # 4. le langage de la cible
    if cible == "B2B":
        mots_pro = _reperer(liste, norm, MOTS_B2B_PREFIXES, MOTS_B2B_EXACTS, MOTS_B2B_EXPRESSIONS)
        if mots_pro:
            remarques.append(
                (
                    "langage",
                    True,
                    f"Vocabulaire de professionnel ({_citer(mots_pro[:3])}) : la cible B2B s'y retrouve.",
                )
            )
        else:
            perdus["langage"] = BAREME["langage"]
            remarques.append(
                (
                    "langage",
                    False,
                    "Pour un acheteur professionnel, parlez résultats : un retour sur investissement "
                    "mesurable, un délai tenu, un coût maîtrisé, du temps gagné pour l'équipe.",
                )
            )
    else:
        trop_pro = _reperer(liste, norm, TROP_B2B_PREFIXES, TROP_B2B_EXACTS, TROP_B2B_EXPRESSIONS)
        if trop_pro:
            perdus["langage"] = BAREME["langage"]
            remarques.append(
                (
                    "langage",
                    False,
                    f"Vocabulaire d'entreprise ({_citer(trop_pro[:3])}) pour un particulier : "
                    "préférez des mots de tous les jours (« simple et rapide », « livré demain »).",
                )
            )
        else:
            remarques.append(("langage", True, "Des mots de tous les jours, adaptés à un particulier."))

    # 5. tourné vers le client ?
    client = sum(m in _MOTS_CLIENT for m in normes)
    entreprise = sum(m in _MOTS_ENTREPRISE for m in normes)
    if entreprise > client:
        perdus["client"] = BAREME["client"]
        remarques.append(
            (
                "client",
                False,
                "Le message parle surtout de l'entreprise (nous, notre) : tournez-le vers le client "
                "(vous, votre) et le problème qu'il veut régler.",
            )
        )
    else:
        remarques.append(("client", True, "Le message s'adresse au client plutôt qu'à l'entreprise."))

    # 6. la différenciation
    preuves = list(
        _reperer(liste, norm, DIFFERENCIATION_PREFIXES, DIFFERENCIATION_EXACTS, DIFFERENCIATION_EXPRESSIONS)
    )
    chiffre = _DIFFERENCIATION_CHIFFREE.search(texte)
    if chiffre:
        preuves = [chiffre.group().strip(), *preuves]
    if preuves:
        remarques.append(
            (
                "differenciation",
                True,
                f"Un élément concret distingue la marque ({_citer(_unique(preuves)[:2])}).",
            )
        )
    else:
        perdus["differenciation"] = BAREME["differenciation"]
        remarques.append(
            (
                "differenciation",
                False,
                "Piste : ajoutez un détail concret qui vous distingue, sans dénigrer personne "
                "(par exemple une livraison en 24 h quand les autres mettent 3 jours).",
            )
        )

    notes = tuple(
        Remarque(critere, ok, phrase, BAREME[critere] - perdus.get(critere, 0), BAREME[critere])
        for critere, ok, phrase in remarques
    )
    return AnalyseMessage(texte, cible, sum(r.points for r in notes), n, jargon, benefices, notes)
