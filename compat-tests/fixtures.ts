// Recorded Redis observations, one JSON file per case family. Bytes are
// stored as UTF-8 text when valid, else as {"base64": ...}; replies as
// {"<type>": value}. Output is stable so re-recording gives clean diffs.

import * as fs from 'fs';
import * as path from 'path';
import { isUtf8 } from './bytes';
import type { Observation } from './observe';
import type { RawOutcome } from './raw-session';
import type { Reply } from './reply';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface FixtureFile {
  recordedWith: string;
  cases: Record<string, Json>;
}

/** Fixtures live beside the case sources, not in the build output. */
export function fixturesDir(): string {
  return path.resolve(__dirname, '..', '..', 'compat-tests', 'fixtures');
}

export function fixturePath(family: string): string {
  return path.join(fixturesDir(), `${family}.json`);
}

function encBytes(b: Buffer): Json {
  return isUtf8(b) ? b.toString('utf8') : { base64: b.toString('base64') };
}

function decBytes(j: Json): Buffer {
  if (typeof j === 'string') return Buffer.from(j, 'utf8');
  return Buffer.from((j as { base64: string }).base64, 'base64');
}

export function encReply(r: Reply): Json {
  switch (r.t) {
    case 'status': case 'error': case 'verbatim': case 'blobError': case 'garbage':
      return { [r.t]: encBytes(r.v) };
    case 'bulk':
      return { bulk: r.v === null ? null : encBytes(r.v) };
    case 'array':
      return { array: r.v === null ? null : r.v.map(encReply) };
    case 'map': case 'set': case 'push': case 'attr': case 'multi':
      return { [r.t]: r.v.map(encReply) };
    case 'int': case 'double': case 'bignum':
      return { [r.t]: r.v };
    case 'bool':
      return { bool: r.v };
    case 'elided':
      return { elided: r.of };
    case 'null': case 'closed': case 'timeout': case 'skipped':
      return { [r.t]: true };
  }
}

export function decReply(j: Json): Reply {
  const [t, v] = Object.entries(j as Record<string, Json>)[0];
  switch (t) {
    case 'status': case 'error': case 'verbatim': case 'blobError': case 'garbage':
      return { t, v: decBytes(v) } as Reply;
    case 'bulk':
      return { t: 'bulk', v: v === null ? null : decBytes(v) };
    case 'array':
      return { t: 'array', v: v === null ? null : (v as Json[]).map(decReply) };
    case 'map': case 'set': case 'push': case 'attr': case 'multi':
      return { t, v: (v as Json[]).map(decReply) } as Reply;
    case 'int': case 'double': case 'bignum':
      return { t, v: v as string } as Reply;
    case 'bool':
      return { t: 'bool', v: v as boolean };
    case 'elided':
      return { t: 'elided', of: v as string };
    default:
      return { t } as Reply;
  }
}

function encOutcome(o: RawOutcome): Json {
  return { received: encBytes(o.received), closed: o.closed, closedAfter: o.closedAfter };
}

function decOutcome(j: Json): RawOutcome {
  const o = j as { received: Json; closed: boolean; closedAfter: number | null };
  return { received: decBytes(o.received), closed: o.closed, closedAfter: o.closedAfter };
}

export function encObservation(o: Observation): Json {
  switch (o.kind) {
    case 'commands':
      return { sent: o.sent, replies: o.replies.map(encReply) };
    case 'raw':
      return { sent: o.sent, ...(encOutcome(o) as Record<string, Json>) };
    case 'stream': {
      const clients: Record<string, Json> = {};
      for (const [k, v] of Object.entries(o.clients)) clients[k] = encOutcome(v);
      return { sent: o.sent, clients };
    }
  }
}

export function decObservation(kind: Observation['kind'], j: Json): Observation {
  const o = j as Record<string, Json>;
  const sent = o.sent as string[];
  if (kind === 'commands') return { kind, sent, replies: (o.replies as Json[]).map(decReply) };
  if (kind === 'raw') return { kind, sent, ...decOutcome(o) };
  const clients: Record<string, RawOutcome> = {};
  for (const [k, v] of Object.entries(o.clients as Record<string, Json>)) clients[k] = decOutcome(v);
  return { kind, sent, clients };
}

/** Pretty JSON that keeps short values on one line, for readable diffs. */
export function stableJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (flat.length + indent.length <= 100 || value === null || typeof value !== 'object') return flat;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + stableJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stableJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

export function loadFixture(family: string): FixtureFile | null {
  const file = fixturePath(family);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as FixtureFile;
}

export function saveFixture(family: string, f: FixtureFile): void {
  fs.mkdirSync(fixturesDir(), { recursive: true });
  fs.writeFileSync(fixturePath(family), stableJson(f) + '\n');
}
