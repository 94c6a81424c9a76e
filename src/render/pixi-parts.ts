/**
 * The parts of PixiJS the stage uses, each from its own module rather than the package's index.
 * The index imports every renderer (WebGL, WebGPU and canvas) and extension, so all of them were
 * in the first load; these modules bring only what they need, and Application.init (with
 * manageImports: false, src/render/index.ts) fetches the one renderer it picks. `pixi-lib/` is
 * node_modules/pixi.js/lib (vite.config.ts resolve.alias, tsconfig.json paths): the package's
 * exports map names no deep paths. Import PixiJS in src/render from here, not from 'pixi.js'.
 */
export { Application } from 'pixi-lib/app/Application';
export { Container } from 'pixi-lib/scene/container/Container';
export { Graphics } from 'pixi-lib/scene/graphics/shared/Graphics';
export { GraphicsContext } from 'pixi-lib/scene/graphics/shared/GraphicsContext';
export { Rectangle } from 'pixi-lib/maths/shapes/Rectangle';
export { RendererType } from 'pixi-lib/rendering/renderers/types';
export { AbstractRenderer } from 'pixi-lib/rendering/renderers/shared/system/AbstractRenderer';
export { Sprite } from 'pixi-lib/scene/sprite/Sprite';
export { Text } from 'pixi-lib/scene/text/Text';
export { TextStyle } from 'pixi-lib/scene/text/TextStyle';
export { Texture } from 'pixi-lib/rendering/renderers/shared/texture/Texture';
export { TexturePool } from 'pixi-lib/rendering/renderers/shared/texture/TexturePool';
export { Ticker } from 'pixi-lib/ticker/Ticker';
export { BigPool } from 'pixi-lib/utils/pool/PoolGroup';

// Texture.from() and the sources it picks from (the icons are canvases): the package's index
// added these with masks and video sources, which the stage does not use.
import { extensions } from 'pixi-lib/extensions/Extensions';
import { CanvasSource } from 'pixi-lib/rendering/renderers/shared/texture/sources/CanvasSource';
import { ImageSource } from 'pixi-lib/rendering/renderers/shared/texture/sources/ImageSource';
import 'pixi-lib/rendering/renderers/shared/texture/utils/textureFrom';

extensions.add(CanvasSource, ImageSource);
// The icon atlas's source (icons.ts cuts one texture per icon from it).
export { CanvasSource };

// Masks by a Graphics (the scale view clips its zoomed world to its frame): the package's index
// registered these with the alpha and colour masks, which the stage does not use. Without them a
// masked container fails in PixiJS's render-group build.
import { StencilMask } from 'pixi-lib/rendering/mask/stencil/StencilMask';
import 'pixi-lib/rendering/mask/MaskEffectManager';

extensions.add(StencilMask);
