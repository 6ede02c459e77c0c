"""kg: turn a pile of ML paper records into a knowledge graph.

>>> import kg
>>> g = kg.build(["data/sample/000_979724de29632ea4.txt"])   # doctest: +SKIP
>>> G = g.to_networkx()                                        # doctest: +SKIP
"""
__version__ = "0.1.0"
