/**
 * Bench-only page: the least a PixiJS page does before its first frame (init a WebGL renderer
 * sized to its host, draw a few shapes and one text, render once), so `npm run bench` can compare
 * kubedeck's time to first frame with it in the same run.
 */
import { Application, Graphics, Text } from 'pixi.js';

declare global {
  interface Window {
    __firstFrame?: number;
  }
}

const host = document.getElementById('stage');
if (host) {
  const app = new Application();
  // Same renderer as the app picked (the bench passes ?renderer=canvas|webgl).
  const renderer = new URLSearchParams(location.search).get('renderer') === 'canvas' ? 'canvas' : 'webgl';
  await app.init({ resizeTo: host, background: 0x0a1424, antialias: true, autoStart: false, preference: renderer });
  host.append(app.canvas);
  for (let i = 0; i < 12; i++) {
    app.stage.addChild(new Graphics().roundRect(40 + (i % 4) * 220, 60 + Math.floor(i / 4) * 140, 200, 110, 14).fill(0x16284a).stroke({ color: 0x5b9bff, width: 2 }));
  }
  app.stage.addChild(new Text({ text: 'kube-apiserver', style: { fill: 0xe8eef8, fontSize: 20 }, x: 56, y: 76 }));
  app.render();
  requestAnimationFrame(() => {
    window.__firstFrame = performance.now();
    performance.mark('first-frame');
  });
}
