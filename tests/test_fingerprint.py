from leadscore.spec.fingerprint import logic_hash, meta_hash
from leadscore.spec.loader import load_model_text

BASE = """
name: m
fit:
  rules:
    - id: size
      label: Company size
      field: account.employees
      cases: [{between: [50, 500], points: 15}]
"""


def test_logic_hash_ignores_documentation_but_not_points():
    base = load_model_text(BASE).model
    relabelled = load_model_text(BASE.replace("Company size", "Headcount")).model
    renamed = load_model_text(BASE.replace("name: m", "name: other")).model
    repointed = load_model_text(BASE.replace("points: 15", "points: 16")).model
    assert logic_hash(base) == logic_hash(relabelled) == logic_hash(renamed)
    assert logic_hash(base) != logic_hash(repointed)
    assert meta_hash(base) != meta_hash(relabelled)


def test_logic_hash_sees_tier_bands_and_metric_names():
    text = BASE + "tiers:\n  intent:\n    - {name: high, min: 60}\n    - {name: low}\n"
    base = load_model_text(text).model
    assert logic_hash(base) != logic_hash(load_model_text(text.replace("60", "50")).model)
    assert logic_hash(base) != logic_hash(load_model_text(text.replace("high", "hot")).model)
