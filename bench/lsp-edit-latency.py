#!/usr/bin/env python3
"""Edit latency of `METALINT lsp` on a large profile, against `METALINT check` of the same file in the same run.

Usage: bench/lsp-edit-latency.py METALINT [PROFILE]
Without PROFILE a ~4 MB profile is generated with bench/gen_org.py. Opens it, then:
  1. 100 single-character edits (incremental sync), one at a time: the time from writing each change to reading
     the diagnostics published for its version (median, p90);
  2. a flood of 100 changes written at once: which version's diagnostics arrive first (must be the last one).
Prints the figures and their ratio to the median of `METALINT check PROFILE` (process start included)."""
import json, os, pathlib, statistics, subprocess, sys, tempfile, time

def check_time(exe, profile, runs=7):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(exe.split() + ["check", str(profile)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

class Server:
    def __init__(self, exe):
        self.p = subprocess.Popen(exe.split() + ["lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = None
        while (line := self.p.stdout.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        if length is None:
            sys.exit("server closed the stream")
        return json.loads(self.p.stdout.read(length))

    def diagnostics(self):
        while True:
            msg = self.read()
            if msg.get("method") == "textDocument/publishDiagnostics":
                return msg["params"]

def change(uri, version, line, start, end, text):
    return {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": {"line": line, "character": start}, "end": {"line": line, "character": end}},
                            "text": text}]}}

def main():
    exe = sys.argv[1]
    if len(sys.argv) > 2:
        profile = pathlib.Path(sys.argv[2]).resolve()
    else:
        out = pathlib.Path(tempfile.mkdtemp(prefix="metalint-bench-"))
        gen = pathlib.Path(__file__).resolve().parent / "gen_org.py"
        subprocess.run([sys.executable, str(gen), str(out), "--profiles", "1", "--permsets", "0", "--objects", "1100",
                        "--fields", "20", "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        profile = next(out.rglob("*.profile-meta.xml")).resolve()
    text = profile.read_text(encoding="utf-8")
    print(f"profile: {profile} ({profile.stat().st_size / 1e6:.1f} MB, {text.count(chr(10))} lines)")
    baseline = check_time(exe, profile)
    print(f"baseline: `metalint check` of the file, median of 7: {baseline * 1000:.1f} ms")

    s = Server(exe)
    s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}})
    assert s.read()["result"]["capabilities"]["textDocumentSync"]["change"] == 2
    s.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = profile.as_uri()
    t = time.perf_counter()
    s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "xml", "version": 1, "text": text}}})
    first = s.diagnostics()
    codes = len(first["diagnostics"])
    print(f"open: {(time.perf_counter() - t) * 1000:.1f} ms to the first diagnostics ({codes} findings)")

    # Single-character edits in the whitespace before line 2's first element: insert a space, then remove it.
    latencies, version = [], 1
    for i in range(100):
        version += 1
        msg = change(uri, version, 2, 0, 0, " ") if i % 2 == 0 else change(uri, version, 2, 0, 1, "")
        t = time.perf_counter()
        s.send(msg)
        while (d := s.diagnostics()).get("version") != version:
            pass
        latencies.append(time.perf_counter() - t)
        assert len(d["diagnostics"]) == codes, "an edit of whitespace changed the findings"
    med, p90 = statistics.median(latencies), sorted(latencies)[89]
    print(f"edit -> diagnostics, 100 single-character edits: median {med * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms, "
          f"max {max(latencies) * 1000:.1f} ms")
    print(f"ratio: median edit latency / check time = {med / baseline:.2f}")

    # Flood: 100 changes written at once; the first diagnostics must be the last version's.
    final = version + 100
    t = time.perf_counter()
    for i in range(100):
        version += 1
        s.send(change(uri, version, 2, 0, 0, " ") if i % 2 == 0 else change(uri, version, 2, 0, 1, ""))
    published = []
    while not published or published[-1] != final:
        published.append(s.diagnostics().get("version"))
    print(f"flood of 100 changes: {len(published)} publication(s), first for version {published[0]} "
          f"(final {final}), {(time.perf_counter() - t) * 1000:.1f} ms until the final version's diagnostics")
    ok = published[0] == final

    s.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    while s.read().get("id") != 2:
        pass
    s.send({"jsonrpc": "2.0", "method": "exit"})
    rc = s.p.wait(timeout=10)
    sys.exit(0 if ok and rc == 0 else 1)

main()
