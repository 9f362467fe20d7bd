/**
 * Writes the published JSON Schemas in `schemas/` from the TypeBox source (src/model/schema-source.ts)
 * and the form registry (data/forms.yaml). `npm run schemas` regenerates them; test/schemas.test.ts
 * fails when the committed files differ from what this script would write.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderSchemaFiles } from "./schema-files.js";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const [name, content] of renderSchemaFiles(root)) {
  writeFileSync(`${root}schemas/${name}`, content);
  console.log(`schemas/${name}`);
}
