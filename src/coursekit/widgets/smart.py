"""Outils du chapitre 04 : vérificateur SMART, calculateur de croissance, exercice de reformulation."""

from __future__ import annotations

import html

import ipywidgets as widgets

from coursekit import contenu, smart
from coursekit import format as fmt
from coursekit.erreurs import ErreurSaisie
from coursekit.graphiques.smart import figure_trajectoires
from coursekit.widgets.base import ChampNombre, Curseur, Simulateur, ZoneGraphique, ZoneMessage

SCHEMA_EXEMPLES = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["libelle", "depart", "cible", "mois"],
        "additionalProperties": False,
        "properties": {
            "libelle": {"type": "string", "minLength": 1},
            "depart": {"type": "number", "exclusiveMinimum": 0},
            "cible": {"type": "number", "minimum": 0},
            "mois": {"type": "integer", "minimum": 1, "maximum": 36},
        },
    },
}
DELAI_CALAGE = 0.2
"""Pause (s) après le dernier changement de durée avant de recaler le curseur « Lire le mois n° »."""
COULEURS_BADGE = {True: ("#00664a", "#e6f5ef"), False: ("#a33a00", "#fdeee6"), None: ("#4a4a4a", "#eeeeee")}


def badges_html(verdicts) -> str:
    """Cinq badges S, M, A, R, T : couleur **et** mot (« oui » ✔ / « à revoir » ✘), puis les conseils.

    ``verdicts`` vaut ``None`` tant qu'aucun objectif n'est tapé (badges neutres).
    Les conseils citent le texte de l'élève : tout est échappé.
    """
    badges = []
    conseils = []
    for critere, nom in smart.CRITERES.items():
        ok = None if verdicts is None else bool(verdicts[critere][0])
        couleur, fond = COULEURS_BADGE[ok]
        marque = {True: "✔ oui", False: "✘ à revoir", None: "… en attente"}[ok]
        badges.append(
            f'<span class="coursekit-badge coursekit-badge-{critere} coursekit-{"ok" if ok else "ko"}" '
            f'style="display:inline-block;margin:0.15em;padding:0.3em 0.7em;border-radius:1em;'
            f'border:2px solid {couleur};color:{couleur};background:{fond};font-weight:bold">'
            f"{critere} · {html.escape(nom)} : {marque}</span>"
        )
        if verdicts is not None:
            conseils.append(
                f"<li><strong>{critere} ({html.escape(nom)}) {'✔' if ok else '✘'}</strong> "
                f"{html.escape(verdicts[critere][1])}</li>"
            )
    liste = f"<ul style='margin:0.4em 0;line-height:1.45'>{''.join(conseils)}</ul>" if conseils else ""
    return f"<div class='coursekit-badges'>{''.join(badges)}</div>{liste}"


class VerificateurSmart(Simulateur):
    """L'élève tape un objectif : chaque critère SMART est jugé pendant qu'il écrit."""

    titre = "Vérificateur d'objectif SMART"

    def __init__(self, objectif: str = "Améliorer notre visibilité"):
        self.saisie = widgets.Textarea(
            value=objectif,
            placeholder="Par exemple : passer de 500 à 1 000 visites par mois d'ici juin grâce au SEO",
            description="Objectif",
            continuous_update=True,
            layout=widgets.Layout(width="100%", max_width="52em", height="5em"),
        )
        self.badges = widgets.HTML()
        super().__init__([self.saisie, self.badges, self.message])
        self.saisie.observe(self.actualiser, names="value")
        self.verdicts = None
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        if not self.saisie.value.strip():
            self.verdicts = None
            self.badges.value = badges_html(None)
            self.message.info("Tapez un objectif : les cinq critères seront jugés au fil de la frappe.")
            return
        ok, verdicts = self.calculer(lambda: smart.verifier_smart(self.saisie.value))
        if not ok:
            self.verdicts = None
            self.badges.value = badges_html(None)
            return
        self.verdicts = verdicts
        self.badges.value = badges_html(verdicts)
        resume = smart.resume_smart(verdicts)
        if smart.score_smart(verdicts) == len(smart.CRITERES):
            self.message.succes(resume, gras="Bilan :")
        else:
            self.message.info(resume, gras="Bilan :")


