/**
 * Saving an admin API answer as a file. The secret key travels only in the Authorization header
 * (the API refuses it in a URL), so a plain link cannot download: the file is fetched with the
 * key and handed to the browser as a Blob. The Blob holds the whole file in the tab's memory
 * (about 60 bytes a visitor, some 60 MB for a million), which a browser carries; the Worker side
 * streams it page by page either way.
 */
import { currentKey } from '../session.ts'
import { ApiFailure, failureOf } from './client.ts'

/** Fetches `path` with the session's key and saves it as `filename`. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const key = currentKey()
  let response: Response
  try {
    response = await fetch(path, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    throw new ApiFailure(0, 'network_error', 'The server could not be reached. Try again.')
  }
  if (!response.ok) throw failureOf(response.status, await response.json().catch(() => null))
  const url = URL.createObjectURL(await response.blob())
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    document.body.append(link)
    link.click()
    link.remove()
  } finally {
    // After the click has handed the Blob to the download: the next task.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}
