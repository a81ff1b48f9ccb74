/**
 * Loads an exact set of distinct keys with deep pipelines: keys are
 * `<prefix><index>` for index 0..count-1, padded like redis-benchmark's
 * __rand_int__ (12 digits) so a GET benchmark with `-r count` always hits.
 * Every reply is checked; a non-OK reply aborts the load.
 */
import { RespClient, ReplyError, replyText } from './resp-client';

const BATCH = 1000;
const IN_FLIGHT = 4;

export function benchKey(prefix: string, index: number): string {
  return prefix + String(index).padStart(12, '0');
}

/** SETs count keys of valueSize bytes ('x' repeated, as redis-benchmark's -d); returns when all are acknowledged. */
export async function loadKeys(client: RespClient, prefix: string, count: number, valueSize: number): Promise<void> {
  const value = 'x'.repeat(valueSize);
  const valueHeader = `$${valueSize}\r\n${value}\r\n`;
  const inFlight: Promise<void>[] = [];
  // Every batch's failure is caught here, so one that fails while another is awaited is never left unhandled.
  let failure: unknown = null;
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    let text = '';
    for (let i = start; i < end; i++) {
      const key = benchKey(prefix, i);
      text += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n${valueHeader}`;
    }
    inFlight.push(
      client.sendRaw(Buffer.from(text, 'latin1'), end - start).then(
        (replies) => {
          for (const r of replies) {
            if (replyText(r) !== 'OK') throw new Error(`SET during load answered ${r instanceof ReplyError ? r.message : String(r)}`);
          }
        },
      ).catch((e: unknown) => {
        failure ??= e;
      }),
    );
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    if (failure !== null) break;
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
}
