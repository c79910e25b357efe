"""Le planificateur du projet final : dix étapes, avancement, enregistrement et export."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from coursekit import format as fmt
from coursekit.affichage import COULEUR_ATTEINT, PALETTE
from coursekit.graphiques.projet import figure_avancement
from coursekit.projet import ETAPES, MOTS_MINIMUM, TYPES_PME, PlanCommunication
from coursekit.travaux import ecrire_travail, lire_travail
from coursekit.widgets.base import Simulateur, ZoneGraphique


class PlanificateurProjet(Simulateur):
    """Formulaire en dix étapes → graphique d'avancement, étapes manquantes, fichiers."""

    titre = "Mon plan de communication digitale"

    def __init__(self, plan: PlanCommunication | None = None):
        plan = plan or PlanCommunication("")
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
        super().__init__(
            [
                widgets.HBox([self.type_pme, self.entreprise], layout=widgets.Layout(flex_flow="row wrap")),
                self.piste,
                self.accordeon,
                self.graphique,
                self.message,
                fichiers,
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

    def enregistrer(self) -> Path | None:
        """Écrit le plan en JSON dans ``mes-travaux/``."""
        ok, chemin = self.calculer(
            lambda: ecrire_travail(self.fichier.value, ".json", self.plan().vers_json(), "mon-plan")
        )
        if ok:
            self.message.succes(f"Plan enregistré dans {chemin.name}.", gras="Enregistré.")
        return chemin

    def ouvrir(self) -> bool:
        """Recharge un plan enregistré ; en cas de problème, le plan à l'écran reste intact."""

        def lire():
            return PlanCommunication.depuis_json(lire_travail(self.fichier.value, ".json", "mon-plan"))

        ok, plan = self.calculer(lire)
        if not ok:
            return False
        self.entreprise.value = plan.entreprise
        for numero, champ in self.champs.items():
            champ.value = plan.reponses.get(numero, "")
        self.actualiser()
        return True

    def exporter(self) -> Path | None:
        """Écrit le plan en Markdown dans ``mes-travaux/``."""
        ok, chemin = self.calculer(
            lambda: ecrire_travail(self.fichier.value, ".md", self.plan().vers_markdown(), "mon-plan")
        )
        if ok:
            self.message.succes(f"Plan exporté dans {chemin.name}.", gras="Exporté.")
        return chemin
