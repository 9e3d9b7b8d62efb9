"""Accessible tables written in plain Markdown.

A line ``Table: caption text`` just above a Markdown table becomes the table's ``<caption>``, and
header cells get ``scope="col"``, as GOV.UK's table guidance asks. A table without a caption stops the
build: a screen-reader user needs to know what a table is about before reading it.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

CAPTION_AND_TABLE = re.compile(
    r"<p>Table:\s*(?P<caption>.*?)</p>\s*<table>", re.DOTALL
)
TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.DOTALL)
HEADER_CELL = re.compile(r"<th(?=[\s>])(?![^>]*\bscope=)(?P<attributes>[^>]*)>")
# Markdown needs a blank line between a paragraph and a table; staff will not always leave one.
CAPTION_LINE_BEFORE_TABLE = re.compile(r"^(Table:[^\n]*)\n(?=\|)", re.MULTILINE)


def separate_caption_lines(markdown: str) -> str:
    return CAPTION_LINE_BEFORE_TABLE.sub(lambda m: m[1] + "\n\n", markdown)


def caption_tables(html: str) -> str:
    html = CAPTION_AND_TABLE.sub(lambda m: f"<table>\n<caption>{m['caption'].strip()}</caption>", html)
    return HEADER_CELL.sub(lambda m: f'<th scope="col"{m["attributes"]}>', html)


def uncaptioned_tables(html: str) -> int:
    return sum(1 for match in TABLE.finditer(html) if "<caption>" not in match["body"])


def on_page_markdown(markdown, page, config, files):
    return separate_caption_lines(markdown)


def on_page_content(html, page, config, files):
    html = caption_tables(html)
    if uncaptioned_tables(html):
        raise PluginError(
            f"docs/{page.file.src_uri}: a table has no caption. Write a line 'Table: what the table "
            "shows' directly above the table."
        )
    return html
