"""kg: turn a pile of ML paper records into a knowledge graph.

>>> import kg
>>> g = kg.build(["data/sample/000_979724de29632ea4.txt"])   # doctest: +SKIP
>>> G = g.to_networkx()                                        # doctest: +SKIP
"""
__version__ = "0.1.0"

# Load the kg.build module before binding the `build` function: importing a submodule for the
# first time sets the package attribute of that name, which would otherwise replace `kg.build()`.
import kg.build  # noqa: E402,F401
from kg.api import KnowledgeGraph, build, open_graph  # noqa: E402  (public API)

open = open_graph  # `kg.open(DIR)`: the name users expect, kept off kg.api so it never shadows the builtin there

__all__ = ["KnowledgeGraph", "build", "open", "__version__"]
