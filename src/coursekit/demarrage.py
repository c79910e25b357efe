"""Au démarrage de chaque noyau du cours : des erreurs en français, même avant la première cellule.

La cellule de préparation d'un chapitre (repliée en haut) installe les messages
d'erreur en français ; mais un élève qui commence par une autre cellule aurait la
trace Python en anglais de ``NameError: name 'ck' is not defined``. Les serveurs
lancés par le cours (``python ouvrir.py``, le lanceur Voilà) donnent donc à leurs
noyaux un dossier IPython à eux (``IPYTHONDIR``), dont le script de démarrage
appelle :func:`preparer_noyau` : la première cellule exécutée, quelle qu'elle soit,
parle français (« exécutez d'abord la cellule de préparation… »).

Le dossier est ``~/.coursekit/ipython`` (ou ``COURSEKIT_IPYTHON``) ; il ne sert
qu'aux noyaux du cours : les autres usages d'IPython sur la machine ne changent pas.
"""

from __future__ import annotations

import os
from pathlib import Path

from coursekit.fichiers import ecrire_atomique

SCRIPT = """\
# Écrit par coursekit (coursekit.demarrage) : erreurs en français dans les notebooks du cours.
try:
    from coursekit.demarrage import preparer_noyau

    preparer_noyau()
except Exception:  # le cours absent ou cassé ne doit jamais empêcher un noyau de démarrer
    pass
"""


def dossier_ipython() -> Path:
    """Le dossier IPython des noyaux du cours."""
    return Path(os.environ.get("COURSEKIT_IPYTHON") or Path.home() / ".coursekit" / "ipython").expanduser()


def preparer_profil(dossier: Path | None = None) -> Path:
    """Écrit (ou met à jour) le script de démarrage et rend le dossier à donner à ``IPYTHONDIR``."""
    dossier = Path(dossier) if dossier is not None else dossier_ipython()
    script = dossier / "profile_default" / "startup" / "00-coursekit.py"
    if not script.exists() or script.read_text(encoding="utf-8") != SCRIPT:
        ecrire_atomique(script, SCRIPT)
    return dossier


def preparer_noyau() -> None:
    """Installe dans le noyau en cours les messages d'erreur en français du cours."""
    from IPython import get_ipython

    from coursekit.affichage import erreurs_en_francais

    ipython = get_ipython()
    if ipython is not None:
        erreurs_en_francais(ipython)
