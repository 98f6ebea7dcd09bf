-- What matching reads of each resume, stored beside its parse (ADR 0043): scoring against a job
-- reads no text. Null for a resume stored before, which is read from `parsed` when matched.
ALTER TABLE "resumes" ADD COLUMN "match_profile" jsonb;
