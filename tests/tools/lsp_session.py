#!/usr/bin/env python3
"""lsp_session.py CLERK [--robust | --examples DIR] - drives `clerk lsp` through a whole editing session.

Run in an empty folder: it writes a small record set there (no .clerk.yml:
the set is the folder), starts CLERK lsp, and plays an editor: open a
record, break a reference, fix a date with the code action offered, hover
on an id and on a finding, go to the cited record, complete a value, an id
and a field name, type half a line of YAML, break and mend .clerk.yml,
then shut down. Each step checks what the server answers; the first that
does not hold stops the session with a message and exit code 1.

With --robust it sends what an editor should not: requests before
initialize, places far outside the text, a range past the end, documents
it never opened, a header without Content-Length, bytes that are not
UTF-8, requests after shutdown; the server must answer each and go on.

With --examples DIR it opens every record of DIR (such as examples/broken:
hostile text, broken YAML, encodings) and asks for hover, definition,
completion and code actions on every line, at its start, middle and past
its end; every request must be answered.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, LspError, uri_of, utf16_len  # noqa: E402

DECISION_17 = """---
type: decision
id: 2024-017
title: Vaststelling van het mandaatregister
date: 2024-03-12
status: adopted
authority: College van burgemeester en wethouders van Dijkmeer
---
# Vaststelling van het mandaatregister

## Besluit

1. het mandaatregister 2024 vast te stellen.
"""

# An emoji (two UTF-16 units), an accent and a Word dash (one each) before
# the weekday: the column the editor gets must count them as it does.
WEEKDAY_LINE = "1. 🎉 Het café–terras is op maandag 3 december 2024 gesloten."

DECISION_18 = """---
type: decision
id: 2024-018
title: Tarieven café–terras
date: 16-04-2024
status: adopted
authority: College van burgemeester en wethouders van Dijkmeer
cites:
  - 2024-017
---
# Tarieven café–terras

## Besluit

