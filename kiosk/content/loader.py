"""Load and validate a content folder into the read-only model.

A content folder is either one leaflet folder (it holds `leaflet.toml`) or a folder of leaflet
folders. Every problem found is collected, each naming its file and line, so staff can fix a
folder in one pass; `load_library` raises `ContentError` with all of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin

from ..guarded import FileProblem, guard, parse_toml, read_text
from .errors import ContentError, ContentProblem
from .model import (
    Block,
    BulletList,
    Card,
    CodeReference,
    Contact,
    ContactBlock,
    Leaflet,
    Library,
    Paragraph,
    Quote,
    Section,
    Span,
)
from .text import card_units

LEAFLET_FILE = "leaflet.toml"
FRONT_MATTER = "+++"
BLOCK_TYPES = ("quote", "contact", "code-ref")

LEAFLET_KEYS: dict[str, type] = {
    "id": str,
    "title": str,
    "edition": str,
    "publisher": str,
    "language": str,
    "description": str,
    "contacts": dict,
}
LEAFLET_REQUIRED = ("id", "title")
CONTACT_KEYS = {name for name in Contact.__dataclass_fields__ if name != "id"}
SECTION_KEYS: dict[str, type] = {"id": str, "title": str, "tile": str, "order": int}
SECTION_REQUIRED = ("id", "title", "order")

# Absolute limits, far above any real leaflet (its longest card has under 900 characters), so
# that a mistaken paste of a whole document is refused at once with a clear message instead
# of freezing the kiosk while it lays out or narrates it.
MAX_CONTENT_FILE_BYTES = 200_000
MAX_CARD_CHARACTERS = 4_000

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARAGRAPH_REF_RE = re.compile(r"^(\d+\.\d+)( continued)?$")
CODE_REF_RE = re.compile(r"^(?:\d+\.\d+(?:-\d+\.\d+)?|chapter \d+)$")


def _markdown() -> MarkdownIt:
    # HTML is parsed only so that it can be reported: content is text, never markup to run.
    md = MarkdownIt("commonmark", {"html": True})
    for name in BLOCK_TYPES:
        md.use(container_plugin, name=name)
    return md


@dataclass
class _Collector:
    problems: list[ContentProblem] = field(default_factory=list)

    def add(self, file: Path, line: int | None, message: str) -> None:
        self.problems.append(ContentProblem(file, line, message))

    def add_file_problem(self, problem: FileProblem, prefix: str = "") -> None:
        self.add(problem.file, problem.line, prefix + problem.message)


def _read_text(path: Path, out: _Collector) -> str | None:
    try:
        return read_text(path, max_bytes=MAX_CONTENT_FILE_BYTES)
    except FileProblem as problem:
        out.add_file_problem(problem)
        return None


def _lines_of(path: Path) -> list[str]:
    """The file's lines for locating a key in a message (tomllib reports no positions)."""
    try:
        return read_text(path, max_bytes=MAX_CONTENT_FILE_BYTES).splitlines()
    except FileProblem:
        return []


def _check_keys(
    table: dict[str, Any],
    schema: Mapping[str, type],
    required: tuple[str, ...],
    path: Path,
    line: int | None,
    where: str,
    out: _Collector,
) -> bool:
    ok = True
    for key in table:
        if key not in schema:
            known = ", ".join(sorted(schema))
            out.add(
                path, _key_line(path, key, line), f"unknown key '{key}' in {where} (known: {known})"
            )
            ok = False
    for key in required:
        if key not in table or (schema[key] is str and not str(table[key]).strip()):
            out.add(path, line, f"missing '{key}' in {where}")
            ok = False
    for key, value in table.items():
        want = schema.get(key)
        if want is not None and not (isinstance(value, want) and not isinstance(value, bool)):
            out.add(path, _key_line(path, key, line), f"'{key}' in {where} must be {want.__name__}")
            ok = False
    return ok


