#!/usr/bin/env node
// Precompiles the published form schemas into dist/schema/validators.cjs (ajv standalone code), and the
// config file's schema into dist/config/config-validator.cjs, so that `vtvl lint` does not spend its start-up
// compiling them. Runs after tsc in `npm run build`, with the same
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

// The config file's schema the same way (dist/config/config-validator.cjs), with the configuration
// src/config/load.ts compiles it with at run time.
const { createConfigAjv, loadConfigSchema } = await import("../dist/config/load.js");
const configAjv = createConfigAjv({ source: true });
configAjv.addSchema(loadConfigSchema());
const configTarget = fileURLToPath(new URL("../dist/config/config-validator.cjs", import.meta.url));
writeFileSync(`${configTarget}.tmp`, standaloneCode(configAjv));
renameSync(`${configTarget}.tmp`, configTarget);
