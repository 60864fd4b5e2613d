"""Charts for the Metrics screen (textual-plotext): MTTR, and incidents by severity, over time."""

from __future__ import annotations

from textual.color import Color
from textual_plotext import PlotextPlot

from store.incidents import SEVERITIES
from store.metrics import Metrics

from ..render import theme_colour


def rgb(app, variable: str) -> tuple[int, int, int]:
    """A theme variable as the RGB tuple plotext takes."""
    colour = Color.parse(theme_colour(app, variable))
    return (colour.r, colour.g, colour.b)


def every_other(labels: list[str]) -> tuple[list[int], list[str]]:
    """Tick positions (1-based) and labels, every other one so they never collide; the last is kept."""
    keep = [i for i in range(len(labels)) if (len(labels) - 1 - i) % 2 == 0]
    return [i + 1 for i in keep], [labels[i] for i in keep]


def nice_ticks(top: float, count: int = 4) -> list[int]:
    """Whole-number ticks from 0 up to ``top``."""
    step = max(1, round(top / count))
    for nice in (1, 2, 5, 10, 15, 20, 30, 60, 120, 240, 480):
        if nice >= step:
            step = nice
            break
    return list(range(0, int(top) + 1, step))


class MttrChart(PlotextPlot):
    """Mean time to resolve per period, with the target as a line."""

    def show(self, series: list[Metrics], target: float | str | None) -> None:
        """Plot the periods' MTTR (periods without data are gaps)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        labels = [m.period.short_label for m in series]
        points = [
            (i, m.durations["mttr"].mean) for i, m in enumerate(series, 1) if m.durations["mttr"].mean is not None
        ]
        plt.title("MTTR (mean minutes)")
        plt.xticks(*every_other(labels))
        plt.xlim(0, len(labels) + 1)
        if isinstance(target, (int, float)):
            plt.hline(target, rgb(self.app, "status-warn"))
        if points:
            plt.plot(
                [x for x, _ in points], [y for _, y in points], marker="braille", color=rgb(self.app, "status-bad")
            )
            plt.scatter([x for x, _ in points], [y for _, y in points], marker="●", color=rgb(self.app, "status-bad"))
        top = max([y for _, y in points] + [float(target) if isinstance(target, (int, float)) else 0, 1]) * 1.1
        plt.ylim(0, top)
        plt.yticks(nice_ticks(top))
        self.refresh()


class SeverityChart(PlotextPlot):
    """Incident counts per period, stacked by severity."""

    def show(self, series: list[Metrics]) -> None:
        """Plot a stacked bar per period."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Incidents by severity")
        labels = [m.period.short_label for m in series]
        counts = [[m.by_severity.get(sev, 0) for m in series] for sev in SEVERITIES]
        colours = [rgb(self.app, sev.lower()) for sev in SEVERITIES]
        plt.stacked_bar(list(range(1, len(labels) + 1)), counts, labels=list(SEVERITIES), color=colours, width=0.6)
        plt.xticks(*every_other(labels))
        plt.xlim(0, len(labels) + 1)
        top = max([sum(c) for c in zip(*counts, strict=False)] + [1]) + 1
        plt.ylim(0, top)
        plt.yticks(nice_ticks(top))
        self.refresh()
