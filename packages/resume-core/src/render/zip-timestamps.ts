/**
 * Sets every entry's DOS modification time in a ZIP file (DOCX is one) to a fixed value. Zip
 * writers stamp the current time, which would make two renderings of the same resume differ.
 * Walks the real structure (end record → central directory → local headers) rather than
 * searching for signatures, which could also occur inside compressed data.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** 1980-01-01 00:00:00, the earliest DOS date. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let index = 0; index < entries; index++) {
    expectSignature(view, offset, CENTRAL_DIRECTORY_HEADER);
    view.setUint16(offset + 12, DOS_TIME, true);
    view.setUint16(offset + 14, DOS_DATE, true);
    const localHeader = view.getUint32(offset + 42, true);
    expectSignature(view, localHeader, LOCAL_FILE_HEADER);
    view.setUint16(localHeader + 10, DOS_TIME, true);
    view.setUint16(localHeader + 12, DOS_DATE, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return bytes;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error("Not a ZIP file: no end-of-central-directory record");
}

function expectSignature(view: DataView, offset: number, signature: number): void {
  if (offset + 4 > view.byteLength || view.getUint32(offset, true) !== signature) {
    throw new Error(`Malformed ZIP file: expected a header at byte ${offset}`);
  }
}
