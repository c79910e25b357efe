"""Réglages communs à toute la suite : les progrès enregistrés par les tests ne vont pas dans le dossier personnel."""

import os
import tempfile
from pathlib import Path


def pytest_configure(config):
    # Les quiz enregistrent chaque réponse (coursekit.progres) : pendant les tests, dans un fichier
    # temporaire, hérité aussi par les noyaux de nbval.
    if "COURSEKIT_PROGRES" not in os.environ:
        os.environ["COURSEKIT_PROGRES"] = str(
            Path(tempfile.mkdtemp(prefix="coursekit-progres-")) / "progres.sqlite"
        )
