// Vite's `?raw` imports: a file's text, for scripts that are pasted somewhere rather than bundled.
declare module '*?raw' {
  const text: string
  export default text
}
