/**
 * The browser tests' ports (tests/e2e/env.ts): the fixture site's default port skips the ports
 * Chromium refuses, and a refused port given on purpose stops the run with a German message.
 */
import { describe, expect, it } from 'vitest';
import { e2ePorts } from '../e2e/env.ts';

describe('e2ePorts', () => {
  it('puts the fixture site 100 above E2E_PORT, by default 4391 and 4491', () => {
    expect(e2ePorts({})).toEqual({ site: 4391, fixtures: 4491 });
    expect(e2ePorts({ E2E_PORT: '4791' })).toEqual({ site: 4791, fixtures: 4891 });
    expect(e2ePorts({ E2E_PORT: '4791', E2E_FIXTURES_PORT: '4800' })).toEqual({ site: 4791, fixtures: 4800 });
  });

  it('moves the fixture site past ports Chromium refuses (6000, 6665–6669)', () => {
    expect(e2ePorts({ E2E_PORT: '5900' })).toEqual({ site: 5900, fixtures: 6001 });
    expect(e2ePorts({ E2E_PORT: '6565' }).fixtures).toBe(6670);
  });

  it('refuses a port Chromium does not open, or no port at all, naming the variable', () => {
    expect(() => e2ePorts({ E2E_PORT: '6000' })).toThrow('E2E_PORT: Port 6000 öffnet Chromium nicht');
    expect(() => e2ePorts({ E2E_FIXTURES_PORT: '5060' })).toThrow('E2E_FIXTURES_PORT: Port 5060');
    expect(() => e2ePorts({ E2E_PORT: 'abc' })).toThrow('E2E_PORT: „abc“ ist keine Portnummer');
  });
});
