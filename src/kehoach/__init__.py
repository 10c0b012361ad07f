"""kehoach: first drafts of Vietnamese implementing plans (Kế hoạch, Hướng dẫn, Công văn)."""

__version__ = "0.1.0"
