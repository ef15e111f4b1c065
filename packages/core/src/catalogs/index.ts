/** Barrel of catalogs/: filled in as the module grows. */
export {};
