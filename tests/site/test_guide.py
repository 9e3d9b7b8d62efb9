"""The recovery-orientation guide (docs/toipumisorientaatio/), read from the strict build.

Every page of the section exists in Finnish and English and is in the navigation of every other page
of the section; each process page has its pitfalls, tips, key idea, quote and elements; the
self-reflection page has its two checklists (7 and 10 boxes) and a note that Metodi cannot see the
ticks (but anyone on a shared device can); every page credits the source; the
five-processes page cites Leamy et al. (2011) with its DOI and links the CHIME figure to the pages.

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

import pytest
from site_pages import page_file


SECTION = "toipumisorientaatio"
PAGES = [
    "",  # foreword and source (the section index)
    "historia",
    "toipumisen-kasite",
    "prosessit",
    "yhteys",
    "toivo-ja-optimismi",
    "identiteetti",
    "elaman-tarkoitus",
    "voimaantuminen",
    "itsearviointi",
]
PROCESSES = ["yhteys", "toivo-ja-optimismi", "identiteetti", "elaman-tarkoitus", "voimaantuminen"]
from website.pages import LANGUAGES

PITFALL_TITLE = {"fi": "Älä kompastu näihin sudenkuoppiin!", "en": "Don’t fall into these pitfalls!"}
TIP_TITLE = {"fi": "Ammattilaisen vinkit", "en": "Professional’s tips"}
KEY_TITLE = {"fi": "Ydinajatus", "en": "Key idea"}

# The elements of each process (the labels drawn around it in the guide), as the pages list them.
ELEMENTS = {
    "yhteys": {
        "fi": ["vertaistuki", "sukulaisuussuhteet", "muiden antama tuki", "yhteisöön kuuluminen"],
        "en": ["peer support", "family relationships", "support from others", "belonging to a community"],
    },
    "toivo-ja-optimismi": {
        "fi": [
            "usko toipumiseen",
            "motivaatio muutokseen",
            "toivoa herättävät suhteet",
            "myönteinen ajattelu",
            "onnistumisen halu",
            "unelmat ja toiveet",
        ],
        "en": [
            "belief in recovery",
            "motivation to change",
            "hope-inspiring relationships",
            "positive thinking",
            "the wish to succeed",
            "dreams and aspirations",
        ],
    },
    "identiteetti": {
        "fi": ["positiivinen näkemys itsestä", "sairauden stigman voittaminen"],
        "en": ["a positive view of oneself", "overcoming the stigma of illness"],
    },
    "elaman-tarkoitus": {
        "fi": [
            "psyykkiseen sairauteen liittyvät merkitykset",
            "hengellisyys",
            "elämän laatu ja mielekäs elämä",
            "sosiaaliset roolit ja päämäärät",
            "elämän kulun uudelleen määrittely",
        ],
        "en": [
            "meanings related to mental illness",
            "spirituality",
            "quality of life and a meaningful life",
            "social roles and goals",
            "redefining the course of one’s life",
        ],
    },
    "voimaantuminen": {
        "fi": ["henkilökohtainen vastuunotto", "elämänhallinta", "keskittyminen vahvuuksiin"],
        "en": ["personal responsibility", "control over one’s life", "focusing on strengths"],
    },
}

LEAMY = (
    "Leamy, M., Bird, V., Le Boutillier, C., Williams, J. & Slade, M. (2011). Conceptual framework "
    "for personal recovery in mental health: systematic review and narrative synthesis. The British "
    "Journal of Psychiatry, 199, 445–452."
)
DOI = "10.1192/bjp.bp.110.083733"
GUIDE_TITLE = "Toipumisorientoitunut työote asiakastyössä -opas Vantaan kaupungin sosiaalipalveluihin"


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    parent: "Node | None" = None
    children: list["Node | str"] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return "".join(parts)

    def clean_text(self) -> str:
        return re.sub(r"\s+", " ", self.text()).strip()

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Node"]:
        found = []
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            if cls and cls not in node.classes:
                continue
            if any(node.attrs.get(name.replace("_", "-")) != value for name, value in attrs.items()):
                continue
            found.append(node)
        return found

    def find(self, tag: str | None = None, cls: str | None = None, **attrs) -> "Node | None":
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(path: Path) -> Node:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder.root


def url_path(slug: str, language: str) -> str:
    """The site path of a page of the section, e.g. /en/toipumisorientaatio/yhteys/."""
    prefix = "/en" if language == "en" else ""
    return f"{prefix}/{SECTION}/" + (f"{slug}/" if slug else "")


@pytest.fixture(scope="module")
def dom(built_site):
    cache: dict[tuple[str, str], Node] = {}

    def get(slug: str, language: str) -> Node:
        key = (slug, language)
        if key not in cache:
            path = page_file(built_site, f"{SECTION}/{slug}", language)
            assert path.is_file(), f"{url_path(slug, language)} was not built ({path} is missing)"
            cache[key] = parse(path)
        return cache[key]

    return get


def content(document: Node) -> Node:
    article = document.find("article", cls="md-content__inner")
    assert article is not None, "the page has no <article class='md-content__inner'>"
    return article


def admonitions(document: Node, kind: str) -> list[Node]:
    return [node for node in content(document).find_all("div", cls="admonition") if kind in node.classes]


def title_of(admonition: Node) -> str:
    title = admonition.find("p", cls="admonition-title")
    return title.clean_text() if title else ""


def resolve(page_path: str, href: str) -> str:
    """An href from a page, as a site path without query or fragment."""
    path = urlsplit(urljoin("https://example.test" + page_path, href)).path
    path = normpath(path) + ("/" if path.endswith("/") else "")
    return path.replace("//", "/")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PAGES)
def test_page_exists_with_one_h1_and_lang(built_site, dom, slug, language):
    document = dom(slug, language)
    html = document.find("html")
    assert html is not None and html.attrs.get("lang", "").startswith(language)
    assert len(content(document).find_all("h1")) == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PAGES)
def test_every_section_page_is_in_the_navigation(dom, slug, language):
    document = dom(slug, language)
    nav = document.find("nav", cls="md-nav--primary")
    assert nav is not None, "no primary navigation"
    here = url_path(slug, language)
    linked = {resolve(here, a.attrs["href"]) for a in nav.find_all("a") if a.attrs.get("href")}
    missing = [url_path(other, language) for other in PAGES if url_path(other, language) not in linked]
    assert not missing, f"{here}: the navigation does not link to {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PAGES)
def test_every_page_credits_the_source(dom, slug, language):
    credits = content(dom(slug, language)).find_all("div", cls="source-credit")
    assert len(credits) == 1, "expected exactly one <div class='source-credit'>"
    text = credits[0].clean_text()
    for needle in ("Ristolainen, 2021", GUIDE_TITLE, "Laurea", "Vantaa", "Theseus"):
        assert needle in text, f"the source credit lacks {needle!r}: {text!r}"
    assert ("Opinnäytetyö" if language == "fi" else "Thesis") in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PROCESSES)
def test_process_page_has_pitfalls_tips_key_quote_and_elements(dom, slug, language):
    document = dom(slug, language)

    pitfalls = admonitions(document, "pitfall")
    assert len(pitfalls) == 1, "expected one 'pitfall' admonition"
    assert title_of(pitfalls[0]) == PITFALL_TITLE[language]
    assert len(pitfalls[0].find_all("li")) >= 3

    tips = admonitions(document, "tip")
    assert len(tips) == 1, "expected one 'tip' admonition"
    assert title_of(tips[0]).startswith(TIP_TITLE[language])
    assert len(tips[0].find_all("li")) >= 3

    keys = admonitions(document, "key")
    assert len(keys) == 1, "expected one 'key' admonition"
    assert title_of(keys[0]) == KEY_TITLE[language]
    assert len(keys[0].clean_text()) > len(KEY_TITLE[language]) + 20

    quotes = content(document).find_all("blockquote")
    assert quotes, "the professional's quote should be a block quote"

    listed = [li.clean_text().rstrip(".").lower() for li in content(document).find_all("li")]
    for element in ELEMENTS[slug][language]:
        assert element in listed, f"the element {element!r} is not listed"


def test_connectedness_page_has_the_partnership_spread(dom):
    headings = {lang: [h.clean_text() for h in content(dom("yhteys", lang)).find_all("h2")] for lang in LANGUAGES}
    assert "Pois asiantuntijaroolista kohti tasavertaista kumppanuussuhdetta" in headings["fi"]
    assert "Osallisuuden kokemusten edistäminen" in headings["fi"]
    assert "From the expert role towards an equal partnership" in headings["en"]
    assert "Promoting experiences of participation" in headings["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_checklists_have_7_and_10_enabled_checkboxes(dom, language):
    article = content(dom("itsearviointi", language))
    expected = {"before": 7, "after": 10}
    for name, count in expected.items():
        lists = article.find_all("div", cls="checklist", data_checklist=name)
        assert len(lists) == 1, f"expected one <div class='checklist' data-checklist='{name}'>"
        boxes = [node for node in lists[0].find_all("input") if node.attrs.get("type") == "checkbox"]
        assert len(boxes) == count, f"{name}: {len(boxes)} checkboxes, expected {count}"
        for box in boxes:
            assert "disabled" not in box.attrs, "the checkboxes must be clickable"
            assert any("task-list-item" in a.classes for a in box.ancestors())
    all_boxes = [n for n in article.find_all("input") if n.attrs.get("type") == "checkbox"]
    assert len(all_boxes) == sum(expected.values()), "no other checkboxes on the page"


@pytest.mark.parametrize("language", LANGUAGES)
def test_clear_buttons_are_hidden_until_the_script_runs(dom, language):
    article = content(dom("itsearviointi", language))
    for name in ("before", "after"):
        checklist = article.find("div", cls="checklist", data_checklist=name)
        buttons = checklist.find_all("button", cls="checklist-clear")
        assert len(buttons) == 1
        button = buttons[0]
        assert button.attrs.get("type") == "button"
        assert "hidden" in button.attrs, "without JavaScript the button would do nothing: keep it hidden"
        assert button.clean_text() == ("Tyhjennä rastit" if language == "fi" else "Clear ticks")
        described = button.attrs.get("aria-describedby")
        assert described and article.find(id=described) is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_checklist_page_says_where_ticks_are_kept_and_that_it_prints(dom, language):
    text = content(dom("itsearviointi", language)).clean_text()
    if language == "fi":
        assert "vain tähän selaimeen tällä laitteella" in text
        assert "tulostaa" in text
        # Anyone on a shared device can see the ticks: the note says only that Metodi cannot.
        assert "Metodi ei näe" in text and "yhteistä laitetta" in text
        assert "kukaan muu" not in text
    else:
        assert "only in this browser on this device" in text
        assert "print" in text
        assert "Metodi cannot see" in text and "shared device" in text
        assert "no one else" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_checkboxes_have_a_name_without_javascript(dom, language):
    article = content(dom("itsearviointi", language))
    for box in (n for n in article.find_all("input") if n.attrs.get("type") == "checkbox"):
        label = next((a for a in box.ancestors() if a.tag == "label"), None)
        named = (label is not None and label.clean_text()) or box.attrs.get("aria-label")
        assert named, "a checkbox has no accessible name in the static HTML"


@pytest.mark.parametrize("language", LANGUAGES)
def test_processes_page_cites_leamy_with_doi(dom, language):
    article = content(dom("prosessit", language))
    text = article.clean_text()
    assert LEAMY in text
    assert DOI in text
    hrefs = {a.attrs.get("href") for a in article.find_all("a")}
    assert f"https://doi.org/{DOI}" in hrefs


@pytest.mark.parametrize("language", LANGUAGES)
def test_processes_page_has_the_chime_figure_with_links(dom, language):
    article = content(dom("prosessit", language))
    figure = article.find("figure", cls="chime")
    assert figure is not None, "no <figure class='chime'>"
    assert figure.find("figcaption") is not None
    links = figure.find_all("a")
    here = url_path("prosessit", language)
    assert [resolve(here, a.attrs["href"]) for a in links] == [url_path(s, language) for s in PROCESSES]
    letters = [a.find("span", cls="chime__letter").clean_text() for a in links]
    assert letters == list("CHIME")
    names = {
        "fi": ["Yhteys", "Toivo ja optimismi", "Identiteetti", "Elämän tarkoitus", "Voimaantuminen"],
        "en": ["Connectedness", "Hope and optimism", "Identity", "Meaning in life", "Empowerment"],
    }
    other = "en" if language == "fi" else "fi"
    for link, own, translated in zip(links, names[language], names[other]):
        assert link.find("span", cls="chime__name").clean_text() == own
        alt = link.find("span", cls="chime__alt")
        assert alt.clean_text() == translated and alt.attrs.get("lang") == other
        assert link.find("span", cls="chime__letter").attrs.get("aria-hidden") == "true"


@pytest.mark.parametrize("language", LANGUAGES)
def test_foreword_has_the_reference_list(dom, language):
    text = content(dom("", language)).clean_text()
    assert LEAMY in text and DOI in text
    assert "Ristolainen (2021)" in text and GUIDE_TITLE in text


# --------------------------------------------------------------------------- issue 20: where am I?


def test_every_guide_page_has_a_breadcrumb_a_notice_and_previous_next_within_the_guide(built_site):
    """A visitor landing on a guide page from a search was lost (UX review 2, M7)."""
    from harness import page_slugs

    guide = [slug for slug in page_slugs() if slug.startswith("toipumisorientaatio/")]
    assert len(guide) >= 9
    for language, prefix in (("fi", ""), ("en", "en/")):
        walked = []
        for slug in guide:
            html = (built_site / prefix / slug / "index.html").read_text(encoding="utf-8")
            article = html[html.index("<article"): html.index("</article>")]
            path = re.search(r'<nav class="guide-path" aria-label="[^"]+">(.*?)</nav>', article, re.S)
            assert path and article.index("guide-path") < article.index("<h1"), slug
            assert re.search(r'<span aria-current="page">[^<]+</span>', path[1]), slug
            notice = re.search(r'<p class="guide-notice">(.*?)</p>', article, re.S)[1]
            assert "Metodi" in notice and "neuropsykiatrinen-valmennus/" in notice and "ammatillinen-tukihenkilotoiminta/" in notice
            assert ("toipumisorientaatio-opas" in notice.lower()) if language == "fi" else ("recovery-orientation guide" in notice)
            assert "Ristolainen 2021" in notice, "the guide's author, not Metodi, wrote it"
            links = re.findall(r'class="guide-pager__link[^"]*" href="([^"]+)" rel="(prev|next)"', article)
            assert all(not href.startswith("../../") or "toipumisorientaatio" in href for href, _ in links), slug
            walked.append(sorted(rel for _, rel in links))
        # The first page has only "next", the last only "previous", every other page both.
        assert sorted(map(tuple, walked)) == sorted([("next",), ("prev",)] + [("next", "prev")] * (len(guide) - 2))
