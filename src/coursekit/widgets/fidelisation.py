"""Simulateurs du chapitre 07 (fidélisation) : CLV, programme de points, Pareto, parrainage, NPS.

Chaque simulateur lit ses curseurs et champs, appelle un calculateur de
:mod:`coursekit.fidelisation`, met à jour son graphique sur place et écrit une
phrase qui interprète le résultat. Une saisie impossible affiche un message en
français ; rien de ce que l'élève a tapé ou ajouté n'est perdu.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets
from IPython.display import HTML

from coursekit import contenu
from coursekit import fidelisation as f
from coursekit import format as fmt
from coursekit.graphiques import fidelisation as g
from coursekit.tableaux import tableau
from coursekit.widgets.base import ChampNombre, Curseur, Simulateur, ZoneGraphique

if TYPE_CHECKING:  # pandas seulement pour les annotations : ce module ne l'importe pas
    import pandas as pd

LIBELLES_OPERATIONS = dict(f.PROGRAMME["operations"])
"""Les libellés des opérations du compte fidélité (fichier de contenu du chapitre 07)."""

_SCHEMA_PARRAINAGE = {
    "type": "object",
    "required": ["credit_parrain", "credit_filleul", "commande_minimum", "cac_habituel"],
    "properties": {
        "credit_parrain": {"type": "number", "minimum": 0},
        "credit_filleul": {"type": "number", "minimum": 0},
        "commande_minimum": {"type": "number", "minimum": 0},
        "cac_habituel": {
            "type": "object",
            "required": ["minimum", "maximum"],
            "properties": {
                "minimum": {"type": "number", "minimum": 0},
                "maximum": {"type": "number", "minimum": 0},
            },
        },
    },
}
PARRAINAGE = contenu.section("07", "parrainage", _SCHEMA_PARRAINAGE)

_SCHEMA_ENTETES = {
    "type": "object",
    "required": ["historique", "niveaux", "mois", "objectifs", "normes"],
    "additionalProperties": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}},
}
ENTETES = contenu.section("07", "entetes", _SCHEMA_ENTETES)
"""Les titres des colonnes des tableaux du chapitre 07 (fichier de contenu)."""


def _points(x: float) -> str:
    """``1 point``, ``245 points`` (accord au pluriel à partir de 2)."""
    return f"{fmt.nombre(x, 0)}\xa0point{'s' if abs(x) >= 2 else ''}"


def _fois(x: float) -> str:
    return f"{fmt.nombre(x, 1)}\xa0fois"


# --- CLV ---------------------------------------------------------------------------------


class SimulateurCLV(Simulateur):
    """Deux profils de clients, leur CLV en chiffre d'affaires, et le coût pour les acquérir."""

    titre = "Simulateur « Valeur d'un client »"
    NOMS = ("Client occasionnel", "Client fidèle")

    def __init__(self):
        self.panier_a = Curseur("Panier moyen (occasionnel)", 10, 300, 5, 100, fmt.monnaie, entier=True)
        # Pas de 0,5 : un achat tous les deux ans (0,5 par an) ou une relation de six mois ont un sens,
        # et les valeurs du cours (1 et 1) ne sont pas au bout du curseur.
        self.frequence_a = Curseur("Achats par an (occasionnel)", 0.5, 12, 0.5, 1, fmt.nombre)
        self.duree_a = Curseur("Durée en ans (occasionnel)", 0.5, 10, 0.5, 1, fmt.nombre)
        self.panier_b = Curseur("Panier moyen (fidèle)", 10, 300, 5, 120, fmt.monnaie, entier=True)
        self.frequence_b = Curseur("Achats par an (fidèle)", 1, 12, 1, 4, fmt.nombre, entier=True)
        self.duree_b = Curseur("Durée en ans (fidèle)", 1, 10, 1, 3, fmt.nombre, entier=True)
        self.cac = Curseur("Coût d'acquisition (CAC)", 5, 300, 5, 40, fmt.monnaie, entier=True)
        self.elements = g.figure_clv(self.NOMS)
        self.graphique = ZoneGraphique(self.elements.figure)
        reglages = widgets.HBox(
            [
                widgets.VBox([self.panier_a, self.frequence_a, self.duree_a]),
                widgets.VBox([self.panier_b, self.frequence_b, self.duree_b]),
            ]
        )
        super().__init__([reglages, self.cac, self.graphique, self.message])
        for curseur in self.curseurs:
            curseur.quand_change(self.actualiser)
        self.actualiser()

    @property
    def curseurs(self) -> list[Curseur]:
        return [
            self.panier_a,
            self.frequence_a,
            self.duree_a,
            self.panier_b,
            self.frequence_b,
            self.duree_b,
            self.cac,
        ]

    def calcul(self) -> dict:
        """Les deux CLV et ce qu'il en reste une fois le CAC payé."""
        clv_a = f.clv(self.panier_a.value, self.frequence_a.value, self.duree_a.value)
        clv_b = f.clv(self.panier_b.value, self.frequence_b.value, self.duree_b.value)
        return {
            "clv": (clv_a, clv_b),
            "rentabilite": (
                f.rentabilite_client(clv_a, self.cac.value),
                f.rentabilite_client(clv_b, self.cac.value),
            ),
        }

    def actualiser(self, _changement=None) -> None:
        ok, resultat = self.calculer(self.calcul)
        if not ok:
            return
        valeurs = resultat["clv"]
        for i, valeur in enumerate(valeurs):
            self.elements.barres[i].set_height(valeur)
            self.elements.etiquettes[i].set_position((i, valeur))
            self.elements.etiquettes[i].set_text(fmt.monnaie(valeur))
        cac = self.cac.value
        self.elements.lignes[0].set_ydata([cac, cac])
        self.elements.textes[0].set_position((1.45, cac))
        self.elements.textes[0].set_text(f"CAC : {fmt.monnaie(cac)}")
        self.elements.axes.set_ylim(0, max(*valeurs, cac) * 1.18)
        self.graphique.actualiser()
        self.message.info(self.phrase(valeurs, resultat["rentabilite"]))

    def phrase(self, valeurs, rentabilites) -> str:
        """Interprétation : écart entre les profils et comparaison avec le CAC."""
        clv_a, clv_b = valeurs
        cac = fmt.monnaie(self.cac.value)
        debut = (
            f"Le client fidèle rapporte {fmt.monnaie(clv_b)} de chiffre d'affaires sur toute la relation, "
            f"l'occasionnel {fmt.monnaie(clv_a)}"
        )
        if clv_b >= clv_a:
            debut += f" : {_fois(clv_b / clv_a)} plus ({fmt.monnaie(clv_b - clv_a)} d'écart)."
        else:
            debut += f" : ici, le fidèle vaut {_fois(clv_a / clv_b)} moins. Vérifiez vos réglages !"
        pertes = [nom.lower() for nom, r in zip(self.NOMS, rentabilites, strict=True) if r["solde"] < 0]
        if not pertes:
            suite = (
                f" Pour un coût d'acquisition de {cac}, il reste {fmt.monnaie(rentabilites[0]['solde'])} "
                f"avec l'occasionnel et {fmt.monnaie(rentabilites[1]['solde'])} avec le fidèle."
            )
        elif len(pertes) == 2:
            suite = f" Aucun des deux ne rembourse un coût d'acquisition de {cac} : recruter coûte trop cher."
        else:
            suite = f" Le {pertes[0]} ne rembourse même pas son coût d'acquisition de {cac} : le garder change tout."
        return debut + suite + " (Chiffre d'affaires, pas marge : le bénéfice réel est plus faible.)"


