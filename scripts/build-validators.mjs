#!/usr/bin/env node
// Precompiles the published form schemas into dist/schema/validators.cjs (ajv standalone code), so that
// `vtvl lint` does not spend its start-up compiling them. Runs after tsc in `npm run build`, with the same
// ajv configuration as run-time compilation (dist/schema/validator.js createSchemaAjv).
import { writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import standalone from "ajv/dist/standalone/index.js";
import { createSchemaAjv } from "../dist/schema/validator.js";

const standaloneCode = standalone.default ?? standalone;
const target = fileURLToPath(new URL("../dist/schema/validators.cjs", import.meta.url));
const code = standaloneCode(createSchemaAjv({ source: true }));
writeFileSync(`${target}.tmp`, code);
renameSync(`${target}.tmp`, target);
