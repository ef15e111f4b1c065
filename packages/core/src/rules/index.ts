export { FACTS, FACT_NAMES, type FactSpec } from './facts';
export { activityId } from './ids';
export { createEvaluator, type Evaluator, type EvaluatorOptions, type EvaluateUnitInput } from './evaluate';
export { compileCondition, type CompiledCondition, type Facts } from './compile';
export { OPERATORS } from './operators';
export { outsideYearVerdict, type OutsideYearVerdict } from './earlier';
export { acceptsEarlierYears, DEFAULT_LABEL } from './reasons';
