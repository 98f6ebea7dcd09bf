/**
 * The methods a client may send again when a service is unavailable: exactly those the contracts
 * declare free of side effects or idempotent (`option idempotency_level`). Kept beside the .proto
 * files and checked against them (proto/test/contracts.test.ts), so a method whose contract changes
 * cannot keep being retried.
 */
const RETRYABLE_METHODS = {
  "hireloop.pdf.v1.PdfService": ["Render", "Parse", "ListTemplates"],
  "hireloop.ai.v1.AiOptimizerService": ["AnalyzeJob", "TailorResume", "ExplainMatch", "RoastResume"],
  "hireloop.scraper.v1.ScraperService": ["SearchPostings", "ListBoards"],
} as const satisfies Record<string, readonly string[]>;

export type ContractService = keyof typeof RETRYABLE_METHODS;

/** What a gRPC channel to `service` needs to retry safely: its name and its retryable methods. */
export function retryPolicyOf(service: ContractService): { service: string; retryableMethods: string[] } {
  return { service, retryableMethods: [...RETRYABLE_METHODS[service]] };
}

/** Every service with its retryable methods, for the check against the contracts. */
export function retryPolicies(): Record<string, readonly string[]> {
  return RETRYABLE_METHODS;
}
