"""The feature modules' pure functions, and the one source of the contact details.

Layer: unit tests, no build.
"""

from __future__ import annotations

import re
from datetime import date

from harness import ROOT
from website import contact, fragments, output, pages, price_file, render, seo, shortcodes, tables, translations
from website.pages import Source
from website.problems import StaffError

TEMPLATES = fragments.environment(ROOT)


def test_shortcodes_are_found_with_their_lines():
    text = "# Otsikko\n\nTeksti <!-- md:price support-person 90 --> ja\n\n<!--md:vat-rate-->\n"
    found = shortcodes.find_shortcodes(text)
    assert [(code.line, code.name, code.args) for code in found] == [
        (3, "price", ("support-person", "90")),
        (5, "vat-rate", ()),
    ]


def test_an_unknown_shortcode_is_reported_with_page_and_line():
    errors = shortcodes.unknown_shortcode_problems(Source("a.fi.md", "a\n<!-- md:prce-table x -->\n"), {"price-table"})
    assert len(errors) == 1
    assert (errors[0].file, errors[0].line) == ("docs/a.fi.md", 2)
    finnish, english = errors[0].message.split("\n    In English: ")
    assert finnish.startswith("docs/a.fi.md, rivi 2: sivulla on lyhytkoodi '<!-- md:prce-table x -->', jota sivusto ei tunne")
    assert "Tarkoititko 'md:price-table'?" in finnish
    assert english.startswith("docs/a.fi.md, line 2: the shortcode '<!-- md:prce-table x -->'")
    assert "Known shortcodes: md:price-table" in english


def test_plain_comments_are_not_shortcodes():
    assert shortcodes.find_shortcodes("<!-- TODO-RESULTS -->\n<!-- a note -->") == []


def test_every_module_declares_the_shortcodes_it_renders():
    assert set(render.KNOWN_SHORTCODES) >= {"price-table", "contact", "vat-rate", "cost-estimator", "next-step"}


CONTACT = {
    "organisation": "Metodi",
    "name": "Testi Henkilö",
    "role": {"fi": "Vastaava", "en": "Head"},
    "phone": {"fi": "040 123 4567", "en": "+358 40 123 4567"},
    "phone_uri": "+358401234567",
    "email": "testi@example.fi",
    "phone_hours": {"fi": "", "en": ""},
    "reply_time": {"fi": "", "en": ""},
}


def test_contact_card_links():
    card = contact.render_contact(CONTACT, "en", TEMPLATES)
    assert '<a href="tel:+358401234567">+358 40 123 4567</a>' in card
    assert '<a href="tel:+358401234567">040 123 4567</a>' in contact.render_contact(CONTACT, "fi", TEMPLATES)
    assert '<a href="mailto:testi@example.fi">testi@example.fi</a>' in card
    assert "Head, Metodi" in card and "Phone:" in card
    assert "Puhelin:" in contact.render_contact(CONTACT, "fi", TEMPLATES)
    # One line of HTML, so that Markdown keeps it one block; every value escaped.
    assert "\n" not in card
    assert "&lt;b&gt;" in contact.render_contact({**CONTACT, "name": "<b>"}, "fi", TEMPLATES)


def test_the_card_shows_the_phone_hours_and_the_buttons_the_reply_time_once_given():
    assert "Puhelinaika" not in contact.render_contact(CONTACT, "fi", TEMPLATES)
    given = {**CONTACT, "phone_hours": {"fi": "arkisin klo 9–16", "en": "weekdays 9 am to 4 pm"},
             "reply_time": {"fi": "kahden arkipäivän kuluessa", "en": "within two working days"}}
    assert "Puhelinaika: arkisin klo 9–16<br>" in contact.render_contact(given, "fi", TEMPLATES)
    assert "Phone hours: weekdays 9 am to 4 pm<br>" in contact.render_contact(given, "en", TEMPLATES)
    actions = contact.render_contact_actions(given, "fi", TEMPLATES)
    assert "Sinun ei tarvitse soittaa: voit hoitaa kaiken myös sähköpostilla. Vastaamme kahden arkipäivän kuluessa." in actions
    assert "Vastaamme" not in contact.render_contact_actions(CONTACT, "fi", TEMPLATES)


