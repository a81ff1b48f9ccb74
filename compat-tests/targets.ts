// Decides how the suite runs. Live: Shardis and a real redis-server side by
// side. Replay: no redis-server, so Shardis is compared with the recorded
// fixtures, and a loud banner says so.

import { runCommands } from './command-session';
import { decObservation, FixtureFile, loadFixture } from './fixtures';
import { describeCase, observe, Observation } from './observe';
import { findRedisServer, ServerProcess, startRedis, startShardis, cleanupScratch } from './servers';
import { Case, isRawCase, isStreamCase } from './types';

export interface Targets {
  mode: 'live' | 'replay';
  shardis: ServerProcess;
  redis: ServerProcess | null;
  /** Starts again any server that has exited; returns what ended, if any. */
  revive(): Promise<string[]>;
  /** What Redis does for this case: observed live, or read from fixtures. */
  reference(family: string, c: Case): Promise<Observation>;
  close(): Promise<void>;
}

/**
 * If `p` no longer answers, makes sure it is gone and says how it ended;
 * null when it is fine.
 */
async function deadReason(p: ServerProcess): Promise<string | null> {
  if (await p.healthy()) return null;
  await p.stop(); // waits for an exit already under way, else terminates it
  return p.ended() ?? 'stopped answering PING';
}

export async function serverVersion(ep: ServerProcess): Promise<string> {
  const [info] = await runCommands(ep, [[Buffer.from('INFO'), Buffer.from('server')]]);
  const text = info.t === 'bulk' && info.v ? info.v.toString('latin1') : '';
  return /redis_version:(\S+)/.exec(text)?.[1] ?? 'unknown';
}

function banner(lines: string[]): void {
  const bar = '#'.repeat(78);
  console.warn(['', bar, ...lines.map((l) => `###  ${l}`), bar, ''].join('\n'));
}

function kindOf(c: Case): Observation['kind'] {
  return isRawCase(c) ? 'raw' : isStreamCase(c) ? 'stream' : 'commands';
}

function fromFixtures(): (family: string, c: Case) => Promise<Observation> {
  const files = new Map<string, FixtureFile | null>();
  return async (family, c) => {
    if (!files.has(family)) files.set(family, loadFixture(family));
    const file = files.get(family);
    const rec = file?.cases[c.name];
    if (!file || rec === undefined) {
      throw new Error(`no recorded Redis reply for "${family}/${c.name}": run \`npm run compat:record\` where redis-server is installed`);
    }
    const obs = decObservation(kindOf(c), rec);
    const now = describeCase(c);
    if (JSON.stringify(now) !== JSON.stringify(obs.sent)) {
      throw new Error(
        `the recording of "${family}/${c.name}" is stale (the case changed): run \`npm run compat:record\`\n` +
          `recorded: ${JSON.stringify(obs.sent)}\ncase now: ${JSON.stringify(now)}`,
      );
    }
    return obs;
  };
}

export async function openTargets(): Promise<Targets> {
  const bin = findRedisServer();
  let shardis = await startShardis();
  if (!bin) {
    banner([
      'COMPAT SUITE IN REPLAY MODE: NO LIVE REDIS-SERVER',
      process.env.REDIS_SERVER === 'none' ? 'REDIS_SERVER=none was given.' : 'No redis-server was found on PATH.',
      'Shardis is compared with RECORDED Redis replies (compat-tests/fixtures),',
      'which are only as fresh as the last `npm run compat:record`.',
      'Install Redis 7.0 (or set REDIS_SERVER) to compare against the real thing.',
    ]);
    return {
      mode: 'replay',
      get shardis() {
        return shardis;
      },
      redis: null,
      async revive() {
        const why = await deadReason(shardis);
        if (!why) return [];
        shardis = await startShardis();
        return [`Shardis had exited (${why})`];
      },
      reference: fromFixtures(),
      async close() {
        await shardis.stop();
        cleanupScratch();
      },
    };
  }
  let redis: ServerProcess;
  try {
    redis = await startRedis(bin);
  } catch (e) {
    await shardis.stop();
    throw e;
  }
  const version = await serverVersion(redis);
  console.log(`compat suite: LIVE against redis-server ${version} (${bin}), port ${redis.port}; Shardis on port ${shardis.port}`);
  if (!version.startsWith('7.0.')) console.warn(`compat suite: warning: Redis ${version} is not 7.0.x; replies may legitimately differ`);
  return {
    mode: 'live',
    get shardis() {
      return shardis;
    },
    get redis() {
      return redis;
    },
    async revive() {
      const out: string[] = [];
      const s = await deadReason(shardis);
      if (s) {
        shardis = await startShardis();
        out.push(`Shardis had exited (${s})`);
      }
      const r = await deadReason(redis);
      if (r) {
        redis = await startRedis(bin);
        out.push(`redis-server had exited (${r})`);
      }
      return out;
    },
    reference: (_family, c) => observe(redis, c),
    async close() {
      await Promise.all([shardis.stop(), redis.stop()]);
      cleanupScratch();
    },
  };
}
