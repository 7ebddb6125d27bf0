/**
 * The one place an API failure is shown: the envelope's sentence, a title saying what kind of
 * problem it is, and the code for support. `inline` is the compact form next to a form field.
 * It is an alert, so screen readers announce it the moment it appears.
 */
import type { ApiFailure } from '../api/client.ts'

/** What the admin should understand from the status, before the API's own sentence. */
export function failureTitle(failure: ApiFailure): string {
  switch (failure.status) {
    case 0:
      // Status 0 is "no answer": the network, or a check made before anything was sent.
      if (failure.code === 'network_error') return 'No connection'
      if (failure.code === 'client_error') return 'Something went wrong'
      return 'Please check the input'
    case 400:
      return 'Please check the input'
    case 401:
      return 'Not signed in'
    case 403:
      return 'Not allowed'
    case 404:
      return 'Not found'
    case 409:
      return 'That conflicts with the current state'
    case 413:
      return 'Too large'
    case 429:
      return 'Too many requests'
    case 503:
      return 'Storage is busy'
    default:
      return 'Something went wrong'
  }
}

type Props = {
  failure: ApiFailure | undefined | null
  /** The compact form beside a field; its id lets the field point at it with aria-describedby. */
  inline?: boolean
  id?: string
}

export function ErrorDisplay({ failure, inline = false, id }: Props) {
  if (!failure) return null
  if (inline) {
    return (
      <p class="error-inline" role="alert" id={id} data-error-code={failure.code}>
        <span aria-hidden="true">⚠ </span>
        {failure.message}
      </p>
    )
  }
  return (
    <div class="error-box" role="alert" id={id} data-error-code={failure.code}>
      <p class="error-title">
        <span aria-hidden="true">⚠ </span>
        {failureTitle(failure)}
      </p>
      <p>{failure.message}</p>
      {failure.status > 0 && (
        <p class="error-code">
          HTTP {failure.status} · <code>{failure.code}</code>
        </p>
      )}
    </div>
  )
}
