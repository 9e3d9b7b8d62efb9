"""The CMS at /admin/ (Sveltia CMS, admin/): its configuration covers every page and the price file,
its page is published once and kept out of search engines, search and menus, it loads in Chromium
in Finnish with nothing from another host, what it saves is what the build reads, and the committed
bundle is the one scripts/update_cms.py recorded.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import sys
import tarfile
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
import yaml

import price_data
from harness import ROOT, SITE_ORIGIN

import update_cms

ADMIN = ROOT / "admin"
DOCS = ROOT / "docs"
PRICES = ROOT / price_data.DATA_FILE
CONFIG = yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))
NOTE = json.loads((ADMIN / update_cms.NOTE).read_text(encoding="utf-8"))
FINNISH = json.loads((ADMIN / "locales/fi.json").read_text(encoding="utf-8"))
FRONT_MATTER = re.compile(r"^---\n(?P<head>.*?)\n---\n(?P<body>.*)$", re.DOTALL)


def collection(name: str) -> dict:
    return next(item for item in CONFIG["collections"] if item["name"] == name)


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


def page_files() -> list[str]:
    return sorted(path.relative_to(ROOT).as_posix() for path in DOCS.rglob("*.md"))


def split_page(path: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match((ROOT / path).read_text(encoding="utf-8"))
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match["head"]) or {}, match["body"]


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


# --------------------------------------------------------------------------- the configuration


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
    assert entry["file"] == price_data.DATA_FILE
    data = yaml.safe_load(PRICES.read_text(encoding="utf-8"))
    in_file, in_config = data_paths(data), field_paths(entry["fields"])
    # Missing fields would still be kept (Sveltia writes unknown keys back), but staff could not see
    # them; a field the file lacks would add a key that hooks/price_data.py rejects.
    assert in_file == in_config, {"not in the CMS": in_file - in_config, "not in the file": in_config - in_file}


def test_price_fields_are_numbers_and_dates_the_price_checker_reads():
    (entry,) = collection("prices")["files"]
    fields = {field["name"]: field for field in all_fields(entry["fields"])}
    assert (fields["price"]["widget"], fields["price"]["value_type"], fields["price"]["min"]) == ("number", "float", 0)
    assert fields["price"]["step"] == 0.01
    assert (fields["minutes"]["value_type"], fields["minutes"]["min"]) == ("int", 1)
    assert (fields["rate"]["widget"], fields["rate"]["min"], fields["rate"]["max"]) == ("number", 0, 100)
    assert (fields["from"]["widget"], fields["from"]["format"]) == ("datetime", "YYYY-MM-DD")
    services = {field["name"]: field for field in entry["fields"]}["services"]["fields"]
    coaching = {field["name"]: field for field in next(f for f in services if f["name"] == "coaching")["fields"]}
    assert coaching["on_request"]["readonly"] is True and coaching["on_request"]["default"] is True
    price = js_pattern(fields["price"])
    for good in ("70", "72.5", "95.25"):
        assert price.search(good)
    assert not price.search("70.123")
    texts = js_pattern(fields["vat_free"])
    data = price_data.load_price_data(PRICES)
    for language in price_data.LANGUAGES:
        for text in data.texts[language].values():
            assert texts.search(text)
    assert not texts.search("Verokanta {vat} on voimassa")


# --------------------------------------------------------------------------- the built site


class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))


def test_admin_is_published_once_with_the_recorded_files(built_site):
    admin = built_site / "admin"
    assert (admin / "index.html").is_file() and (admin / "config.yml").is_file()
    assert not (built_site / "en/admin").exists()
    assert not (admin / "README.md").exists()
    for name, entry in NOTE["files"].items():
        assert hashlib.sha256((admin / name).read_bytes()).hexdigest() == entry["sha256"], name


def test_admin_page_is_noindex_finnish_and_loads_the_bundle_from_the_site(built_site):
    html = (built_site / "admin/index.html").read_text(encoding="utf-8")
    tags = Links(html).attrs
    assert ("html", {"lang": "fi"}) in tags
    robots = [attrs["content"] for tag, attrs in tags if tag == "meta" and attrs.get("name") == "robots"]
    assert robots and "noindex" in robots[0]
    scripts = [attrs["src"] for tag, attrs in tags if tag == "script" and "src" in attrs]
    assert scripts == ["sveltia-cms.js"]
    assert re.search(r"<noscript>\s*<p>Sivujen muokkaus tarvitsee JavaScriptin", html)


def test_admin_is_in_no_sitemap_search_index_or_menu(built_site):
    assert "/admin" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for index in (built_site / "search/search_index.json", built_site / "en/search/search_index.json"):
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert locations and not [location for location in locations if "admin" in location.split("/")]
    pages = [path for path in built_site.rglob("*.html") if "admin" not in path.relative_to(built_site).parts]
    assert len(pages) >= 20
    for path in pages:
        hrefs = [attrs.get("href", "") for _, attrs in Links(path.read_text(encoding="utf-8")).attrs]
        assert not [href for href in hrefs if "admin/" in href or href.rstrip("/").endswith("admin")], path


# --------------------------------------------------------------------------- in Chromium


def open_admin(context, config: str | None = None):
    if config is not None:
        # Registered last, so it answers before the site's own route (Playwright's order).
        context.route(
            f"{SITE_ORIGIN}/admin/config.yml*",
            lambda route, request: route.fulfill(body=config, headers={"Content-Type": "text/yaml; charset=utf-8"}),
        )
    page = context.new_page()
    # The CMS is a 2 MB single-page app: on a loaded two-core machine it can take longer than
    # Playwright's 30 s default to parse and draw (seen once in a full run). Waits, not sleeps.
    page.set_default_timeout(120_000)
    page.console = []
    page.on("console", lambda message: page.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: page.console.append(f"pageerror: {error}"))
    page.goto(SITE_ORIGIN + "/admin/", wait_until="load")
    return page


def test_admin_loads_in_finnish_shows_the_github_sign_in_and_asks_no_other_host(browser_context, built_site):
    context = browser_context(viewport={"width": 360, "height": 780})
    page = open_admin(context)
    sign_in = page.get_by_role("button", name=FINNISH["sign_in_using_access_token"])
    sign_in.wait_for()
    assert page.get_by_text("Sign In Using Access Token").count() == 0
    sign_in.click()
    page.get_by_label(FINNISH["personal_access_token"]).wait_for()
    page.wait_for_timeout(500)  # late requests: the CMS's version and status checks
    styles = page.evaluate("window.metodiPreviewStyles")
    assert styles and all((built_site / urlsplit(url).path.lstrip("/")).is_file() for url in styles), styles
    traffic = context.traffic
    assert f"{SITE_ORIGIN}/admin/locales/fi.json" in traffic.requests
    assert any("/admin/fonts/" in url for url in traffic.requests)
    assert not traffic.foreign, f"/admin/ asked another host for: {traffic.foreign}"
    assert not traffic.failed, traffic.failed
    problems = [line for line in page.console if line.startswith(("error", "pageerror", "warning"))]
    assert not problems, problems


SEED = """async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle("sveltia-cms-test", {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""

READ = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("sveltia-cms-test");
  const parts = path.split("/");
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  return await (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
}"""


def saved_file(page, path: str, before: str) -> str:
    for _ in range(300):
        try:
            text = page.evaluate(READ, path)
        except PlaywrightError as error:
            # The CMS may be writing the file at this very moment (OPFS then refuses to read it).
            if "NotReadableError" not in str(error) and "NotFoundError" not in str(error):
                raise
            text = before
        if text != before:
            return text
        page.wait_for_timeout(100)
    raise AssertionError(f"the CMS did not save {path}")


def test_what_the_cms_saves_keeps_pages_byte_for_byte_and_the_price_file_readable(browser_context):
    """Sveltia's test backend keeps a repository in the browser's own storage: seeded with our files,
    the real configuration (but that backend) edits and saves them as the GitHub backend would."""
    config = re.sub(r"(?m)^backend:\n(?:  .*\n)+", "backend:\n  name: test-repo\n", (ADMIN / "config.yml").read_text(encoding="utf-8"))
    assert "name: test-repo" in config
    files = {path: (ROOT / path).read_text(encoding="utf-8") for path in page_files() + [price_data.DATA_FILE]}
    context = browser_context(viewport={"width": 1366, "height": 900})
    page = open_admin(context, config)
    page.evaluate(SEED, files)
    page.reload(wait_until="load")
    page.get_by_role("button", name=FINNISH["work_with_test_repo"]).click()
    save = page.get_by_role("button", name=FINNISH["save"], exact=True)

    # A future VAT rate, as CONTRIBUTING.md describes it.
    page.goto(SITE_ORIGIN + "/admin/#/collections/prices/entries/prices")
    rates = price_data.load_price_data(PRICES).vat_rates
    (entry,) = collection("prices")["files"]
    row = next(field for field in entry["fields"] if field["name"] == "vat_rates")["label_singular"]
    page.get_by_role("button", name=re.compile(f"^Lisää\\W*{row}")).click()
    page.get_by_role("spinbutton").nth(len(rates)).fill("26")
    page.locator('input[type="date"]').nth(len(rates)).fill("2099-01-01")
    save.click()
    saved = saved_file(page, price_data.DATA_FILE, files[price_data.DATA_FILE])
    before, after = price_data.parse_price_data(files[price_data.DATA_FILE]), price_data.parse_price_data(saved)
    assert after.vat_rates[:-1] == before.vat_rates and str(after.vat_rates[-1].percent) == "26"
    assert after.vat_rates[-1].effective.isoformat() == "2099-01-01"
    assert (after.services, after.texts) == (before.services, before.texts)
    assert "#" not in saved  # the file's comments are gone after a save through the CMS (the guide says so)

    # A page: change the Finnish description; the rest of both files stays as it was, byte for byte.
    page.goto(SITE_ORIGIN + "/admin/#/collections/pages/entries/hinnat")
    label = next(field for field in collection("pages")["fields"] if field["name"] == "description")["label"]
    description = page.get_by_role("textbox", name=label).and_(page.locator('[lang="fi"]'))
    description.wait_for()
    description.press("End")
    description.type(" Muutettu.")
    save.click()
    finnish = saved_file(page, "docs/hinnat.fi.md", files["docs/hinnat.fi.md"])
    english = page.evaluate(READ, "docs/hinnat.en.md")
    original = files["docs/hinnat.fi.md"]
    old_description = split_page("docs/hinnat.fi.md")[0]["description"]
    assert finnish == original.replace(old_description, old_description + " Muutettu.", 1)
    assert english == files["docs/hinnat.en.md"]
    assert not context.traffic.foreign, context.traffic.foreign
    assert not [line for line in page.console if line.startswith(("error", "pageerror"))], page.console


# --------------------------------------------------------------------------- the pinned bundle


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
