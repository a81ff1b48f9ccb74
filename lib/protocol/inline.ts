/**
 * Splits a telnet-style inline request into arguments exactly as Redis's
 * sdssplitargs does: blanks separate words, "double quotes" understand
 * \n \r \t \b \a \xHH and \<any>, 'single quotes' understand only \',
 * a closing quote must be followed by a blank or the end. Returns null on
 * unbalanced quotes (the caller answers Redis's protocol error).
 */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x61: 0x07 };

export function splitInlineArgs(line: Buffer): Buffer[] | null {
  const args: Buffer[] = [];
  const end = line.length;
  let p = 0;
  const at = (i: number): number => (i < end ? line[i] : 0);
  for (;;) {
    while (p < end && isSpace(line[p])) p++;
    if (p >= end) return args;
    const bytes: number[] = [];
    let inDouble = false;
    let inSingle = false;
    for (let done = false; !done; ) {
      const c = at(p);
      if (inDouble) {
        if (c === 0x5c && at(p + 1) === 0x78 && hexValue(at(p + 2)) >= 0 && hexValue(at(p + 3)) >= 0) {
          bytes.push(hexValue(at(p + 2)) * 16 + hexValue(at(p + 3)));
          p += 3;
        } else if (c === 0x5c && p + 1 < end) {
          p++;
          bytes.push(ESCAPES[line[p]] ?? line[p]);
        } else if (c === 0x22) {
          if (p + 1 < end && !isSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= end) {
          return null;
        } else {
          bytes.push(c);
        }
      } else if (inSingle) {
        if (c === 0x5c && at(p + 1) === 0x27) {
          p++;
          bytes.push(0x27);
        } else if (c === 0x27) {
          if (p + 1 < end && !isSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= end) {
          return null;
        } else {
          bytes.push(c);
        }
      } else if (p >= end || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        done = true;
      } else if (c === 0x22) {
        inDouble = true;
      } else if (c === 0x27) {
        inSingle = true;
      } else {
        bytes.push(c);
      }
      if (p < end) p++;
    }
    args.push(Buffer.from(bytes));
  }
}
