/** A company may store a provider address only where the platform allows one (provider-endpoint.ts). */
import { describe, expect, it } from 'vitest';
import { endpointAllowed, endpointOverridesAllowed } from './provider-endpoint.js';

describe('provider endpoints', () => {
  it('allows nothing but the provider\'s own address by default', () => {
    expect(endpointAllowed('https://dysmsapi.aliyuncs.com/', undefined)).toBe(false);
    expect(endpointAllowed('http://127.0.0.1:8080/', '')).toBe(false);
  });

  it('tells the editor whether any address of the company\'s own may be stored (else it shows no field)', () => {
    expect(endpointOverridesAllowed(undefined)).toBe(false);
    expect(endpointOverridesAllowed(' , ')).toBe(false);
    expect(endpointOverridesAllowed('loopback')).toBe(true);
  });

  it('loopback allows the local fakes only; listed origins match whole', () => {
    expect(endpointAllowed('http://127.0.0.1:43123/', 'loopback')).toBe(true);
    expect(endpointAllowed('http://localhost:43123/x', 'loopback')).toBe(true);
    expect(endpointAllowed('http://10.0.0.5/', 'loopback')).toBe(false);
    expect(endpointAllowed('http://169.254.169.254/latest/meta-data', 'loopback')).toBe(false);
    expect(endpointAllowed('https://sms-proxy.example.com/send', 'https://sms-proxy.example.com')).toBe(true);
    expect(endpointAllowed('https://sms-proxy.example.com.evil.test/', 'https://sms-proxy.example.com')).toBe(false);
    expect(endpointAllowed('http://sms-proxy.example.com/', 'https://sms-proxy.example.com')).toBe(false);
    expect(endpointAllowed('file:///etc/passwd', 'loopback')).toBe(false);
  });
});
