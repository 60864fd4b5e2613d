"""``debrief import slack``: one command, a readable summary, clean refusals (exit 2)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from store import Store
from tui.cli import main

from .slack_export_fixture import write_export, zip_export


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    return invoke


@pytest.fixture
def export(tmp_path, run):
    assert run("incident", "new", "Checkout errors", "--severity", "SEV2").output == "INC-0001\n"
    return write_export(tmp_path / "export")


def test_import_then_import_again(run, export, tmp_path, db_path):
    archive = str(zip_export(export, tmp_path / "export.zip"))
    first = run("import", "slack", archive, "--channel", "inc-checkout", "--incident", "INC-0001")
    assert first.exit_code == 0, first.output
    assert first.output == (
        f"Imported 5 events from #inc-checkout ({archive}) into INC-0001, 2 pinned. Left out: 2 joins and leaves, "
        "1 topic change, 1 bot message.\n"
    )
    again = run("import", "slack", archive, "--channel", "#inc-checkout", "--incident", "INC-0001")
    assert again.output.startswith(
        f"Nothing new from #inc-checkout ({archive}) for INC-0001. 5 messages already on its timeline."
    )
    events = [e for e in Store(db_path).list_events("INC-0001") if e.source == "import"]
    assert [e.author for e in events] == [
        "Dana Whitfield",
        "Priya Natarajan",
        "marcus",
        "Dana Whitfield",
        "Dana Whitfield",
    ]


def test_window_reaction_and_bots(run, export):
    result = run(
        "import",
        "slack",
        str(export),
        "--channel",
        "inc-checkout",
        "--incident",
        "INC-0001",
        "--since",
        "2025-11-27 14:01:30",
        "--until",
        "2025-11-27",
        "--pin-reaction",
        ":eyes:",
        "--include-bots",
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Imported 4 events from #inc-checkout")
    assert ", 1 pinned." in result.output and "2 messages outside --since/--until" in result.output


@pytest.mark.parametrize(
    "args, sentence",
    [
        (("--channel", "war-room", "--incident", "INC-0001"), "--channel: the export "),
        (("--channel", "inc-checkout", "--incident", "INC-0099"), "There is no incident INC-0099."),
        (("--channel", "inc-checkout", "--incident", "INC-0001", "--since", "yesterday-ish"), "--since: "),
        (
            (
                "--channel",
                "inc-checkout",
                "--incident",
                "INC-0001",
                "--since",
                "2025-11-28",
                "--until",
                "2025-11-27 10:00",
            ),
            "--since 2025-11-28 is not before --until 2025-11-27 10:00",
        ),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(run, export, args, sentence):
    result = run("import", "slack", str(export), *args)
    assert result.exit_code == 2
    assert result.output.startswith(f"debrief: {sentence}") and result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_malformed_export_is_refused_and_nothing_is_written(run, export, db_path):
    (export / "inc-checkout" / "2025-11-28.json").write_text('[{"ts": 1764252005, "text": "x"}]')
    result = run("import", "slack", str(export), "--channel", "inc-checkout", "--incident", "INC-0001")
    assert result.exit_code == 2
    assert result.output == (
        "debrief: inc-checkout/2025-11-28.json: message 1, field ts is 1764252005 (a number), "
        'not epoch seconds as text, such as "1700000000.000100"; nothing was imported.\n'
    )
    assert not [e for e in Store(db_path).list_events("INC-0001") if e.source == "import"]


def test_csv_imports_still_work_under_the_import_group(run, tmp_path):
    good = tmp_path / "deploys.csv"
    good.write_text("service,deployed_at\ncheckout,2025-11-03 09:00\n")
    assert run("import", "deployments", str(good)).output == f"Imported 1 deployment from {good}.\n"
