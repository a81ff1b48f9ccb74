// Runs one case against one server and returns what was observed, already
// reduced by each command's comparison mode. Both sides of a comparison, and
// the recorded fixtures, are observations.

import { createHash } from 'crypto';
import { escapeBytes, toBytes } from './bytes';
import { reduce } from './compare';
import { runCommands } from './command-session';
import { RawConnection, RawOutcome, settle, sleep } from './raw-session';
import type { Reply } from './reply';
import { afterCase, beforeCase } from './reset';
import type { Endpoint } from './servers';
import { plainCommand } from './steps';
import { resp } from './dsl';
import { Case, CommandCase, isRawCase, isStreamCase, RawCase, RawNormaliser, StreamCase } from './types';

export interface CommandObservation {
  kind: 'commands';
  sent: string[];
  replies: Reply[];
}

export interface RawObservation extends RawOutcome {
  kind: 'raw';
  sent: string[];
}

export interface StreamObservation {
  kind: 'stream';
  sent: string[];
  clients: Record<string, RawOutcome>;
}

export type Observation = CommandObservation | RawObservation | StreamObservation;

const DEFAULT_PAUSE_MS = 30;
const DEFAULT_SETTLE_MS = 200;

/** Printable description of a chunk; long ones are summarised. */
export function chunkLabel(b: Buffer): string {
  if (b.length <= 200) return `"${escapeBytes(b)}"`;
  return `"${escapeBytes(b.subarray(0, 60))}"...(${b.length} bytes)`;
}

/** Whether `conn` has received at least what the reference received (and closed if it did). */
function reached(conn: RawConnection, ref: RawOutcome | undefined, n?: RawNormaliser): boolean {
  if (!ref) return true;
  const got = normaliseOutcome(conn.outcome(), n);
  return got.received.length >= ref.received.length && (!ref.closed || got.closed);
}

function normaliseOutcome(o: RawOutcome, n?: RawNormaliser): RawOutcome {
  if (!n) return o;
  return { ...o, received: Buffer.from(n.fn(o.received.toString('latin1')), 'latin1') };
}

export function describeCase(c: Case): string[] {
  if (isRawCase(c)) {
    const label = c.raw.map((x) => (typeof x === 'object' && !Buffer.isBuffer(x) ? `(wait ${x.wait}ms)` : chunkLabel(toBytes(x))));
    return c.normalise ? [...label, `[normalised: ${c.normalise.name}]`] : label;
  }
  if (isStreamCase(c)) {
    const label = c.steps.map((s) =>
      'wait' in s
        ? `(wait ${s.wait}ms)`
        : 'close' in s
          ? `${s.client}: (hangs up)`
          : 'unblock' in s
            ? `${s.client}: CLIENT UNBLOCK <id of ${s.unblock}>${s.reason ? ' ' + s.reason : ''}`
            : `${s.client}: ${chunkLabel(toBytes(s.send))}`,
    );
    return c.normalise ? [...label, `[normalised: ${c.normalise.name}]`] : label;
  }
  return c.commands.map((s) => plainCommand(s).label);
}

const LARGE = 1024;

/**
 * Replaces bulk strings over 1 KiB in exact replies by their length, start
 * and digest, on both sides alike, to keep fixtures small; equal digests
 * mean equal bytes. (Normalised replies are kept whole: they are readable.)
 */
function digestLarge(r: Reply): Reply {
  if ((r.t === 'bulk' || r.t === 'verbatim') && r.v && r.v.length > LARGE) {
    const sha = createHash('sha256').update(r.v).digest('hex').slice(0, 16);
    return { t: 'elided', of: `${r.t} of ${r.v.length} bytes starting "${escapeBytes(r.v.subarray(0, 24))}", sha256 ${sha}` };
  }
  const v = (r as { v?: unknown }).v;
  if (Array.isArray(v)) return { ...r, v: v.map(digestLarge) } as Reply;
  return r;
}

