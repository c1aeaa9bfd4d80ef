#!/usr/bin/env python3
"""Check the blind-b pool: valid JSON lines, unique ids, the eval format (DESIGN §4),
sources that exist in docs/, and every answer_contains phrase present in the
accent-folded text of its expected source. Exit status 1 on any problem."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')


def fold(s):
    s = s.replace('đ', 'd').replace('Đ', 'D')
    s = ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')
    return re.sub(r'\s+', ' ', s.lower()).strip()


def main():
    problems = []
    texts = {}
    for name in sorted(os.listdir(DOCS)):
        raw = open(os.path.join(DOCS, name), encoding='utf-8').read()
        n = len(raw)
        if not 3500 <= n <= 9000:
            problems.append(f'{name}: {n} characters, outside 3,500-9,000')
        texts[name] = fold(raw)
    ids = set()
    used = {name: 0 for name in texts}
    kinds = {'answerable': 0, 'noanswer': 0, 'followup': 0}
    lines = open(os.path.join(HERE, 'questions.jsonl'), encoding='utf-8').read().splitlines()
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            problems.append(f'line {ln}: blank')
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f'line {ln}: invalid JSON ({e})')
            continue
        qid = q.get('id')
        if not isinstance(qid, str) or not re.fullmatch(r'bb-\d{3}', qid):
            problems.append(f'line {ln}: bad id {qid!r}')
        if qid in ids:
            problems.append(f'line {ln}: duplicate id {qid}')
        ids.add(qid)
        if not isinstance(q.get('question'), str) or not q['question'].strip():
            problems.append(f'{qid}: missing question')
        extra = set(q) - {'id', 'question', 'history', 'expect'}
        if extra:
            problems.append(f'{qid}: unknown keys {sorted(extra)}')
        if 'history' in q:
            h = q['history']
            kinds['followup'] += 1
            if not (isinstance(h, list) and h and all(
                    isinstance(t, dict) and t.get('role') in ('user', 'assistant')
                    and isinstance(t.get('content'), str) and t['content'] for t in h)):
                problems.append(f'{qid}: bad history')
        e = q.get('expect')
        if not isinstance(e, dict):
            problems.append(f'{qid}: missing expect')
            continue
        if e.get('noanswer') is True:
            kinds['noanswer'] += 1
            if set(e) != {'noanswer'}:
                problems.append(f'{qid}: noanswer with other keys')
            continue
        kinds['answerable'] += 1
        srcs, phrases = e.get('sources'), e.get('answer_contains')
        if not srcs or not isinstance(srcs, list):
            problems.append(f'{qid}: no sources')
            continue
        if not phrases or not isinstance(phrases, list):
            problems.append(f'{qid}: no answer_contains')
            continue
        for s in srcs:
            if s not in texts:
                problems.append(f'{qid}: source {s} not in docs/')
            else:
                used[s] += 1
        for p in phrases:
            if p != fold(p):
                problems.append(f'{qid}: phrase not folded: {p!r}')
            if not any(fold(p) in texts.get(s, '') for s in srcs):
                problems.append(f'{qid}: phrase {p!r} not in folded text of {srcs}')
    for name, n in used.items():
        if n == 0:
            problems.append(f'{name}: no question expects it')
    print(f'{len(lines)} questions, {len(ids)} ids, {kinds}')
    for name, n in used.items():
        print(f'  {n:3d}  {name}')
    for p in problems:
        print('PROBLEM:', p)
    print('OK' if not problems else f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
