/** The Socket Mode double (`apps.connections.open` + its WebSocket) on 127.0.0.1 for a test file: started once, closed after. */
import { type SocketModeDouble, type SocketModeDoubleOptions, startSocketModeDouble } from '../../src/socket-mode-double/server.ts';
import { useService } from './late.ts';

/** No reset between tests: what it counts (`opens`, `hellos`, `acks`) is what a running client has done so far. */
export function useSocketModeDouble(options: SocketModeDoubleOptions = {}): SocketModeDouble {
  return useService('the Socket Mode double', { start: () => startSocketModeDouble(options), stop: (s) => s.close() });
}
