"""Cold start (issue 15 item 5): each command loads only what it needs. The time itself is the benchmark's
(benchmarks/bench_build.py: one draft from a cold process against a bare docxtpl script); these tests keep the
heavy parts a command does not use out of its process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

_PROBE = """
import json, sys
sys.argv = ["kehoach", *json.loads(sys.argv[1])]
try:
    from kehoach.cli import main
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
sys.stdout.write("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""
# Never needed to write one draft: the checker, the importer, the web page, the merge of a person's edits, the reading
# of a .docx (an issued parent's edited draft), suggestions for a misspelt name, running another program; for a first
# draft, the state of the drafts there and their conflict markers; docxtpl and python-docx.
_NOT_FOR_A_DRAFT = ("kehoach.kiemtra", "kehoach.nhap", "kehoach.web", "flask", "pdfminer", "kehoach.workspace.merge.engine",
                    "kehoach.docx.effective", "babel", "ruamel", "kehoach.docx.reader", "difflib", "subprocess",
                    "kehoach.workspace.state", "kehoach.workspace.index", "kehoach.docx.markers",
                    # a built-in template's shipped data (docx/prepared.py) is rendered without docxtpl and python-docx
                    "docx", "docxtpl", "kehoach.docx.compiled", "kehoach.docx.wordfile")


def loaded(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args)], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=env)
    report = json.loads(done.stdout.rstrip().rsplit("\n", 1)[-1])
    return report["code"], {m for m in report["modules"]}


def _under(modules: set[str], prefix: str) -> list[str]:
    return sorted(m for m in modules if m == prefix or m.startswith(prefix + "."))


def test_version_and_help_load_no_drafting(tmp_path):
    code, modules = loaded(["--version"], tmp_path)
    assert code == 0
    for heavy in ("docxtpl", "docx", "yaml", "jinja2", "kehoach.inputs", "kehoach.workspace", "kehoach.kiemtra"):
        assert not _under(modules, heavy), heavy
    code, modules = loaded(["--help"], tmp_path)  # lists kiemtra with its help, without loading the checker
    assert code == 0
    for heavy in ("docxtpl", "docx", "jinja2", "yaml", "kehoach.generate", "kehoach.drafting", "kehoach.inputs",
                  "kehoach.workspace", "kehoach.kiemtra", "kehoach.nhap", "kehoach.web", "kehoach.docx", "flask"):
        assert not _under(modules, heavy), heavy
    _code, modules = loaded([], tmp_path)  # no command: the same list
    assert not _under(modules, "kehoach.kiemtra") and not _under(modules, "docx")


def test_the_list_of_commands_says_what_each_command_says():
    """`kehoach --help` lists a command defined elsewhere (kiemtra) by the words cli.ELSEWHERE keeps for it, unloaded:
    the same line as when the command itself is loaded, at any width of terminal."""
    from click.testing import CliRunner

    from kehoach import cli
    from kehoach.kiemtra.cli import kiemtra

    assert kiemtra.help is not None and kiemtra.help.split("\n\n")[0].split() == cli.ELSEWHERE["kiemtra"].split()
    own = {name: command for name, command in cli.main.commands.items() if name not in cli.ELSEWHERE}

    def kiemtra_line(loaded: bool, width: int) -> list[str]:
        group = cli._Commands("kehoach", commands=dict(own), help=cli.main.help, params=cli.main.params)
        if loaded:
            group.add_command(kiemtra)
        shown = CliRunner().invoke(group, ["--help"], prog_name="kehoach", terminal_width=width).output
        assert ("kiemtra" in group.commands) is loaded  # listing it did not load it
        return [row for row in shown.splitlines() if row.strip().startswith("kiemtra")]

    for width in (50, 80, 200):
        assert kiemtra_line(False, width) == kiemtra_line(True, width) != []


def test_one_draft_loads_neither_the_checker_nor_the_merge(tmp_path):
    plan = ROOT / "examples" / "ke-hoach" / "000-ldld-lai-chau.yaml"
    code, modules = loaded(["tao", str(plan), "--thu-muc", str(tmp_path / "ra")], tmp_path)
    assert code == 0 and (tmp_path / "ra" / "000-ldld-lai-chau.docx").is_file()
    for heavy in _NOT_FOR_A_DRAFT:
        assert not _under(modules, heavy), heavy
    # Written again over an untouched draft: still no merge (only an edited draft is merged).
    code, modules = loaded(["tao", str(plan), "--thu-muc", str(tmp_path / "ra")], tmp_path)
    assert code == 0 and not _under(modules, "kehoach.workspace.merge.engine")


def test_kiemtra_loads_the_checker_only_when_it_runs(tmp_path):
    draft = tmp_path / "van-ban.txt"
    draft.write_text("KẾ HOẠCH\nvề việc tổ chức\nNội dung./.\n", encoding="utf-8")
    code, modules = loaded(["kiemtra", str(draft)], tmp_path)
    assert code in (0, 1) and _under(modules, "kehoach.kiemtra")
    assert not _under(modules, "docxtpl") and not _under(modules, "kehoach.workspace.merge.engine")
