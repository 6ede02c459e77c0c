"""Extraction on a real Dask cluster (two worker processes) gives exactly the local output."""
from __future__ import annotations

import copy

import pytest
from dask import bag
from distributed import Client, LocalCluster, get_task_stream
from hypothesis import given
from hypothesis import strategies as st

from kg.distributed import extract_bag, extract_on, partitions
from kg.extraction import Extractor
from kg.resolution import resolve
from loaders.merge import merge_papers
from loaders.readers import read_records

PAPERS = 200


@pytest.fixture(scope="module")
def seed_papers(sample_paths):
    papers = merge_papers(read_records(sample_paths))[:PAPERS]
    assert len(papers) == PAPERS
    return papers


@pytest.fixture(scope="module")
def local_mentions(seed_papers):
    mentions = list(Extractor().pipe(seed_papers, workers=1))
    assert sum(map(len, mentions)) > PAPERS  # a real extraction, not an empty one
    return mentions


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def test_client_extraction_equals_local_run_and_uses_both_workers(client, seed_papers, local_mentions):
    with get_task_stream(client) as tasks:
        remote = list(extract_on(client, seed_papers, partition_size=23, in_flight=3))
    assert remote == local_mentions
    assert len({task["worker"] for task in tasks.data}) == 2


def test_bag_extraction_equals_local_run(client, seed_papers, local_mentions):
    papers = bag.from_sequence(seed_papers, partition_size=40)
    assert extract_bag(papers).compute() == local_mentions


def test_resolution_of_distributed_output_equals_local(client, seed_papers, local_mentions):
    remote = list(extract_on(client, seed_papers, partition_size=50))
    local = copy.deepcopy(local_mentions)  # resolution fills in entity_id: keep the fixture pristine
    entities = resolve(local)
    assert entities and resolve(remote) == entities
    assert remote == local


@given(st.lists(st.integers(), max_size=60), st.integers(min_value=1, max_value=25))
def test_partitions_keep_every_item_in_order(items, size):
    chunks = list(partitions(items, size))
    assert [item for chunk in chunks for item in chunk] == items
    assert all(0 < len(chunk) <= size for chunk in chunks)
    assert all(len(chunk) == size for chunk in chunks[:-1])
