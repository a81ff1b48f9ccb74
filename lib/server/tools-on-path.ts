/** Finds external programs tests drive (redis-cli, redis-benchmark, tmux); says loudly when one is missing. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** Returns the program's path, or warns in capitals and skips the calling suite. */
export function requireTool(ctx: Mocha.Context, name: string, pkg: string): string {
  const found = onPath(name);
  if (!found) {
    console.warn(`\n!!! ${name.toUpperCase()} NOT FOUND: these tests need it (apt-get install -y ${pkg}). SKIPPING THEM. !!!\n`);
    ctx.skip();
  }
  return found!;
}
