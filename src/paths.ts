import { fileURLToPath } from "node:url";

/** The package root, whether running from src/ (tests, tsx) or dist/ (installed). */
export const packageRoot = fileURLToPath(new URL("../", import.meta.url));

export const schemasDir = `${packageRoot}schemas/`;
export const dataDir = `${packageRoot}data/`;
export const templatesDir = `${packageRoot}templates/`;
