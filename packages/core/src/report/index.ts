export { renderPlanMarkdown, describeDue } from './plan-markdown';
