/** Barrel of io/: filled in as the module grows. */
export {};
