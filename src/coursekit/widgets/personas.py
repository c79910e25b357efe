"""Le constructeur de persona, le relecteur de message et l'exercice « un message par persona » (chapitre 03).

Tout le calcul est dans :mod:`coursekit.personas` et :mod:`coursekit.messages` :
les widgets lisent les champs, appellent ces fonctions et affichent la fiche,
la jauge de complétude, les suggestions et les remarques. Tout texte tapé par
l'élève est échappé avant d'être affiché.
"""

from __future__ import annotations

import html
import warnings
from pathlib import Path

import ipywidgets as widgets

from coursekit import contenu
from coursekit import format as fmt
from coursekit.erreurs import ErreurSaisie
from coursekit.graphiques.personas import (
    figure_completude,
    figure_message,
    remplir_completude,
    remplir_message,
    vider_message,
)
from coursekit.messages import AnalyseMessage, analyser_message
from coursekit.personas import (
    AGE_MAXIMUM,
    CIBLES,
    HABITUDES_CONNUES,
    TITRES,
    Persona,
    page_html,
    persona_du_cours,
    suggerer_canaux_moments,
    tableau_donnees,
    tableau_du_cours,
)
from coursekit.swot import entrees_depuis_texte, texte_depuis_entrees
from coursekit.tableaux import tableau
from coursekit.travaux import Carnet, nom_affiche
from coursekit.widgets.base import (
    ChampNombre,
    Curseur,
    MessageDeChamp,
    Simulateur,
    ZoneGraphique,
    ZoneMessage,
)

DELAI_MISE_A_JOUR = 0.3
"""Pause (en secondes) après la dernière frappe avant de mettre la fiche à jour."""

_STYLE = {"description_width": "9em"}
_CHAMPS_TEXTE = ("nom", "profession", "sexe", "lieu", "taille_foyer", "etudes", "revenus")
_CHAMPS_LISTE = ("motivations", "freins", "canaux", "moments", "parcours")


def _age_lu(valeur: float) -> str:
    return "non renseigné" if valeur == 0 else f"{int(valeur)} ans"


def _etendue_lue(valeur: float) -> str:
    return "pas de tranche" if valeur == 0 else f"+ {int(valeur)} an" + ("s" if valeur > 1 else "")


def _zone(placeholder: str, hauteur: str = "5.2em") -> widgets.Textarea:
    return widgets.Textarea(
        placeholder=placeholder,
        continuous_update=True,
        layout=widgets.Layout(width="98%", height=hauteur),
    )


def _avec_titre(
    titre: str, zone: widgets.Widget, aide: str = "", erreurs: dict | None = None, champ: str = ""
) -> widgets.VBox:
    """La zone sous son titre ; avec ``champ``, une erreur qui nomme ce champ (« … (freins) … »)
    s'affiche juste sous la zone (rangée dans ``erreurs[champ]``)."""
    suite = f" <span style='color:#555'>({html.escape(aide)})</span>" if aide else ""
    boite = widgets.VBox([widgets.HTML(f"<b>{html.escape(titre)}</b>{suite}"), zone])
    if champ:
        erreurs[champ] = MessageDeChamp(boite, f"({champ})", efface_si_juste=True)
        boite.children = [*boite.children, erreurs[champ]]
    return boite


