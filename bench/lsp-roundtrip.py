#!/usr/bin/env python3
"""Drives `METALINT lsp` over stdio like an editor: initialize, open a file, read its diagnostics, shutdown, exit.
Usage: bench/lsp-roundtrip.py METALINT FILE...   Prints each file's diagnostic codes; exits non-zero on any failure."""
import json, pathlib, subprocess, sys

def main():
    exe, files = sys.argv[1], sys.argv[2:]
    p = subprocess.Popen(exe.split() + ["lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(msg):
        body = json.dumps(msg).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        p.stdin.flush()

    def read():
        length = None
        while (line := p.stdout.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        if length is None:
            sys.exit("server closed the stream")
        return json.loads(p.stdout.read(length))

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}})
    assert read()["result"]["capabilities"]["textDocumentSync"]["change"] == 2
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    for f in files:
        path = pathlib.Path(f).resolve()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": path.as_uri(), "languageId": "xml", "version": 1, "text": path.read_text(encoding="utf-8")}}})
        msg = read()
        assert msg["method"] == "textDocument/publishDiagnostics", msg
        print(f, " ".join(d["code"] for d in msg["params"]["diagnostics"]))
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    assert read()["id"] == 2
    send({"jsonrpc": "2.0", "method": "exit"})
    sys.exit(p.wait(timeout=10))

main()
