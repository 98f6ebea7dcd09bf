import { Readable } from "node:stream";
import { MAX_RESUME_BYTES } from "@hireloop/resume-core";
import busboy from "busboy";

/** A file of a multipart body: its bytes in one buffer, as the client named and typed it. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, UploadedFile>;
}

/** Why a multipart body was not read. */
export type MultipartRefusal =
  | { code: "invalid_multipart"; message: string }
  | { code: "resume_too_large"; message: string };

/** The API takes one file per request (a resume) and a few small fields. */
const LIMITS = { files: 1, fields: 20, parts: 21, fieldSize: 64 * 1024, fieldNameSize: 200 };

/**
 * Reads a multipart/form-data body as it streams (busboy), keeping each file as one buffer. Reading
 * the whole body first and parsing it after (what a FormData does) copies a 5 MB upload several
 * times over, and the garbage of every upload then costs every other request a full collection.
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
): Promise<MultipartForm | MultipartRefusal> {
  if (!body) return { code: "invalid_multipart", message: "the multipart body is empty" };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // One byte past the limit, so a file of exactly the limit is taken and a larger one is caught.
      limits: { ...LIMITS, fileSize: MAX_RESUME_BYTES + 1 },
      defParamCharset: "utf8",
    });
  } catch (error) {
    return {
      code: "invalid_multipart",
      message: `the multipart body cannot be read: ${(error as Error).message}`,
    };
  }
  return new Promise((resolve) => {
    const form: MultipartForm = { fields: new Map(), files: new Map() };
    let refusal: MultipartRefusal | undefined;
    const refuse = (found: MultipartRefusal) => {
      refusal ??= found;
    };
    // A part may come without a name (busboy gives undefined for `name=""`): it is kept as "".
    parser.on("field", (name = "", value, info) => {
      if (info.nameTruncated || info.valueTruncated) {
        refuse({ code: "invalid_multipart", message: `the field ${name.slice(0, 40)} is too long` });
      } else form.fields.set(name, value);
    });
    parser.on("file", (name = "", stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () =>
        refuse({
          code: "resume_too_large",
          message: `the resume is larger than ${MAX_RESUME_BYTES / 1024 / 1024} MB`,
        }),
      );
      stream.on("end", () => {
        form.files.set(name, {
          filename: info.filename ?? "",
          contentType: info.mimeType,
          bytes: Buffer.concat(chunks),
        });
      });
    });
    for (const limit of ["filesLimit", "fieldsLimit", "partsLimit"] as const) {
      parser.on(limit, () =>
        refuse({ code: "invalid_multipart", message: "send one file and at most a few fields" }),
      );
    }
    parser.on("error", (error: Error) => {
      resolve(
        refusal ?? {
          code: "invalid_multipart",
          message: `the multipart body cannot be read: ${error.message}`,
        },
      );
    });
    parser.on("close", () => resolve(refusal ?? form));
    const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
    source.on("error", (error) =>
      resolve({ code: "invalid_multipart", message: `the multipart body broke off: ${error.message}` }),
    );
    source.pipe(parser);
  });
}
