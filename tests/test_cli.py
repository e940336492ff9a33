"""The vnplan command: parse, schema, errors."""

import json
import subprocess
import sys

from typer.testing import CliRunner

from extract.cli.main import app

from .conftest import SEEDS

runner = CliRunner()


def test_parse_prints_a_plan_document():
    result = runner.invoke(app, ["parse", str(SEEDS / "002_57d4424329c6e7be.txt")])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == "1" and doc["source"]["format"] == "text"
    assert len(doc["source"]["sha256"]) == 64 and doc["tasks"]


def test_parse_to_file_pretty(tmp_path):
    out = tmp_path / "sub" / "plan.json"
    result = runner.invoke(app, ["parse", str(SEEDS / "001_4cae6c069fa5c76e.txt"), "-o", str(out), "--pretty"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("{\n  ") and json.loads(text)["tasks"]
    assert not list(out.parent.glob(".*.tmp"))  # written atomically, no leftovers


def test_bad_inputs_fail_with_one_line(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    for path in (tmp_path / "missing.txt", empty, tmp_path):
        result = runner.invoke(app, ["parse", str(path)])
        assert result.exit_code != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], result.stderr


def test_schema_command(tmp_path):
    result = runner.invoke(app, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads((tmp_path / "plan_document.schema.json").read_text())["title"] == "PlanDocument"


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from extract.cli import main; "
            "heavy = [m for m in ('spacy', 'underthesea', 'pdfplumber', 'pypdfium2', 'docx', 'openpyxl', 'rapidfuzz', 'sklearn') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