%s
2. Het [mandaatregister](2024-017.md) blijft van kracht.
""" % WEEKDAY_LINE


class Failed(Exception):
    pass


def expect(cond, what, got=None):
    if not cond:
        raise Failed(what + ("" if got is None else ": got " + json.dumps(got, ensure_ascii=False)[:1500]))


def codes(params):
    return sorted(d["code"] for d in params["diagnostics"])


def find(params, code):
    hits = [d for d in params["diagnostics"] if d["code"] == code]
    expect(len(hits) == 1, "one %s finding" % code, params)
    return hits[0]


def line_of(text, starts):
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(starts):
            return i, line
    raise Failed("no line starting %r" % starts)


def examples(c, folder):
    c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    c.notify("initialized", {})
    names = sorted(os.path.relpath(os.path.join(d, n), folder)
                   for d, _, files in os.walk(folder) for n in files if n.endswith(".md"))
    expect(len(names) > 0, "records in " + folder)
    asked = 0
    for name in names:
        path = os.path.join(folder, name)
        text = open(path, "rb").read().decode("utf-8", "replace")
        u = uri_of(path)
        c.notify("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "markdown",
                                                            "version": 1, "text": text}})
        c.diagnostics(u)
        for line, row in enumerate(text.split("\n")):
            for char in (0, utf16_len(row) // 2, utf16_len(row) + 5):
                at = {"textDocument": {"uri": u}, "position": {"line": line, "character": char}}
                for method in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
                    c.request(method, at)
                    asked += 1
            c.request("textDocument/codeAction", {"textDocument": {"uri": u}, "context": {"diagnostics": []},
                                                  "range": {"start": {"line": line, "character": 0},
                                                            "end": {"line": line, "character": 0}}})
        c.notify("textDocument/didClose", {"textDocument": {"uri": u}})
    expect(c.request("shutdown", None) is None, "shutdown answers null")
    c.notify("exit", None)
    expect(c.close() == 0, "exit code 0 after shutdown and exit")
    print("lsp examples: %d records, %d requests answered" % (len(names), asked))


def main(clerk, mode, folder=None):
    if mode == "--examples":
        c = Client([clerk, "lsp"], os.getcwd(), timeout=120)
        try:
            examples(c, folder)
        finally:
            if c.proc.poll() is None:
                c.proc.kill()
                c.proc.wait()
        return
    with open("2024-017.md", "w") as f:
        f.write(DECISION_17)
    with open("2024-018.md", "w") as f:
        f.write(DECISION_18)
    c = Client([clerk, "lsp", "--stdio"], os.getcwd())
    try:
        robust(c) if mode == "--robust" else session(c)
    finally:
        if c.proc.poll() is None:
            c.proc.kill()
            c.proc.wait()


def session(c):
    # -- initialize: UTF-16 positions, full text on each change
    init = c.request("initialize", {"processId": os.getpid(), "rootUri": uri_of("."),
                                    "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                                                     "workspace": {"didChangeWatchedFiles": {
                                                         "dynamicRegistration": True}}}})
    caps = init["capabilities"]
    expect(caps.get("positionEncoding") == "utf-16", "UTF-16 positions", caps)
    expect(caps["textDocumentSync"]["change"] == 1, "full text sync", caps)
    for cap in ("hoverProvider", "definitionProvider", "completionProvider", "codeActionProvider"):
        expect(caps.get(cap), cap, caps)
    c.notify("initialized", {})
    ask = c.read()
    expect(ask.get("method") == "client/registerCapability", "the server asks to watch files", ask)
    globs = [w["globPattern"] for w in ask["params"]["registrations"][0]["registerOptions"]["watchers"]]
    expect("**/.clerk.yml" in globs and "**/*.md" in globs, ".clerk.yml and the records watched", globs)
    c.send({"jsonrpc": "2.0", "id": ask["id"], "result": None})

    # -- a request the server does not know, a message that is not JSON
    try:
        c.request("clerk/nothing", {})
        raise Failed("an unknown method is an error")
    except LspError as e:
        expect("-32601" in str(e), "method not found (-32601)", str(e))
    c.send_raw(b"{not json")
    bad = c.read()
    while bad.get("method") == "window/logMessage":
        bad = c.read()
    expect(bad.get("error", {}).get("code") == -32700, "a parse error answered", bad)

    # -- open: the findings of the record, at the editor's columns
    u18, u17 = uri_of("2024-018.md"), uri_of("2024-017.md")
    text = DECISION_18
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": u18, "languageId": "markdown", "version": 1, "text": text}})
    d = c.diagnostics(u18)
    expect(d.get("version") == 1, "the diagnostics name the version", d)
    expect(codes(d) == ["field-type", "text-date-weekday"], "the date and the weekday", d)
    line, body = line_of(text, "1. ")
    weekday = find(d, "text-date-weekday")["range"]["start"]
    col = utf16_len(body[:body.index("maandag")])
    expect(col == body.index("maandag") + 1, "the emoji counts two units in this line")
    expect(weekday == {"line": line, "character": col},
           "the weekday at line %d, UTF-16 column %d" % (line, col), weekday)

    # -- a change that breaks a reference, and a duplicate id that shows
    #    up in the other record too
    broken = text.replace("  - 2024-017", "  - 2024-099")
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 2},
                                         "contentChanges": [{"text": broken}]})
    d = c.diagnostics(u18, accept=lambda p: p.get("version") == 2)
    ref = [x for x in d["diagnostics"] if x["code"] == "ref-unresolved"]
    expect(len(ref) == 1 and "2024-099" in ref[0]["message"], "the broken reference found", d)
    cites, cites_text = line_of(broken, "  - 2024-099")
    expect(ref[0]["range"]["start"]["line"] == cites, "on the line of the reference", ref)
    expect(c.published(u17) == [], "nothing said of 2024-017 yet")
    dup = broken.replace("id: 2024-018", "id: 2024-017")
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 3},
                                         "contentChanges": [{"text": dup}]})
    d = c.diagnostics(u18, accept=lambda p: p.get("version") == 3)
    expect("id-duplicate" in codes(d), "the duplicate id in the edited record", d)
    other = c.diagnostics(u17)
    expect(codes(other) == ["id-duplicate"], "the change's finding published for 2024-017", other)
    text = broken
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 4},
                                         "contentChanges": [{"text": text}]})
    c.diagnostics(u18, accept=lambda p: p.get("version") == 4)
    other = c.diagnostics(u17)
    expect(other["diagnostics"] == [], "2024-017 clean again once the duplicate is gone", other)

    # -- the code action that fixes the date, applied as an editor does
    date_line, _ = line_of(text, "date: ")
    actions = c.request("textDocument/codeAction", {
        "textDocument": {"uri": u18},
        "range": {"start": {"line": date_line, "character": 0},
                  "end": {"line": date_line, "character": 0}},
        "context": {"diagnostics": []}})
    fixes = [a for a in actions if a["diagnostics"][0]["code"] == "field-type"]
    expect(len(fixes) == 1 and fixes[0]["isPreferred"], "one sure fix of the date", actions)
    edits = fixes[0]["edit"]["changes"][u18]
    expect(len(edits) == 1 and edits[0]["newText"] == "2024-04-16", "the date written YYYY-MM-DD", edits)
    r = edits[0]["range"]
    lines = text.split("\n")
    row = lines[r["start"]["line"]]
    expect(row[r["start"]["character"]:r["end"]["character"]] == "16-04-2024",
           "the edit replaces the date as written", r)
    lines[r["start"]["line"]] = row[:r["start"]["character"]] + "2024-04-16" + row[r["end"]["character"]:]
    text = "\n".join(lines).replace("  - 2024-099", "  - 2024-017")
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 5},
                                         "contentChanges": [{"text": text}]})
    d = c.diagnostics(u18, accept=lambda p: p.get("version") == 5)
    expect(codes(d) == ["text-date-weekday"], "only the weekday is left", d)

    # -- hover on the id cited: the record's title, type, date and status
    pos = {"line": cites, "character": 6}
    h = c.request("textDocument/hover", {"textDocument": {"uri": u18}, "position": pos})
    value = h["contents"]["value"]
    for part in ("2024-017", "Vaststelling van het mandaatregister", "decision", "2024-03-12", "adopted"):
        expect(part in value, "hover shows %s" % part, h)
    # -- and on a link to it
    link, link_text = line_of(text, "2. Het [")
    h = c.request("textDocument/hover", {"textDocument": {"uri": u18}, "position": {
        "line": link, "character": utf16_len(link_text[:link_text.index(".md)") + 2])}})
    expect(h is not None and "Vaststelling van het mandaatregister" in h["contents"]["value"],
           "hover on a link to the record shows it", h)
    # -- hover on the finding: the rule's documentation
    h = c.request("textDocument/hover", {"textDocument": {"uri": u18},
                                         "position": {"line": line, "character": col + 2}})
    expect("text-date-weekday" in h["contents"]["value"] and "weekday" in h["contents"]["value"],
           "hover on the finding shows its rule", h)
    # -- go to the cited record
    loc = c.request("textDocument/definition", {"textDocument": {"uri": u18}, "position": pos})
    expect(loc["uri"] == u17 and loc["range"]["start"]["line"] == 2, "definition: 2024-017's id", loc)

    # -- completion: a status value, an id to cite, a field name
    status_line, _ = line_of(text, "status: ")
    items = c.request("textDocument/completion", {"textDocument": {"uri": u18},
                                                  "position": {"line": status_line, "character": 8}})
    labels = [i["label"] for i in items["items"]]
    expect("adopted" in labels and "withdrawn" in labels, "the status values", labels)
    typing = text.replace("  - 2024-017\n", "  - 2024-017\n  - 2024-0\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 6},
                                         "contentChanges": [{"text": typing}]})
    new_line = cites + 1  # the item being typed, under the one there
    items = c.request("textDocument/completion", {"textDocument": {"uri": u18},
                                                  "position": {"line": new_line, "character": 10}})
    ids = {i["label"]: i for i in items["items"]}
    expect("2024-017" in ids and "2024-018" not in ids, "the ids a decision may cite, not its own", list(ids))
    edit = ids["2024-017"]["textEdit"]
    expect(edit["range"]["start"] == {"line": new_line, "character": 4}, "replacing what was typed", edit)
    typing = text.replace("authority:", "aut\nauthority:")
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 7},
                                         "contentChanges": [{"text": typing}]})
    key_line = status_line + 1  # "aut", a field name being typed
    items = c.request("textDocument/completion", {"textDocument": {"uri": u18},
                                                  "position": {"line": key_line, "character": 3}})
    labels = [i["label"] for i in items["items"]]
    expect("publication" in labels and "status" not in labels,
           "field names of a decision, not those written already", labels)

    # -- half-typed YAML: a finding, not a crash
    half = text.replace("title: Tarieven café–terras", "title: [Tarieven 'café")
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 8},
                                         "contentChanges": [{"text": half}]})
    d = c.diagnostics(u18, accept=lambda p: p.get("version") == 8)
    expect("frontmatter-invalid" in codes(d), "the broken front matter found", d)
    h = c.request("textDocument/hover", {"textDocument": {"uri": u18}, "position": {"line": 3, "character": 9}})
    items = c.request("textDocument/completion", {"textDocument": {"uri": u18},
                                                  "position": {"line": 3, "character": 9}})
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 9},
                                         "contentChanges": [{"text": text}]})
    c.diagnostics(u18, accept=lambda p: p.get("version") == 9)

    # -- .clerk.yml changes: read again; a broken one is shown, then mended
    with open(".clerk.yml", "w") as f:
        f.write("rules:\n  text-date-weekday: off\n")
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(".clerk.yml")}})
    d = c.diagnostics(u18)
    expect(codes(d) == [], "the rule turned off in .clerk.yml, read again when it is saved", d)
    with open(".clerk.yml", "w") as f:
        f.write("rules:\n  text-date-weekday: [off\n")
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(".clerk.yml"), "type": 2}]})
    cfg = c.diagnostics(uri_of(".clerk.yml"))
    expect(len(cfg["diagnostics"]) == 1, "the broken configuration shown on its file", cfg)
    d = c.diagnostics(u18)
    expect("cannot be checked" in d["diagnostics"][0]["message"], "and on the record", d)
    os.unlink(".clerk.yml")
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(".clerk.yml"), "type": 3}]})
    cfg = c.diagnostics(uri_of(".clerk.yml"))
    expect(cfg["diagnostics"] == [], "the configuration's finding cleared", cfg)
    d = c.diagnostics(u18)
    expect(codes(d) == ["text-date-weekday"], "the record checked as before", d)

    # -- close: the record's findings cleared, and not sent again while
    #    they stay the same; another record edited meanwhile
    c.notify("textDocument/didOpen", {"textDocument": {"uri": u17, "languageId": "markdown",
                                                        "version": 1, "text": DECISION_17}})
    c.diagnostics(u17)
    c.notify("textDocument/didClose", {"textDocument": {"uri": u18}})
    d = c.diagnostics(u18, accept=lambda p: "version" not in p)
    expect(d["diagnostics"] == [], "a closed record's findings cleared", d)
    c.notify("textDocument/didChange", {"textDocument": {"uri": u17, "version": 2},
                                         "contentChanges": [{"text": DECISION_17 + "\n"}]})
    c.diagnostics(u17, accept=lambda p: p.get("version") == 2)
    expect(c.published(u18) == [], "the closed record's unchanged findings not sent again")
    # ... until a change gives it a new one: 2024-017 takes its id
    c.notify("textDocument/didChange", {"textDocument": {"uri": u17, "version": 3},
                                         "contentChanges": [{"text": DECISION_17.replace("id: 2024-017", "id: 2024-018")}]})
    c.diagnostics(u17, accept=lambda p: p.get("version") == 3)
    d = c.diagnostics(u18)
    expect("id-duplicate" in codes(d), "the closed record's new finding published", d)
    expect(c.request("shutdown", None) is None, "shutdown answers null")
    c.notify("exit", None)
    rc = c.close()
    expect(rc == 0, "exit code 0 after shutdown and exit", rc)
    print("lsp session: every step held")


def error_code(c, method, params):
    try:
        c.request(method, params)
    except LspError as e:
        return str(e)
    return "no error"


def robust(c):
    expect("-32002" in error_code(c, "textDocument/hover", {}), "a request before initialize refused")
    c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    c.notify("initialized", {})
    u18 = uri_of("2024-018.md")
    nowhere = {"textDocument": {"uri": u18}, "position": {"line": 3, "character": 3}}
    expect(c.request("textDocument/hover", nowhere) is None, "hover on a document not open: null")
    c.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:Untitled-1", "languageId": "markdown",
                                                        "version": 1, "text": "---\nx: [\n"}})
    c.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere/x.md", "version": 2},
                                         "contentChanges": [{"text": "x"}]})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": u18, "languageId": "markdown",
                                                        "version": 1, "text": DECISION_18}})
    c.diagnostics(u18)
    for line, char in ((-5, 3), (3, 10 ** 9), (10 ** 6, 0), (0, -7), (9, 2)):
        pos = {"textDocument": {"uri": u18}, "position": {"line": line, "character": char}}
        for method in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
            c.request(method, pos)
    c.request("textDocument/codeAction", {"textDocument": {"uri": u18},
                                          "range": {"start": {"line": -1, "character": 0},
                                                    "end": {"line": 10 ** 6, "character": 0}},
                                          "context": {"diagnostics": []}})
    # a range past the end of the text, in the middle of the emoji
    c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 14, "character": 4}, "end": {"line": 900, "character": 3}}, "text": "ü"},
        {"text": None}, "not a change"]})
    d = c.diagnostics(u18, accept=lambda p: p.get("version") == 2)
    # typing a record from its first line: every prefix is a document
    text = DECISION_18
    for n in range(0, len(text), 7):
        c.notify("textDocument/didChange", {"textDocument": {"uri": u18, "version": 100 + n},
                                             "contentChanges": [{"text": text[:n]}]})
        c.request("textDocument/completion", {"textDocument": {"uri": u18},
                                              "position": {"line": text[:n].count("\n"), "character": 2}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri_of("new/unsaved.md"), "languageId": "markdown",
                                                        "version": 1, "text": "---\ntype: decision\n"}})
    c.diagnostics(uri_of("new/unsaved.md"))
    c.proc.stdin.write(b"Content-Type: x\r\n\r\n")
    c.send_raw(b"\xff\xfe not UTF-8")
    c.send({"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": [1, 2]})
    c.send(["not", "an", "object"])
    seen = []
    while len(seen) < 4:
        msg = c.read()
        if "error" in msg:
            seen.append(msg["error"]["code"])
    expect(sorted(seen) == [-32700, -32700, -32602, -32600], "each bad message answered", seen)
    # a body larger than 64 MB is thrown away as it comes, and the next message read
    c.send_raw(b" " * (64 * 1024 * 1024 + 1))
    msg = c.read()
    while "error" not in msg:
        msg = c.read()
    expect(msg["error"]["code"] == -32700 and "64 MB" in msg["error"]["message"], "a message too large refused", msg)
    expect(c.request("textDocument/hover", nowhere) is None, "and the next one answered")
    expect(c.request("shutdown", None) is None, "shutdown answers null")
    expect("-32600" in error_code(c, "textDocument/hover", nowhere), "a request after shutdown refused")
    c.notify("exit", None)
    expect(c.close() == 0, "exit code 0 after shutdown and exit")
    print("lsp robustness: every message answered, no crash")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "",
             sys.argv[3] if len(sys.argv) > 3 else None)
    except (Failed, LspError) as e:
        print("lsp session failed: %s" % e, file=sys.stderr)
        sys.exit(1)
