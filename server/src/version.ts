// The version of the package, written into the bundles from package.json when they are built.
declare const CXENGAGE_VERSION: string | undefined;

/** `version` of package.json in a bundle; a placeholder in sources compiled for unit tests. */
export const serverVersion: string = typeof CXENGAGE_VERSION === 'string' ? CXENGAGE_VERSION : '0.0.0-dev';
