import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/me", {
  intruder: "own",
  async call(owner, ownerId) {
    const resume = await ownerResume(owner);
    return { path: "/v1/me", secrets: [ownerId, ...resume.secrets] };
  },
});