def _key_line(path: Path, key: str, default: int | None) -> int | None:
    """Best-effort line of `key = ...` for messages; tomllib does not report positions."""
    for number, text in enumerate(_lines_of(path), 1):
        if re.match(rf"^\s*{re.escape(key)}\s*=", text):
            return number
    return default


def _load_contacts(raw: dict[str, Any], path: Path, out: _Collector) -> dict[str, Contact]:
    contacts: dict[str, Contact] = {}
    for cid, table in raw.items():
        line = _key_line(path, f"[contacts.{cid}]", None) or _table_line(path, f"contacts.{cid}")
        if not isinstance(table, dict):
            out.add(path, line, f"contacts.{cid} must be a table ([contacts.{cid}])")
            continue
        if not ID_RE.match(cid):
            out.add(path, line, f"contact id '{cid}' must be lower-case letters, digits and dashes")
        schema: dict[str, type] = dict.fromkeys(CONTACT_KEYS, str)
        if _check_keys(table, schema, ("organisation",), path, line, f"contacts.{cid}", out):
            if not any(table.get(f) for f, _ in Contact.FIELDS):
                out.add(path, line, f"contacts.{cid} has no phone, email, website or social handle")
            contacts[cid] = Contact(id=cid, **table)
    return contacts


def _table_line(path: Path, name: str) -> int | None:
    for number, text in enumerate(_lines_of(path), 1):
        if text.strip() == f"[{name}]":
            return number
    return None


@dataclass
class _SectionDraft:
    path: Path
    meta: dict[str, Any]
    body: str
    body_line: int  # file line number of the body's first line


def _split_front_matter(path: Path, text: str, out: _Collector) -> _SectionDraft | None:
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER:
        out.add(path, 1, f"must start with a '{FRONT_MATTER}' line opening the card settings")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER)
    except StopIteration:
        out.add(path, 1, f"card settings opened with '{FRONT_MATTER}' are never closed")
        return None
    try:
        meta = parse_toml("\n".join(lines[1:end]), path, first_line=2)
    except FileProblem as problem:
        out.add(path, problem.line or 1, f"card settings are {problem.message}")
        return None
    return _SectionDraft(path, meta, "\n".join(lines[end + 1 :]), end + 2)


