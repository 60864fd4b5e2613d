"""The n-gram model (``tui/hints/ngram.py``): shipped fresh, loaded lazily,
off by default, explainable, and kept out of the places the rules skip."""

import json
import subprocess
import sys

import pytest

from tui.hints import Config, ConfigError, Linter
from tui.hints.config import parse_config
from tui.hints.ngram import MODEL_PATH, load_model

from .corpus import CORPUS

# A training-split sentence no rule flags and the model does.
FLAGGED = (
    "Instead of using an appropriate library, someone wrote code that computed one year "
    "to be the current date plus one year."
)


def _model_hints(text: str, **kwargs):
    return [h for h in Linter(Config(model=True)).lint(text, **kwargs) if h.rule.startswith("model-")]


@pytest.mark.skipif(not (CORPUS / "blameful").is_dir(), reason="no corpus")
def test_shipped_model_is_generated_from_the_current_training_split():
    from tui.hints import train

    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped["digest"] == train.training_digest(), "run python -m tui.hints.train"
    assert 0.5 <= shipped["threshold"] < 1 and shipped["cv"]["model_alone"]["model_precision"] >= 0.9


def test_nothing_is_loaded_at_import_or_without_the_option():
    code = (
        "import tui.hints, tui.hints.ngram as n; from tui.hints import Linter;"
        "Linter().lint('The intern wiped the disk.'); print(n.load_model.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_off_by_default_and_on_with_the_option():
    assert not [h for h in Linter().lint(FLAGGED) if h.rule.startswith("model-")]
    assert _model_hints(FLAGGED)
    assert parse_config({"model": True}).model is True
    with pytest.raises(ConfigError, match="model"):
        parse_config({"model": "yes"})


def test_a_model_hint_shows_its_words_category_reason_and_template():
    (hint,) = _model_hints(FLAGGED)
    assert hint.level == "suggestion"
    assert hint.text and FLAGGED[hint.start : hint.end] == hint.text
    model = load_model()
    evidence = model.check(FLAGGED).evidence
    assert evidence and all(model.weights[f] > 0 for f in evidence)
    for feature in evidence:  # every triggering word is named and inside the span
        word = feature.split(":", 1)[1].split()[-1]
        assert word in hint.message.lower() and word in hint.text.lower()
    assert hint.category == hint.rule.removeprefix("model-") and "statistical" in hint.why
    from tui.hints.engine import model_rules
    from tui.hints.rewrite import placeholders

    rule = {r.id: r for r in model_rules(Linter().rules)}[hint.rule]
    assert "[" in rule.template and placeholders([rule])


@pytest.mark.parametrize(
    "text",
    [
        f"> {FLAGGED}",
        f"# {FLAGGED}",
        f"```\n{FLAGGED}\n```",
        f"He wrote: “{FLAGGED}”",
        f"> dana [5:00 PM]\n\n{FLAGGED}",
        f"We avoid calling this operator error: {FLAGGED}",
    ],
)
def test_not_in_quotes_code_headings_transcripts_or_talk_about_blame(text):
    assert not _model_hints(text)


def test_a_rule_hit_wins_over_the_model_in_its_sentence():
    text = "The engineer ran the script against production and wiped the database."
    hints = Linter(Config(model=True)).lint(text)
    assert hints and not [h for h in hints if h.rule.startswith("model-")]


def test_ctrl_r_on_a_model_hint_inserts_the_category_template():
    from tui.postmortem_hints import rewrite_edit

    linter = Linter(Config(model=True))
    (hint,) = [h for h in linter.lint(FLAGGED) if h.rule.startswith("model-")]
    edit = rewrite_edit(linter, FLAGGED, hint)
    assert edit is not None and "[" in edit.new and edit.start >= hint.end
