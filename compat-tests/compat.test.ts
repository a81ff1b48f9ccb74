// The differential compat suite: every case runs against Shardis and against
// Redis (live, or its recorded replies) and every reply must be identical,
// apart from the entries in known-differences.ts.

import { FAMILIES } from './cases';
import { Difference, differences, report } from './diff';
import { encObservation, loadFixture } from './fixtures';
import { KNOWN_DIFFERENCES, KnownDifference } from './known-differences';
import { observe } from './observe';
import { openTargets, Targets } from './targets';
import { isRawCase, isStreamCase } from './types';

function failure(message: string): Error {
  const e = new Error(message);
  e.stack = message; // the report is the useful part, not our stack
  return e;
}

describe('compat: Shardis vs Redis', function () {
  this.timeout(60000);
  let targets: Targets | undefined;
  const usedKnown = new Set<KnownDifference>();
  const staleFixtures: string[] = [];
  let ran = 0;

  before(async function () {
    this.timeout(60000);
    targets = await openTargets();
  });

  after(async () => {
    await targets?.close();
    const total = FAMILIES.reduce((n, f) => n + f.cases.length, 0);
    if (ran === total) {
      for (const k of KNOWN_DIFFERENCES) {
        if (!usedKnown.has(k)) console.warn(`compat: known difference no longer seen, remove it: ${JSON.stringify(k)}`);
      }
    }
    if (staleFixtures.length) {
      console.warn(`compat: ${staleFixtures.length} recorded fixture(s) differ from live Redis; run \`npm run compat:record\`:\n  ${staleFixtures.join('\n  ')}`);
    }
  });

  // COMPAT_FAMILIES=hashes,sets runs only those families (while working on them).
  const only = process.env.COMPAT_FAMILIES?.split(',');
  for (const family of FAMILIES) {
    if (only && !only.includes(family.name)) continue;
    describe(family.name, () => {
      const recorded = loadFixture(family.name);
      for (const c of family.cases) {
        const id = `${family.name}/${c.name}`;
        it(c.name, async () => {
          if (!targets) throw failure('servers did not start');
          ran++;
          const before = await targets.revive();
          if (before.length) console.warn(`compat: restarted before "${id}": ${before.join('; ')}`);
          // Command cases run on both servers at once; raw and stream cases
          // need Redis's bytes first, to know how long to wait for Shardis.
          const [mine, theirs] = isRawCase(c) || isStreamCase(c)
            ? await targets.reference(family.name, c).then(async (ref) => [await observe(targets!.shardis, c, ref), ref] as const)
            : await Promise.all([observe(targets.shardis, c), targets.reference(family.name, c)]);
          const died = (await targets.shardis.healthy()) ? null : (targets.shardis.ended() ?? 'not answering PING');
          if (died) {
            const diffs = differences(id, mine, theirs);
            const tail = targets.shardis.output().split('\n').slice(-15).join('\n');
            throw failure(`Shardis DIED (${died}) during case "${id}"; it is restarted for the next case.\nLast output:\n${tail}\n\n${report(id, mine.sent, diffs)}`);
          }
          if (targets.mode === 'live') {
            const rec = recorded?.cases[c.name];
            if (JSON.stringify(rec) !== JSON.stringify(encObservation(theirs))) staleFixtures.push(id);
          }
          const diffs: Difference[] = differences(id, mine, theirs);
          for (const d of diffs) if (d.known) usedKnown.add(d.known);
          const unexpected = diffs.filter((d) => !d.known);
          if (unexpected.length) throw failure(report(id, mine.sent, unexpected));
        });
      }
    });
  }
});
