"""Exécuter un scénario asyncio dans sa propre boucle, même si une autre boucle tourne déjà.

Dans une même session pytest, playwright (tests du navigateur) garde une boucle d'événements active
dans le fil principal : ``asyncio.run`` y est refusé. Chaque scénario des tests du travail différé
tourne donc dans un fil à lui, avec sa boucle neuve, comme dans un noyau Jupyter.
"""

from __future__ import annotations

import asyncio
import threading


def dans_sa_boucle(fabrique):
    """Lance ``fabrique()`` (une coroutine, ou une fonction ordinaire) dans un fil neuf ; rend son résultat."""
    resultat: dict = {}

    def executer():
        try:
            valeur = fabrique()
            resultat["valeur"] = asyncio.run(valeur) if asyncio.iscoroutine(valeur) else valeur
        except BaseException as erreur:  # noqa: BLE001 - renvoyée au test
            resultat["erreur"] = erreur

    fil = threading.Thread(target=executer)
    fil.start()
    fil.join(timeout=120)
    if "erreur" in resultat:
        raise resultat["erreur"]
    return resultat.get("valeur")
