"""iCalendar RRULE strings (RFC 5545) for recurring deadlines."""

from __future__ import annotations


def build_rrule(freq: tuple[str, int] | None, months: list[int], day: int | None) -> str:
    """FREQ first, then INTERVAL, BYMONTH, BYMONTHDAY, the order RFC 5545 examples use.

    Named months ("các tháng 3, 6, 9", "tháng 12 hằng năm") always make a YEARLY rule,
    whatever the spoken period ("định kỳ hàng quý ... các tháng 3, 6, 9" repeats each year).
    """
    parts: list[str] = []
    if months:
        parts.append("FREQ=YEARLY")
        parts.append("BYMONTH=" + ",".join(str(m) for m in months))
    else:
        name, interval = freq or ("YEARLY", 1)
        parts.append(f"FREQ={name}")
        if interval > 1:
            parts.append(f"INTERVAL={interval}")
        if name in ("HOURLY", "DAILY", "WEEKLY"):
            day = None
    if day is not None:
        parts.append(f"BYMONTHDAY={day}")
    return ";".join(parts)
