"""The CMS at /admin/ (Sveltia CMS, admin/): its configuration covers every page and the price file,:
the parts that need Chromium (the rest, and what is checked and why: tests/unit/test_cms.py).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from website import price_file
from harness import ROOT, SITE_ORIGIN
from cms_helpers import ADMIN, FINNISH, PRICES, collection, page_files, split_page


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
    files = {path: (ROOT / path).read_text(encoding="utf-8") for path in page_files() + [price_file.DATA_FILE]}
    context = browser_context(viewport={"width": 1366, "height": 900})
    page = open_admin(context, config)
    page.evaluate(SEED, files)
    page.reload(wait_until="load")
    page.get_by_role("button", name=FINNISH["work_with_test_repo"]).click()
    save = page.get_by_role("button", name=FINNISH["save"], exact=True)

    # A future VAT rate, as CONTRIBUTING.md describes it.
    page.goto(SITE_ORIGIN + "/admin/#/collections/prices/entries/prices")
    rates = price_file.load_price_file(PRICES).vat_rates
    (entry,) = collection("prices")["files"]
    row = next(field for field in entry["fields"] if field["name"] == "vat_rates")["label_singular"]
    page.get_by_role("button", name=re.compile(f"^Lisää\\W*{row}")).click()
    page.get_by_role("spinbutton").nth(len(rates)).fill("26")
    page.locator('input[type="date"]').nth(len(rates)).fill("2099-01-01")
    save.click()
    saved = saved_file(page, price_file.DATA_FILE, files[price_file.DATA_FILE])
    before, after = price_file.read_price_file(files[price_file.DATA_FILE]), price_file.read_price_file(saved)
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
