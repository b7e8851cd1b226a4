import { describe, expect, it } from 'vitest';
import { readDeploymentEnv } from '../../shared/lib/env.ts';
import { loadConfig } from '../../server/config.ts';

describe('the environment is read through one schema with German messages that name the variable', () => {
  it('gives the documented defaults when nothing is set, and treats blank as unset', () => {
    expect(readDeploymentEnv({})).toEqual({ FORM_BACKEND: 'eigener-server', RETENTION_DAYS: 365, SPAM_RETENTION_DAYS: 30, ADMIN_AREA: false });
    expect(readDeploymentEnv({ RETENTION_DAYS: '  ', PUBLIC_FORM_ENDPOINT: '' })).toEqual({ FORM_BACKEND: 'eigener-server', RETENTION_DAYS: 365, SPAM_RETENTION_DAYS: 30, ADMIN_AREA: false });
  });

  it('decides from ADMIN_AREA whether the admin area exists, without it from whether ADMIN_PASSWORD is set, never reading the password', () => {
    expect(readDeploymentEnv({ ADMIN_PASSWORD: 'geheim-genug-4711' }).ADMIN_AREA).toBe(true);
    expect(JSON.stringify(readDeploymentEnv({ ADMIN_PASSWORD: 'geheim-genug-4711' }))).not.toContain('geheim');
    expect(readDeploymentEnv({ ADMIN_AREA: 'ja' }).ADMIN_AREA).toBe(true);
    expect(readDeploymentEnv({ ADMIN_AREA: 'nein' }).ADMIN_AREA).toBe(false);
    expect(readDeploymentEnv({ ADMIN_AREA: 'ja', ADMIN_PASSWORD: 'geheim-genug-4711' })).not.toHaveProperty('ADMIN_PASSWORD');
    expect(() => readDeploymentEnv({ ADMIN_AREA: 'nein', ADMIN_PASSWORD: 'geheim-genug-4711' })).toThrow(/ADMIN_AREA=nein, aber ADMIN_PASSWORD ist gesetzt/);
    expect(() => readDeploymentEnv({ ADMIN_AREA: 'vielleicht' })).toThrow(/ADMIN_AREA="vielleicht": erlaubt sind ja oder nein/);
  });

  it('reduces the form endpoint to its origin', () => {
    expect(readDeploymentEnv({ PUBLIC_FORM_ENDPOINT: 'https://formspree.io/f/' }).PUBLIC_FORM_ENDPOINT).toBe('https://formspree.io');
  });

  it('names every wrong variable in one message', () => {
    let message = '';
    try {
      readDeploymentEnv({ RETENTION_DAYS: 'ein Jahr', SPAM_RETENTION_DAYS: '0', PUBLIC_FORM_ENDPOINT: 'ftp://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('RETENTION_DAYS="ein Jahr" ist keine ganze Zahl.');
    expect(message).toContain('SPAM_RETENTION_DAYS=0 liegt nicht zwischen 1 und 3650.');
    expect(message).toContain('PUBLIC_FORM_ENDPOINT: „ftp://x“ muss mit http:// oder https:// beginnen.');
  });

  it('the server reads the same variables with the same messages', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT=70000 liegt nicht zwischen 0 und 65535\./);
    expect(() => loadConfig({ LOG_LEVEL: 'laut' })).toThrow(/LOG_LEVEL="laut" gibt es nicht/);
    expect(loadConfig({ RETENTION_DAYS: '90' }).retentionDays).toBe(90);
  });
});
