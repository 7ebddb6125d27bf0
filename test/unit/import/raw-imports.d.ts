// Vite's `?raw` suffix imports a file's text; the unit tsconfig has no Node types to read files.
declare module '*.csv?raw' {
  const text: string
  export default text
}
