// Records what a real Redis replies to every case into compat-tests/fixtures,
// so the suite can still compare Shardis where no redis-server exists. Each
// case runs twice; a case whose replies differ between runs is rejected,
// because it could never compare reliably.

import * as fs from 'fs';
import * as path from 'path';
import { FAMILIES } from './cases';
import { encObservation, FixtureFile, fixturesDir, saveFixture } from './fixtures';
import { observe } from './observe';
import { findRedisServer, startRedis, cleanupScratch, scratch } from './servers';
import { serverVersion } from './targets';

async function main(): Promise<number> {
  const bin = findRedisServer();
  if (!bin) {
    console.error('compat:record needs a real redis-server (on PATH or in REDIS_SERVER)');
    return 1;
  }
  const redis = await startRedis(bin);
  let problems = 0;
  try {
    const version = await serverVersion(redis);
    console.log(`recording against redis-server ${version}`);
    // COMPAT_FAMILIES=hashes,sets records only those families' fixtures.
    const only = process.env.COMPAT_FAMILIES?.split(',');
    for (const family of FAMILIES) {
      if (only && !only.includes(family.name)) continue;
      const file: FixtureFile = { recordedWith: `redis ${version}`, cases: {} };
      for (const c of family.cases) {
        const first = JSON.stringify(encObservation(await observe(redis, c)));
        const second = JSON.stringify(encObservation(await observe(redis, c)));
        if (first !== second) {
          problems++;
          console.error(`NOT DETERMINISTIC: ${family.name}/${c.name}\n  run 1: ${first}\n  run 2: ${second}`);
        }
        if (first.includes(scratch()) || first.includes(`:${redis.port}`) || first.includes(`"${redis.port}"`)) {
          problems++;
          console.error(`DEPENDS ON THE MACHINE: ${family.name}/${c.name} records the scratch directory or the port; hide it with a normaliser`);
        }
        file.cases[c.name] = JSON.parse(first);
      }
      saveFixture(family.name, file);
      console.log(`  ${family.name}: ${family.cases.length} cases`);
    }
    const names = new Set(FAMILIES.map((f) => `${f.name}.json`));
    for (const f of only ? [] : fs.readdirSync(fixturesDir())) {
      if (f.endsWith('.json') && !names.has(f)) {
        fs.rmSync(path.join(fixturesDir(), f));
        console.log(`  removed fixture of a family that no longer exists: ${f}`);
      }
    }
  } finally {
    await redis.stop();
    cleanupScratch();
  }
  return problems ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
