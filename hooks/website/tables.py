"""Accessible tables written in plain Markdown.

A line ``Table: caption text`` just above a Markdown table becomes the table's ``<caption>``, and
header cells get ``scope="col"``, as GOV.UK's table guidance asks. A table without a caption is a
problem for the checking pass (``check``): a screen-reader user needs to know what a table is about before reading it.

Each data cell also gets its column's name as ``data-label``, and the table ``data-cards``: on a phone
the stylesheet shows every row as a small card of "column name: value" lines, so no table scrolls
sideways, while the HTML stays one whole table for screen readers and print. (An attribute rather
than a class: Material styles only tables without a class.)

Every table is written inside the two boxes Material's script would put it in (a scroll box and a
padded box), so that the page is laid out the same before Material's script runs, which is only once
the visitor does something (overrides/main.html), and without script at all. That script wraps every
table without a class again as it starts; overrides/main.html hands it the bare tables just before.
"""

from __future__ import annotations

import re

from .pages import Source
from .problems import Problem

CAPTION_AND_TABLE = re.compile(
    r"<p>Table:\s*(?P<caption>.*?)</p>\s*<table>", re.DOTALL
)
TABLE = re.compile(r"<table\b[^>]*>(?P<body>.*?)</table>", re.DOTALL)
HEADER_CELL = re.compile(r"<th(?=[\s>])(?![^>]*\bscope=)(?P<attributes>[^>]*)>")
# Markdown needs a blank line between a paragraph and a table; staff will not always leave one.
CAPTION_LINE_BEFORE_TABLE = re.compile(r"^(Table:[^\n]*)\n(?=\|)", re.MULTILINE)


def separate_caption_lines(markdown: str) -> str:
    return CAPTION_LINE_BEFORE_TABLE.sub(lambda m: m[1] + "\n\n", markdown)


def caption_tables(html: str) -> str:
    html = CAPTION_AND_TABLE.sub(lambda m: f"<table>\n<caption>{m['caption'].strip()}</caption>", html)
    return HEADER_CELL.sub(lambda m: f'<th scope="col"{m["attributes"]}>', html)


ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.DOTALL)
HEADER_TEXT = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.DOTALL)
DATA_CELL = re.compile(r"<td(?![^>]*\bdata-label=)(?P<attributes>[^>]*)>")
TAG = re.compile(r"<[^>]+>")


def label_cells(html: str) -> str:
    """Give every ``<td>`` the text of its column's header as ``data-label``."""

    def label_table(table: re.Match) -> str:
        body = table["body"]
        head = body[: body.index("</thead>")] if "</thead>" in body else ""
        labels = [TAG.sub("", match["text"]).strip().replace('"', "&quot;") for match in HEADER_TEXT.finditer(head)]
        if not labels:
            return table[0]

        def label_row(row: re.Match) -> str:
            column = iter(labels)
            cells = DATA_CELL.sub(lambda cell: f'<td data-label="{next(column, "")}"{cell["attributes"]}>', row["cells"])
            return f"<tr>{cells}</tr>"

        return "<table data-cards>" + head + ROW.sub(label_row, body[len(head) :]) + "</table>"

    return TABLE.sub(label_table, html)


def uncaptioned_tables(html: str) -> int:
    return sum(1 for match in TABLE.finditer(html) if "<caption>" not in match["body"])


def uncaptioned_table_lines(source: str) -> list[int]:
    """Lines of the source where a Markdown table starts without a 'Table:' line above it."""
    lines = source.splitlines()
    found = []
    for number, line in enumerate(lines):
        if not line.lstrip().startswith("|") or (number and lines[number - 1].lstrip().startswith("|")):
            continue
        above = next((lines[i].strip() for i in range(number - 1, -1, -1) if lines[i].strip()), "")
        if not above.startswith("Table:"):
            found.append(number + 1)
    return found


def check(source: Source) -> list[Problem]:
    return [
        Problem.at(
            source.file,
            line,
            "sivun taulukolta puuttuu otsikko. Kirjoita heti taulukon yläpuolelle rivi 'Table: mitä taulukko näyttää'.",
            "a table has no caption. Write a line 'Table: what the table shows' directly above the table.",
        )
        for line in uncaptioned_table_lines(source.text)
    ]


SCROLL_WRAP = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">', "</div></div>")


def wrap_tables(html: str) -> str:
    """Put every table in Material's scroll box (SCROLL_WRAP), once."""
    opening, closing = SCROLL_WRAP
    return TABLE.sub(lambda table: table[0] if html.endswith(opening, 0, table.start()) else opening + table[0] + closing, html)


def render_html(html: str) -> str:
    return wrap_tables(label_cells(caption_tables(html)))
