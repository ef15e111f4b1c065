/** Barrel of sample/: filled in as the module grows. */
export {};
