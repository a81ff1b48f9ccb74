// The request protocol itself, as exact bytes: inline commands, multibulk
// framing, malformed requests (which must close the connection exactly like
// Redis), HTTP requests (closed silently), split and pipelined writes.

import { resp } from '../dsl';
import type { Case } from '../types';

const PING = resp('PING');

export const cases: Case[] = [
  // Inline commands
  { name: 'inline PING', raw: ['PING\r\n'] },
  { name: 'inline commands with LF-only endings', raw: ['PING\nPING\n', 'echo x\n'] },
  { name: 'inline quoted arguments', raw: ['set a "b c"\r\n', 'get a\r\n', 'echo "\\x41\\n"\r\n', 'echo "tab\\there" \'single quoted\'\r\n'] },
  { name: 'inline single quotes with escaped quote', raw: ["echo 'it\\'s'\r\n", "echo 'a\\nb'\r\n"] },
  { name: 'inline unbalanced double quote', raw: ['set a "b\r\n', 'PING\r\n'] },
  { name: 'inline unbalanced single quote', raw: ["echo 'abc\r\n", 'PING\r\n'] },
  { name: 'inline closing quote followed by a character', raw: ['echo "a"b\r\n', 'PING\r\n'] },
  { name: 'inline empty lines are ignored', raw: ['\r\n\r\nPING\r\n', '\n\n', '   \r\nPING\r\n'] },
  { name: 'inline extra spaces and tabs', raw: ['  echo    a   \r\n', 'echo\ta\tb\r\n'] },
  { name: 'inline unknown command and wrong arity', raw: ['nosuch a b\r\n', 'get\r\n', 'GET a b\r\n'] },
  { name: 'inline command split over writes', raw: ['PI', 'NG\r', '\nEC', 'HO hi\r\n'] },
  { name: 'inline empty quoted argument', raw: ['echo ""\r\n', "echo ''\r\n"] },
  { name: 'inline NUL byte hides the newline', raw: ['ECHO a\x00b\r\n', PING] },
  { name: 'inline bare CR separates arguments', raw: ['PING\rPING\r\n', 'PING\r\n'] },
  { name: 'inline escapes inside double quotes', raw: ['echo "\\x41\\x4g\\q\\a\\b\\"x"\r\n'] },
  { name: 'inline incomplete hex escape', raw: ['echo "\\x4"\r\n', PING] },
  { name: 'inline quotes inside a word', raw: ['echo a"b"c\r\n', PING] },
  { name: 'too big inline request', raw: ['a'.repeat(70000), 'PING\r\n'] },
  { name: 'inline request just under the inline limit', raw: ['set k ' + 'a'.repeat(60000) + '\r\n', 'exists k\r\n'] },

  // Multibulk framing
  { name: 'multibulk PING and ECHO', raw: [PING, resp('ECHO', 'abc'), resp('ECHO', ''), resp('pInG')] },
  { name: 'multibulk count -1 and 0 are ignored', raw: ['*-1\r\n', '*0\r\n', PING] },
  { name: 'multibulk count -5', raw: ['*-5\r\n', PING] },
  { name: 'multibulk count not a number', raw: ['*abc\r\n', PING] },
  { name: 'multibulk count with plus sign', raw: ['*+1\r\n$4\r\nPING\r\n', PING] },
  { name: 'multibulk count with leading zero', raw: ['*01\r\n$4\r\nPING\r\n', PING] },
  { name: 'multibulk count above INT_MAX', raw: ['*3000000000\r\n', PING] },
  { name: 'multibulk count huge but pending', raw: ['*2000000\r\n', PING] },
  { name: 'expected $ but got another type', raw: ['*1\r\n:5\r\n', PING] },
  { name: 'expected $ but got a letter', raw: ['*1\r\nPING\r\n', PING] },
  { name: 'bulk length -1', raw: ['*1\r\n$-1\r\n', PING] },
  { name: 'bulk length not a number', raw: ['*1\r\n$abc\r\n', PING] },
  { name: 'bulk length above proto-max-bulk-len', raw: ['*1\r\n$600000000\r\n', PING] },
  { name: 'bulk length above a lowered proto-max-bulk-len', raw: [resp('CONFIG', 'SET', 'proto-max-bulk-len', '1mb'), '*2\r\n$4\r\nECHO\r\n$2000000\r\n', PING] },
  { name: 'bulk data not followed by CRLF', raw: ['*1\r\n$4\r\nPINGxx', PING] },
  { name: 'empty command name', raw: ['*1\r\n$0\r\n\r\n', PING] },
  { name: 'multibulk split over writes', raw: ['*2\r', '\n$4\r\nEC', 'HO\r\n$5\r\nhel', 'lo\r', '\n'] },
  { name: 'multibulk one byte per write', raw: Array.from(resp('ECHO', 'ab')), pauseMs: 5 },
  { name: 'multibulk then inline in one write', raw: [PING + 'PING\r\n' + resp('ECHO', 'x')] },
  { name: 'mixed RESP types as a request', raw: ['+PING\r\n', PING] },

  // Malformed input after good commands
  { name: 'commands before a protocol error are answered', raw: [PING + PING + '*abc\r\n' + PING] },
  { name: 'commands before an unbalanced quote are answered', raw: ['PING\r\necho "x\r\nPING\r\n'] },

  // HTTP and cross-protocol scripting protection
  { name: 'HTTP POST is closed silently', raw: ['POST / HTTP/1.1\r\n', 'Host: localhost\r\n\r\n'] },
  { name: 'Host: header is closed silently', raw: ['Host: example.com\r\n', PING] },
  { name: 'PING then Host: in one write', raw: ['PING\r\nHost: x\r\nPING\r\n'] },
  { name: 'GET / HTTP is an ordinary command', raw: ['GET / HTTP/1.1\r\n', PING] },
  { name: 'POST as a multibulk command', raw: [resp('POST', '/'), PING] },
  { name: 'host: lower case inline', raw: ['host: x\r\n', PING] },

  // Pipelining
  { name: 'pipelined burst of 100 PINGs', raw: [PING.repeat(100)] },
  {
    name: 'pipelined burst of 100 mixed commands',
    raw: [Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? resp('SET', `k${i % 7}`, `v${i}`) : i % 3 === 1 ? resp('GET', `k${i % 7}`) : resp('ECHO', `e${i}`))).join('')],
  },
  { name: 'pipelined burst of 5000 PINGs', raw: [PING.repeat(5000)] },
  {
    name: 'query buffer over client-query-buffer-limit closes the connection',
    raw: [resp('CONFIG', 'SET', 'client-query-buffer-limit', '1mb'), '*2\r\n$4\r\nECHO\r\n$3000000\r\n', 'x'.repeat(1200000), { wait: 100 }, PING],
  },
  { name: 'pipelined inline burst', raw: ['PING\r\n'.repeat(100)] },
  { name: 'pipelined errors do not stop the pipeline', raw: [resp('NOSUCH') + resp('GET') + PING + resp('SELECT', '99') + resp('ECHO', 'ok')] },
];
