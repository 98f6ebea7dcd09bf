import { type CallSettings, callUnary, createGrpcClient } from "@hireloop/grpc";
import {
  AiOptimizerServiceClient,
  type AnalyzeJobRequest,
  type AnalyzeJobResponse,
  type ExplainMatchRequest,
  type ExplainMatchResponse,
  type RoastResumeRequest,
  type RoastResumeResponse,
  type TailorResumeRequest,
  type TailorResumeResponse,
} from "@hireloop/proto/ai";
import { retryPolicyOf } from "@hireloop/proto/retry-policy";

export interface AiOptimizerClient {
  analyzeJob(request: AnalyzeJobRequest, settings: CallSettings): Promise<AnalyzeJobResponse>;
  tailorResume(request: TailorResumeRequest, settings: CallSettings): Promise<TailorResumeResponse>;
  explainMatch(request: ExplainMatchRequest, settings: CallSettings): Promise<ExplainMatchResponse>;
  roastResume(request: RoastResumeRequest, settings: CallSettings): Promise<RoastResumeResponse>;
  close(): void;
}

/**
 * A typed client for cells. Every method is idempotent (answers are cached by input), so the
 * channel retries them on UNAVAILABLE; failures reject with the ServiceError (read it with
 * `failureOf` from @hireloop/grpc: `budget_exceeded` arrives as RESOURCE_EXHAUSTED).
 */
export function createAiOptimizerClient(address: string): AiOptimizerClient {
  const client = createGrpcClient(AiOptimizerServiceClient, address, {
    ...retryPolicyOf("hireloop.ai.v1.AiOptimizerService"),
  });
  return {
    analyzeJob: (request, settings) => callUnary(client.analyzeJob.bind(client), request, settings),
    tailorResume: (request, settings) => callUnary(client.tailorResume.bind(client), request, settings),
    explainMatch: (request, settings) => callUnary(client.explainMatch.bind(client), request, settings),
    roastResume: (request, settings) => callUnary(client.roastResume.bind(client), request, settings),
    close: () => client.close(),
  };
}
