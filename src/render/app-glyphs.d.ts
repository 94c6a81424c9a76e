// Every character the app's sources can show, built by build/app-glyphs.ts (a vite plugin).
declare module 'virtual:kubedeck-glyphs' {
  const glyphs: string;
  export default glyphs;
}

// The characters of the stage's own words and formats (src/render, src/model, src/timeline).
declare module 'virtual:kubedeck-stage-glyphs' {
  const glyphs: string;
  export default glyphs;
}
