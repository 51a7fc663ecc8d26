#!/usr/bin/env python3
"""Where the bytes of a wasm file go: code per crate (and per kafkascope
module), raw and gzip, the largest functions and data segments.

Needs a wasm with a name section: `bash scripts/wasm_breakdown.sh` builds one
the way Trunk does (cargo release build, wasm-bindgen, wasm-opt -Oz
--converge) but with `wasm-opt -g`, which keeps the names and changes the
code by a few bytes only.

gzip figures: "alone" is a group's function bodies gzipped by themselves;
"marginal" is how much smaller all code gzips without the group (what
removing it would save, the fairer figure for shared patterns). Names are
what rustc emits: generic std code (sorts, collections, fmt) instantiated for
a crate's types is counted under core/alloc unless its name says the crate;
Yew's `CompStateInner<COMP>::view` holds the app's inlined view functions.

Usage: wasm_breakdown.py FILE.wasm [--top N] [--group REGEX ...]
"""
import argparse
import collections
import re
import zlib


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def name(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode("utf-8", "replace"), i + n


def read(path):
    b = open(path, "rb").read()
    i, imported, bodies, datas, fnames, dnames, sections = 8, 0, [], [], {}, {}, []
    while i < len(b):
        sid = b[i]
        n, i = leb(b, i + 1)
        end = i + n
        label = ["custom", "type", "import", "function", "table", "memory", "global",
                 "export", "start", "elem", "code", "data", "datacount"][sid] if sid < 13 else str(sid)
        if sid == 0:
            label += ":" + name(b, i)[0]
        sections.append((label, n))
        if sid == 2:
            count, j = leb(b, i)
            for _ in range(count):
                _, j = name(b, j)
                _, j = name(b, j)
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imported += 1
                elif kind in (1, 2):
                    j += kind == 1
                    flags = b[j]
                    _, j = leb(b, j + 1)
                    if flags & 1:
                        _, j = leb(b, j)
                else:
                    j += 2
        elif sid == 10:
            count, j = leb(b, i)
            for _ in range(count):
                size, j = leb(b, j)
                bodies.append(b[j:j + size])
                j += size
        elif sid == 11:
            count, j = leb(b, i)
            for _ in range(count):
                flags, j = leb(b, j)
                if flags == 2:
                    _, j = leb(b, j)
                if flags in (0, 2):
                    while b[j] != 0x0B:
                        j += 1
                    j += 1
                size, j = leb(b, j)
                datas.append(b[j:j + size])
                j += size
        elif sid == 0 and name(b, i)[0] == "name":
            j = name(b, i)[1]
            while j < end:
                sub = b[j]
                size, j = leb(b, j + 1)
                if sub in (1, 9):
                    count, k = leb(b, j)
                    for _ in range(count):
                        idx, k = leb(b, k)
                        s, k = name(b, k)
                        (fnames if sub == 1 else dnames)[idx] = s
                j += size
        i = end
    funcs = [(fnames.get(imported + k, f"func{imported + k}"), body) for k, body in enumerate(bodies)]
    data = [(dnames.get(k, f"data{k}"), d) for k, d in enumerate(datas)]
    return sections, funcs, data


CRATES = ("kafkascope", "yew", "serde_json", "serde", "toml_edit", "toml", "winnow", "basic_toml",
          "miniz_oxide", "flate2", "ruzstd", "snap", "lz4_flex", "base64", "wasm_bindgen", "web_sys",
          "js_sys", "gloo", "indexmap", "hashbrown", "rand", "rand_chacha", "implicit_clone")


def group_of(fn):
    n = re.sub(r"\[[0-9a-f]{16}\]", "", fn)
    if "CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view" in n:
        return "app views (inlined in yew's view)"
    if re.search(r"[Dd]eserializ|Visitor|serde_json::de", n):
        return "serde: deserialize"
    if re.search(r"[Ss]erializ|serde_json::ser", n):
        return "serde: serialize"
    if "slice::sort" in n:
        return "core: slice sorts"
    if re.search(r"fmt::|flt2dec|Formatter", n):
        return "core: fmt"
    m = re.search(r"kafkascope::(\w+)(?:::(\w+))?", n)
    if m and not n.startswith(("core::", "alloc::", "<core::", "<alloc::")):
        return "kafkascope::" + m.group(1) + ("::" + m.group(2) if m.group(1) == "engine" and m.group(2) else "")
    m = re.match(r"^<?(?:&mut |&|dyn |\()*([A-Za-z_][A-Za-z0-9_]*)", n)
    first = m.group(1) if m else n
    if first in ("core", "alloc", "std", "T", "str"):
        for c in CRATES:
            if re.search(r"\b" + c + r"::", n):
                return f"{first} (for {c})"
    return first


def gz(b):
    return len(zlib.compress(b, 9))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wasm")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--group", action="append", default=[], help="also report functions matching REGEX")
    a = ap.parse_args()
    sections, funcs, data = read(a.wasm)
    code = b"".join(body for _, body in funcs)
    code_gz = gz(code)
    print("sections (bytes):", ", ".join(f"{n} {s:,}" for n, s in sections if s > 100))
    print(f"code {len(code):,} raw, {code_gz:,} gzip; data {sum(len(d) for _, d in data):,} raw, "
          f"{gz(b''.join(d for _, d in data)):,} gzip")

    def marginal(pred):
        rest = b"".join(body for fn, body in funcs if not pred(fn))
        sel = [body for fn, body in funcs if pred(fn)]
        return len(sel), sum(map(len, sel)), gz(b"".join(sel)), code_gz - gz(rest)

    groups = collections.defaultdict(int)
    for fn, body in funcs:
        groups[group_of(fn)] += len(body)
    print(f"\n{'group':44} {'funcs':>6} {'raw':>9} {'gz alone':>9} {'gz marginal':>11}")
    for g, _ in sorted(groups.items(), key=lambda x: -x[1])[:a.top]:
        n, raw, alone, marg = marginal(lambda fn, g=g: group_of(fn) == g)
        print(f"{g[:44]:44} {n:6d} {raw:9,} {alone:9,} {marg:11,}")
    for rx in a.group:
        n, raw, alone, marg = marginal(lambda fn: re.search(rx, fn) is not None)
        print(f"{('/' + rx + '/')[:44]:44} {n:6d} {raw:9,} {alone:9,} {marg:11,}")
    print("\nlargest functions (raw bytes):")
    for fn, body in sorted(funcs, key=lambda x: -len(x[1]))[:a.top]:
        print(f"  {len(body):8,}  {re.sub(r'::h[0-9a-f]{16}$', '', fn)[:150]}")
    print("\nlargest data segments (raw, gzip, first printable text):")
    for dn, d in sorted(data, key=lambda x: -len(x[1]))[:10]:
        text = b" ".join(re.findall(rb"[ -~]{8,}", d[:4000])[:3]).decode()[:90]
        print(f"  {dn:14} {len(d):8,} {gz(d):7,}  {text}")


main()
