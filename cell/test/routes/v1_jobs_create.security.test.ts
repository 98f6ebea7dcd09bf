import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";

import { describeRouteSecurity, ownerJob } from "../support/route-security.ts";

describeRouteSecurity("POST /v1/jobs", {
  intruder: "own",
  async call(owner) {
    const job = await ownerJob(owner);
    return { path: "/v1/jobs", init: json({ text: textFixture("job-backend.txt") }), secrets: job.secrets };
  },
});
