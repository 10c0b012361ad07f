"""'{viet_tat:kh-349}' in a plan's own text: citations typed once, written the same way everywhere.

Only named fields are substituted, by a regular expression; nothing in the text is evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

_FIELD = re.compile(r"\{([a-z_]+)(?::([^{}\s]+))?\}")


class UnknownPlaceholder(ValueError):
    pass


def fill(text: str, names: Mapping[str, str], per_doc: Mapping[str, Callable[[str], str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        name, arg = match[1], match[2]
        if arg is None and name in names:
            return names[name]
        if arg is not None and name in per_doc:
            return per_doc[name](arg)
        known = sorted(names) + [f"{n}:MÃ" for n in sorted(per_doc)]
        raise UnknownPlaceholder(f"không hiểu chỗ thay thế '{match[0]}' (dùng được: {', '.join('{' + k + '}' for k in known)})")

    return _FIELD.sub(replace, text)
