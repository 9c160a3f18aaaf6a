"""Exporters: `Article` → JSON, Markdown or plain text. None of them re-parses input."""
