/**
 * The contract with the real @formspree/core client: it is what @formspree/react uses in the
 * browser island, so these tests prove the island reads our replies correctly.
 */
import { createClient, isSubmissionError } from '@formspree/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, INTERESSE, validInteresse, type TestApp } from './helpers.ts';

let t: TestApp;
let endpoint: string;
beforeAll(async () => {
  t = await createTestApp();
  endpoint = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await t.close();
});

describe('@formspree/core against our backend', () => {
  it('reads a JSON submission as success; `next` carries the reference number', async () => {
    const result = await createClient().submitForm(INTERESSE, validInteresse() as Record<string, string>, { endpoint });
    expect(result.kind).toBe('success');
    if (result.kind !== 'success') return;
    const ref = new URL(result.next).searchParams.get('ref');
    expect(ref).toMatch(/^KV-\d{4}-\d{6}$/);
    expect((await t.app.store.listSubmissions(INTERESSE)).map((s) => s.reference)).toContain(ref);
  });

  it('reads a FormData (multipart) submission as success, like useForm sends from a <form>', async () => {
    const data = new FormData();
    for (const [key, value] of Object.entries(validInteresse())) {
      for (const v of Array.isArray(value) ? value : [value]) data.append(key, v === true ? 'on' : String(v));
    }
    const result = await createClient().submitForm(INTERESSE, data, { endpoint });
    expect(result.kind).toBe('success');
  });

  it('reads a 422 as field errors with Formspree codes and German messages', async () => {
    const result = await createClient().submitForm(INTERESSE, validInteresse({ email: 'kaputt', behoerde: '' }) as Record<string, string>, { endpoint });
    expect(isSubmissionError(result)).toBe(true);
    if (!isSubmissionError(result)) return;
    expect(result.getFieldErrors('email')).toEqual([
      { code: 'TYPE_EMAIL', message: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de' },
    ]);
    expect(result.getFieldErrors('behoerde')).toEqual([{ code: 'REQUIRED_FIELD_EMPTY', message: 'Geben Sie den Namen Ihrer Behörde ein' }]);
    expect(result.getFormErrors()).toEqual([]);
  });

  it('reads an unknown form as the form error FORM_NOT_FOUND', async () => {
    const result = await createClient().submitForm('gibtsnicht', { a: 'b' }, { endpoint });
    expect(isSubmissionError(result)).toBe(true);
    if (!isSubmissionError(result)) return;
    expect(result.getFormErrors()).toEqual([{ code: 'FORM_NOT_FOUND', message: 'Dieses Formular gibt es nicht. Prüfen Sie die Adresse.' }]);
  });

  it('reads a rate-limit reply as an error, never as a success', async () => {
    const limited = await createTestApp({ FORM_RATE_LIMIT: '1' });
    const url = await limited.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const client = createClient();
      expect((await client.submitForm(INTERESSE, validInteresse() as Record<string, string>, { endpoint: url })).kind).toBe('success');
      const second = await client.submitForm(INTERESSE, validInteresse() as Record<string, string>, { endpoint: url });
      expect(isSubmissionError(second)).toBe(true);
      if (isSubmissionError(second)) expect(second.getFormErrors()[0]?.message).toMatch(/Warten Sie eine Minute/);
    } finally {
      await limited.close();
    }
  });
});