def test_actions_and_next_step_use_the_same_details():
    actions = contact.render_contact_actions(CONTACT, "en", TEMPLATES)
    assert 'href="tel:+358401234567"' in actions and ">Call <" in actions and "+358 40 123 4567" in actions
    assert 'href="mailto:testi@example.fi"' in actions and "Send an email" in actions
    # E-mail is a full alternative to calling: two buttons of the same weight, and the words to say so.
    buttons = re.findall(r'<a class="([^"]*)"', actions)
    assert len(buttons) == 2 and {classes.replace("contact-actions__call", "").replace("contact-actions__email", "") for classes in buttons} == {"md-button md-button--primary "}
    assert "You do not have to call: you can do everything by email too." in actions
    box = contact.render_next_step(CONTACT, "fi", "hinnat.fi.md", TEMPLATES)
    assert "## Ota yhteyttä" in box and actions.replace("Call", "Soita") not in box
    assert "[palveluehdot](palveluehdot.md)" in box and "(hinnat.md)" not in box
    nested = contact.render_next_step(CONTACT, "en", "opas/sivu.en.md", TEMPLATES)
    assert "(../palveluehdot.md)" in nested and "(../hinnat.md)" in nested


def test_no_contact_detail_is_typed_into_a_page():
    docs = ROOT / "docs"
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "578743" not in re.sub(r"\D", "", text), path
        assert "toni.kataja" not in text, path


def test_a_page_in_one_language_only_is_named():
    sources = tuple(Source(path, "---\ndescription: x\n---\n") for path in ["index.fi.md", "index.en.md", "uusi.fi.md", "notes.md"])
    errors = [problem.message for problem in translations.check(sources)]
    assert any(error.startswith("docs/uusi.en.md puuttuu: sivusta docs/uusi.fi.md ei ole englanninkielistä versiota") for error in errors)
    assert any("In English: docs/uusi.en.md is missing: docs/uusi.fi.md has no English version" in error for error in errors)
    assert any(error.startswith("docs/notes.md: tiedoston nimestä puuttuu kieli") for error in errors)
    assert any("In English: docs/notes.md: the file name has no language" in error for error in errors)


def test_a_missing_description_is_named():
    missing = translations.description_problem(Source("a.fi.md", "# Otsikko\n")).message
    assert missing.startswith("docs/a.fi.md: sivulta puuttuu kuvaus (description)") and "has no description" in missing
    assert translations.description_problem(Source("a.fi.md", "---\ndescription: Hyvä.\n---\n# Otsikko\n")) is None
    broken = translations.description_problem(Source("a.fi.md", "---\ndescription: Hinnat: x\n---\n")).message
    assert "kirjoita koko arvo lainausmerkkeihin" in broken and "double quotes" in broken
    # An opening section that is never closed is not called a missing description.
    unclosed = translations.description_problem(Source("a.fi.md", "---\ndescription: Hyvä.\n\n# Otsikko\n")).message
    assert "sivulta puuttuu kuvaus" not in unclosed and "'---'" in unclosed


def test_tables_get_caption_and_scope():
    html = "<p>Table: Vertailu</p>\n<table>\n<thead>\n<tr>\n<th>A</th>\n<th align=\"left\">B</th></tr></thead></table>"
    result = tables.caption_tables(html)
    assert "<caption>Vertailu</caption>" in result and "<thead>" in result
    assert result.count('scope="col"') == 2
    assert tables.uncaptioned_tables(result) == 0
    assert tables.uncaptioned_tables("<table><tr><td>x</td></tr></table>") == 1


def test_every_data_cell_carries_its_column_name():
    html = (
        '<table>\n<caption>X</caption><thead><tr><th scope="col">Ehto</th><th scope="col">Valmennus "A"</th></tr></thead>'
        "<tbody><tr><td>Sopimus</td><td>Aina</td></tr><tr><td>Raportti</td><td><em>Kuukausittain</em></td></tr></tbody></table>"
    )
    result = tables.label_cells(html)
    assert result.count('data-label="Ehto"') == 2
    assert '<td data-label="Valmennus &quot;A&quot;"><em>Kuukausittain</em></td>' in result
    assert tables.label_cells(result) == result
    assert result.startswith("<table data-cards>")
    assert tables.label_cells("<table><tr><td>x</td></tr></table>") == "<table><tr><td>x</td></tr></table>"


