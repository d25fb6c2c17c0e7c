"""The web UI (``lasswell serve``): pages and JSON twins over a corpus database."""
