"""The workspace and its rebuild: records, staleness, keeping hand edits (three-way merge), the build, the cascade, issuing."""