def test_every_table_is_written_in_materials_scroll_box_once():
    opening, closing = tables.SCROLL_WRAP
    html = "<p>a</p><table data-cards><tr><td>1</td></tr></table><p>b</p><table><tr><td>2</td></tr></table>"
    result = tables.wrap_tables(html)
    assert result == f"<p>a</p>{opening}<table data-cards><tr><td>1</td></tr></table>{closing}<p>b</p>{opening}<table><tr><td>2</td></tr></table>{closing}"
    assert tables.wrap_tables(result) == result
    assert opening == '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


def test_a_table_without_caption_is_found_by_its_line():
    source = "---\ndescription: x\n---\n\nTable: Hinnat\n\n| a |\n| - |\n| 1 |\n\nTeksti.\n\n| b |\n| - |\n"
    assert tables.uncaptioned_table_lines(source) == [13]


def test_caption_line_needs_no_blank_line():
    assert tables.separate_caption_lines("Table: X\n| a |\n") == "Table: X\n\n| a |\n"


def test_alternates_of_a_nested_english_page():
    versions = seo.alternates("en/toipumisorientaatio/yhteys/", "https://example.fi/")
    assert [(v.language, v.path, v.url) for v in versions] == [
        ("fi", "toipumisorientaatio/yhteys/", "https://example.fi/toipumisorientaatio/yhteys/"),
        ("en", "en/toipumisorientaatio/yhteys/", "https://example.fi/en/toipumisorientaatio/yhteys/"),
    ]
    assert seo.language_of("en/") == "en" and seo.language_of("") == "fi"
    assert seo.language_of("english-page/") == "fi"


def test_slugs_from_sources():
    assert pages.slugs(["index.fi.md", "a.en.md", "b/index.fi.md", "b/c.fi.md"]) == ["", "a/", "b/", "b/c/"]


def test_search_index_is_split_by_language():
    index = {
        "config": {"lang": ["fi", "en"], "separator": " "},
        "docs": [
            {"location": "", "title": "Etusivu", "text": ""},
            {"location": "en/", "title": "Home", "text": ""},
            {"location": "en/hinnat/#x", "title": "Prices", "text": ""},
            {"location": "english/", "title": "Finnish page with an English slug", "text": ""},
        ],
    }
    split = output.split_index(index)
    assert split["fi"]["config"]["lang"] == ["fi"] and split["en"]["config"]["lang"] == ["en"]
    assert [doc["location"] for doc in split["fi"]["docs"]] == ["", "english/"]
    assert [doc["location"] for doc in split["en"]["docs"]] == ["", "hinnat/#x"]


