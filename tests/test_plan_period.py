from datetime import date

from extract.normalise.document import plan_period


def test_period_from_title_span():
    assert plan_period("Nâng cao PCI năm 2025-2026", date(2025, 8, 28)) == (2025, 2026)


def test_period_from_title_year():
    assert plan_period("Cải cách hành chính năm 2026", None) == (2026, 2026)


def test_period_widened_by_the_plans_own_deadlines():
    assert plan_period("thực hiện Nghị quyết 68", date(2025, 7, 25), ["Quý IV/2025", "Trong quý II/2026."]) == (2025, 2026)


def test_period_ignores_years_outside_a_plausible_span():
    assert plan_period(None, date(2025, 7, 25), ["đến năm 2045", "năm 2019"]) == (2025, 2025)
    assert plan_period(None, None, []) is None


def test_a_month_without_a_year_falls_in_the_plans_year_issued_the_december_before():
    from extract.lang.time import TimeContext, parse_time

    ctx = TimeContext(issued_on=date(2025, 12, 26), period=(2026, 2026))
    assert parse_time("Tháng 12", ctx)[0].end == date(2026, 12, 31)
    assert parse_time("Tháng 01", ctx)[0].end == date(2026, 1, 31)
    # a plan that spans the issue year keeps the month ahead of its issue date in that year
    ctx = TimeContext(issued_on=date(2025, 12, 26), period=(2025, 2026))
    assert parse_time("Tháng 12", ctx)[0].end == date(2025, 12, 31)
    # without a period the issue date decides, as before
    assert parse_time("Tháng 12", TimeContext(issued_on=date(2025, 12, 26)))[0].end == date(2025, 12, 31)
