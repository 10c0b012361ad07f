"""The rule catalogue as people read it (`kehoach kiemtra --quy-tac`): every rule, what it says in each system, how
serious it is, where the rule comes from, and which module of kiemtra checks it.

The catalogue is the same table the findings are made from (catalog.RULES and the RULES a rule module adds), so it
cannot drift from what the checker does. Ids: "TT-n" is rule n of format-rules.md §8 (a letter marks a sub-rule),
"TB-" rules measure the page (issue 13), "VB-" rules are proof-reading.
"""

from __future__ import annotations

import inspect
import json
import re
from dataclasses import dataclass
from types import ModuleType

from kehoach.kiemtra.catalog import AREAS, RULES, SYSTEM_NAMES, SYSTEMS, RuleInfo, severity_of
from kehoach.kiemtra.report import SEVERITY_NAMES

RULE_ID = re.compile(r"\"((?:TT|TB|VB|[A-Z]{2})-\d+[a-z]?)\"")


@dataclass(frozen=True)
class Entry:
    rule_id: str
    info: RuleInfo
    module: str  # "kehoach/kiemtra/rules_header.py"


def rule_ids_of(module: ModuleType) -> tuple[str, ...]:
    """The rules a module checks: its RULE_IDS, else every rule id written in its source."""
    declared = getattr(module, "RULE_IDS", None)
    if declared is not None:
        return tuple(declared)
    found = RULE_ID.findall(inspect.getsource(module))
    return tuple(sorted(set(found) & set(RULES)))


def entries(modules: tuple[ModuleType, ...]) -> list[Entry]:
    """Every rule of the catalogue with the module that checks it, in catalogue order."""
    owner: dict[str, str] = {}
    for module in modules:
        path = module.__name__.replace(".", "/") + ".py"
        for rule_id in rule_ids_of(module):
            owner.setdefault(rule_id, path)
    return [Entry(rule_id, info, owner.get(rule_id, "")) for rule_id, info in RULES.items()]


def _per_system(table: dict[str, str], system: str | None, info: RuleInfo) -> list[tuple[str, str]]:
    """(systems, value) pairs: one pair when every system says the same, else grouped by value."""
    systems = (system,) if system else SYSTEMS
    groups: dict[str, list[str]] = {}
    for name in systems:
        groups.setdefault(info.pick(table, name), []).append(SYSTEM_NAMES[name])
    if len(groups) == 1:
        return [("", next(iter(groups)))]
    return [(", ".join(names), value) for value, names in groups.items()]


def format_rulebook(modules: tuple[ModuleType, ...], system: str | None = None) -> str:
    """The catalogue in Vietnamese, grouped by area; only `system`'s wording when one is given."""
    found = entries(modules)
    head = "Các quy tắc kehoach kiemtra kiểm tra"
    if system:
        head += f" (hệ thống {SYSTEM_NAMES[system]})"
    lines = [f"{head}: {len(found)} quy tắc.",
             "Mã TT-n là quy tắc n ở format-rules.md §8 (chữ cái: quy tắc con); TB- đo trang in; VB- soát chính tả."]
    for area, title in AREAS.items():
        group = [e for e in found if e.info.area == area]
        if not group:
            continue
        lines += ["", f"== {title} =="]
        for e in group:
            severities = {name: severity_of(e.rule_id, name) for name in ((system,) if system else SYSTEMS)}
            severity = " / ".join(f"{SEVERITY_NAMES[value]}{f' ({who})' if who else ''}"
                                  for who, value in _per_system(severities, system, e.info))
            lines.append(f"{e.rule_id} {e.info.title} [{severity}]")
            for who, text in _per_system(e.info.text, system, e.info):
                lines.append(f"    {who + ': ' if who else ''}{text}")
            for who, source in _per_system(e.info.source, system, e.info):
                lines.append(f"    Nguồn{' (' + who + ')' if who else ''}: {source}")
            if e.module:
                lines.append(f"    Kiểm tra ở: {e.module}")
    return "\n".join(lines) + "\n"


def rulebook_json(modules: tuple[ModuleType, ...]) -> str:
    """The catalogue for programs: per rule, per system, the text, severity and source; and the module."""
    data = []
    for e in entries(modules):
        data.append({
            "rule_id": e.rule_id, "area": e.info.area, "title": e.info.title, "module": e.module,
            "systems": {name: {"rule": e.info.pick(e.info.text, name), "severity": severity_of(e.rule_id, name),
                               "source": e.info.pick(e.info.source, name)} for name in SYSTEMS},
        })
    return json.dumps(data, ensure_ascii=False, indent=2)
