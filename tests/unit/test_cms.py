"""The CMS at /admin/ (Sveltia CMS, admin/): its configuration covers every page and the price file,
its page is published once and kept out of search engines, search and menus, it loads in Chromium
in Finnish with nothing from another host, what it saves is what the build reads, and the committed
bundle is the one scripts/update_cms.py recorded.

Layer: unit tests, no build.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import tarfile
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
import yaml

from website import price_file
from harness import ROOT

import update_cms
from cms_helpers import ADMIN, CONFIG, FINNISH, NOTE, PRICES, collection, page_files, split_page


def page_collections() -> list[dict]:
    return [item for item in CONFIG["collections"] if "folder" in item]


def entry_regex(item: dict) -> re.Pattern:
    """The files a folder collection reads, as Sveltia matches them (services/contents/file/config.js):
    ``<folder>/<slug>.<locale>.<extension>`` for i18n ``multiple_files``, the slug without a slash."""
    assert CONFIG["i18n"]["structure"] == "multiple_files" and item.get("i18n") is True, item["name"]
    assert "path" not in item and "nested" not in item, "the coverage check below assumes one folder level"
    locales = "|".join(CONFIG["i18n"]["locales"])
    return re.compile(
        rf"^{re.escape(item['folder'])}/(?P<slug>[^/]+?)\.(?P<locale>{locales})\.{re.escape(item.get('extension', 'md'))}$"
    )


def field_paths(fields: list[dict], prefix: tuple = ()) -> set[tuple]:
    """Every key path the fields describe; list items are '*'."""
    paths = set()
    for field in fields:
        path = prefix + (field["name"],)
        paths.add(path)
        if field.get("widget") == "list":
            paths |= field_paths(field.get("fields", []), path + ("*",))
        elif field.get("widget") == "object":
            paths |= field_paths(field["fields"], path)
    return paths


def data_paths(value, prefix: tuple = ()) -> set[tuple]:
    paths = set()
    if isinstance(value, dict):
        for key, item in value.items():
            paths.add(prefix + (key,))
            paths |= data_paths(item, prefix + (key,))
    elif isinstance(value, list):
        for item in value:
            paths |= data_paths(item, prefix + ("*",))
    return paths


def all_fields(fields: list[dict]):
    for field in fields:
        yield field
        yield from all_fields(field.get("fields", []))


def js_pattern(field: dict) -> re.Pattern:
    """A field's validation pattern; JavaScript and Python read these simple ones alike."""
    return re.compile(field["pattern"][0])


def test_saves_go_through_pull_requests_to_this_repository():
    mkdocs = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    backend = CONFIG["backend"]
    assert backend["name"] == "github"
    assert backend["repo"] == urlsplit(mkdocs["repo_url"]).path.strip("/")
    assert backend["branch"] == "main"
    # No OAuth helper service exists: the GitHub button would send staff to Netlify's.
    assert backend["auth_methods"] == ["token"]
    assert CONFIG["publish_mode"] == "editorial_workflow"


