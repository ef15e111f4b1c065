/** Barrel of dates/: filled in as the module grows. */
export {};
