/**
 * The notice 青国动〔2024〕10号 as data and rules: schemas, key dates, working days, input parsing,
 * the requirement catalog, evaluation, the annual planner and the exporter contract. Pure functions
 * over plain data: no file system, terminal or network here (ARCHITECTURE.md).
 * @module @liujin/core
 */
export * from './model/index';
export * from './exporter';
export * from './dates/index';
export * from './io/index';
export * from './catalogs/index';
export * from './rules/index';
export * from './plan/index';
export * from './sample/index';
export * from './report/index';
export * from './audit/index';
