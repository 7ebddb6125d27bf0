/**
 * The signed-in admin key. It lives in sessionStorage only: gone when the tab closes, never in a
 * URL, a cookie or localStorage, so it is not sent anywhere but the Authorization header.
 */
const STORAGE_KEY = 'edgelift.adminKey'

/** Fallback when sessionStorage refuses writes (some privacy modes): the key lives for this page. */
let memoryKey: string | null = null

/** The key to send: this tab's stored key, else the in-memory fallback, else null. */
export function currentKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? memoryKey
  } catch {
    return memoryKey
  }
}

export function saveKey(key: string): void {
  memoryKey = key
  try {
    sessionStorage.setItem(STORAGE_KEY, key)
  } catch {
    // Blocked storage: memoryKey carries the session.
  }
}

export function clearKey(): void {
  memoryKey = null
  try {
    sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // Nothing was stored.
  }
}
