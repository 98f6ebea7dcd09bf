import type { Font } from "fontkit";

/**
 * A TrueType font cut down to the glyphs one document uses, for pdfkit to embed: what fontkit's own
 * subsetter writes (head, hhea, maxp, hmtx, loca, glyf and the hinting tables cvt, fpgm and prep,
 * which the PDF format asks for), written from the font file's bytes. fontkit decodes every table
 * into objects and encodes them back byte by byte, the same constant hinting tables in every
 * document, and that was a sixth of each render (ADR 0044). Here each table is copied as it is
 * stored, with only the fields a subset changes rewritten.
 */
export class TrueTypeSubset {
  /** Glyph ids of the font, in the subset's order: the subset's glyph id is the index. */
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly font: TrueTypeFile) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, adding it if it is new (pdfkit's and fontkit's interface). */
  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === "number" ? glyph : glyph.id;
    let subsetId = this.mapping.get(id);
    if (subsetId === undefined) {
      subsetId = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, subsetId);
    }
    return subsetId;
  }

  encode(): Uint8Array {
    const glyf: Uint8Array[] = [];
    // The components of a composite glyph join the subset as they are met, so the list grows.
    for (let index = 0; index < this.glyphs.length; index++)
      glyf.push(this.glyphData(this.glyphs[index] as number));
    const count = this.glyphs.length;
    const loca = new DataView(new ArrayBuffer(4 * (count + 1)));
    const hmtx = new DataView(new ArrayBuffer(4 * count));
    let offset = 0;
    for (const [index, data] of glyf.entries()) {
      loca.setUint32(4 * index, offset);
      const [advance, bearing] = this.font.metrics(this.glyphs[index] as number);
      hmtx.setUint16(4 * index, advance);
      hmtx.setInt16(4 * index + 2, bearing);
      offset += data.byteLength;
    }
    loca.setUint32(4 * count, offset);
    const head = this.font.copyOf("head");
    head.setUint32(8, 0); // checkSumAdjustment, set once the whole font is written
    head.setInt16(50, 1); // indexToLocFormat: long offsets
    const hhea = this.font.copyOf("hhea");
    hhea.setUint16(34, count); // numberOfHMetrics
    const maxp = this.font.copyOf("maxp");
    maxp.setUint16(4, count); // numGlyphs
    const tables: Array<[string, Uint8Array]> = [
      ["cvt ", this.font.table("cvt ")],
      ["fpgm", this.font.table("fpgm")],
      ["glyf", concat(glyf, offset)],
      ["head", bytesOf(head)],
      ["hhea", bytesOf(hhea)],
      ["hmtx", bytesOf(hmtx)],
      ["loca", bytesOf(loca)],
      ["maxp", bytesOf(maxp)],
      ["prep", this.font.table("prep")],
    ];
    // A font without hinting has no cvt, fpgm or prep to copy.
    const present = tables.filter(([tag, data]) => data.byteLength > 0 || tag === "glyf");
    const { file, offsets } = sfnt(present);
    const headOffset = offsets[present.findIndex(([tag]) => tag === "head")] as number;
    new DataView(file.buffer).setUint32(headOffset + 8, (0xb1b0afba - checksum(file)) >>> 0);
    return file;
  }

  /** The glyph's outline as stored; a composite's components renumbered to their subset ids. */
  private glyphData(id: number): Uint8Array {
    const stored = this.font.glyph(id);
    if (stored.byteLength < 10 || new DataView(stored.buffer, stored.byteOffset).getInt16(0) >= 0)
      return stored;
    const data = stored.slice();
    const view = new DataView(data.buffer);
    let position = 10;
    for (;;) {
      const flags = view.getUint16(position);
      view.setUint16(position + 2, this.includeGlyph(view.getUint16(position + 2)));
      position += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
      if (flags & HAS_SCALE) position += 2;
      else if (flags & HAS_X_AND_Y_SCALE) position += 4;
      else if (flags & HAS_TWO_BY_TWO) position += 8;
      if (!(flags & MORE_COMPONENTS)) return data;
    }
  }
}

