/**
 * Resolves in a task after the next frame, so what the DOM says now has reached the screen (frame
 * callbacks run before that frame's paint). A hidden tab runs no frames and throttles timers:
 * there (or once the tab is hidden while waiting), a message-channel task at once.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const post = (): void => channel.port2.postMessage(undefined);
    channel.port1.onmessage = () => {
      channel.port1.close();
      document.removeEventListener('visibilitychange', post);
      resolve();
    };
    if (document.visibilityState === 'hidden') {
      post();
      return;
    }
    requestAnimationFrame(post);
    document.addEventListener('visibilitychange', post);
  });
}
