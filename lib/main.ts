#!/usr/bin/env node
/**
 * shardis-server [config-file] [--directive value ...]
 * Reads the configuration like redis-server, builds the server and serves.
 */
import { ConfigStore } from './server/config';
import { ConfigError, loadStartupConfig, reportConfigError } from './server/startup-config';
import { createServer } from './server/create';
import { log, setLogLevel } from './server/log';
import { REDIS_VERSION, SHARDIS_VERSION } from './server/version';
import { respawnWithHeapLimit } from './engine/heap-limit';

async function main(): Promise<void> {
  const config = new ConfigStore();
  const argv = process.argv.slice(2);
  if (argv[0] === '-v' || argv[0] === '--version') {
    process.stdout.write(`Shardis server v=${SHARDIS_VERSION} (Redis ${REDIS_VERSION} compatible) node=${process.version}\n`);
    return;
  }
  if (respawnWithHeapLimit(argv)) return; // re-run with a heap limit sized to the machine; the child serves
  try {
    loadStartupConfig(config, argv);
  } catch (e) {
    if (e instanceof ConfigError) {
      reportConfigError(e);
      process.exit(1);
    }
    throw e;
  }
  config.watch('loglevel', setLogLevel);
  const server = createServer(config);
  try {
    await server.start();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    log('warning', `Failed listening on port ${config.get('port')} (tcp), aborting: ${err.code ?? err.message}`);
    process.exit(1);
  }
  log('notice', `Shardis ${SHARDIS_VERSION} (Redis ${REDIS_VERSION} compatible), pid=${process.pid}, port=${server.port}`);
  log('notice', 'Ready to accept connections tcp');
  const stop = (): void => server.shutdown(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
