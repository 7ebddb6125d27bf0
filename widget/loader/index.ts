// Placeholder entry until the storefront loader lands; it must never throw into the host page.
export {}
