"""Per-keystroke cost of the postmortem editor's hint refresh (run:
pytest tests/benchmarks/test_bench_postmortem.py -s).

What the editor does on each key: lint every section of the demo postmortem
through its cached Linter, the edited section (a 3,000-word draft) included,
with dismissed fingerprints filtered, plus the section counts. Baseline: one
uncached lint of the same edited section. The ratio shows the cache makes the
per-key refresh cheaper than linting the section once from cold.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from store import Store, fixed_clock
from store.demo import load_demo
from tests.benchmarks.test_bench_hints import postmortem
from tui.hints import Linter
from tui.postmortem_hints import section_hints
from tui.postmortem_state import all_hints, hint_counts, load_bundle

KEYS = 50


def test_keystroke_refresh_against_cold_lint(tmp_path) -> None:
    store = Store(tmp_path / "b.db", clock=fixed_clock(datetime(2025, 11, 28, 9, tzinfo=UTC)))
    load_demo(store)
    bundle = load_bundle(store, 1)
    draft = postmortem(3_000)
    started = time.perf_counter()
    Linter().lint(draft, "Root Cause")
    cold = time.perf_counter() - started

    linter = Linter()
    section_hints(linter, draft, "Root Cause", set())
    started = time.perf_counter()
    for key in range(KEYS):
        edited = draft[:500] + "x" * key + draft[500:]
        texts, actions = all_hints(bundle, linter)
        texts["root_cause"] = section_hints(linter, edited, "Root Cause", bundle.dismissed)
        hint_counts(texts, actions)
    per_key = (time.perf_counter() - started) / KEYS
    print(
        f"\nper-keystroke refresh {per_key * 1000:.2f} ms; cold lint {cold * 1000:.2f} ms; "
        f"ratio {per_key / cold:.2f}x of a cold lint"
    )
    assert per_key < cold
