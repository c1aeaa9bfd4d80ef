#!/usr/bin/env python3
"""Check a blind pool: valid JSON lines, unique ids, the history format, expected sources exist, every
answer_contains phrase folded and present in the accent-folded text of an expected source, and the pool
writer's own bounds on document length.

Run: python3 data/pools/check.py data/pools/<pool> [--lengths 4000-9000,10000-18000] [--long 3:10000] [--every-doc-used]
Each pool's README gives the bounds it was written to."""
import argparse, json, os, re, sys, unicodedata

args = argparse.ArgumentParser()
args.add_argument("pool")
args.add_argument("--lengths", default="4000-9000", help="allowed document lengths in characters: A-B[,C-D]")
args.add_argument("--long", help="N:L: at least N documents of L characters or more")
args.add_argument("--every-doc-used", action="store_true", help="every document is an expected source of some question")
opts = args.parse_args()
DOCS = os.path.join(opts.pool, "docs")
QUESTIONS = os.path.join(opts.pool, "questions.jsonl")

def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"\s+", " ", s).strip()

texts = {f: open(os.path.join(DOCS, f), encoding="utf-8").read() for f in os.listdir(DOCS)}
docs = {f: fold(t) for f, t in texts.items()}
errors, ids, n, used = [], set(), 0, set()
for ln, line in enumerate(open(QUESTIONS, encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        q = json.loads(line)
    except Exception as e:
        errors.append(f"line {ln}: bad JSON: {e}"); continue
    n += 1
    qid = q.get("id")
    if not qid or qid in ids:
        errors.append(f"line {ln}: missing or duplicate id {qid}")
    ids.add(qid)
    if not isinstance(q.get("question"), str) or not q["question"].strip():
        errors.append(f"{qid}: no question")
    h = q.get("history")
    if h is not None and not (isinstance(h, list) and all(
            isinstance(t, dict) and t.get("role") in ("user", "assistant") and isinstance(t.get("content"), str) for t in h)):
        errors.append(f"{qid}: bad history")
    e = q.get("expect", {})
    if e.get("noanswer") is True:
        if set(e) != {"noanswer"}:
            errors.append(f"{qid}: noanswer with extra keys")
        continue
    srcs, phrases = e.get("sources"), e.get("answer_contains")
    if not srcs or not phrases:
        errors.append(f"{qid}: expect needs sources and answer_contains"); continue
    used.update(srcs)
    for s in srcs:
        if s not in docs:
            errors.append(f"{qid}: unknown source {s}")
    for p in phrases:
        if p != fold(p):
            errors.append(f"{qid}: phrase not folded: {p!r}")
        if not any(p in docs.get(s, "") for s in srcs):
            errors.append(f"{qid}: phrase {p!r} not in folded source")

ranges = [tuple(int(x) for x in r.split("-")) for r in opts.lengths.split(",")]
for f, t in texts.items():
    if not any(lo <= len(t) <= hi for lo, hi in ranges):
        errors.append(f"doc {f}: length {len(t)} outside {opts.lengths}")
if opts.long:
    count, at_least = (int(x) for x in opts.long.split(":"))
    if sum(1 for t in texts.values() if len(t) >= at_least) < count:
        errors.append(f"fewer than {count} documents of {at_least} characters or more")
if opts.every_doc_used:
    errors += [f"doc {f}: no question expects it" for f in docs if f not in used]

print(f"{n} questions, {len(docs)} docs, {len(errors)} errors")
for e in errors:
    print("  " + e)
sys.exit(1 if errors else 0)
