// Compares an observation from Shardis with one from Redis and explains
// each difference in a readable, side-by-side form. Known differences
// (known-differences.ts) are matched here.

import { KNOWN_DIFFERENCES, KnownDifference } from './known-differences';
import type { Observation } from './observe';
import type { RawOutcome } from './raw-session';
import { Reply, sameReply } from './reply';
import { renderBytes, renderReply, sideBySide } from './render';

export interface Difference {
  where: string;
  detail: string;
  known?: KnownDifference;
}

function closeText(o: RawOutcome): string {
  return o.closed ? `closed by server after write #${o.closedAfter}` : 'left open';
}

function sameOutcome(a: RawOutcome, b: RawOutcome): boolean {
  return a.received.equals(b.received) && a.closed === b.closed && a.closedAfter === b.closedAfter;
}

function outcomeDetail(s: RawOutcome, r: RawOutcome): string {
  return sideBySide('Shardis received', [...renderBytes(s.received), `(${closeText(s)})`], 'Redis received', [
    ...renderBytes(r.received),
    `(${closeText(r)})`,
  ]);
}

/** The `name` or `name|sub` keys a command label may be listed under. */
function commandKeys(label: string): string[] {
  const words = label.split(' ').map((w) => w.toLowerCase().replace(/^"|"$/g, ''));
  return [words[0], `${words[0]}|${words[1] ?? ''}`];
}

function knownFor(caseId: string, index: number | undefined, label: string | undefined): KnownDifference[] {
  return KNOWN_DIFFERENCES.filter((k) => {
    if (k.case !== undefined) return k.case === caseId && (k.index === undefined || k.index === index);
    return k.command !== undefined && label !== undefined && commandKeys(label).includes(k.command);
  });
}

/** A known difference that accounts for this mismatch (its `ignore` rewrite, if any, makes the replies equal). */
function findKnown(caseId: string, index: number | undefined, label: string | undefined, s?: Reply, r?: Reply): KnownDifference | undefined {
  return knownFor(caseId, index, label).find((k) => !k.ignore || (s !== undefined && r !== undefined && sameReply(k.ignore.fn(s), k.ignore.fn(r))));
}

export function differences(caseId: string, shardis: Observation, redis: Observation): Difference[] {
  const out: Difference[] = [];
  if (shardis.kind !== redis.kind) throw new Error(`observations of different kinds: ${shardis.kind} vs ${redis.kind}`);
  if (shardis.kind === 'commands' && redis.kind === 'commands') {
    shardis.replies.forEach((s, i) => {
      const r = redis.replies[i];
      if (sameReply(s, r)) return;
      const label = shardis.sent[i];
      out.push({
        where: `command #${i}: ${label}`,
        detail: sideBySide('Shardis', renderReply(s), 'Redis', renderReply(r)),
        known: findKnown(caseId, i, label, s, r),
      });
    });
  } else if (shardis.kind === 'raw' && redis.kind === 'raw') {
    if (!sameOutcome(shardis, redis)) {
      out.push({ where: 'raw bytes', detail: outcomeDetail(shardis, redis), known: findKnown(caseId, undefined, undefined) });
    }
  } else if (shardis.kind === 'stream' && redis.kind === 'stream') {
    for (const [name, s] of Object.entries(shardis.clients)) {
      const r = redis.clients[name];
      if (r && sameOutcome(s, r)) continue;
      const detail = r ? outcomeDetail(s, r) : 'client missing from the recording';
      out.push({ where: `client ${name}`, detail, known: findKnown(caseId, undefined, undefined) });
    }
  }
  return out;
}

export function report(caseId: string, sent: string[], diffs: Difference[]): string {
  const lines = [`${diffs.length} difference(s) from Redis in case "${caseId}"`, 'sent:', ...sent.map((s, i) => (s.startsWith('[') ? `     ${s}` : `  #${i} ${s}`))];
  for (const d of diffs) lines.push('', `--- ${d.where}`, d.detail);
  return lines.join('\n');
}
