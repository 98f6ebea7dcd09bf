import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger, createMetricsRegistry } from "@hireloop/observability";
import { toWireResume } from "@hireloop/proto/convert";
import type { Resume } from "@hireloop/proto/resume";
import { type ParsedResume, resumeToText } from "@hireloop/resume-core";
import type { Registry } from "prom-client";
import { startPdfService } from "../../src/app.ts";
import { createPdfClient, type PdfClient } from "../../src/client.ts";
import { loadConfig } from "../../src/config.ts";

export interface TestService {
  client: PdfClient;
  address: string;
  registry: Registry;
  stop(): Promise<void>;
}

/** The real service on free ports (real handlers, real worker processes), and a real client. */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const config = loadConfig({
    HL_REGION: "test",
    HL_GRPC_PORT: "0",
    HL_METRICS_PORT: "0",
    HL_SHUTDOWN_GRACE_MS: "500",
    ...env,
  });
  const registry = createMetricsRegistry({ service: "pdf-test" });
  const service = await startPdfService(
    config,
    createLogger({ service: "pdf-test", level: "silent" }),
    registry,
  );
  const address = `127.0.0.1:${service.grpcPort}`;
  const client = createPdfClient(address);
  return {
    client,
    address,
    registry,
    async stop() {
      client.close();
      await service.stop();
    },
  };
}

/** resume-core's committed upload fixtures (see packages/resume-core/test/fixtures/files/generate.ts). */
export function uploadFixture(name: string): Buffer {
  return readFileSync(
    join(import.meta.dirname, "../../../../packages/resume-core/test/fixtures/files", name),
  );
}

export function sampleResume(name = "Zoë Ångström"): ParsedResume {
  const resume: ParsedResume = {
    contact: { name, email: "zoe@example.com", phone: "+46 70 555 0101", location: "Uppsala", links: [] },
    summary: "Backend engineer with eight years of payments and data platform work.",
    skills: ["TypeScript", "PostgreSQL", "Kafka", "Kubernetes"],
    experience: [
      {
        title: "Senior Software Engineer",
        company: "Klarnet AB",
        startDate: "Mar 2019",
        endDate: "Present",
        location: "Stockholm",
        bullets: ["Cut settlement latency by 40% by moving batch jobs to Kafka streams.", "Led a team of 5."],
      },
    ],
    education: [
      { institution: "Uppsala University", degree: "MSc Computer Science", endDate: "2016", details: [] },
    ],
    otherSections: { Languages: ["Swedish (native)", "English (fluent)"] },
    text: "",
  };
  return { ...resume, text: resumeToText(resume) };
}

export function sampleResumeProto(name?: string): Resume {
  return toWireResume(sampleResume(name));
}

export const settings = (deadlineMs = 15_000) => ({ deadlineMs });
