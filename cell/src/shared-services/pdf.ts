import { fromWireResume, fromWireUploadKind, toWireFormat, toWireResume } from "@hireloop/proto/convert";
import type { DocumentFormat, ParsedResume, UploadKind } from "@hireloop/resume-core";
import { type Channels, call } from "./channels.ts";

/** A resume as a document, rendered by the region's pdf service. */
export async function renderDocument(
  channels: Channels,
  resume: ParsedResume,
  format: DocumentFormat,
  template: string,
  options: { noLongerThan?: ParsedResume; signal?: AbortSignal | undefined } = {},
): Promise<{ document: Buffer; contentType: string; template: string }> {
  const { pdf } = channels;
  const { noLongerThan, signal } = options;
  const request = {
    resume: toWireResume(resume),
    format: toWireFormat(format),
    template,
    ...(noLongerThan && { noLongerThan: toWireResume(noLongerThan) }),
  };
  const response = await call(pdf, (settings) => pdf.client.render(request, settings), signal);
  return {
    document: Buffer.from(response.document),
    contentType: response.contentType,
    template: response.template,
  };
}

/** An uploaded file parsed, in isolation, by the region's pdf service. */
export async function parseDocument(
  channels: Channels,
  file: Uint8Array,
  hint: { filename?: string | undefined; contentType?: string | undefined },
  signal?: AbortSignal,
): Promise<{ resume: ParsedResume; kind: UploadKind }> {
  const { pdf } = channels;
  const request = {
    // A view of the bytes, not a copy: a 5 MB upload is copied enough on its way as it is.
    file: Buffer.from(file.buffer, file.byteOffset, file.byteLength),
    filename: hint.filename ?? "",
    contentType: hint.contentType ?? "",
  };
  const response = await call(pdf, (settings) => pdf.client.parse(request, settings), signal);
  const kind = fromWireUploadKind(response.kind);
  if (!kind) throw new Error(`the pdf service answered an unknown upload kind ${response.kind}`);
  return { resume: fromWireResume(response.resume), kind };
}
