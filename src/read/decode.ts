// Turns a seed file's bytes into text, refusing what is not an article:
// a file too large to be one, binary data and bytes that are not UTF-8. A
// byte-order mark and CRLF line endings are normal in copied text and are
// simply undone.

export class SeedReadError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly ruleId: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Bisect on prefixes: a prefix decodes unless it holds the bad byte
  // (a prefix may end mid-character, so allow three bytes of slack).
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 4) {
    const mid = (good + bad) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      good = mid;
    } catch {
      bad = mid;
    }
  }
  return good;
}

/**
 * A long news article is well under 100 kB of text; a file past this is a
 * data dump, a log or a saved page with its assets inlined, and reading it
 * would only fill the site with junk (and slow every step, which is linear
 * in the text at best).
 */
export const maxSeedBytes = 1024 * 1024;

export function decodeSeed(bytes: Uint8Array): string {
  if (bytes.length > maxSeedBytes) {
    throw new SeedReadError(
      `Unexpected file of ${(bytes.length / 1024 / 1024).toFixed(1)} MB, expected the text of one article (the limit is ${maxSeedBytes / 1024 / 1024} MB)`,
      null,
      'too-large',
    );
  }
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new SeedReadError('Unexpected empty file, expected the text of an article', null, 'empty-file');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new SeedReadError(
      'Unexpected binary data (a NUL byte), expected plain text or Markdown',
      lineOfByte(bytes, nul),
      'binary-file',
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new SeedReadError(
      'Unexpected bytes that are not UTF-8, expected UTF-8 text (re-save the file as UTF-8)',
      lineOfByte(bytes, firstInvalidUtf8(bytes)),
      'not-utf8',
    );
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
