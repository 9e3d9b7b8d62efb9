"""Checkboxes of task lists get an accessible name without JavaScript.

pymdownx.tasklist renders ``<li class="task-list-item"><input type="checkbox"/> Item text</li>``: the
text is not the checkbox's label, so a screen reader announces an unnamed checkbox (axe rule "label").
This wraps the checkbox and the item's own text in a ``<label>``, which also makes the text clickable.
"""

from __future__ import annotations

import re

TASK_ITEM = re.compile(
    r'(<li class="task-list-item">(?:\s*<p>)?)'  # item start, in a tight or a loose list
    r"(<input type=\"checkbox\"[^>]*>)"  # the checkbox
    r"(.*?)"  # the item's own text
    r"(?=</p>|<ul|<ol|</li>)",  # up to a nested list or the end of the item
    re.DOTALL,
)


def label_task_items(html: str) -> str:
    if "task-list-item" not in html:
        return html
    return TASK_ITEM.sub(lambda m: f'{m[1]}<label class="task-list-label">{m[2]}{m[3]}</label>', html)
