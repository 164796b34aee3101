"""Is a source address the address of a page about the fact?

A source is there so that a reviewer can open it and read the fact. Some addresses open nothing a
reader can check, or nothing that stays: a bare IP address (a server, not a site), an API endpoint
(`wp-json`, `api.php`, a `.json` file), a page of search results (`?q=`, `/search`, Special:Search)
whose content changes with the index, or a proxy that wraps another page's address (`?arg=https%3A…`).
The shapes are tables in `data/checks.yaml`; this module reads an address against them.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from c5names.gazetteer.rules import NotPages

_EMBEDDED = re.compile(r"https?:/", re.IGNORECASE)
# A web archive's snapshot: the page's address after a timestamp segment, as the Wayback Machine and
# the archives built on its software (Archive-It, national and UN archives) write it:
# /web/20230522000927/https://..., /20230522000927mp_/https://...
_SNAPSHOT = re.compile(r"/[0-9]{4,14}(?:[a-z]{2}_)?/https?:/", re.IGNORECASE)


def _unquoted(text: str) -> str:
    """`text` with %-escapes undone twice (proxies often escape an address that was escaped)."""
    return unquote(unquote(text))


def _stem(segment: str) -> str:
    """A path segment without its extension, case-folded: api.php -> api, Search.aspx -> search."""
    return _unquoted(segment).casefold().split(".", 1)[0]


def not_a_page(url: str, table: NotPages) -> str | None:
    """Why `url` is not the address of a page (a short reason), or None when it may be one."""
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold()
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return "a bare IP address, not a site's page"
    archived = _SNAPSHOT.search(parts.path) is not None or any(
        host == site or host.endswith("." + site) for site in table.archives
    )
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in table.code_hosts and len(segments) > 3 and segments[2] == "blob":
        return None  # a code host's view of a file (github.com/owner/repo/blob/<commit>/data.json)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not archived:
        embedded = _EMBEDDED.search(_unquoted(parts.path)) or next(
            (found for _, value in query if (found := _EMBEDDED.search(_unquoted(value)))), None
        )
        if embedded:
            return "a proxy wrapping another address: cite the page it wraps"
    return _api(segments, query, table) or _search(segments, query, table)


def _api(segments: list[str], query: list[tuple[str, str]], table: NotPages) -> str | None:
    for segment in segments:
        if _stem(segment) in table.api_segments:
            return f"an API endpoint ({segment}), not a page"
    if segments and _unquoted(segments[-1]).casefold().endswith(table.data_suffixes):
        return f"a data file ({segments[-1]}), not a page"
    for key, value in query:
        if value.casefold() in table.data_queries.get(key.casefold(), ()):
            return f"data ({key}={value}), not a page"
    return None


def _search(segments: list[str], query: list[tuple[str, str]], table: NotPages) -> str | None:
    for segment in segments:
        if _stem(segment) in table.search_segments or _unquoted(segment).casefold() in table.search_pages:
            return f"a page of search results ({segment})"
    for key, value in query:
        if key.casefold() in table.search_keys:
            return f"a search (?{key}=): cite the page it leads to"
        if _unquoted(value).casefold() in table.search_pages:
            return f"a page of search results ({value})"
    return None
