/** The ChatDash sandbox on 127.0.0.1 for a test file: started once, faults and recorded requests cleared before each test. */
import { DEMO_PROJECTS, type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/index.ts';
import { useService } from './late.ts';

export function useSandbox(options: SandboxOptions = {}): Sandbox {
  return useService('the ChatDash sandbox', { start: () => startSandbox(options), reset: resetSandbox, stop: (s) => s.close() });
}

/** No faults (for any demo project) and no recorded requests. */
export function resetSandbox(sandbox: Sandbox): void {
  for (const id of [undefined, ...DEMO_PROJECTS.map((p) => p.id)]) sandbox.setFault(undefined, id);
  sandbox.requests.length = 0;
}
