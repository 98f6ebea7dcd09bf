/** The parts of the untyped npm package `consistent-hash` (1.2.x) that the comparison uses. */
declare module "consistent-hash" {
  export interface ConsistentHashOptions {
    range?: number;
    weight?: number;
    distribution?: "random" | "uniform";
    orderNodes?: (nodes: string[]) => string[];
  }
  class ConsistentHash {
    constructor(options?: ConsistentHashOptions);
    add(node: string, weight?: number, points?: number[]): this;
    get(name: string): string | null;
  }
  export = ConsistentHash;
}