// Composite glyph flags (OpenType glyf table).
const ARGS_ARE_WORDS = 0x1;
const HAS_SCALE = 0x8;
const MORE_COMPONENTS = 0x20;
const HAS_X_AND_Y_SCALE = 0x40;
const HAS_TWO_BY_TWO = 0x80;

/** A parsed TrueType font's file, read table by table as stored. */
export class TrueTypeFile {
  private readonly bytes: Uint8Array;
  private readonly tables: Record<string, { offset: number; length: number }>;
  private readonly locations: number[];
  private readonly longMetrics: number;

  constructor(font: Font) {
    const internals = font as unknown as FontFileInternals;
    // A plain view, not the Buffer fontkit holds: a Buffer's slice() shares its memory.
    const file = internals.stream.buffer;
    this.bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    this.tables = internals.directory.tables;
    this.locations = internals.loca.offsets;
    this.longMetrics = internals.hhea.numberOfMetrics;
  }

  static of(font: Font): TrueTypeFile | undefined {
    const tables = (font as unknown as FontFileInternals).directory?.tables ?? {};
    return ["glyf", "loca", "head", "hhea", "hmtx", "maxp"].every((tag) => tag in tables)
      ? new TrueTypeFile(font)
      : undefined;
  }

  /** A table as stored; empty if the font has none. */
  table(tag: string): Uint8Array {
    const entry = this.tables[tag];
    return entry === undefined
      ? new Uint8Array()
      : this.bytes.subarray(entry.offset, entry.offset + entry.length);
  }

  copyOf(tag: string): DataView {
    return new DataView(this.table(tag).slice().buffer);
  }

  glyph(id: number): Uint8Array {
    const glyf = this.tables.glyf as { offset: number };
    const start = this.locations[id] ?? 0;
    const end = this.locations[id + 1] ?? start;
    return this.bytes.subarray(glyf.offset + start, glyf.offset + end);
  }

  /** Advance width and left side bearing, as hmtx stores them. */
  metrics(id: number): [number, number] {
    const hmtx = this.table("hmtx");
    const view = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
    const last = this.longMetrics - 1;
    if (id <= last) return [view.getUint16(4 * id), view.getInt16(4 * id + 2)];
    return [view.getUint16(4 * last), view.getInt16(4 * this.longMetrics + 2 * (id - this.longMetrics))];
  }
}

/** fontkit's own members that hold the font file; its types do not declare them. */
interface FontFileInternals {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number }> };
  loca: { offsets: number[] };
  hhea: { numberOfMetrics: number };
}

/** An sfnt file of the tables, given in tag order: the table directory, then each table padded to 4 bytes. */
function sfnt(tables: Array<[string, Uint8Array]>): { file: Uint8Array; offsets: number[] } {
  const count = tables.length;
  const log = Math.floor(Math.log2(count));
  let size = 12 + 16 * count;
  for (const [, data] of tables) size += padded(data.byteLength);
  const file = new Uint8Array(size);
  const view = new DataView(file.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, 16 * 2 ** log);
  view.setUint16(8, log);
  view.setUint16(10, 16 * count - 16 * 2 ** log);
  let offset = 12 + 16 * count;
  const offsets: number[] = [];
  for (const [index, [tag, data]] of tables.entries()) {
    offsets.push(offset);
    file.set(data, offset);
    const record = 12 + 16 * index;
    for (let k = 0; k < 4; k++) view.setUint8(record + k, tag.charCodeAt(k));
    view.setUint32(record + 4, checksum(file.subarray(offset, offset + padded(data.byteLength))));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.byteLength);
    offset += padded(data.byteLength);
  }
  return { file, offsets };
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

/** The sum of the data's big-endian 32-bit words, modulo 2³²; its length is a multiple of 4. */
function checksum(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  for (let offset = 0; offset < data.byteLength; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0;
  return sum;
}

function bytesOf(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}
