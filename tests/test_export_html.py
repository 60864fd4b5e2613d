"""The HTML export: one self-contained page, escaped so that no incident text
becomes markup or script. Checked by parsing (always) and in headless Chromium
(where ``chromium`` and ``chromium-driver`` are installed)."""

from __future__ import annotations

import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import Store
from store.export_dispatch import ExportOptions
from store.export_html import MarginNote
from tui.cli import main

EVIL = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "[click me](javascript:window.__pwned=3)",
    "[b]bold[/b] [@click=app.quit]x",
    '<a href="https://evil.example">raw link</a>',
    "![pixel](https://evil.example/pixel.png)",
]
PAYLOAD = " ".join(EVIL)


class Collector(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data) -> None:
        self.text.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    return collector


def hostile_postmortem(store: Store) -> str:
    """A postmortem whose every typed field carries the payload; returns its key."""
    incident = store.create_incident(f"Title {PAYLOAD}", commander=f"cmd {EVIL[0]}", customer_facing=True)
    store.add_event(incident.id, f"event {PAYLOAD}", kind="action", pinned=True)
    store.update_incident(
        incident.id,
        revenue_impact=f"rev {PAYLOAD}",
        slo_impact=f"slo {EVIL[1]}",
        users_affected_text=f"users {EVIL[0]}",
    )
    pm = store.create_postmortem(incident.id, author=f"author {EVIL[1]}")
    for name in ("summary", "root_cause", "went_well", "went_wrong", "lucky", "lessons"):
        store.save_section(pm.id, name, f"{name} {PAYLOAD}\n\n{PAYLOAD}")
    store.save_section(pm.id, "factors", f"- [x] factor {PAYLOAD}\n- [ ] other {EVIL[1]}")
    store.save_section(pm.id, "links", "\n".join(f"- {e}" for e in EVIL) + "\n- javascript:alert(1)")
    store.create_action_item(f"action {PAYLOAD}", owner=f"owner {EVIL[0]}", postmortem_id=pm.id)
    store.set_reviewers(pm.id, [f"rev {EVIL[0]}"])
    return pm.key


def assert_inert(page: str) -> None:
    """No script, handler, image, iframe, raw link to elsewhere or javascript: URL survived."""
    found = parse(page)
    names = [tag for tag, _ in found.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in found.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
        if tag == "a":
            assert attrs.get("href") != "https://evil.example", "raw HTML link became a link"
    text = "".join(found.text)
    assert "<script>window.__pwned = 1</script>" in text  # shown as text, literally
    assert "[b]bold[/b] [@click=app.quit]x" in text


def test_every_field_is_escaped(store: Store) -> None:
    key = hostile_postmortem(store)
    page = store.export("postmortem", key, "html")
    assert_inert(page)
    assert page.count("Content-Security-Policy") == 1 and "script-src" not in page


def test_review_copy_notes_are_escaped(store: Store) -> None:
    key = hostile_postmortem(store)
    notes = [MarginNote("summary", EVIL[0], f"message {EVIL[1]}", "warning")]
    page = store.export("postmortem", key, "html", ExportOptions(notes=notes))
    assert_inert(page)
    assert 'class="margin-notes"' in page and "Review copy" in page


def test_page_is_self_contained_with_print_css_and_a_timeline_table(demo_store: Store) -> None:
    page = demo_store.export("postmortem", "PM-0013", "html")
    found = parse(page)
    assert not [t for t, a in found.tags if t in ("link", "script", "img", "iframe", "object")]
    assert "@media print" in page and "@page" in page
    headers = [a for t, a in found.tags if t == "th"]
    assert len(headers) >= 3 + 7  # the timeline's Time, Kind, Event and the action items' columns
    assert "<th>Kind</th>" in page and "★ First error alerts" in page
    assert [a.get("id") for t, a in found.tags if t == "section"][:3] == ["summary", "timeline", "root_cause"]
    assert "☑ Configuration default changed silently" in page


def test_cli_html_with_hints_flags_blameful_text(demo_store: Store, tmp_path: Path) -> None:
    pm = demo_store.get_postmortem("PM-0013")
    demo_store.save_section(pm.id, "went_wrong", "The engineer should have checked the pool size.")
    out = tmp_path / "review.html"
    db = ["--db", str(demo_store.path)]
    result = CliRunner().invoke(
        main, [*db, "export", "postmortem", "PM-0013", "--format", "html", "--with-hints", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'class="margin-notes"' in page and "should have" in page.lower()
    plain = CliRunner().invoke(main, [*db, "export", "postmortem", "PM-0013", "--format", "html"]).output
    assert 'class="margin-notes"' not in plain and "<aside" not in plain
    refused = CliRunner().invoke(main, [*db, "export", "postmortem", "PM-0013", "--with-hints"])
    assert refused.exit_code == 2 and "--with-hints is for --format html" in refused.output


def chromium_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.mark.skipif(
    chromium_paths() is None,
    reason="no chromium and chromium-driver on this machine (Debian: apt-get install chromium chromium-driver)",
)
def test_in_headless_chromium(store: Store, demo_store: Store, tmp_path: Path) -> None:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (test extras)")
    from selenium.webdriver.common.by import By

    key = hostile_postmortem(store)
    hostile = tmp_path / "hostile.html"
    hostile.write_text(
        store.export("postmortem", key, "html", ExportOptions(notes=[MarginNote("summary", EVIL[0], EVIL[1])])),
        encoding="utf-8",
    )
    demo = tmp_path / "demo.html"
    demo.write_text(demo_store.export("postmortem", "PM-0013", "html"), encoding="utf-8")
    browser, driver_path = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,1600",
    ):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='debrief-chrome-')}")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    try:
        driver.get(hostile.as_uri())
        assert driver.execute_script("return window.__pwned === undefined")
        assert not driver.find_elements(By.TAG_NAME, "script") and not driver.find_elements(By.TAG_NAME, "img")
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "<script>window.__pwned = 1</script>" in body and "[b]bold[/b]" in body
        for link in driver.find_elements(By.TAG_NAME, "a"):
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
        driver.get(demo.as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "#timeline tbody tr")
        assert len(rows) == 11 and rows[2].text.startswith("14:05 alert")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 1200, "the page scrolls sideways"
        assert driver.save_screenshot(str(tmp_path / "demo.png"))
    finally:
        driver.quit()
