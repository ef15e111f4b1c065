export { planYear, type PlanYearInput } from './plan-year';
