"""The CMS at /admin/ (Sveltia CMS, admin/): its configuration covers every page and the price file,:
the parts that need Chromium (the rest, and what is checked and why: tests/unit/test_cms.py).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import urlsplit

import yaml

from playwright.sync_api import Error as PlaywrightError

from website import price_file
from harness import SITE_ORIGIN
from cms_helpers import FINNISH, PRICES, collection, open_admin, open_test_repository, split_page


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
            settle_after_save(page)
            return text
        page.wait_for_timeout(100)
    raise AssertionError(f"the CMS did not save {path}")


def settle_after_save(page) -> None:
    """After a save the CMS closes the editor and shows the collection's list. On a loaded machine it
    did so after the test had already opened the next entry, and the test waited for a form that was
    gone (two clean-clone runs failed so, in different tests). Wait for the list first."""
    try:
        page.wait_for_url(lambda url: "/entries/" not in url, timeout=30_000)
    except PlaywrightError:
        pass  # a CMS that stays in the editor after a save leaves nothing to wait for


RATE = ("vat_rates", "rate")
MINUTES = ("services", "support-person", "durations", "minutes")
PRICE = ("services", "support-person", "durations", "price")
PRICE_FROM = ("services", "support-person", "durations", "from")


def field(entry: dict, path: tuple) -> dict:
    fields = entry["fields"]
    for name in path:
        found = next(item for item in fields if item["name"] == name)
        fields = found.get("fields", [])
    return found


def label_of(entry: dict, path: tuple) -> str:
    return field(entry, path)["label"]


def drawn(page, locator, count: int = 1):
    """The form draws its parts as they scroll into view: scroll the form until ``count`` are there."""
    page.get_by_text(re.compile(r"\S")).first.wait_for()
    for _ in range(100):
        if locator.count() >= count:
            return locator
        page.mouse.move(683, 450)  # over the form, so that the wheel scrolls it
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(100)
    raise AssertionError(f"{locator.count()} of {count} drawn: {locator}")


def all_boxes(page, name: str, count: int):
    return drawn(page, page.get_by_role("textbox", name=name, exact=True), count)


def error_of(box) -> str:
    """The validation message the form shows for a field (its aria-errormessage), without its icon
    (a ligature: the text 'error' in the icon font)."""
    text = box.evaluate("e => document.getElementById(e.getAttribute('aria-errormessage'))?.innerText ?? ''")
    return " ".join(line.strip() for line in text.splitlines() if line.strip() not in ("", "error"))


def test_the_price_form_refuses_a_decimal_comma_and_what_the_build_refuses_before_saving(browser_context):
    """Staff trial 2, C1: "95,00" typed into the 2 h price was saved as 0 and "72,50" as 50, with
    "Merkintä tallennettu.". Now the form refuses the comma, a VAT rate of 0.255 and a price of 0 with
    its Finnish message, next to the field, and saves nothing; typed with a dot, 72.50 and 95.00 are
    saved as those numbers, and a dated price row is saved with its date (an empty date is left out)."""
    context, page, files = open_test_repository(browser_context)
    save = page.get_by_role("button", name=FINNISH["save"], exact=True)
    (entry,) = collection("prices")["files"]
    before = price_file.read_price_file(files[price_file.DATA_FILE])
    durations = before.services["support-person"].durations
    minutes = [duration.minutes for duration in durations]
    assert minutes[:3] == [90, 120, 150], "the test types into the 1.5 h, 2 h and 2.5 h rows"

    page.goto(SITE_ORIGIN + "/admin/#/collections/prices/entries/prices")
    row = field(entry, ("vat_rates",))["label_singular"]
    page.get_by_role("button", name=re.compile(f"^Lisää\\W*{row}")).click()
    rates = page.get_by_role("textbox", name=label_of(entry, RATE), exact=True)
    new_rate = rates.nth(len(before.vat_rates))
    new_rate.fill("0.255")
    page.locator('input[type="date"]').nth(len(before.vat_rates)).fill("2099-01-01")
    lengths = all_boxes(page, label_of(entry, MINUTES), 3)
    prices = all_boxes(page, label_of(entry, PRICE), 3)
    assert [lengths.nth(index).input_value() for index in range(3)] == ["90", "120", "150"]
    typed = {0: "72,50", 1: "95,00", 2: "0"}
    for index, text in typed.items():
        prices.nth(index).fill("")
        prices.nth(index).press_sequentially(text)  # key by key, as staff type
        assert prices.nth(index).input_value() == text
    save.click()
    page.get_by_text(re.compile(r"\b4 kentässä on virheitä")).first.wait_for()
    page.wait_for_timeout(1500)  # time in which a save would have happened
    assert page.evaluate(READ, price_file.DATA_FILE) == files[price_file.DATA_FILE], "the CMS saved a refused value"
    price_message = " ".join(field(entry, PRICE)["pattern"][1].split())
    rate_message = " ".join(field(entry, RATE)["pattern"][1].split())
    for index in typed:
        prices.nth(index).scroll_into_view_if_needed()
        assert error_of(prices.nth(index)) == price_message, typed[index]
        assert page.get_by_text(price_message).first.is_visible()
    new_rate.scroll_into_view_if_needed()
    assert error_of(new_rate) == rate_message
    assert page.get_by_text(rate_message).is_visible()
    assert "pisteellä" in price_message and "72.50" in price_message and "0.255" in rate_message

    # Typed with a dot (and the new rate corrected: a VAT row cannot be removed), it saves.
    new_rate.fill("26")
    for index, text in {0: "72.50", 1: "95.00", 2: str(durations[2].net)}.items():
        prices.nth(index).fill(text)
    save.click()
    saved = saved_file(page, price_file.DATA_FILE, files[price_file.DATA_FILE])
    after = price_file.read_price_file(saved)
    nets = {duration.minutes: duration.net for duration in after.services["support-person"].durations}
    assert (str(nets[90]), str(nets[120])) == ("72.50", "95.00")
    assert {key: value for key, value in nets.items() if key not in (90, 120)} == {
        duration.minutes: duration.net for duration in durations if duration.minutes not in (90, 120)}
    assert after.vat_rates[:-1] == before.vat_rates and str(after.vat_rates[-1].percent) == "26"
    assert "from" not in yaml.load(saved, Loader=yaml.BaseLoader)["services"]["support-person"]["durations"][0]

    # A price change prepared ahead: a new row with the same length, the new price and its first day.
    page.goto(SITE_ORIGIN + "/admin/#/collections/prices")  # where a save leaves the CMS
    page.goto(SITE_ORIGIN + "/admin/#/collections/prices/entries/prices")
    all_boxes(page, label_of(entry, PRICE), 1)
    drawn(page, page.get_by_role("button", name=re.compile(r"^Lisää\W*" + field(entry, PRICE[:-1])["label_singular"]))).click()
    # The new row is the last one drawn, just above the button.
    lengths = page.get_by_role("textbox", name=label_of(entry, MINUTES), exact=True)
    prices = page.get_by_role("textbox", name=label_of(entry, PRICE), exact=True)
    for _ in range(100):
        if lengths.count() and lengths.last.input_value() == "":
            break
        page.mouse.move(683, 450)
        page.mouse.wheel(0, 150)
        page.wait_for_timeout(100)
    assert (lengths.last.input_value(), prices.last.input_value()) == ("", "")
    lengths.last.fill("120")
    prices.last.fill("99.90")
    starts = page.get_by_role("textbox", name=label_of(entry, PRICE_FROM), exact=True)
    starts.last.fill("2099-02-01")
    save.click()
    dated = saved_file(page, price_file.DATA_FILE, saved)
    rows = yaml.load(dated, Loader=yaml.BaseLoader)["services"]["support-person"]["durations"]
    assert rows[:-1] == yaml.load(saved, Loader=yaml.BaseLoader)["services"]["support-person"]["durations"]
    assert rows[-1] == {"minutes": "120", "price": "99.90", "from": "2099-02-01"}
    # The build reads it as the new 2 h price from that day.
    from datetime import date

    data = price_file.read_price_file(dated)
    later = price_file.prices_on(data, date(2099, 2, 1)).services["support-person"].duration(120)
    assert later.net == Decimal("99.90") and later.effective == date(2099, 2, 1)
    assert not [line for line in page.console if line.startswith(("error", "pageerror"))], page.console
    assert not context.traffic.foreign, context.traffic.foreign


def test_what_the_cms_saves_keeps_pages_byte_for_byte_and_the_price_file_readable(browser_context):
    """Sveltia's test backend keeps a repository in the browser's own storage: seeded with our files,
    the real configuration (but that backend) edits and saves them as the GitHub backend would."""
    context, page, files = open_test_repository(browser_context)
    save = page.get_by_role("button", name=FINNISH["save"], exact=True)

    # A future VAT rate, as CONTRIBUTING.md describes it.
    page.goto(SITE_ORIGIN + "/admin/#/collections/prices/entries/prices")
    rates = price_file.load_price_file(PRICES).vat_rates
    (entry,) = collection("prices")["files"]
    row = next(field for field in entry["fields"] if field["name"] == "vat_rates")["label_singular"]
    page.get_by_role("button", name=re.compile(f"^Lisää\\W*{row}")).click()
    page.get_by_role("textbox", name=label_of(entry, RATE)).nth(len(rates)).fill("26")
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


def test_the_organisation_form_refuses_a_malformed_business_id_and_saves_what_the_build_reads(browser_context):
    """Issue 20: the owner's facts have a form, "Yrityksen tiedot". A business ID typed with a space is
    refused with its Finnish message and nothing is saved; typed right, the legal name and the business
    ID are saved, and the build reads the file with no problem and shows them."""
    from website.organisation import DATA_FILE, read_organisation

    context, page, files = open_test_repository(browser_context)
    save = page.get_by_role("button", name=FINNISH["save"], exact=True)
    (entry,) = collection("organisation")["files"]
    page.goto(SITE_ORIGIN + "/admin/#/collections/organisation/entries/organisation")
    business_id = drawn(page, page.get_by_role("textbox", name=label_of(entry, ("business_id",)), exact=True))
    legal_name = page.get_by_role("textbox", name=label_of(entry, ("legal_name",)), exact=True)
    legal_name.fill("Metodi Oy")
    business_id.fill("0737546 2")
    save.click()
    message = " ".join(field(entry, ("business_id",))["pattern"][1].split())
    page.get_by_text(message).first.wait_for()
    page.wait_for_timeout(1500)  # time in which a save would have happened
    assert page.evaluate(READ, DATA_FILE) == files[DATA_FILE], "the CMS saved a refused business ID"
    assert error_of(business_id) == message and "1234567-8" in message

    business_id.fill("0737546-2")
    save.click()
    saved = saved_file(page, DATA_FILE, files[DATA_FILE])
    organisation, problems = read_organisation(saved)
    assert problems == [], problems
    assert (organisation.legal_name, organisation.business_id) == ("Metodi Oy", "0737546-2")
    assert organisation.contact == read_organisation(files[DATA_FILE])[0].contact, "the contact person kept"
    assert organisation.identification("fi") == "Metodi Oy, Y-tunnus 0737546-2"
    assert not context.traffic.foreign, context.traffic.foreign
