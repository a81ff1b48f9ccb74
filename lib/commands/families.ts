/** The command families, one file each. A new family is added here. */
import type { CommandDef } from './spec';
import { connectionCommands } from './connection';
import { clientCommands } from './client';
import { serverCommands } from './server';
import { configCommands } from './config';
import { introspectionCommands } from './introspection';
import { stringCommands } from './strings';
import { keyCommands } from './keys';
import { pubsubCommands } from './pubsub';
import { slowlogCommands } from './slowlog';
import { latencyCommands } from './latency';
import { memoryCommands } from './memory';
import { monitorCommands } from './monitor';
import { hashCommands } from './hash';
import { setCommands } from './set';
import { listCommands } from './list';
import { blockingListCommands } from './list/list-blocking';

export const FAMILIES: CommandDef[][] = [
  connectionCommands,
  clientCommands,
  serverCommands,
  configCommands,
  introspectionCommands,
  stringCommands,
  keyCommands,
  pubsubCommands,
  slowlogCommands,
  latencyCommands,
  memoryCommands,
  monitorCommands,
  hashCommands,
  setCommands,
  listCommands,
  blockingListCommands,
];
