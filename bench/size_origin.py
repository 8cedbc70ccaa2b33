"""Attributes the shipped wasm's bytes to where the code comes from (bench/NOTES.md, "Size by
origin"). Input: `twiggy top -n 100000 -f csv` of a release wasm that kept its names (the
commands are in the notes). Functions are counted where they end up after inlining: a
component's `html!` output and the core code inlined into it count as the component's."""

import collections
import csv
import re
import sys

STD = ("core", "alloc", "std", "compiler_builtins", "dlmalloc", "__rustc")
YEW = ("yew", "implicit_clone", "prokio", "gloo", "gloo_events", "gloo_timers", "gloo_utils",
       "gloo_history", "gloo_console", "slab", "indexmap", "hashbrown", "tracing",
       "pin_project", "futures", "futures_util", "futures_core", "futures_channel",
       "console_error_panic_hook")
BINDGEN = ("wasm_bindgen", "js_sys", "web_sys", "wasm_bindgen_futures")


def origin(name):
    plain = re.sub(r"\[[0-9a-f]+\]", "", name)  # v0 mangling's crate hashes
    if name.startswith("data segment"):
        return "data segments (strings, tables, the embedded data)"
    s = re.sub(r"^(mut |dyn |const )", "", plain.lstrip("<&*( "))
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", s)
    root = m.group(0) if m else ""
    ours_generic = "sco_explorer" in plain
    if root == "yew" and "CompStateInner<sco_explorer" in plain:
        return "ours: components (html! output, with what is inlined into it)"
    if root == "sco_explorer":
        parts = s.split("::")
        if parts[1] == "core":
            return "ours: core::" + re.split(r"[<\s]", parts[2])[0]
        return "ours: " + parts[1]
    if root in STD:
        if "sort" in plain:
            return "std: slice sorts"
        if "::fmt" in plain:
            return "std: formatting"
        if "btree" in plain.lower():
            return "std: BTreeMap/BTreeSet"
        if "dlmalloc" in plain:
            return "std: allocator"
        if ours_generic:
            return "std generics over our types (drop, iterators, Vec, Clone, Eq)"
        return "std: other (strings, Vec, iterators, panics)"
    if root in YEW:
        return "Yew runtime (with gloo, indexmap, hashbrown)"
    if root in BINDGEN or root.startswith(("__wbg", "__wbindgen", "__externref")):
        return "wasm-bindgen, js-sys, web-sys"
    if root in ("serde", "serde_core", "postcard"):
        return "serde + postcard"
    if root == "rust_stemmers":
        return "rust-stemmers"
    return "other (wasm structure, primitives' impls)"


def main(path):
    sizes = collections.Counter()
    for row in csv.DictReader(open(path)):
        name = row["Name"]
        if "subsection" in name or name.startswith("custom section"):
            continue
        sizes[origin(name)] += int(row["ShallowSize"])
    total = sum(sizes.values())
    print("| origin | bytes | share |\n|---|---|---|")
    for k, v in sizes.most_common():
        print(f"| {k} | {v:,} | {v * 100 / total:.1f}% |")
    print(f"| **total** | **{total:,}** | |")


if __name__ == "__main__":
    main(sys.argv[1])
