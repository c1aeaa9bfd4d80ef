#!/usr/bin/env python3
"""Check the blind-d pool: valid JSON lines, unique ids, expected sources exist,
and every answer_contains phrase occurs in the accent-folded text of an expected source.
Run: python3 data/pools/blind-d/check.py"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"\s+", " ", s).strip()

docs = {f: fold(open(os.path.join(HERE, "docs", f), encoding="utf-8").read())
        for f in os.listdir(os.path.join(HERE, "docs"))}
errors, ids, n = [], set(), 0
for ln, line in enumerate(open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8"), 1):
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
    for s in srcs:
        if s not in docs:
            errors.append(f"{qid}: unknown source {s}")
    for p in phrases:
        if p != fold(p):
            errors.append(f"{qid}: phrase not folded: {p!r}")
        if not any(p in docs.get(s, "") for s in srcs):
            errors.append(f"{qid}: phrase {p!r} not in folded source")
for f, t in docs.items():
    if not 3500 <= len(open(os.path.join(HERE, "docs", f), encoding="utf-8").read()) <= 12000:
        errors.append(f"doc {f}: length outside 3500-12000")
print(f"{n} questions, {len(docs)} docs, {len(errors)} errors")
for e in errors:
    print("  " + e)
sys.exit(1 if errors else 0)
