"""What one running service is configured with (``vnplan serve`` options)."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1 << 20


@dataclass(frozen=True)
class Settings:
    db: str = "plans.db"                 # a SQLite path or a database URL
    max_upload_bytes: int = 50 * MiB     # larger uploads are refused with 413 before parsing
    max_pages: int = 500                 # a PDF with more pages fails its job as too_large
    parse_timeout: float = 120.0         # seconds one parse may take (then the worker is killed)
    parse_memory_mb: int | None = 2048   # memory one parse may take in its worker
    jobs: int = 1                        # parse workers (processes)
    session_hours: float = 12.0          # a browser session's life
    secure_cookies: bool = False         # set when served over HTTPS (behind a proxy)
    webhook_interval: float = 5.0        # seconds between webhook delivery rounds (0: no deliverer)
    max_page_scale: float = 3.0          # largest page image scale (1.0 = 72 dpi)
    start_workers: bool = True           # False: jobs stay queued (tests of the queue itself)
