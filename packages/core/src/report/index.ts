export { renderPlanMarkdown, describeDue } from './plan-markdown';
export { neutraliseControls, hasControls, markdownText } from './safe-text';
