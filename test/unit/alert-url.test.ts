import { describe, expect, it } from 'vitest'
import { alertUrlProblem } from '../../worker/alerts/alert-url.ts'

describe('alertUrlProblem', () => {
  it.each([
    'https://hooks.slack.com/services/T0/B0/xyz',
    'https://discord.com/api/webhooks/1/abc',
    'https://8.8.8.8/hook',
    'https://[2606:4700::1111]/hook',
    'https://172.32.0.1/hook',
  ])('accepts %s', (url) => {
    expect(alertUrlProblem(url, false)).toBeNull()
  })

  it.each([
    ['http://hooks.example/x', false],
    ['http://127.0.0.1:8080/x', false],
    ['https://127.0.0.1/x', true],
    ['https://0.0.0.0/x', false],
    ['https://100.64.0.1/x', false],
    ['https://172.16.0.1/x', false],
    ['https://[fd00::1]/x', false],
    ['https://[fe80::1]/x', false],
    ['https://printer.local/x', false],
    ['https://localhost./x', false],
    ['ftp://hooks.example/x', false],
  ])('refuses %s (loopback allowed: %s)', (url, allowLoopback) => {
    expect(alertUrlProblem(url, allowLoopback)).not.toBeNull()
  })

  it('allows http://127.0.0.1 only when loopback is allowed', () => {
    expect(alertUrlProblem('http://127.0.0.1:9000/hook', true)).toBeNull()
    expect(alertUrlProblem('http://localhost:9000/hook', true)).not.toBeNull()
  })
})
