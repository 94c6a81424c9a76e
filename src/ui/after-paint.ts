/**
 * Resolves in a task after the next frame, so what the DOM says now has reached the screen (frame
 * callbacks run before that frame's paint). A hidden tab runs no frames and throttles timers:
 * there, a message-channel task at once.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    const post = (): void => channel.port2.postMessage(undefined);
    if (document.visibilityState === 'hidden') post();
    else requestAnimationFrame(post);
  });
}
