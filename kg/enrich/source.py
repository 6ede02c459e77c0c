"""What the enrich sources share: a JSON API configured from the environment, and the answer cache."""
from __future__ import annotations

import os
from typing import Iterable, Mapping

from kg.enrich.cache import AnswerCache
from kg.enrich.client import JsonApi, RetryPolicy
from kg.model import title_key


class Source:
    """A citation source; subclasses say where it is (``url_variable``, ``default_url``), how to identify
    to it (:meth:`credentials`) and how to look papers up (``find``, ``references``, ``citations``)."""

    name = ""
    rule = ""  # the `rule` of the CITES edges and the `sources` of the stubs it adds
    url_variable = ""
    default_url = ""

    def __init__(self, api: JsonApi, cache: AnswerCache):
        self.api, self.cache = api, cache

    @classmethod
    def from_environment(cls, cache: AnswerCache, policy: RetryPolicy, interval: float,
                         environ: Mapping[str, str] | None = None) -> "Source":
        """The source at ``$url_variable`` (else ``default_url``), with the credentials the environment gives."""
        environ = os.environ if environ is None else environ
        api = JsonApi(cls.name, environ.get(cls.url_variable) or cls.default_url, policy=policy, interval=interval,
                      **cls.credentials(environ))
        return cls(api, cache)

    @staticmethod
    def credentials(environ: Mapping[str, str]) -> dict:
        """``headers`` and ``params`` for every request (none by default)."""
        return {}

    def prefetch(self, papers: Iterable[dict]) -> None:
        """Ask ahead, in batches, for what ``find`` will want (nothing by default)."""

    def find(self, attrs: dict) -> dict | None:
        """The source's record of a Paper node (by its ids, else by its title), or ``None``; raises GaveUp."""
        found = self.find_by_id(attrs)
        title = attrs.get("title")
        if not found and title:
            found = self.cache.answer(f"match:{title_key(title)}", lambda: self.match_title(title))
        if isinstance(found, dict):
            self.remember(found)
        return found or None

    def find_by_id(self, attrs: dict) -> dict | None:
        """The record by the node's strongest id, ``None`` if it has none or the source lacks it."""
        raise NotImplementedError

    def match_title(self, title: str) -> dict | None:
        """The record whose title has ``title``'s title key, or ``None``."""
        raise NotImplementedError

    def remember(self, found: dict) -> None:
        """Cache ``found`` under each id of it too: the node gains them, and the next run asks by them."""
        raise NotImplementedError
