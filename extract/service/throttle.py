"""Login attempts: after MAX_FAILURES wrong passwords for one user name within WINDOW_S, further
attempts for that name are refused (429) until the oldest failure leaves the window. Online
guessing of a password is then a few tries per five minutes; the cost is that someone may keep
a user out for that long by failing on purpose (an admin can still make them a token). Kept in
memory: one service process, reset when it restarts."""

from __future__ import annotations

import threading
import time
from collections import deque

MAX_FAILURES = 5
WINDOW_S = 300.0


class LoginThrottle:
    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_S, clock=time.monotonic):
        self.max_failures, self.window, self.clock = max_failures, window, clock
        self.failures: dict[str, deque] = {}
        self.lock = threading.Lock()

    def _recent(self, key: str) -> deque:
        now = self.clock()
        times = self.failures.setdefault(key, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def wait(self, name: str) -> float:
        """Seconds before ``name`` may try again (0: now)."""
        with self.lock:
            times = self._recent(name.casefold())
            if len(times) < self.max_failures:
                return 0.0
            return max(1.0, self.window - (self.clock() - times[0]))

    def failed(self, name: str) -> None:
        with self.lock:
            self._recent(name.casefold()).append(self.clock())
            if len(self.failures) > 100_000:   # names that never exist must not fill the memory
                self.failures.clear()

    def succeeded(self, name: str) -> None:
        with self.lock:
            self.failures.pop(name.casefold(), None)
