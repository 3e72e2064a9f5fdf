/** The ChatDash sandbox: a local, deterministic stand-in for ChatDash's analytics API. */

export { DEMO_FAULTS, DEMO_PROJECTS, type DemoProject, findDemoProject } from './demo-projects.ts';
export type { Fault } from './faults.ts';
export type { SandboxIncident } from './incidents.ts';
export { SANDBOX_API_KEY, type Sandbox, type SandboxOptions, type SandboxRequest, startSandbox } from './server.ts';
export { type SyntheticOptions, syntheticProjectId, syntheticProjects } from './synthetic.ts';
