/**
 * The rollout steps of an offer (its `rollout` in content, src/lib/offer-schema.ts) as the admin
 * area uses them: where a Vorgang stands, which step comes next, and checking what staff enter
 * when they move a Vorgang on (dates real and not in the future, a choice one of the options, every
 * Angabe given). Plain logic; the strings are in shared/strings/admin.ts.
 */
import { adminStrings } from '../strings/admin.ts';
import { fill } from '../strings/template.ts';
import { isoDate } from './dates.ts';
import { writableText } from './characters.ts';

/** A rollout step as content.json carries it. */
export interface RolloutStep {
  readonly id: string;
  readonly titel: string;
  readonly abschluss: boolean;
  readonly angaben: readonly RolloutAngabe[];
  /** `einzelabruf`: the signed Einzelabruf arrives at this step; `live`: the service is live (at most one step each). */
  readonly meilenstein?: 'einzelabruf' | 'live' | undefined;
}

export interface RolloutAngabe {
  readonly id: string;
  readonly titel: string;
  readonly art: 'auswahl' | 'datum' | 'text';
  readonly optionen: readonly string[];
}

/** An Angabe as the history keeps it: with the title it had, so a reworded step stays readable. */
export interface RecordedAngabe {
  readonly id: string;
  readonly titel: string;
  /** A date as JJJJ-MM-TT, a choice, or text. */
  readonly wert: string;
  readonly art: RolloutAngabe['art'];
}

/** The longest text of an Angabe and of a note. */
export const ANGABE_MAX = 500;
export const NOTE_MAX = 2000;

const t = adminStrings.rollout;

/** The form field of an Angabe. */
export const angabeField = (angabe: Pick<RolloutAngabe, 'id'>): string => `angabe-${angabe.id}`;

/** The step a Vorgang stands at: its stored step, or the first step of the offer when it has none yet. */
export function currentStepId(steps: readonly RolloutStep[], stored: string | null): string | null {
  return stored ?? steps[0]?.id ?? null;
}

/** The step after `current` in the offer's order (the form offers it first); null after the last. */
export function nextStep(steps: readonly RolloutStep[], current: string | null): RolloutStep | null {
  const index = steps.findIndex((step) => step.id === current);
  if (index === -1) return steps[0] ?? null;
  return steps[index + 1] ?? null;
}

/** A date typed as JJJJ-MM-TT (what <input type="date"> sends) or TT.MM.JJJJ, as JJJJ-MM-TT; null when it is no real day. */
export function parseDay(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

export interface StepInputError {
  /** The form field (angabe-<id> or notiz). */
  readonly field: string;
  readonly message: string;
}

export type StepInputResult =
  | { readonly ok: true; readonly angaben: RecordedAngabe[]; readonly note: string }
  | { readonly ok: false; readonly errors: StepInputError[] };

/**
 * Checks what staff entered for reaching `step` (form fields angabe-<id> and notiz). `now` decides
 * which day is today in Germany: a date after it is refused (the step happened, it is not planned).
 */
export function checkStepInput(step: RolloutStep, input: Readonly<Record<string, unknown>>, now: Date): StepInputResult {
  const errors: StepInputError[] = [];
  const angaben: RecordedAngabe[] = [];
  const today = isoDate(now);
  for (const angabe of step.angaben) {
    const field = angabeField(angabe);
    const raw = typeof input[field] === 'string' ? writableText(input[field]).trim() : '';
    const named = { titel: angabe.titel };
    if (raw === '') {
      errors.push({ field, message: fill(angabe.art === 'auswahl' ? t.errors.choose : t.errors.missing, named) });
      continue;
    }
    if (angabe.art === 'datum') {
      const day = parseDay(raw);
      if (day === null) errors.push({ field, message: fill(t.errors.date, named) });
      else if (day > today) errors.push({ field, message: fill(t.errors.future, named) });
      else angaben.push({ id: angabe.id, titel: angabe.titel, art: angabe.art, wert: day });
    } else if (angabe.art === 'auswahl') {
      if (angabe.optionen.includes(raw)) angaben.push({ id: angabe.id, titel: angabe.titel, art: angabe.art, wert: raw });
      else errors.push({ field, message: fill(t.errors.choose, named) });
    } else if (raw.length > ANGABE_MAX) {
      errors.push({ field, message: fill(t.errors.tooLong, { ...named, max: ANGABE_MAX }) });
    } else {
      angaben.push({ id: angabe.id, titel: angabe.titel, art: angabe.art, wert: raw });
    }
  }
  const note = typeof input['notiz'] === 'string' ? writableText(input['notiz']).trim() : '';
  if (note.length > NOTE_MAX) errors.push({ field: 'notiz', message: fill(t.errors.tooLong, { titel: t.note, max: NOTE_MAX }) });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, angaben, note };
}

/** A step as the history or the Vorgang recorded it, with the content's current title, or marked „nicht mehr angeboten“ when the content no longer has it. */
export function stepLabel(steps: readonly RolloutStep[], recorded: { readonly id: string; readonly titel: string }): string {
  const step = steps.find((candidate) => candidate.id === recorded.id);
  return step === undefined ? fill(t.notOffered, { titel: recorded.titel }) : step.titel;
}

/** An Angabe as people read it: a date as 01.03.2026. */
export function angabeText(angabe: Pick<RecordedAngabe, 'art' | 'wert'>): string {
  if (angabe.art !== 'datum') return angabe.wert;
  const [year, month, day] = angabe.wert.split('-');
  return `${day}.${month}.${year}`;
}

/** What an authority's status page says of its Vorgang: the step it stands at and what comes next. */
export interface PublicStatus {
  /** The step's title (as the content has it now; a step no longer offered: as it was recorded). */
  readonly current: string;
  /** The next step: its title, the Einzelabruf (the page shows how to send it), or null (ended, or the last step). */
  readonly next: { readonly kind: 'step'; readonly titel: string } | { readonly kind: 'einzelabruf' } | null;
  /**
   * The way to going live, step by step, each passed, the current one or ahead; steps that end a
   * Vorgang without it going live (e. g. „beendet“) are not on it. Empty when the Vorgang stands at
   * such a step or at one no longer offered.
   */
  readonly way: readonly { readonly titel: string; readonly state: 'passed' | 'current' | 'ahead' }[];
}

/**
 * A Vorgang as its authority's status page shows it. The next step is the first after the current
 * one that does not end the Vorgang without it going live (e. g. „beendet“ is never announced).
 */
export function publicStatus(steps: readonly RolloutStep[], vorgang: { readonly stepId: string | null; readonly stepTitle: string | null; readonly endedAt: string | null }): PublicStatus {
  const current = currentStepId(steps, vorgang.stepId);
  const index = steps.findIndex((step) => step.id === current);
  const titel = steps[index]?.titel ?? vorgang.stepTitle ?? current ?? '';
  const onTheWay = (step: RolloutStep) => !step.abschluss || step.meilenstein === 'live';
  const here = steps[index];
  const way =
    here === undefined || !onTheWay(here)
      ? []
      : steps.flatMap((step, i) => (onTheWay(step) ? [{ titel: step.titel, state: i < index ? ('passed' as const) : i === index ? ('current' as const) : ('ahead' as const) }] : []));
  if (vorgang.endedAt !== null || index === -1) return { current: titel, next: null, way };
  const next = steps.slice(index + 1).find(onTheWay);
  if (next === undefined) return { current: titel, next: null, way };
  return { current: titel, next: next.meilenstein === 'einzelabruf' ? { kind: 'einzelabruf' } : { kind: 'step', titel: next.titel }, way };
}
