"""Petites mesures communes aux bancs de ``benchmarks/`` : mémoire d'un processus, machine."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def rss_mo(pid: int) -> float:
    """Mémoire résidente (VmRSS) du processus ``pid``, en Mo ; ``nan`` s'il n'est plus là."""
    try:
        lignes = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return float("nan")
    for ligne in lignes:
        if ligne.startswith("VmRSS:"):
            return int(ligne.split()[1]) / 1024
    return float("nan")


def plateforme() -> str:
    """La machine en une ligne : cœurs, modèle du processeur, version de Python."""
    try:
        modele = next(
            ligne.split(":", 1)[1].strip()
            for ligne in Path("/proc/cpuinfo").read_text().splitlines()
            if ligne.startswith("model name")
        )
    except (OSError, StopIteration):
        modele = platform.processor() or platform.machine()
    return f"{os.cpu_count()} cœurs {modele}, Python {platform.python_version()}"
