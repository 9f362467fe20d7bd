/** Competency names: cleaning the printed forms and finding them in a form's catalogue. */
import type { CompetencyGroupId, FormId } from "../../model/types.js";
import { competencyData } from "../data.js";

/** The name without list marks and trailing punctuation, spaces collapsed, NFC (GUIDE.md §d.5). */
export function cleanCompetencyName(name: string): string {
  return name
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/ ([,;.])/g, "$1")
    .trim()
    .replace(/^[•\-–—+*]\s*/u, "")
    .replace(/\s*[.;,]+$/u, "")
    .trim();
}

export function competencyKey(name: string): string {
  return cleanCompetencyName(name).toLocaleLowerCase("vi");
}

export interface CatalogueMatch {
  /** The catalogue name the written name stands for. */
  name: string;
  group: CompetencyGroupId;
  viaAlias: boolean;
}

/** The catalogue entry a written name stands for in a form, exactly or through an alias. */
export function matchCompetency(form: FormId, name: string): CatalogueMatch | undefined {
  const catalogue = competencyData().catalogues[form];
  if (!catalogue) return undefined;
  const key = competencyKey(name);
  const find = (wanted: string, viaAlias: boolean): CatalogueMatch | undefined => {
    for (const [group, names] of Object.entries(catalogue.groups) as Array<[CompetencyGroupId, string[]]>) {
      const hit = names.find((candidate) => competencyKey(candidate) === wanted);
      if (hit) return { name: hit, group, viaAlias };
    }
    return undefined;
  };
  const exact = find(key, false);
  if (exact) return exact;
  const alias = competencyData().aliases.find((entry) => competencyKey(entry.alias) === key);
  return alias ? find(competencyKey(alias.name), true) : undefined;
}

/** The catalogue name of a written name in any form's catalogue, for forms without their own. */
export function canonicalName(form: FormId, name: string): string {
  return matchCompetency(form, name)?.name ?? cleanCompetencyName(name);
}
