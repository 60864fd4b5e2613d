"""The Metrics screen: the ops review on one screen. A card per metric (figure,
target, status colour, trend, sparkline, definition), charts of MTTR and
incidents by severity, incidents lacking milestones and improvements waiting in Check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from store.metrics import Metrics
from store.periods import KINDS, Period
from store.scorecard import CARDS, cards

from ..dialogs.record_ops import RecordOpsDialog, defaults
from ..dialogs.targets import TargetsDialog
from ..messages import DataChanged
from ..render import plain, severity_text
from ..widgets.metric_card import MetricCard
from ..widgets.metric_charts import MttrChart, SeverityChart
from .base import DataScreen

HISTORY = 12
#: Below this width the cards sit two to a row (four squeeze the figures and trends off the card).
NARROW = 100


@dataclass
class MetricsData:
    """Everything the screen shows, read in one go off the UI thread."""

    series: list[Metrics]
    targets: dict[str, float | str]
    in_check: list[dict[str, Any]]
    me: str = ""
    workload: list[tuple[str, int]] = field(default_factory=list)

    @property
    def current(self) -> Metrics:
        """The chosen period."""
        return self.series[-1]

    @property
    def previous(self) -> Metrics:
        """The period before it."""
        return self.series[-2]


class MetricsScreen(DataScreen):
    """Metrics for a week, month or quarter against the previous one."""

    HELP = """
## Metrics

Each card shows a figure for the chosen period, its trend against the period
before (▲ up, ▼ down), its target and a sparkline of the last twelve periods.
Green is on target, amber is close to it (or flat), red is off target.
Incidents belong to the period in which their impact started.

