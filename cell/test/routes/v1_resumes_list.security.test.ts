import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/resumes", {
  intruder: "own",
  async call(owner) {
    const resume = await ownerResume(owner);
    return { path: "/v1/resumes", secrets: resume.secrets };
  },
});