class CalculateurCroissance(Simulateur):
    """Départ, cible et durée → croissance totale et mensuelle, trajectoires linéaire et composée."""

    titre = "Calculateur de croissance"
    sorties = ("realisme",)
    EXEMPLES = {
        e["libelle"]: (fmt.nombre(e["depart"], 0), fmt.nombre(e["cible"], 0), e["mois"])
        for e in contenu.section("04", "exemples_croissance", SCHEMA_EXEMPLES)
    }
    """Les exemples du cours (fichier de contenu du chapitre 04) : libellé → (départ, cible, mois)."""

    def __init__(self, depart: str = "10 000", cible: str = "13 000", mois: int = 3):
        self._en_pause = False
        self.exemple = widgets.Dropdown(
            options=["Vos chiffres", *self.EXEMPLES],
            value="Vos chiffres",
            description="Exemple du cours",
            # la largeur de sa colonne (jamais coupé au projecteur), libellé à sa taille
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="44em"),
        )
        self.depart = ChampNombre("Valeur de départ", depart, libelle="La valeur de départ")
        self.cible = ChampNombre("Cible", cible, libelle="La cible")
        self.mois = Curseur("Durée (mois)", 1, 36, 1, mois, lambda m: f"{m} mois", entier=True)
        self.mois_lu = Curseur(
            "Lire le mois n°", 0, mois, 1, min(1, mois), lambda m: f"mois {m}", entier=True
        )
        self.figure, self.elements = figure_trajectoires()
        self.graphique = ZoneGraphique(self.figure)
        self.realisme = ZoneMessage()
        super().__init__(
            [
                self.exemple,
                widgets.HBox([self.depart, self.cible]),
                self.mois,
                self.mois_lu,
                self.graphique,
                self.message,
                self.realisme,
            ]
        )
        self.exemple.observe(self._choisir_exemple, names="value")
        self._mois_choisi = self.mois_lu.value
        """Le mois que l'élève a choisi de lire ; le curseur le montre dès que la durée le permet."""
        self._caler_mois_lu = self.differer(self._caler_lecture, DELAI_CALAGE)
        self.mois_lu.quand_change(self._choisir_mois_lu)
        for champ in (self.depart, self.cible, self.mois):
            champ.quand_change(self.actualiser)
        self.resultat = None
        self.actualiser()

    def _choisir_mois_lu(self, _changement=None) -> None:
        if self._en_pause:
            return
        self._mois_choisi = self.mois_lu.value
        self.actualiser()

    @property
    def mois_lu_effectif(self) -> int:
        """Le mois lu sur le graphique et dans la phrase : celui choisi, dans la limite de la durée."""
        return min(self._mois_choisi, self.mois.value)

    def _caler_lecture(self) -> None:
        """Met « Lire le mois n° » à la durée (maximum) et au mois effectivement lu.

        Fait une fois le geste fini (:data:`DELAI_CALAGE`), pas à chaque valeur d'un glisser
        de « Durée » : le curseur voisin ne change pas sous les yeux pendant le geste, et son
        état final ne dépend que des positions finales (le mois choisi revient quand la durée
        l'autorise de nouveau)."""
        mois, lu = self.mois.value, self.mois_lu_effectif
        curseur = self.mois_lu.curseur
        if (curseur.max, curseur.value) == (mois, lu):
            return
        self._en_pause = True
        try:
            with curseur.hold_sync():
                if mois >= curseur.value:
                    curseur.max = mois
                    curseur.value = lu
                else:  # ipywidgets ramènerait la valeur dans les bornes : on la règle d'abord
                    curseur.value = lu
                    curseur.max = mois
        finally:
            self._en_pause = False

    def _choisir_exemple(self, _changement=None) -> None:
        if self.exemple.value not in self.EXEMPLES:
            return
        depart, cible, mois = self.EXEMPLES[self.exemple.value]
        self._en_pause = True
        try:
            self.depart.value, self.cible.value, self.mois.value = depart, cible, mois
        finally:
            self._en_pause = False
        self.actualiser()

    def calcul(self) -> dict:
        """Lit les saisies et appelle les calculateurs de :mod:`coursekit.smart`."""
        depart, cible, mois = self.depart.lire(), self.cible.lire(), self.mois.value
        if depart <= 0:  # la phrase du calculateur nomme le paramètre Python (depart) : on parle du champ
            raise ErreurSaisie(
                "La valeur de départ doit être supérieure à 0 : une hausse en pour cent se calcule "
                "à partir d'un nombre positif."
            )
        croissance = smart.croissance_requise(depart, cible, mois)
        lineaire = smart.trajectoire(depart, cible, mois, "lineaire")
        composee = smart.trajectoire(depart, cible, mois, "composee")
        return {
            "depart": depart,
            "cible": cible,
            "mois": mois,
            "croissance": croissance,
            "lineaire": lineaire,
            "composee": composee,
            "hausses_lineaire": smart.hausses_mensuelles(lineaire),
            "hausses_composee": smart.hausses_mensuelles(composee),
            "realisme": smart.niveau_realisme(croissance["mensuelle"]),
        }

    def actualiser(self, _changement=None) -> None:
        if self._en_pause:
            return
        choisi = self.EXEMPLES.get(self.exemple.value)
        if choisi and choisi != (self.depart.value, self.cible.value, self.mois.value):
            self.exemple.value = "Vos chiffres"  # l'élève a changé un chiffre : ce n'est plus l'exemple
        self._caler_mois_lu.demander()
        ok, resultat = self.calculer(self.calcul)
        if not ok:
            self.resultat = None  # le jugement affiché reste, estompé, jusqu'à la correction
            return
        self.resultat = resultat
        self._dessiner(resultat)
        self.message.info(self.phrase(resultat))
        self._juger(resultat)

    def _dessiner(self, r: dict) -> None:
        e = self.elements
        x = list(range(r["mois"] + 1))
        e["lineaire"].set_data(x, r["lineaire"])
        e["composee"].set_data(x, r["composee"])
        k = self.mois_lu_effectif
        self.mois_lu.lecture.value = self.mois_lu._formater(k)
        e["repere"].set_xdata([k, k])
        e["points"].set_data([k, k], [r["lineaire"][k], r["composee"][k]])
        bas, haut = min(r["depart"], r["cible"]), max(r["depart"], r["cible"])
        marge = (haut - bas) * 0.08 or haut * 0.05 or 1
        e["gauche"].set_xlim(-0.3, r["mois"] + 0.3)
        e["gauche"].set_ylim(bas - marge, haut + marge)
        x_hausses = x[1:]
        e["hausse_lineaire"].set_data(x_hausses, r["hausses_lineaire"])
        e["hausse_composee"].set_data(x_hausses, r["hausses_composee"])
        valeurs = r["hausses_lineaire"] + r["hausses_composee"] + [smart.SEUIL_ALERTE, 0]
        e["droite"].set_xlim(0.5, r["mois"] + 0.5)
        e["droite"].set_ylim(min(valeurs) * 1.15, max(valeurs) * 1.15 + 1)
        self.graphique.actualiser()

    @staticmethod
    def _nombre(valeur: float, reference: float) -> str:
        return fmt.nombre(valeur, 0 if abs(reference) >= 100 else 1)

    def phrase(self, r: dict) -> str:
        """La phrase qui interprète le calcul, chiffres à la française."""
        ref = max(r["depart"], r["cible"])
        c = r["croissance"]
        k = self.mois_lu_effectif
        pas = (r["cible"] - r["depart"]) / r["mois"]
        # une cible plus basse que le départ est une baisse : « 1 667 de moins », pas « -1 667 de plus »
        variation, sens = ("baisse", "de moins") if pas < 0 else ("hausse", "de plus")
        return (
            f"De {self._nombre(r['depart'], ref)} à {self._nombre(r['cible'], ref)} en {r['mois']} mois : "
            f"{fmt.pourcent(c['totale'], signe=True)} au total, soit {smart.hausse_lisible(c['mensuelle'], 2)} "
            f"par mois si chaque {variation} s'ajoute à la précédente (composée), ou "
            f"{self._nombre(abs(pas), ref)} {sens} chaque mois en linéaire. "
            f"Au mois {k} : {self._nombre(r['lineaire'][k], ref)} en linéaire, "
            f"{self._nombre(r['composee'][k], ref)} en composée."
        )

    def _juger(self, r: dict) -> None:
        jugement = r["realisme"]
        niveau = smart.NIVEAUX[jugement["niveau"]]
        texte = f"Niveau « {niveau} » ({smart.hausse_lisible(r['croissance']['mensuelle'], 2)} par mois). {jugement['conseil']}"
        if jugement["alerte"]:
            self.realisme.erreur(texte, gras="⚠ Attention :")
        elif jugement["niveau"] in {"prudent", "ambitieux"}:
            self.realisme.succes(texte, gras="Réalisme :")
        else:
            self.realisme.info(texte, gras="Réalisme :")


