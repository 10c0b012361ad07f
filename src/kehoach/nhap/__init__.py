"""Importing a parent document (.docx, PDF, scan or photo, text) into the workspace's document files (kehoach nhap).

The library API, used by the CLI and the web page (nothing here prints):
- `read_file(path, workspace=None) -> Imported`: read, write nothing; `Imported.documents` are `Found` (key, data with
  exactly the keys of a van-ban file, notes of doubt with their page/paragraph), the document first, then its chain;
  `Imported.report` lists what was found and what not.
- `write_documents(documents, folder, dry_run=False) -> Written`: write them as folder/<key>.yaml, never over a file,
  reusing a document already there; `preview` gives the texts it would write.
- `import_files(files, folder, dry_run=False)`: both, for several files, all read before anything is written.
"""

from kehoach.nhap.importing import describe, import_files, parents_for_draft, previews
from kehoach.nhap.reading import read_file
from kehoach.nhap.result import Finding, Found, Imported, Note, Outcome, Written
from kehoach.nhap.store import preview, render, write_documents

__all__ = ["Finding", "Found", "Imported", "Note", "Outcome", "Written", "describe", "import_files",
           "parents_for_draft", "preview", "previews", "read_file", "render", "write_documents"]
