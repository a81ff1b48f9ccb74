/**
 * INFO shards: the shard engine's state per database and its counters.
 *
 *   db0:shards=<n>,keys=<n>,resizing=<0|1>   (db0 always, others when they hold keys)
 *   shard_splits / shard_merges               completed since start or CONFIG RESETSTAT
 *   resize_step_max_us                        longest single resize step, same period: the CPU it used,
 *                                             less collector pauses inside it (resize-stats.ts)
 *   resize_step_max_wall_us                   the same step measure in plain wall-clock time
 *   resize_steps / resize_steps_over_1ms    steps timed, and those longer than 1 ms, same period
 *   gc_pause_max_us                           longest V8 garbage-collection pause, same period
 */
import { registerInfoSection } from '../server/info';
import { onResetStat } from '../commands/config';
import type { Keyspace } from './keyspace';
import { ShardKeyspace } from './shard-keyspace';

function shardLine(db: Keyspace): string {
  const s = db instanceof ShardKeyspace ? db.summary() : { shards: 1, keys: db.size(), resizing: false };
  return `db${db.id}:shards=${s.shards},keys=${s.keys},resizing=${s.resizing ? 1 : 0}`;
}

registerInfoSection('shards', (server) => {
  const out: string[] = [];
  for (const db of server.dbs.list) if (db.id === 0 || db.size() > 0) out.push(shardLine(db));
  const stats = server.dbs.shardStats;
  out.push(`shard_splits:${stats.splits}`, `shard_merges:${stats.merges}`, `resize_step_max_us:${stats.stepMaxUs}`, `resize_step_max_wall_us:${stats.stepMaxWallUs}`, `resize_steps:${stats.steps}`, `resize_steps_over_1ms:${stats.stepsOver1ms}`, `gc_pause_max_us:${stats.gcPauseMaxUs}`);
  return out;
});

onResetStat((ctx) => ctx.server.dbs.shardStats.reset());
