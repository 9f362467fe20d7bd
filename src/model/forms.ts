/** The registry of form families (data/forms.yaml), read once. */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { dataDir } from "../paths.js";
import type { CompetencyGroupId, FormId, RegimeId } from "./types.js";

export interface FormEntry {
  id: FormId;
  title: string;
  description: string;
  regime: RegimeId;
  instrument: string;
  issued?: string;
  effective?: string;
  year?: number;
  requiredSections: string[];
  competencyGroups?: Partial<Record<CompetencyGroupId, number>>;
}

let cache: FormEntry[] | undefined;

export function listForms(): FormEntry[] {
  cache ??= yaml.load(readFileSync(`${dataDir}forms.yaml`, "utf8"), {
    schema: yaml.CORE_SCHEMA,
  }) as FormEntry[];
  return cache;
}

export function findForm(id: unknown): FormEntry | undefined {
  return listForms().find((form) => form.id === id);
}
