"""`kehoach kiemtra`: check a document against the form rules of its system and explain every finding.

    check_path(Path("ke-hoach.docx"))            # system detected from the text
    check_text(text, system="dang")              # plain text: only the text-level rules run

The functions never print and never exit; unusable input raises kehoach.errors.InputError.
"""

from __future__ import annotations

from pathlib import Path

from kehoach.docx.model import Model
from kehoach.docx.reader import read_path, read_text
from kehoach.errors import InputError, Problem
from kehoach.kiemtra import (
    rules_assign,
    rules_body,
    rules_cite,
    rules_cite_doc,
    rules_cross,
    rules_header,
    rules_layout,
    rules_merge,
    rules_page,
    rules_sign,
    rules_title,
    rules_words,
)
from kehoach.kiemtra.catalog import RULES, SYSTEMS
from kehoach.kiemtra.context import Context
from kehoach.kiemtra.detect import detect
from kehoach.kiemtra.extent import cut_to_document
from kehoach.kiemtra.intent import profile_choices
from kehoach.kiemtra.report import Finding, Report, format_text, to_json
from kehoach.kiemtra.structure import analyse

__all__ = ["MODULES", "RULES", "RULE_MODULES", "Finding", "Report", "check_model", "check_path", "check_text",
           "format_text", "to_json"]

# The rule modules in the order their findings read best; a new module adds its CHECKS (and RULES) here.
MODULES = (rules_page, rules_header, rules_title, rules_body, rules_cite, rules_cite_doc, rules_words, rules_sign,
           rules_cross, rules_layout, rules_assign)
CHECKS = [check for module in MODULES for check in module.CHECKS]
# Every module whose rules the catalogue lists (kehoach kiemtra --quy-tac): rules_merge runs apart, before the others.
RULE_MODULES = (*MODULES, rules_merge)


def check_path(path: Path, system: str | None = None, convert: bool = False, whole: bool = False) -> Report:
    """Check a .docx or .txt file.

    `convert`: convert a .doc/.odt/.rtf with LibreOffice first (a temporary copy). `whole`: check every line, also
    the lines of a web page around the document (by default they are left out, see extent.py).
    """
    path = Path(path)
    _validate_system(system, path)
    return check_model(read_path(path, convert=convert), system, file=str(path), whole=whole,
                       chosen=profile_choices(path))


def check_text(text: str, system: str | None = None, whole: bool = False) -> Report:
    """Check plain text (one paragraph per non-empty line)."""
    _validate_system(system, None)
    return check_model(read_text(text), system, file=None, whole=whole)


def check_model(model: Model, system: str | None = None, file: str | None = None, whole: bool = False,
                chosen: dict[str, str] | None = None) -> Report:
    """`chosen`: what the profile of a kehoach draft chose on purpose (intent.py); those choices are not warned about."""
    if not whole:
        model = cut_to_document(model)
    original = model
    model, conflicts = rules_merge.set_aside(model)  # the other rules read no conflict marker line
    certain = True
    if system is None:
        found = detect(model)
        system, reason, certain = found.system, found.reason, found.certain
    else:
        reason = "do người dùng chỉ định"
    ctx = Context(model=model, system=system, layout=analyse(model), certain=certain, chosen=chosen or {})
    for check in CHECKS:
        check(ctx)
    rules_merge.report(ctx, conflicts, original)
    findings = sorted(ctx.findings, key=lambda f: (f.paragraph if f.paragraph is not None else -1, f.rule_id))
    return Report(file=file, system=system, system_reason=reason, source_kind=model.source, findings=findings,
                  notes=list(model.notes), system_certain=certain)


def _validate_system(system: str | None, path: Path | None) -> None:
    if system is not None and system not in SYSTEMS:
        raise InputError([Problem(path, f"hệ thống “{system}” không có; chọn một trong: {', '.join(SYSTEMS)}.")])
