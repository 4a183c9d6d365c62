// @medplum/core reads the global WebSocket class when it loads. Node 20 has it only behind
// --experimental-websocket; the local EHR never opens a WebSocket, so a stand-in that
// refuses to connect lets the server start with or without the flag.
if (typeof globalThis.WebSocket === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- it stands in for the WebSocket constructor, so it must be a class
  class UnavailableWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    constructor() {
      throw new Error('WebSocket is not available in the local EHR');
    }
  }
  Object.defineProperty(globalThis, 'WebSocket', {
    value: UnavailableWebSocket,
    configurable: true,
    writable: true,
  });
}

export {};
