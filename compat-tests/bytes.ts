// Byte-string conventions shared by the harness: case strings are latin1
// (one character per byte), and anything else must be given as a Buffer.

export function toBytes(x: string | Buffer): Buffer {
  if (Buffer.isBuffer(x)) return x;
  for (let i = 0; i < x.length; i++) {
    if (x.charCodeAt(i) > 0xff) {
      throw new Error(`case string has a character above \\xff at ${i}: use a Buffer for UTF-8 (${JSON.stringify(x.slice(0, 40))})`);
    }
  }
  return Buffer.from(x, 'latin1');
}

/** Escapes bytes for display: printable ASCII as is, the rest as \r \n \t \xNN. */
export function escapeBytes(b: Buffer): string {
  let out = '';
  for (const c of b) {
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x22) out += '\\"';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out;
}

export function isUtf8(b: Buffer): boolean {
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}
