import { credentials, Metadata, makeGenericClientConstructor } from "@grpc/grpc-js";
import { service as healthService } from "grpc-health-check";

const HealthClient = makeGenericClientConstructor(healthService, "grpc.health.v1.Health");

/**
 * Asks a server the standard gRPC health question (grpc.health.v1.Health/Check) for a service
 * ("" = the server as a whole). Resolves "SERVING", "NOT_SERVING", … or rejects (unreachable, timeout).
 */
export function checkGrpcHealth(address: string, service = "", timeoutMs = 1_000): Promise<string> {
  const client = new HealthClient(address, credentials.createInsecure());
  const check = client.check?.bind(client);
  if (!check) throw new Error("the health service definition has no Check method");
  return new Promise<string>((resolve, reject) => {
    check(
      { service },
      new Metadata(),
      { deadline: Date.now() + timeoutMs },
      (error: Error | null, response: { status: string | number } | undefined) => {
        client.close();
        if (error) reject(error);
        else resolve(String(response?.status));
      },
    );
  });
}
