/** The agent page's sections (shared by the server page, which reads ?tab=, and the client tabs). */
export const AGENT_TABS = [
  { id: 'configuration', label: 'Configuration' },
  { id: 'versions', label: 'Versions' },
  { id: 'playground', label: 'Playground' },
  { id: 'evaluations', label: 'Evaluations' },
  { id: 'promotion', label: 'Promotion' },
] as const;
export type TAgentTab = (typeof AGENT_TABS)[number]['id'];
