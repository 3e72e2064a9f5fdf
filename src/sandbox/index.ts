/** The ChatDash sandbox: a local, deterministic stand-in for ChatDash's analytics API. */
export { startSandbox, SANDBOX_API_KEY, type Sandbox, type SandboxOptions, type SandboxRequest } from './server.ts';
export { DEMO_PROJECTS, findDemoProject, type DemoProject } from './demo-projects.ts';
export type { Fault } from './faults.ts';
