export { FACTS, FACT_NAMES, describeFact, type FactSpec } from './facts';
export { activityId, contentHash } from './ids';
export { scheduleRequirement, type Occasion, type Schedule } from './schedule';
export { createEvaluator, type Evaluator, type EvaluatorOptions, type EvaluateUnitInput } from './evaluate';
export { compileCondition, type CompiledCondition, type Facts } from './compile';
export { outsideYearVerdict, type OutsideYearVerdict } from './earlier';
export { acceptsEarlierYears, DEFAULT_LABEL } from './reasons';
