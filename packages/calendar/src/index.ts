/** Public API of this plugin: filled in by its issue (see README.md). */
export {};