def test_languages_match_the_sites_page_pairs():
    assert CONFIG["i18n"] == {"structure": "multiple_files", "locales": ["fi", "en"], "default_locale": "fi"}
    # The interface language comes from admin/index.html: Sveltia ignores a 'locale' option (and warns).
    assert "locale" not in CONFIG
    assert CONFIG["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def test_every_page_and_its_english_pair_is_in_exactly_one_collection():
    regexes = {item["name"]: entry_regex(item) for item in page_collections()}
    owner = {}
    for path in page_files():
        matches = [(name, regex.match(path)) for name, regex in regexes.items() if regex.match(path)]
        assert len(matches) == 1, f"{path} is in {len(matches)} CMS collections: {[name for name, _ in matches]}"
        owner[path] = matches[0]
    finnish = [path for path in owner if path.endswith(".fi.md")]
    assert len(finnish) >= 10
    for path in finnish:
        english = path[: -len(".fi.md")] + ".en.md"
        assert english in owner, f"{english} is missing"
        (name, fi_match), (en_name, en_match) = owner[path], owner[english]
        assert (name, fi_match["slug"]) == (en_name, en_match["slug"])
        assert (fi_match["locale"], en_match["locale"]) == ("fi", "en")


def test_page_fields_cover_the_front_matter_and_keep_the_body_as_written():
    used = set()
    for path in page_files():
        used |= set(split_page(path)[0])
    assert "description" in used
    for item in page_collections():
        fields = {field["name"]: field for field in item["fields"]}
        assert used <= set(fields) - {"body"}, f"{item['name']}: no field for {used - set(fields)}"
        assert fields["description"]["i18n"] is True and fields["description"]["required"] is True
        assert fields["template"]["i18n"] == "duplicate"
        body = fields["body"]
        assert (body["widget"], body["modes"], body["i18n"]) == ("markdown", ["raw"], True)
        assert item["format"] == "yaml-frontmatter" and item["delete"] is False
        assert item["slug"]["editable"] == ["create"]


def test_the_cms_validation_accepts_every_page_as_it_is_and_stops_what_the_build_rejects():
    for item in page_collections():
        fields = {field["name"]: field for field in item["fields"]}
        slug = re.compile(item["slug"]["pattern"][0])
        heading = js_pattern(fields["body"])
        templates = {option["value"] for option in fields["template"]["options"]}
        regex = entry_regex(item)
        for path in page_files():
            match = regex.match(path)
            if not match:
                continue
            front, body = split_page(path)
            assert slug.search(match["slug"]), path
            assert heading.search(body.strip()), f"{path}: the CMS would refuse its body"
            assert front.get("template", next(iter(templates))) in templates, path
        for bad in ("ryhmävalmennus", "Ryhmat", "ryhma valmennus", "ryhma_valmennus", "-ryhma"):
            assert not slug.search(bad), bad
        for bad in ("Ei otsikkoa", "## Väliotsikko", "# Yksi\n\nteksti\n\n# Toinen"):
            assert not heading.search(bad), bad


def test_every_key_of_the_price_file_is_a_field_and_no_field_adds_a_key():
    prices = collection("prices")
    (entry,) = prices["files"]
    assert entry["file"] == price_file.DATA_FILE
    data = yaml.safe_load(PRICES.read_text(encoding="utf-8"))
    in_file, in_config = data_paths(data), field_paths(entry["fields"])
    # Missing fields would still be kept (Sveltia writes unknown keys back), but staff could not see
    # them; a field the file lacks would add a key that hooks/price_file.py rejects. The one exception:
    # a price row's start date, optional, which the CMS leaves out when it is empty
    # (output.omit_empty_optional_fields) and the file may or may not have today.
    optional = {path for path in in_config if path[-3:] == ("durations", "*", "from")}
    assert optional == {("services", "support-person", "durations", "*", "from")}
    assert field_at(entry["fields"], next(iter(optional)))["required"] is False
    assert CONFIG["output"]["omit_empty_optional_fields"] is True
    assert in_file <= in_config and in_config - in_file <= optional, {
        "not in the CMS": in_file - in_config, "not in the file": in_config - in_file - optional}


def field_at(fields: list[dict], path: tuple) -> dict:
    """The field at a key path of field_paths(), e.g. ('vat_rates', '*', 'rate')."""
    name, *rest = [part for part in path if part != "*"]
    field = next(field for field in fields if field["name"] == name)
    return field_at(field["fields"], tuple(rest)) if rest else field


RATE = ("vat_rates", "*", "rate")
MINUTES = ("services", "support-person", "durations", "*", "minutes")
PRICE = ("services", "support-person", "durations", "*", "price")
PRICE_FROM = ("services", "support-person", "durations", "*", "from")

# What staff type, and whether the form may take it. The build's limits: a VAT rate 5–40 (%), a length
# in whole minutes of at least 30, a price above zero with at most two decimals; decimals with a dot.
TYPED = {
    RATE: (["24", "25.5", "14", "10", "5", "40", "26", "13.5", "25.50"],
           ["0.255", "0.26", "25,5", "26 %", "4.9", "4", "0", "40.5", "41", "100", "-24", "", "25.", "25.555", "2 5"]),
    MINUTES: (["90", "120", "150", "180", "30", "45", "60", "600"],
              ["1,5", "1.5", "3", "29", "0", "90.5", "90,0", "3 h", "1,5 h", "120 min", "-90", "", "090"]),
    PRICE: (["70", "70.00", "72.5", "72.50", "95", "95.00", "0.01", "0.5", "1000", "110.1"],
            ["95,00", "72,50", "72,5", "95,00 €", "95 €", "€95", "0", "0.00", "0.0", "-5", "95.005", "", "95.", ".5",
             "1 000", "95.00.0", "0,50"]),
}


def test_price_file_numbers_are_text_fields_with_the_builds_limits():
    """Sveltia's number field (an <input type=number>) loses a decimal comma: typing "95,00" leaves 0,
    "72,50" leaves 50, and the entry saves (staff trial 2, C1). The price file's numbers are therefore
    string fields whose pattern refuses a comma, and everything else the build refuses, before saving,
    with a Finnish message that shows the right way to type it."""
    (entry,) = collection("prices")["files"]
    for path, (good, bad) in TYPED.items():
        field = field_at(entry["fields"], path)
        assert (field["widget"], field["required"]) == ("string", True), path
        assert not {"value_type", "min", "max", "step"} & set(field), path
        regex, message = js_pattern(field), field["pattern"][1]
        for text in good:
            assert regex.search(text), f"{path[-1]}: the CMS refuses {text!r}"
        for text in bad:
            # Sveltia tests the trimmed value: an empty one is refused as required, not by the pattern.
            assert not text.strip() or not regex.search(text.strip()), f"{path[-1]}: the CMS takes {text!r}"
        assert "pisteellä" in message or path == MINUTES, message
        assert re.search(r"\d\.\d", message) or path == MINUTES, f"{path[-1]}: the message shows no example with a dot"
    assert "0.255" in field_at(entry["fields"], RATE)["pattern"][1]
    assert "72,50" in field_at(entry["fields"], PRICE)["pattern"][1]
    assert "30" in field_at(entry["fields"], MINUTES)["pattern"][1]


def test_what_the_form_takes_the_build_reads_as_the_same_number():
    """Every value the form accepts, saved as Sveltia saves a string field (quoted), is read by
    hooks/website/price_file.py as that very number; and every value in the price file today passes
    the form, both as written and as the CMS shows it after YAML made it a number (70.00 -> 70)."""
    (entry,) = collection("prices")["files"]
    text = PRICES.read_text(encoding="utf-8")
    base = yaml.load(text, Loader=yaml.BaseLoader)
    for rate in base["vat_rates"]:
        for shown in (rate["rate"], str(yaml.safe_load(rate["rate"]))):
            assert js_pattern(field_at(entry["fields"], RATE)).search(shown), shown
    for name, service in base["services"].items():
        for row in service.get("durations", []):
            assert js_pattern(field_at(entry["fields"], MINUTES)).search(row["minutes"]), (name, row)
            for shown in (row["price"], f"{yaml.safe_load(row['price']):g}"):
                assert js_pattern(field_at(entry["fields"], PRICE)).search(shown), (name, shown)
    for typed in TYPED[PRICE][0]:
        saved = re.sub(r"(?m)^(\s+price:) [^\n#]+", rf"\1 '{typed}'", text, count=1)
        data = price_file.read_price_file(saved)
        assert data.services["support-person"].durations[0].net == Decimal(typed), typed
    for typed in TYPED[RATE][0]:
        saved = re.sub(r"(?m)^(\s+- rate:) [^\n#]+", rf"\1 '{typed}'", text, count=1)
        assert price_file.read_price_file(saved).vat_rates[0].percent == Decimal(typed), typed
    rows = re.compile(r"(?m)^( +)durations:\n(?:\1  .*\n)+")
    assert rows.search(text)
    for typed in TYPED[MINUTES][0]:
        saved = rows.sub(lambda match: f"{match[1]}durations:\n{match[1]}  - minutes: '{typed}'\n{match[1]}    price: '70'\n", text)
        (duration,) = price_file.read_price_file(saved).services["support-person"].durations
        assert duration.minutes == int(typed), typed


def test_price_rows_take_an_optional_start_date_and_say_how_to_prepare_a_price_change():
    (entry,) = collection("prices")["files"]
    start = field_at(entry["fields"], PRICE_FROM)
    assert (start["widget"], start["type"], start["format"], start["required"]) == ("datetime", "date", "YYYY-MM-DD", False)
    assert "tyhjä = jo voimassa" in start["label"]
    hint = " ".join(start["hint"].split())
    assert "uusi rivi" in hint and "sama kesto" in hint and "älä muuta" in hint.lower(), hint
    durations = field_at(entry["fields"], PRICE[:-2])
    assert "{{fields.from}}" in durations["summary"]
    vat_from = field_at(entry["fields"], ("vat_rates", "*", "from"))
    assert (vat_from["widget"], vat_from["format"], vat_from["required"]) == ("datetime", "YYYY-MM-DD", True)


def test_the_rest_of_the_price_form():
    (entry,) = collection("prices")["files"]
    fields = {field["name"]: field for field in all_fields(entry["fields"])}
    services = {field["name"]: field for field in entry["fields"]}["services"]["fields"]
    coaching = {field["name"]: field for field in next(f for f in services if f["name"] == "coaching")["fields"]}
    assert coaching["on_request"]["readonly"] is True and coaching["on_request"]["default"] is True
    texts = js_pattern(fields["vat_free"])
    data = price_file.load_price_file(PRICES)
    for language in price_file.LANGUAGES:
        for text in data.texts[language].values():
            assert texts.search(text)
    assert not texts.search("Verokanta {vat} on voimassa")


def own_finnish() -> dict:
    """Our words over Sveltia's Finnish strings: the JSON in admin/index.html's #metodi-fi."""
    html = (ADMIN / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="metodi-fi">(.*?)</script>', html, re.DOTALL)
    assert match, "admin/index.html: no #metodi-fi"
    return json.loads(match[1])


def leaves(value: dict, prefix: tuple = ()):
    for key, item in value.items():
        if isinstance(item, dict):
            yield from leaves(item, prefix + (key,))
        else:
            yield prefix + (key,), item


def test_staff_see_plain_finnish_labels():
    """Staff trial 2, m6: the new page's file name was labelled "Slug", the home page was listed by its
    title, and the body hint's shortcode example was eaten as an HTML comment ("lyhytkoodeja ()")."""
    own = own_finnish()
    assert own["slug"] == "Tiedoston nimi" and own["entry_sidebar"]["slug"]["title"] == "Tiedoston nimi"
    bundle = (ADMIN / "sveltia-cms.js").read_text(encoding="utf-8")
    for path, text in leaves(own):
        assert text.strip() and "slug" not in text.lower(), (path, text)
        # Every key is one the CMS uses: in its Finnish strings or, where those lack it, its English ones.
        finnish = FINNISH
        for key in path:
            finnish = finnish.get(key) if isinstance(finnish, dict) else None
        assert finnish is not None or re.search(rf"[{{,]{re.escape(path[-1])}:`", bundle), f"the CMS has no string {'.'.join(path)}"
    for item in page_collections():
        body = {field["name"]: field for field in item["fields"]}["body"]
        outside_code = re.sub(r"`[^`]*`", "", body["hint"])
        assert "<" not in outside_code, "an HTML comment in a hint outside `code` is not shown"
        assert "`<!-- md:... -->`" in body["hint"]
    pages = collection("pages")
    # The home page is the only page with a template: the list names it "Etusivu".
    assert pages["summary"] == "{{fields.template | ternary('Etusivu: ', '')}}{{title}}"
    with_template = {path for path in page_files() if "template" in split_page(path)[0]}
    assert with_template == {"docs/index.fi.md", "docs/index.en.md"}


def test_the_committed_files_are_the_ones_the_update_script_recorded():
    assert NOTE["package"] == update_cms.PACKAGE
    assert NOTE["version"] == update_cms.PINNED_VERSION, "run scripts/update_cms.py after changing PINNED_VERSION"
    assert NOTE["integrity"].startswith("sha512-")
    assert set(NOTE["files"]) >= {"sveltia-cms.js", "LICENSE.txt", "locales/fi.json"}
    for name, entry in NOTE["files"].items():
        assert hashlib.sha256((ADMIN / name).read_bytes()).hexdigest() == entry["sha256"], (
            f"admin/{name} differs from what scripts/update_cms.py wrote: run it again instead of editing the file"
        )
    bundle = (ADMIN / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in bundle
    for font in NOTE["fonts"]:
        assert font["replaces"] not in bundle


def fake_tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_the_update_script_refuses_a_tarball_that_does_not_match_the_registry():
    data = b"the package"
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    update_cms.check_integrity(data, good)
    with pytest.raises(update_cms.UpdateError, match="does not match"):
        update_cms.check_integrity(data + b"!", good)
    with pytest.raises(update_cms.UpdateError, match="no sha512"):
        update_cms.check_integrity(data, "sha1-abc")


def test_the_update_script_points_the_bundles_fonts_at_the_site():
    address = "https://cdn.jsdelivr.net/fontsource/fonts/some-icons:vf@1.2.3/latin-wght-normal.woff2"
    bundle = f"@font-face{{src:url({address}) format('woff2')}}".encode()
    asked = []

    def fetch_package(package, version):
        asked.append((package, version))
        tarball = fake_tarball({"package/files/some-icons-latin-wght-normal.woff2": b"font", "package/LICENSE": b"OFL"})
        return {"version": version, "license": "OFL-1.1", "dist": {"integrity": "sha512-x"}}, tarball

    patched, files, sources = update_cms.self_hosted_fonts(bundle, fetch_package)
    assert asked == [("@fontsource-variable/some-icons", "1.2.3")]
    assert patched == b"@font-face{src:url(fonts/some-icons-latin-wght-normal.woff2) format('woff2')}"
    assert files == {"fonts/some-icons-latin-wght-normal.woff2": b"font", "fonts/some-icons-LICENSE": b"OFL"}
    assert sources[0]["replaces"] == address


def test_the_guide_names_the_buttons_the_cms_shows():
    """CONTRIBUTING.md walks staff through the Finnish interface: its button and status names must
    be the CMS's own, also after an update of the CMS."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Muokkaa selaimessa", 1)[1].split("\n## ", 1)[0]
    for key in ("sign_in_using_access_token", "sign_in", "save", "sign_out", "settings",
                "editorial_workflow", "status.draft", "status.in_review", "status.ready", "workflow.send_for_review",
                "publish"):
        text = FINNISH
        for part in key.split("."):
            text = text[part]
        assert f"**{text}**" in section, f"CONTRIBUTING.md should name the button '{text}' ({key})"
    assert "https://www.metodi.fi/admin/" in section


# --------------------------------------------------------------------------- issue 20: Yrityksen tiedot


def test_the_organisation_form_covers_every_key_of_the_file_and_refuses_what_the_build_refuses():
    from website.organisation import DATA_FILE, read_organisation

    form = collection("organisation")
    assert form["label"] == "Yrityksen tiedot"
    (entry,) = form["files"]
    assert entry["file"] == DATA_FILE
    text = (ROOT / DATA_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    in_file, in_config = data_paths(data), field_paths(entry["fields"])
    assert in_file == in_config, {"not in the CMS": in_file - in_config, "not in the file": in_config - in_file}
    fields = {field["name"]: field for field in all_fields(entry["fields"])}
    # What the pattern lets through, the build reads; what the build refuses, the pattern mostly stops.
    cases = {
        "business_id": (["", "0737546-2", "1234567-1"], ["0737546 2", "07375462", "Y-tunnus 0737546-2", "0737546-22"]),
        "phone": (["0400 578 743", "+358 400 578 743", "09 123 4567"], ["", "0400-578-743", "+46 8 123 456", "puh. 0400"]),
        "email": (["toni.kataja@metodi.fi"], ["", "toni.kataja(at)metodi.fi", "toni kataja@metodi.fi", "mailto:x"]),
        "self_monitoring_plan": (["", "https://www.metodi.fi/omavalvonta.pdf"], ["www.metodi.fi/x", "omavalvonta.pdf"]),
    }
    for name, (accepted, refused) in cases.items():
        pattern = js_pattern(fields[name])
        for value in accepted:
            assert pattern.search(value), (name, value)
        for value in refused:
            assert not pattern.search(value), (name, value)
        assert re.search(r"[äöÄÖ]|esimerkiksi|Kirjoita", fields[name]["pattern"][1]), "a Finnish message"
    for value in cases["phone"][0]:
        organisation, problems = read_organisation(text.replace("  phone: 0400 578 743", f"  phone: {value}"))
        assert problems == [], (value, problems)
    assert {option["value"] for option in fields["languages"]["options"]} >= {"fi", "sv", "en"}


def test_front_matter_keys_stand_in_the_order_the_cms_writes_them():
    """Sveltia writes front matter in its fields' order: a page with its keys in another order would
    change on every save through the CMS (found when keywords came after aliases on the prices page)."""
    for item in page_collections():
        order = [field["name"] for field in item["fields"] if field["name"] != "body"]
        for path in page_files():
            if not entry_regex(item).match(path):
                continue
            meta, _ = split_page(path)
            keys = [key for key in meta if key in order]
            assert keys == sorted(keys, key=order.index), f"{path}: front matter {keys}, the CMS writes {order}"
