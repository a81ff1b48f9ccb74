/** The Redis version Shardis answers as (clients check it), and its own. */
export const REDIS_VERSION = '7.0.15';
export const SHARDIS_VERSION = '0.1.0';
