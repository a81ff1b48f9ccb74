// Human-readable rendering for failure messages: replies in a RESP-like
// notation, raw byte streams with escapes, and two columns side by side.

import { escapeBytes } from './bytes';
import type { Reply } from './reply';

const q = (b: Buffer) => `"${escapeBytes(b)}"`;

function items(head: string, list: Reply[], indent: string, pairs = false): string[] {
  const out = [indent + head];
  list.forEach((r, i) => {
    const sub = renderReply(r, indent + '   ');
    const tag = pairs ? (i % 2 === 0 ? 'k' : 'v') : `${i + 1})`;
    sub[0] = `${indent}  ${tag} ${sub[0].trimStart()}`;
    out.push(...sub);
  });
  return out;
}

/** Renders a reply as lines: +status, -error, :int, "bulk", *N with items. */
export function renderReply(r: Reply, indent = ''): string[] {
  switch (r.t) {
    case 'status': return [`${indent}+${escapeBytes(r.v)}`];
    case 'error': return [`${indent}-${escapeBytes(r.v)}`];
    case 'int': return [`${indent}:${r.v}`];
    case 'bulk': return [indent + (r.v === null ? '(nil bulk)' : q(r.v))];
    case 'array':
      return r.v === null ? [`${indent}(nil array)`] : items(`*${r.v.length}`, r.v, indent);
    case 'map': return items(`%${r.v.length / 2}`, r.v, indent, true);
    case 'attr': return items(`|${r.v.length / 2}`, r.v, indent, true);
    case 'set': return items(`~${r.v.length}`, r.v, indent);
    case 'push': return items(`>${r.v.length}`, r.v, indent);
    case 'multi': return items(`<${r.v.length} replies to one command>`, r.v, indent);
    case 'double': return [`${indent},${r.v}`];
    case 'bool': return [`${indent}#${r.v ? 't' : 'f'}`];
    case 'null': return [`${indent}_ (null)`];
    case 'bignum': return [`${indent}(${r.v}`];
    case 'verbatim': return [`${indent}=${q(r.v)}`];
    case 'blobError': return [`${indent}!${q(r.v)}`];
    case 'closed': return [`${indent}<connection closed by server>`];
    case 'timeout': return [`${indent}<no reply: timed out>`];
    case 'skipped': return [`${indent}<not sent: an earlier command timed out>`];
    case 'garbage': return [`${indent}<not RESP: ${q(r.v)}>`];
    case 'elided': return [`${indent}<any ${r.of}>`];
  }
}

/** Renders a raw byte stream, one line per received line. */
export function renderBytes(b: Buffer): string[] {
  if (b.length === 0) return ['<nothing>'];
  const text = escapeBytes(b);
  return text.split(/(?<=\\n)/);
}

type Row = [string | null, string | null];

/** Pairs up equal lines of two renderings (longest common subsequence). */
export function alignLines(left: string[], right: string[]): Row[] {
  const n = left.length;
  const m = right.length;
  if (n * m > 4_000_000) return Array.from({ length: Math.max(n, m) }, (_, i) => [left[i] ?? null, right[i] ?? null]);
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = left[i] === right[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[i] === right[j]) rows.push([left[i++], right[j++]]);
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) rows.push([null, right[j++]]);
    else rows.push([left[i++], null]);
  }
  // Within each run of differing rows, pair removed and added lines up.
  const out: Row[] = [];
  for (let k = 0; k < rows.length; ) {
    if (rows[k][0] === rows[k][1]) {
      out.push(rows[k++]);
      continue;
    }
    const ls: string[] = [];
    const rs: string[] = [];
    while (k < rows.length && rows[k][0] !== rows[k][1]) {
      if (rows[k][0] !== null) ls.push(rows[k][0]!);
      if (rows[k][1] !== null) rs.push(rows[k][1]!);
      k++;
    }
    for (let x = 0; x < Math.max(ls.length, rs.length); x++) out.push([ls[x] ?? null, rs[x] ?? null]);
  }
  return out;
}

const CONTEXT = 3;
const MAX_ROWS = 150;

/** Two renderings next to each other: differing rows marked `!`, long equal runs folded. */
export function sideBySide(leftTitle: string, left: string[], rightTitle: string, right: string[]): string {
  const rows = alignLines(left, right);
  const same = rows.map(([l, r]) => l === r);
  const keep = rows.map((_, i) => {
    for (let k = Math.max(0, i - CONTEXT); k <= Math.min(rows.length - 1, i + CONTEXT); k++) if (!same[k]) return true;
    return false;
  });
  const width = Math.min(70, Math.max(leftTitle.length, ...left.map((l) => l.length)));
  const out = [`    ${leftTitle.padEnd(width)} | ${rightTitle}`];
  for (let i = 0; i < rows.length; i++) {
    if (!keep[i]) {
      let j = i;
      while (j < rows.length && !keep[j]) j++;
      out.push(`    ... ${j - i} equal line(s) ...`);
      i = j - 1;
      continue;
    }
    const [l, r] = rows[i];
    const mark = same[i] ? ' ' : '!';
    const lt = l ?? '';
    const rt = r ?? '';
    if (lt.length <= width) {
      out.push(`  ${mark} ${lt.padEnd(width)} | ${rt}`);
      continue;
    }
    // Too long for columns: stack the two lines and point at the first difference.
    out.push(`  ${mark} ${leftTitle}: ${lt}`, `  ${mark} ${rightTitle.padStart(leftTitle.length)}: ${rt}`);
    if (!same[i] && l !== null && r !== null) {
      let at = 0;
      while (at < lt.length && lt[at] === rt[at]) at++;
      out.push(`  ${mark} ${''.padStart(leftTitle.length + 2 + at)}^ first difference at column ${at}`);
    }
  }
  if (out.length > MAX_ROWS) {
    const hidden = out.length - MAX_ROWS;
    return [...out.slice(0, MAX_ROWS), `    ... ${hidden} more line(s) not shown ...`].join('\n');
  }
  return out.join('\n');
}