class _CardBuilder:
    """Turns one section's Markdown into cards; `---` starts the next card."""

    def __init__(self, draft: _SectionDraft, contacts: dict[str, Contact], out: _Collector):
        self.draft = draft
        self.contacts = contacts
        self.out = out
        self._host: SyntaxTreeNode | None = None

    def line_of(self, node: SyntaxTreeNode) -> int | None:
        return self.draft.body_line + node.map[0] if node.map else None

    def problem(self, node: SyntaxTreeNode | None, message: str) -> None:
        self.out.add(self.draft.path, self.line_of(node) if node else None, message)

    def build(self, md: MarkdownIt) -> list[tuple[int, list[Block]]]:
        tree = SyntaxTreeNode(md.parse(self.draft.body))
        pages: list[tuple[int, list[Block]]] = []
        current: list[Block] = []
        start = self.draft.body_line
        for node in tree.children:
            if node.type == "hr":
                if current:
                    pages.append((start, current))
                else:
                    self.problem(node, "'---' starts a card but the card before it is empty")
                current = []
                start = (self.line_of(node) or start) + 1
                continue
            block = self.block(node, top=True)
            if block is not None:
                if not current:
                    start = self.line_of(node) or start
                current.append(block)
        if current:
            pages.append((start, current))
        elif pages:
            self.out.add(self.draft.path, None, "ends with '---' but no card follows it")
        return pages

    def block(self, node: SyntaxTreeNode, top: bool) -> Block | None:
        kind = node.type
        if kind == "paragraph":
            para = self.paragraph(node)
            if para is not None and para.text.lstrip().startswith(":::"):
                self.problem(
                    node,
                    f"unknown block '{para.text.strip()}' (known: "
                    + ", ".join(f"'::: {b}'" for b in BLOCK_TYPES)
                    + "; each needs a closing ':::' line)",
                )
                return None
            return para
        if kind == "bullet_list":
            return self.bullet_list(node)
        if kind.startswith("container_") and top:
            return self.container(node)
        names = {
            "heading": "a heading (the card title comes from 'title' in the settings)",
            "ordered_list": "a numbered list (use '- ' bullets)",
            "blockquote": "a '>' quotation (use '::: quote PARAGRAPH')",
            "fence": "a code block",
            "code_block": "an indented code block (remove the leading spaces)",
            "html_block": "HTML",
            "hr": "'---' inside a block",
        }
        what = names.get(kind, f"'{kind}'")
        if kind.startswith("container_"):
            what = "a block inside another block"
        self.problem(node, f"unsupported Markdown: {what}")
        return None

    def paragraph(self, node: SyntaxTreeNode) -> Paragraph | None:
        spans: list[Span] = []
        ok = True
        self._host = node  # inline tokens carry no line numbers; report the paragraph's
        for inline in node.children:
            ok &= self.inline(inline, bold=False, italic=False, spans=spans)
        if not ok:
            return None
        return Paragraph(tuple(_merge(spans)))

    def inline(self, node: SyntaxTreeNode, bold: bool, italic: bool, spans: list[Span]) -> bool:
        kind = node.type
        if kind == "inline":
            return all([self.inline(c, bold, italic, spans) for c in node.children])
        if kind == "text":
            spans.append(Span(node.content, bold, italic))
            return True
        if kind in ("softbreak", "hardbreak"):
            spans.append(Span(" ", bold, italic))
            return True
        if kind in ("strong", "em"):
            bold |= kind == "strong"
            italic |= kind == "em"
            return all([self.inline(c, bold, italic, spans) for c in node.children])
        names = {
            "link": "a link (visitors cannot follow links; write the address as text)",
            "image": "an image",
            "code_inline": "`code`",
            "html_inline": "HTML",
        }
        self.problem(self._host, f"unsupported Markdown: {names.get(kind, repr(kind))}")
        return False

    def bullet_list(self, node: SyntaxTreeNode) -> BulletList | None:
        items: list[Paragraph] = []
        for item in node.children:
            paras = [c for c in item.children if c.type == "paragraph"]
            others = [c for c in item.children if c.type != "paragraph"]
            for other in others:
                self.problem(other, "unsupported Markdown: only plain text inside a list item")
            if len(paras) != 1:
                self.problem(item, "each list item must be one paragraph")
                continue
            para = self.paragraph(paras[0])
            if para is not None:
                items.append(para)
        return BulletList(tuple(items)) if items else None

    def inner_blocks(self, node: SyntaxTreeNode) -> tuple[Paragraph | BulletList, ...]:
        blocks: list[Paragraph | BulletList] = []
        for child in node.children:
            block = self.block(child, top=False)
            if isinstance(block, Paragraph | BulletList):
                blocks.append(block)
        return tuple(blocks)

    def container(self, node: SyntaxTreeNode) -> Block | None:
        kind = node.type.removeprefix("container_")
        arg = node.info.strip()[len(kind) :].strip()
        if kind == "quote":
            ref = PARAGRAPH_REF_RE.match(arg)
            if ref is None:
                self.problem(
                    node,
                    "'::: quote' needs the Code paragraph number, e.g. '::: quote 6.1'"
                    f" (got '{arg}')",
                )
                return None
            blocks = self.inner_blocks(node)
            if not blocks:
                self.problem(node, "'::: quote' block is empty")
                return None
            return Quote(ref.group(1), blocks, continued=bool(ref.group(2)))
        if kind == "contact":
            contact = self.contacts.get(arg)
            if contact is None:
                known = ", ".join(sorted(self.contacts)) or "none defined"
                self.problem(
                    node,
                    f"broken reference: contact '{arg}' is not in {LEAFLET_FILE} (known: {known})",
                )
                return None
            if node.children:
                self.problem(
                    node, "'::: contact' takes no text; its details come from leaflet.toml"
                )
            return ContactBlock(contact)
        # code-ref
        refs = tuple(r.strip() for r in arg.split(",") if r.strip())
        bad = [r for r in refs if not CODE_REF_RE.match(r)]
        if not refs or bad:
            self.problem(
                node,
                "'::: code-ref' needs sections like '11.2, 11.67-11.111' or 'chapter 11'"
                + (f" (not understood: {', '.join(bad)})" if bad else ""),
            )
            return None
        blocks = self.inner_blocks(node)
        text = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
        for section in refs:
            for number in re.findall(r"\d+(?:\.\d+)?", section):
                if number not in text:
                    self.problem(
                        node,
                        f"broken reference: section {number} is not mentioned in the block's text",
                    )
        return CodeReference(refs, blocks)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return merged


