/**
 * The notice 青国动〔2024〕10号 as data and rules: schemas, key dates, working days, input parsing,
 * the requirement catalog, evaluation, the annual planner, the audit and the exporter contract.
 * Pure functions over plain data: no file system, terminal or network here (ARCHITECTURE.md).
 *
 * The public surface is what an embedding developer uses (src/public-api.test.ts lists it); the
 * sample district is `@liujin/core/sample`, the exporter conformance suite `@liujin/core/testing`,
 * the division table `@liujin/core/divisions`.
 * @module @liujin/core
 */
export * from './model/index';
export * from './exporter';
export * from './dates/index';
export * from './io/index';
export * from './catalogs/index';
export * from './rules/index';
export * from './plan/index';
export * from './report/index';
export * from './files/index';
export * from './audit/index';
export * from './exporter-registry';
export * from './worklist/index';
