"""Au démarrage de chaque noyau du cours : des erreurs en français, même avant la première cellule.

La cellule de préparation d'un chapitre (repliée en haut) installe les messages
d'erreur en français ; mais un élève qui commence par une autre cellule aurait la
trace Python en anglais de ``NameError: name 'ck' is not defined``. Les serveurs
lancés par le cours (``python ouvrir.py``, le lanceur Voilà) donnent donc à leurs
noyaux un dossier IPython à eux (``IPYTHONDIR``), dont le script de démarrage
appelle :func:`preparer_noyau` : la première cellule exécutée, quelle qu'elle soit,
parle français (« exécutez d'abord la cellule de préparation… »).

Le même dossier donne aux noyaux du cours une configuration (:data:`CONFIG_NOYAU`) qui les
démarre sans le débogueur de JupyterLab : ipykernel importe debugpy dans chaque noyau
(~7 Mo, un noyau par élève, issue 11) et le cours ne s'en sert pas.

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

CONFIG_NOYAU = """\
# Écrit par coursekit (coursekit.demarrage) : les noyaux du cours démarrent sans débogueur.
# Lu avant la création du noyau : debugpy y est introuvable, ipykernel ne l'importe donc pas
# (~7 Mo de moins par noyau ; le bouton du débogueur de JupyterLab n'apparaît pas).
import sys

sys.modules.setdefault("debugpy", None)
"""


def dossier_ipython() -> Path:
    """Le dossier IPython des noyaux du cours."""
    return Path(os.environ.get("COURSEKIT_IPYTHON") or Path.home() / ".coursekit" / "ipython").expanduser()


def preparer_profil(dossier: Path | None = None) -> Path:
    """Écrit (ou met à jour) le script de démarrage et la configuration des noyaux ; rend le
    dossier à donner à ``IPYTHONDIR``."""
    dossier = Path(dossier) if dossier is not None else dossier_ipython()
    profil = dossier / "profile_default"
    for fichier, texte in (
        (profil / "startup" / "00-coursekit.py", SCRIPT),
        (profil / "ipython_kernel_config.py", CONFIG_NOYAU),
    ):
        if not fichier.exists() or fichier.read_text(encoding="utf-8") != texte:
            ecrire_atomique(fichier, texte)
    return dossier


def preparer_noyau() -> None:
    """Installe dans le noyau en cours les messages d'erreur en français du cours."""
    from IPython import get_ipython

    from coursekit.affichage import erreurs_en_francais

    ipython = get_ipython()
    if ipython is not None:
        erreurs_en_francais(ipython)