| key | does |
| --- | --- |
| `p` | switch the period: month, quarter, week |
| `←` / `→` | previous / next period (up to the current one) |
| `l` | back to the period of the latest incident |
| `t` | edit the targets |
| `d` | record a deployment |
| `a` | record a week of alerts |
| `w` | record a week of toil |
| `r` | reload |
| `enter` | on an incident lacking a milestone: open it to fill the milestone in |
"""
    BINDINGS = [
        Binding("p", "cycle_period", "Period", id="metrics.period"),
        Binding("left", "step(-1)", "Previous", id="metrics.previous"),
        Binding("right", "step(1)", "Next", id="metrics.next"),
        Binding("l", "latest", "Latest", id="metrics.latest"),
        Binding("t", "targets", "Targets", id="metrics.targets"),
        Binding("d", "record('deploy')", "Deploy", id="metrics.record-deploy"),
        Binding("a", "record('alerts')", "Alerts", id="metrics.record-alerts"),
        Binding("w", "record('toil')", "Toil", id="metrics.record-toil"),
        Binding("r", "reload", "Reload", id="metrics.reload", show=False),
    ]

    LOADING_DELAY = 0.3

    class Loaded(Message):
        """The metrics for a period were read."""

        def __init__(self, period: Period, data: MetricsData) -> None:
            super().__init__()
            self.period = period
            self.data = data

    def __init__(self) -> None:
        super().__init__()
        self.period: Period | None = None
        self.anchor: date | None = None
        self.loading_timer: Timer | None = None
        self.data: MetricsData | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("debrief · Metrics"), classes="title-bar", id="title-bar")
        yield Static(Content("Loading…"), id="period-bar")
        with VerticalScroll(id="metrics-body"):
            with Grid(id="metric-cards"):
                for name, title, *_ in CARDS:
                    yield MetricCard(name, title)
            with Horizontal(id="metric-charts"):
                yield MttrChart(id="mttr-chart")
                yield SeverityChart(id="severity-chart")
            with Vertical(id="metric-lists"):
                with Vertical(classes="metric-list"):
                    yield Static(Content("Incidents lacking a milestone"), classes="list-title")
                    yield DataTable(cursor_type="row", id="incomplete-table")
                with Vertical(classes="metric-list"):
                    yield Static(Content("Improvements waiting in Check"), classes="list-title")
                    yield DataTable(cursor_type="row", id="check-table")
                with Vertical(classes="metric-list"):
                    yield Static(Content("Incidents per commander (workload)"), classes="list-title")
                    yield DataTable(cursor_type="row", id="workload-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#incomplete-table", DataTable).add_columns("Key", "Sev", "Missing", "Title")
        self.query_one("#check-table", DataTable).add_columns("Key", "Title", "Owner", "Expected impact")
        self.query_one("#workload-table", DataTable).add_columns("Commander", "Incidents")
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.action_reload()

    def on_resize(self) -> None:
        """Two cards to a row on a narrow terminal, four otherwise; the period bar drops its key hint."""
        self.query_one("#metric-cards").styles.grid_size_columns = 2 if self.app.size.width < NARROW else 4
        if self.data is not None and self.period is not None:
            self.show_period_bar(self.data)

    @on(DataChanged)
    def action_reload(self) -> None:
        """Read the metrics again; the loading indicator shows at once the first
        time, later only if the read takes a moment (no flicker on every change)."""
        if self.data is None:
            self.show_loading()
        elif self.loading_timer is None:
            self.loading_timer = self.set_timer(self.LOADING_DELAY, self.show_loading)
        self.load(self.period)

    def show_loading(self) -> None:
        """Cover the body with the loading indicator."""
        self.query_one("#metrics-body").loading = True

    @work(thread=True, exclusive=True, group="metrics-load", exit_on_error=False)
    def load(self, period: Period | None) -> None:
        """Compute twelve periods of metrics on a thread with its own connection."""
        store = self.app.store
        try:
            if period is None:
                self.anchor = store.latest_incident_day() or store.now().date()
                period = Period.containing(self.anchor, "month")
            data = MetricsData(
                *store.metrics_overview(period, HISTORY), store.me, store.commander_workload(period.start, period.end)
            )
        finally:
            store.close()
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(period, data))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Fill the cards, charts and lists."""
        self.period, self.data = message.period, message.data
        data = message.data
        self.show_period_bar(data)
        history = [m.headline() for m in data.series]
        for card in cards(data.current, data.previous, data.targets):
            self.query_one(f"#card-{card.name}", MetricCard).show(card, [h[card.name] for h in history])
        self.query_one(MttrChart).show(data.series, data.targets.get("mttr_minutes"))
        self.query_one(SeverityChart).show(data.series)
        self.show_incomplete(data.current)
        self.show_in_check(data.in_check)
        self.show_workload(data.workload)
        if self.loading_timer is not None:
            self.loading_timer.stop()
            self.loading_timer = None
        self.query_one("#metrics-body").loading = False

    def show_period_bar(self, data: MetricsData) -> None:
        """``◀ November 2025 ▶ · month · compared with October 2025``."""
        assert self.period is not None
        kinds = "  ".join(f"[{k}]" if k == self.period.kind else k for k in KINDS)
        hint = "   [dim]p period · ←/→ step · t targets[/dim]" if self.app.size.width >= NARROW else ""
        bar = Content.from_markup(
            "[b]◀ $label ▶[/b]    $kinds   compared with $previous" + hint,
            label=self.period.label,
            kinds=kinds,
            previous=data.previous.period.label,
        )
        self.query_one("#period-bar", Static).update(bar)

    def show_incomplete(self, metrics: Metrics) -> None:
        """The incidents that lack a milestone (open ones lack resolution) or have impossible ones."""
        table = self.query_one("#incomplete-table", DataTable)
        table.clear()
        for item in metrics.incomplete:
            table.add_row(
                plain(item.key),
                severity_text(self.app, item.severity),
                plain(item.gaps),
                plain(item.title),
                key=str(item.id),
            )
        if not metrics.incomplete:
            table.add_row(Text("—"), Text(""), Text("none: all milestones recorded"), Text(""))

    def show_in_check(self, improvements: list[dict[str, Any]]) -> None:
        """Improvements whose results wait to be checked."""
        table = self.query_one("#check-table", DataTable)
        table.clear()
        for item in improvements:
            table.add_row(
                plain(item["key"]), plain(item["title"]), plain(item["owner"]), plain(item["expected_impact"])
            )
        if not improvements:
            table.add_row(Text("—"), Text("nothing waiting to be checked"), Text(""), Text(""))

    def show_workload(self, workload: list[tuple[str, int]]) -> None:
        """How many incidents each person commanded in the period (a hand-off counts for both)."""
        table = self.query_one("#workload-table", DataTable)
        table.clear()
        for name, count in workload:
            table.add_row(plain(name), Text(str(count), justify="right"))
        if not workload:
            table.add_row(Text("—"), Text("no incidents in this period"))

    @on(DataTable.RowSelected, "#incomplete-table")
    def open_incomplete(self, event: DataTable.RowSelected) -> None:
        """Open the incident so its missing milestones can be filled in."""
        if event.row_key.value and event.row_key.value.isdigit():
            self.app.open_incident(int(event.row_key.value))

    def action_cycle_period(self) -> None:
        """Month → quarter → week → month, around the same day."""
        if self.period is None or self.anchor is None:
            return
        kind = KINDS[(KINDS.index(self.period.kind) + 1) % len(KINDS)]
        self.period = Period.containing(self.anchor, kind)
        self.action_reload()

    def action_step(self, steps: int) -> None:
        """Move to the previous or next period (not past the one that holds today: it has no data yet)."""
        if self.period is None:
            return
        later = self.period.shift(steps)
        if later.start > self.app.clock().date():
            self.notify(
                f"{self.period.label} is the current {self.period.kind}; later ones have no data yet.", markup=False
            )
            return
        self.period, self.anchor = later, later.start
        self.action_reload()

    def action_latest(self) -> None:
        """Back to the period that holds the latest finished incident."""
        kind = self.period.kind if self.period is not None else "month"
        self.period = None
        self.load_latest(kind)

    @work(thread=True, exclusive=True, group="metrics-load", exit_on_error=False)
    def load_latest(self, kind: str) -> None:
        """Find the latest incident's period, then load it."""
        store = self.app.store
        try:
            day = store.latest_incident_day() or store.now().date()
        finally:
            store.close()
        self.app.call_from_thread(self.jump, Period.containing(day, kind), day)

    def jump(self, period: Period, day: date) -> None:
        """Show ``period``."""
        self.period, self.anchor = period, day
        self.action_reload()

    def action_record(self, kind: str) -> None:
        """Record a deployment, a week of alerts or a week of toil; reload once saved."""

        def saved(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)
                self.action_reload()

        me = self.data.me if self.data is not None else ""
        self.app.push_screen(RecordOpsDialog(kind, defaults(self.app.clock(), me)), saved)

    def action_targets(self) -> None:
        """Edit the targets; reload once they are saved."""
        if self.data is None:
            return

        def saved(changed: bool | None) -> None:
            if changed:
                self.notify("Targets saved.", markup=False)
                self.action_reload()

        self.app.push_screen(TargetsDialog(self.data.targets), saved)
