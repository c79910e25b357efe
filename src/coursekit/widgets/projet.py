"""Le planificateur du projet final : dix étapes, avancement, enregistrement et export."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ATTEINT, PALETTE
from coursekit.erreurs import ErreurSaisie
from coursekit.graphiques.projet import figure_avancement
from coursekit.projet import ETAPES, MOTS_MINIMUM, TYPES_PME, PlanCommunication
from coursekit.travaux import Carnet, nom_affiche
from coursekit.widgets.base import Simulateur, ZoneGraphique, ZoneMessage


class PlanificateurProjet(Simulateur):
    """Formulaire en dix étapes → graphique d'avancement, étapes manquantes, fichiers."""

    titre = "Mon plan de communication digitale"

    def __init__(self, plan: PlanCommunication | None = None):
        plan = plan or PlanCommunication("")
        self.carnet = Carnet("plan")
        self.type_pme = widgets.Dropdown(
            options=list(TYPES_PME),
            description="Type de PME",
            style={"description_width": "10em"},
            # Largeur fixée : sans elle, la liste se réduisait à « Cc▾ » dans Voilà.
            layout=widgets.Layout(width="40em", max_width="100%"),
        )
        self.entreprise = widgets.Text(
            value=plan.entreprise,
            description="Entreprise",
            placeholder="le nom de votre PME",
            style={"description_width": "10em"},
            layout=widgets.Layout(width="30em", max_width="100%"),
        )
        self.champs = {}
        for e in ETAPES:
            self.champs[e.numero] = widgets.Textarea(
                value=plan.reponses.get(e.numero, ""),
                placeholder=e.question,
                continuous_update=False,
                layout=widgets.Layout(width="95%", height="6em"),
            )
        self.accordeon = widgets.Accordion(
            children=[
                widgets.VBox([widgets.HTML(f"<em>{e.question}</em>"), self.champs[e.numero]]) for e in ETAPES
            ],
            titles=tuple(f"{e.numero}. {e.titre}" for e in ETAPES),
        )
        self.piste = widgets.HTML()
        self.figure, self.axes, self.barres = figure_avancement([e.titre for e in ETAPES], MOTS_MINIMUM)
        self.graphique = ZoneGraphique(self.figure)
        self.fichier = widgets.Text(
            value="mon-plan", description="Nom du fichier", style={"description_width": "10em"}
        )
        self.bouton_enregistrer = widgets.Button(description="Enregistrer", icon="save")
        self.bouton_ouvrir = widgets.Button(description="Ouvrir")
        self.bouton_exporter = widgets.Button(description="Exporter en Markdown")
        fichiers = widgets.HBox(
            [self.fichier, self.bouton_enregistrer, self.bouton_ouvrir, self.bouton_exporter]
        )
        self.message_fichier = ZoneMessage()
        super().__init__(
            [
                widgets.HBox([self.type_pme, self.entreprise], layout=widgets.Layout(flex_flow="row wrap")),
                self.piste,
                self.accordeon,
                self.graphique,
                self.message,
                fichiers,
                self.message_fichier,
            ]
        )
        self.type_pme.observe(self._piste, names="value")
        self.entreprise.observe(self.actualiser, names="value")
        for champ in self.champs.values():
            champ.observe(self.actualiser, names="value")
        self.bouton_enregistrer.on_click(lambda _b: self.enregistrer())
        self.bouton_ouvrir.on_click(lambda _b: self.ouvrir())
        self.bouton_exporter.on_click(lambda _b: self.exporter())
        self._piste()
        self.actualiser()

    def _piste(self, _changement=None) -> None:
        self.piste.value = (
            f"<p>Pistes pour ce type d'entreprise : <strong>{TYPES_PME[self.type_pme.value]}</strong>.</p>"
        )

    def plan(self) -> PlanCommunication:
        """Le plan tel qu'il est saisi."""
        return PlanCommunication(self.entreprise.value, {n: c.value for n, c in self.champs.items()})

    def actualiser(self, _changement=None) -> None:
        ok, plan = self.calculer(self.plan)
        if not ok:
            return
        plus_long = MOTS_MINIMUM * 2
        for e, barre in zip(ETAPES, self.barres, strict=True):
            mots = len(plan.reponses.get(e.numero, "").split())
            barre.set_width(mots)
            barre.set_color(COULEUR_ATTEINT if plan.etape_complete(e.numero) else PALETTE["gris"])
            plus_long = max(plus_long, mots)
        self.axes.set_xlim(0, plus_long * 1.1)
        self.graphique.actualiser()
        manquantes = plan.etapes_manquantes()
        if not manquantes:
            self.message.succes(
                "Les dix étapes sont rédigées : relisez le plan en entier, puis exportez-le.",
                gras="Plan complet.",
            )
        else:
            faites = len(ETAPES) - len(manquantes)
            suivante = manquantes[0]
            self.message.info(
                f"Avancement : {fmt.pourcent(plan.avancement())} ({faites} étape{'s' if faites > 1 else ''} sur "
                f"{len(ETAPES)}). Prochaine étape : « {suivante.titre} ». {suivante.question} "
                f"Une étape compte comme rédigée à partir de {MOTS_MINIMUM} mots."
            )

    def contenu(self) -> dict:
        """Ce qui est enregistré : le plan tel qu'il est tapé et le type de PME choisi."""
        return {**self.plan().vers_dict(), "type_pme": self.type_pme.value}

    def _fichier_protege(self, action):
        """Exécute une action sur fichier ; toute erreur devient une phrase française, rien n'est effacé."""
        try:
            return action()
        except ErreurSaisie as erreur:
            self.message_fichier.erreur(str(erreur))
        return None

    def enregistrer(self) -> Path | None:
        """Écrit le plan dans ``mes-travaux/plan/`` ; un autre fichier du même nom n'est remplacé qu'au second clic."""

        def ecrire() -> Path:
            chemin = self.carnet.enregistrer(self.fichier.value, self.contenu())
            self.message_fichier.succes(f"Plan enregistré dans {nom_affiche(chemin)}.", gras="Enregistré.")
            return chemin

        return self._fichier_protege(ecrire)

    def ouvrir(self) -> bool:
        """Recharge un plan enregistré ; en cas de problème, le plan à l'écran reste intact."""

        def lire():
            travail = self.carnet.ouvrir(self.fichier.value, "(enregistrez d'abord votre plan)")
            return travail, PlanCommunication.depuis_dict(travail.contenu)

        lu = self._fichier_protege(lire)
        if lu is None:
            return False
        travail, plan = lu
        if travail.contenu.get("type_pme") in TYPES_PME:
            self.type_pme.value = travail.contenu["type_pme"]
        self.entreprise.value = plan.entreprise
        for numero, champ in self.champs.items():
            champ.value = plan.reponses.get(numero, "")
        self.actualiser()
        self.message_fichier.succes(self.carnet.annonce_ouverture(travail, "Plan relu"), gras="Ouvert.")
        return True

    def exporter(self) -> Path | None:
        """Écrit le plan en Markdown dans ``mes-travaux/plan/``."""

        def ecrire() -> Path:
            texte = self.plan().vers_markdown()
            chemin = self.carnet.exporter(self.fichier.value, ".md", texte, "Exporter en Markdown")
            self.message_fichier.succes(f"Plan exporté dans {nom_affiche(chemin)}.", gras="Exporté.")
            return chemin

        return self._fichier_protege(ecrire)
