/** Major version of the file format; bumped only for incompatible changes to the schemas. */
export const FORMAT_VERSION = 1;

/** Stable base of the schemas' `$id`s. Files resolve offline through the copies in `schemas/`. */
export const SCHEMA_BASE_URI = `https://vtvl.github.io/schemas/v${FORMAT_VERSION}/`;
