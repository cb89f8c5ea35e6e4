/**
 * Lets other work run between batches without waiting: `setImmediate` in Node, a message to
 * itself in a browser's worker, which has no `setImmediate` and clamps chained zero timeouts to
 * 4 ms (hundreds of batches would add seconds to a large scan).
 */
interface Port {
  onmessage: (() => void) | null;
  postMessage(message: null): void;
  close(): void;
}
/** The browser's MessageChannel, typed as a worker has it (the project's type library is Node's). */
const Channel = (globalThis as unknown as { MessageChannel?: new () => { port1: Port; port2: Port } }).MessageChannel;

function later(resolve: () => void): void {
  if (typeof setImmediate === 'function') {
    setImmediate(resolve);
  } else if (Channel) {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  } else {
    setTimeout(resolve, 0);
  }
}
export const yieldToLoop = (): Promise<void> => new Promise(later);
