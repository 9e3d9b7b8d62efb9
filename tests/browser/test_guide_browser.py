"""The self-reflection checklists in a real browser (sync Playwright, fixture ``site_page`` from conftest).

Ticks survive a reload, are kept per page, per language and per list, work from the keyboard, the
clear button empties them (and only them), nothing breaks when storage is blocked, the button stays
hidden without JavaScript, and a printout shows only the content with empty boxes.
"""

from __future__ import annotations

import pytest

CHECKLIST = {"fi": "/toipumisorientaatio/itsearviointi/", "en": "/en/toipumisorientaatio/itsearviointi/"}
FIRST_ITEM = {
    "fi": "Suhtaudun optimistisesti asiakkaan toipumismahdollisuuksiin.",
    "en": "I am optimistic about the client’s chances of recovery.",
}
CLEAR = {"fi": "Tyhjennä rastit", "en": "Clear ticks"}
PREFIX = "metodi:checklist:"


def boxes(page, name):
    return page.locator(f'.checklist[data-checklist="{name}"] input[type="checkbox"]')


def ticked(page, name):
    return boxes(page, name).evaluate_all("els => els.map(e => e.checked)")


def stored_keys(page):
    return page.evaluate(
        "prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix)).sort()", PREFIX
    )


@pytest.mark.parametrize("language", ["fi", "en"])
def test_ticks_survive_a_reload(site_page, language):
    page = site_page(CHECKLIST[language])
    assert boxes(page, "before").count() == 7
    assert boxes(page, "after").count() == 10

    boxes(page, "before").nth(1).check()
    boxes(page, "after").nth(9).check()
    page.reload(wait_until="load")

    assert ticked(page, "before") == [i == 1 for i in range(7)]
    assert ticked(page, "after") == [i == 9 for i in range(10)]
    assert len(stored_keys(page)) == 2
    assert not page.traffic.console_errors


def test_ticks_are_kept_per_language(site_page):
    page = site_page(CHECKLIST["fi"])
    boxes(page, "before").nth(0).check()
    page.goto(page.url.replace("/toipumisorientaatio/", "/en/toipumisorientaatio/"), wait_until="load")
    assert ticked(page, "before") == [False] * 7


@pytest.mark.parametrize("language", ["fi", "en"])
def test_checkboxes_have_names_and_work_from_the_keyboard(site_page, language):
    page = site_page(CHECKLIST[language])
    first = page.get_by_role("checkbox", name=FIRST_ITEM[language], exact=True)
    assert first.count() == 1
    for box in boxes(page, "before").all() + boxes(page, "after").all():
        name = box.evaluate(
            "el => el.getAttribute('aria-label') || (el.labels[0] && el.labels[0].textContent) || ''"
        )
        assert name.strip(), "a checkbox has no accessible name"

    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert ticked(page, "before")[:2] == [True, True]
    page.reload(wait_until="load")
    assert ticked(page, "before")[:2] == [True, True]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_clear_button_empties_its_list_and_storage(site_page, language):
    page = site_page(CHECKLIST[language])
    page.evaluate("localStorage.setItem('someone-else', 'keep')")
    for index in (0, 3, 6):
        boxes(page, "before").nth(index).check()
    boxes(page, "after").nth(2).check()

    clear_before = page.locator('.checklist[data-checklist="before"] .checklist-clear')
    assert clear_before.is_visible()
    assert clear_before.inner_text().strip() == CLEAR[language]
    clear_before.click()

    assert ticked(page, "before") == [False] * 7
    assert ticked(page, "after")[2] is True, "clearing one list must not touch the other"
    page.reload(wait_until="load")
    assert ticked(page, "before") == [False] * 7
    assert ticked(page, "after") == [i == 2 for i in range(10)]
    assert [key.rsplit(":", 2)[1] for key in stored_keys(page)] == ["after"]
    assert page.evaluate("localStorage.getItem('someone-else')") == "keep"

    page.locator('.checklist[data-checklist="after"] .checklist-clear').click()
    assert stored_keys(page) == []


def test_clear_button_works_from_the_keyboard_and_announces(site_page):
    page = site_page(CHECKLIST["fi"])
    boxes(page, "before").nth(0).check()
    button = page.locator('.checklist[data-checklist="before"] .checklist-clear')
    button.focus()
    page.keyboard.press("Enter")
    assert ticked(page, "before") == [False] * 7
    status = page.locator('.checklist[data-checklist="before"] [role="status"]')
    status.wait_for(state="attached")
    page.wait_for_function(
        "() => document.querySelector('.checklist[data-checklist=before] [role=status]').textContent.length > 0"
    )
    assert status.inner_text().strip() == "Rastit tyhjennetty."


def test_without_javascript_there_is_no_dead_button(site_page):
    page = site_page(CHECKLIST["fi"], java_script_enabled=False)
    assert page.locator(".checklist-clear").count() == 2
    assert not page.locator(".checklist-clear").first.is_visible()
    assert not page.locator(".checklist-clear").last.is_visible()
    boxes(page, "before").nth(0).check()  # still a normal, working checkbox
    assert ticked(page, "before")[0] is True


def test_blocked_storage_does_not_break_the_checklist(site_page):
    page = site_page(CHECKLIST["en"])
    page.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {"
        "  configurable: true,"
        "  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }"
        "});"
    )
    page.reload(wait_until="load")
    clear = page.locator('.checklist[data-checklist="before"] .checklist-clear')
    assert clear.is_visible()
    boxes(page, "before").nth(4).check()
    assert ticked(page, "before")[4] is True
    clear.click()
    assert ticked(page, "before") == [False] * 7


def test_script_does_nothing_on_other_pages(site_page):
    page = site_page("/toipumisorientaatio/yhteys/")
    assert page.locator(".checklist").count() == 0
    assert stored_keys(page) == []
    assert page.locator("[data-checklist-ready]").count() == 0
    assert not page.traffic.console_errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_shows_only_content_and_empty_boxes(site_page, scheme):
    page = site_page(CHECKLIST["fi"], color_scheme=scheme)
    boxes(page, "before").nth(0).check()
    assert boxes(page, "before").nth(0).is_checked()

    page.emulate_media(media="print")

    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        locator = page.locator(selector)
        assert locator.count() == 0 or not locator.first.is_visible(), f"{selector} shows in print"
    assert not page.locator(".checklist-clear").first.is_visible()
    assert page.locator("h1").is_visible()
    assert boxes(page, "after").nth(9).is_visible()

    checked, empty = boxes(page, "before").nth(0), boxes(page, "before").nth(1)
    assert checked.evaluate("el => getComputedStyle(el).appearance") == "none"
    # Compared by what is drawn rather than by pixels: the two boxes sit at different sub-pixel
    # offsets, which shifts a screenshot by a pixel without any visible difference.
    drawn = """el => [null, '::before', '::after'].map((pseudo) => {
      const s = getComputedStyle(el, pseudo);
      return [s.appearance, s.content, s.backgroundColor, s.backgroundImage, s.borderTopStyle, s.borderTopColor,
              s.borderTopWidth, s.width, s.height, s.boxShadow, s.outlineStyle, s.color].join('|');
    })"""
    assert checked.evaluate(drawn) == empty.evaluate(drawn), "a ticked box must print like an empty one"
    # The empty box is drawn: a dark border on white.
    style = checked.evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopColor, s.backgroundColor]; }"
    )
    assert style == ["solid", "rgb(0, 0, 0)", "rgb(255, 255, 255)"]
