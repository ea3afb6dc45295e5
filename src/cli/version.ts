/** The packs version; a test keeps it equal to package.json's. */
export const PACKS_VERSION = "0.1.0";
