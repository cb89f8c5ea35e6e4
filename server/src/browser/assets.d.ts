/** The files of `server/templates/`, by name, embedded as text by esbuild.mjs for the browser build. */
declare module 'archdoc:bundled-templates' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
