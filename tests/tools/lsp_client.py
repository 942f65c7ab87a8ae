"""lsp_client.py - a small Language Server Protocol client over stdio, for the tests.

It starts the server as a child process, frames JSON-RPC messages with their
Content-Length header as the protocol says, answers nothing it is asked (a
server's requests get an empty result), and keeps the notifications it
receives so that a test can wait for the diagnostics of a file.
"""
import json
import os
import select
import subprocess
import time


class LspError(Exception):
    pass


def utf16_len(text):
    """The length of text in UTF-16 code units, as the protocol counts."""
    return len(text.encode("utf-16-le")) // 2


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


class Client:
    def __init__(self, argv, cwd, timeout=30.0):
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.timeout = timeout
        self.buf = b""
        self.next_id = 1
        self.notes = []

    # ------------------------------------------------------------ framing
    def send_raw(self, body):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, msg):
        self.send_raw(json.dumps(msg).encode("utf-8"))

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise LspError("no message from the server in time")
        ready, _, _ = select.select([self.proc.stdout], [], [], left)
        if not ready:
            raise LspError("no message from the server in time")
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if not chunk:
            raise LspError("the server closed its output (exit code %s): %s"
                           % (self.proc.poll(), self.proc.stderr.read().decode()))
        self.buf += chunk

    def read(self, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        header, rest = self.buf.split(b"\r\n\r\n", 1)
        length = None
        for line in header.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None:
            raise LspError("a message without Content-Length: %r" % header)
        self.buf = rest
        while len(self.buf) < length:
            self._fill(deadline)
        body, self.buf = self.buf[:length], self.buf[length:]
        return json.loads(body.decode("utf-8"))

    # --------------------------------------------------------- messages
    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            msg = self.read(timeout)
            if msg.get("id") == rid and "method" not in msg:
                if "error" in msg:
                    raise LspError("%s: error %s" % (method, msg["error"]))
                return msg.get("result")
            self._keep(msg)

    def _keep(self, msg):
        if "method" in msg and "id" in msg:
            # a request of the server's (such as registerCapability)
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        elif "method" in msg:
            self.notes.append(msg)

    def diagnostics(self, uri, timeout=None, accept=None):
        """Waits for the next publishDiagnostics of uri (that accept takes)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for i, note in enumerate(self.notes):
                p = note.get("params", {})
                if note["method"] == "textDocument/publishDiagnostics" and p.get("uri") == uri:
                    del self.notes[i]
                    if accept is None or accept(p):
                        return p
                    break
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LspError("no diagnostics for %s in time" % uri)
                self._keep(self.read(left))

    def published(self, uri):
        """The publishDiagnostics of uri received so far (taken)."""
        out = [n["params"] for n in self.notes
               if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri]
        self.notes = [n for n in self.notes if not (
            n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri)]
        return out

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        return self.proc.wait(timeout=self.timeout)