class SimulateurCLVMarge(Simulateur):
    """CLV en marge : marge annuelle, taux de rétention et taux d'actualisation."""

    titre = "Simulateur « CLV en marge »"

    def __init__(self):
        self.marge = Curseur("Marge annuelle par client", 10, 500, 10, 100, fmt.monnaie, entier=True)
        self.retention = Curseur("Rétention annuelle (r)", 0, 100, 1, 80, fmt.pourcent, entier=True)
        self.actualisation = Curseur("Taux d'actualisation (d)", 0, 30, 1, 10, fmt.pourcent, entier=True)
        self.elements = g.figure_clv_marge()
        self.graphique = ZoneGraphique(self.elements.figure)
        super().__init__([self.marge, self.retention, self.actualisation, self.graphique, self.message])
        for curseur in (self.marge, self.retention, self.actualisation):
            curseur.quand_change(self.actualiser)
        self.actualiser()

    def calcul(self) -> dict:
        """La CLV au point choisi, la courbe selon r (0 à 99 %) et l'effet de 5 points de rétention en plus."""
        m, r, d = self.marge.value, self.retention.value, self.actualisation.value
        valeur = f.clv_marge(m, r, d)
        abscisses = list(range(0, 100))
        courbe = [f.clv_marge(m, x, d) for x in abscisses]
        plus = f.clv_marge(m, r + 5, d) if r + 5 < 100 or (r + 5 == 100 and d > 0) else None
        return {"valeur": valeur, "abscisses": abscisses, "courbe": courbe, "plus_5": plus}

    def actualiser(self, _changement=None) -> None:
        ok, resultat = self.calculer(self.calcul)
        if not ok:
            return
        r = self.retention.value
        courbe, point = self.elements.lignes
        courbe.set_data(resultat["abscisses"], resultat["courbe"])
        point.set_data([r], [resultat["valeur"]])
        texte = self.elements.textes[0]
        texte.set_position((max(r, 25), resultat["valeur"]))
        texte.set_text(f"{fmt.monnaie(resultat['valeur'])}  ")
        self.elements.axes.set_ylim(0, max(max(resultat["courbe"]), resultat["valeur"]) * 1.12 or 1)
        self.graphique.actualiser()
        self.message.info(self.phrase(resultat))

    def phrase(self, resultat) -> str:
        """Interprétation : valeur du client et effet de 5 points de fidélité en plus."""
        m = fmt.monnaie(self.marge.value)
        debut = (
            f"Avec {m} de marge par an, {fmt.pourcent(self.retention.value)} de clients gardés chaque année "
            f"et {fmt.pourcent(self.actualisation.value)} d'actualisation, un client vaut "
            f"{fmt.monnaie(resultat['valeur'])} de marge."
        )
        if resultat["plus_5"] is None:
            return debut + " La rétention est déjà au maximum de la courbe."
        gain = resultat["plus_5"] - resultat["valeur"]
        return (
            debut + f" Garder 5 points de clients en plus ({fmt.pourcent(self.retention.value + 5)}) "
            f"le ferait monter à {fmt.monnaie(resultat['plus_5'])}, soit {fmt.monnaie(gain)} de plus."
        )


