// Every character the app's sources can show, built by build/app-glyphs.ts (a vite plugin).
declare module 'virtual:kubedeck-glyphs' {
  const glyphs: string;
  export default glyphs;
}
