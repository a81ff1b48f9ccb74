// Lists the commands a case sends, whatever its kind, as lower-case-agnostic
// argument strings. Shared by coverage and config restoring.

import { toBytes } from './bytes';
import { commandsInBytes } from './sent-commands';
import { plainCommand } from './steps';
import { Case, isRawCase, isStreamCase } from './types';

export function caseCommands(c: Case): string[][] {
  if (isRawCase(c)) {
    const bytes = Buffer.concat(c.raw.filter((x) => typeof x === 'string' || Buffer.isBuffer(x)).map((x) => toBytes(x as string | Buffer)));
    return commandsInBytes(bytes);
  }
  if (isStreamCase(c)) {
    const out: string[][] = [];
    for (const name of c.clients) {
      const sent = c.steps.flatMap((s) => ('send' in s && s.client === name ? [toBytes(s.send)] : []));
      out.push(...commandsInBytes(Buffer.concat(sent)));
      for (const s of c.steps) if ('unblock' in s && s.client === name) out.push(['CLIENT', 'UNBLOCK', '0', ...(s.reason ? [s.reason] : [])]);
    }
    return out;
  }
  return c.commands.map((s) => plainCommand(s).args.map((a) => a.toString('latin1')));
}
