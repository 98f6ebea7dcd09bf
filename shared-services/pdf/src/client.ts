import { type CallSettings, callUnary, createGrpcClient } from "@hireloop/grpc";
import {
  type ListTemplatesResponse,
  type ParseRequest,
  type ParseResponse,
  PdfServiceClient,
  type RenderRequest,
  type RenderResponse,
} from "@hireloop/proto/pdf";
import { retryPolicyOf } from "@hireloop/proto/retry-policy";

export type { CallSettings } from "@hireloop/grpc";

export interface PdfClient {
  render(request: RenderRequest, settings: CallSettings): Promise<RenderResponse>;
  parse(request: ParseRequest, settings: CallSettings): Promise<ParseResponse>;
  listTemplates(settings: CallSettings): Promise<ListTemplatesResponse>;
  close(): void;
}

/** Uploads and documents are up to 5 MB; leave room for the envelope. */
const MAX_RECEIVE_BYTES = 16 * 1024 * 1024;

/**
 * A typed client for the regional pdf service. Every call needs a deadline (settings.deadlineMs);
 * all three methods are pure, so the channel retries them on UNAVAILABLE. Failures reject with the
 * gRPC error: read `failureOf(error)` from @hireloop/grpc for its status and machine code.
 */
export function createPdfClient(address: string): PdfClient {
  const client = createGrpcClient(PdfServiceClient, address, {
    ...retryPolicyOf("hireloop.pdf.v1.PdfService"),
    maxReceiveBytes: MAX_RECEIVE_BYTES,
  });
  return {
    render: (request, settings) => callUnary(client.render.bind(client), request, settings),
    parse: (request, settings) => callUnary(client.parse.bind(client), request, settings),
    listTemplates: (settings) => callUnary(client.listTemplates.bind(client), {}, settings),
    close: () => client.close(),
  };
}
