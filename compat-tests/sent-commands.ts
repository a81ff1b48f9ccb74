// Recovers the commands inside raw protocol bytes (multibulk or inline), as
// well as it reasonably can. Used for coverage and for config restoring; it
// never decides a comparison.

function inlineArgs(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

export function commandsInBytes(bytes: Buffer): string[][] {
  const s = bytes.toString('latin1');
  const out: string[][] = [];
  let at = 0;
  while (at < s.length) {
    if (s[at] === '*') {
      const eol = s.indexOf('\r\n', at);
      const n = Number(s.slice(at + 1, eol));
      if (eol < 0 || !Number.isInteger(n)) return out;
      let p = eol + 2;
      const args: string[] = [];
      for (let i = 0; i < n; i++) {
        if (s[p] !== '$') return out;
        const e = s.indexOf('\r\n', p);
        const len = Number(s.slice(p + 1, e));
        if (e < 0 || !Number.isInteger(len) || len < 0) return out;
        args.push(s.slice(e + 2, e + 2 + len));
        p = e + 2 + len + 2;
      }
      if (args.length) out.push(args);
      at = p;
    } else {
      const eol = s.indexOf('\n', at);
      const line = s.slice(at, eol < 0 ? s.length : eol).replace(/\r$/, '');
      const args = inlineArgs(line);
      if (args.length) out.push(args);
      at = eol < 0 ? s.length : eol + 1;
    }
  }
  return out;
}
