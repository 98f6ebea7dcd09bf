import { describeRouteSecurity, ownerJob } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/jobs", {
  intruder: "own",
  async call(owner) {
    const job = await ownerJob(owner);
    return { path: "/v1/jobs", secrets: job.secrets };
  },
});