def _load_leaflet(folder: Path, md: MarkdownIt, out: _Collector) -> Leaflet | None:
    manifest = folder / LEAFLET_FILE
    text = _read_text(manifest, out)
    if text is None:
        return None
    try:
        meta = parse_toml(text, manifest)
    except FileProblem as problem:
        out.add_file_problem(problem)
        return None
    before = len(out.problems)
    keys_ok = _check_keys(meta, LEAFLET_KEYS, LEAFLET_REQUIRED, manifest, 1, LEAFLET_FILE, out)
    if keys_ok and not ID_RE.match(meta["id"]):
        out.add(
            manifest,
            _key_line(manifest, "id", 1),
            f"id '{meta['id']}' must be lower-case letters, digits and dashes",
        )
    contacts_raw = meta.get("contacts", {})
    contacts = _load_contacts(contacts_raw, manifest, out) if isinstance(contacts_raw, dict) else {}

    sections: list[Section] = []
    files = sorted(folder.glob("*.md"))
    if not files:
        out.add(folder, None, "no card files (*.md) in this leaflet folder")
    for path in files:
        try:
            section = guard(path, partial(_load_section, path, md, contacts, out))
        except FileProblem as problem:
            out.add_file_problem(problem)
            continue
        if section is not None:
            sections.append(section)
    _check_unique(sections, out)
    if len(out.problems) > before:
        return None
    sections.sort(key=lambda s: s.order)
    return Leaflet(
        id=meta["id"],
        title=meta["title"],
        edition=meta.get("edition", ""),
        publisher=meta.get("publisher", ""),
        language=meta.get("language", "en-GB"),
        contacts=contacts,
        sections=tuple(sections),
        folder=folder,
        description=meta.get("description", "").strip(),
    )


def _load_section(
    path: Path, md: MarkdownIt, contacts: dict[str, Contact], out: _Collector
) -> Section | None:
    text = _read_text(path, out)
    if text is None:
        return None
    draft = _split_front_matter(path, text, out)
    if draft is None:
        return None
    if not _check_keys(draft.meta, SECTION_KEYS, SECTION_REQUIRED, path, 2, "card settings", out):
        return None
    sid = draft.meta["id"]
    if not ID_RE.match(sid):
        out.add(path, 2, f"id '{sid}' must be lower-case letters, digits and dashes")
        return None
    before = len(out.problems)
    pages = _CardBuilder(draft, contacts, out).build(md)
    if len(out.problems) > before:
        return None
    if not pages:
        out.add(path, draft.body_line, "has no text: a card needs at least one paragraph or block")
        return None
    if not _within_card_limit(path, pages, out):
        return None
    title = draft.meta["title"].strip()
    cards = tuple(
        Card(
            id=sid if len(pages) == 1 else f"{sid}-{n}",
            section_id=sid,
            section_title=title,
            part=n,
            parts=len(pages),
            blocks=tuple(blocks),
            source=path,
            line=line,
        )
        for n, (line, blocks) in enumerate(pages, 1)
    )
    return Section(
        sid, title, draft.meta.get("tile", title).strip(), draft.meta["order"], cards, path
    )


