import { InterceptingCall, type Interceptor, type StatusObject, status } from "@grpc/grpc-js";
import {
  contextWithSpan,
  injectTraceContext,
  SpanKind,
  SpanStatusCode,
  startDetachedSpan,
} from "@hireloop/observability";

/**
 * Every call a client makes as a CLIENT span named by its path (`PdfService/Render`), child of
 * the caller's active span, its context sent in the call's metadata for the server's span to
 * continue. The span ends with the call's final status, after the channel's own retries.
 */
export const clientSpanInterceptor: Interceptor = (options, nextCall) => {
  const path = options.method_definition.path;
  const span = startDetachedSpan(path.slice(path.lastIndexOf(".") + 1), {
    kind: SpanKind.CLIENT,
    attributes: { "rpc.system": "grpc", "rpc.method": path },
  });
  return new InterceptingCall(nextCall(options), {
    start(metadata, _listener, next) {
      for (const [key, value] of Object.entries(injectTraceContext(contextWithSpan(span)))) {
        metadata.set(key, value);
      }
      next(metadata, {
        onReceiveStatus(received: StatusObject, nextStatus) {
          span.setAttribute("rpc.grpc.status_code", received.code);
          if (received.code !== status.OK) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: received.details });
          }
          span.end();
          nextStatus(received);
        },
      });
    },
  });
};
