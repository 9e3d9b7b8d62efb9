"""The site's build features, one module per job; ``hooks/main.py`` is the only hook that uses them.

No module here holds state or knows MkDocs' events: each exposes pure functions and, where it has a
job in the build, ``render``/``check`` entry points that take the build context (``context.py``).
"""