def _within_card_limit(path: Path, pages: list[tuple[int, list[Block]]], out: _Collector) -> bool:
    ok = True
    for number, (line, blocks) in enumerate(pages, 1):
        probe = Card("probe", "probe", "", number, len(pages), tuple(blocks), path, line)
        size = sum(len(unit.text) for unit in card_units(probe))
        if size > MAX_CARD_CHARACTERS:
            which = f"card {number} of this file" if len(pages) > 1 else "this card"
            out.add(
                path,
                line,
                f"{which} has {size:,} characters; the limit is {MAX_CARD_CHARACTERS:,} "
                "(and it must fit one screen): split it with '---' lines",
            )
            ok = False
    return ok


def _check_unique(sections: list[Section], out: _Collector) -> None:
    seen_ids: dict[str, Path] = {}
    seen_sections: dict[str, Path] = {}
    seen_orders: dict[int, Path] = {}
    for section in sections:
        # Topic ids are what tiles open: two topics with one id must fail, whatever their
        # card counts (one card is "x", three are "x-1".."x-3", so card ids alone never clash).
        if section.id in seen_sections:
            out.add(
                section.source,
                2,
                f"topic id '{section.id}' is also used by {seen_sections[section.id].name}",
            )
        seen_sections[section.id] = section.source
        if section.order in seen_orders:
            out.add(
                section.source,
                2,
                f"order {section.order} is also used by {seen_orders[section.order].name}",
            )
        seen_orders[section.order] = section.source
        for card in section.cards:
            if card.id in seen_ids:
                out.add(
                    section.source,
                    2,
                    f"duplicate id '{card.id}' (also in {seen_ids[card.id].name})",
                )
            seen_ids[card.id] = section.source


class KnownLeaflets(Protocol):
    """Leaflets already loaded from folders whose files have not changed since."""

    def get(self, folder: Path) -> Leaflet | None: ...

    def put(self, folder: Path, leaflet: Leaflet) -> None: ...


def load_library(root: Path, known: KnownLeaflets | None = None) -> Library:
    """Load every leaflet under `root`; raise ContentError listing every problem found.
    A leaflet `known` already (from an unchanged folder) is not read again: a leaflet loads
    without a problem or not at all, so only good ones are known."""
    out = _Collector()
    md = _markdown()
    if not root.is_dir():
        raise ContentError([ContentProblem(root, None, "content folder does not exist")])
    if (root / LEAFLET_FILE).is_file():
        folders = [root]
    else:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / LEAFLET_FILE).is_file())
        if not folders:
            out.add(
                root,
                None,
                f"no leaflet here: expected {LEAFLET_FILE} in this folder or in its sub-folders",
            )
    leaflets: list[Leaflet] = []
    for folder in folders:
        leaflet = known.get(folder) if known is not None else None
        if leaflet is None:
            try:
                leaflet = guard(folder / LEAFLET_FILE, partial(_load_leaflet, folder, md, out))
            except FileProblem as problem:
                out.add_file_problem(problem)
                continue
            if leaflet is not None and known is not None:
                known.put(folder, leaflet)
        if leaflet is not None:
            leaflets.append(leaflet)
    # Card and topic ids are the leaflet's own (checked in _check_unique); only leaflet ids
    # must differ, since commands name a card `leaflet/card`.
    ids: dict[str, Path] = {}
    for leaflet in leaflets:
        if leaflet.id in ids:
            out.add(
                leaflet.folder / LEAFLET_FILE,
                1,
                f"duplicate leaflet id '{leaflet.id}' (also {ids[leaflet.id]})",
            )
        ids[leaflet.id] = leaflet.folder
    if out.problems:
        raise ContentError(out.problems)
    return Library(tuple(leaflets), root)
