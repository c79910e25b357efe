"""Coût d'une mise à jour dans le noyau, sans navigateur : ms par valeur de curseur, par simulateur.

Pour chaque simulateur des chapitres 00 à 10, chaque curseur (:class:`coursekit.widgets.base.Curseur`)
reçoit une suite de valeurs réparties sur sa plage, comme pendant un glisser ; on mesure avec
``time.perf_counter`` le chemin complet d'un changement : observateurs, calcul, mise à jour du
graphique, dessin Agg et encodage PNG. Le tout tourne dans une boucle asyncio, comme dans un noyau :
les dessins prennent donc le chemin rapide (mise en page figée pendant le geste).

    python -m benchmarks.cout_mise_a_jour            # tous les simulateurs
    python -m benchmarks.cout_mise_a_jour -k 04 07   # ceux dont le nom contient « 04 » ou « 07 »

Objectif : ≤ 30 ms par mise à jour pour chaque curseur (le glisser à 15 mises à jour par seconde
demande moins de 60 ms de bout en bout, aller-retour du navigateur compris).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time

CPU = True
"""Mesurer le temps processeur du noyau (``time.process_time``) plutôt que le temps écoulé :
sur une machine partagée, le temps écoulé compte aussi l'attente des autres programmes."""


def fabriques():
    """(nom, fabrique) de chaque simulateur à curseurs des notebooks, construit comme dans le notebook."""
    import coursekit as ck
    from coursekit.widgets import (
        analyse_site,
        entonnoir,
        fidelisation,
        introduction,
        kpi,
        mix,
        personas,
        relation_client,
        smart,
    )

    def pareto():
        clients = ck.donnees.lire_csv("graine_de_ville_clients.csv")
        return fidelisation.SimulateurPareto(clients["ca_12_mois"])

    def nps():
        enquete = ck.donnees.lire_csv("graine_de_ville_enquete_satisfaction.csv")
        return fidelisation.SimulateurNPS(**ck.fidelisation.repartition_nps(enquete["note_recommandation"]))

    return [
        ("00 Influenceurs", introduction.SimulateurInfluence),
        ("01 Répartir le budget", mix.SimulateurBudget),
        ("01 Exercice budget", mix.ExerciceBudget),
        ("03 Constructeur de persona", personas.ConstructeurPersona),
        ("04 Calculateur de croissance", smart.CalculateurCroissance),
        ("05 Satisfaction", entonnoir.SimulateurSatisfaction),
        ("05 Entonnoir AIDAR", entonnoir.SimulateurEntonnoir),
        ("06 Campagne", kpi.SimulateurCampagne),
        ("07 Valeur d'un client", fidelisation.SimulateurCLV),
        ("07 CLV en marge", fidelisation.SimulateurCLVMarge),
        ("07 Programme de points", fidelisation.SimulateurPoints),
        ("07 Les meilleurs clients", pareto),
        ("07 Parrainage", fidelisation.SimulateurParrainage),
        ("07 NPS", nps),
        ("09 Centre de contacts", relation_client.SimulateurCentreContacts),
        ("09 Concepteur de flux", relation_client.ConcepteurFlux),
        ("10 Tunnel de commande", analyse_site.SimulateurTunnel),
        ("10 Segmentation RFM", analyse_site.SegmentationRFM),
    ]


def curseurs(widget) -> list:
    """Les curseurs du cours contenus dans ``widget`` (dans l'ordre d'affichage)."""
    from coursekit.widgets.base import Curseur

    trouves, a_voir = [], [widget]
    while a_voir:
        w = a_voir.pop(0)
        if isinstance(w, Curseur):
            trouves.append(w)
        else:
            a_voir[:0] = list(getattr(w, "children", ()))
    return trouves


def valeurs_d_un_glisser(curseur, n: int) -> list:
    c = curseur.curseur
    pas = c.step or 1
    depart = c.value
    # un glisser : de la valeur de départ vers un bord puis retour, par petits pas
    vers = c.max if (c.max - depart) >= (depart - c.min) else c.min
    etapes = max(1, round(abs(vers - depart) / pas))
    saut = max(1, etapes // n)
    valeurs = [depart + (1 if vers > depart else -1) * pas * saut * i for i in range(1, n + 1)]
    valeurs = [min(max(v, c.min), c.max) for v in valeurs]
    return valeurs + valeurs[-2::-1] + [depart]


async def mesurer(fabrique, n: int) -> list[tuple[str, list[float]]]:
    simulateur = fabrique()
    resultats = []
    for curseur in curseurs(simulateur):
        durees = []
        for valeur in valeurs_d_un_glisser(curseur, n):
            if curseur.curseur.value == valeur:
                continue
            debut = time.process_time() if CPU else time.perf_counter()
            curseur.curseur.set_state({"value": valeur})  # comme un message du navigateur
            durees.append(((time.process_time() if CPU else time.perf_counter()) - debut) * 1000)
        resultats.append((curseur.description, durees))
    for attente in _travaux(simulateur):
        attente.annuler()
    return resultats


def _travaux(simulateur):
    from coursekit.widgets.base import TravailDiffere

    for valeur in vars(simulateur).values():
        if isinstance(valeur, TravailDiffere):
            yield valeur
    graphique = getattr(simulateur, "graphique", None)
    if graphique is not None and hasattr(graphique, "_finition"):
        yield graphique._finition


def _charge() -> str:
    import os

    return ", ".join(f"{c:.1f}".replace(".", ",") for c in os.getloadavg()) + f" sur {os.cpu_count()} cœurs"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-k", nargs="*", default=[], help="ne mesurer que les simulateurs dont le nom contient…"
    )
    parser.add_argument("-n", type=int, default=8, help="valeurs par aller (défaut 8, puis le retour)")
    parser.add_argument(
        "--ecoule", action="store_true", help="temps écoulé (perf_counter) au lieu du temps processeur"
    )
    args = parser.parse_args(argv)
    global CPU
    CPU = not args.ecoule
    print(
        "temps " + ("processeur (process_time)" if CPU else "écoulé (perf_counter)") + f", charge {_charge()}"
    )
    debut_import = time.perf_counter()
    choisis = [(nom, f) for nom, f in fabriques() if not args.k or any(k in nom for k in args.k)]
    print(f"import : {(time.perf_counter() - debut_import) * 1000:.0f} ms")
    print(f"{'simulateur':<30} {'curseur':<34} {'méd. ms':>8} {'max ms':>7}")
    pires = []
    for nom, fabrique in choisis:
        gc.collect()
        resultats = asyncio.run(mesurer(fabrique, args.n))
        for description, durees in resultats:
            if not durees:
                continue
            mediane = statistics.median(durees)
            pires.append((mediane, nom, description))
            print(f"{nom:<30} {description[:34]:<34} {mediane:>8.1f} {max(durees):>7.1f}")
    if pires:
        mediane, nom, description = max(pires)
        print(f"\nLe plus lent : {nom} « {description} », {mediane:.1f} ms (médiane) ; objectif ≤ 30 ms.")


if __name__ == "__main__":
    main()
