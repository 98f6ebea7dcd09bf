import type { CallContext, Handlers } from "@hireloop/grpc";
import { fromWireFormat, fromWireResume, toWireResume, toWireUploadKind } from "@hireloop/proto/convert";
import type { PdfServiceServer } from "@hireloop/proto/pdf";
import {
  DEFAULT_TEMPLATE,
  isTemplateName,
  renderResume,
  TEMPLATE_DESCRIPTIONS,
  type TemplateName,
} from "@hireloop/resume-core/render";
import { pdfFailure, toPdfFailure } from "./errors.ts";
import type { PdfMetrics } from "./metrics.ts";
import type { ParsePool } from "./parse-pool.ts";

export const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/**
 * Rendering runs on the service's own thread (input is structured data we lay out, ~10-50 ms), so
 * its size is capped: a resume is a few thousand characters, this is a hundred pages of them.
 */
export const MAX_RENDER_CHARS = 300_000;

export interface PdfServiceDependencies {
  pool: ParsePool;
  metrics: PdfMetrics;
}

export function createPdfHandlers({ pool, metrics }: PdfServiceDependencies): Handlers<PdfServiceServer> {
  const handlers: Handlers<PdfServiceServer> = {
    async render(request) {
      const format = fromWireFormat(request.format);
      const template = request.template === "" ? DEFAULT_TEMPLATE : request.template;
      const count = (outcome: string) =>
        metrics.renders.inc({ format: format ?? "unknown", template, outcome });
      try {
        if (request.resume === undefined) throw pdfFailure("invalid_request", "resume is required");
        if (format === undefined) throw pdfFailure("invalid_request", "format must be PDF or DOCX");
        if (!isTemplateName(template)) {
          throw pdfFailure("unknown_template", `No template named "${template}"; ListTemplates names them`);
        }
        const resume = fromWireResume(request.resume);
        const source = request.noLongerThan && fromWireResume(request.noLongerThan);
        for (const given of [resume, source]) {
          if (given && JSON.stringify(given).length > MAX_RENDER_CHARS) {
            throw pdfFailure("resume_too_large", `The resume holds more than ${MAX_RENDER_CHARS} characters`);
          }
        }
        const document = await renderResume(resume, format, {
          template,
          ...(source && { noLongerThan: source }),
        });
        count("ok");
        return { document: Buffer.from(document), contentType: CONTENT_TYPES[format], template };
      } catch (error) {
        count(outcomeOf(error));
        throw error;
      }
    },

    async parse(request, call) {
      const stopTimer = metrics.parseSeconds.startTimer();
      const outcome = await pool.parse(
        { bytes: request.file, filename: request.filename, contentType: request.contentType },
        call.signal,
      );
      const label = outcome.ok ? "ok" : outcome.code;
      stopTimer({ outcome: label });
      metrics.parses.inc({ kind: outcome.ok ? outcome.file.kind : "unknown", outcome: label });
      if (!outcome.ok) {
        call.logger.info({ code: outcome.code, detail: outcome.message }, "upload refused");
        throw pdfFailure(outcome.code, outcome.message);
      }
      return { kind: toWireUploadKind(outcome.file.kind), resume: toWireResume(outcome.file.resume) };
    },

    async listTemplates() {
      const names = Object.keys(TEMPLATE_DESCRIPTIONS) as TemplateName[];
      return {
        templates: names.map((name) => ({ name, description: TEMPLATE_DESCRIPTIONS[name] })),
        defaultTemplate: DEFAULT_TEMPLATE,
      };
    },
  };
  return mapFailures(handlers);
}

/** Every handler's errors go through the one mapping in errors.ts. */
function mapFailures(handlers: Handlers<PdfServiceServer>): Handlers<PdfServiceServer> {
  const wrap =
    <Req, Res>(handler: (request: Req, call: CallContext) => Promise<Res>) =>
    (request: Req, call: CallContext) =>
      handler(request, call).catch((error: unknown) => {
        throw toPdfFailure(error);
      });
  return {
    render: wrap(handlers.render),
    parse: wrap(handlers.parse),
    listTemplates: wrap(handlers.listTemplates),
  };
}

function outcomeOf(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : "internal_error";
}
