/**
 * One rule for turning file bytes into text, shared by every face that reads files (the CLI
 * for documents and templates, the server for templates): UTF-8 only, a UTF-8 byte order mark
 * dropped, and a clear reason for anything else. Pure: `TextDecoder` exists in Node and browsers.
 */

export type DecodeOutcome = { readonly text: string } | { readonly error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes `bytes` as UTF-8 text; `error` completes a sentence that starts with the file's name. */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'is UTF-16 text; save it as UTF-8' };
  }
  if (bytes.includes(0)) return { error: 'is a binary file (it contains NUL bytes)' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { error: 'is not valid UTF-8 text' };
  }
}