def test_publish_swaps_folders(tmp_path):
    site, staging = tmp_path / "site", output.staging_dir(tmp_path / "site")
    site.mkdir()
    (site / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    output.publish(staging, site)
    assert [path.name for path in site.iterdir()] == ["new.html"]
    assert not staging.exists() and not site.with_name("site.previous").exists()


def test_serve_is_left_alone():
    import main

    main.on_startup(command="serve", dirty=False)
    assert main._command["staging"] is None and main._command["site"] is None
    main.on_shutdown()


def test_task_list_items_become_labels():
    from website import task_lists

    html = '<ul><li class="task-list-item"><input type="checkbox"/> Kuuntelen.</li></ul>'
    assert task_lists.label_task_items(html) == (
        '<ul><li class="task-list-item"><label class="task-list-label"><input type="checkbox"/> Kuuntelen.</label></li></ul>'
    )


def test_stylesheets_are_served_as_one_bundle(tmp_path):
    from website import stylesheets

    theme = tmp_path / "theme"
    (theme / "assets/css").mkdir(parents=True)
    (theme / "assets/css/a.css").write_text('@charset "UTF-8";a{color:red}/*# sourceMappingURL=a.css.map*/', encoding="utf-8")
    (theme / "assets/css/b.css").write_text("/* why */\nb { color: blue; }\n", encoding="utf-8")
    site = tmp_path / "site"
    html = (
        '<head><link rel="stylesheet" href="../../assets/css/a.css">\n'
        '<link rel="stylesheet" href="../../assets/css/b.css">\n</head>'
    )
    bundles: dict = {}
    result = stylesheets.bundle_page(html, "en/hinnat", site, [theme], bundles)
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', result)
    assert len(links) == 1 and re.fullmatch(r"\.\./\.\./assets/css/bundle\.[0-9a-f]{8}\.css", links[0])
    bundle = (site / "en/hinnat" / links[0]).resolve().read_text(encoding="utf-8")
    assert bundle == '@charset "UTF-8";\na{color:red}\nb { color: blue; }\n'
    assert stylesheets.bundle_page(result, "en/hinnat", site, [theme], bundles) == result
    absolute = '<link rel="stylesheet" href="/assets/css/a.css"><link rel="stylesheet" href="/assets/css/b.css">'
    assert stylesheets.bundle_page(absolute, "", site, [theme], bundles) == absolute


PRICE_FIXTURE = (ROOT / "tests" / "fixtures" / "prices.yml").read_text(encoding="utf-8")


def price_lines() -> list[str]:
    return PRICE_FIXTURE.splitlines()


def nth_line(lines: list[str], pattern: str, n: int) -> int:
    """The index of the n-th line (from 0) that matches ``pattern``: found by key, never by a figure."""
    return [index for index, line in enumerate(lines) if re.search(pattern, line)][n]


def price_error(lines: list[str]) -> tuple[str, str]:
    try:
        price_file.read_price_file("\n".join(lines) + "\n")
    except StaffError as error:
        finnish, english = str(error).split("\n    In English: ")
        return finnish, english
    raise AssertionError("the broken price file was accepted")


def test_a_lost_dash_is_suspected_and_no_line_is_to_be_deleted():
    # The trial's edit: '      - minutes: 120' → '        minutes: 120' (the second length lost its '- ').
    lines = price_lines()
    second = nth_line(lines, r"^\s*- minutes:", 1)
    own = re.sub(r"\s+#.*$", "", lines[second]).strip()  # without a "# 2 h" comment
    lines[second] = lines[second].replace("- ", "  ", 1)
    finnish, english = price_error(lines)
    number = second + 1
    assert finnish.startswith(f"data/prices.yml, rivi {number}: ")
    assert (
        f"Onko rivin {number} alusta kadonnut '- '? Jokainen kesto alkaa omalla rivillään merkeillä '- ', "
        f"kuten '{own}'." in finnish
    )
    assert f"Has line {number} lost the '- ' at its start?" in english
    assert "Keep one of them" not in english and "Poista toinen" not in finnish
    assert "Älä poista riviä" in finnish and "Do not delete the line" in english

    # Deleting that line anyway (the old advice) leaves a price without its length: still no deletion.
    del lines[second]
    finnish, english = price_error(lines)
    assert f"Onko rivin {number} alusta kadonnut '- '?" in finnish and "'- minutes: …'" in finnish
    assert "Do not delete the line" in english


def test_a_lost_dash_in_the_vat_rates_names_a_vat_rate():
    lines = price_lines()
    second = nth_line(lines, r"^\s*- rate:", 1)
    lines[second] = lines[second].replace("- ", "  ", 1)
    finnish, _ = price_error(lines)
    assert f"Onko rivin {second + 1} alusta kadonnut '- '? Jokainen arvonlisäverokanta alkaa" in finnish


def test_a_key_twice_outside_a_list_is_still_keep_one():
    lines = price_lines()
    on_request = nth_line(lines, r"^\s*on_request: true", 0)
    lines.insert(on_request, lines[on_request])
    finnish, english = price_error(lines)
    assert "'on_request' on kahdesti" in finnish and "Poista toinen" in finnish
    assert "'on_request' appears twice" in english and "Keep one of them" in english


def set_price(lines: list[str], value: str) -> tuple[list[str], int, str]:
    index = nth_line(lines, r"^\s*price:", 1)
    own = lines[index].split("price:")[1].strip()
    lines[index] = lines[index].split("price:")[0] + f"price: {value}"
    return lines, index + 1, own


def test_a_price_written_as_people_write_it_gets_its_own_number_back():
    lines, number, own = set_price(price_lines(), "95,00 €")
    finnish, english = price_error(lines)
    assert finnish.startswith(f"data/prices.yml, rivi {number} (kohta 'services → support-person → durations → 1 → price'): ")
    assert "hinta '95,00 €' ei ole luku." in finnish
    assert "Käytä desimaalierottimena pistettä, ei pilkkua." in finnish and "Poista €-merkki" in finnish
    assert "Poista €-merkki ja kirjoita hinta muodossa 95.00." in finnish
    assert "Use a dot, not a comma, for decimals." in english and "Remove the € sign" in english
    assert "Write it like 95.00." in english

    finnish, english = price_error(set_price(price_lines(), "noin 95")[0])
    assert "Poista sana 'noin' ja kirjoita hinta muodossa 95.00." in finnish
    assert "Remove the word 'noin'" in english and "Write it like 95.00." in english

    finnish, _ = price_error(set_price(price_lines(), "95.0.0")[0])
    assert "Kirjoita se esimerkiksi muodossa 70.00." in finnish


def test_a_rate_and_a_date_written_the_finnish_way():
    lines = price_lines()
    rate = nth_line(lines, r"^\s*- rate:", 1)
    lines[rate] = lines[rate].split("rate:")[0] + "rate: 25,5 %"
    finnish, english = price_error(lines)
    assert "Poista %-merkki ja kirjoita arvonlisäverokanta muodossa 25.5." in finnish and "Write it like 25.5." in english

    lines = price_lines()
    day = nth_line(lines, r"^\s*from:", 1)
    lines[day] = lines[day].split("from:")[0] + "from: 1.9.2024"
    finnish, english = price_error(lines)
    assert "kirjoitetaan muodossa VVVV-KK-PP, eli 2024-09-01" in finnish
    assert "'1.9.2024' is not a real date" in english and "here 2024-09-01" in english


def test_a_yaml_indentation_error_says_how_many_spaces():
    lines = price_lines()
    index = nth_line(lines, r"^\s*price:", 1)
    wanted = len(lines[index]) - len(lines[index].lstrip())
    lines[index] = " " * (wanted - 2) + lines[index].lstrip()
    finnish, english = price_error(lines)
    assert finnish.startswith(f"data/prices.yml, rivi {index + 1}: rivin sisennys on väärä.")
    assert f"Rivin alussa on nyt {wanted - 2} välilyöntiä, mutta siinä pitää olla {wanted}, kuten rivillä {index}." in finnish
    # The parser's own words are for developers only.
    assert "expected" not in finnish and "<block end>" in english
    assert re.search(r"line \d+, column \d+: the file is not valid YAML .* indentation", english)


def test_a_tab_and_a_missing_space_are_named():
    lines = price_lines()
    index = nth_line(lines, r"^\s*price:", 1)
    wanted = len(lines[index]) - len(lines[index].lstrip())
    tabbed = lines[:index] + ["\t" + lines[index].lstrip()] + lines[index + 1 :]
    finnish, _ = price_error(tabbed)
    assert "rivin alussa on sarkain (tab)" in finnish and f"Kirjoita rivin alkuun {wanted} välilyöntiä" in finnish

    squeezed = lines[:index] + [lines[index].replace("price: ", "price:")] + lines[index + 1 :]
    finnish, _ = price_error(squeezed)
    assert finnish.startswith(f"data/prices.yml, rivi {index + 1}: kaksoispisteen jälkeen puuttuu välilyönti.")
    assert f"Kirjoita '{lines[index].strip()}'." in finnish


def test_shortcode_errors_name_the_place_in_both_languages():
    from website import prices

    data = price_file.read_price_file(PRICE_FIXTURE)
    rate = price_file.rate_in_force(data.vat_rates, date(2026, 1, 1))
    source = Source("a.fi.md", "a\nb\n<!-- md:price-table suport-person -->\n")
    [error] = shortcodes.check(source, prices.renderers(prices.Schedule(data, date(2026, 1, 1)), "fi"), prices.SHORTCODE_NAMES)
    assert (error.file, error.line) == ("docs/a.fi.md", 3)
    finnish, english = error.message.split("\n    In English: ")
    assert finnish.startswith("docs/a.fi.md, rivi 3: lyhytkoodissa '<!-- md:price-table suport-person -->' on palvelu")
    assert "Tarkoititko 'support-person'?" in finnish
    assert english.startswith("docs/a.fi.md, line 3: '<!-- md:price-table suport-person -->' names the service")


def test_serve_previews_a_page_in_one_language_but_build_stops(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("index.fi.md", "index.en.md", "uutinen.fi.md"):
        (docs / name).write_text("---\ndescription: Kuvaus.\n---\n\n# Otsikko\n\nTeksti.\n", encoding="utf-8")
    from website.problems import stops

    sources = pages.read_sources(docs)
    errors = translations.check(sources, serving=False)
    assert len(errors) == 1 and errors[0].message.startswith("docs/uutinen.en.md puuttuu") and stops(errors, serving=False)
    errors = translations.check(sources, serving=True)
    assert len(errors) == 1 and errors[0].message.startswith("Esikatselu: docs/uutinen.fi.md näkyy esikatselussa")
    assert not stops(errors, serving=True)
    assert translations.pages_in_one_language(sources) == {"uutinen.fi.md": translations.MissingPair("uutinen", "fi", "en")}

    (docs / "Toinen.FI.md").write_text("---\ndescription: x\n---\n", encoding="utf-8")
    errors = [error for error in translations.check(pages.read_sources(docs), serving=True) if stops([error], serving=True)]
    assert len(errors) == 1 and "kieliosa '.FI' pitää kirjoittaa pienillä kirjaimilla" in errors[0].message
    assert "docs/toinen.fi.md" in errors[0].message


def test_the_preview_notice_comes_after_the_heading_in_both_languages():
    pair = translations.MissingPair("uutinen", "fi", "en")
    page = translations.with_preview_notice("# Uutinen\n\nTeksti.\n", pair)
    assert page.startswith("# Uutinen\n") and page.index("Esikatselu") < page.index("Teksti.")
    assert (
        "tältä sivulta puuttuu vielä englanninkielinen versio `docs/uutinen.en.md`. Julkaisu pysähtyy, "
        "kunnes se on lisätty." in page
    )
    assert "this page has no English version `docs/uutinen.en.md` yet" in page
    assert "Esikatselu: docs/uutinen.fi.md näkyy esikatselussa" in translations.preview_warning(pair)


def test_the_preview_drops_only_the_other_language_build_missing_that_page():
    nav = "A reference to 'uutinen.md' is included in the 'nav' configuration, which is not found in the documentation files."
    link = "Doc file 'palvelut/a.en.md' contains a link '../uutinen.md#x', but the target is not found among documentation files."
    assert translations.about_page_in_one_language(nav, {"uutinen"})
    assert translations.about_page_in_one_language(link, {"uutinen"})
    assert not translations.about_page_in_one_language(nav, {"toinen"})
    assert not translations.about_page_in_one_language(nav.replace("uutinen", "uutinn"), {"uutinen"})


def test_the_first_screen_is_inlined_and_the_rest_loads_without_blocking(tmp_path):
    from website import stylesheets

    theme = tmp_path / "theme" / "assets" / "stylesheets"
    theme.mkdir(parents=True)
    (theme / "material.css").write_text(".a{color:red}", encoding="utf-8")
    (theme / "site.css").write_text(".b{color:blue}", encoding="utf-8")
    inputs = stylesheets.split_inputs(".a{color:red}", ".b{color:blue}")
    (theme / "critical.css").write_text(f"/* x inputs {inputs} */\n.a{{color:red}}\n", encoding="utf-8")
    (theme / "rest.css").write_text(f"/* x inputs {inputs} */\n.b{{color:blue}}\n", encoding="utf-8")
    html = (
        '<head><link rel="stylesheet" href="../../assets/stylesheets/material.css">\n  '
        '<link rel="stylesheet" href="../../assets/stylesheets/site.css">\n</head>'
    )
    result = stylesheets.inline_critical(html, "en/hinnat", [tmp_path / "theme"], {})
    assert "<style>.a{color:red}</style>" in result
    assert '<link rel="stylesheet" href="../../assets/stylesheets/rest.css" media="print" id="__rest-css">' in result
    assert '<noscript><link rel="stylesheet" href="../../assets/stylesheets/rest.css"></noscript>' in result
    assert "material.css" not in result and "site.css" not in result
    # site.css edited after the split: the page keeps its stylesheets (bundle_page then bundles them)
    (theme / "site.css").write_text(".b{color:green}", encoding="utf-8")
    assert stylesheets.inline_critical(html, "en/hinnat", [tmp_path / "theme"], {}) == html


def test_style_elements_are_allowed_by_hash_only_where_inline_styles_are_not(tmp_path):
    from website import security

    html = "<html><head><style>.a{color:red}</style></head><body></body></html>"
    page = security.policy_of(security.with_policy(html))
    assert f"style-src 'self' {security.script_hash('.a{color:red}')};" in page
    admin = security.policy_of(security.with_policy(html, security.ADMIN_DIRECTIVES))
    assert "style-src 'self' 'unsafe-inline' blob:;" in admin  # a hash would switch 'unsafe-inline' off
