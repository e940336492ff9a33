"""The review page (``/review/``): officials check each task against the page it came from,
correct it and approve the document. A static page (HTML, CSS, JavaScript served from this
package: no CDN) over the service's JSON API, plus the few answers only the page needs
(``routes.py``). ``install(app)`` adds it to the service."""

from .routes import install

__all__ = ["install"]
