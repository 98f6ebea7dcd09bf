import { randomBytes } from "node:crypto";
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

/**
 * Files built to hurt a parser, generated here rather than committed: each stresses one weakness
 * (recursion, page-tree walking, stream decoding, decompression, sheer work) and stays under the
 * upload size limit, so it reaches the parser instead of being refused at the door.
 */

/** A PDF with a correct cross-reference table from numbered object bodies (1-based). */
export function buildPdf(objects: Array<string | Buffer>, rootObject = 1): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  for (const [index, body] of objects.entries()) {
    offsets.push(length);
    const object = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, "latin1"),
      typeof body === "string" ? Buffer.from(body, "latin1") : body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(object);
    length += object.length;
  }
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root ${rootObject} 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  return Buffer.concat([...parts, Buffer.from(xref, "latin1")]);
}

function stream(data: Buffer, dictionary = ""): Buffer {
  return Buffer.concat([
    Buffer.from(`<< /Length ${data.length} ${dictionary} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const page = (resources: string) =>
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> ${resources} >> >>`;
const content = (text: string) => stream(Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`, "latin1"));

/**
 * Arrays and dictionaries nested `depth` levels deep, both in the page dictionary (its annotations)
 * and as the operand of a text operator in the content stream, so both object parsers meet them.
 */
export function deeplyNestedPdf(depth = 100_000): Buffer {
  const nestedObject = `${"[<< /A ".repeat(depth)}1${" >>]".repeat(depth)}`;
  const nestedOperand = `${"[".repeat(depth)}(x)${"]".repeat(depth)}`;
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots 6 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream(Buffer.from(`BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ${nestedOperand} TJ ET`, "latin1")),
    FONT,
    nestedObject,
  ]);
}

/** A page tree declaring two billion pages whose only child points back at its parent. */
export function pageTreeLoopPdf(): Buffer {
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2000000000 >>",
    page(""),
    content("Jane Doe"),
    FONT,
    "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R] /Count 2000000000 >>",
  ]);
}

/** Content and object streams whose declared lengths run past their data, cut mid-deflate. */
export function truncatedStreamsPdf(): Buffer {
  const deflated = deflateSync(Buffer.from("BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET ".repeat(200), "latin1"));
  const cut = deflated.subarray(0, Math.floor(deflated.length / 3));
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    page(""),
    Buffer.concat([Buffer.from("<< /Length 999999 /Filter /FlateDecode >>\nstream\n", "latin1"), cut]),
    FONT,
  ]);
}

/**
 * A single page whose compressed content stream expands to `megabytes` of text-drawing operators:
 * a few hundred kilobytes on the wire, minutes of work (and a huge heap) for a text extractor.
 */
export function endlessContentPdf(megabytes = 48): Buffer {
  const operator = Buffer.from("(x) Tj ", "latin1");
  const body = Buffer.alloc(megabytes * 1024 * 1024, operator);
  const drawing = Buffer.concat([Buffer.from("BT /F1 12 Tf 72 720 Td ", "latin1"), body, Buffer.from(" ET")]);
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    page(""),
    stream(deflateSync(drawing, { level: 9 }), "/Filter /FlateDecode"),
    FONT,
  ]);
}

/** A PDF whose one stream expands to far more than any resume (a decompression bomb). */
export function flateBombPdf(megabytes = 512): Buffer {
  const zeros = deflateSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 });
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    page(""),
    stream(zeros, "/Filter /FlateDecode"),
    FONT,
  ]);
}

/** A ZIP (stored or deflated entries, honest sizes and CRCs) built without a library. */
export function buildZip(entries: Array<{ path: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { path, data } of entries) {
    const name = Buffer.from(path, "utf8");
    const compressed = deflateRawSync(data, { level: 9 });
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, compressed);
    centrals.push(central, name);
    offset += header.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A DOCX whose document.xml holds `megabytes` of one-letter paragraphs. */
export function docxWithParagraphs(megabytes: number): Buffer {
  const paragraph = Buffer.from("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  const open = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const close = Buffer.from("</w:body></w:document>");
  const document = Buffer.concat([open, Buffer.alloc(megabytes * 1024 * 1024, paragraph), close]);
  return buildZip([
    { path: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { path: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    { path: "word/document.xml", data: document },
  ]);
}

export function randomFile(size = 64 * 1024): Buffer {
  return randomBytes(size);
}
