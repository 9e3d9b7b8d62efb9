"""How numbers, money and dates are written in each language, by Babel's rules for the locale.

fi: ``1 234,50 €``, ``25,5 %``, ``1,5 h``, ``1.9.2024``; en: ``€1,234.50``, ``25.5%``, ``1.5 h``,
``1 September 2024`` (British English, as the site's English is).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from .pages import LOCALES

DATE_PATTERNS = {"fi": "d.M.yyyy", "en": "d MMMM yyyy"}


def format_money(amount: Decimal, language: str) -> str:
    return format_currency(amount, "EUR", locale=LOCALES[language])


def format_rate(percent: Decimal, language: str) -> str:
    return format_percent(percent / 100, locale=LOCALES[language], decimal_quantization=False)


def format_hour_count(minutes: int, language: str) -> str:
    """Minutes as hours in the language's number style: 90 → "1,5" / "1.5"."""
    return format_decimal(Decimal(minutes) / 60, "#,##0.##", locale=LOCALES[language])


def format_hours(minutes: int, language: str) -> str:
    return f"{format_hour_count(minutes, language)}\N{NO-BREAK SPACE}h"


def format_day(day: date, language: str) -> str:
    return format_date(day, DATE_PATTERNS[language], locale=LOCALES[language])


def finnish_day(day: date) -> str:
    """A date in a message for the staff: 1.9.2024."""
    return f"{day.day}.{day.month}.{day.year}"


def script_text(value: Any) -> str:
    """Data as JSON inside a page's <script> element (the estimator's figures, the structured data):
    "<", ">" and "&" escaped, so no text can close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
