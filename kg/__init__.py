"""kg: turn a pile of ML paper records into a knowledge graph.

>>> import kg
>>> g = kg.build(["data/sample/000_979724de29632ea4.txt"])   # doctest: +SKIP
>>> G = g.to_networkx()                                        # doctest: +SKIP
"""
import sys
import types

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "build", "open", "__version__"]


class _Package(types.ModuleType):
    """The public API (:mod:`kg.api`), imported on first use: every ``import kg.something`` runs this
    package first, and ``kg extract`` and the other verbs that make no graph need neither networkx nor
    the build machinery (``kg.build`` and ``kg.api`` took 470 ms to import, ``python -X importtime`` at load 4.6)."""

    @property
    def build(self):
        from kg.api import build
        return build

    @build.setter
    def build(self, submodule):
        """Importing the module ``kg.build`` binds it here; ``kg.build`` stays the function."""

    def __getattr__(self, name: str):
        if name not in ("KnowledgeGraph", "open"):  # asked first: `from kg import mirror` asks before importing it
            raise AttributeError(f"module 'kg' has no attribute {name!r}")
        from kg import api
        return api.KnowledgeGraph if name == "KnowledgeGraph" else api.open_graph  # `kg.open(DIR)`, as users expect


sys.modules[__name__].__class__ = _Package