# --- Programme de points --------------------------------------------------------------------


def _par_euro() -> str:
    """« par euro dépensé », ou dans l'édition marocaine « pour 10 DH dépensés » (les points comptent en euros)."""
    return "par euro dépensé" if fmt.taux() == 1 else f"pour {fmt.monnaie(1)} dépensés"


def _chaque_euro() -> str:
    return "Chaque euro dépensé" if fmt.taux() == 1 else f"Chaque tranche de {fmt.monnaie(1)} dépensés"


class SimulateurPoints(Simulateur):
    """Un compte fidélité : l'élève ajoute des achats et échange des points."""

    titre = "Simulateur « Programme de points »"

    def __init__(self, operations=None, valeur_point: float = 0.10):
        self.valeur_point = valeur_point
        self.operations: list[tuple[str, float]] = list(operations or [])
        self._phrase = ""
        self.montant = ChampNombre(
            "Montant ou points",
            "95",
            libelle="Le montant de l'achat ou le nombre de points",
            unite=f"{fmt.symbole_devise()} ou points",
        )
        self.points_par_euro = Curseur(f"Points {_par_euro()}", 0.5, 2, 0.1, 1, lambda x: fmt.nombre(x, 1))
        self.bouton_achat = widgets.Button(
            description="Ajouter un achat", button_style="primary", icon="shopping-cart"
        )
        self.bouton_echange = widgets.Button(
            description="Échanger des points", button_style="warning", icon="gift"
        )
        self.bouton_annuler = widgets.Button(description="Annuler la dernière")
        self.bouton_vider = widgets.Button(description="Recommencer")
        self.tableau = widgets.HTML()
        self.elements = g.figure_points(f.PALIERS)
        self.graphique = ZoneGraphique(self.elements.figure)
        # Largeur selon le texte : à la largeur par défaut, « Ajouter un achat » devenait « Ajouter u… ».
        for bouton in (self.bouton_achat, self.bouton_echange, self.bouton_annuler, self.bouton_vider):
            bouton.layout.width = "auto"
        boutons = widgets.HBox(
            [self.bouton_achat, self.bouton_echange, self.bouton_annuler, self.bouton_vider],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        super().__init__(
            [self.montant, boutons, self.points_par_euro, self.message, self.graphique, self.tableau]
        )
        self.bouton_achat.on_click(lambda _b: self.ajouter("achat"))
        self.bouton_echange.on_click(lambda _b: self.ajouter("echange"))
        self.bouton_annuler.on_click(lambda _b: self.annuler())
        self.bouton_vider.on_click(lambda _b: self.vider())
        self.montant.quand_change(self._verifier_saisie)
        self.points_par_euro.quand_change(self.actualiser)
        self.actualiser()

    def _verifier_saisie(self, _changement=None) -> None:
        """Dès que le champ change : message si la saisie est fausse, sinon la phrase du compte revient
        (sans redessiner le graphique, qui n'a pas changé)."""
        ok, _ = self.calculer(self.montant.lire, perime=False)  # l'historique affiché reste juste
        if ok:
            self.message.info(self._phrase)

    def ajouter(self, genre: str) -> bool:
        """Ajoute une opération si elle est possible ; sinon, message et historique intact."""
        ok, operation = self.calculer(
            lambda: f.lire_operation(genre, self.montant.value, self.montant.libelle), perime=False
        )
        if not ok:
            return False
        if operation[0] == "achat":  # tapé dans la devise du cours, compté en euros de référence
            operation = ("achat", fmt.vers_reference(operation[1]))
        candidat = [*self.operations, operation]
        ok, _ = self.calculer(
            lambda: f.simuler_points(candidat, self.points_par_euro.value, self.valeur_point), perime=False
        )
        if not ok:
            return False
        self.operations = candidat
        self.actualiser()
        return True

    def annuler(self) -> None:
        """Retire la dernière opération."""
        if self.operations:
            self.operations = self.operations[:-1]
        self.actualiser()

    def vider(self) -> None:
        """Repart d'un compte vide."""
        self.operations = []
        self.actualiser()

    def calcul(self) -> pd.DataFrame | None:
        """L'historique rejoué avec le nombre de points par euro choisi (``None`` s'il est vide)."""
        if not self.operations:
            return None
        return f.simuler_points(self.operations, self.points_par_euro.value, self.valeur_point)

    def actualiser(self, _changement=None) -> None:
        ok, historique = self.calculer(self.calcul)
        if not ok:
            return
        solde_ligne, statut_ligne = self.elements.lignes
        if historique is None:
            solde_ligne.set_data([], [])
            statut_ligne.set_data([], [])
            self.elements.axes.set_xlim(0, 5)
            self.elements.axes.set_ylim(0, 300)
            self.tableau.value = "<p><em>Aucune opération pour l'instant.</em></p>"
            self.graphique.actualiser()
            self._phrase = (
                f"Compte vide. {_chaque_euro()} rapporte {fmt.nombre(self.points_par_euro.value, 1)} point : "
                # Espaces insécables autour des guillemets : le « » ne part plus seul à la ligne.
                "tapez un montant puis cliquez sur «\u00a0Ajouter un achat\u00a0»."
            )
            self.message.info(self._phrase)
            return
        x = list(range(len(historique) + 1))
        soldes = [0, *historique["solde"].tolist()]
        gagnes = historique["points"].clip(lower=0).cumsum().tolist()
        solde_ligne.set_data([*x, len(historique) + 0.5], [*soldes, soldes[-1]])
        statut_ligne.set_data(x, [0, *gagnes])
        plus_haut = max(*soldes, *gagnes, 100)
        self.elements.axes.set_xlim(0, max(5, len(historique) + 0.5))
        visibles = [s for s, _, _ in self.elements.textes if s <= plus_haut * 1.3]
        self.elements.axes.set_ylim(0, max(plus_haut, *(visibles or [0])) * 1.15)
        self.graphique.actualiser()
        self.tableau.value = self._tableau_html(historique)
        self._phrase = self.phrase(historique)
        self.message.info(self._phrase)

    def _tableau_html(self, historique: pd.DataFrame) -> str:
        return tableau_historique(historique).data

    def phrase(self, historique: pd.DataFrame) -> str:
        """Solde, niveau, points manquants et effet « presque arrivé »."""
        solde = int(historique["solde"].iloc[-1])
        statut = f.points_de_statut(historique)
        niveau, suivant, manque = f.niveau_fidelite(statut)
        seuil, manque_recompense, avancement = f.prochaine_recompense(solde)
        morceaux = [
            f"Solde : {_points(solde)}, soit {fmt.monnaie(solde * self.valeur_point)} en bons d'achat."
        ]
        if suivant is None:
            morceaux.append(f"Niveau {niveau} ({_points(statut)} gagnés) : c'est le plus haut.")
        else:
            morceaux.append(
                f"Niveau {niveau} ({_points(statut)} gagnés) : encore {_points(manque)} pour passer {suivant}."
            )
        if seuil is not None and avancement >= 80:
            morceaux.append(
                f"{fmt.nombre(solde, 0)} sur {fmt.nombre(seuil, 0)} : plus que {_points(manque_recompense)} avant "
                f"la récompense des {fmt.nombre(seuil, 0)} points. C'est l'effet «\u00a0presque arrivé\u00a0»\u00a0: "
                "si près du but, on a envie de repasser commande."
            )
        elif seuil is not None:
            morceaux.append(f"Prochaine récompense à {_points(seuil)} : encore {_points(manque_recompense)}.")
        return " ".join(morceaux)


def carte_membre(
    points: int = f.PROGRAMME["carte_membre"]["points"],
    points_par_euro: float = f.PROGRAMME["carte_membre"]["points_par_euro"],
    port_offert_des: float = f.PROGRAMME["carte_membre"]["port_offert_des"],
    recompenses=tuple((r["points"], r["texte"]) for r in f.PROGRAMME["recompenses"]),
) -> HTML:
    """L'écran « Mon compte fidélité » d'un membre, en carte HTML (niveau calculé par ``niveau_fidelite``)."""
    niveau, suivant, manque = f.niveau_fidelite(points)
    couleur = g.COULEURS_NIVEAUX.get(niveau, "#1d3557")
    if suivant is None:
        progression = "Niveau le plus haut atteint."
        avance = 100.0
    else:
        seuil = f.PALIERS[suivant]
        avance = points * 100 / seuil
        progression = f"Prochain niveau : {html.escape(suivant)}, il manque {_points(manque)}."
    lignes = "".join(
        f"<li>{_points(seuil)} → {html.escape(texte)} : "
        + ("<strong>disponible</strong>" if points >= seuil else f"<em>encore {_points(seuil - points)}</em>")
        + "</li>"
        for seuil, texte in recompenses
    )
    return HTML(
        f"""<div class="coursekit-carte" style="max-width:30em;border:2px solid {couleur};border-radius:12px;
padding:0.8em 1.2em;font-size:1.05em;line-height:1.5;background:#fbfbfb">
<div style="font-size:1.25em;font-weight:bold">Mon compte fidélité Graine de Ville</div>
<div>Statut : <strong style="color:{couleur}">{html.escape(niveau)}</strong> ·
Points disponibles : <strong>{fmt.nombre(points, 0)}</strong></div>
<div style="background:#e5e5e5;border-radius:6px;height:0.8em;margin:0.4em 0">
<div style="background:{couleur};width:{avance:.0f}%;height:100%;border-radius:6px"></div></div>
<div>{progression}</div>
<div style="margin-top:0.5em;font-weight:bold">Mes avantages</div>
<ul style="margin:0.2em 0"><li>{fmt.nombre(points_par_euro, 1)} point {_par_euro()}</li>
<li>Livraison offerte dès {fmt.monnaie(port_offert_des)} d'achat</li></ul>
<div style="font-weight:bold">Récompenses</div>
<ul style="margin:0.2em 0">{lignes}</ul></div>"""
    )


# --- Paliers et Pareto ----------------------------------------------------------------------


class SimulateurPareto(Simulateur):
    """Part du chiffre d'affaires faite par les meilleurs clients du fichier."""

    titre = "Simulateur « Les meilleurs clients »"

    def __init__(self, montants):
        self.montants = list(montants)
        self.courbe = f.courbe_pareto(self.montants)
        self.part = Curseur(
            "Part des meilleurs clients", 1, 100, 1, 5, lambda x: fmt.pourcent(x, 0), entier=True
        )
        self.elements = g.figure_pareto(self.courbe)
        self.graphique = ZoneGraphique(self.elements.figure)
        super().__init__([self.part, self.graphique, self.message])
        self.part.quand_change(self.actualiser)
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        ok, part_ca = self.calculer(lambda: f.part_du_ca(self.montants, self.part.value))
        if not ok:
            return
        x = self.part.value
        repere, point = self.elements.lignes
        repere.set_data([x, x, 0], [0, part_ca, part_ca])
        point.set_data([x], [part_ca])
        texte = self.elements.textes[0]
        texte.set_position((x + 2 if x < 70 else x - 30, part_ca - 3))
        texte.set_text(f"{fmt.pourcent(x, 0)} des clients\n→ {fmt.pourcent(part_ca)} du CA")
        self.graphique.actualiser()
        nombre_clients = max(1, round(x * len(self.montants) / 100))
        self.message.info(
            f"Les {fmt.pourcent(x, 0)} de clients qui dépensent le plus ({fmt.nombre(nombre_clients, 0)} "
            f"clients sur {fmt.nombre(len(self.montants), 0)}) font {fmt.pourcent(part_ca)} du chiffre "
            f"d'affaires, soit {_fois(part_ca / x)} leur poids dans l'effectif."
        )


# --- Parrainage -------------------------------------------------------------------------------


class SimulateurParrainage(Simulateur):
    """Coût d'un client recruté par parrainage, face au coût d'acquisition habituel."""

    titre = "Simulateur « Parrainage »"
    CAC_MIN, CAC_MAX = PARRAINAGE["cac_habituel"]["minimum"], PARRAINAGE["cac_habituel"]["maximum"]

    def __init__(self):
        self.credit_parrain = Curseur(
            "Crédit du parrain", 0, 50, 1, PARRAINAGE["credit_parrain"], fmt.monnaie, entier=True
        )
        self.credit_filleul = Curseur(
            "Crédit du filleul", 0, 50, 1, PARRAINAGE["credit_filleul"], fmt.monnaie, entier=True
        )
        self.transformation = Curseur(
            "Taux de transformation", 10, 100, 5, 90, lambda x: fmt.pourcent(x, 0), entier=True
        )
        self.elements = g.figure_parrainage(self.CAC_MIN, self.CAC_MAX)
        self.graphique = ZoneGraphique(self.elements.figure)
        super().__init__(
            [self.credit_parrain, self.credit_filleul, self.transformation, self.graphique, self.message]
        )
        for curseur in (self.credit_parrain, self.credit_filleul, self.transformation):
            curseur.quand_change(self.actualiser)
        self.actualiser()

    def actualiser(self, _changement=None) -> None:
        ok, cout = self.calculer(
            lambda: f.cout_parrainage(
                self.credit_parrain.value, self.credit_filleul.value, self.transformation.value
            )
        )
        if not ok:
            return
        self.elements.barres[0].set_height(cout)
        etiquette = self.elements.etiquettes[0]
        etiquette.set_position((0, cout))
        etiquette.set_text(fmt.monnaie(cout, None))
        self.elements.axes.set_ylim(0, max(cout, self.CAC_MAX) * 1.2)
        self.graphique.actualiser()
        self.message.info(self.phrase(cout))

    def phrase(self, cout: float) -> str:
        """Comparaison avec la fourchette de 30 à 50 €, sans trancher à la place de l'élève dans la zone grise."""
        fourchette = f"la fourchette habituelle de {fmt.monnaie(self.CAC_MIN)} à {fmt.monnaie(self.CAC_MAX)}"
        debut = (
            f"Un client recruté par parrainage coûte {fmt.monnaie(cout, None)} "
            f"({fmt.monnaie(self.credit_parrain.value)} + {fmt.monnaie(self.credit_filleul.value)} de crédits, "
            f"{fmt.pourcent(self.transformation.value, 0)} de vrais nouveaux clients)."
        )
        if cout < self.CAC_MIN:
            return debut + f" C'est moins que {fourchette} : le parrainage est nettement moins cher."
        if cout > self.CAC_MAX:
            return debut + f" C'est plus que {fourchette} : la publicité recruterait moins cher."
        return (
            debut + f" C'est dans {fourchette} : ni franchement moins cher, ni plus cher. "
            "À vous de juger : un client parrainé reste-t-il plus longtemps ?"
        )


# --- Satisfaction -------------------------------------------------------------------------------


class SimulateurNPS(Simulateur):
    """NPS à partir du nombre de réponses de chaque groupe."""

    titre = "Simulateur « NPS »"

    def __init__(self, promoteurs: int = 50, passifs: int = 30, detracteurs: int = 20, cible: float = 50):
        self.cible = cible
        self.promoteurs = Curseur(
            "Promoteurs (9 et 10)", 0, 300, 1, promoteurs, lambda x: fmt.nombre(x, 0), entier=True
        )
        self.passifs = Curseur(
            "Passifs (7 et 8)", 0, 300, 1, passifs, lambda x: fmt.nombre(x, 0), entier=True
        )
        self.detracteurs = Curseur(
            "Détracteurs (0 à 6)", 0, 300, 1, detracteurs, lambda x: fmt.nombre(x, 0), entier=True
        )
        self.elements = g.figure_nps()
        self.graphique = ZoneGraphique(self.elements.figure)
        super().__init__([self.promoteurs, self.passifs, self.detracteurs, self.graphique, self.message])
        for curseur in (self.promoteurs, self.passifs, self.detracteurs):
            curseur.quand_change(self.actualiser)
        self.actualiser()

    def calcul(self) -> dict:
        """NPS, parts de chaque groupe et effort pour atteindre la cible."""
        effectifs = (self.detracteurs.value, self.passifs.value, self.promoteurs.value)
        score = f.nps_effectifs(self.promoteurs.value, self.passifs.value, self.detracteurs.value)
        total = sum(effectifs)
        return {
            "nps": score,
            "parts": [e * 100 / total for e in effectifs],
            "total": total,
            "effort": f.effort_nps(
                self.promoteurs.value, self.passifs.value, self.detracteurs.value, self.cible
            ),
        }

    def actualiser(self, _changement=None) -> None:
        ok, resultat = self.calculer(self.calcul)
        if not ok:
            return
        for i, part in enumerate(resultat["parts"]):
            self.elements.barres[i].set_height(part)
            self.elements.etiquettes[i].set_position((i, part))
            self.elements.etiquettes[i].set_text(fmt.pourcent(part))
        self.elements.axes.set_title(
            f"NPS = {fmt.nombre(resultat['nps'], 1, signe=True)} sur {fmt.nombre(resultat['total'], 0)} réponses"
        )
        self.graphique.actualiser()
        self.message.info(self.phrase(resultat))

    def phrase(self, resultat) -> str:
        """NPS, lecture et effort pour atteindre l'objectif."""
        parts = resultat["parts"]
        debut = (
            f"NPS = {fmt.pourcent(parts[2])} de promoteurs − {fmt.pourcent(parts[0])} de détracteurs = "
            f"{fmt.nombre(resultat['nps'], 1, signe=True)}."
        )
        if resultat["effort"] == 0:
            return debut + f" L'objectif (plus de {fmt.nombre(self.cible, 0)}) est atteint."
        return debut + (
            f" Pour atteindre {fmt.nombre(self.cible, 0)}, il faudrait faire changer d'avis "
            f"{fmt.nombre(resultat['effort'], 0)} client{'s' if resultat['effort'] > 1 else ''} "
            "(en commençant par les détracteurs)."
        )


def tableau_objectifs(table: pd.DataFrame, titre: str = "Objectifs de fidélité"):
    """Affiche un tableau de ``objectifs_fidelite`` à la française (NPS en points, taux en %)."""
    vue = table[["kpi", "objectif", "realise", "ecart", "atteint"]].copy()

    def valeur(ligne, colonne):
        x = ligne[colonne]
        if ligne["kpi"] == "NPS":
            return fmt.nombre(x, 1, signe=colonne == "realise")
        return fmt.pourcent(x)

    vue["objectif"] = [
        ("plus de " if ligne["sens"] == "hausse" else "moins de ") + valeur(ligne, "objectif")
        for _, ligne in table.iterrows()
    ]
    vue["realise"] = [valeur(ligne, "realise") for _, ligne in table.iterrows()]
    vue["ecart"] = [fmt.points(x) for x in table["ecart"]]
    vue["atteint"] = ["✔ oui" if a else "✘ non" for a in table["atteint"]]
    return _html(
        tableau(
            vue,
            titre=titre,
            entetes=ENTETES["objectifs"],
        ),
        gauche=["Indicateur"],
    )


# --- Tableaux à la française pour le notebook ----------------------------------------------


def _html(styler, gauche=()) -> HTML:
    """Le tableau en HTML figé : sa représentation texte ne contient pas d'adresse mémoire (nbval la compare).

    Les colonnes de texte nommées dans ``gauche`` sont alignées à gauche, sans retour à la ligne.
    """
    if gauche:
        styler = styler.set_properties(subset=list(gauche), **{"text-align": "left", "white-space": "nowrap"})
    return HTML(styler.to_html())


def tableau_historique(historique: pd.DataFrame, titre: str = "Historique des opérations"):
    """Historique de ``simuler_points`` : numéro, opération, montant, points gagnés ou dépensés, solde."""
    vue = historique.copy()
    vue.insert(0, "numero", range(1, len(vue) + 1))
    vue["operation"] = vue["operation"].map(LIBELLES_OPERATIONS)
    return _html(
        tableau(
            vue,
            formats={
                "montant": fmt.monnaie,
                "points": lambda p: fmt.nombre(p, 0, signe=True),
                "solde": lambda p: fmt.nombre(p, 0),
            },
            titre=titre,
            entetes=ENTETES["historique"],
        ),
        gauche=["Opération"],
    )


def tableau_niveaux(table: pd.DataFrame, titre: str = "Clients et chiffre d'affaires par niveau"):
    """Tableau de ``ca_par_niveau`` à la française."""
    return _html(
        tableau(
            table,
            formats={
                "clients": lambda x: fmt.nombre(x, 0),
                "part_clients": fmt.pourcent,
                "ca": lambda x: fmt.monnaie(x, 0),
                "part_ca": fmt.pourcent,
                "depense_moyenne": lambda x: fmt.monnaie(x, 0),
            },
            titre=titre,
            entetes=ENTETES["niveaux"],
        ),
        gauche=["Niveau"],
    )


def _mois(texte: str) -> str:
    """``"2025-01"`` → ``"janv. 2025"``."""
    from datetime import date

    from babel.dates import format_date

    annee, mois = (int(x) for x in str(texte).split("-"))
    return format_date(date(annee, mois, 1), "MMM y", locale=fmt.LOCALE).replace(" ", "\xa0")


def tableau_mensuel(table: pd.DataFrame, titre: str = "Clients et fidélité, mois par mois"):
    """Tableau de ``indicateurs_mensuels`` à la française."""
    entier = lambda x: fmt.nombre(x, 0)  # noqa: E731
    return _html(
        tableau(
            table,
            formats={
                "mois": _mois,
                "clients_debut": entier,
                "nouveaux_clients": entier,
                "clients_perdus": entier,
                "clients_fin": entier,
                "clients_reachat": entier,
                "retention": fmt.pourcent,
                "attrition": fmt.pourcent,
                "reachat": fmt.pourcent,
            },
            titre=titre,
            entetes=ENTETES["mois"],
        ),
        gauche=["Mois"],
    )


def tableau_normes(titre: str = "Normes de service client"):
    """Les normes de service du cours (délai de réponse et objectif par canal)."""
    return _html(
        tableau(
            f.normes_service(),
            titre=titre,
            entetes=ENTETES["normes"],
        ),
        gauche=["Canal", "Délai de réponse", "Objectif"],
    )
