import { describe, expect, it } from 'vitest'
import { ApiFailure } from '../../../widget/admin/api/client.ts'
import { experimentLabels } from '../../../widget/admin/form/experiment-form.tsx'
import { readableFailure } from '../../../widget/admin/lib/field-messages.ts'
import { siteLabels } from '../../../widget/admin/settings/site-form.tsx'

const refused = (message: string) => new ApiFailure(400, 'invalid_x', message)

describe('readableFailure', () => {
  it('names a refused origin by what was sent (the textarea, split and de-duplicated)', () => {
    const sent = ['https://a.example', 'https://a.example/shop']
    expect(
      readableFailure(
        refused('allowedOrigins.1: must be a bare http(s) origin such as https://shop.example'),
        siteLabels(sent),
      ).message,
    ).toBe(
      'The allowed origin “https://a.example/shop” must be a bare http(s) origin such as https://shop.example.',
    )
    expect(
      readableFailure(
        refused('name: Too small: expected string to have >=1 characters'),
        siteLabels(sent),
      ).message,
    ).toBe('The name is required.')
    expect(
      readableFailure(
        refused('imageOrigins.0: must be a bare http(s) origin such as https://shop.example'),
        siteLabels(sent, ['https://cdn.example/img']),
      ).message,
    ).toBe(
      'The image origin “https://cdn.example/img” must be a bare http(s) origin such as https://shop.example.',
    )
  })

  it("names a variation's field by its row in the form", () => {
    const failure = readableFailure(
      refused('variations.1.url: must be a path starting with / or an http(s) URL'),
      experimentLabels,
    )
    expect(failure.message).toBe(
      'Variation 2’s split URL must be a path starting with / or an http(s) URL.',
    )
    expect(failure.code).toBe('invalid_x')
    expect(
      readableFailure(
        refused('name: Too big: expected string to have <=200 characters'),
        experimentLabels,
      ).message,
    ).toBe('The name must be at most 200 characters.')
  })

  it('keeps sentences it has no words for, and failures that are not a 400', () => {
    const unknown = refused('goal.name: Too small: expected string to have >=1 characters')
    expect(readableFailure(unknown, experimentLabels)).toBe(unknown)
    const conflict = new ApiFailure(409, 'experiment_exists', 'name: taken')
    expect(readableFailure(conflict, experimentLabels)).toBe(conflict)
  })
})
