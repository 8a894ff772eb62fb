// Vite's `?url` imports: a file of a package copied into the build and named by its address, fetched from our own origin when needed.
declare module '*?url' {
  const url: string;
  export default url;
}
