/** Barrel of plan/: filled in as the module grows. */
export {};
