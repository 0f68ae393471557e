"""Check built pages: nothing they load is remote, and every local link and reference resolves."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["is_remote", "page_problems", "tree_problems"]

CSS_REFERENCE = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
SCRIPT_URL = re.compile(r"""(?:https?:)?//[\w.-]+\.[a-z]{2,}[/\w.?=&%#:-]*""", re.IGNORECASE)
# Attributes through which a page loads something (a link the reader follows, <a href>, loads nothing).
LOADING = {"src", "srcset", "data", "poster", "background"}
EXECUTABLE_SCRIPT = {"", "text/javascript", "application/javascript", "module"}


def is_remote(url: str) -> bool:
    """True for an address on another machine (a scheme with a host, or a protocol-relative //host)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "file", "mailto", "javascript", "about")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads, self.links, self.ids, self.styles, self.scripts = [], [], set(), [], []
        self._script_type = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for name, value in attrs.items():
            if value is None:
                continue
            if name in LOADING:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                self.loads += [(f"<{tag} {name}>", url) for url in urls]
            elif name == "href":
                loads = tag == "link" or tag in ("image", "use")
                (self.loads if loads else self.links).append((f"<{tag} href>", value))
            elif name == "style":
                self.styles.append(value)
        if tag == "script":
            self._script_type = (attrs.get("type") or "").strip().lower()
        elif tag == "style":
            self._script_type = "style"

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._script_type = None

    def handle_data(self, data):
        if self._script_type == "style":
            self.styles.append(data)
        elif self._script_type in EXECUTABLE_SCRIPT:
            self.scripts.append(data)


def _css_references(css: str) -> list[str]:
    return [a or b for a, b in CSS_REFERENCE.findall(CSS_COMMENT.sub("", css))]


def _local_target(base: Path, url: str, top: Path) -> tuple[Path | None, str]:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, ""
    target = (base.parent / unquote(parts.path)).resolve() if parts.path else base.resolve()
    return target, parts.fragment


def _check_css(path: Path, top: Path, seen: set, found: list) -> None:
    if path in seen:
        return
    seen.add(path)
    for url in _css_references(path.read_text(encoding="utf-8", errors="replace")):
        where = f"{path.relative_to(top)}: url({url})"
        if is_remote(url):
            found.append(f"{where} is remote")
            continue
        target, _ = _local_target(path, url, top)
        if target is None:
            continue
        if not target.is_file() or not target.is_relative_to(top):
            found.append(f"{where} does not resolve to a file in {top.name}/")
        elif target.suffix == ".css":
            _check_css(target, top, seen, found)


def page_problems(path: Path, top: Path, ids_of=None) -> list[str]:
    """What is wrong with one HTML page of the tree under top: remote loads, unresolved local references."""
    top, path = top.resolve(), path.resolve()
    ids_of = {} if ids_of is None else ids_of
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    ids_of[path] = page.ids
    name = path.relative_to(top)
    found, seen_css = [], set()
    for style in page.styles:
        for url in _css_references(style):
            if is_remote(url):
                found.append(f"{name}: inline style loads {url}")
    for script in page.scripts:
        for url in SCRIPT_URL.findall(script):
            found.append(f"{name}: inline script names a remote address {url}")
    for where, url in page.loads + page.links:
        loads = (where, url) in page.loads
        if is_remote(url):
            if loads:
                found.append(f"{name}: {where} loads {url}")
            continue
        target, fragment = _local_target(path, url, top)
        if target is None:
            continue
        if not target.is_file() or not target.is_relative_to(top):
            found.append(f"{name}: {where} {url} does not resolve to a file in {top.name}/")
            continue
        if target.suffix == ".css":
            _check_css(target, top, seen_css, found)
        if fragment and target.suffix == ".html":
            if target not in ids_of:
                other = _Page()
                other.feed(target.read_text(encoding="utf-8"))
                ids_of[target] = other.ids
            if fragment not in ids_of[target] and unquote(fragment) not in ids_of[target]:  # as browsers match
                found.append(f"{name}: {where} {url}: no element with id {fragment!r}")
    return found


def tree_problems(top: Path) -> list[str]:
    """page_problems of every HTML page under top (the folder a lecturer copies as a whole)."""
    ids_of: dict = {}
    return [line for page in sorted(top.rglob("*.html")) for line in page_problems(page, top, ids_of)]
