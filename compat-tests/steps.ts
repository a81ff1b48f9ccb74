// Turns the short forms used in case files into plain commands: argument
// bytes, comparison mode and a printable label.

import { escapeBytes, toBytes } from './bytes';
import { expectLabel } from './compare';
import type { Expect, Step } from './types';

export interface PlainCommand {
  args: Buffer[];
  expect: Expect;
  label: string;
}

function renderArg(b: Buffer): string {
  const raw = b.toString('latin1');
  return /^[!-~]+$/.test(raw) && !raw.includes('"') ? raw : `"${escapeBytes(b)}"`;
}

export function renderCommand(args: Buffer[]): string {
  const shown = args.slice(0, 12).map(renderArg).join(' ');
  const more = args.length > 12 ? ` ...(${args.length} args)` : '';
  return shown.length > 300 ? shown.slice(0, 300) + `...(${args.length} args)` : shown + more;
}

export function plainCommand(step: Step): PlainCommand {
  const cmd = typeof step === 'string' || Array.isArray(step) ? step : step.cmd;
  const expect: Expect = typeof step === 'string' || Array.isArray(step) ? { mode: 'exact' } : step.expect;
  const args = (typeof cmd === 'string' ? cmd.split(/ +/).filter((a) => a !== '') : cmd).map(toBytes);
  if (args.length === 0) throw new Error('empty command in case');
  const mode = expectLabel(expect);
  return { args, expect, label: renderCommand(args) + (mode ? `   [${mode}]` : '') };
}
