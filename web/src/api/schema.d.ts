/**
 * The API's types, generated from its OpenAPI document by `npm run api-types -w @hireloop/web`
 * (with the local platform up). Do not edit: a test compares this file with the running API's.
 */

export interface paths {
    "/v1/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your home region: where your data lives (answered by any region's router) */
        get: operations["getHome"];
        /** Choose your home region before your first write (data residency); chosen once */
        put: operations["chooseHome"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who you are here: your user id, the cell and region serving you, and since when */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resumes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your resumes, newest first, a page at a time */
        get: operations["listResumes"];
        put?: never;
        /**
         * Upload a resume (PDF, DOCX or plain text, at most 5 MB) and parse it into sections
         * @description Send multipart/form-data with a `file` field, or JSON `{"text": …}`. A file that cannot be read is refused with 422 and a specific code (resume_empty, resume_unreadable, resume_truncated, resume_no_text_layer, resume_encrypted, resume_unsupported_type); nothing is stored for a refused upload.
         */
        post: operations["createResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resumes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resume and its parsed sections */
        get: operations["getResume"];
        put?: never;
        post?: never;
        /** Delete a resume with its roasts and tailored documents */
        delete: operations["deleteResume"];
        options?: never;
        head?: never;
        /** Correct what was parsed: each field given replaces that field; roasts and scores made before are marked stale */
        patch: operations["correctResume"];
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your jobs, best match first (discovered ones carry their posting and score) */
        get: operations["listJobs"];
        put?: never;
        /** Post a job description and get its analysis */
        post: operations["createJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job and its analysis */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/discoveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find jobs: search the job boards, analyze each posting and score it against your resume
         * @description Returns 202 with the workflow id; follow its progress, then `GET /v1/jobs?discoveryId=…` lists what it found, best match first. Scores use `resumeId`, or your latest resume.
         */
        post: operations["createDiscovery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/discoveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a discovery searched, how many postings it found and what each board answered */
        get: operations["getDiscovery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roast a resume: candid feedback, gentle, honest or savage
         * @description Returns 202 with the workflow id; on success its resultId is the roast (`GET /v1/roasts/{id}`). `mode` picks the rule-only fast roast (`rules`), a language model (`model`, within your daily budget) or lets Hireloop decide (`auto`).
         */
        post: operations["createRoast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roasts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A finished roast */
        get: operations["getRoast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score a resume against a job (ATS match 0–100 with breakdown and suggestions) */
        post: operations["scoreMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tailorings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start tailoring a resume to a job; follow the returned workflow
         * @description Returns 202 with the workflow id. With an `Idempotency-Key` header, repeating the request returns the same workflow; reusing the key for a different request is refused (422 idempotency_key_reused).
         */
        post: operations["createTailoring"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tailorings/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the tailored resume (PDF or DOCX) */
        get: operations["getTailoringDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tailorings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A finished tailoring: what it changed, before and after, and why, with the scores */
        get: operations["getTailoring"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workflow's status, progress (0–100) and steps; on success the tailoringId */
        get: operations["getWorkflow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a workflow's progress as server-sent events
         * @description Each `progress` event carries the workflow (as GET /v1/workflows/{id}) whenever it changes; after the final status (succeeded, failed or cancelled) an `end` event closes the stream. A stream on which nothing changed for a while, or that stayed open for its longest time, is closed with a `close` event saying why: reconnect, or poll GET /v1/workflows/{id}. Comment lines (`: ping`) keep a quiet stream alive. A user may follow a few streams at once (429 too_many_streams beyond); a cell serves a bounded number (503 stream_capacity beyond).
         */
        get: operations["followWorkflowEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a workflow that has not finished */
        post: operations["cancelWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Home: {
            /** @example eu-central */
            homeRegion: string;
            /** @description Personal data never leaves the home region */
            resident: boolean;
            /** @description The cell holding your data, once known */
            cell: string | null;
            /** @description The region whose router answered */
            answeredBy: string;
        };
        Error: {
            /** @example resume_unreadable */
            code: string;
            message: string;
            requestId: string | null;
            details?: unknown;
        };
        Tenant: {
            userId: string;
            cell: string;
            region: string;
            /**
             * Format: date-time
             * @description When your first write made you a tenant of this cell; null if you have no data here
             */
            registeredAt: string | null;
        };
        Resume: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "pdf" | "docx" | "text";
            filename: string | null;
            sizeBytes: number;
            /** @description 1 as parsed; each correction adds one (the ETag) */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            sections: {
                contact: {
                    name: string;
                    /** @description The line under the name, when there is one */
                    headline?: string;
                    email?: string;
                    phone?: string;
                    location?: string;
                    links: string[];
                };
                summary: string;
                skills: string[];
                experience: {
                    title: string;
                    company: string;
                    /**
                     * @description Absent for work; volunteer and campus roles say so
                     * @enum {string}
                     */
                    kind?: "volunteer" | "campus";
                    startDate?: string;
                    endDate?: string;
                    location?: string;
                    bullets: string[];
                }[];
                education: {
                    institution: string;
                    degree?: string;
                    startDate?: string;
                    endDate?: string;
                    details: string[];
                }[];
                otherSections: {
                    [key: string]: string[];
                };
            };
        };
        ResumeList: {
            resumes: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "pdf" | "docx" | "text";
                filename: string | null;
                sizeBytes: number;
                /** @description 1 as parsed; each correction adds one (the ETag) */
                version: number;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                /** @description The name the resume gives */
                name: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Job: {
            /** Format: uuid */
            id: string;
            title: string;
            analysis: components["schemas"]["JobAnalysis"];
            /** @enum {string} */
            source: "manual" | "discovery";
            posting: components["schemas"]["Posting"];
            /** @description 0–100 against your resume, for discovered jobs (see matchedResumeId) */
            matchScore: number | null;
            /** Format: uuid */
            matchedResumeId: string | null;
            /** @description The matched resume was corrected after the score was taken: score again */
            matchStale: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        JobAnalysis: {
            title: string;
            /** @enum {string} */
            seniority: "intern" | "junior" | "mid" | "senior" | "lead" | "principal" | "executive" | "unspecified";
            requiredSkills: string[];
            niceToHaveSkills: string[];
            yearsOfExperience: number | null;
            responsibilities: string[];
            keywords: string[];
        };
        /** @description Where a discovered job was posted */
        Posting: {
            board: string;
            url: string;
            company: string;
            location: string;
            remote: boolean;
            postedAt: string | null;
            tags: string[];
            contentHash: string;
        } | null;
        JobList: {
            jobs: components["schemas"]["Job"][];
            total: number;
        };
        Discovery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            workflowId: string;
            query: string;
            location: string | null;
            /** Format: uuid */
            resumeId: string | null;
            found: number;
            boards: {
                board: string;
                status: string;
                postings: number;
                detail: string;
            }[];
            /** Format: date-time */
            createdAt: string;
        };
        Roast: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            resumeId: string;
            /** @enum {string} */
            style: "gentle" | "honest" | "savage";
            headline: string;
            points: {
                section: string;
                remark: string;
                fix: string;
                /** @description The bullets it is about, when it is about bullets */
                bullets: components["schemas"]["BulletRef"][];
            }[];
            /** @description 0–10, higher is better */
            score: number;
            /** @description "rules" or the language model provider */
            provider: string | null;
            /** @description The resume was corrected after this roast read it */
            stale: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        BulletRef: {
            /** @description Index of the role in the resume's experience */
            role: number;
            /** @description Index of the bullet in that role */
            index: number;
            text: string;
        };
        Match: {
            /** Format: uuid */
            resumeId: string;
            /** Format: uuid */
            jobId: string;
            score: number;
            /** @description score = round(0.25·keywordCoverage + 0.2·skillsCoverage + 0.15·roleFit + 0.25·fieldFit + 0.1·experienceFit + 0.05·sectionCompleteness) */
            breakdown: {
                /** @description 0–100: share of the job's keywords the resume shows; weight 0.25 */
                keywordCoverage: number;
                /** @description 0–100: required skills count double; weight 0.2 */
                skillsCoverage: number;
                /** @description 0–100: how closely the resume's titles name the job's role, as far as its skills lie in the job's field; weight 0.15 */
                roleFit: number;
                /** @description 0–100: how much the resume's skills lie in the job's field; weight 0.25 */
                fieldFit: number;
                /** @description 0–100, weight 0.05 */
                sectionCompleteness: number;
                /** @description 0–100: how much of the experience the job asks for (its stated years, else its level's) the resume's dates prove; weight 0.1 */
                experienceFit: number;
            };
            matchedKeywords: string[];
            missingKeywords: string[];
            suggestions: components["schemas"]["Suggestion"][];
        };
        Suggestion: {
            /** @description What to do, in a sentence */
            text: string;
            /** @description Why it matters for this job */
            reason: string;
            /** @enum {string} */
            section: "contact" | "summary" | "skills" | "experience" | "education";
            bullet?: components["schemas"]["BulletRef"] & unknown;
        };
        Tailoring: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            resumeId: string;
            /** Format: uuid */
            jobId: string;
            /** @enum {string} */
            format: "pdf" | "docx";
            filename: string;
            /** @description Match score of the resume before tailoring, 0–100 */
            scoreBefore: number;
            /** @description Match score of the tailored resume, 0–100 */
            scoreAfter: number;
            emphasizedSkills: string[];
            /** @description What changed, one line each */
            changes: string[];
            /** @description Every part that changed, before and after; nothing is added to the resume */
            edits: {
                /** @enum {string} */
                section: "summary" | "skills" | "experience";
                /** @description The role whose bullets changed (0-based) */
                role?: number;
                before: string;
                after: string;
                /** @description Why, for this job */
                reason: string;
            }[];
            /** @description Where to download the document */
            documentUrl: string;
            /** Format: date-time */
            createdAt: string;
        };
        Workflow: {
            /** Format: uuid */
            id: string;
            kind: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            progress: number;
            steps: {
                name: string;
                status: string;
                attempts: number;
                usedFallback: boolean;
                error: string | null;
            }[];
            /** Format: uuid */
            tailoringId: string | null;
            /**
             * Format: uuid
             * @description On success: the tailoringId, discoveryId or roastId, by kind
             */
            resultId: string | null;
            error: {
                code: string;
                message: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description Any JSON value whose strings and keys hold no NUL (and, like every string, no unpaired surrogate) */
        StorableJson: string | (number | boolean | null) | components["schemas"]["StorableJson"][] | {
            [key: string]: components["schemas"]["StorableJson"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHome: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your home region */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Home"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chooseHome: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example eu-central */
                    region: string;
                    /** @default false */
                    resident?: boolean;
                };
            };
        };
        responses: {
            /** @description Your home region */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Home"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listResumes: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The nextCursor of the page before; omit for the first page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of resumes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumeList"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createResume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF, DOCX or plain text
                     */
                    file: string;
                };
                "application/json": {
                    /** @description The resume as plain text: what a resume holds fits easily */
                    text: string;
                };
            };
        };
        responses: {
            /** @description Parsed and stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resume"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resume */
            200: {
                headers: {
                    /** @description The resume's version, quoted ("3"): send it back as If-Match when correcting */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resume"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    correctResume: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you corrected ("3"); refused with 412 if it changed */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contact?: {
                        name: string;
                        headline?: string;
                        email?: string;
                        phone?: string;
                        location?: string;
                        links: string[];
                    };
                    summary?: string;
                    skills?: string[];
                    experience?: {
                        title: string;
                        company: string;
                        /** @enum {string} */
                        kind?: "volunteer" | "campus";
                        startDate?: string;
                        endDate?: string;
                        location?: string;
                        bullets: string[];
                    }[];
                    education?: {
                        institution: string;
                        degree?: string;
                        startDate?: string;
                        endDate?: string;
                        details: string[];
                    }[];
                    otherSections?: {
                        [key: string]: string[];
                    };
                };
            };
        };
        responses: {
            /** @description The corrected resume, one version on */
            200: {
                headers: {
                    /** @description The resume's version, quoted ("3"): send it back as If-Match when correcting */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resume"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a version that is not the resource's current one (version_mismatch): read it again */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                discoveryId?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobList"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /** @description The job description as posted */
                    text: string;
                };
            };
        };
        responses: {
            /** @description Analyzed and stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDiscovery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The same key returns the same workflow; reusing it for a different request is refused (422 idempotency_key_reused) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example backend engineer */
                    query: string;
                    /** @example remote */
                    location?: string;
                    /** @description Board names; the defaults when absent */
                    boards?: ("feed" | "remotive" | "arbeitnow")[];
                    /** Format: uuid */
                    resumeId?: string;
                };
            };
        };
        responses: {
            /** @description Accepted: follow the workflow (GET /v1/workflows/{id} or its /events stream) */
            202: {
                headers: {
                    /** @description The workflow */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        workflowId: string;
                        created: boolean;
                    };
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDiscovery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The discovery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Discovery"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRoast: {
        parameters: {
            query?: never;
            header?: {
                /** @description The same key returns the same workflow; reusing it for a different request is refused (422 idempotency_key_reused) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    resumeId: string;
                    /**
                     * @default honest
                     * @enum {string}
                     */
                    style?: "gentle" | "honest" | "savage";
                    /**
                     * @default auto
                     * @enum {string}
                     */
                    mode?: "auto" | "rules" | "model";
                };
            };
        };
        responses: {
            /** @description Accepted: follow the workflow (GET /v1/workflows/{id} or its /events stream) */
            202: {
                headers: {
                    /** @description The workflow */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        workflowId: string;
                        created: boolean;
                    };
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRoast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roast"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    scoreMatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    resumeId: string;
                    /** Format: uuid */
                    jobId: string;
                };
            };
        };
        responses: {
            /** @description The match */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTailoring: {
        parameters: {
            query?: never;
            header?: {
                /** @description The same key returns the same workflow; reusing it for a different request is refused (422 idempotency_key_reused) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    resumeId: string;
                    /** Format: uuid */
                    jobId: string;
                    /**
                     * @default pdf
                     * @enum {string}
                     */
                    format?: "pdf" | "docx";
                };
            };
        };
        responses: {
            /** @description Accepted: follow the workflow (GET /v1/workflows/{id} or its /events stream) */
            202: {
                headers: {
                    /** @description The workflow */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        workflowId: string;
                        created: boolean;
                    };
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route takes (1 MB of JSON, a 5 MB file) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's media type is not one the route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTailoringDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTailoring: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tailoring */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tailoring"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    followWorkflowEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream: `progress`, then `end` or `close` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        /** @enum {string} */
                        event: "progress" | "end" | "close";
                        /** @description JSON: the Workflow (progress), {status} (end) or {reason: idle | time_limit | unavailable} (close) */
                        data: string;
                        /** @description The progress event's sequence number */
                        id?: string;
                    };
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or owned by another user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, tenant_migrating, … */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The cell did not answer in time (cell_timeout) */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