class ConstructeurPersona(Simulateur):
    """Formulaire → fiche persona (HTML échappé), jauge de complétude, canaux et moments suggérés, fichiers."""

    titre = "Constructeur de persona"

    def __init__(self, persona: Persona | None = None, delai: float = DELAI_MISE_A_JOUR):
        self.delai = delai
        self.mise_a_jour = self.differer(self.actualiser, delai)
        self._chargement = False
        self._derniere_jauge: tuple | None = None
        self.carnet = Carnet("persona")

        def texte(description: str, placeholder: str) -> widgets.Text:
            return widgets.Text(
                description=description,
                placeholder=placeholder,
                continuous_update=True,
                style=_STYLE,
                layout=widgets.Layout(width="98%"),
            )

        self.nom = texte("Prénom", "ex. Inès")
        self.profession = texte("Profession", "ex. jeune active, cheffe de projet")
        self.sexe = texte("Sexe", "femme, homme, les deux")
        self.lieu = texte("Lieu de vie", "ex. Lyon, centre-ville")
        self.taille_foyer = texte("Foyer", "ex. en couple, sans enfant")
        self.etudes = texte("Études", "ex. bac + 3")
        self.revenus = texte("Revenus", "ex. 1 800 € net par mois")
        self.cible = widgets.ToggleButtons(
            options=list(CIBLES), value="B2C", description="Cible", style={"description_width": "9em"}
        )
        self.age = Curseur("Âge", 0, 120, 1, 0, _age_lu, entier=True)
        self.etendue = Curseur("Étendue de la tranche", 0, 60, 1, 0, _etendue_lue, entier=True)
        self.budget = ChampNombre(
            "Budget moyen", libelle="Le budget moyen", unite=f"{fmt.symbole_devise()} par achat"
        )
        # dans une demi-largeur d'écran, la valeur lue (« non renseigné ») et l'unité passent à la
        # ligne plutôt que d'être coupées par le bord de la colonne
        for ligne in (self.age, self.etendue, self.budget):
            ligne.layout.flex_flow = "row wrap"
        self.budget.champ.layout.width = "17em"
        self.budget.champ.style.description_width = "8em"
        self.habitudes = {
            nom: widgets.Checkbox(
                value=False, description=nom, indent=False, layout=widgets.Layout(width="auto")
            )
            for nom in HABITUDES_CONNUES
        }
        self.autres_habitudes = _zone(
            "Les habitudes cochées s'écrivent ici ; ajoutez les vôtres, une par ligne (ex. écoute des podcasts)",
            "4.6em",
        )
        self.motivations = _zone("Une motivation par ligne : ce qui pousse à acheter")
        self.freins = _zone("Un frein par ligne : ce qui fait hésiter")
        self.canaux = _zone("Un canal par ligne (ou cliquez sur « Reprendre les suggestions »)")
        self.moments = _zone("Un moment par ligne (ex. le soir, de 19 h à 22 h)")
        self.parcours = _zone("Une étape par ligne, dans l'ordre (ex. découverte sur TikTok)")
        self.bouton_suggestions = widgets.Button(
            description="Reprendre les suggestions", icon="magic", layout=widgets.Layout(width="auto")
        )
        self.suggestions = widgets.HTML()
        self.carte = widgets.HTML()
        self.figure, self.elements = figure_completude()
        self.graphique = ZoneGraphique(self.figure)
        self.fichier = widgets.Text(
            value="mon-persona",
            description="Nom du fichier",
            style=_STYLE,
            layout=widgets.Layout(width="24em"),
        )
        self.bouton_enregistrer = widgets.Button(description="Enregistrer", icon="save")
        self.bouton_ouvrir = widgets.Button(description="Ouvrir", icon="folder-open")
        self.bouton_exporter = widgets.Button(description="Exporter la fiche (.html)", icon="download")
        self.bouton_exporter.layout.width = "auto"
        self.message_fichier = ZoneMessage()

        # Une erreur qui nomme une liste (« … (freins) … ») s'affiche juste sous sa zone de texte.
        self.erreurs: dict[str, MessageDeChamp] = {}
        habitudes_tapees = widgets.VBox([self.autres_habitudes], layout=widgets.Layout(width="100%"))
        self.erreurs["habitudes_digitales"] = MessageDeChamp(
            habitudes_tapees, "(habitudes_digitales)", efface_si_juste=True
        )
        habitudes_tapees.children = [self.autres_habitudes, self.erreurs["habitudes_digitales"]]
        grille_habitudes = widgets.GridBox(
            list(self.habitudes.values()),
            # autant de colonnes que la largeur en permet : au projecteur (police agrandie), deux au lieu de trois
            layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(12em, 1fr))", grid_gap="0 1em", width="100%"
            ),
        )
        formulaire = widgets.VBox(
            [
                widgets.HTML("<b>Qui est-ce ?</b>"),
                self.nom,
                self.profession,
                self.age,
                self.etendue,
                self.cible,
                widgets.HTML("<b>Critères socio-démographiques</b>"),
                self.sexe,
                self.lieu,
                self.taille_foyer,
                self.etudes,
                self.revenus,
                widgets.HTML("<b>Habitudes digitales</b> (cochez, puis ajoutez les vôtres)"),
                grille_habitudes,
                habitudes_tapees,
            ],
            layout=widgets.Layout(width="100%"),
        )
        comportement = widgets.GridBox(
            [
                _avec_titre("Motivations", self.motivations, "", self.erreurs, "motivations"),
                _avec_titre("Freins", self.freins, "", self.erreurs, "freins"),
                _avec_titre("Canaux préférés", self.canaux, "", self.erreurs, "canaux"),
                _avec_titre("Moments de consultation", self.moments, "", self.erreurs, "moments"),
                _avec_titre(
                    "Parcours d'achat", self.parcours, "une étape par ligne", self.erreurs, "parcours"
                ),
                widgets.VBox([widgets.HTML("<b>Budget</b>"), self.budget]),
            ],
            layout=widgets.Layout(grid_template_columns="1fr 1fr", grid_gap="0.3em 1em", width="100%"),
        )
        colonnes = widgets.GridBox(
            [formulaire, widgets.VBox([self.carte], layout=widgets.Layout(width="100%"))],
            layout=widgets.Layout(grid_template_columns="1fr 1fr", grid_gap="0 1.2em", width="100%"),
        )
        fichiers = widgets.HBox(
            [self.fichier, self.bouton_enregistrer, self.bouton_ouvrir, self.bouton_exporter],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        super().__init__(
            [
                colonnes,
                comportement,
                self.graphique,
                self.message,
                self.suggestions,
                self.bouton_suggestions,
                fichiers,
                self.message_fichier,
            ]
        )
        for zone in (
            self.nom,
            self.profession,
            self.sexe,
            self.lieu,
            self.taille_foyer,
            self.etudes,
            self.revenus,
            self.motivations,
            self.freins,
            self.canaux,
            self.moments,
            self.parcours,
        ):
            zone.observe(self._quand_frappe, names="value")
        self.autres_habitudes.observe(self._quand_habitudes_tapees, names="value")
        for case in self.habitudes.values():
            case.observe(self._quand_case, names="value")
        self.cible.observe(self._quand_choix, names="value")
        self.age.quand_change(self._quand_choix)
        self.etendue.quand_change(self._quand_choix)
        self.budget.quand_change(self._quand_choix)
        self.bouton_suggestions.on_click(lambda _b: self.reprendre_suggestions())
        self.bouton_enregistrer.on_click(lambda _b: self.enregistrer())
        self.bouton_ouvrir.on_click(lambda _b: self.ouvrir())
        self.bouton_exporter.on_click(lambda _b: self.exporter_html())
        if persona is not None:
            self.remplir(persona)
        self.actualiser()

    # --- lecture -------------------------------------------------------------------------------

    def habitudes_cochees(self) -> list[str]:
        """Les habitudes digitales saisies, dans l'ordre de la liste (les cases cochées y sont écrites)."""
        return entrees_depuis_texte(self.autres_habitudes.value)

    def _quand_case(self, changement) -> None:
        """Cocher une habitude l'écrit dans la liste ; la décocher l'en retire (le reste ne bouge pas)."""
        if self._chargement:
            return
        nom = changement["owner"].description
        lignes = entrees_depuis_texte(self.autres_habitudes.value)
        sans = [ligne for ligne in lignes if ligne.casefold() != nom.casefold()]
        nouvelles = [*sans, nom] if changement["new"] else sans
        if nouvelles != lignes:
            self._chargement = True
            try:
                self.autres_habitudes.value = texte_depuis_entrees(nouvelles)
            finally:
                self._chargement = False
        self.actualiser()

    def _cocher_selon_liste(self) -> None:
        """Coche les cases des habitudes écrites dans la liste (sans relancer de mise à jour)."""
        lignes = {ligne.casefold() for ligne in entrees_depuis_texte(self.autres_habitudes.value)}
        ancien, self._chargement = self._chargement, True
        try:
            for nom, case in self.habitudes.items():
                case.value = nom.casefold() in lignes
        finally:
            self._chargement = ancien

    def _quand_habitudes_tapees(self, _changement=None) -> None:
        if self._chargement:
            return
        self._cocher_selon_liste()
        self._quand_frappe()

    def lire_age(self) -> int | tuple[int, int] | None:
        """L'âge réglé : un nombre, une tranche (âge + étendue) ou ``None`` (curseur « Âge » à 0)."""
        age, etendue = int(self.age.value), int(self.etendue.value)
        if age == 0:
            if etendue:
                raise ErreurSaisie(
                    "Réglez d'abord l'âge (le début de la tranche), puis l'étendue de la tranche d'âge."
                )
            return None
        if etendue == 0:
            return age
        if age + etendue > AGE_MAXIMUM:
            raise ErreurSaisie(
                f"La tranche d'âge irait de {age} à {age + etendue} ans : elle ne peut pas dépasser "
                f"{AGE_MAXIMUM} ans. Réduisez l'étendue ou l'âge."
            )
        return (age, age + etendue)

    def persona(self) -> Persona:
        """Le persona tel qu'il est saisi (une :class:`~coursekit.ErreurSaisie` si une saisie est impossible)."""
        budget = self.budget.lire() if self.budget.value.strip() else None
        if budget is not None and budget < 0:  # le message du calculateur nomme le paramètre (budget)
            raise ErreurSaisie("Le budget moyen ne peut pas être négatif : tapez un montant positif, ou 0.")
        return Persona(
            nom=self.nom.value,
            age=self.lire_age(),
            profession=self.profession.value,
            habitudes_digitales=self.habitudes_cochees(),
            motivations=entrees_depuis_texte(self.motivations.value),
            freins=entrees_depuis_texte(self.freins.value),
            canaux=entrees_depuis_texte(self.canaux.value),
            moments=entrees_depuis_texte(self.moments.value),
            budget=budget,
            parcours=entrees_depuis_texte(self.parcours.value),
            sexe=self.sexe.value,
            lieu=self.lieu.value,
            taille_foyer=self.taille_foyer.value,
            etudes=self.etudes.value,
            revenus=self.revenus.value,
            cible=self.cible.value,
        )

    def saisie(self) -> dict:
        """La fiche telle qu'elle est tapée, même incomplète ou pas encore valide (ce qu'on enregistre).

        Mêmes clés que :meth:`Persona.vers_dict` ; l'âge est celui des curseurs (une tranche
        impossible reste une tranche), le budget est un nombre, ou le texte tapé s'il n'en est pas un.
        """
        age, etendue = int(self.age.value), int(self.etendue.value)
        try:
            budget = self.budget.lire() if self.budget.value.strip() else None
        except ErreurSaisie:
            budget = self.budget.value
        if not isinstance(budget, str) and budget is not None and budget < 0:
            budget = self.budget.value
        saisie = {champ: getattr(self, champ).value for champ in _CHAMPS_TEXTE}
        saisie.update({champ: entrees_depuis_texte(getattr(self, champ).value) for champ in _CHAMPS_LISTE})
        saisie["habitudes_digitales"] = self.habitudes_cochees()
        saisie["age"] = (None if age == 0 else age) if etendue == 0 else [age, age + etendue]
        saisie["budget"] = budget
        saisie["cible"] = self.cible.value
        return saisie

    def remplir(self, persona: Persona) -> None:
        """Met un persona dans le formulaire (sans mise à jour intermédiaire)."""
        self.remplir_saisie(persona.vers_dict())

    def remplir_saisie(self, saisie: dict) -> None:
        """Remet une saisie (:meth:`saisie`, déjà validée par :mod:`coursekit.travaux`) dans le formulaire."""
        if isinstance(saisie["age"], list):
            age, etendue = saisie["age"][0], saisie["age"][1] - saisie["age"][0]
        else:
            age, etendue = (saisie["age"] or 0), 0
        budget = saisie["budget"]
        self._chargement = True
        try:
            for champ in _CHAMPS_TEXTE:
                getattr(self, champ).value = saisie[champ]
            for champ in _CHAMPS_LISTE:
                getattr(self, champ).value = texte_depuis_entrees(saisie[champ])
            self.autres_habitudes.value = texte_depuis_entrees(saisie["habitudes_digitales"])
            self._cocher_selon_liste()
            self.cible.value = saisie["cible"]
            self.age.value = age
            self.etendue.value = etendue
            self.budget.value = (
                ""
                if budget is None
                else budget
                if isinstance(budget, str)
                else fmt.nombre(fmt.convertir(budget), 10)
            )
        finally:
            self._chargement = False

    # --- mise à jour ---------------------------------------------------------------------------

    def _quand_frappe(self, _changement=None) -> None:
        """Une frappe relance un court minuteur : la fiche se met à jour quand l'élève fait une pause."""
        if not self._chargement:
            self.mise_a_jour.demander()

    def _quand_choix(self, _changement=None) -> None:
        if not self._chargement:
            self.actualiser()

    async def attendre(self) -> None:
        """Attend la fin de la mise à jour différée en cours (utile aux tests, dans la boucle d'événements)."""
        await self.mise_a_jour.attendre()

    def actualiser(self, _changement=None) -> None:
        """Relit le formulaire ; met à jour la fiche, la jauge, les suggestions et la phrase."""
        ok, persona = self.calculer(self.persona)
        if not ok:
            return  # le message dit quoi corriger ; la fiche affichée et les saisies restent en place
        self.carte.value = persona.carte_html()
        jauge = (persona.nom, *persona.completude_par_groupe().values())
        if jauge != self._derniere_jauge:
            remplir_completude(self.elements, persona)
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Glyph .* missing from font")
                self.graphique.actualiser()
            self._derniere_jauge = jauge
        self.suggestions.value = self._html_suggestions(persona)
        self._phrase(persona)

    def _phrase(self, persona: Persona) -> None:
        nom = persona.nom.strip() or "Persona sans prénom"
        qui = ", ".join(t for t in (nom, persona.age_texte(), persona.cible) if t)
        if persona.completude() >= 100:
            self.message.succes(
                f"{qui} : tous les critères sont renseignés. Relisez la fiche : chaque ligne doit aider à "
                "choisir un canal, un moment ou un message.",
                gras="Fiche complète.",
            )
        else:
            self.message.info(persona.bilan_completude(), gras=f"{qui} :")

    @staticmethod
    def _html_suggestions(persona: Persona) -> str:
        suggestions = suggerer_canaux_moments(persona.habitudes_digitales, persona.cible)
        if not suggestions.canaux:
            return (
                "<div class='coursekit-suggestions' style='color:#555;font-style:italic'>Cochez des "
                "habitudes digitales : les canaux et les moments de consultation conseillés s'afficheront ici.</div>"
            )

        def liste(elements) -> str:
            return "".join(
                f"<li><b>{html.escape(s.nom)}</b> : {html.escape(s.raison)}</li>" for s in elements
            )

        return (
            "<div class='coursekit-suggestions' style='font-size:1.05em;line-height:1.4'>"
            "<h4 style='margin:0.3em 0'>Canaux suggérés d'après les habitudes</h4>"
            f"<ul style='margin:0.2em 0'>{liste(suggestions.canaux)}</ul>"
            "<h4 style='margin:0.3em 0'>Moments de consultation suggérés</h4>"
            f"<ul style='margin:0.2em 0'>{liste(suggestions.moments)}</ul></div>"
        )

    def reprendre_suggestions(self) -> bool:
        """Ajoute les canaux et moments suggérés qui manquent (ce qui est déjà écrit est gardé)."""
        ok, persona = self.calculer(self.persona)
        if not ok:
            return False
        suggestions = suggerer_canaux_moments(persona.habitudes_digitales, persona.cible)
        self._chargement = True
        try:
            for zone, deja, nouveaux in (
                (self.canaux, persona.canaux, suggestions.noms_canaux),
                (self.moments, persona.moments, suggestions.noms_moments),
            ):
                ajouts = [n for n in nouveaux if n.casefold() not in {d.casefold() for d in deja}]
                if ajouts:
                    zone.value = texte_depuis_entrees([*deja, *ajouts])
        finally:
            self._chargement = False
        self.actualiser()
        return True

    # --- fichiers -------------------------------------------------------------------------------

    def _fichier_protege(self, action):
        """Exécute une action sur fichier ; toute erreur devient une phrase française, rien n'est effacé."""
        try:
            return action()
        except ErreurSaisie as erreur:
            self.message_fichier.erreur(str(erreur))
        return None

    def enregistrer(self) -> Path | None:
        """Écrit la fiche telle qu'elle est tapée dans ``mes-travaux/persona/`` ; rend le chemin, ou ``None``.

        Une fiche pas encore valide (budget « vingt-cinq », tranche d'âge impossible) est enregistrée
        comme brouillon : elle se rouvre telle quelle, avec le même message à corriger.
        """

        def ecrire() -> Path:
            chemin = self.carnet.enregistrer(self.fichier.value, self.saisie())
            try:
                self.persona()
            except ErreurSaisie as probleme:
                self.message_fichier.info(
                    f"Brouillon enregistré dans {nom_affiche(chemin)}, tel que vous l'avez tapé. "
                    f"Il reste à corriger : {probleme}",
                    gras="C'est fait.",
                )
            else:
                self.message_fichier.succes(
                    f"Fiche enregistrée dans {nom_affiche(chemin)}.", gras="C'est fait."
                )
            return chemin

        return self._fichier_protege(ecrire)

    def ouvrir(self) -> bool:
        """Recharge une fiche enregistrée (brouillon compris) ; en cas de problème, l'écran reste intact."""
        conseil = "(enregistrez d'abord votre fiche avec le bouton « Enregistrer »)"
        travail = self._fichier_protege(lambda: self.carnet.ouvrir(self.fichier.value, conseil))
        if travail is None:
            return False
        self.remplir_saisie(travail.contenu)
        self.actualiser()
        try:
            self.persona()
        except ErreurSaisie as probleme:
            phrase = self.carnet.annonce_ouverture(travail, "Brouillon relu")
            self.message_fichier.info(f"{phrase} Il reste à corriger : {probleme}", gras="Ouvert.")
        else:
            self.message_fichier.succes(self.carnet.annonce_ouverture(travail, "Fiche relue"), gras="Ouvert.")
        return True

    def exporter_html(self) -> Path | None:
        """Écrit la fiche dans une page HTML de ``mes-travaux/persona/`` (à ouvrir dans un navigateur)."""

        def ecrire() -> Path:
            page = page_html(self.persona())
            chemin = self.carnet.exporter(self.fichier.value, ".html", page, "Exporter la fiche (.html)")
            self.message_fichier.succes(f"Fiche exportée dans {nom_affiche(chemin)}.", gras="C'est fait.")
            return chemin

        return self._fichier_protege(ecrire)


# --- relire un message ----------------------------------------------------------------------------


def html_analyse(analyse: AnalyseMessage) -> str:
    """Les remarques d'une analyse en liste HTML ✔ / ✘ (texte échappé)."""
    couleur = "#00664a" if analyse.score >= 80 else ("#8a5a00" if analyse.score >= 50 else "#a33a00")
    lignes = "".join(
        f"<li style='margin:0.15em 0;color:{'#00664a' if r.ok else '#a33a00'}'>"
        f"{'✔' if r.ok else '✘'} <b>{html.escape(r.titre)}</b> : {html.escape(r.texte)}</li>"
        for r in analyse.remarques
    )
    return (
        f"<div class='coursekit-analyse' style='font-size:1.05em'><b style='color:{couleur}'>"
        f"{html.escape(analyse.verdict)} : {analyse.score}/100</b> "
        f"<span style='color:#555'>({analyse.nombre_mots} mots, cible {analyse.cible})</span>"
        f"<ul style='list-style:none;padding-left:0.3em;margin:0.2em 0'>{lignes}</ul></div>"
    )


class RelecteurMessage(Simulateur):
    """Un message et sa cible → score par critère (graphique mis à jour sur place) et remarques."""

    titre = "Relecteur de message"

    def __init__(self, texte: str = "", cible: str = "B2C", delai: float = DELAI_MISE_A_JOUR):
        self.delai = delai
        self.mise_a_jour = self.differer(self.actualiser, delai)
        self.texte = widgets.Textarea(
            value=texte,
            placeholder="Écrivez ici votre message (une accroche, une publication, l'objet d'un e-mail…)",
            continuous_update=True,
            layout=widgets.Layout(width="98%", height="5em"),
        )
        self.cible = widgets.ToggleButtons(options=list(CIBLES), value=cible, description="Cible")
        self.figure, self.elements = figure_message()
        self.graphique = ZoneGraphique(self.figure)
        self.remarques = widgets.HTML()
        super().__init__([self.texte, self.cible, self.graphique, self.message, self.remarques])
        self.texte.observe(self._quand_frappe, names="value")
        self.cible.observe(self.actualiser, names="value")
        self.actualiser()

    def _quand_frappe(self, _changement=None) -> None:
        self.mise_a_jour.demander()

    async def attendre(self) -> None:
        """Attend la fin de la mise à jour différée en cours (utile aux tests, dans la boucle d'événements)."""
        await self.mise_a_jour.attendre()

    def actualiser(self, _changement=None) -> None:
        """Relit le message et met à jour le graphique, la phrase et les remarques."""
        if not self.texte.value.strip():
            vider_message(self.elements)
            self.graphique.actualiser()
            self.remarques.value = ""
            self.message.info(
                "écrivez un message, ses points forts et ses points faibles s'afficheront ici.",
                gras="Pour commencer :",
            )
            return
        ok, analyse = self.calculer(lambda: analyser_message(self.texte.value, self.cible.value))
        if not ok:
            return
        remplir_message(self.elements, analyse)
        self.graphique.actualiser()
        self.remarques.value = html_analyse(analyse)
        a_revoir = analyse.a_revoir
        if not a_revoir:
            self.message.succes(
                f"{analyse.score}/100 : bénéfice clair, mots simples, un détail qui fait la différence.",
                gras=f"{analyse.verdict}.",
            )
        else:
            titres = ", ".join(r.titre.lower() for r in a_revoir)
            self.message.info(
                f"{analyse.score}/100 pour une cible {analyse.cible}. À retravailler : {titres}.",
                gras=f"{analyse.verdict}.",
            )


# --- exercice : un message par persona ------------------------------------------------------------


SCHEMA_EXERCICE_MESSAGES = {
    "type": "object",
    "required": ["personas", "messages_du_professeur"],
    "additionalProperties": False,
    "properties": {
        "personas": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "messages_du_professeur": {
            "type": "object",
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    },
}


def _exercice_messages() -> dict:
    return contenu.section("03", "exercice_messages", SCHEMA_EXERCICE_MESSAGES)


def personas_exercice() -> tuple[Persona, ...]:
    """Les personas de l'exercice « un message par persona » (fichier de contenu du chapitre 03)."""
    return tuple(persona_du_cours(nom) for nom in _exercice_messages()["personas"])


def messages_du_professeur() -> list[tuple[Persona, str]]:
    """Pour la cellule « solution » : chaque persona de l'exercice et le message proposé par le professeur."""
    messages = _exercice_messages()["messages_du_professeur"]
    return [
        (persona_du_cours(nom), messages[nom]) for nom in _exercice_messages()["personas"] if nom in messages
    ]


def vue_tableau(nom: str):
    """Un tableau du chapitre 03 (``"tableau_criteres"``, ``"tableau_b2c_b2b"``) prêt à afficher."""
    donnees = tableau_du_cours(nom)
    return tableau(tableau_donnees(nom), titre=donnees["titre"], entetes=dict(donnees["entetes"]))


def resume_persona(persona: Persona) -> str:
    """Quelques lignes HTML (échappées) pour présenter un persona au-dessus d'un exercice."""
    entete = " · ".join(t for t in (persona.nom, persona.age_texte(), persona.profession, persona.cible) if t)
    motivations = ", ".join(persona.motivations[:3])
    freins = ", ".join(persona.freins[:2])
    return (
        f"<div style='border-left:4px solid #0072B2;padding-left:0.6em;margin-top:0.6em'>"
        f"<b>{html.escape(entete)}</b><br>"
        f"<span style='color:#333'>Veut : {html.escape(motivations)}. Hésite à cause de : "
        f"{html.escape(freins)}.</span></div>"
    )


class ExerciceMessages(widgets.VBox):
    """Trois personas, trois messages : chaque message reçoit son analyse (score et remarques)."""

    def __init__(self, personas: tuple[Persona, ...] | None = None):
        self.personas = tuple(personas) if personas is not None else personas_exercice()
        self.zones: list[widgets.Textarea] = []
        self.retours: list[widgets.HTML] = []
        self.erreurs: list[MessageDeChamp] = []
        blocs = []
        for persona in self.personas:
            zone = widgets.Textarea(
                placeholder=f"Votre message pour {persona.nom} ({persona.cible})",
                layout=widgets.Layout(width="98%", height="4.5em"),
            )
            retour = widgets.HTML()
            bloc = widgets.VBox([widgets.HTML(resume_persona(persona)), zone])
            erreur = MessageDeChamp(bloc)
            bloc.children = [*bloc.children, erreur, retour]
            self.zones.append(zone)
            self.retours.append(retour)
            self.erreurs.append(erreur)
            blocs.append(bloc)
        self.bouton = widgets.Button(description="Analyser mes messages", button_style="primary")
        self.bouton.layout.width = "auto"
        self.bilan = ZoneMessage()
        self.bouton.on_click(lambda _b: self.verifier())
        super().__init__([*blocs, self.bouton, self.bilan])
        self.add_class("coursekit-exercice")

    def verifier(self) -> list[AnalyseMessage | None]:
        """Analyse chaque message avec la cible de son persona ; un message vide reçoit une consigne."""
        analyses: list[AnalyseMessage | None] = []
        for persona, zone, retour, erreur in zip(
            self.personas, self.zones, self.retours, self.erreurs, strict=True
        ):
            try:
                analyse = analyser_message(zone.value, persona.cible)
            except ErreurSaisie as probleme:
                erreur.signaler(f"{probleme} (message pour {persona.nom})")
                retour.value = ""
                analyses.append(None)
                continue
            erreur.signaler(None)
            retour.value = html_analyse(analyse)
            analyses.append(analyse)
        ecrits = [a for a in analyses if a is not None]
        efficaces = sum(a.score >= 80 for a in ecrits)
        total = len(self.personas)
        if len(ecrits) < total:
            self.bilan.info(
                f"{len(ecrits)} message{'s' if len(ecrits) > 1 else ''} sur {total} écrit"
                f"{'s' if len(ecrits) > 1 else ''} : complétez les autres, un par persona."
            )
        elif efficaces == total:
            self.bilan.succes(
                "Les trois messages parlent bénéfice, avec les mots de leur cible.", gras="Bravo !"
            )
        else:
            self.bilan.info(
                f"{efficaces} message{'s' if efficaces > 1 else ''} efficace{'s' if efficaces > 1 else ''} "
                f"sur {total}. Lisez les remarques en rouge, réécrivez, puis analysez de nouveau."
            )
        return analyses

    def __repr__(self) -> str:
        return "Exercice : un message pour chacun des trois personas (exécutez le notebook pour répondre)"


__all__ = [
    "ConstructeurPersona",
    "ExerciceMessages",
    "RelecteurMessage",
    "TITRES",
    "html_analyse",
    "messages_du_professeur",
    "personas_exercice",
    "vue_tableau",
]
