"""The one Jinja environment kehoach renders layout templates with: sandboxed, strict, escaping XML, and bounded.

A template (a profile's `mau:` may come from another office) only places values: output, `if`, `for`, comparisons
and a short list of filters. Whatever could reach outside the template, run long or grow large is refused when the
template is read, with a Vietnamese message naming the construct, or stopped while it renders:

- no loader: `{% include %}`, `{% import %}`, `{% extends %}` are refused (a template is one whole .docx);
- no `{% set %}`, `{% macro %}`, `{% call %}`, `{% filter %}`, no function or method calls, no `{% autoescape %}`
  (text stays escaped: it goes into XML); no globals (`range`, `lipsum`, `dict` …); filters from PLAIN_FILTERS only;
- arithmetic: `**` or `*` giving an integer over MAX_INT_BITS bits (`7**100000000`, `10**5000`), `*` or `+` giving text
  or a list over MAX_TEXT characters as written or MAX_ITEMS items (`'ab' * 2000000000`, `[trich_yeu] * 9999999`:
  the size of the result is estimated from its operands, `weight()`, before it is made), `%` formatting of text:
  refused while rendering;
- `~` and `|join` make at most MAX_TEXT characters, `|list` at most MAX_ITEMS items; all that `*`, `+`, `~` and
  `|join` make in one draft counts against MAX_MADE (a loop making a large list at each step); a render runs at most MAX_STEPS
  loop steps and writes at most MAX_OUTPUT characters, each value's size estimated before it is turned into text
  (`bounded()` sets the budget; LoadedTemplate renders inside it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_INT_BITS = 4096  # about 1,200 digits: far below Python's 4,300-digit limit for printing an integer
MAX_TEXT = 10_000_000  # characters in one value made by the template
MAX_OUTPUT = 20_000_000  # characters a template writes for one draft (a long plan's body is about 1,000,000)
MAX_STEPS = 1_000_000  # loop steps in one draft (a plan has a few hundred paragraphs)
MAX_ITEMS = 1_000_000  # items in one list the template makes (about 8 MB of references)
MAX_MADE = 100_000_000  # characters of text and lists made by *, +, ~, |join in one draft (a second or so of work)

# Filters a layout template may use: they only reshape text or lists, in time and size proportional to their input.
# `safe` is among them: a template is XML its author writes anyway, and the core properties (Title, Author), which
# python-docx escapes when it sets them, use it not to be escaped twice.
PLAIN_FILTERS = ("abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float",
                 "forceescape", "groupby", "int", "items", "join", "last", "length", "list", "lower", "max", "min",
                 "reject", "rejectattr", "reverse", "round", "safe", "select", "selectattr", "sort", "string",
                 "striptags", "sum", "title", "trim", "truncate", "unique", "upper", "wordcount")
_REFUSED = {
    nodes.Include: "{% include %}", nodes.Import: "{% import %}", nodes.FromImport: "{% from … import %}",
    nodes.Extends: "{% extends %}", nodes.Block: "{% block %}", nodes.Assign: "{% set %}", nodes.AssignBlock: "{% set %}",
    nodes.Macro: "{% macro %}", nodes.CallBlock: "{% call %}", nodes.Call: "gọi hàm hay phương thức (…())",
    nodes.FilterBlock: "{% filter %}", nodes.EvalContextModifier: "{% autoescape %}",
    nodes.ScopedEvalContextModifier: "{% autoescape %}",
}
_WHY = {
    "{% include %}": "mẫu phải là một tệp .docx trọn vẹn, không nạp tệp khác",
    "{% import %}": "mẫu phải là một tệp .docx trọn vẹn, không nạp tệp khác",
    "{% from … import %}": "mẫu phải là một tệp .docx trọn vẹn, không nạp tệp khác",
    "{% extends %}": "mẫu phải là một tệp .docx trọn vẹn, không nạp tệp khác",
    "{% autoescape %}": "chữ trong văn bản luôn phải được thoát ký tự XML",
}


class TemplateRefused(TemplateSyntaxError):
    """A construct a layout template may not use; the message is Vietnamese and names it."""


class _Budget:
    def __init__(self) -> None:
        self.steps = 0
        self.output = 0
        self.made = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise SecurityError(f"mẫu lặp quá {MAX_STEPS:,} lần cho một bản thảo".replace(",", "."))

    def write(self, size: int) -> None:
        self.output += size
        if self.output > MAX_OUTPUT:
            raise SecurityError(f"mẫu viết ra quá {MAX_OUTPUT:,} ký tự cho một bản thảo".replace(",", "."))

    def make(self, size: int) -> None:
        """Text and lists a template makes (each within MAX_TEXT), counted for the draft: a loop making a large list
        at every step would run for hours in little memory."""
        self.made += size
        if self.made > MAX_MADE:
            raise SecurityError(f"mẫu tạo ra quá {MAX_MADE:,} ký tự chữ và danh sách cho một bản thảo".replace(",", "."))


_BUDGET: ContextVar[_Budget | None] = ContextVar("kehoach_render_budget", default=None)


@contextmanager
def bounded() -> Iterator[None]:
    """Everything rendered inside shares one budget of loop steps and output (one draft)."""
    token = _BUDGET.set(_Budget())
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _budget() -> _Budget:
    return _BUDGET.get() or _Budget()


def _steps(value: Any) -> Any:
    """Wraps what a `for` runs over: every step counts."""
    if hasattr(value, "__len__"):
        _budget().step(len(value))
        return value
    return _counted(value)


def _counted(values: Iterable[Any]) -> Iterator[Any]:
    budget = _budget()
    for item in values:
        budget.step()
        yield item


def _written(value: Any) -> Any:
    """Wraps each value a template writes: its size counts, estimated before it is turned into text (the text of a
    list of 10,000,000 strings would take gigabytes before it could be measured)."""
    budget = _budget()
    budget.write(weight(value))
    return value


@jinja2.pass_eval_context
def _joined(eval_ctx: Any, values: list[Any]) -> Any:
    """`a ~ b ~ c`, bounded (by the estimate: nothing is turned into text before)."""
    size = weight(values)
    if size > MAX_TEXT:
        raise SecurityError(f"mẫu nối chữ dài quá {MAX_TEXT:,} ký tự".replace(",", "."))
    _budget().make(size)
    return markup_join(values) if eval_ctx.autoescape else str_join(values)


@jinja2.pass_eval_context
def _join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
    """Jinja's `join`, bounded: the separator counts once between every two items."""
    items = list(value) if not isinstance(value, (list, tuple)) else value
    size = weight(items) + len(str(d)) * max(len(items) - 1, 0) if len(items) <= MAX_ITEMS else MAX_TEXT + 1
    if size > MAX_TEXT:
        raise SecurityError(f"bộ lọc join cho chữ dài quá {MAX_TEXT:,} ký tự".replace(",", "."))
    _budget().make(size)
    return _JINJA_JOIN(eval_ctx, items, d, attribute)


