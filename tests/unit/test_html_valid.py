"""Every built page is valid HTML, per the W3C Nu Html Checker (vnu.jar), run offline: the parts that
need no build (the rest, and what is checked and why: tests/site/test_html_valid.py).

Layer: unit tests, no build.
"""

from __future__ import annotations


def test_material_markup_is_mended():
    from website import valid_html

    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
        '<input type="text" class="md-search__input" autocapitalize="off" autocorrect="off" autocomplete="off">'
        '<label class="md-nav__title" for="__toc">'
    )
    assert valid_html.fix_material_markup(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'
        '<input type="text" class="md-search__input" autocapitalize="off" autocomplete="off">'
        '<label class="md-nav__title">'
    )
    with_toc = '<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    assert valid_html.fix_material_markup(with_toc) == with_toc
