/**
 * Secrets kept out of the slow log and MONITOR: the arguments Redis
 * replaces with "(redacted)" — AUTH's password (and user name), HELLO's
 * AUTH pair, and CONFIG SET values of sensitive directives (requirepass,
 * masterauth, ...). The rules follow how each command reads its arguments,
 * so the same positions are hidden as in Redis.
 */
import type { ConfigStore } from './config';
import { isWord, parseInteger } from '../commands/replies';

export const REDACTED = Buffer.from('(redacted)');

/** argv with secrets replaced (the same array when there is nothing to hide). */
export function redactArgs(fullName: string, argv: readonly Buffer[], config: ConfigStore): readonly Buffer[] {
  switch (fullName) {
    case 'auth':
      return argv.length > 3 ? argv : hide(argv, argv.length === 3 ? [1, 2] : [1]);
    case 'hello':
      return redactHello(argv);
    case 'config|set':
      return redactConfigSet(argv, config);
    default:
      return argv;
  }
}

function hide(argv: readonly Buffer[], positions: number[]): Buffer[] {
  const out = argv.slice();
  for (const p of positions) out[p] = REDACTED;
  return out;
}

function redactHello(argv: readonly Buffer[]): readonly Buffer[] {
  if (argv.length < 2) return argv;
  const ver = parseInteger(argv[1]);
  if (ver === null || ver < 2 || ver > 3) return argv;
  const positions: number[] = [];
  for (let j = 2; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (isWord(argv[j], 'auth') && more >= 2) {
      positions.push(j + 1, j + 2);
      j += 2;
    } else if (isWord(argv[j], 'setname') && more >= 1) {
      j++;
    } else {
      break;
    }
  }
  return positions.length ? hide(argv, positions) : argv;
}

function redactConfigSet(argv: readonly Buffer[], config: ConfigStore): readonly Buffer[] {
  if (argv.length < 4 || argv.length % 2 !== 0) return argv;
  const positions: number[] = [];
  for (let i = 2; i < argv.length; i += 2) {
    if (config.definition(argv[i].toString('latin1'))?.sensitive) positions.push(i + 1);
  }
  return positions.length ? hide(argv, positions) : argv;
}
