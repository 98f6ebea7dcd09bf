import { buildTable, createPlacementStore } from "@hireloop/placement";
import { type RegionOptions, startRegion, type TestRegion } from "./cells.ts";
import { createControlPlaneDatabase } from "./control-plane.ts";
import { type RouterProcess, startRouterProcess } from "./router-process.ts";

/** Real cells behind a real router process, placed by a real control plane: a region as callers see it. */
export interface RoutedRegion {
  region: TestRegion;
  router: RouterProcess;
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
    const router = await startRouterProcess({
      HL_REGION: regionName,
      HL_ROUTER_ID: `${regionName}-router-test`,
      HL_CONTROL_DATABASE_URL: controlPlane.url,
      HL_AUTH_JWKS_URL: region.jwksUrl,
      ...options.routerEnv,
    });
    return {
      region,
      router,
      async stop() {
        await router.stop("SIGTERM");
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