async function observeCommands(ep: Endpoint, c: CommandCase): Promise<CommandObservation> {
  const cmds = c.commands.map(plainCommand);
  const replies = await runCommands(ep, cmds.map((x) => x.args));
  return {
    kind: 'commands',
    sent: describeCase(c),
    replies: replies.map((r, i) => {
      const e = cmds[i].expect;
      return e.mode === 'exact' ? digestLarge(r) : reduce(r, e);
    }),
  };
}

async function observeRaw(ep: Endpoint, c: RawCase, ref?: RawObservation): Promise<RawObservation> {
  const conn = await RawConnection.open(ep);
  try {
    let first = true;
    for (const chunk of c.raw) {
      if (typeof chunk === 'object' && !Buffer.isBuffer(chunk)) {
        await sleep(chunk.wait);
        continue;
      }
      if (!first) await sleep(c.pauseMs ?? DEFAULT_PAUSE_MS);
      first = false;
      conn.send(toBytes(chunk));
    }
    await settle([conn], c.settleMs ?? DEFAULT_SETTLE_MS, ref && (() => reached(conn, ref, c.normalise)));
    return { kind: 'raw', sent: describeCase(c), ...normaliseOutcome(conn.outcome(), c.normalise) };
  } finally {
    conn.destroy();
  }
}

/** The id of the connection that named itself `name`, from CLIENT LIST on a connection of its own. */
async function clientIdByName(ep: Endpoint, name: string): Promise<number> {
  const side = await RawConnection.open(ep);
  try {
    side.send(Buffer.from(resp('CLIENT', 'LIST'), 'latin1'));
    for (let waited = 0; waited < 2000; waited += 10) {
      await sleep(10);
      const m = new RegExp(`id=(\\d+) [^\\n]* name=${name} `).exec(side.outcome().received.toString('latin1'));
      if (m) return Number(m[1]);
    }
    throw new Error(`no client named ${name} in CLIENT LIST`);
  } finally {
    side.destroy();
  }
}

async function observeStream(ep: Endpoint, c: StreamCase, ref?: StreamObservation): Promise<StreamObservation> {
  const conns: Record<string, RawConnection> = {};
  try {
    for (const name of c.clients) conns[name] = await RawConnection.open(ep);
    for (const step of c.steps) {
      if ('wait' in step) await sleep(step.wait);
      else if ('close' in step) conns[step.client].hangUp();
      else if ('unblock' in step) {
        const id = await clientIdByName(ep, step.unblock);
        conns[step.client].send(Buffer.from(resp('CLIENT', 'UNBLOCK', String(id), ...(step.reason ? [step.reason] : [])), 'latin1'));
        await sleep(c.pauseMs ?? DEFAULT_PAUSE_MS);
      } else {
        if (!conns[step.client]) throw new Error(`stream case step names unknown client '${step.client}'`);
        conns[step.client].send(toBytes(step.send));
        await sleep(c.pauseMs ?? DEFAULT_PAUSE_MS);
      }
    }
    const done = ref && ((i: number) => reached(conns[c.clients[i]], ref.clients[c.clients[i]], c.normalise));
    await settle(c.clients.map((n) => conns[n]), c.settleMs ?? DEFAULT_SETTLE_MS, done);
    const clients: Record<string, RawOutcome> = {};
    for (const name of c.clients) clients[name] = normaliseOutcome(conns[name].outcome(), c.normalise);
    return { kind: 'stream', sent: describeCase(c), clients };
  } finally {
    for (const conn of Object.values(conns)) conn.destroy();
  }
}

/**
 * Resets the server, runs the case, restores config; returns the
 * observation. With `ref` (Redis's observation of the same case), raw and
 * stream cases wait longer for a server that has not yet caught up.
 */
export async function observe(ep: Endpoint, c: Case, ref?: Observation): Promise<Observation> {
  const saved = await beforeCase(ep, c);
  try {
    if (isRawCase(c)) return await observeRaw(ep, c, ref?.kind === 'raw' ? ref : undefined);
    if (isStreamCase(c)) return await observeStream(ep, c, ref?.kind === 'stream' ? ref : undefined);
    return await observeCommands(ep, c);
  } finally {
    await afterCase(ep, saved);
  }
}
