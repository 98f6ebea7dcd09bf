#!/usr/bin/env node
// The operator CLI runs from TypeScript source through tsx, like every Hireloop process.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
