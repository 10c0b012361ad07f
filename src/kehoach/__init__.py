"""kehoach: first drafts of Vietnamese implementing plans (Kế hoạch, Hướng dẫn, Công văn)."""

__version__ = "0.2.0"
