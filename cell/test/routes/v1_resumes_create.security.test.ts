import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";

import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("POST /v1/resumes", {
  intruder: "own",
  async call(owner) {
    const resume = await ownerResume(owner);
    return { path: "/v1/resumes", init: json({ text: textFixture("resume.txt") }), secrets: [resume.id] };
  },
});
