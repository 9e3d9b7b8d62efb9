"""The bilingual site as built: pages, languages, selector, navigation, origins, strict build.

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
import yaml

from harness import ROOT, SITE_ORIGIN, SITE_URL
from site_helpers import EXTERNAL, Elements, SLUGS, loaded_urls
from site_pages import page_html


from harness import LANGUAGE_PREFIXES as LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_exists_in_both_languages_with_its_lang(built_site, language, slug):
    html = page_html(built_site, slug, language)
    assert re.search(rf'<html lang="{language}"', html)
    assert len(re.findall(r"<h1[ >]", html)) == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_language_selector_links_to_the_counterpart(built_site, language, slug):
    page_url = f"{SITE_URL}/{LANGUAGES[language]}{slug}"
    links = Elements(page_html(built_site, slug, language)).find("a", **{"class": "site-language__link"})
    other = "en" if language == "fi" else "fi"
    assert [link["lang"] for link in links] == [other], "one link, to the other language"
    for link in links:
        assert link["hreflang"] == link["lang"]
        assert urljoin(page_url, link["href"]) == f"{SITE_URL}/{LANGUAGES[link['lang']]}{slug}"


@pytest.mark.parametrize("language,words", [("fi", ("In English", "EN")), ("en", ("Suomeksi", "FI"))])
def test_the_language_switch_names_its_target_in_words(built_site, language, words):
    """Issue 21: in words, in the target language, no icon and no flag."""
    html = page_html(built_site, "maksajille/", language)
    switch = re.search(r'<a [^>]*class="site-language__link"[^>]*>(?P<inside>.*?)</a>', html, re.DOTALL)
    assert switch, "no language switch"
    inside = switch["inside"]
    long, short = words
    assert re.search(rf'class="site-language__long">{long}<', inside) and re.search(rf'class="site-language__short">{short}<', inside)
    assert "<svg" not in inside and "flag" not in html.lower()


def test_each_language_has_its_own_site_name_and_description(built_site):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    english = next(lang for lang in config["plugins"][1]["i18n"]["languages"] if lang["locale"] == "en")
    fi_home, en_home = page_html(built_site, "", "fi"), page_html(built_site, "", "en")
    assert f"<title>{config['site_name']}</title>" in fi_home
    assert f"<title>{english['site_name']}</title>" in en_home
    assert config["site_name"] != english["site_name"]


def primary_navigation(html: str) -> str:
    start = html.index('class="md-nav md-nav--primary')
    return html[start : html.index('class="md-content"', start)]


def test_navigation_is_grouped_and_translated(built_site):
    groups = {
        "fi": ["Palvelut", "Neuropsykiatrinen valmennus", "Ammatillinen tukihenkilötoiminta", "Valmennuksen jälkeen",
               "Palvelun ostajalle", "Palveluehdot", "Hinnat", "Opas ammattilaisille", "Yhteystiedot"],
        "en": ["Services", "Neuropsychiatric coaching", "Professional support-person work", "After coaching",
               "For purchasers", "Service terms", "Prices", "Guide for professionals", "Contact"],
    }
    for language in LANGUAGES:
        nav = primary_navigation(page_html(built_site, "maksajille/", language))
        positions = []
        for title in groups[language]:
            found = re.search(rf">\s*{re.escape(title)}\s*<", nav)
            assert found, (language, title)
            positions.append(found.start())
        assert positions == sorted(positions), (language, "menu order")
        # The accessibility statement and the privacy notice are in the footer, not in the menu.
        assert "saavutettavuusseloste/" not in nav and "tietosuoja/" not in nav


def test_the_old_address_still_resolves(built_site):
    html = (built_site / "ammatillinen-tukihenkilotoiminta/index.html").read_text(encoding="utf-8")
    assert "<h1" in html and 'lang="fi"' in html
    assert (built_site / "en/ammatillinen-tukihenkilotoiminta/index.html").is_file()


def test_nothing_is_loaded_from_another_origin(built_site):
    offenders = []
    for path in sorted(built_site.rglob("*.html")) + sorted(built_site.rglob("*.css")):
        for url in loaded_urls(path.read_text(encoding="utf-8")):
            if EXTERNAL.match(url) and not url.startswith(SITE_ORIGIN):
                offenders.append(f"{path.relative_to(built_site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_the_strict_build_has_no_warnings(site_build):
    problems = [line for line in site_build.output.splitlines() if re.match(r"\s*(WARNING|ERROR)\b", line)]
    assert site_build.returncode == 0
    assert not problems, "\n".join(problems)


def test_system_fonts_only(built_site):
    html = page_html(built_site, "", "fi")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    # The staff's editor at /admin/ serves its own fonts (self-hosted, never from a CDN); the site has none.
    assert not [font for font in built_site.rglob("*.woff2") if font.relative_to(built_site).parts[0] != "admin"]


def test_logo_and_favicon(built_site):
    assert (built_site / "assets/logo.svg").is_file()
    assert (built_site / "assets/favicon.svg").is_file()
    assert 'rel="icon" href="assets/favicon.svg"' in page_html(built_site, "", "fi")


def test_every_page_names_materials_script_for_its_loader(built_site):
    """overrides/main.html takes the address of Material's script from Material's own scripts block;
    if an update of Material changed that block, the loader would have nothing to load and pages would
    quietly lose search: every page must name a script that exists."""
    pages = sorted(built_site.rglob("*.html"))
    named = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "data-md-component=\"header\"" not in html:
            continue  # the CMS and the redirect pages have no Material page frame
        found = re.search(r'data-site-material="([^"]+)"', html)
        assert found, f"{page.relative_to(built_site)}: no address for Material's script"
        target = urljoin(f"{SITE_ORIGIN}/{page.relative_to(built_site).as_posix()}", found[1])
        assert target.startswith(SITE_ORIGIN + "/"), target
        assert (built_site / target[len(SITE_ORIGIN) + 1 :]).is_file(), f"{page.relative_to(built_site)}: {found[1]} does not exist"
        named += 1
    assert named >= 41, named
