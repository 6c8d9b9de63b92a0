"""The examples run as a reader would run them: the script, the notebooks (every cell must
succeed) and the Dask example (partition totals equal a single-process run, on worker
processes that get the policies pickled)."""

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES


def _env():
    env = dict(os.environ)
    env.setdefault("MPLBACKEND", "Agg")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def test_script_runs_and_writes_charts(tmp_path):
    out = subprocess.run([sys.executable, str(EXAMPLES / "settle_tour.py"), str(tmp_path)],
                         capture_output=True, text=True, env=_env(), timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Settlement tianjin/2023" in out.stdout
    assert "Comparison tianjin/2022 -> tianjin/2023" in out.stdout
    for png in ("fund_vs_cost_2023.png", "fund_2022_vs_2023.png"):
        assert (tmp_path / png).read_bytes()[:4] == b"\x89PNG"


def _run_notebook(name, tmp_path, monkeypatch):
    """The notebook executed in tmp_path, every cell (CellExecutionError when one fails), and
    its outputs, none an error."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    return nb, outputs


def test_notebook_executes_every_cell(tmp_path, monkeypatch):
    _run_notebook("medins_tour.ipynb", tmp_path, monkeypatch)
    assert (tmp_path / "fund_2022_vs_2023.png").exists()


def test_fund_balance_notebook_shows_its_plot(tmp_path, monkeypatch):
    nb, outputs = _run_notebook("fund_balance.ipynb", tmp_path, monkeypatch)
    # The plot is shown (a PNG in the last code cell's outputs) and written.
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert any("image/png" in o.get("data", {}) for o in last.outputs)
    assert (tmp_path / "fund_balance.png").read_bytes()[:4] == b"\x89PNG"
    # The three scenarios' balances, the reform's values as its own.
    text = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    for word in ("2022", "2023", "reform", "balance", "resident"):
        assert word in text
    assert "400  reform  reform" in text and "70%  reform  reform" in text


@pytest.mark.parametrize("scheduler", ["distributed", "processes"])
def test_dask_partitions_match_single_run(scheduler):
    pytest.importorskip("dask.dataframe")
    if scheduler == "distributed":
        pytest.importorskip("distributed")
    out = subprocess.run([sys.executable, str(EXAMPLES / "dask_partitions.py"),
                          "--scheduler", scheduler, "--persons", "4000"],
                         capture_output=True, text=True, env=_env(), timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no person spans partitions" in out.stdout
    assert "totals equal" in out.stdout
    # Worker processes, not threads of this one: the LocalCluster's two, or the process
    # pool's (one or more).
    if scheduler == "distributed":
        assert "computed in 2 worker process(es) other than this one" in out.stdout
    else:
        assert "computed in 0 worker" not in out.stdout
    # Both policies, the year and the reform derived from it in code, reached the workers.
    assert "  reform  fund " in out.stdout and "  2023    fund " in out.stdout


def test_his_refund_in_two_runs(tmp_path):
    # The settlement and its receipt in one process; the refund from the stored files in another.
    script = str(EXAMPLES / "his_refund.py")
    first = subprocess.run([sys.executable, script, "settle", str(tmp_path)],
                           capture_output=True, text=True, env=_env(), timeout=60)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("预结算（不记账）：")
    assert "结算（tianjin/2023）" in first.stdout and "统筹基金支付" in first.stdout
    before = (tmp_path / "ledger.txt").read_text()
    second = subprocess.run([sys.executable, script, "refund", str(tmp_path)],
                            capture_output=True, text=True, env=_env(), timeout=60)
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("退费（单据号20230601001），各项金额冲销：")
    after = (tmp_path / "ledger.txt").read_text()
    assert "\nseq=2\n" in before and "\nseq=1\n" in after
    again = subprocess.run([sys.executable, script, "refund", str(tmp_path)],
                           capture_output=True, text=True, env=_env(), timeout=60)
    assert again.returncode != 0 and "already reversed" in again.stderr
