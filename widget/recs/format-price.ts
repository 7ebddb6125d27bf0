/**
 * Prices in the page's language (`<html lang>`), e.g. `€12.50` or `12,50 €`. An unknown currency
 * code makes Intl throw; the number is then shown with the code beside it rather than not at all.
 */
export function formatPrice(price: number | null, currency: string | null): string | null {
  if (price === null) return null
  const locale = document.documentElement.lang || undefined
  try {
    return currency
      ? new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price)
      : new Intl.NumberFormat(locale).format(price)
  } catch {
    return `${price} ${currency ?? ''}`.trim()
  }
}
