import { describe, expect, it } from 'vitest';
import { angabeText, checkStepInput, currentStepId, nextStep, parseDay, publicStatus, stepLabel, type RolloutStep } from '../../shared/lib/rollout.ts';

const steps: RolloutStep[] = [
  { id: 'anfrage', titel: 'Anfrage', abschluss: false, angaben: [] },
  {
    id: 'vertrag',
    titel: 'Vertrag eingegangen',
    abschluss: false,
    angaben: [
      { id: 'weg', titel: 'Weg', art: 'auswahl', optionen: ['Postfach', 'Post'] },
      { id: 'datum', titel: 'Datum', art: 'datum', optionen: [] },
    ],
  },
  { id: 'ende', titel: 'beendet', abschluss: true, angaben: [{ id: 'grund', titel: 'Grund', art: 'text', optionen: [] }] },
];
const vertrag = steps[1] as RolloutStep;
const now = new Date('2026-03-15T23:30:00Z'); // already 16.03. in Germany

describe('rollout steps', () => {
  it('start at the first step and suggest the one after the current', () => {
    expect(currentStepId(steps, null)).toBe('anfrage');
    expect(currentStepId(steps, 'vertrag')).toBe('vertrag');
    expect(nextStep(steps, 'anfrage')?.id).toBe('vertrag');
    expect(nextStep(steps, 'ende')).toBeNull();
    expect(nextStep(steps, 'entfernt')?.id).toBe('anfrage');
  });

  it('tell the authority its step and what comes next: the Einzelabruf as such, never „beendet“, nothing once ended', () => {
    const withMilestones: RolloutStep[] = [
      { ...(steps[0] as RolloutStep) },
      { ...vertrag, meilenstein: 'einzelabruf' },
      { id: 'live', titel: 'live', abschluss: true, angaben: [], meilenstein: 'live' },
      steps[2] as RolloutStep,
    ];
    const at = (stepId: string | null, endedAt: string | null = null) => publicStatus(withMilestones, { stepId, stepTitle: stepId, endedAt });
    expect(at(null)).toMatchObject({ current: 'Anfrage', next: { kind: 'einzelabruf' } });
    expect(at('vertrag')).toMatchObject({ current: 'Vertrag eingegangen', next: { kind: 'step', titel: 'live' } });
    expect(at('live', '2026-03-01T10:00:00Z')).toMatchObject({ current: 'live', next: null });
    // Without a live step after it, „beendet“ is not announced as next.
    expect(publicStatus(steps, { stepId: 'vertrag', stepTitle: 'Vertrag eingegangen', endedAt: null }).next).toBeNull();
    expect(publicStatus(steps, { stepId: 'frueher', stepTitle: 'Früherer Schritt', endedAt: null })).toEqual({ current: 'Früherer Schritt', next: null, way: [] });
  });

  it('show the authority its way to going live, passed, current and ahead, without „beendet“; none once it ended without going live', () => {
    const withLive: RolloutStep[] = [...steps.slice(0, 2), { id: 'live', titel: 'live', abschluss: true, angaben: [], meilenstein: 'live' }, steps[2] as RolloutStep];
    const way = (stepId: string | null, endedAt: string | null = null) => publicStatus(withLive, { stepId, stepTitle: stepId, endedAt }).way;
    expect(way(null)).toEqual([
      { titel: 'Anfrage', state: 'current' },
      { titel: 'Vertrag eingegangen', state: 'ahead' },
      { titel: 'live', state: 'ahead' },
    ]);
    expect(way('vertrag').map((step) => step.state)).toEqual(['passed', 'current', 'ahead']);
    expect(way('live', '2026-03-01T10:00:00Z').map((step) => step.state)).toEqual(['passed', 'passed', 'current']);
    expect(way('ende', '2026-03-01T10:00:00Z')).toEqual([]);
  });

  it('read days as JJJJ-MM-TT or TT.MM.JJJJ, and only real days', () => {
    expect(parseDay('2026-03-01')).toBe('2026-03-01');
    expect(parseDay(' 1.3.2026 ')).toBe('2026-03-01');
    for (const bad of ['31.02.2026', '2026-13-01', 'gestern', '', '1.3.26']) expect(parseDay(bad), bad).toBeNull();
  });

  it('record the Angaben of the target step with their titles, and a note', () => {
    expect(checkStepInput(vertrag, { 'angabe-weg': 'Post', 'angabe-datum': '16.03.2026', notiz: '  angerufen ' }, now)).toEqual({
      ok: true,
      angaben: [
        { id: 'weg', titel: 'Weg', art: 'auswahl', wert: 'Post' },
        { id: 'datum', titel: 'Datum', art: 'datum', wert: '2026-03-16' },
      ],
      note: 'angerufen',
    });
    expect(checkStepInput(steps[0] as RolloutStep, {}, now)).toEqual({ ok: true, angaben: [], note: '' });
  });

  it('refuse a missing Angabe, a choice not offered, an impossible or future date, a too long text, naming the field', () => {
    const result = checkStepInput(vertrag, { 'angabe-weg': 'Brieftaube', 'angabe-datum': '17.03.2026', notiz: 'x'.repeat(2001) }, now);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'angabe-weg', message: 'Wählen Sie bei „Weg“ eine der Möglichkeiten.' },
        { field: 'angabe-datum', message: 'Das Datum bei „Datum“ liegt in der Zukunft. Tragen Sie den Tag ein, an dem es geschah.' },
        { field: 'notiz', message: '„Notiz“ darf höchstens 2000 Zeichen lang sein.' },
      ],
    });
    expect(checkStepInput(vertrag, { 'angabe-datum': '30.02.2026' }, now)).toMatchObject({
      errors: [
        { field: 'angabe-weg', message: 'Wählen Sie bei „Weg“ eine der Möglichkeiten.' },
        { field: 'angabe-datum', message: 'Bei „Datum“ steht kein gültiges Datum. Schreiben Sie es als TT.MM.JJJJ, z. B. 01.03.2026.' },
      ],
    });
    expect(checkStepInput(steps[2] as RolloutStep, { 'angabe-grund': '   ' }, now)).toMatchObject({ errors: [{ field: 'angabe-grund', message: 'Geben Sie „Grund“ an.' }] });
  });

  it('name a step by its current title, a removed one by its recorded title marked as no longer offered', () => {
    expect(stepLabel(steps, { id: 'vertrag', titel: 'Alter Titel' })).toBe('Vertrag eingegangen');
    expect(stepLabel(steps, { id: 'frueher', titel: 'Früherer Schritt' })).toBe('Früherer Schritt (nicht mehr angeboten)');
    expect(angabeText({ art: 'datum', wert: '2026-03-01' })).toBe('01.03.2026');
    expect(angabeText({ art: 'auswahl', wert: 'Post' })).toBe('Post');
  });
});
