"""Find URLs in text and reduce them to canonical repository or link names.

>>> canonical_url("github.com/OpenAI/CLIP.git")
('repository', 'github', 'https://github.com/OpenAI/CLIP')
>>> canonical_url("https://github.com/Zood123/COMET{https://github.com/Zood123/COMET}.")
('repository', 'github', 'https://github.com/Zood123/COMET')
>>> canonical_url("https://huggingface.co/datasets/org/name.")
('link', 'huggingface_dataset', 'https://huggingface.co/datasets/org/name')
"""
from __future__ import annotations

import re
from typing import Iterator

# A URL starts at a scheme, at "www." or at a bare code-host name; it may be glued to a
# preceding word ("athttps://..."), so no word boundary is required before a scheme.
URL_PATTERN = re.compile(
    r"(?:https?://|(?<![\w.@/])www\.|(?<![\w.@/])(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)/)"
    r"[^\s<>\"'\u201c\u201d]+",
    re.IGNORECASE,
)
# Substrings every URL the pattern accepts contains (plain `in` tests: case-insensitive regexes are slow).
_URL_HINTS = ("://", "www.", "github.com/", "gitlab.com/", "bitbucket.org/", "huggingface.co/")
# Characters a sentence or LaTeX markup leaves at the end of a URL.
_TRAILING = ".,;:!?)]}>'\"*"
_CODE_HOSTS = {"github.com": "github", "gitlab.com": "gitlab", "bitbucket.org": "bitbucket"}
_HF_KINDS = {"datasets": "huggingface_dataset", "spaces": "huggingface_space"}
_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com")


def find_urls(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of URLs in ``text``, with trailing punctuation and debris left out.

    >>> text = "Code: https://github.com/a/b}."
    >>> [text[s:e] for s, e in find_urls(text)]
    ['https://github.com/a/b']
    """
    lowered = text.lower()
    # most texts have no URL, and most have no slash, which every hint but "www." has: two searches, not six
    if "/" not in lowered and "www." not in lowered or not any(hint in lowered for hint in _URL_HINTS):
        return
    for match in URL_PATTERN.finditer(text):
        start, end = match.start(), match.start() + len(_strip_debris(match.group()))
        if end > start and "." in text[start:end]:
            yield start, end


def _strip_debris(url: str) -> str:
    """Cut LaTeX groups (``{...}``), unbalanced brackets and trailing punctuation."""
    url = url.split("{", 1)[0]
    if "(" not in url:
        url = url.split(")", 1)[0]
    while url and url[-1] in _TRAILING:
        url = url[:-1]
    return url


def canonical_url(raw: str) -> tuple[str, str, str]:
    """``(type, kind, canonical URL)`` for a URL found in text.

    Code hosts reduce to ``https://HOST/OWNER/REPO``; anonymous review links to
    ``https://anonymous.4open.science/r/NAME``; everything else is a ``link``.
    """
    url = _strip_debris(raw.strip())
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, _, path = url.partition("/")
    host = host.lower()
    parts = [p for p in path.split("/") if p]
    if host in _CODE_HOSTS and len(parts) >= 2:
        repo = re.sub(r"\.git$", "", parts[1], flags=re.IGNORECASE)
        return "repository", _CODE_HOSTS[host], f"https://{host}/{parts[0]}/{repo}"
    if host == "anonymous.4open.science" and len(parts) >= 2 and parts[0] == "r":
        return "repository", "anonymous", f"https://{host}/r/{parts[1]}"
    if host == "huggingface.co" and parts:
        kind = _HF_KINDS.get(parts[0], "huggingface_model")
        keep = parts[:3] if parts[0] in _HF_KINDS else parts[:2]
        return "link", kind, "https://huggingface.co/" + "/".join(keep)
    kind = "video" if host.endswith(_VIDEO_HOSTS) else "project_page"
    return "link", kind, "https://" + "/".join([host, *parts])
