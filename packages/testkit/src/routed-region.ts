import { buildTable, createPlacementStore } from "@hireloop/placement";
import { createControlPlaneDatabase } from "./control-plane.ts";
import { type RegionOptions, startRegion, type TestRegion } from "./regions.ts";
import { type RouterProcess, startRouterProcess } from "./router-process.ts";

/** Real cells behind a real router process, placed by a real control plane: a region as callers see it. */
export interface RoutedRegion {
  region: TestRegion;
  router: RouterProcess;
  /** Another router of the same region (same control plane and keys), configured with `env` too. */
  startRouter(env: Record<string, string>): Promise<RouterProcess>;
  stop(): Promise<void>;
}

export async function startRoutedRegion(
  cellCount: number,
  options: { routerEnv?: Record<string, string>; region?: RegionOptions } = {},
): Promise<RoutedRegion> {
  const region = await startRegion(cellCount, options.region);
  const controlPlane = await createControlPlaneDatabase();
  try {
    const store = createPlacementStore(controlPlane.sql);
    for (const cell of region.cells) await store.upsertCell(cell.record);
    const regionName = options.region?.region ?? "us-east";
    await store.saveTable(buildTable({ region: regionName, cells: region.cells.map((cell) => cell.record) }));
    const routerEnv = {
      HL_REGION: regionName,
      HL_CONTROL_DATABASE_URL: controlPlane.url,
      HL_AUTH_JWKS_URL: region.jwksUrl,
    };
    const routers: RouterProcess[] = [];
    const startRouter = async (env: Record<string, string>) => {
      const id = `${regionName}-router-test-${routers.length + 1}`;
      const started = await startRouterProcess({ ...routerEnv, HL_ROUTER_ID: id, ...env });
      routers.push(started);
      return started;
    };
    const router = await startRouter(options.routerEnv ?? {});
    return {
      region,
      router,
      startRouter,
      async stop() {
        await Promise.all(routers.map((started) => started.stop("SIGTERM")));
        await region.stop();
        await controlPlane.drop();
      },
    };
  } catch (error) {
    await region.stop();
    await controlPlane.drop();
    throw error;
  }
}
