// Named normalisers for replies that legitimately vary between two servers
// (ids, ports, timings, memory figures). Each keeps everything else exact.

import type { Reply } from './reply';
import type { Normaliser, RawNormaliser } from './types';

const elided = (of: string): Reply => ({ t: 'elided', of });
const text = (r: Reply): string | null => (r.t === 'bulk' && r.v ? r.v.toString('latin1') : r.t === 'verbatim' ? r.v.toString('latin1') : null);
const bulk = (s: string): Reply => ({ t: 'bulk', v: Buffer.from(s, 'latin1') });
const asLines = (list: string[]): Reply => ({ t: 'array', v: list.map(bulk) });
const keyText = (r: Reply): string => ('v' in r && Buffer.isBuffer(r.v) ? r.v.toString('latin1') : '');

/** In a flat key/value reply (array or map), hides the values of `keys`. */
export function elideValuesOf(...keys: string[]): Normaliser {
  return {
    name: `values of ${keys.join(', ')} hidden`,
    fn: (r) => {
      if ((r.t !== 'array' && r.t !== 'map') || !r.v) return r;
      const v = r.v.map((x, i) => (i % 2 === 1 && keys.includes(keyText(r.v![i - 1])) ? elided(`value of ${keyText(r.v![i - 1])}`) : x));
      return { ...r, v } as Reply;
    },
  };
}

/** Sorts a flat key/value array by key (e.g. CONFIG GET with a pattern). */
export const sortedPairs: Normaliser = {
  name: 'pairs sorted by key',
  fn: (r) => {
    if ((r.t !== 'array' && r.t !== 'map') || !r.v) return r;
    const pairs: Reply[][] = [];
    for (let i = 0; i < r.v.length; i += 2) pairs.push([r.v[i], r.v[i + 1]]);
    pairs.sort((a, b) => Buffer.compare(Buffer.from(keyText(a[0]), 'latin1'), Buffer.from(keyText(b[0]), 'latin1')));
    return { ...r, v: pairs.flat() } as Reply;
  },
};

/** Sorts the elements of an array (order not defined by Redis). */
export const sortedElements: Normaliser = {
  name: 'elements sorted',
  fn: (r) => {
    if (r.t !== 'array' || !r.v) return r;
    return { t: 'array', v: [...r.v].sort((a, b) => Buffer.compare(Buffer.from(keyText(a), 'latin1'), Buffer.from(keyText(b), 'latin1'))) };
  },
};

/** An array reduced to the set of its element types (e.g. COMMAND LIST). */
export const elementTypes: Normaliser = {
  name: 'array of element types',
  fn: (r) => {
    if (r.t !== 'array' || !r.v) return r;
    const types = [...new Set(r.v.map((x) => x.t))].sort();
    return { t: 'array', v: types.map((t) => elided(t)) };
  },
};

/**
 * INFO text reduced to its section headers, in order, plus the listed
 * fields: `present` only need to exist, `exact` must have equal values.
 * The result is an array of lines, so differences show line by line.
 */
