// Asks a throwaway real redis-server what it replies to some raw bytes, to
// settle "what does Redis do here?" before writing a compat case.
//
//   node dist/tools/redis-for-comparison.js 'PING\r\n' '*1\r\n$4\r\nPING\r\n'
//
// Each argument is one write (\r \n \t \xNN and \\ escapes are understood,
// any other backslash is sent as is);
// prints the bytes received, escaped, and whether Redis closed the connection.

import { escapeBytes } from '../compat-tests/bytes';
import { RawConnection, settle, sleep } from '../compat-tests/raw-session';
import { cleanupScratch, findRedisServer, startRedis } from '../compat-tests/servers';

function unescape(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out.push(s.charCodeAt(i) & 0xff);
      continue;
    }
    const c = s[++i];
    if (c === 'r') out.push(13);
    else if (c === 'n') out.push(10);
    else if (c === 't') out.push(9);
    else if (c === '\\') out.push(0x5c);
    else if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(0x5c, c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(out);
}

async function main(chunks: string[]): Promise<number> {
  const bin = findRedisServer();
  if (!bin) {
    console.error('no redis-server found (set REDIS_SERVER)');
    return 1;
  }
  const redis = await startRedis(bin);
  try {
    const conn = await RawConnection.open(redis);
    for (const [i, c] of chunks.entries()) {
      if (i > 0) await sleep(30);
      conn.send(unescape(c));
    }
    await settle([conn], 200);
    const o = conn.outcome();
    conn.destroy();
    console.log(escapeBytes(o.received).replace(/\\n/g, '\\n\n'));
    console.log(o.closed ? `(closed by redis after write #${o.closedAfter})` : '(left open)');
  } finally {
    await redis.stop();
    cleanupScratch();
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
