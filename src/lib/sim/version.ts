/** The model's version: bump the minor for new mechanisms, the major when results change meaning. */
export const MODEL_VERSION = '2.2.0';
/** The scenario schema's version: bump when a field is added, renamed or removed. */
export const SCHEMA_VERSION = 2;
