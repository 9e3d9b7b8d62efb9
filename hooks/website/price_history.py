"""What the site said yesterday stays said: rows of the price file that are already in force are
never rewritten, and a price that jumps is worth a second look.

A VAT rate or a price row that has started is what visitors have already seen (and purchasers have
printed). Changing or deleting it rewrites that; the right edit is a new row with its own start date.
The file is compared with the version the change is based on: the pull request's base branch, or
`main` for a staff member's local build (see ``base_version`` in ``context.py``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .formats import finnish_day, format_rate
from .price_file import DATA_FILE, Duration, PriceData, VatRate, in_force
from .problems import Problem

#: A price that moves more than this much from the base version gets a warning (a slip like 950.00).
LARGE_MOVE = Decimal("0.30")

ADVICE = (
    "Tämän rivin tiedot ovat jo näkyneet sivustolla, joten niitä ei muuteta jälkikäteen. Palauta rivi ennalleen "
    "ja lisää uusi rivi, jossa on uusi hinta tai verokanta ja päivä, josta alkaen se on voimassa "
    "('from: VVVV-KK-PP', muokkaustyökalussa kenttä Voimassa alkaen).",
    "Visitors have already seen this row on the site, so it must not be changed afterwards. Put the row back "
    "as it was and add a new row with the new price or rate and the date it takes effect ('from: YYYY-MM-DD', "
    "or 'Voimassa alkaen' in the editor).",
)


def _started(effective: date | None, today: date) -> bool:
    return effective is None or effective < today


def rewritten_vat_rates(base: PriceData, new: PriceData, today: date) -> list[Problem]:
    current = {rate.effective: rate for rate in new.vat_rates}
    problems = []
    for rate in base.vat_rates:
        if not _started(rate.effective, today):
            continue
        now = current.get(rate.effective)
        if now is not None and now.percent == rate.percent:
            continue
        what_fi = "on muutettu" if now else "on poistettu"
        what_en = "has been changed" if now else "has been removed"
        problems.append(
            Problem.at(
                DATA_FILE,
                now.line if now else None,
                f"arvonlisäverokanta {format_rate(rate.percent, 'fi')}, joka on ollut voimassa "
                f"{finnish_day(rate.effective)} alkaen, {what_fi}. {ADVICE[0]}",
                f"the VAT rate of {format_rate(rate.percent, 'en')}, in force since {rate.effective.isoformat()}, "
                f"{what_en}. {ADVICE[1]}",
            )
        )
    return problems


def _key(service: str, row: Duration) -> tuple:
    return (service, row.minutes, row.effective)


def _rows(data: PriceData) -> dict[tuple, Duration]:
    return {_key(key, row): row for key, service in data.services.items() for row in service.durations}


def rewritten_prices(base: PriceData, new: PriceData, today: date) -> list[Problem]:
    rows = _rows(new)
    problems = []
    for (service, minutes, effective), row in _rows(base).items():
        if not _started(effective, today):
            continue
        now = rows.get((service, minutes, effective))
        if now is not None and now.net == row.net:
            continue
        since_fi = f", joka on ollut voimassa {finnish_day(effective)} alkaen," if effective else ""
        since_en = f", in force since {effective.isoformat()}" if effective else ""
        what_fi, what_en = ("on muutettu", "has been changed") if now else ("on poistettu", "has been removed")
        problems.append(
            Problem.at(
                DATA_FILE,
                now.line if now else None,
                f"palvelun '{service}' {minutes} minuutin hinta {row.net:f}{since_fi} {what_fi}. {ADVICE[0]}",
                f"the price of '{service}' for {minutes} minutes ({row.net:f}{since_en}) {what_en}. {ADVICE[1]}",
            )
        )
    return problems


def large_moves(base: PriceData, new: PriceData, today: date) -> list[Problem]:
    """Each new or changed price that differs from the base's price for the same length by over 30 %."""
    problems = []
    known = _rows(base)
    for key, service in new.services.items():
        if key not in base.services:
            continue
        for row in service.durations:
            if _key(key, row) in known:
                continue
            before = {old.minutes: old for old in in_force(base.services[key].durations, row.effective or today)}
            old = before.get(row.minutes)
            if old is None or abs(row.net - old.net) <= old.net * LARGE_MOVE:
                continue
            problems.append(
                Problem.at(
                    DATA_FILE,
                    row.line,
                    f"huomio: palvelun '{key}' {row.minutes} minuutin hinta muuttuu yli 30 % ({old.net:f} → "
                    f"{row.net:f}). Tarkista, ettei hinnassa ole kirjoitusvirhettä (esimerkiksi ylimääräistä nollaa).",
                    f"the price of '{key}' for {row.minutes} minutes changes by more than 30% ({old.net:f} → "
                    f"{row.net:f}). Check it for a typo, such as an extra zero.",
                    warning=True,
                )
            )
    return problems


def check(base: PriceData | None, new: PriceData | None, today: date) -> list[Problem]:
    if base is None or new is None:
        return []
    return rewritten_vat_rates(base, new, today) + rewritten_prices(base, new, today) + large_moves(base, new, today)
