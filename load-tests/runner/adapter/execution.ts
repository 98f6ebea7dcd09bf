import { runtime, strictModule } from "./runtime.ts";

/** k6/execution: the parts scripts read (which user, which iteration) and the VU's settable tags. */
const execution = strictModule("k6/execution", {
  get scenario() {
    const { scenario, iterationInTest } = runtime();
    return { name: scenario, iterationInTest };
  },
  get vu() {
    const { vu, iterationInScenario, vuTags } = runtime();
    return {
      idInTest: vu,
      idInInstance: vu,
      iterationInScenario,
      iterationInInstance: iterationInScenario,
      tags: vuTags,
    };
  },
});

export default execution;
