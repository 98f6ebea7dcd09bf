import { describeRouteSecurity, ownerJob } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/jobs/{id}", {
  intruder: "not_found",
  async call(owner) {
    const job = await ownerJob(owner);
    return { path: `/v1/jobs/${job.id}`, secrets: job.secrets };
  },
});