class ExerciceReformulation(Simulateur):
    """Trois objectifs vagues à réécrire en objectifs SMART, avec un retour pendant la frappe."""

    titre = "À vous de jouer : des objectifs vagues aux objectifs SMART"

    def __init__(self, objectifs=smart.OBJECTIFS_VAGUES):
        self.objectifs = tuple(objectifs)
        self.zones: list[widgets.Textarea] = []
        self.retours: list[ZoneMessage] = []
        enfants = []
        for numero, objectif in enumerate(self.objectifs, start=1):
            zone = widgets.Textarea(
                value="",
                placeholder="Votre objectif SMART…",
                continuous_update=True,
                layout=widgets.Layout(width="100%", max_width="52em", height="4.2em"),
            )
            retour = ZoneMessage()
            zone.observe(lambda _c, i=numero - 1: self.corriger(i), names="value")
            enonce = widgets.HTML(
                f"<p style='font-weight:bold;margin:0.6em 0 0.2em'>{numero}. « {html.escape(objectif.vague)} »</p>"
            )
            enfants += [enonce, zone, retour]
            self.zones.append(zone)
            self.retours.append(retour)
        super().__init__([*enfants, self.message])
        self.resultats: list[dict | None] = [None] * len(self.objectifs)
        for i in range(len(self.objectifs)):
            self.corriger(i)

    def corriger(self, i: int) -> dict | None:
        """Corrige la réponse ``i`` et met à jour le bilan des trois."""
        ok, resultat = self.calculer(
            lambda: smart.evaluer_reformulation(self.objectifs[i], self.zones[i].value)
        )
        if not ok:
            return None
        self.resultats[i] = resultat
        if not self.zones[i].value.strip():
            self.retours[i].info(resultat["retour"])
        elif resultat["reussi"]:
            self.retours[i].succes(resultat["retour"])
        else:
            self.retours[i].erreur(resultat["retour"], gras="À améliorer :")
        reussis = sum(bool(r and r["reussi"]) for r in self.resultats)
        total = len(self.objectifs)
        if reussis == total:
            self.message.succes(f"{reussis} objectifs sur {total} sont SMART : bravo !")
        else:
            self.message.info(
                f"{reussis} objectif{'s' if reussis > 1 else ''} sur {total} réussi{'s' if reussis > 1 else ''} "
                "(spécifique, mesurable, temporel et fidèle au sujet de départ)."
            )
        return resultat
