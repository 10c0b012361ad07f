"""Composing the text of a draft: citations, sections, tasks flowing down, Tổ chức thực hiện; pure Python, no files."""
