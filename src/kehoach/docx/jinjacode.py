"""Compiling one part's Jinja source with the one environment, noting the names it uses in the same pass.

Shared by both renderers (compiled.py over docxtpl, replay.py over the shipped data); no python-docx here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import CodeType
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame

MARKUP = re.compile(r"\{[{%#]")  # what makes Jinja do anything (the environment keeps the default delimiters)


class CompiledSource:
    """One part's Jinja source, compiled once by the one environment, with the names it uses (`names`, None when it
    did not compile: docxtpl meets that only when rendering, as "lỗi khi điền mẫu", so `run` raises it then)."""

    def __init__(self, env: jinja2.Environment, source: str):
        self.env, self.source = env, source
        self.template, self.names = compile_part(env, source)

    def run(self, values: dict[str, Any]) -> str:
        if self.template is None:
            self.env.from_string(self.source)  # compiling again raises the deferred syntax error, as docxtpl would
        assert self.template is not None
        return self.template.render(values)


def names_of(parts: Iterable[CompiledSource]) -> set[str]:
    """The names the parts of one template use; jinja2.TemplateError when one of them did not compile. Parts cannot
    declare names for each other (the sandbox has no {% set %} nor macros), so these are the names docxtpl's
    get_undeclared_template_variables finds, and those of the core properties."""
    found: set[str] = set()
    for part in parts:
        if part.names is None:
            raise jinja2.TemplateError("a part did not parse")
        found |= part.names
    return found


def compile_part(env: jinja2.Environment, source: str) -> tuple[jinja2.Template | None, set[str] | None]:
    """The part's compiled template and the names it looks up; (None, None) when it does not compile: docxtpl meets
    that only when rendering, as "lỗi khi điền mẫu", so the renderers raise it then (`env.from_string` again)."""
    try:
        code, names = _compile(env, env.parse(source))
    except jinja2.TemplateError:
        return None, None
    return env.template_class.from_code(env, code, env.make_globals(None), None), names


def _compile(env: jinja2.Environment, tree: jinja2.nodes.Template) -> tuple[CodeType, set[str]]:
    """`env.compile(tree)`, and the names the template looks up that nothing in it declares: what
    jinja2.meta.find_undeclared_variables finds, by the same code generator's walk, in the one pass that compiles
    it (asking meta walked the tree a second time: 10 ms of loading a template, for one draft). TemplateError as
    env.compile raises it."""
    generator = _tracking(env.code_generator_class)(env, None, None, None, False, env.optimized)
    generator.visit(tree)
    return env._compile(generator.stream.getvalue(), "<template>"), generator.undeclared


def _tracking(base: type[CodeGenerator]) -> type[Any]:
    """The environment's code generator, also noting the names meta's TrackingCodeGenerator notes (jinja2/meta.py);
    made once per generator class."""
    made = _TRACKING.get(base)
    if made is not None:
        return made

    class Tracking(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.undeclared: set[str] = set()

        def enter_frame(self, frame: Frame) -> None:
            super().enter_frame(frame)
            for _, (action, param) in frame.symbols.loads.items():
                if action == "resolve" and param not in self.environment.globals:
                    self.undeclared.add(param)

    _TRACKING[base] = Tracking
    return Tracking


_TRACKING: dict[type[CodeGenerator], type[Any]] = {}
