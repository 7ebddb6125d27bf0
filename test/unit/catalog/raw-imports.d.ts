// Vite's `?raw` suffix imports a file's text; the unit tsconfig has no Node types to read files.
declare module '*.tsv?raw' {
  const text: string
  export default text
}
declare module '*.xml?raw' {
  const text: string
  export default text
}
