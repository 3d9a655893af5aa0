// Mail to seed with `kindly ingest`: RFC 5322 text with CRLF line ends.
import { randomUUID } from 'node:crypto';

const CRLF = '\r\n';

function rfc5322Date(d) {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

function crlf(text) {
  return text.replace(/\r?\n/g, CRLF);
}

/** An RFC 2047 encoded word (UTF-8, base64), for headers with any characters. */
export function encodedWord(text) {
  return `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/**
 * A mail as a string. Give `text`, `html` or both (both: multipart/alternative).
 * Header values are written as given (raw UTF-8 is fine; use encodedWord() for
 * RFC 2047). `headers` adds more lines, e.g. { 'In-Reply-To': '<a@b>' }.
 */
export function eml({
  from = 'Emily Clarke <emily@example.com>',
  to = 'support@localhost',
  subject = 'Cannot log in',
  text,
  html,
  messageId = `<${randomUUID()}@example.com>`,
  date = new Date(),
  headers = {},
} = {}) {
  if (text === undefined && html === undefined) {
    text = 'Hello, I cannot log in to my account since yesterday. Could you please help me?\nEmily\n';
  }
  const lines = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    `Date: ${rfc5322Date(date)}`,
    'MIME-Version: 1.0',
  ];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  const part = (type, body) =>
    [`Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: 8bit', '', crlf(body)].join(CRLF);
  let body;
  if (text !== undefined && html !== undefined) {
    const boundary = `=_kindly_${randomUUID()}`;
    lines.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    body = [
      `--${boundary}`,
      part('text/plain', text),
      `--${boundary}`,
      part('text/html', html),
      `--${boundary}--`,
      '',
    ].join(CRLF);
    return lines.join(CRLF) + CRLF + CRLF + body;
  }
  const [type, content] = text !== undefined ? ['text/plain', text] : ['text/html', html];
  return lines.join(CRLF) + CRLF + part(type, content) + CRLF;
}
