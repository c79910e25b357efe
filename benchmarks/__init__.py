"""Banc de mesure du cours (latence des simulateurs, mémoire des noyaux) et captures d'écran."""
