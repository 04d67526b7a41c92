import json
import subprocess
import sys

from dateline.cli import main


def test_version_and_help(capsys):
    for argv in (["--version"], ["--help"], ["analyze", "--help"]):
        try:
            main(argv)
        except SystemExit as exc:
            assert exc.code == 0
    out = capsys.readouterr().out
    assert "dateline 0.1.0" in out
    assert "examples:" in out


def test_usage_error_exits_2():
    r = subprocess.run([sys.executable, "-m", "dateline.cli", "analyze", "--no-such-flag", "x"], capture_output=True)
    assert r.returncode == 2


def test_analyze_sample(tmp_path):
    from tests.conftest import ROOT

    rc = main(["analyze", str(ROOT / "examples" / "libya" / "reuters" / "2011-03-19"), "--out", str(tmp_path), "-q"])
    assert rc == 0
    rep = json.loads((tmp_path / "report.json").read_text())
    assert rep["schema_version"] == "1"
    docs = rep["documents"]
    assert docs and all(d["status"] == "ok" for d in docs)
    for d in docs:
        assert d["published"] == "2011-03-19"
        for s, e in d["sentences"]:
            assert 0 <= s < e <= len(d["text"])
