"""Extraction on a Dask cluster: the local extractor, mapped over partitions of papers.

Every worker runs exactly what a local build runs (``Extractor().pipe`` on one
partition), so the per-paper output is the same list of mentions in the same
order; only where it runs changes. Resolution, assembly and loading stay on the
client, as they need every paper's mentions together.

Two entry points:

* :func:`extract_on` streams papers through a ``distributed.Client`` with a bounded
  number of partitions in flight, so the client never holds the whole corpus;
* :func:`extract_bag` maps a ``dask.bag`` of papers (e.g. read on the workers from
  shared storage) to a bag of per-paper mention lists.

>>> from distributed import Client, LocalCluster            # doctest: +SKIP
>>> with LocalCluster(n_workers=2) as cluster, Client(cluster) as client:  # doctest: +SKIP
...     mentions = list(extract_on(client, papers, partition_size=500))
"""
from __future__ import annotations

from collections import deque
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.model import Mention, Paper

if TYPE_CHECKING:  # dask is an optional dependency (the `scale` extra)
    import dask.bag
    import distributed

DEFAULT_PARTITION_SIZE = 1000  # papers per task: large enough to amortise scheduling (~1 ms/task)


@lru_cache(maxsize=1)
def _extractor():
    """One extractor per worker process: loading the spaCy pipeline costs seconds."""
    from kg.extraction import Extractor
    return Extractor()


def extract_partition(papers: list[Paper]) -> list[list[Mention]]:
    """Mentions of each paper of one partition, in order (runs on a worker)."""
    return list(_extractor().pipe(papers, workers=1))


def partitions(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    """``papers`` cut into consecutive lists of ``size`` (the last may be shorter)."""
    iterator = iter(papers)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_on(client: "distributed.Client", papers: Iterable[Paper],
               partition_size: int = DEFAULT_PARTITION_SIZE, in_flight: int | None = None) -> Iterator[list[Mention]]:
    """One mention list per paper, in input order, extracted on the cluster behind ``client``.

    At most ``in_flight`` partitions (default: two per worker thread) are
    submitted and not yet collected, so memory on the client stays bounded
    however long ``papers`` is.
    """
    limit = in_flight or 2 * max(sum(client.nthreads().values()), 1)
    pending: deque = deque()
    for chunk in partitions(papers, partition_size):
        pending.append(client.submit(extract_partition, chunk, pure=False))
        if len(pending) >= limit:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def extract_bag(papers: "dask.bag.Bag") -> "dask.bag.Bag":
    """A bag of per-paper mention lists, partitioned like ``papers``."""
    return papers.map_partitions(extract_partition)
