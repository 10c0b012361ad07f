"""The .docx format both ways: rendering a draft into its layout template, and reading any .docx as Word shows it."""
