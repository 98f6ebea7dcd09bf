import { inflateRawSync, inflateSync } from "node:zlib";

/**
 * A compressed file can claim a few megabytes and expand to gigabytes (a "zip bomb"). The parse
 * worker's heap limit does not cover that memory (typed arrays live outside the V8 heap), so
 * before a DOCX (ZIP) or PDF reaches its parser, every compressed part is inflated here with a
 * hard output cap. The cap is far above what a real resume needs; a part that fails to inflate
 * for another reason is left for the parser to judge (it knows how to call a file unreadable).
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** A resume DOCX has a dozen or two parts; thousands are a way to make the parser loop. */
const MAX_ZIP_ENTRIES = 2_000;

export class TooComplexError extends Error {
  override readonly name = "TooComplexError";
}

export function assertInflatesWithinLimit(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) checkZip(buffer, limit);
  else if (buffer.subarray(0, 1024).includes("%PDF-", 0, "latin1")) checkPdfStreams(buffer, limit);
}

function checkZip(zip: Buffer, limit: number): void {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) return;
  const entries = zip.readUInt16LE(end + 10);
  if (entries > MAX_ZIP_ENTRIES) throw new TooComplexError(`The file holds ${entries} parts`);
  let offset = zip.readUInt32LE(end + 16);
  let inflated = 0;
  for (let index = 0; index < entries && offset + 46 <= zip.length; index++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const local = zip.readUInt32LE(offset + 42);
    offset +=
      46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    if (local + 30 > zip.length) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    inflated += method === 8 ? inflatedSize(() => inflateRawSync(data, cap(limit - inflated))) : data.length;
    if (inflated > limit) throw tooBig(limit);
  }
}

function checkPdfStreams(pdf: Buffer, limit: number): void {
  let inflated = 0;
  let cursor = pdf.indexOf("stream", 0, "latin1");
  while (cursor >= 0) {
    let start = cursor + "stream".length;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const end = pdf.indexOf("endstream", start, "latin1");
    if (end < 0) return;
    // zlib data (FlateDecode) starts with a CMF byte whose low nibble is 8 (deflate).
    if (start !== cursor + "stream".length && ((pdf[start] ?? 0) & 0x0f) === 8) {
      const data = pdf.subarray(start, end);
      inflated += inflatedSize(() => inflateSync(data, cap(limit - inflated)));
      if (inflated > limit) throw tooBig(limit);
    }
    cursor = pdf.indexOf("stream", end + "endstream".length, "latin1");
  }
}

function cap(remaining: number) {
  return { maxOutputLength: Math.max(1, remaining + 1) };
}

/** Bytes a part inflates to; 0 when it is not valid compressed data (the parser decides then). */
function inflatedSize(inflate: () => Buffer): number {
  try {
    return inflate().length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return Number.POSITIVE_INFINITY;
    return 0;
  }
}

function tooBig(limit: number): TooComplexError {
  return new TooComplexError(`The file expands to more than ${limit / (1024 * 1024)} MB when decompressed`);
}
