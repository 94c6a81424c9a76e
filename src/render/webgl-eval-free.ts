// PixiJS's shader and uniform code without `new Function`, for the WebGL renderer under a CSP
// without 'unsafe-eval' (pixi-csp.ts loads this module only on the WebGL path).
import 'pixi.js/unsafe-eval';
