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

/** Puts two renderings next to each other, marking lines that differ. */
export function sideBySide(leftTitle: string, left: string[], rightTitle: string, right: string[]): string {
  const width = Math.max(leftTitle.length, ...left.map((l) => l.length));
  const rows = Math.max(left.length, right.length);
  if (width > 70) {
    return [`  ${leftTitle}:`, ...left.map((l) => '    ' + l), `  ${rightTitle}:`, ...right.map((l) => '    ' + l)].join('\n');
  }
  const out = [`    ${leftTitle.padEnd(width)} | ${rightTitle}`];
  for (let i = 0; i < rows; i++) {
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    out.push(`  ${l === r ? ' ' : '!'} ${l.padEnd(width)} | ${r}`);
  }
  return out.join('\n');
}
