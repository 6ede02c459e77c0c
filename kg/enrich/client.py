"""JSON over HTTP for the enrich sources: bounded retries, backoff, pacing, one-line errors.

Only the standard library (``urllib.request``): the two APIs need GET and POST of JSON and
nothing a client library would add. Every answer goes through :meth:`JsonApi.get` or
:meth:`JsonApi.post`, which either return the decoded JSON, raise :class:`NotFound` (HTTP 404),
raise :class:`GaveUp` after ``tries`` failed attempts (429, 5xx, malformed JSON, a timeout, a
dropped connection), raise :class:`Unreachable` when the host cannot be reached at all, or :class:`Refused` (401/403).

Headers (the API key) never appear in a message: errors name the API and the path only.
"""
from __future__ import annotations

import email.utils
import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from kg import __version__
from kg.errors import KgError

USER_AGENT = f"kg/{__version__} (kg enrich)"


class Unreachable(KgError):
    """The API's host refused the connection or does not resolve: offline, or a wrong base URL."""

    exit_code = 4


class Refused(KgError):
    """The API refused the request itself (HTTP 401/403): a wrong or missing key, for every paper alike."""

    exit_code = 5


class NotFound(Exception):
    """The API answered 404: it does not know what was asked for."""


class GaveUp(Exception):
    """Every allowed attempt failed; ``reason`` says how the last one did."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Retry(Exception):
    """One attempt failed in a way worth another try; ``wait`` is what the server asked for, if anything."""

    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason, self.wait = reason, wait


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: ``tries`` attempts per request, waits of ``backoff * 2**n`` seconds between them
    (or the server's Retry-After), never longer than ``max_wait``; ``timeout`` seconds per attempt."""

    tries: int = 5
    backoff: float = 1.0
    max_wait: float = 60.0
    timeout: float = 30.0

    def wait(self, attempt: int, asked: float | None) -> float:
        """Seconds to sleep after failed attempt number ``attempt`` (1-based)."""
        wait = asked if asked is not None else self.backoff * 2 ** (attempt - 1)
        return max(0.0, min(wait, self.max_wait))


def retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for: a number of seconds or an HTTP date.

    >>> retry_after("3"), retry_after(None), retry_after("soon")
    (3.0, None, None)
    """
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class JsonApi:
    """One JSON API at ``base_url``; ``headers`` and ``params`` go with every request.

    ``interval`` is the least time between two requests (the APIs' rate limits are per second);
    ``requests`` counts the HTTP requests sent, retries included.
    """

    def __init__(self, name: str, base_url: str, *, headers: dict | None = None, params: dict | None = None,
                 policy: RetryPolicy = RetryPolicy(), interval: float = 0.0):
        self.name, self.base_url = name, base_url.rstrip("/")
        self.headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
        self.params, self.policy, self.interval = dict(params or {}), policy, interval
        self.requests = 0
        self._last_sent = float("-inf")

    def get(self, path: str, params: dict | None = None, expect: type = dict):
        """The decoded answer to ``GET path?params``; an answer not of type ``expect`` counts as malformed."""
        return self._call("GET", path, params, None, expect)

    def post(self, path: str, body, params: dict | None = None, expect: type = list):
        """The decoded answer to ``POST path?params`` with ``body`` as JSON."""
        return self._call("POST", path, params, json.dumps(body).encode(), expect)

    def _call(self, method: str, path: str, params: dict | None, body: bytes | None, expect: type):
        query = urllib.parse.urlencode({**self.params, **(params or {})})
        url = self.base_url + path + (f"?{query}" if query else "")
        headers = {**self.headers, **({"Content-Type": "application/json"} if body is not None else {})}
        for attempt in range(1, self.policy.tries + 1):
            try:
                return self._attempt(urllib.request.Request(url, data=body, headers=headers, method=method),
                                     path, expect)
            except _Retry as failure:
                if attempt == self.policy.tries:
                    raise GaveUp(f"{self.name} {method} {path}: {failure.reason} "
                                 f"({self.policy.tries} tries)") from None
                time.sleep(self.policy.wait(attempt, failure.wait))

    def _pace(self) -> None:
        wait = self._last_sent + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_sent = time.monotonic()

    def _attempt(self, request: urllib.request.Request, path: str, expect: type):
        self._pace()
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.policy.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise self._http_failure(exc, path) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise _Retry(f"no answer within {self.policy.timeout:g}s") from None
            raise Unreachable(f"cannot reach {self.name} at {self.base_url} ({exc.reason}); "
                              "answers received so far are cached, so running again resumes") from None
        except (TimeoutError, socket.timeout):
            raise _Retry(f"no answer within {self.policy.timeout:g}s") from None
        except (http.client.HTTPException, ConnectionError) as exc:
            raise _Retry(f"connection dropped ({type(exc).__name__})") from None
        try:
            answer = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise _Retry("malformed JSON in the answer") from None
        if not isinstance(answer, expect):
            raise _Retry(f"a JSON {type(answer).__name__} where a {expect.__name__} was expected")
        return answer

    def _http_failure(self, exc: urllib.error.HTTPError, path: str) -> Exception:
        """What an HTTP error status means here: not found, worth retrying, or a request never to repeat."""
        exc.close()
        if exc.code == 404:
            return NotFound(path)
        if exc.code == 429 or exc.code >= 500:
            return _Retry(f"HTTP {exc.code}", retry_after(exc.headers.get("Retry-After")))
        if exc.code in (401, 403):
            # The same for every request that follows, so the run stops instead of failing paper by paper.
            return Refused(f"{self.name} refused the request (HTTP {exc.code}); check the API key")
        # Other 4xx: repeating this request cannot help (a malformed id), the next one may succeed.
        return GaveUp(f"{self.name} {path}: HTTP {exc.code}")
