"""Attention charts: daily article counts → bars per day, week or month, whichever the span reads
best at, for a small server-drawn SVG (no Django imports)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from articles.days import month_start, next_month, week_start

# Up to a month a chart shows days; up to this many weeks, weeks; beyond, months (a year of weeks
# is too thin on a phone).
MAX_DAYS = 31
MAX_WEEKS = 26
WIDTH = 600
HEIGHT = 120
GAP = 2
MAX_SLOT = 40  # a few buckets stay bars, not a wall of colour


@dataclass(frozen=True)
class Bar:
    start: date
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Chart:
    unit: str  # "day", "week" or "month"
    bars: list[Bar] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def total(self):
        return sum(bar.count for bar in self.bars)

    @property
    def peak(self):
        return max((bar.count for bar in self.bars), default=0)

    @property
    def first(self):
        return self.bars[0] if self.bars else None

    @property
    def last(self):
        return self.bars[-1] if self.bars else None

    @property
    def single(self):
        """One bucket: the caption names it instead of a range from it to itself."""
        return len(self.bars) == 1


def granularity(first, last):
    """(unit, step to the next bucket, a day's bucket) for a span of days: days up to a month,
    weeks up to half a year, months beyond."""
    if (last - first).days < MAX_DAYS:
        return "day", lambda d: d + timedelta(days=1), lambda d: d
    if (last - first).days // 7 < MAX_WEEKS:
        return "week", lambda d: d + timedelta(days=7), week_start
    return "month", next_month, month_start


def _buckets(daily):
    """Fill the gaps so that quiet periods show as empty bars rather than vanish."""
    counts = {}
    for day, n in daily:
        counts[day] = counts.get(day, 0) + n
    first, last = min(counts), max(counts)
    unit, step, key = granularity(first, last)
    merged = {}
    for day, n in counts.items():
        merged[key(day)] = merged.get(key(day), 0) + n
    start, end = key(first), key(last)
    buckets = []
    while start <= end:
        buckets.append((start, merged.get(start, 0)))
        start = step(start)
    return unit, buckets


def attention_chart(daily, width=WIDTH, height=HEIGHT):
    """Bars for [(day, count), …]; None when there is nothing to draw."""
    daily = [(day, n) for day, n in daily if day is not None and n]
    if not daily:
        return None
    unit, buckets = _buckets(daily)
    peak = max(n for _, n in buckets)
    slot = min(width / len(buckets), MAX_SLOT)
    bars = []
    for i, (start, n) in enumerate(buckets):
        h = round(height * n / peak, 1) if n else 0
        bars.append(
            Bar(
                start=start,
                count=n,
                x=round(i * slot + GAP / 2, 1),
                y=round(height - h, 1),
                width=round(max(slot - GAP, 1), 1),
                height=h,
            )
        )
    return Chart(unit=unit, bars=bars, width=width, height=height)


@dataclass(frozen=True)
class Line:
    label: str
    total: int
    points: str  # "x,y x,y …" for an SVG polyline


@dataclass(frozen=True)
class Milestone:
    label: str
    start: date
    end: date | None  # a period (campaign) has an end; a day (the vote) has none
    x: float
    width: float  # 0 for a day


@dataclass
class CoverageChart:
    """Several series of weekly counts over one time axis, with the dates that matter marked."""

    first: date
    last: date
    peak: int
    lines: list[Line] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT


def coverage_chart(series, milestones, width=WIDTH, height=HEIGHT):
    """Lines for [(label, [(monday, count), …]), …] on one axis spanning the data and the
    `milestones` [(label, start, end or None)]; None when no series has anything to draw."""
    counts = [(label, {week: n for week, n in weekly if week is not None and n}) for label, weekly in series]
    weeks = [week for _, by_week in counts for week in by_week]
    if not weeks:
        return None
    days = weeks + [d for _, start, end in milestones for d in (start, end) if d]
    first = min(days) - timedelta(days=min(days).weekday())
    last = max(days)
    span = max((last - first).days, 7)
    peak = max(n for _, by_week in counts for n in by_week.values())

    def x(day):
        return round(width * (day - first).days / span, 1)

    mondays = []
    week = first
    while week <= last:
        mondays.append(week)
        week += timedelta(days=7)
    lines = []
    for label, by_week in counts:
        points = " ".join(f"{x(w)},{round(height - height * by_week.get(w, 0) / peak, 1)}" for w in mondays)
        lines.append(Line(label=label, total=sum(by_week.values()), points=points))
    marks = [
        Milestone(label, start, end, x(start), round(x(end) - x(start), 1) if end else 0)
        for label, start, end in milestones
    ]
    return CoverageChart(first, last, peak, lines, marks, width, height)