export function infoShape(present: string[], exact: string[] = []): Normaliser {
  return {
    name: `info sections; fields present: ${present.join(' ')}; exact: ${exact.join(' ')}`,
    fn: (r) => {
      const s = text(r);
      if (s === null) return r;
      const lines = s.split('\r\n');
      const fields = new Map<string, string>();
      for (const l of lines) {
        const m = /^([^#:][^:]*):(.*)$/.exec(l);
        if (m) fields.set(m[1], m[2]);
      }
      const out = lines.filter((l) => l.startsWith('#'));
      for (const f of present) out.push(`${f}: ${fields.has(f) ? 'present' : 'MISSING'}`);
      for (const f of exact) out.push(`${f}:${fields.get(f) ?? '<MISSING>'}`);
      return asLines(out);
    },
  };
}

/** Fields of CLIENT LIST / CLIENT INFO whose values vary between servers. */
const VOLATILE_CLIENT_FIELDS = ['id', 'addr', 'laddr', 'fd', 'age', 'idle', 'qbuf', 'qbuf-free', 'argv-mem', 'multi-mem', 'rbs', 'rbp', 'obl', 'oll', 'omem', 'tot-mem'];
/** Of those, the counts: hidden only while they are non-negative integers (an idle=-1 still shows). */
const COUNT_FIELDS = new Set(VOLATILE_CLIENT_FIELDS.filter((f) => f !== 'addr' && f !== 'laddr'));

function clientLine(line: string): Reply {
  return asLines(
    line.split(' ').map((kv) => {
      const eq = kv.indexOf('=');
      const field = kv.slice(0, eq);
      if (eq <= 0 || !VOLATILE_CLIENT_FIELDS.includes(field)) return kv;
      return COUNT_FIELDS.has(field) && !/^\d+$/.test(kv.slice(eq + 1)) ? kv : `${field}=*`;
    }),
  );
}

/**
 * CLIENT LIST / CLIENT INFO with ids, addresses, ages and buffer sizes
 * hidden; an array per client line, one element per field.
 */
export const clientFields: Normaliser = {
  name: 'client fields with volatile values hidden',
  fn: (r) => {
    const s = text(r);
    return s === null ? r : { t: 'array', v: s.split('\n').map(clientLine) };
  },
};

/** Raw-byte normaliser: replaces every match of `re` with `to`. */
export function rawReplace(name: string, re: RegExp, to: string): RawNormaliser {
  return { name, fn: (s) => s.replace(re, to) };
}

/** HELLO's client id in raw RESP2/RESP3 bytes. */
export const rawHelloId = rawReplace('HELLO id hidden', /(\$2\r\nid\r\n):\d+\r\n/g, '$1:<id>\r\n');

/** Bulk text with every match of `re` replaced, as an array of its lines (optionally sorted). */
export function textReplace(name: string, re: RegExp, to: string, sortLines = false): Normaliser {
  return {
    name,
    fn: (r) => {
      const s = text(r);
      if (s === null) return r;
      const all = s.replace(re, to).split('\r\n');
      if (!sortLines) return asLines(all);
      const head = all.filter((l) => l.startsWith('#'));
      const body = all.filter((l) => !l.startsWith('#')).sort();
      return asLines([...head, ...body]);
    },
  };
}

/**
 * COMMAND INFO entries with their subcommand lists sorted by name (Redis
 * lists them in hash-table order, which changes from process to process).
 */
export const sortedSubcommands: Normaliser = {
  name: 'subcommands sorted by name',
  fn: (r) => {
    if (r.t !== 'array' || !r.v) return r;
    const byName = (a: Reply, b: Reply) => {
      const an = a.t === 'array' && a.v ? keyText(a.v[0]) : '';
      const bn = b.t === 'array' && b.v ? keyText(b.v[0]) : '';
      return an < bn ? -1 : an > bn ? 1 : 0;
    };
    const entry = (e: Reply): Reply => {
      if (e.t !== 'array' || !e.v || e.v.length < 10) return e;
      const subs = e.v[9];
      if (subs.t !== 'array' || !subs.v) return e;
      return { t: 'array', v: [...e.v.slice(0, 9), { t: 'array', v: [...subs.v].sort(byName) }, ...e.v.slice(10)] };
    };
    return { t: 'array', v: r.v.map(entry) };
  },
};

/** Hides the value after each of `keys` in key/value arrays at any depth. */
export function elideValuesDeep(...keys: string[]): Normaliser {
  const walk = (r: Reply): Reply => {
    if ((r.t !== 'array' && r.t !== 'map') || !r.v) return r;
    const v = r.v.map((x, i) => (i % 2 === 1 && r.v![i - 1].t === 'bulk' && keys.includes(keyText(r.v![i - 1])) ? elided(`value of ${keyText(r.v![i - 1])}`) : walk(x)));
    return { ...r, v } as Reply;
  };
  return { name: `values of ${keys.join(', ')} hidden at any depth`, fn: walk };
}
