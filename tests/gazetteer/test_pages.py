"""Rule 2: sources are addresses of pages. Real addresses found in research files, both kinds."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5names.gazetteer.pages import not_a_page
from c5names.gazetteer.rules import rules

TABLE = rules().not_pages

NOT_PAGES = {
    "http://1.62.100.15/static/wab.php?9T8u=K.html": "IP address",
    "http://[2001:db8::1]/people/jane": "IP address",
    "https://xeroltha.com/blog/wp-json/wp/v2/posts/5224": "API",
    "https://en.wikipedia.org/w/api.php?action=parse&page=Sadyr_Japarov": "API",
    "https://example.org/api/v2/people/5": "API",
    "https://example.org/people/5.json": "data",
    "https://offstream.news/feed/2026/05/9/magyar-sworn-in.json": "data",
    "https://ru.wikipedia.org/w/index.php?title=Japarov&action=raw": "data",
    "https://www.google.com/search?q=Tokayev": "search",
    "https://news.example.kz/search/?query=Tokayev": "search",
    "https://example.org/?s=Tokayev": "search",
    "https://en.wikipedia.org/w/index.php?search=Tokayev": "search",
    "https://en.wikipedia.org/wiki/Special:Search?search=Tokayev": "search",
    "https://en.wikipedia.org/w/index.php?title=Special:Search&profile=all": "search",
    "https://ru.wikipedia.org/wiki/" + quote("Служебная:Поиск"): "search",
    "https://review.clateway.com/wiki/view_html.php?lang=en&q=Islam_Karimov&sq=Google": "search",
    "https://ixistenz.ch//?arg=https%3A%2F%2Fen.m.wikipedia.org%2Fwiki%2FRustam_Emomali&service=browserrender": "proxy",
    "https://tomorrow.paperai.life/https://www.imdb.com/name/nm8577419/trivia": "proxy",
    "https://tomorrow.paperai.life/http://de.wikipedia.org/w/index.php?printable=yes&title=Sadyr_Dschaparow": "proxy",
}

PAGES = [
    "https://en.wikipedia.org/wiki/Shavkat_Mirziyoyev",
    "https://ru.wikipedia.org/wiki/%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2",
    "https://www.rferl.org/a/kyrgyzstan-atambaev/24398764.html",
    "https://centrasia.org/newsA.php?st=1761605280",
    "https://exussr.org/?p=1616",  # a WordPress post by its id
    "http://xjeieacwa.com/content?catid=3&id=8768",
    "https://news.example.com/article.php?id=123",
    "https://wiki.alquds.edu/?query=Sadyr_Japarov",  # ?query= names the page here, not a search
    "https://amit.tj/index.php/en/node/2916?page=5",
    "https://tmcars.info/news/show/2636749186?lang=tm",
    "https://www.caspianpolicy.org/research/south-caucasus/a-new-assistant-secretary-13234",
    "https://www.gazeta.uz/en/2016/12/14/pm/",
    "https://github.com/SpocWiki/_Standards/blob/000f52e1/Earth/Continent/Asia/Asia~Central/Uzbekistan.md",
    "https://github.com/tmtmtmtm/kazakhstan-ministers/blob/0a1b2c3d/data/wikidata.json",  # a file view, not an API
    "https://news.example.com/2024/01/search-for-the-missing-plane",
    "https://web.archive.org/web/20160101000000/https://president.uz/en",
    "https://archive.ph/2023.05.01-120000/https://www.akorda.kz/en",
    "https://webarchive.archive.unhcr.org/20230522000927mp_/https://www.refworld.org/country,,RFERL,,TJK,,5975a292c,0.html",
]


@pytest.mark.parametrize(("url", "reason"), NOT_PAGES.items())
def test_addresses_that_are_not_pages(url: str, reason: str) -> None:
    found = not_a_page(url, TABLE)
    assert found is not None and reason.casefold() in found.casefold(), found


@pytest.mark.parametrize("url", PAGES)
def test_addresses_of_pages(url: str) -> None:
    assert not_a_page(url, TABLE) is None


_LABEL = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)
_WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12).filter(
    lambda word: word.split(".")[0].casefold() not in TABLE.api_segments | TABLE.search_segments
)


@given(host=st.lists(_LABEL, min_size=2, max_size=3), path=st.lists(_WORD, max_size=4), article=st.integers(0, 10**9))
def test_an_article_page_is_a_page_and_a_proxy_of_it_is_not(host: list[str], path: list[str], article: int) -> None:
    page = f"https://{'.'.join(host)}/{'/'.join(path)}?id={article}"
    assert not_a_page(page, TABLE) is None
    assert "proxy" in (not_a_page(f"https://proxy.example/browse?url={quote(page, safe='')}", TABLE) or "")
    assert "proxy" in (not_a_page(f"https://proxy.example/{page}", TABLE) or "")
