"""L'erreur de saisie commune à tout le cours."""


class ErreurSaisie(ValueError):
    """Saisie impossible à calculer : le message, en français, dit quoi corriger.

    C'est une sous-classe de ``ValueError`` : un code qui attend ``ValueError``
    l'attrape aussi. Les simulateurs l'attrapent et affichent son message à la
    place du résultat.

    >>> from coursekit import ErreurSaisie
    >>> issubclass(ErreurSaisie, ValueError)
    True
    """
