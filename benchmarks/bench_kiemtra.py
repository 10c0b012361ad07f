"""How many planted mistakes `kehoach kiemtra` finds, and how many findings it raises that are not mistakes.

The texts in benchmarks/kiemtra/ are real-like documents written for this benchmark (no real document copied):
State, Party, union, Đoàn and Hội LHPN plans, letters and a decision, with headers, without headers, and pasted from
a web page. Each NAME.txt has NAME.sai.txt listing its planted mistakes, one per line: the rule ids that name it
(several with "|") and a piece of the line that carries it, separated by a tab.

A planted mistake is found when a finding with one of its rule ids points at a line containing its piece; each
mistake accounts for one finding only. A finding is false when no planted mistake is left for it: the texts are
otherwise written right, so every other finding is a false alarm (or one mistake reported twice).

Two sets are measured, and both figures are printed: benchmarks/kiemtra/ (20 texts the checker was tuned on: its
engineers fixed what its runs showed, so its figure is a tuned one) and benchmarks/kiemtra-doc-lap/ (a held-out set:
10 texts of other wording, written with their key BEFORE kiemtra was run on them; kiemtra is not tuned on it).

    python benchmarks/bench_kiemtra.py          # the figures of both sets, then each miss and each false finding
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kehoach.kiemtra import check_path

CORPUS = Path(__file__).resolve().parent / "kiemtra"
HELD_OUT = Path(__file__).resolve().parent / "kiemtra-doc-lap"


@dataclass
class Planted:
    rule_ids: tuple[str, ...]
    piece: str
    found: bool = False


def planted(path: Path) -> list[Planted]:
    expected = path.with_name(path.stem + ".sai.txt")
    items = []
    for line in expected.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ids, piece = line.split("\t", 1)
            items.append(Planted(tuple(ids.split("|")), piece))
    return items


def line_of(path: Path, where: str) -> str:
    """The text of the line a finding points at ("dòng 12")."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = int(where.split()[1].rstrip(",")) if where.startswith("dòng ") else 0
    return lines[number - 1] if 0 < number <= len(lines) else ""


def measure(corpus: Path, title: str) -> None:
    texts = sorted(p for p in corpus.glob("*.txt") if not p.name.endswith(".sai.txt"))
    total = found = false = findings = 0
    misses: list[str] = []
    alarms: list[str] = []
    by_rule: Counter[str] = Counter()
    start = time.perf_counter()
    for path in texts:
        report = check_path(path)
        mistakes = planted(path)
        total += len(mistakes)
        for finding in report.findings:
            findings += 1
            line = line_of(path, finding.where)
            hit = next((m for m in mistakes if not m.found and finding.rule_id in m.rule_ids and m.piece in line),
                       None)
            if hit is not None:
                hit.found = True
            else:
                false += 1
                alarms.append(f"{path.name}: {finding.rule_id} ({finding.where}) {finding.message}")
        for m in mistakes:
            if m.found:
                found += 1
                by_rule[m.rule_ids[0]] += 1
            else:
                misses.append(f"{path.name}: {'|'.join(m.rule_ids)} “{m.piece}”")
    elapsed = time.perf_counter() - start
    print(f"== {title} ==")
    print(f"Văn bản: {len(texts)}; lỗi cài vào: {total}; tìm thấy: {found} ({found / total:.0%}); "
          f"phát hiện sai: {false} trên {findings} phát hiện; thời gian: {elapsed:.2f} s")
    for heading, items in (("Lỗi chưa tìm thấy", misses), ("Phát hiện sai", alarms)):
        print(f"\n{heading}: {len(items)}")
        for item in items:
            print(f"  {item}")
    print()


def main() -> int:
    measure(CORPUS, f"Bộ đã dùng để chỉnh kiemtra ({CORPUS.name}/)")
    measure(HELD_OUT, f"Bộ độc lập, viết trước khi chạy, không chỉnh theo ({HELD_OUT.name}/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
