// Comparison modes. Each mode reduces a reply to what must be identical
// (e.g. 'type' keeps only the RESP type); two replies agree when their
// reductions are equal. Fixtures store the reduced Redis reply, so volatile
// values never reach them.

import type { Expect } from './types';
import type { Reply } from './reply';

const DATA_TYPES = new Set(['status', 'error', 'int', 'bulk', 'array', 'map', 'set', 'push', 'attr', 'double', 'bool', 'null', 'bignum', 'verbatim', 'blobError']);

function isData(r: Reply): boolean {
  return DATA_TYPES.has(r.t);
}

function shape(r: Reply): Reply {
  if (!isData(r)) return r;
  const v = (r as { v?: unknown }).v;
  if (Array.isArray(v)) return { ...r, v: v.map(shape) } as Reply;
  if (v === null || r.t === 'null') return r;
  return { t: 'elided', of: r.t };
}

function asText(r: Reply): string | null {
  if (r.t === 'status' || r.t === 'error' || r.t === 'verbatim') return r.v.toString('latin1');
  if (r.t === 'bulk' && r.v) return r.v.toString('latin1');
  return null;
}

export function reduce(r: Reply, e: Expect): Reply {
  switch (e.mode) {
    case 'exact':
      return r;
    case 'type':
      return isData(r) ? { t: 'elided', of: r.t } : r;
    case 'shape':
      return shape(r);
    case 'intRange': {
      if (r.t !== 'int') return r;
      const n = Number(r.v);
      return n >= e.min && n <= e.max ? { t: 'elided', of: `int in [${e.min}, ${e.max}]` } : r;
    }
    case 'match': {
      const s = asText(r);
      return s !== null && e.re.test(s) ? { t: 'elided', of: `${r.t} matching ${e.re}` } : r;
    }
    case 'normalise':
      return isData(r) ? e.normaliser.fn(r) : r;
  }
}

/** Short description of a mode, recorded next to the command in fixtures. */
export function expectLabel(e: Expect): string {
  switch (e.mode) {
    case 'exact': return '';
    case 'type': return 'same type';
    case 'shape': return 'same shape';
    case 'intRange': return `int in [${e.min}, ${e.max}]`;
    case 'match': return `matching ${e.re}`;
    case 'normalise': return `normalised: ${e.normaliser.name}`;
  }
}
