/** Fields every form of the portal has in the same words. No zod here: the page renders labels without it. */
import type { FieldDefinition } from './types.ts';

/** The confirmation that the privacy notice was read (the legal basis is Art. 6 Abs. 1 lit. e DSGVO, not consent). */
export const privacyNoticeField: FieldDefinition = {
  name: 'datenschutz',
  label: 'Ich habe die Datenschutzhinweise zu diesem Formular gelesen.',
  shortLabel: 'Datenschutzhinweise gelesen',
  type: 'consent',
  required: true,
  messages: {
    required: 'Bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben',
  },
};
