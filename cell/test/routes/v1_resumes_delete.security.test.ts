import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("DELETE /v1/resumes/{id}", {
  intruder: "not_found",
  async call(owner) {
    const resume = await ownerResume(owner);
    return { path: `/v1/resumes/${resume.id}`, secrets: resume.secrets };
  },
});
