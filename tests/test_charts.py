"""Attention charts: daily counts become bars per day, week or month by the span, gaps included."""

from datetime import date, timedelta

from articles.charts import MAX_DAYS, MAX_WEEKS, attention_chart, coverage_chart

MONDAY = date(2024, 3, 18)


def test_no_data_draws_no_chart():
    assert attention_chart([]) is None
    assert attention_chart([(MONDAY, 0), (None, 3)]) is None


def test_a_span_of_days_is_drawn_per_day_with_empty_days_kept():
    chart = attention_chart([(MONDAY, 2), (MONDAY + timedelta(days=3), 4)])
    assert chart.unit == "day"
    assert [bar.count for bar in chart.bars] == [2, 0, 0, 4]


def test_a_span_of_weeks_is_drawn_per_week_with_empty_weeks_kept():
    wednesday = MONDAY + timedelta(days=2)
    chart = attention_chart([(MONDAY, 1), (wednesday, 1), (MONDAY + timedelta(weeks=6, days=4), 4)])
    assert chart.unit == "week"
    assert [bar.count for bar in chart.bars] == [2, 0, 0, 0, 0, 0, 4]
    assert chart.bars[0].start == MONDAY
    assert chart.total == 6 and chart.peak == 4


def test_the_unit_changes_where_a_month_and_half_a_year_end():
    assert attention_chart([(MONDAY, 1), (MONDAY + timedelta(days=MAX_DAYS - 1), 1)]).unit == "day"
    assert attention_chart([(MONDAY, 1), (MONDAY + timedelta(days=MAX_DAYS), 1)]).unit == "week"
    assert attention_chart([(MONDAY, 1), (MONDAY + timedelta(weeks=MAX_WEEKS), 1)]).unit == "month"


def test_a_long_span_is_drawn_per_month():
    chart = attention_chart([(date(2024, 1, 1), 1), (date(2024, 1, 8), 2), (date(2024, 11, 25), 5)])
    assert chart.unit == "month"
    assert chart.bars[0].start == date(2024, 1, 1) and chart.bars[0].count == 3
    assert chart.bars[-1].start == date(2024, 11, 1)
    assert len(chart.bars) == 11


def test_the_tallest_bar_fills_the_height_and_bars_stay_inside_the_width():
    weeks = [(MONDAY + timedelta(weeks=i), i + 1) for i in range(MAX_WEEKS - 1)]
    chart = attention_chart(weeks)
    tallest = max(chart.bars, key=lambda bar: bar.count)
    assert tallest.height == chart.height and tallest.y == 0
    assert all(bar.x >= 0 and bar.x + bar.width <= chart.width for bar in chart.bars)
    assert all(bar.height + bar.y == chart.height for bar in chart.bars)


def test_a_single_busy_day_is_a_bar_not_the_whole_chart():
    chart = attention_chart([(date(2024, 3, 18), 1)])
    assert chart.single and chart.unit == "day"
    assert len(chart.bars) == 1
    assert chart.bars[0].width < chart.width / 4


def test_a_coverage_chart_puts_every_pair_and_the_milestones_on_one_axis():
    chart = coverage_chart(
        [("1. A – B", [(date(2024, 9, 23), 4)]), ("2. C – D", [(date(2024, 9, 30), 2)])],
        [("Kampanye", date(2024, 9, 25), date(2024, 11, 23)), ("Pemungutan suara", date(2024, 11, 27), None)],
    )
    assert (chart.first, chart.last, chart.peak) == (date(2024, 9, 23), date(2024, 11, 27), 4)
    assert [line.total for line in chart.lines] == [4, 2]
    first_points = chart.lines[0].points.split()
    assert first_points[0] == f"0.0,{float(chart.height - chart.height)}"  # the peak reaches the top
    assert all(p.endswith(f",{float(chart.height)}") for p in first_points[1:])  # silent weeks at zero
    vote = chart.milestones[1]
    assert (vote.x, vote.width) == (chart.width, 0)
    assert 0 < chart.milestones[0].x < vote.x


def test_no_coverage_chart_without_a_dated_article():
    assert coverage_chart([("1. A – B", [])], [("Pemungutan suara", date(2024, 11, 27), None)]) is None
