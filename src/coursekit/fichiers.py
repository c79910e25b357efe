"""Écriture de fichiers sans jamais en laisser un à moitié écrit (une seule façon pour tout le cours)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def ecrire_atomique(chemin: Path, donnees: bytes | str) -> None:
    """Écrit ``donnees`` (octets, ou texte en UTF-8) dans ``chemin`` d'un seul coup.

    Les octets vont d'abord dans un fichier temporaire du même dossier, vidé sur le
    disque (``flush`` puis ``fsync``), qui remplace ensuite l'ancien d'un coup
    (``os.replace``). Si quelque chose échoue avant, l'ancien fichier reste intact et
    le temporaire est effacé. Le fichier est lisible par tous (``0o644``). Les erreurs
    du système (``OSError``) sont transmises.
    """
    if isinstance(donnees, str):
        donnees = donnees.encode("utf-8")
    chemin = Path(chemin)
    chemin.parent.mkdir(parents=True, exist_ok=True)
    descripteur, temporaire = tempfile.mkstemp(dir=chemin.parent, prefix=f".{chemin.name}.", suffix=".tmp")
    try:
        with os.fdopen(descripteur, "wb") as flux:
            flux.write(donnees)
            flux.flush()
            os.fsync(flux.fileno())
        os.chmod(temporaire, 0o644)
        os.replace(temporaire, chemin)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporaire)
        raise
    if os.name == "posix":  # le renommage lui-même est gardé sur le disque
        with contextlib.suppress(OSError):
            dossier = os.open(chemin.parent, os.O_RDONLY)
            try:
                os.fsync(dossier)
            finally:
                os.close(dossier)