_JINJA_JOIN = jinja2.filters.sync_do_join


def _listed(value: Any) -> list[Any]:
    """Jinja's `list`, bounded: a long text would become one object per character."""
    if hasattr(value, "__len__") and len(value) > MAX_ITEMS:
        raise SecurityError(f"bộ lọc list cho danh sách dài quá {MAX_ITEMS:,} phần tử".replace(",", "."))
    return jinja2.filters.sync_do_list(value)


def weight(value: Any) -> int:
    """About how many characters `value` takes when written (str() of it; at least 1 per item), without writing it.

    Text: its length. A list, tuple or dict: its items' weights plus 2 for each separator, each list walked once
    however often it is repeated inside another (`[[x] * 1000] * 1000` walks 1,001 items, not 1,000,000); the walk
    stops as soon as MAX_TEXT is passed."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, bool) or isinstance(value, float):
        return 24
    if isinstance(value, int):
        return _bits(value) * 3 // 10 + 2  # digits, without printing a number of up to MAX_INT_BITS bits
    if not isinstance(value, (list, tuple, dict)):
        return len(str(value))
    known: dict[int, int] = {}
    return _weight_of(value, known)


def _weight_of(value: Any, known: dict[int, int]) -> int:
    if isinstance(value, str):
        return len(value) + 2  # quoted, in a list's text
    if not isinstance(value, (list, tuple, dict)):
        return weight(value)
    if id(value) in known:
        return known[id(value)]
    known[id(value)] = MAX_TEXT + 1  # a list inside itself: too large to write
    items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
    if all(type(item) is str for item in items):  # the common case, at C speed
        total = sum(map(len, items)) + 4 * len(items) + 2
    else:
        total = 2
        for item in items:
            total += _weight_of(item, known) + 2
            if total > MAX_TEXT:
                break
    known[id(value)] = total
    return total


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _items(value: Any) -> int:
    return len(value) if isinstance(value, (list, tuple)) else 0


def _bits(value: Any) -> int:
    return abs(value).bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


def _check_binop(operator: str, left: Any, right: Any) -> None:
    both_int = isinstance(left, int) and isinstance(right, int)
    if operator == "**" and both_int and right > 0 and _bits(left) > 1 and (_bits(left) - 1) * right > MAX_INT_BITS:
        raise SecurityError(f"phép lũy thừa cho số quá lớn (hơn {MAX_INT_BITS} bit)")
    if operator == "*":
        if both_int and _bits(left) + _bits(right) > MAX_INT_BITS:
            raise SecurityError(f"phép nhân cho số quá lớn (hơn {MAX_INT_BITS} bit)")
        for seq, times in ((left, right), (right, left)):  # the size of the result, estimated before it is made
            if _size(seq) is not None and isinstance(times, int) and times > 1:
                size = weight(seq) * times if _items(seq) * times <= MAX_ITEMS else MAX_TEXT + 1
                if size > MAX_TEXT:
                    raise SecurityError(f"phép nhân cho chữ hay danh sách dài quá {MAX_TEXT:,} ký tự".replace(",", "."))
                _budget().make(size)
    if operator == "+" and _size(left) is not None and _size(right) is not None:
        size = weight(left) + weight(right) if _items(left) + _items(right) <= MAX_ITEMS else MAX_TEXT + 1
        if size > MAX_TEXT:
            raise SecurityError(f"phép cộng cho chữ hay danh sách dài quá {MAX_TEXT:,} ký tự".replace(",", "."))
        _budget().make(size)
    if operator == "%" and isinstance(left, str):
        raise SecurityError("mẫu không được định dạng chữ bằng '%': hãy viết thẳng biến, ví dụ {{ so_ky_hieu }}")
    if max(_bits(left), _bits(right)) > MAX_INT_BITS:
        raise SecurityError(f"số quá lớn (hơn {MAX_INT_BITS} bit)")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"**", "*", "+", "%", "-", "/", "//"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        raise SecurityError("mẫu không được gọi hàm hay phương thức")

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _refuse(tree, name, filename)
        _bound(tree)
        return tree


def _refuse(tree: nodes.Template, name: str | None, filename: str | None) -> None:
    for node in tree.find_all(nodes.Node):
        what = _REFUSED.get(type(node))
        if what is not None:
            why = _WHY.get(what, "mẫu chỉ được đặt biến, dùng if, for và các bộ lọc chữ")
            raise TemplateRefused(f"mẫu không được dùng {what}: {why}", node.lineno, name, filename)
        if isinstance(node, nodes.Filter) and node.name not in PLAIN_FILTERS + _VIETNAMESE:
            raise TemplateRefused(f"mẫu không được dùng bộ lọc '|{node.name}' (dùng được: "
                                  f"{', '.join(_VIETNAMESE + PLAIN_FILTERS)})", node.lineno, name, filename)


_VIETNAMESE = ("so", "in_hoa", "ngay_ngan")  # registered by docx.render.jinja_env


def _bound(tree: nodes.Template) -> None:
    """Loop steps and output counted, `~` bounded: the template's own tree, rewritten once when it is compiled."""
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Filter(loop.iter, "_buoc", [], [], None, None, lineno=loop.lineno)
    for output in tree.find_all(nodes.Output):
        output.nodes = [n if isinstance(n, nodes.TemplateData) else
                        nodes.Filter(n, "_viet", [], [], None, None, lineno=n.lineno) for n in output.nodes]
    for parent in tree.find_all(nodes.Node):
        for field in parent.fields:
            value = getattr(parent, field, None)
            if isinstance(value, nodes.Concat):
                setattr(parent, field, _as_join(value))
            elif isinstance(value, list):
                setattr(parent, field, [_as_join(v) if isinstance(v, nodes.Concat) else v for v in value])


def _as_join(concat: nodes.Concat) -> nodes.Filter:
    return nodes.Filter(nodes.List(concat.nodes, lineno=concat.lineno), "_noi", [], [], None, None, lineno=concat.lineno)


def environment(filters: dict[str, Any]) -> jinja2.Environment:
    """A new bounded environment with `filters` (the Vietnamese ones) and the counting filters; no globals."""
    env = BoundedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.globals.clear()
    allowed = {name: env.filters[name] for name in PLAIN_FILTERS}
    env.filters.clear()
    env.filters.update(allowed)
    env.filters.update(filters)
    env.filters.update({"_buoc": _steps, "_viet": _written, "_noi": _joined, "join": _join, "list": _listed})
    return env
