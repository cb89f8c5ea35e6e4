/**
 * One rule for turning file bytes into text, shared by every face that reads files (the CLI
 * for documents and templates, the server for templates): UTF-8 only, and a clear reason for
 * anything else. A UTF-8 byte order mark stays the text's first character, as in the text an
 * editor that keeps it sends: the parser reads it as a space, so columns on line 1 count it in
 * every face, and a file fixed in place keeps it. Templates drop it (`withoutBom`).
 * Pure: `TextDecoder` exists in Node and browsers.
 */

export type DecodeOutcome = { readonly text: string } | { readonly error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes `bytes` as UTF-8 text; `error` completes a sentence that starts with the file's name. */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'is UTF-16 text; save it as UTF-8' };
  }
  if (looksLikeUtf16(bytes)) return { error: 'is UTF-16 text; save it as UTF-8' };
  if (bytes.includes(0)) return { error: 'is a binary file (it contains NUL bytes)' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { error: 'is not valid UTF-8 text' };
  }
}

/** UTF-16 without a byte order mark: NUL bytes in every other position of the first bytes, and only there. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (even === 0 && odd >= half * 0.5) || (odd === 0 && even >= half * 0.5);
}

/** The text without a leading byte order mark: a template's first heading must stay a heading. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
