"""Wrong project files and unreadable sources: clear errors that say what, where and how."""

import pytest

from leadscore.config import load_config
from leadscore.errors import ConfigError, DataError
from leadscore.ingest.run import ingest
from tests.ingest.conftest import SEGMENT


@pytest.mark.parametrize(("ingest_section", "message"), [
    ({"sources": [SEGMENT, SEGMENT]}, "source names must be unique; repeated: web"),
    ({"sources": [{"name": "x", "format": "segment", "path": "a", "kind": "people"}]},
     "`segment` exports are events; drop `kind: people`"),
    ({"sources": [{"name": "x", "format": "duckdb_table"}]}, "needs `table:`"),
    ({"sources": [{"name": "x", "format": "postgres_table", "table": "t"}]},
     "needs `options.dsn:`"),
    ({"sources": [{"name": "x", "format": "csv"}]}, "needs `path:`"),
    ({"sources": [{"name": "x", "format": "kafka", "path": "a"}]}, "ingest.sources.0.format"),
    ({"max_future": "soon"}, "'soon' is not a duration"),
    ({"properties": {"duration_s": "float"}}, "ingest.properties.duration_s"),
])
def test_config_errors(tmp_path, ingest_section, message):
    from ruamel.yaml import YAML

    with (tmp_path / "leadscore.yaml").open("w") as out:
        YAML().dump({"engine": {"path": "s.duckdb"}, "ingest": ingest_section}, out)
    with pytest.raises(ConfigError, match=r"leadscore\.yaml") as err:
        load_config(tmp_path / "leadscore.yaml")
    assert message in str(err.value)


def test_engine_must_be_a_duckdb_file(make_project):
    proj = make_project([SEGMENT])
    proj.data["engine"] = {"path": ":memory:"}
    proj.write()
    with pytest.raises(ConfigError, match=r"engine\.path: engine\.path is ':memory:'"):
        proj.ingest()
    proj.data["engine"] = {"type": "postgres"}
    proj.write()
    with pytest.raises(ConfigError, match="writes to a DuckDB database"):
        proj.ingest()


def test_unknown_source_and_no_sources(make_project):
    proj = make_project([SEGMENT])
    with pytest.raises(ConfigError, match=r"unknown source.*nope; the project has web"):
        proj.ingest(only=["nope"])
    proj.data.pop("ingest")
    proj.data["sources"] = {"people": {"path": "x.csv"}}
    proj.write()
    with pytest.raises(ConfigError, match="no `ingest:` sources"):
        ingest(proj.config, proj.root)


def test_mapped_column_missing(make_project):
    proj = make_project([{"name": "contacts", "format": "csv", "kind": "people",
                          "path": "crm/hubspot-contacts.csv",
                          "columns": {"person_id": "Contact Id"}}])
    with pytest.raises(DataError, match=r"source 'contacts'.*'Contact Id', not in the data; "
                                        r"it has 'Record ID'"):
        proj.ingest()


def test_missing_table(make_project):
    proj = make_project([{"name": "crm", "format": "duckdb_table", "kind": "people",
                          "table": "nope"}])
    with pytest.raises(DataError, match="table 'nope' does not exist"):
        proj.ingest()


def test_glob_without_files_is_reported(make_project):
    proj = make_project([{"name": "web", "format": "segment", "path": "nothing/*.ndjson"}])
    report = proj.ingest()
    assert report.sources[0].note == "no file matches nothing/*.ndjson"
