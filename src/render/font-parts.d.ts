// Parts of a @fontsource stylesheet (build/split-faces.ts): side-effect imports only.
declare module '*.css?faces=first' {}
declare module '*.css?faces=rest' {}
